"""The switchboard window: puts the panels together, binds every action from the one shortcut
table (`ui/shortcuts.py`), follows the core (colleagues and calls, shown states, the connection),
opens Settings, and closes.

The panels: the message bar, the dial bar, Me, the colleague grid and the call panel; the status
bar under them. Every command runs through the window's one `TaskRunner`, so a refusal from
Konnekta appears in the message bar in plain words. Attributes that moved to a panel are still
read here (`panel_attributes.py`), for the app, the tray, the tests and the scripts.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from ...autostart import apply_start_at_login
from ...domain.colleagues import ModelChange
from ...domain.refusals import Reason, why
from ...domain.status import Connection, ConnectionStatus
from ...domain.types import CallingDevice
from ...settings import Settings
from ..bridge import AppSession, Bridge
from ..calls import CallTableModel
from ..icons import app_icon
from ..refusal_words import words
from ..shortcuts import key_label, key_sequences, shortcut
from ..single_instance import parse_dial_target
from ..tasks import TaskRunner
from ..texts import DEVICES
from . import help as help_menu
from .attendant import AttendantCommands
from .call_panel import CallPanel
from .commands import CallCommands
from .dial_bar import DialBar
from .grid_panel import GridPanel
from .layout import Splitters, WindowLayout, compact, layout_file
from .me_panel import MePanel, MyUser
from .menus import build_menus
from .message_bar import MessageBar
from .panel_attributes import PanelAttributes
from .queue_panel import QueuePanel
from .status_bar import StatusBar, settings_to_fill_in
from .title import APP_NAME, window_title
from .wrapups import WrapUps

log = logging.getLogger(__name__)

__all__ = ["APP_NAME", "MainWindow"]

# The grid, the call panel and the count follow the model at most once every two frames at 60 Hz,
# not once per batch: at 1,000 events/s the call panel changes every time, and repainting it at
# 60 Hz cost a fifth of a core.
_UPDATE_DELAY_MS = 33


@dataclass(slots=True)
class _PendingUpdate:
    """What the window has yet to show, merged from the model's changes and new shown states."""

    users: set[str] = field(default_factory=set)  # colleagues whose row changed
    calls: bool = False  # the call panel
    operator: bool = False  # my own entry, or who I am
    my_state: bool = False  # my shown state
    queues: bool = False  # the queue panel (its waiting calls, agents, who is free)

    def __bool__(self) -> bool:
        return bool(self.users or self.calls or self.operator or self.my_state or self.queues)


class MainWindow(PanelAttributes, QMainWindow):
    """The switchboard. `quit_requested` fires when the operator quits (or closes the window
    when there is no tray to hide to)."""

    quit_requested = Signal()
    settings_applied = Signal(object)  # Settings, once the session uses them

    def __init__(self, session: AppSession, bridge: Bridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        # Makes the login item match the setting; the app passes the real one, tests a stand-in.
        self.start_at_login: Callable[[bool], None] = apply_start_at_login
        self.bridge = bridge
        self.hide_to_tray = False
        self.tasks = TaskRunner(self.show_error)
        # Who I am, shared with the call model, Me and the commands through a plain holder (see
        # `MyUser`), not a reference to the window.
        self._me = MyUser()
        self._settings_dialog: QDialog | None = None
        self._first_run_notice = ""
        self._status = session.status
        self._pending = _PendingUpdate()
        self._update_timer = QTimer(self)
        self._update_timer.setSingleShot(True)
        self._update_timer.setInterval(_UPDATE_DELAY_MS)
        self._update_timer.timeout.connect(self.flush_pending)

        self.setObjectName("mainWindow")
        self.setWindowIcon(app_icon())
        self.setWindowTitle(window_title(session.demo))
        self.setMinimumSize(900, 560)

        self.call_model = CallTableModel(
            session.colleagues,
            lambda: session.plan,
            self._me.get,
            session.now,
            self,
        )
        self._build_panels()
        self.actions_by_name: dict[str, QAction] = {}
        self._build_actions()
        self._build_ui()
        build_menus(self)
        self.layout_keeper = WindowLayout(
            self, self.splitters, self.grid, self.call_panel.view, layout_file(session.paths)
        )
        self.layout_keeper.restore()
        self._refresh_operator()
        self.call_panel.refresh()
        self.show_status(session.status)

        bridge.model_changed.connect(self.on_model_changed)
        bridge.status_changed.connect(self.show_status)
        bridge.presence_changed.connect(self.on_presence_changed)
        bridge.wrapup_pending.connect(self.open_wrapup)
        bridge.recall_due.connect(self.attendant.recall)
        bridge.wrapup_done.connect(self.wrapups.done_elsewhere)
        self.queue_panel.take_next_requested.connect(self.attendant.take_from_queue)
        self.status_bar.start()

    # -- building --------------------------------------------------------------------------------

    def _build_panels(self) -> None:
        """The panels, and what each asks of the others (through the commands)."""
        session, messages = self.session, MessageBar()
        self.message_bar = messages
        self.dial_bar = DialBar(session)
        self.me_panel = MePanel(
            session, self.tasks, self._me, messages.show_error, messages.show_info
        )
        call_panel = self.call_panel = CallPanel(self.call_model, self._me.get)
        self.queue_panel = QueuePanel(session, self.tasks, self._me.get, messages.show_info)
        self.grid_panel = GridPanel(
            session, lambda: call_panel.target() is not None, my_devices=self._my_devices
        )
        self.status_bar = StatusBar(session)
        self.wrapups = WrapUps(session, messages.show_info, self)
        commands = self.commands = CallCommands(
            session,
            self.tasks,
            self._me,
            self.dial_bar,
            self.grid_panel,
            call_panel,
            messages,
            self,
        )
        self.dial_bar.dial_requested.connect(lambda: commands.dial_current(None))
        for panel in (self.me_panel, self.grid_panel):
            panel.state_requested.connect(commands.set_state_of)
            panel.forwarding_requested.connect(commands.set_forwarding_of)
        commands.forwarding_set.connect(self.me_panel.forwarding_done)
        self.grid_panel.colleague_activated.connect(commands.activate_colleague)
        self.grid_panel.dial_requested.connect(commands.dial_colleague)
        self.grid_panel.transfer_requested.connect(
            lambda number, who: commands.transfer_to(number, who=who)
        )
        call_panel.hang_up_requested.connect(commands.hang_up)
        call_panel.transfer_requested.connect(commands.transfer)
        commands.transferred.connect(self.wrapups.transferred)  # suggests the wrap-up's note
        self.attendant = AttendantCommands(
            session,
            self.tasks,
            self._me,
            self.dial_bar,
            self.grid_panel,
            call_panel,
            messages,
            commands,
        )

    def _build_actions(self) -> None:
        commands, me, grid = self.commands, self.me_panel, self.grid_panel
        handlers: dict[str, tuple[str, Callable[[], object]]] = {
            "dial": (self.tr("&Dial"), lambda: commands.dial_current(None)),
            "dial_mobile": (
                self.tr("Dial from &mobile phone"),
                lambda: commands.dial_current(CallingDevice.MOBILE),
            ),
            "dial_teams": (
                self.tr("Dial from T&eams"),
                lambda: commands.dial_current(CallingDevice.TEAMS),
            ),
            "hang_up": (self.tr("&Hang up"), commands.hang_up),
            "transfer": (self.tr("&Transfer"), commands.transfer),
            "focus_dial": (self.tr("Go to the dial &bar"), self.focus_dial_bar),
            "focus_filter": (self.tr("Go to the &filter"), grid.focus_filter),
            "focus_colleagues": (self.tr("Go to the &colleagues"), grid.focus_grid),
            "focus_calls": (self.tr("Go to the c&alls"), self.call_panel.focus),
            "my_state": (self.tr("My &state…"), me.focus_state),
            "my_forwarding": (self.tr("My &forwarding…"), me.focus_forwarding),
            "my_caller_id": (self.tr("My &caller ID…"), me.focus_caller_id),
            "settings": (self.tr("&Settings…"), self.open_settings),
            "wrap_up": (self.tr("Pending &wrap-ups"), self.wrapups.open_pending),
            "dial_clipboard": (
                self.tr("Dial the number on the &clipboard"),
                commands.dial_clipboard,
            ),
            "dismiss_message": (self.tr("Close the &message"), self.dismiss_message),
            "save_diagnostics": (self.tr("Save &diagnostics…"), self.save_diagnostics),
            "open_log_folder": (self.tr("Open the &log folder"), self.open_log_folder),
            "shortcuts_help": (self.tr("&Keyboard shortcuts"), self.show_shortcuts),
            "hide": (self.tr("&Close window"), self.close),
            "quit": (self.tr("&Quit"), self.quit_requested.emit),
            **self.attendant.handlers(),
        }
        for name, (text, handler) in handlers.items():
            # The keys as the operator reads them, after a tab (the menu then shows these).
            action = QAction(f"{text}\t{key_label(name)}", self)
            action.setShortcuts(key_sequences(name))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.setToolTip(QCoreApplication.translate("Shortcuts", shortcut(name).description))
            action.triggered.connect(lambda _checked=False, h=handler: h())
            self.addAction(action)
            self.actions_by_name[name] = action

    def _build_ui(self) -> None:
        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(6, 3, 6, 2)
        outer.setSpacing(3)

        self.demo_banner = QLabel(
            self.tr(
                "Demo: connected to the built-in Konnekta simulator. Calls and people are "
                "made up; nothing reaches a real phone."
            )
        )
        self.demo_banner.setObjectName("demoBanner")
        self.demo_banner.setStyleSheet(
            "#demoBanner { background: #fff3bf; color: #5c3c00; border: 1px solid #f08c00;"
            " border-radius: 4px; padding: 1px 8px; font-weight: bold; }"
        )
        self.demo_banner.setAccessibleName(self.tr("Demo mode"))
        self.demo_banner.setVisible(self.session.demo)
        self.menuBar().setCornerWidget(self.demo_banner)  # beside the menus: no row of its own
        outer.addWidget(self.message_bar)

        top = QHBoxLayout()
        top.addWidget(self.dial_bar, 3)
        top.addWidget(self.me_panel, 4)
        outer.addLayout(top)
        compact(self.dial_bar, self.me_panel, self.call_panel)
        self.splitters = Splitters(self.grid_panel, self.call_panel, self.call_panel.view)
        self.splitters.add_below("queues", self.queue_panel, stretch=0)
        outer.addWidget(self.splitters.main, 1)
        self.setCentralWidget(central)
        self.setStatusBar(self.status_bar)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.wrapups)

    @property
    def me_box(self) -> QGroupBox:
        return self.me_panel

    # -- following the core ------------------------------------------------------------------

    def on_model_changed(self, change: ModelChange) -> None:
        if change.reset or change.added or change.removed:
            # Rows come and go: shown now, so the grid never paints a row the model no longer
            # has. This shows everything, so whatever was pending is shown with it.
            self._pending = _PendingUpdate()
            self._update_timer.stop()
            self.colleague_model.apply_change(change)
            self._refresh_operator()
            self.call_panel.refresh(repaint_all=True)
            self.queue_panel.refresh()
            self.grid_panel.update_count()
            return
        pending = self._pending
        pending.users |= change.changed
        pending.calls = pending.calls or change.calls_changed
        pending.queues = pending.queues or change.queues_changed or change.calls_changed
        pending.operator = pending.operator or (
            self._me.id is None or self._me.id in change.changed
        )
        self._schedule_update()

    def on_presence_changed(self, user_ids: set[str]) -> None:
        self._pending.users |= user_ids
        self._pending.my_state = self._pending.my_state or self._me.id in user_ids
        self._schedule_update()

    def _schedule_update(self) -> None:
        if self._pending and not self._update_timer.isActive():
            self._update_timer.start()

    def flush_pending(self) -> None:
        """Show what changed since the last update: the grid's changed rows, the call panel,
        my own entry and the count, once however many batches came in between."""
        self._update_timer.stop()
        pending, self._pending = self._pending, _PendingUpdate()
        if not pending:
            return
        if pending.users:
            self.colleague_model.refresh_users(pending.users)
        if pending.operator:
            self._refresh_operator()
        elif pending.my_state:
            self.me_panel.refresh_my_state()
        if pending.calls:
            self.call_panel.refresh()
        if pending.queues:
            self.queue_panel.refresh()
        self.grid_panel.update_count()

    def show_status(self, status: ConnectionStatus) -> None:
        previous = self._status
        self._status = status
        disconnected = status.state is Connection.DISCONNECTED
        missing = settings_to_fill_in(self.session) if disconnected else []
        self.status_bar.show_connection(status, missing)
        if disconnected and status.setting is not None and status.why and status != previous:
            # A setting stops the connection until it is fixed: say so where it is seen.
            self.show_error(words(status.why))
        if status.warning is not None and status.warning != previous.warning:
            self.show_error(words(status.warning))  # the clocks disagree: once, when it starts
        elif (
            status.state is Connection.CONNECTED
            and status.warning is None
            and previous.warning is not None
            and previous.warning.reason is Reason.EVENTS_NOT_ARRIVING
        ):
            self.show_info(words(why(Reason.EVENTS_ARRIVE_AGAIN)))
        if status.state is Connection.CONNECTED and previous.state is not Connection.CONNECTED:
            if self._first_run_notice and self.message_bar.text() == self._first_run_notice:
                self.dismiss_message()
            self._refresh_operator()
            self.me_panel.load_caller_ids()

    @property
    def operator_id(self) -> str | None:
        return self._me.id

    def _refresh_operator(self) -> None:
        if self.me_panel.refresh_operator():
            self.call_panel.refresh(repaint_all=True)
        self.dial_bar.offer_devices(self._my_devices())

    def _my_devices(self) -> tuple[CallingDevice, ...]:
        """The operator's own calling devices; every device while the operator is not known."""
        operator = self.session.operator
        return operator.user.devices if operator is not None else DEVICES

    # -- focus and messages ----------------------------------------------------------------------

    def focus_dial_bar(self) -> None:
        self.bring_to_front()
        self.dial_bar.focus()

    def bring_to_front(self) -> None:
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    def show_error(self, text: str) -> None:
        self.message_bar.show_error(text)

    def show_info(self, text: str) -> None:
        self.message_bar.show_info(text)

    def dismiss_message(self) -> None:
        self.message_bar.dismiss()

    # -- settings --------------------------------------------------------------------------------

    def open_settings(self, first_run: bool = False) -> None:
        """The settings window; `first_run` opens it on Connection, saying what to fill in."""
        if self._settings_dialog is not None and self._settings_dialog.isVisible():
            self._settings_dialog.raise_()
            self._settings_dialog.activateWindow()
            return
        try:
            from ..settings.dialog import SettingsDialog
        except ImportError as error:
            log.warning("Settings window unavailable: %s", error)
            self.show_error(self.tr("The settings window is not available in this build."))
            return
        self.bring_to_front()
        if first_run:
            # Also said here, for when the operator closes Settings without filling it in.
            self._first_run_notice = self.tr(
                "Konnekta Desktop is not connected yet: fill in the connection details from "
                "your telephony provider in Settings > Connection (F9)."
            )
            self.show_info(self._first_run_notice)
        dialog = SettingsDialog(
            self.session, self, first_run=first_run, start_at_login=self.start_at_login
        )
        dialog.settings_applied.connect(self.on_settings_applied)
        dialog.note_for_later.connect(self.show_info)
        self._settings_dialog = dialog
        dialog.open()

    @property
    def settings_dialog(self) -> QDialog | None:
        return self._settings_dialog

    def on_settings_applied(self, settings: Settings) -> None:
        """Show what the new settings change: numbers, my user, the calling device, the status."""
        self.colleague_model.reset()
        self.call_panel.refresh(repaint_all=True)
        self.dial_bar.follow_settings()
        self._refresh_operator()
        self.show_status(self.session.status)
        self.grid_panel.update_count()
        self.settings_applied.emit(settings)

    # -- help ------------------------------------------------------------------------------------

    def save_diagnostics(self) -> None:
        help_menu.save_diagnostics(self, self.session, self.tasks, self.show_error, self.show_info)

    def open_log_folder(self) -> None:
        help_menu.open_log_folder(self.session, self.show_error)

    def show_shortcuts(self) -> None:
        help_menu.show_shortcuts(self)

    def about_text(self) -> str:
        return help_menu.about_text()

    def show_about(self) -> None:
        help_menu.show_about(self)

    # -- a second launch -------------------------------------------------------------------------

    def dial_targets(self, arguments: Sequence[str]) -> None:
        """Arguments handed over by a second launch (a number, a tel: or callto: link)."""
        self.bring_to_front()
        for argument in arguments:
            if argument.startswith("-"):
                continue
            number = parse_dial_target(argument)
            if number is None:
                self.show_error(
                    self.tr(
                        "{argument!r} is not a number to dial. Use a number, or a tel: or callto: "
                        "link."
                    ).format(argument=argument)
                )
                continue
            self.commands.dial_number(number, self.session.default_calling_device)
            return

    # -- closing -------------------------------------------------------------------------------

    def shut_down(self) -> None:
        """Stop everything that runs Python code on Qt's events, before the window is deleted.

        A window that lingers until deleteLater (or the garbage collector) must not have its
        timers or event filters call into Python: deleting it from inside one of those calls
        frees the object Qt is still delivering the event to.
        """
        self.layout_keeper.save()  # the app quits: kept for the next start
        self.status_bar.stop()
        self._update_timer.stop()
        self.call_model.stop()
        self.queue_panel.stop()
        self.grid_panel.shut_down()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.layout_keeper.save()
        if self.hide_to_tray:
            event.ignore()
            self.hide()
            return
        event.accept()
        self.quit_requested.emit()
