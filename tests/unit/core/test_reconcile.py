"""Reading back what Konnekta says now (Hardening the connection, item 11): only users whose row
did not change while the read was under way are compared, so events in flight do not count."""

from __future__ import annotations

from konnekta_desktop.core.model import LiveModel
from konnekta_desktop.core.reconcile import missed_events, rows
from konnekta_desktop.domain import (
    Availability,
    Call,
    CallerIdUpdate,
    CallState,
    CallUpdate,
    Direction,
    ForwardingUpdate,
    PresenceUpdate,
    User,
    UserStatus,
)

AVAILABLE, UNAVAILABLE = Availability.AVAILABLE, Availability.UNAVAILABLE


def call(call_id: str, user_id: str, state: CallState = CallState.ANSWERED) -> Call:
    return Call(
        call_id=call_id,
        user_id=user_id,
        state=state,
        direction=Direction.INBOUND,
        caller="+4512345678",
        called="+4533333333",
        started_at=1000.0,
        answered_at=None if state is CallState.RINGING else 1005.0,
    )


def model() -> LiveModel:
    loaded = LiveModel()
    users = [User(id=u, username=f"{u}@x.dk", name=u) for u in ("anna", "bo", "carl")]
    statuses = [
        UserStatus(user_id=u.id, activity_id="act-free", availability=AVAILABLE) for u in users
    ]
    loaded.load(users, statuses, [], [call("c1", "anna")])
    loaded.flush()
    return loaded


def status(user_id: str, **changes: object) -> UserStatus:
    values: dict[str, object] = {"activity_id": "act-free", "availability": AVAILABLE}
    values.update(changes)
    return UserStatus(user_id=user_id, **values)  # type: ignore[arg-type]


def test_what_konnekta_says_differently_becomes_the_events_that_were_missed() -> None:
    live = model()
    before = rows(live)
    read = [
        status("anna"),
        status("bo", activity_id="act-lunch", availability=UNAVAILABLE, diversion="+4570707070"),
        status("carl", caller_id="+4533333334"),
    ]
    read_calls = [call("c2", "carl", CallState.RINGING)]  # anna's c1 is over, carl's rings

    missed = missed_events(before, rows(live), {c.id: c for c in live}, read, read_calls)

    assert missed == [
        CallUpdate(call=call("c1", "anna", CallState.ENDED)),
        PresenceUpdate(user_id="bo", activity_id="act-lunch", availability=UNAVAILABLE),
        ForwardingUpdate(user_id="bo", number="+4570707070"),
        CallerIdUpdate(user_id="carl", number="+4533333334"),
        CallUpdate(call=call("c2", "carl", CallState.RINGING)),
    ]


def test_a_user_whose_event_came_during_the_read_is_not_compared() -> None:
    live = model()
    before = rows(live)
    live.apply(PresenceUpdate(user_id="bo", activity_id="act-meeting", availability=UNAVAILABLE))
    live.flush()  # the event arrived while the read was under way; the read is older

    read = [status("anna"), status("bo"), status("carl")]
    missed = missed_events(before, rows(live), {c.id: c for c in live}, read, [call("c1", "anna")])

    assert missed == []


def test_nothing_is_missed_when_konnekta_and_the_model_agree() -> None:
    live = model()
    read = [status(u) for u in ("anna", "bo", "carl")]
    assert (
        missed_events(rows(live), rows(live), {c.id: c for c in live}, read, [call("c1", "anna")])
        == []
    )
