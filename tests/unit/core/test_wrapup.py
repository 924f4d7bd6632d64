"""Wrap-up: one test per rule of the reference page, and per decision the page leaves open."""

from __future__ import annotations

import msgspec
import pytest

from konnekta_desktop.core.clock import ManualClock
from konnekta_desktop.core.wrapup import SetAvailability, ShowWrapUp, WrapUp, WrapUpDone
from konnekta_desktop.domain import (
    Availability,
    Call,
    CallingDevice,
    CallState,
    Direction,
    User,
)
from konnekta_desktop.domain.wrapups import (
    WrapUpRecord,
    WrapUpSession,
    decode_session,
    encode_session,
)

AVAILABLE = Availability.AVAILABLE
UNAVAILABLE = Availability.UNAVAILABLE
START = 1_750_000_000.0


def leg(
    state: CallState,
    call_id: str = "c1",
    user_id: str = "anna",
    queue: str | None = None,
    answered: bool = False,
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
        answered_at=START + 5 if answered or state is CallState.ANSWERED else None,
    )


def ringing(call_id: str = "c1", **kw: object) -> Call:
    return leg(CallState.RINGING, call_id, **kw)  # type: ignore[arg-type]


def answered(call_id: str = "c1", **kw: object) -> Call:
    return leg(CallState.ANSWERED, call_id, **kw)  # type: ignore[arg-type]


def ended(call_id: str = "c1", was_answered: bool = True, **kw: object) -> Call:
    return leg(CallState.ENDED, call_id, answered=was_answered, **kw)  # type: ignore[arg-type]


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(now=START)


@pytest.fixture
def wrapup(clock: ManualClock) -> WrapUp:
    return WrapUp(clock, enabled_users=["anna"])


# --- the page's rules -----------------------------------------------------------------------------


@pytest.mark.parametrize("first_event", [ringing, answered])
@pytest.mark.parametrize("queue", [None, "Reception queue"])
def test_a_call_starting_makes_the_user_unavailable_at_once(
    wrapup: WrapUp, first_event: type[Call], queue: str | None
) -> None:
    assert wrapup.on_call(first_event(queue=queue), AVAILABLE) == [  # type: ignore[call-arg]
        SetAvailability("anna", UNAVAILABLE)
    ]


def test_answering_a_ringing_call_sends_nothing_more(wrapup: WrapUp) -> None:
    wrapup.on_call(ringing(), AVAILABLE)
    assert wrapup.on_call(answered(), UNAVAILABLE) == []


def test_an_answered_call_ending_opens_a_wrap_up_with_the_call_details(
    wrapup: WrapUp, clock: ManualClock
) -> None:
    wrapup.on_call(ringing(queue="Reception queue"), AVAILABLE)
    wrapup.on_call(answered(queue="Reception queue"))
    clock.advance(95)
    actions = wrapup.on_call(ended(queue="Reception queue"))
    session = WrapUpSession(
        call_id="c1",
        user_id="anna",
        direction=Direction.INBOUND,
        caller="+4570101010",
        called="Reception queue",
        queue="Reception queue",
        started=START,
        ended=START + 95,
    )
    assert actions == [ShowWrapUp(session)]
    assert wrapup.pending("anna") == [session]


def test_completing_the_wrap_up_makes_the_user_available_and_gives_a_record(
    wrapup: WrapUp, clock: ManualClock
) -> None:
    wrapup.on_call(answered(), AVAILABLE)
    clock.advance(60)
    wrapup.on_call(ended())
    clock.advance(30)
    actions = wrapup.complete("anna", "c1", note="  Wants a call-back Monday ", code="SALES")
    record = WrapUpRecord(
        call_id="c1",
        user_id="anna",
        caller="+4570101010",
        queue=None,
        started=START,
        ended=START + 60,
        note="Wants a call-back Monday",
        code="SALES",
        completed_at=START + 90,
    )
    assert actions == [WrapUpDone(record), SetAvailability("anna", AVAILABLE)]
    assert wrapup.pending() == []
    assert not wrapup.in_progress("anna")


def test_note_and_code_are_optional(wrapup: WrapUp) -> None:
    wrapup.on_call(answered())
    wrapup.on_call(ended())
    done = wrapup.complete("anna", "c1")[0]
    assert isinstance(done, WrapUpDone)
    assert (done.record.note, done.record.code) == ("", None)


def test_a_user_unavailable_before_the_call_is_available_after_the_wrap_up(wrapup: WrapUp) -> None:
    assert wrapup.on_call(ringing(), UNAVAILABLE) == [SetAvailability("anna", UNAVAILABLE)]
    wrapup.on_call(answered())
    wrapup.on_call(ended())
    assert wrapup.complete("anna", "c1")[-1] == SetAvailability("anna", AVAILABLE)


def test_users_without_wrap_up_are_left_alone(wrapup: WrapUp) -> None:
    assert wrapup.on_call(ringing(user_id="bo"), AVAILABLE) == []
    assert wrapup.on_call(answered(user_id="bo")) == []
    assert wrapup.on_call(ended(user_id="bo")) == []
    assert wrapup.pending() == []


def test_wrap_up_follows_the_users_setting_from_konnekta(clock: ManualClock) -> None:
    wrapup = WrapUp(clock)
    wrapup.set_users(
        [
            User(id="anna", username="anna@x.dk", name="Anna", wrap_up=True),
            User(id="bo", username="bo@x.dk", name="Bo"),
        ]
    )
    assert wrapup.enabled("anna")
    assert not wrapup.enabled("bo")
    assert wrapup.on_call(ringing(user_id="bo")) == []
    assert wrapup.on_call(ringing()) == [SetAvailability("anna", UNAVAILABLE)]


# --- decisions the page leaves open -------------------------------------------------------------


def test_a_call_never_seen_starting_opens_no_wrap_up(wrapup: WrapUp) -> None:
    assert wrapup.on_call(ended()) == []
    assert wrapup.pending() == []


def test_a_missed_call_opens_no_wrap_up_and_gives_back_availability(wrapup: WrapUp) -> None:
    wrapup.on_call(ringing(), AVAILABLE)
    assert wrapup.on_call(ended(was_answered=False)) == [SetAvailability("anna", AVAILABLE)]
    assert wrapup.pending() == []


def test_a_missed_call_leaves_a_user_who_was_unavailable_unavailable(wrapup: WrapUp) -> None:
    wrapup.on_call(ringing(), UNAVAILABLE)
    assert wrapup.on_call(ended(was_answered=False)) == []


def test_a_missed_call_when_availability_was_unknown_ends_available(wrapup: WrapUp) -> None:
    wrapup.on_call(ringing())
    assert wrapup.on_call(ended(was_answered=False)) == [SetAvailability("anna", AVAILABLE)]


def test_a_second_call_during_a_pending_wrap_up_keeps_the_user_unavailable(
    wrapup: WrapUp, clock: ManualClock
) -> None:
    wrapup.on_call(answered("c1"), AVAILABLE)
    wrapup.on_call(ended("c1"))
    assert wrapup.on_call(ringing("c2")) == [SetAvailability("anna", UNAVAILABLE)]
    wrapup.on_call(answered("c2"))
    clock.advance(10)
    assert [type(a) for a in wrapup.on_call(ended("c2"))] == [ShowWrapUp]
    assert [s.call_id for s in wrapup.pending("anna")] == ["c1", "c2"]
    first = wrapup.complete("anna", "c1")
    assert [type(a) for a in first] == [WrapUpDone]
    second = wrapup.complete("anna", "c2")
    assert second[-1] == SetAvailability("anna", AVAILABLE)


def test_completing_while_another_call_is_in_progress_keeps_the_user_unavailable(
    wrapup: WrapUp,
) -> None:
    wrapup.on_call(answered("c1"))
    wrapup.on_call(ended("c1"))
    wrapup.on_call(answered("c2"))
    assert [type(a) for a in wrapup.complete("anna", "c1")] == [WrapUpDone]
    assert wrapup.in_progress("anna")
    wrapup.on_call(ended("c2"))
    assert wrapup.complete("anna", "c2")[-1] == SetAvailability("anna", AVAILABLE)


def test_a_missed_second_call_during_a_wrap_up_changes_nothing(wrapup: WrapUp) -> None:
    wrapup.on_call(answered("c1"))
    wrapup.on_call(ended("c1"))
    wrapup.on_call(ringing("c2"))
    assert wrapup.on_call(ended("c2", was_answered=False)) == []
    assert [s.call_id for s in wrapup.pending()] == ["c1"]


def test_completing_an_unknown_or_finished_wrap_up_does_nothing(wrapup: WrapUp) -> None:
    assert wrapup.complete("anna", "nope") == []
    wrapup.on_call(answered())
    wrapup.on_call(ended())
    wrapup.complete("anna", "c1")
    assert wrapup.complete("anna", "c1") == []


def test_switching_wrap_up_off_keeps_pending_wrap_ups_completable(wrapup: WrapUp) -> None:
    wrapup.on_call(answered())
    wrapup.on_call(ended())
    wrapup.set_enabled("anna", False)
    assert wrapup.on_call(ringing("c2")) == []
    assert wrapup.complete("anna", "c1")[-1] == SetAvailability("anna", AVAILABLE)


def test_repeated_events_are_harmless(wrapup: WrapUp) -> None:
    wrapup.on_call(ringing())
    assert wrapup.on_call(ringing()) == []
    wrapup.on_call(answered())
    assert len(wrapup.on_call(ended())) == 1
    assert wrapup.on_call(ended()) == []
    assert len(wrapup.pending()) == 1


def test_legs_of_one_queue_call_are_separate_per_user(clock: ManualClock) -> None:
    wrapup = WrapUp(clock, enabled_users=["anna", "bo"])
    wrapup.on_call(ringing(user_id="anna", queue="Q"))
    wrapup.on_call(ringing(user_id="bo", queue="Q"))
    wrapup.on_call(answered(user_id="anna", queue="Q"))
    assert wrapup.on_call(ended(user_id="bo", queue="Q", was_answered=False)) == [
        SetAvailability("bo", AVAILABLE)
    ]
    assert [type(a) for a in wrapup.on_call(ended(user_id="anna", queue="Q"))] == [ShowWrapUp]


# --- surviving a restart --------------------------------------------------------------------------


def test_a_pending_session_survives_serialisation_and_restore(
    wrapup: WrapUp, clock: ManualClock
) -> None:
    wrapup.on_call(answered())
    (show,) = wrapup.on_call(ended())
    assert isinstance(show, ShowWrapUp)
    data = encode_session(show.session)

    restarted = WrapUp(clock, enabled_users=["anna"])
    restarted.restore([decode_session(data)])
    assert restarted.pending("anna") == [show.session]
    assert restarted.in_progress("anna")
    assert restarted.complete("anna", "c1")[-1] == SetAvailability("anna", AVAILABLE)


def test_restore_keeps_sessions_in_the_order_they_ended(wrapup: WrapUp) -> None:
    def session(call_id: str, ended: float) -> WrapUpSession:
        return WrapUpSession(
            call_id=call_id,
            user_id="anna",
            direction=Direction.OUTBOUND,
            caller="201",
            called="+4570101010",
            queue=None,
            started=ended - 10,
            ended=ended,
        )

    wrapup.restore([session("late", START + 50), session("early", START + 10)])
    assert [s.call_id for s in wrapup.pending()] == ["early", "late"]


def test_a_damaged_stored_session_is_refused() -> None:
    with pytest.raises(msgspec.ValidationError, match="call_id"):
        decode_session(b'{"user_id": "anna"}')
