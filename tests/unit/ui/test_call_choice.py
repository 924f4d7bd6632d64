"""Which call Hang up and Transfer act on (issue "Call safety", rule one): my own call or the one
I selected, never another call because it is alone in the list."""

from __future__ import annotations

from konnekta_desktop.domain import Call, CallState, Direction
from konnekta_desktop.ui.call_choice import (
    answered_by_colleague,
    command_target,
    my_call,
    other_party,
    panel_calls,
)

ME = "me"


def leg(
    call_id: str, user_id: str, state: CallState, *, queue: str | None = None, at: float = 0
) -> Call:
    return Call(
        call_id=call_id,
        user_id=user_id,
        state=state,
        direction=Direction.INBOUND,
        caller="+4587654321",
        called="+4570203040",
        queue=queue,
        started_at=at,
    )


def test_a_colleagues_call_alone_in_the_list_is_no_target() -> None:
    calls = panel_calls([leg("c1", "pia", CallState.ANSWERED, queue="Support")], ME)
    assert len(calls) == 1
    assert command_target(calls, None) is None


def test_my_answered_call_wins_over_my_ringing_one_and_over_colleagues_calls() -> None:
    calls = panel_calls(
        [
            leg("q1", "pia", CallState.ANSWERED, queue="Support", at=1),
            leg("r1", ME, CallState.RINGING, at=2),
            leg("a1", ME, CallState.ANSWERED, at=3),
        ],
        ME,
    )
    target = command_target(calls, None)
    assert target is not None
    assert target.call_id == "a1"
    ringing_only = panel_calls([leg("r1", ME, CallState.RINGING)], ME)
    assert my_call(ringing_only) is not None


def test_the_selected_call_wins_and_a_vanished_selection_acts_on_nothing() -> None:
    calls = panel_calls(
        [leg("q1", "pia", CallState.ANSWERED, queue="Support"), leg("a1", ME, CallState.ANSWERED)],
        ME,
    )
    target = command_target(calls, "q1")
    assert target is not None
    assert target.call_id == "q1"
    assert answered_by_colleague(target, ME) == "pia"
    # The selected call ended: not my call instead, and not the one that took its row.
    assert command_target(calls, "gone") is None


def test_a_queue_call_still_ringing_at_agents_belongs_to_no_colleague_yet() -> None:
    calls = panel_calls(
        [
            leg("q1", "pia", CallState.RINGING, queue="Support"),
            leg("q1", "bo", CallState.RINGING, queue="Support"),
        ],
        ME,
    )
    assert answered_by_colleague(calls[0], ME) is None
    mine = panel_calls([leg("q2", ME, CallState.ANSWERED, queue="Support")], ME)
    assert answered_by_colleague(mine[0], ME) is None


def test_the_far_end_is_the_caller_of_an_incoming_call_and_the_called_of_an_outgoing_one() -> None:
    incoming = leg("c", ME, CallState.ANSWERED)
    assert other_party(incoming) == "+4587654321"
    outgoing = Call(
        call_id="o",
        user_id=ME,
        state=CallState.RINGING,
        direction=Direction.OUTBOUND,
        caller="+4533000001",
        called="+4587000000",
        started_at=0,
    )
    assert other_party(outgoing) == "+4587000000"
