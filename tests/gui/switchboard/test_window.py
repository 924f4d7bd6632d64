"""The window as the panels put together: the attributes that moved to a panel are still read
through the window (and only read), every object name the tests and scripts look for is there,
and the call commands ask one question at a time."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QTableView, QWidget
from pytestqt.qtbot import QtBot

from konnekta_desktop.domain import Line, LineRole, LineType, User
from konnekta_desktop.domain.colleagues import Colleague
from konnekta_desktop.ui.switchboard import MainWindow, colleague_number
from konnekta_desktop.ui.switchboard.panel_attributes import PanelAttributes, Part
from konnekta_desktop.ui.switchboard.title import window_title
from tests.gui.gui_helpers import OPERATOR_ID

PARTS = {name: part for name, part in vars(PanelAttributes).items() if isinstance(part, Part)}


def test_every_part_is_read_from_its_panel(window: MainWindow) -> None:
    assert len(PARTS) > 40
    for name, part in PARTS.items():
        assert getattr(window, name) == getattr(getattr(window, part.panel), part.name), name


def test_parts_cannot_be_replaced_through_the_window(window: MainWindow) -> None:
    with pytest.raises(AttributeError):
        window.grid = QTableView()  # type: ignore[misc]
    assert window.grid is window.grid_panel.grid


@pytest.mark.parametrize(
    ("kind", "name"),
    [
        (QLineEdit, "dialBar"),
        (QLineEdit, "colleagueFilter"),
        (QTableView, "colleagueGrid"),
        (QTableView, "callPanel"),
        (QPushButton, "hangUpButton"),
        (QPushButton, "transferButton"),
        (QWidget, "messageBar"),
        (QLabel, "demoBanner"),
        (QLabel, "demoMark"),
    ],
)
def test_the_object_names_are_found_in_the_window(
    window: MainWindow, kind: type[QWidget], name: str
) -> None:
    assert window.objectName() == "mainWindow"
    assert window.findChild(kind, name) is not None


def test_one_question_at_a_time(window: MainWindow, qtbot: QtBot) -> None:
    answered: list[str] = []
    window.ask("First?", "The first question?", "Yes", lambda: answered.append("first"))
    first = window.question
    assert first is not None
    window.ask("Second?", "The second question?", "Yes", lambda: answered.append("second"))
    second = window.question
    assert second is not None
    assert second is not first
    assert not first.isVisible()
    qtbot.keyClick(second, Qt.Key.Key_Return)  # yes is the default button
    qtbot.waitUntil(lambda: window.question is None)
    assert answered == ["second"]


def colleague(*lines: Line) -> Colleague:
    return Colleague(User(id="u1", username="u1@x.dk", name="Ulla", lines=lines))


def test_a_colleague_is_called_on_the_fixed_line_else_the_first_line() -> None:
    fixed = Line(role=LineRole.PRIMARY, type=LineType.FIXED, number="+4533000001")
    mobile = Line(role=LineRole.PRIMARY, type=LineType.MOBILE, number="+4520000001")
    assert colleague_number(colleague(mobile, fixed)) == "+4533000001"
    assert colleague_number(colleague(mobile)) == "+4520000001"
    assert colleague_number(colleague()) is None


def test_an_error_belongs_to_its_action_and_goes_with_the_next_one(
    window: MainWindow, qtbot: QtBot
) -> None:
    """Operator polish, item 2: an error stayed after the next action succeeded."""
    window.commands.hang_up()  # no call: said as an error
    assert "no call to hang up" in window.message_bar.text()
    window.dial_bar.number_edit.setText("12ab")
    window.commands.dial_current(None)  # the next action: its own error replaces the old one
    assert "not a phone number" in window.message_bar.text()
    assert "no call to hang up" not in window.message_bar.text()
    window.commands.set_state_of(OPERATOR_ID, "Lunch")
    assert window.message_bar.text() == ""


def test_the_title_names_the_app_once(qapp: object) -> None:
    """Operator polish, item 9: "Konnekta Desktop — Demo — Konnekta Desktop" (Qt adds the
    application's name after the title on Linux and Windows)."""
    title = window_title(demo=True)
    if sys.platform == "darwin":
        assert title == "Konnekta Desktop — Demo"
    else:
        assert title == "Demo"
        assert window_title(demo=False) == ""


def test_tab_leaves_each_table_so_hang_up_and_transfer_can_be_reached(
    window: MainWindow, qtbot: QtBot
) -> None:
    """Operator polish, item 10: every table trapped Tab (6,000 presses never left it), so the
    call panel, Hang up and Transfer could not be reached by Tab. Arrows move inside a table."""
    window.activateWindow()
    for table in (window.grid, window.call_panel.view):
        table.setFocus()
        qtbot.waitUntil(table.hasFocus)
        qtbot.keyClick(table, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is not table
    window.grid.setFocus()
    qtbot.waitUntil(window.grid.hasFocus)
    for _ in range(20):  # on from the grid, Tab by Tab, the call list comes
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        if QApplication.focusWidget() is window.call_panel.view:
            break
    assert QApplication.focusWidget() is window.call_panel.view
