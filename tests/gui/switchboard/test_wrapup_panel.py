"""The wrap-up panel in the switchboard window against the simulator: docked beside the colleague
grid and the call list, never over them; a transfer made here pre-fills the note; F10 reaches it and
Enter completes it, which the message bar confirms; two pending wrap-ups show at once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import msgspec
import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QTableView, QWidget
from pytestqt.qtbot import QtBot

from konnekta_desktop.core.session import Session
from konnekta_desktop.domain import Availability
from konnekta_desktop.simulator.server import Simulator
from konnekta_desktop.ui.call_choice import my_talking_call
from konnekta_desktop.ui.switchboard import MainWindow, colleague_number
from konnekta_desktop.ui.wrapup_dialog import WrapUpForm, colleague_name
from tests.gui.conftest import make_session
from tests.gui.gui_helpers import OPERATOR_ID, Runner

pytestmark = pytest.mark.gui

CALLER = "+4587654321"
STRANGER = "+4599887766"  # no colleague's number


@pytest.fixture
def session(simulator: Simulator, tmp_path: Path, run: Runner) -> Iterator[Session]:
    """The operator's desktop with wrap-up on, in Konnekta and here, its client attached."""
    operator = msgspec.structs.replace(simulator.tenant.users[OPERATOR_ID], wrap_up=True)
    simulator.tenant.users[OPERATOR_ID] = operator
    session = make_session(simulator, tmp_path / "store.sqlite3", OPERATOR_ID, wrap_up=True)
    session.attach_client()
    try:
        yield session
    finally:
        run(session.close())


def availability(simulator: Simulator) -> Availability:
    return simulator.tenant.presence[OPERATOR_ID].availability


def my_answered_call(window: MainWindow, simulator: Simulator, run: Runner, qtbot: QtBot) -> str:
    call_id = run(simulator.ring(OPERATOR_ID, CALLER))
    run(simulator.answer(call_id))
    qtbot.waitUntil(lambda: talking_in(window) == call_id)
    return call_id


def talking_in(window: MainWindow) -> str | None:
    """The call the window shows me talking in."""
    mine = my_talking_call(window.call_model.calls())
    return mine.call_id if mine is not None else None


def ended_call(window: MainWindow, simulator: Simulator, run: Runner, qtbot: QtBot) -> WrapUpForm:
    """My call, answered and hung up by the caller: its wrap-up, once the panel shows it."""
    call_id = my_answered_call(window, simulator, run, qtbot)
    run(simulator.hang_up(call_id))
    qtbot.waitUntil(lambda: call_id in window.wrapups.entries)
    return window.wrapups.entries[call_id]


def in_window(window: MainWindow, widget: QWidget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def test_the_panel_docks_beside_the_grid_and_the_call_list_never_over_them(
    window: MainWindow, simulator: Simulator, run: Runner, qtbot: QtBot
) -> None:
    window.resize(1366, 740)  # a 1366x768 screen minus a task bar
    entry = ended_call(window, simulator, run, qtbot)
    panel = window.wrapups
    qtbot.waitUntil(lambda: entry.isVisible() and panel.width() > 250)

    grid = window.findChild(QTableView, "colleagueGrid")
    calls = window.findChild(QTableView, "callPanel")
    assert grid is not None
    assert calls is not None
    shown = in_window(window, panel)
    for needed in (grid, calls, window.grid_panel, window.call_panel):
        assert needed.isVisible()
        assert needed.width() > 300
        assert not shown.intersects(in_window(window, needed))
    assert window.rect().contains(shown)
    assert panel.isAncestorOf(entry.note_edit)
    assert not panel.isFloating()


def test_a_transfer_to_a_colleague_pre_fills_the_note_with_their_name(
    window: MainWindow, session: Session, simulator: Simulator, run: Runner, qtbot: QtBot
) -> None:
    call_id = my_answered_call(window, simulator, run, qtbot)
    colleague = next(
        c
        for c in session.colleagues
        if c.user.id != OPERATOR_ID and c.user.lines and colleague_number(c) is not None
    )
    window.select_colleague(colleague.user.id)

    window.transfer()  # F4: to the colleague selected

    qtbot.waitUntil(lambda: call_id in window.wrapups.entries)
    entry = window.wrapups.entries[call_id]
    qtbot.waitUntil(lambda: entry.note_edit.text() == f"Transferred to {colleague.user.name}")
    assert not entry.note_edit.isReadOnly()


def test_a_transfer_to_a_typed_number_pre_fills_the_note_with_the_number(
    window: MainWindow, session: Session, simulator: Simulator, run: Runner, qtbot: QtBot
) -> None:
    assert colleague_name(session, STRANGER) is None
    call_id = my_answered_call(window, simulator, run, qtbot)
    window.number_edit.setText("99 88 77 66")

    window.transfer()

    qtbot.waitUntil(lambda: call_id in window.wrapups.entries)
    entry = window.wrapups.entries[call_id]
    qtbot.waitUntil(lambda: entry.note_edit.text() == "Transferred to 99 88 77 66")


def test_f10_reaches_the_wrap_up_and_enter_completes_it_with_a_notice(
    window: MainWindow, session: Session, simulator: Simulator, run: Runner, qtbot: QtBot
) -> None:
    entry = ended_call(window, simulator, run, qtbot)
    qtbot.waitUntil(lambda: availability(simulator) is Availability.UNAVAILABLE)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.grid.setFocus()
    qtbot.waitUntil(window.grid.hasFocus)

    qtbot.keyClick(window.grid, Qt.Key.Key_F10)
    qtbot.waitUntil(entry.note_edit.hasFocus)
    qtbot.keyClicks(entry.note_edit, "Wants a quote")
    qtbot.keyClick(entry.note_edit, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: availability(simulator) is Availability.AVAILABLE)
    qtbot.waitUntil(lambda: window.wrapups.entries == {})
    assert window.message_bar.kind == "info"
    assert window.message_bar.text() == "Wrap-up of the call with 87 65 43 21 saved."
    assert [r.note for r in session.store.wrapup_records(OPERATOR_ID)] == ["Wants a quote"]
    assert not window.wrapups.isVisible()
    qtbot.waitUntil(window.grid.hasFocus)  # back where the operator was


def test_two_pending_wrap_ups_show_at_once(
    window: MainWindow, simulator: Simulator, run: Runner, qtbot: QtBot
) -> None:
    first = ended_call(window, simulator, run, qtbot)
    second = ended_call(window, simulator, run, qtbot)

    assert list(window.wrapups.entries.values()) == [first, second]
    qtbot.waitUntil(lambda: first.isVisible() and second.isVisible())
    assert not in_window(window, first).intersects(in_window(window, second))


def test_a_wrap_up_completed_elsewhere_leaves_the_panel_without_a_notice(
    window: MainWindow, simulator: Simulator, run: Runner, qtbot: QtBot
) -> None:
    """Issue "Company connector", item 4: another desktop of the operator (or the timeout)
    completed it; the session says so (`Update.wrapups_done`) and the entry goes."""
    first = ended_call(window, simulator, run, qtbot)
    call_id = next(cid for cid, entry in window.wrapups.entries.items() if entry is first)
    [pending] = [w for w in window.session.pending_wrapups() if w.call_id == call_id]
    run(window.session.complete_wrapup(pending, "done elsewhere"))
    qtbot.waitUntil(lambda: call_id not in window.wrapups.entries)
    assert "saved" not in window.message_bar.text()
