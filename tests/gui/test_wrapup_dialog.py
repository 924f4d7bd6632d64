"""The wrap-up dialog against the real session and the simulator: a call to the operator ends, the
dialog shows caller, queue and duration, Complete makes the operator Available in Konnekta.
Also: a colleague calling is named, a dialog restored after a restart runs its timer from the
call's end, a refused completion is explained and can be retried, and the dialog never blocks.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import msgspec
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from konnekta_desktop.core.clock import ManualClock
from konnekta_desktop.core.session import Session
from konnekta_desktop.core.store import Store
from konnekta_desktop.domain import Availability, Direction
from konnekta_desktop.domain.numbers import NumberPlan
from konnekta_desktop.domain.refusals import Command, Reason, Refused, why
from konnekta_desktop.domain.status import Connection
from konnekta_desktop.domain.wrapups import WrapUpSession
from konnekta_desktop.simulator.server import Simulator
from konnekta_desktop.simulator.tenant import primary_number
from konnekta_desktop.ui.calls import format_duration
from konnekta_desktop.ui.wrapup_dialog import WrapUpDialog, caller_text
from tests.gui.gui_helpers import OPERATOR_ID, Runner
from tests.helpers.konnekta import config_for

pytestmark = pytest.mark.gui

CALLER = "+4587654321"


@pytest.fixture(autouse=True)
def dialogs_closing_keep_qt_running(qapp: QApplication) -> Iterator[None]:
    """A dialog under test may be the only window: closing it must not quit the application."""
    before = qapp.quitOnLastWindowClosed()
    qapp.setQuitOnLastWindowClosed(False)
    yield
    qapp.setQuitOnLastWindowClosed(before)


def wrapup_session_for(simulator: Simulator, store_path: Path) -> Session:
    """The operator's desktop (its client attached), with wrap-up on in Konnekta and here."""
    operator = msgspec.structs.replace(simulator.tenant.users[OPERATOR_ID], wrap_up=True)
    simulator.tenant.users[OPERATOR_ID] = operator
    config = config_for(simulator, operator_user=operator.username, wrap_up=True)
    session = Session(config, Store(store_path), simulator=simulator)
    session.attach_client()
    return session


@pytest.fixture
def started_session(
    simulator: Simulator, tmp_path: Path, run: Runner, qtbot: QtBot
) -> Iterator[Session]:
    session = wrapup_session_for(simulator, tmp_path / "store.sqlite3")
    run(session.start())
    qtbot.waitUntil(lambda: session.connector.status.state is Connection.CONNECTED, timeout=15_000)
    try:
        yield session
    finally:
        run(session.close())


def availability(simulator: Simulator) -> Availability:
    return simulator.tenant.presence[OPERATOR_ID].availability


def test_call_ends_dialog_shows_the_call_and_complete_makes_the_operator_available(
    started_session: Session, simulator: Simulator, run: Runner, qtbot: QtBot
) -> None:
    session = started_session
    dialogs: list[WrapUpDialog] = []

    def open_dialog(pending: WrapUpSession) -> None:
        dialog = WrapUpDialog(session, pending)
        qtbot.addWidget(dialog)
        dialog.show()
        dialogs.append(dialog)

    session.wrapup.subscribe(open_dialog)
    queue = next(iter(simulator.tenant.queues))

    call_id = run(simulator.ring(OPERATOR_ID, CALLER, queue=queue))
    qtbot.waitUntil(lambda: availability(simulator) is Availability.UNAVAILABLE)
    run(simulator.answer(call_id))
    run(simulator.hang_up(call_id))
    qtbot.waitUntil(lambda: bool(dialogs))

    dialog = dialogs[0]
    pending = dialog.wrapup_session
    assert dialog.call_id == call_id
    assert dialog.party_label.text() == session.plan.display(CALLER)
    assert dialog.queue_label.text() == queue
    assert dialog.duration_label.text() == format_duration(pending.ended - pending.started)
    assert dialog.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    assert not dialog.isModal()
    assert dialog.complete_button.isDefault()
    assert availability(simulator) is Availability.UNAVAILABLE

    dialog.note_edit.setText("Wants a quote by mail")
    dialog.code_combo.setCurrentIndex(dialog.code_combo.findData("Message taken"))
    qtbot.keyClick(dialog.note_edit, Qt.Key.Key_Return)  # Enter completes

    qtbot.waitUntil(lambda: availability(simulator) is Availability.AVAILABLE)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    [record] = session.store.wrapup_records(OPERATOR_ID)
    assert (record.call_id, record.note, record.code) == (
        call_id,
        "Wants a quote by mail",
        "Message taken",
    )
    assert session.wrapup.pending() == []


def test_a_colleague_calling_is_shown_by_name(
    started_session: Session, simulator: Simulator, qtbot: QtBot
) -> None:
    colleague = next(u for uid, u in simulator.tenant.users.items() if uid != OPERATOR_ID)
    number = primary_number(colleague)
    qtbot.waitUntil(lambda: len(started_session.model) == len(simulator.tenant.users))

    shown = caller_text(started_session, number)

    assert shown == f"{colleague.name} ({started_session.plan.display(number)})"
    assert caller_text(started_session, CALLER) == started_session.plan.display(CALLER)


def pending_call(ended: float) -> WrapUpSession:
    return WrapUpSession(
        call_id="call-restored",
        user_id=OPERATOR_ID,
        direction=Direction.INBOUND,
        caller=CALLER,
        called="+4533000000",
        queue=None,
        started=ended - 95,
        ended=ended,
    )


def test_dialog_restored_after_a_restart_counts_from_the_calls_end_and_completes(
    simulator: Simulator, tmp_path: Path, run: Runner, qtbot: QtBot
) -> None:
    clock = ManualClock(now=1_750_000_000.0)
    store_path = tmp_path / "store.sqlite3"
    with Store(store_path) as before_restart:
        before_restart.save_pending_wrapup(pending_call(ended=clock.now() - 60))
    session = wrapup_session_for(simulator, store_path)
    run(simulator.set_presence(OPERATOR_ID, None, Availability.UNAVAILABLE))
    try:
        run(session.start())
        qtbot.waitUntil(lambda: session.connector.status.state is Connection.CONNECTED)
        [restored] = session.wrapup.pending()
        dialog = WrapUpDialog(session, restored, clock=clock.now)
        qtbot.addWidget(dialog)
        dialog.show()

        assert dialog.queue_label.text() == "Direct call"
        assert dialog.duration_label.text() == "1:35"
        assert dialog.elapsed_label.text() == "1:00"
        assert dialog.timer.isActive()
        assert dialog.timer.interval() == 1000
        clock.advance(65)
        dialog.timer.timeout.emit()
        assert dialog.elapsed_label.text() == "2:05"

        dialog.complete_button.click()
        qtbot.waitUntil(lambda: availability(simulator) is Availability.AVAILABLE)
        qtbot.waitUntil(lambda: not dialog.isVisible())
        assert session.store.pending_wrapups() == []
    finally:
        run(session.close())


class RefusingOnce:
    """A wrap-up service whose first completion Konnekta refuses (stands in for a flaky PBX)."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str, str]] = []

    async def complete_wrapup(self, session: WrapUpSession, note: str = "", code: str = "") -> None:
        self.calls.append((session.call_id, note, code))
        if len(self.calls) == 1:
            at = {"server": "konnekta", "address": "smg:443", "setting": "SMG Address"}
            raise Refused(
                Reason.PBX_FAILED,
                why(Reason.SERVER_TIMEOUT, **at),
                command=Command.SET_AVAILABILITY.value,
            )


def test_a_refused_completion_is_explained_and_can_be_retried(
    qtbot: QtBot, qasync_loop: object
) -> None:
    service = RefusingOnce()
    session = SimpleNamespace(
        plan=NumberPlan(), colleagues=[], complete_wrapup=service.complete_wrapup
    )
    dialog = WrapUpDialog(session, pending_call(ended=1_750_000_000.0), clock=lambda: 1_750_000_010)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.code_combo.setEditText("Own code")

    dialog.complete_button.click()
    qtbot.waitUntil(lambda: not dialog.error_label.isHidden())

    assert "Konnekta at smg:443 did not answer in time" in dialog.error_label.text()
    assert dialog.complete_button.isEnabled()
    assert dialog.isVisible()

    with qtbot.waitSignal(dialog.completed) as completed:
        dialog.complete_button.click()
    assert completed.args == ["call-restored"]
    assert service.calls[-1] == ("call-restored", "", "Own code")
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_escape_does_not_hide_a_pending_wrap_up(qtbot: QtBot) -> None:
    service = RefusingOnce()
    session = SimpleNamespace(
        plan=NumberPlan(), colleagues=[], complete_wrapup=service.complete_wrapup
    )
    dialog = WrapUpDialog(session, pending_call(ended=0.0), clock=lambda: 5.0)
    qtbot.addWidget(dialog)
    dialog.show()

    qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    assert dialog.isVisible()
    assert service.calls == []
