"""Wrap-up when call events come partial or out of the usual order, and its clean-up afterwards.

The reference page, section Wrap-Up: a call starting makes the user Unavailable at once; "When
the call ends, user will be presented with the wrap-up dialog"; completing it makes the user
Available. Konnekta's events do not always come as ringing -> answered -> ended: an answered event
can be lost, and an ended event may or may not carry `answered_at`. The machine must still open a
wrap-up exactly for the calls that were answered, and leave nothing behind after the others.
"""

from __future__ import annotations

import pytest

from konnekta_desktop.core.clock import ManualClock
from konnekta_desktop.core.wrapup import SetAvailability, ShowWrapUp, WrapUp, WrapUpDone
from konnekta_desktop.domain import Availability, Call, CallingDevice, CallState, Direction
from konnekta_desktop.domain.wrapups import WrapUpSession

AVAILABLE = Availability.AVAILABLE
UNAVAILABLE = Availability.UNAVAILABLE
START = 1_750_000_000.0
QUEUE = "Reception queue"


def leg(
    state: CallState,
    call_id: str = "c1",
    *,
    answered_at: float | None = None,
    user_id: str = "anna",
    queue: str | None = None,
) -> Call:
    return Call(
        call_id=call_id,
        user_id=user_id,
        state=state,
        direction=Direction.INBOUND,
        caller="+4570101010",
        called=queue or "+4532123456",
        queue=queue,
        device=CallingDevice.LOCAL,
        started_at=START,
        answered_at=answered_at,
    )


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(now=START)


@pytest.fixture
def wrapup(clock: ManualClock) -> WrapUp:
    return WrapUp(clock, enabled_users=["anna"])


def answered_and_ended(
    wrapup: WrapUp, call_id: str, *, user_id: str = "anna", queue: str | None = None
) -> None:
    """A call that was answered and ended: its wrap-up is pending."""
    for state in (CallState.ANSWERED, CallState.ENDED):
        wrapup.on_call(leg(state, call_id, answered_at=START + 5, user_id=user_id, queue=queue))


# --- events partial or out of order -------------------------------------------------------------


def test_ringing_straight_to_ended_with_answered_at_opens_a_wrap_up(
    wrapup: WrapUp, clock: ManualClock
) -> None:
    """The answered event was lost, but the end says the call was answered: the wrap-up dialog
    shows (Wrap-Up: "When the call ends, user will be presented with the wrap-up dialog")."""
    assert wrapup.on_call(leg(CallState.RINGING), AVAILABLE) == [
        SetAvailability("anna", UNAVAILABLE)
    ]
    clock.advance(40)
    actions = wrapup.on_call(leg(CallState.ENDED, answered_at=START + 5))
    assert actions == [
        ShowWrapUp(
            WrapUpSession(
                call_id="c1",
                user_id="anna",
                direction=Direction.INBOUND,
                caller="+4570101010",
                called="+4532123456",
                queue=None,
                started=START,
                ended=START + 40,
            )
        )
    ]
    assert wrapup.in_progress("anna")
    assert wrapup.complete("anna", "c1")[-1] == SetAvailability("anna", AVAILABLE)


def test_an_answered_call_ended_without_answered_at_still_opens_a_wrap_up(
    wrapup: WrapUp,
) -> None:
    """The machine saw the call answered; an end event that leaves out `answered_at` does not
    turn it into a missed call."""
    wrapup.on_call(leg(CallState.RINGING), AVAILABLE)
    wrapup.on_call(leg(CallState.ANSWERED, answered_at=START + 5))
    actions = wrapup.on_call(leg(CallState.ENDED))
    assert [type(action) for action in actions] == [ShowWrapUp]
    assert [session.call_id for session in wrapup.pending("anna")] == ["c1"]


def test_ringing_straight_to_ended_without_answered_at_is_a_missed_call(wrapup: WrapUp) -> None:
    wrapup.on_call(leg(CallState.RINGING), AVAILABLE)
    assert wrapup.on_call(leg(CallState.ENDED)) == [SetAvailability("anna", AVAILABLE)]
    assert wrapup.pending() == []


def test_an_answered_event_without_a_ringing_one_first_starts_the_call(wrapup: WrapUp) -> None:
    """Wrap-Up: a call starting makes the user Unavailable "immediately", whichever event of it
    comes first."""
    assert wrapup.on_call(leg(CallState.ANSWERED, answered_at=START), AVAILABLE) == [
        SetAvailability("anna", UNAVAILABLE)
    ]
    assert [type(a) for a in wrapup.on_call(leg(CallState.ENDED))] == [ShowWrapUp]


# --- clean-up after a missed call ---------------------------------------------------------------


def test_after_a_missed_call_nothing_holds_the_user(wrapup: WrapUp) -> None:
    wrapup.on_call(leg(CallState.RINGING), AVAILABLE)
    wrapup.on_call(leg(CallState.ENDED))
    assert not wrapup.in_progress("anna")
    assert wrapup.pending("anna") == []
    assert wrapup.complete("anna", "c1") == []


def test_the_availability_to_give_back_is_taken_afresh_for_each_run_of_calls(
    wrapup: WrapUp,
) -> None:
    """A missed call while Unavailable leaves the user Unavailable; the next call, arriving when
    the user is Available again, gives back Available when it is missed: nothing of the first
    call's availability is kept."""
    wrapup.on_call(leg(CallState.RINGING, "c1"), UNAVAILABLE)
    assert wrapup.on_call(leg(CallState.ENDED, "c1")) == []
    wrapup.on_call(leg(CallState.RINGING, "c2"), AVAILABLE)
    assert wrapup.on_call(leg(CallState.ENDED, "c2")) == [SetAvailability("anna", AVAILABLE)]


def test_a_missed_call_while_another_call_is_in_progress_gives_back_nothing(
    wrapup: WrapUp,
) -> None:
    wrapup.on_call(leg(CallState.ANSWERED, "c1", answered_at=START), AVAILABLE)
    wrapup.on_call(leg(CallState.RINGING, "c2"))
    assert wrapup.on_call(leg(CallState.ENDED, "c2")) == []
    assert wrapup.in_progress("anna")
    assert [type(a) for a in wrapup.on_call(leg(CallState.ENDED, "c1"))] == [ShowWrapUp]


def test_the_availability_before_the_first_call_of_a_run_is_what_a_miss_gives_back(
    wrapup: WrapUp,
) -> None:
    """The second call of a run arrives while the first holds the user Unavailable; when both are
    missed, the availability from before the first call comes back, not the held Unavailable."""
    wrapup.on_call(leg(CallState.RINGING, "c1"), AVAILABLE)
    wrapup.on_call(leg(CallState.RINGING, "c2"), UNAVAILABLE)
    assert wrapup.on_call(leg(CallState.ENDED, "c1")) == []
    assert wrapup.on_call(leg(CallState.ENDED, "c2")) == [SetAvailability("anna", AVAILABLE)]


# --- completing ---------------------------------------------------------------------------------


def test_completing_an_unknown_call_while_other_wrap_ups_are_open_changes_nothing(
    wrapup: WrapUp,
) -> None:
    answered_and_ended(wrapup, "c1")
    answered_and_ended(wrapup, "c2")
    assert wrapup.complete("anna", "nope") == []
    assert [s.call_id for s in wrapup.pending("anna")] == ["c1", "c2"]
    assert wrapup.in_progress("anna")
    assert [type(a) for a in wrapup.complete("anna", "c2")] == [WrapUpDone]
    assert wrapup.complete("anna", "c1")[-1] == SetAvailability("anna", AVAILABLE)


def test_completing_for_a_user_without_wrap_ups_changes_nothing_for_others(
    wrapup: WrapUp,
) -> None:
    answered_and_ended(wrapup, "c1")
    assert wrapup.complete("bo", "c1") == []
    assert wrapup.pending("bo") == []
    assert [s.call_id for s in wrapup.pending("anna")] == ["c1"]


def test_the_record_of_a_queue_call_keeps_its_queue(wrapup: WrapUp, clock: ManualClock) -> None:
    answered_and_ended(wrapup, "c1", queue=QUEUE)
    clock.advance(20)
    done = wrapup.complete("anna", "c1", note="Invoice", code="")[0]
    assert isinstance(done, WrapUpDone)
    record = done.record
    assert (record.call_id, record.user_id, record.caller, record.queue) == (
        "c1",
        "anna",
        "+4570101010",
        QUEUE,
    )
    assert (record.started, record.ended, record.completed_at) == (START, START, START + 20)
    assert (record.note, record.code) == ("Invoice", None)  # an empty code is no code


def test_pending_lists_every_users_sessions_oldest_first_per_user(clock: ManualClock) -> None:
    wrapup = WrapUp(clock, enabled_users=["anna", "bo"])
    answered_and_ended(wrapup, "a1")
    answered_and_ended(wrapup, "b1", user_id="bo")
    answered_and_ended(wrapup, "a2")
    assert [(s.user_id, s.call_id) for s in wrapup.pending()] == [
        ("anna", "a1"),
        ("anna", "a2"),
        ("bo", "b1"),
    ]
    assert [s.call_id for s in wrapup.pending("bo")] == ["b1"]


# --- switching wrap-up on -----------------------------------------------------------------------


def test_switching_wrap_up_on_for_a_user_makes_their_next_call_hold_them(
    clock: ManualClock,
) -> None:
    wrapup = WrapUp(clock)
    assert not wrapup.enabled("anna")
    assert wrapup.on_call(leg(CallState.RINGING, "c1"), AVAILABLE) == []
    wrapup.set_enabled("anna", True)
    assert wrapup.enabled("anna")
    assert wrapup.on_call(leg(CallState.RINGING, "c2"), AVAILABLE) == [
        SetAvailability("anna", UNAVAILABLE)
    ]
    assert not wrapup.enabled("bo")


# --- after a reconnect: the calls Konnekta reports are the truth --------------------------------


def konnekta_knows_nothing_of(_user_id: str) -> Availability | None:
    return None


def test_an_answered_call_that_ended_while_disconnected_opens_its_wrap_up_at_reconnect(
    wrapup: WrapUp, clock: ManualClock
) -> None:
    """Its end event was lost; Konnekta no longer reports the call, so it ended meanwhile, and
    its wrap-up dialog shows (Wrap-Up: "When the call ends ... the wrap-up dialog")."""
    wrapup.on_call(leg(CallState.ANSWERED, "c1", answered_at=START + 5), AVAILABLE)
    clock.advance(300)
    actions = wrapup.reconcile([], konnekta_knows_nothing_of)
    assert [type(a) for a in actions] == [ShowWrapUp]
    (show,) = actions
    assert isinstance(show, ShowWrapUp)
    assert (show.session.call_id, show.session.ended) == ("c1", START + 300)


def test_every_call_that_ended_while_disconnected_ends_at_reconnect(clock: ManualClock) -> None:
    wrapup = WrapUp(clock, enabled_users=["anna", "bo"])
    wrapup.on_call(leg(CallState.ANSWERED, "a1", answered_at=START), AVAILABLE)
    wrapup.on_call(leg(CallState.ANSWERED, "a2", answered_at=START))
    wrapup.on_call(leg(CallState.ANSWERED, "b1", answered_at=START, user_id="bo"), AVAILABLE)
    actions = wrapup.reconcile([], konnekta_knows_nothing_of)
    assert all(isinstance(action, ShowWrapUp) for action in actions)
    assert sorted((s.user_id, s.call_id) for s in wrapup.pending()) == [
        ("anna", "a1"),
        ("anna", "a2"),
        ("bo", "b1"),
    ]
    assert len(actions) == 3


def test_a_ringing_call_that_ended_while_disconnected_gives_back_availability_at_reconnect(
    wrapup: WrapUp,
) -> None:
    wrapup.on_call(leg(CallState.RINGING, "c1"), AVAILABLE)
    assert wrapup.reconcile([], konnekta_knows_nothing_of) == [SetAvailability("anna", AVAILABLE)]
    assert not wrapup.in_progress("anna")


def test_a_call_still_in_progress_at_reconnect_changes_nothing(wrapup: WrapUp) -> None:
    wrapup.on_call(leg(CallState.RINGING, "c1"), AVAILABLE)
    answered = leg(CallState.ANSWERED, "c1", answered_at=START + 5)
    assert wrapup.reconcile([answered], konnekta_knows_nothing_of) == []
    assert [type(a) for a in wrapup.on_call(leg(CallState.ENDED, "c1"))] == [ShowWrapUp]


def test_a_call_that_started_while_disconnected_holds_the_user_from_the_reconnect(
    clock: ManualClock,
) -> None:
    """A call of a user with wrap-up that began meanwhile is taken as started, with the user's
    availability now as the one to give back; a user without wrap-up is left alone."""
    wrapup = WrapUp(clock, enabled_users=["anna"])
    calls = [leg(CallState.RINGING, "c1"), leg(CallState.RINGING, "c2", user_id="bo")]
    known = {"anna": UNAVAILABLE, "bo": AVAILABLE}
    assert wrapup.reconcile(calls, known.get) == [SetAvailability("anna", UNAVAILABLE)]
    assert wrapup.in_progress("anna")
    assert not wrapup.in_progress("bo")
    assert wrapup.on_call(leg(CallState.ENDED, "c1")) == []  # Unavailable before: stays so


def test_a_call_is_matched_at_reconnect_by_user_and_call_id(clock: ManualClock) -> None:
    """Another user's leg of the same call does not keep this user's leg in progress."""
    wrapup = WrapUp(clock, enabled_users=["anna", "bo"])
    wrapup.on_call(leg(CallState.ANSWERED, "q1", answered_at=START), AVAILABLE)
    bo_leg = leg(CallState.ANSWERED, "q1", answered_at=START, user_id="bo")
    actions = wrapup.reconcile([bo_leg], konnekta_knows_nothing_of)
    assert [(type(a), getattr(a, "user_id", None)) for a in actions] == [
        (ShowWrapUp, None),
        (SetAvailability, "bo"),
    ]
    assert [s.user_id for s in wrapup.pending()] == ["anna"]


# --- completing by itself -----------------------------------------------------------------------


def test_completing_every_wrap_up_by_itself_records_so_and_frees_every_user(
    clock: ManualClock,
) -> None:
    """A wrap-up no switchboard client comes back for completes by itself, with no note, and its
    user is made Available (Wrap-Up: "When wrap-up is completed ... set to be Available")."""
    wrapup = WrapUp(clock, enabled_users=["anna", "bo"])
    answered_and_ended(wrapup, "a1")
    answered_and_ended(wrapup, "a2")
    answered_and_ended(wrapup, "b1", user_id="bo")
    clock.advance(600)

    actions = wrapup.complete_all(by_itself=True)

    done = [a.record for a in actions if isinstance(a, WrapUpDone)]
    assert [(r.user_id, r.call_id, r.by_itself, r.note) for r in done] == [
        ("anna", "a1", True, ""),
        ("anna", "a2", True, ""),
        ("bo", "b1", True, ""),
    ]
    assert {r.completed_at for r in done} == {START + 600}
    assert [a for a in actions if isinstance(a, SetAvailability)] == [
        SetAvailability("anna", AVAILABLE),
        SetAvailability("bo", AVAILABLE),
    ]
    assert wrapup.pending() == []


@pytest.mark.parametrize("by_itself", [False, True])
def test_a_record_says_whether_the_wrap_up_completed_by_itself(
    wrapup: WrapUp, by_itself: bool
) -> None:
    answered_and_ended(wrapup, "c1")
    answered_and_ended(wrapup, "c2")
    first = wrapup.complete("anna", "c1", by_itself=by_itself)[0]
    rest = wrapup.complete_all(by_itself=by_itself)[0]
    assert isinstance(first, WrapUpDone)
    assert isinstance(rest, WrapUpDone)
    assert (first.record.by_itself, rest.record.by_itself) == (by_itself, by_itself)
