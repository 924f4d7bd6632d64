"""The shortcut table binds every action and is what Help > Keyboard shortcuts shows."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QTableWidget

from konnekta_desktop.ui.main_window import MainWindow
from konnekta_desktop.ui.shortcuts import SHORTCUTS, shortcut_rows


def test_every_action_has_the_keys_of_the_table(window: MainWindow) -> None:
    assert set(window.actions_by_name) == {entry.action for entry in SHORTCUTS}
    for entry in SHORTCUTS:
        bound = [k.toString() for k in window.actions_by_name[entry.action].shortcuts()]
        assert bound == [QKeySequence(keys).toString() for keys in entry.keys]


def test_no_key_is_bound_twice() -> None:
    keys = [QKeySequence(k).toString() for entry in SHORTCUTS for k in entry.keys]
    assert len(keys) == len(set(keys))


def test_numeric_keypad_scheme() -> None:
    by_action = {entry.action: entry.keys for entry in SHORTCUTS}
    assert "Num+-" in by_action["hang_up"]
    assert {"Num+,", "Num+."} <= set(by_action["dial"])
    assert {"Shift+Num+,", "Shift+Num+."} <= set(by_action["dial_mobile"])
    assert "Ctrl+Num++" in by_action["transfer"]


def test_help_dialog_lists_the_same_table(window: MainWindow) -> None:
    window.show_shortcuts()
    table = window.findChild(QTableWidget, "shortcutTable")
    assert table is not None
    rows = shortcut_rows()
    assert table.rowCount() == len(rows)
    assert [table.item(r, 1).text() for r in range(table.rowCount())] == [d for _k, d in rows]


def test_about_names_versions_and_the_licence(window: MainWindow) -> None:
    text = window.about_text()
    assert "GPL-3.0-or-later" in text
    assert "Qt " in text
    assert "Python " in text
