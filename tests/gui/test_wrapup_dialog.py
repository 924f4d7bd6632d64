"""The wrap-up form against the real session and the simulator: a call to the operator ends, the
form shows caller, queue and duration, Enter completes and makes the operator Available in Konnekta.
Also: a colleague calling is named, a form restored after a restart runs its timer from the call's
end, a refused completion is explained and can be retried, and the form in a dialog of its own
never blocks and does not go away with Escape.
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
from konnekta_desktop.ui.wrapup_dialog import WrapUpDialog, WrapUpForm, caller_text
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


def test_call_ends_form_shows_the_call_and_enter_completes_making_the_operator_available(
    started_session: Session, simulator: Simulator, run: Runner, qtbot: QtBot
) -> None:
    session = started_session
    forms: list[WrapUpForm] = []

    def open_form(pending: WrapUpSession) -> None:
        form = WrapUpForm(session, pending)
        qtbot.addWidget(form)
        form.show()
        forms.append(form)

    session.wrapup.subscribe(open_form)
    queue = next(iter(simulator.tenant.queues))

    call_id = run(simulator.ring(OPERATOR_ID, CALLER, queue=queue))
    qtbot.waitUntil(lambda: availability(simulator) is Availability.UNAVAILABLE)
    run(simulator.answer(call_id))
    run(simulator.hang_up(call_id))
    qtbot.waitUntil(lambda: bool(forms))

    form = forms[0]
    pending = form.wrapup_session
    assert form.call_id == call_id
    assert form.party_label.text() == session.plan.display(CALLER)
    assert form.queue_label.text() == queue
    assert form.duration_label.text() == format_duration(pending.ended - pending.started)
    assert form.complete_button.isDefault()
    assert availability(simulator) is Availability.UNAVAILABLE

    form.note_edit.setText("Wants a quote by mail")
    form.code_combo.setCurrentIndex(form.code_combo.findData("Message taken"))
    with qtbot.waitSignal(form.completed) as completed:
        qtbot.keyClick(form.note_edit, Qt.Key.Key_Return)  # Enter completes

    assert completed.args == [call_id]
    qtbot.waitUntil(lambda: availability(simulator) is Availability.AVAILABLE)
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


def test_form_restored_after_a_restart_counts_from_the_calls_end_and_completes(
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
        form = WrapUpForm(session, restored, clock=clock.now)
        qtbot.addWidget(form)
        form.show()

        assert form.queue_label.text() == "Direct call"
        assert form.duration_label.text() == "1:35"
        assert form.elapsed_label.text() == "1:00"
        assert form.timer.isActive()
        assert form.timer.interval() == 1000
        clock.advance(65)
        form.timer.timeout.emit()
        assert form.elapsed_label.text() == "2:05"

        with qtbot.waitSignal(form.completed):
            form.complete_button.click()
        qtbot.waitUntil(lambda: availability(simulator) is Availability.AVAILABLE)
        assert not form.timer.isActive()
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
    form = WrapUpForm(session, pending_call(ended=1_750_000_000.0), clock=lambda: 1_750_000_010)
    qtbot.addWidget(form)
    form.show()
    form.code_combo.setEditText("Own code")

    form.complete_button.click()
    qtbot.waitUntil(lambda: not form.error_label.isHidden())

    assert "Konnekta at smg:443 did not answer in time" in form.error_label.text()
    assert form.complete_button.isEnabled()

    with qtbot.waitSignal(form.completed) as completed:
        form.complete_button.click()
    assert completed.args == ["call-restored"]
    assert service.calls[-1] == ("call-restored", "", "Own code")
    assert form.error_label.isHidden()


def test_the_dialog_stays_on_top_never_blocks_and_closes_once_completed(
    qtbot: QtBot, qasync_loop: object
) -> None:
    service = RefusingOnce()
    service.calls.append(("an earlier", "", ""))  # so that this completion is not refused
    session = SimpleNamespace(
        plan=NumberPlan(), colleagues=[], complete_wrapup=service.complete_wrapup
    )
    dialog = WrapUpDialog(session, pending_call(ended=0.0), clock=lambda: 5.0)
    qtbot.addWidget(dialog)
    dialog.show()

    assert dialog.windowTitle() == "Wrap-up"
    assert dialog.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    assert not dialog.isModal()
    assert dialog.complete_button.text() == "&Complete"  # Alt+C: a window of its own
    qtbot.keyClicks(dialog.note_edit, "Sent the price list")
    with qtbot.waitSignal(dialog.completed) as completed:
        qtbot.keyClick(dialog.note_edit, Qt.Key.Key_Return)

    assert completed.args == ["call-restored"]
    assert service.calls[-1] == ("call-restored", "Sent the price list", "")
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
