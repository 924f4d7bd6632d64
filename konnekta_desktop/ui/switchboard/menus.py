"""The switchboard window's menu bar, over the window's actions (`actions_by_name`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from .window import MainWindow

__all__ = ["build_menus"]

translate = QCoreApplication.translate


def build_menus(window: MainWindow) -> None:
    bar = window.menuBar()
    a = window.actions_by_name
    file_menu = bar.addMenu(translate("MainWindow", "&File"))
    file_menu.addActions([a["settings"], a["hide"], a["quit"]])
    call_menu = bar.addMenu(translate("MainWindow", "&Call"))
    call_menu.addActions([a["dial"], a["dial_mobile"], a["dial_teams"], a["dial_clipboard"]])
    call_menu.addSeparator()
    call_menu.addActions([a["answer"], a["pick_up"], a["hold"]])
    call_menu.addSeparator()
    call_menu.addActions([a["hang_up"], a["transfer"], a["consult"], a["go_back"]])
    me_menu = bar.addMenu(translate("MainWindow", "&Me"))
    me_menu.addActions([a["my_state"], a["my_forwarding"], a["my_caller_id"], a["wrap_up"]])
    view_menu = bar.addMenu(translate("MainWindow", "&View"))
    view_menu.addActions(
        [
            a["focus_dial"],
            a["focus_filter"],
            a["focus_colleagues"],
            a["focus_calls"],
            a["dismiss_message"],
        ]
    )
    help_bar = bar.addMenu(translate("MainWindow", "&Help"))
    help_bar.addAction(a["shortcuts_help"])
    help_bar.addSeparator()
    help_bar.addActions([a["save_diagnostics"], a["open_log_folder"]])
    help_bar.addSeparator()
    about = help_bar.addAction(translate("MainWindow", "&About Konnekta Desktop"))
    about.triggered.connect(window.show_about)
