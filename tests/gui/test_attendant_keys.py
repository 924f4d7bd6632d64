"""The attendant's call features, done when: an operator handles a call from ringing to attended
transfer without the mouse, in direct mode and through the company connector (the window
fixture of the call-safety tests runs each test both ways). Also: hold and resume, going back
to the caller when the colleague does not answer, and picking up a colleague's ringing call."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from konnekta_desktop.core.session import Session
from konnekta_desktop.domain.types import CallState
from konnekta_desktop.simulator.server import Simulator
from konnekta_desktop.ui.switchboard import MainWindow
from tests.gui.gui_helpers import OPERATOR_ID, Runner
from tests.gui.test_call_safety import (  # the window both ways, and how the operator drives it
    active,  # noqa: F401
    call_status,
    filter_edit,
    highlighted_colleague,
    my_answered_call,
    press,
    window,  # noqa: F401
)

COLLEAGUE = "user-00020"  # Mads Nissen
CUSTOMER = "+4587651111"


def legs(simulator: Simulator, call_id: str) -> dict[str, CallState]:
    return {user: leg.state for user, leg in simulator.tenant.calls.get(call_id, {}).items()}


def held(simulator: Simulator, call_id: str, user_id: str = OPERATOR_ID) -> bool:
    leg = simulator.tenant.calls.get(call_id, {}).get(user_id)
    return bool(leg is not None and leg.held)


def choose_colleague(shown: MainWindow, qtbot: QtBot, text: str, user_id: str) -> None:
    """Type in the filter (F3) until the colleague is on top, as an operator does."""
    press(shown, qtbot, Qt.Key.Key_F3)
    qtbot.keyClicks(filter_edit(shown), text)
    qtbot.waitUntil(lambda: highlighted_colleague(shown) == user_id)


def consultation_of(simulator: Simulator, held_call: str) -> str | None:
    for call_id, by_user in simulator.tenant.calls.items():
        leg = by_user.get(OPERATOR_ID)
        if leg is not None and leg.consultation_for == held_call:
            return call_id
    return None


def test_from_ringing_to_an_attended_transfer_with_the_keyboard_only(
    active: MainWindow,  # noqa: F811
    simulator: Simulator,
    run: Runner,
    qtbot: QtBot,
) -> None:
    call_id = run(simulator.ring(OPERATOR_ID, CUSTOMER))
    qtbot.waitUntil(lambda: call_status(active, call_id) == "Ringing (me)")
    press(active, qtbot, Qt.Key.Key_F11)  # answer
    qtbot.waitUntil(lambda: legs(simulator, call_id).get(OPERATOR_ID) is CallState.ANSWERED)
    qtbot.waitUntil(lambda: (call_status(active, call_id) or "").startswith("Talking (me)"))

    choose_colleague(active, qtbot, "Mads Nissen", COLLEAGUE)
    press(active, qtbot, Qt.Key.Key_F4, Qt.KeyboardModifier.ShiftModifier)  # ask first
    qtbot.waitUntil(lambda: consultation_of(simulator, call_id) is not None)
    consultation = consultation_of(simulator, call_id)
    assert consultation is not None
    assert held(simulator, call_id)
    run(simulator.answer(consultation, user_id=COLLEAGUE))
    qtbot.waitUntil(lambda: (call_status(active, consultation) or "").startswith("Consulting"))

    press(active, qtbot, Qt.Key.Key_F4)  # transfer: connects the caller with the colleague
    qtbot.waitUntil(lambda: legs(simulator, call_id).get(COLLEAGUE) is CallState.ANSWERED)
    qtbot.waitUntil(lambda: OPERATOR_ID not in legs(simulator, call_id))
    assert consultation not in simulator.tenant.calls or not simulator.tenant.calls[consultation]
    qtbot.waitUntil(lambda: active.call_model.row_of(call_id) is None)  # no longer mine


def test_when_the_colleague_does_not_answer_back_to_the_caller(
    active: MainWindow,  # noqa: F811
    simulator: Simulator,
    run: Runner,
    qtbot: QtBot,
) -> None:
    call_id = my_answered_call(active, simulator, run, qtbot)
    choose_colleague(active, qtbot, "Mads Nissen", COLLEAGUE)
    press(active, qtbot, Qt.Key.Key_F4, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: consultation_of(simulator, call_id) is not None)
    consultation = consultation_of(simulator, call_id)
    assert consultation is not None
    run(simulator.no_answer(consultation))
    # What the operator sees then: the colleague's call gone, the caller on hold.
    qtbot.waitUntil(lambda: active.call_model.row_of(consultation) is None)
    qtbot.waitUntil(lambda: (call_status(active, call_id) or "").startswith("On hold (me)"))
    press(active, qtbot, Qt.Key.Key_F5, Qt.KeyboardModifier.ShiftModifier)  # back to the caller
    qtbot.waitUntil(lambda: not held(simulator, call_id))
    assert legs(simulator, call_id).get(OPERATOR_ID) is CallState.ANSWERED
    qtbot.waitUntil(lambda: (call_status(active, call_id) or "").startswith("Talking (me)"))


def test_hold_and_resume_with_one_key(
    active: MainWindow,  # noqa: F811
    simulator: Simulator,
    run: Runner,
    qtbot: QtBot,
) -> None:
    call_id = my_answered_call(active, simulator, run, qtbot)
    press(active, qtbot, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: held(simulator, call_id))
    qtbot.waitUntil(lambda: (call_status(active, call_id) or "").startswith("On hold (me)"))
    press(active, qtbot, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: not held(simulator, call_id))


def test_pick_up_takes_the_selected_colleagues_ringing_call(
    active: MainWindow,  # noqa: F811
    simulator: Simulator,
    run: Runner,
    qtbot: QtBot,
) -> None:
    call_id = run(simulator.ring(COLLEAGUE, CUSTOMER))
    choose_colleague(active, qtbot, "Mads Nissen", COLLEAGUE)
    qtbot.waitUntil(lambda: bool(active.session.colleagues.get(COLLEAGUE).calls))  # type: ignore[union-attr]
    press(active, qtbot, Qt.Key.Key_F11, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: OPERATOR_ID in legs(simulator, call_id))
    assert COLLEAGUE not in legs(simulator, call_id)


def test_a_transfer_nobody_answers_comes_back_to_me(
    active: MainWindow,  # noqa: F811
    simulator: Simulator,
    session: Session,
    run: Runner,
    qtbot: QtBot,
) -> None:
    """Transferred-call tracking: not answered within the recall time (the operator's setting,
    made short here), the call comes back to me, as I am on no other call."""
    session.transfers.recall_seconds = 0.3
    call_id = my_answered_call(active, simulator, run, qtbot)
    choose_colleague(active, qtbot, "Mads Nissen", COLLEAGUE)
    press(active, qtbot, Qt.Key.Key_F4)  # a blind transfer of my own call
    qtbot.waitUntil(lambda: legs(simulator, call_id).get(COLLEAGUE) is CallState.RINGING)
    qtbot.waitUntil(lambda: legs(simulator, call_id).get(OPERATOR_ID) is CallState.ANSWERED)
    assert COLLEAGUE not in legs(simulator, call_id)
