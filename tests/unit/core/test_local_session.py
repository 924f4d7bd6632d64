"""The session as the UI sees it, without a network: one numbered stream of updates, commands
carried out once per request id, the queries, and settings taken into use.

The session is built from `Settings` as the app builds it, with a real store and a `ManualClock`.
The PBX's side is played at the connector's edges: batches of domain events are handed to
`Connector._deliver` (what the listener thread calls), and where a command must reach the PBX
the SMG client is replaced by `FakeSmg`. The connector itself is never started.
"""

from __future__ import annotations

import asyncio
import logging
import socket
import threading
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import msgspec
import pytest

from konnekta_desktop.core.clock import ManualClock
from konnekta_desktop.core.requests import RequestLog
from konnekta_desktop.core.session import Session
from konnekta_desktop.core.store import Store
from konnekta_desktop.domain import (
    Activity,
    Availability,
    Call,
    CallingDevice,
    CallState,
    CallUpdate,
    Direction,
    ForwardingUpdate,
    Line,
    LineRole,
    LineType,
    PbxEvent,
    PresenceUpdate,
    Right,
    User,
    UserRemoval,
    UserStatus,
)
from konnekta_desktop.domain.appointments import Appointment
from konnekta_desktop.domain.interface import Role, Update
from konnekta_desktop.domain.refusals import Command, Reason, Refused, why
from konnekta_desktop.domain.states import ShownState, State, StateClass, SyncDirection, Template
from konnekta_desktop.domain.status import Connection
from konnekta_desktop.konnekta.errors import Unavailable
from konnekta_desktop.runtime import connector_config
from konnekta_desktop.settings import Secret, Settings
from tests.helpers.fake_smg import FakeSmg

DOWN = why(Reason.KONNEKTA_UNAVAILABLE, status="503", said="")

ALICE = User(
    id="alice",
    username="alice@example.dk",
    name="Alice Andersen",
    lines=(Line(role=LineRole.PRIMARY, type=LineType.FIXED, number="+4533333333"),),
    devices=(CallingDevice.LOCAL, CallingDevice.MOBILE),
    rights=(Right.SET_CALLER_ID,),
    wrap_up=True,  # Konnekta's wrap-up flag
)
BOB = User(
    id="bob",
    username="bob@example.dk",
    name="Bob Berg",
    lines=(Line(role=LineRole.PRIMARY, type=LineType.FIXED, number="+4544444444"),),
    devices=(CallingDevice.LOCAL,),
    wrap_up=True,
)
ACTIVITIES = [
    Activity(id="act-available", name="Available"),
    Activity(id="act-busy", name="Busy"),
    Activity(id="act-lunch", name="Lunch"),
]
STATUSES = [
    UserStatus(user_id=u.id, activity_id="act-available", availability=Availability.AVAILABLE)
    for u in (ALICE, BOB)
]
SETTINGS = Settings(
    tenant_domain="example.dk",
    issuer_uri="https://login.example.dk/auth/realms/example",
    smg_address="https://smg.example.dk/api-admin/realm/example/fwd",
    client_id="switchboard",
    client_secret=Secret("client-secret"),
    user="service@example.dk",
    password=Secret("service-password"),
    listener_port=0,
    activity_mappings={
        "act-available": "Available",
        "act-busy": "Busy",
        "act-lunch": "Lunch",
    },
    state_mappings={"Available": "act-available", "Busy": "act-busy", "Lunch": "act-lunch"},
    operator_user=ALICE.username,
    wrap_up=True,
)
STARTED = 1_799_999_000.0


class Heard:
    """A UI listener that keeps every update it is given."""

    def __init__(self, session: Session) -> None:
        self.updates: list[Update] = []
        self.stop = session.subscribe(self.updates.append)

    @property
    def seqs(self) -> list[int]:
        return [update.seq for update in self.updates]


def leg(call_id: str, user: User, state: CallState) -> Call:
    """One inbound call leg of `user`; answered unless it is still ringing."""
    return Call(
        call_id=call_id,
        user_id=user.id,
        state=state,
        direction=Direction.INBOUND,
        caller="+4512345678",
        called=user.lines[0].number,
        started_at=STARTED,
        answered_at=None if state is CallState.RINGING else STARTED + 5,
    )


def presence(user: User, activity_id: str, availability: Availability) -> PresenceUpdate:
    return PresenceUpdate(user_id=user.id, activity_id=activity_id, availability=availability)


def deliver(session: Session, *events: PbxEvent) -> None:
    """Hand the session one batch of events, as the listener thread does.

    `Connector._deliver` is what the listener calls on the app's loop with each batch of decoded
    events: everything before it is the network, everything from it on (the model, the session's
    batch hooks, the flush) is what these tests are about."""
    session.connector._deliver(list(events))


def load(session: Session, statuses: list[UserStatus] = STATUSES) -> None:
    """The tenant as the connector loads it after logging in: users, presence, activities, then
    one flush (`Connector._connect`, without the requests that fetched them)."""
    session.model.load([ALICE, BOB], statuses, ACTIVITIES)
    session.model.flush()


async def connect(session: Session) -> None:
    """What the connector does once the PBX answered its start-up requests: load, run the
    connected hooks and report Connected (`Connector._connect` and `_supervise`). Only the
    requests are left out; they are the network."""
    load(session)
    for hook in list(session.connector._connected_hooks):
        result = hook(False)
        if asyncio.iscoroutine(result):
            await result
    session.connector._set_status(Connection.CONNECTED)
    session.connector._connected.set()


def answered_call_ends(session: Session, clock: ManualClock, call_id: str, user: User) -> None:
    """A call of `user` rings, is answered and ends two minutes later, a batch each."""
    deliver(session, CallUpdate(call=leg(call_id, user, CallState.RINGING)))
    deliver(session, CallUpdate(call=leg(call_id, user, CallState.ANSWERED)))
    clock.advance(120)
    deliver(session, CallUpdate(call=leg(call_id, user, CallState.ENDED)))


async def refusal(action: Awaitable[object]) -> Refused:
    with pytest.raises(Refused) as caught:
        await action
    return caught.value


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(now=1_800_000_000.0)


@pytest.fixture
async def make_session(tmp_path: Path, clock: ManualClock) -> AsyncIterator[Callable[..., Session]]:
    """Sessions built as the app builds them (`runtime.open_session`), from `SETTINGS` with the
    given changes; each is closed after the test."""
    made: list[Session] = []

    def make(**changes: Any) -> Session:
        settings = SETTINGS.replace(**changes)
        session = Session(
            connector_config(settings),
            Store(tmp_path / f"store-{len(made)}.sqlite3"),
            clock=clock,
            settings=settings,
            to_config=connector_config,
        )
        made.append(session)
        return session

    yield make
    for session in made:
        await session.close()


@pytest.fixture
def session(make_session: Callable[..., Session]) -> Session:
    """A session with its client attached, as the desktop runs it."""
    made = make_session()
    made.attach_client()
    return made


@pytest.fixture
def api(session: Session) -> FakeSmg:
    fake = FakeSmg()
    session.connector.api = fake  # type: ignore[assignment]
    return fake


# -- the update stream -------------------------------------------------------------------------


async def test_each_batch_is_one_update_numbered_in_order(
    session: Session, clock: ManualClock
) -> None:
    heard = Heard(session)
    load(session)
    deliver(
        session,
        CallUpdate(call=leg("c1", ALICE, CallState.RINGING)),
        ForwardingUpdate(user_id=BOB.id, number="+4570707070"),
    )
    deliver(session, CallUpdate(call=leg("c1", ALICE, CallState.ANSWERED)))
    clock.advance(60)
    deliver(session, CallUpdate(call=leg("c1", ALICE, CallState.ENDED)))

    assert heard.seqs == [1, 2, 3, 4]
    changes = [update.colleagues for update in heard.updates]
    assert all(change is not None for change in changes)
    assert changes[0] is not None
    assert changes[0].reset
    assert changes[1] is not None
    assert changes[1].changed == {"alice", "bob"}
    assert changes[3] is not None
    assert changes[3].ended_calls == [leg("c1", ALICE, CallState.ENDED)]
    assert session.last_event_at == clock.now()
    history = session.store.call_history()
    assert [(r.call_id, r.user_id, r.ended) for r in history] == [("c1", "alice", clock.now())]


async def test_a_call_in_progress_of_a_removed_user_is_kept_in_the_history(
    session: Session, clock: ManualClock
) -> None:
    load(session)
    deliver(session, CallUpdate(call=leg("c1", BOB, CallState.ANSWERED)))
    clock.advance(30)

    deliver(session, UserRemoval(user_id="bob"))

    history = session.store.call_history()
    assert [(r.call_id, r.user_id, r.ended) for r in history] == [("c1", "bob", clock.now())]


async def test_a_presence_change_in_a_batch_comes_with_the_shown_state_in_the_same_update(
    session: Session,
) -> None:
    load(session)
    heard = Heard(session)

    deliver(session, presence(ALICE, "act-lunch", Availability.UNAVAILABLE))

    assert len(heard.updates) == 1
    update = heard.updates[0]
    assert update.colleagues is not None
    assert update.colleagues.changed == {"alice"}
    assert update.shown == {"alice"}
    assert session.shown_state("alice") == ShownState("Lunch", available=False)


async def test_a_batch_without_presence_changes_no_shown_state(session: Session) -> None:
    load(session)
    heard = Heard(session)

    deliver(session, ForwardingUpdate(user_id=BOB.id, number="+4570707070"))

    assert [(u.colleagues is not None, u.shown) for u in heard.updates] == [(True, frozenset())]


async def test_a_shown_state_change_outside_a_batch_is_its_own_update(session: Session) -> None:
    load(session)
    heard = Heard(session)
    before = session.shown_state("alice")

    session.presence.set_mappings({"act-available": "Busy"}, {})  # new activity mappings
    await session.set_template("bob", "Lunch")  # offline: a local change, kept for reconnect

    assert before == ShownState("Available", available=True)
    assert [(u.colleagues, u.status, u.wrapups, u.shown) for u in heard.updates] == [
        (None, None, (), frozenset({"alice", "bob"})),
        (None, None, (), frozenset({"bob"})),
    ]
    assert heard.seqs == [2, 3]  # the load was update 1, before anyone listened
    assert session.shown_state("alice").label == "Busy"
    assert session.shown_state("bob").label == "Lunch"


async def test_a_status_change_is_an_update_with_the_status(
    make_session: Callable[..., Session],
) -> None:
    session = make_session()
    empty = why(Reason.EMPTY_ASK_PROVIDER, setting="Client ID")
    session.settings_problems = [empty]
    heard = Heard(session)

    await session.start()  # incomplete settings: it says so instead of connecting

    assert len(heard.updates) == 1
    update = heard.updates[0]
    assert update.status is session.status
    assert update.status.state is Connection.DISCONNECTED
    assert update.status.why == why(Reason.SETTINGS_INCOMPLETE, empty)
    assert (update.seq, update.colleagues, update.wrapups, update.shown) == (
        1,
        None,
        (),
        frozenset(),
    )


async def test_connecting_is_a_status_update_and_ends_staleness(
    session: Session, api: FakeSmg
) -> None:
    heard = Heard(session)
    assert session.stale
    session.connector._set_status(Connection.CONNECTING)  # as the supervisor does
    assert session.stale

    await connect(session)

    assert not session.stale
    statuses = [u.status.state for u in heard.updates if u.status is not None]
    assert statuses == [Connection.CONNECTING, Connection.CONNECTED]
    assert heard.seqs == list(range(1, len(heard.updates) + 1))
    session.connector._set_status(Connection.RECONNECTING, why(Reason.CONNECTION_LOST))
    assert session.stale


async def test_a_wrap_up_that_becomes_pending_is_an_update_with_it(
    session: Session, api: FakeSmg, clock: ManualClock
) -> None:
    await connect(session)  # Alice is the operator, with wrap-up on
    heard = Heard(session)

    answered_call_ends(session, clock, "c1", ALICE)
    answered_call_ends(session, clock, "c2", BOB)  # not the operator: no wrap-up

    wrapups = [wrapup for u in heard.updates for wrapup in u.wrapups]
    assert len(wrapups) == 1
    assert (wrapups[0].call_id, wrapups[0].user_id) == ("c1", "alice")
    assert wrapups[0].ended == clock.now() - 120  # when the session saw the call end
    assert session.pending_wrapups() == wrapups
    assert session.store.pending_wrapups() == wrapups
    first = heard.seqs[0]
    assert heard.seqs == list(range(first, first + len(heard.updates)))


async def test_unsubscribing_stops_delivery_to_that_listener_only(session: Session) -> None:
    load(session)
    leaving, staying = Heard(session), Heard(session)
    deliver(session, presence(ALICE, "act-lunch", Availability.UNAVAILABLE))

    leaving.stop()
    deliver(session, presence(BOB, "act-lunch", Availability.UNAVAILABLE))

    assert leaving.seqs == [2]
    assert staying.seqs == [2, 3]


async def test_a_listener_that_fails_is_logged_and_the_others_still_hear(
    session: Session, caplog: pytest.LogCaptureFixture
) -> None:
    load(session)

    def broken(update: Update) -> None:
        raise RuntimeError("the UI fell over")

    session.subscribe(broken)
    heard = Heard(session)

    with caplog.at_level(logging.ERROR, logger="konnekta_desktop.core.session"):
        deliver(session, presence(ALICE, "act-lunch", Availability.UNAVAILABLE))
        deliver(session, presence(BOB, "act-lunch", Availability.UNAVAILABLE))

    assert heard.seqs == [2, 3]
    failures = [r for r in caplog.records if r.getMessage() == "An update listener failed"]
    assert len(failures) == 2
    assert failures[0].exc_info is not None
    assert "the UI fell over" in str(failures[0].exc_info[1])


# -- commands with request ids -----------------------------------------------------------------


async def test_the_same_request_id_dials_once_and_answers_the_same_call(
    session: Session, api: FakeSmg
) -> None:
    load(session)

    first = await session.dial("alice", "12345678", CallingDevice.LOCAL, request_id="r1")
    again = await session.dial("alice", "12345678", CallingDevice.LOCAL, request_id="r1")

    assert first == again == "call-1"
    assert api.requests == [("make_call", "alice", "+4512345678", CallingDevice.LOCAL)]


async def test_the_same_request_id_sent_twice_at_once_dials_once(
    session: Session, api: FakeSmg
) -> None:
    load(session)

    answers = await asyncio.gather(
        session.dial("alice", "12345678", CallingDevice.LOCAL, request_id="r1"),
        session.dial("alice", "12345678", CallingDevice.LOCAL, request_id="r1"),
    )

    assert list(answers) == ["call-1", "call-1"]
    assert len(api.made("make_call")) == 1


async def test_a_request_refused_once_is_refused_alike_again_without_a_second_attempt(
    session: Session, api: FakeSmg
) -> None:
    load(session)
    api.failures["make_call"] = Unavailable(DOWN, status=503)

    first = await refusal(session.dial("alice", "12345678", CallingDevice.LOCAL, request_id="r1"))
    api.failures.clear()  # it would go through now, but this request was answered already
    again = await refusal(session.dial("alice", "12345678", CallingDevice.LOCAL, request_id="r1"))

    expected = Refused(Reason.PBX_FAILED, DOWN, command="dial")
    assert first == again == expected
    assert len(api.made("make_call")) == 1


async def test_different_request_ids_or_none_run_each_time(session: Session, api: FakeSmg) -> None:
    load(session)

    answers = [
        await session.dial("alice", "12345678", CallingDevice.LOCAL, request_id="r1"),
        await session.dial("alice", "12345678", CallingDevice.LOCAL, request_id="r2"),
        await session.dial("alice", "12345678", CallingDevice.LOCAL),
        await session.dial("alice", "12345678", CallingDevice.LOCAL),
    ]

    assert answers == ["call-1", "call-2", "call-3", "call-4"]
    assert len(api.made("make_call")) == 4


async def test_forwarding_with_a_request_id_is_set_once(session: Session, api: FakeSmg) -> None:
    load(session)

    for _ in range(2):
        await session.set_forwarding("bob", "70 70 70 70", request_id="f1")
    await session.set_forwarding("bob", None, request_id="f2")

    assert api.requests == [
        ("set_diversion", "bob", "+4570707070"),
        ("clear_diversion", "bob"),
    ]


async def test_completing_a_wrap_up_twice_with_one_request_id_records_it_once(
    session: Session, api: FakeSmg, clock: ManualClock
) -> None:
    await connect(session)
    answered_call_ends(session, clock, "c1", ALICE)
    (pending,) = session.pending_wrapups()

    for _ in range(2):
        await session.complete_wrapup(pending, "Ordered a catalogue", "Sale", request_id="w1")

    assert session.pending_wrapups() == []
    records = session.store.wrapup_records()
    assert [(r.call_id, r.note, r.code) for r in records] == [("c1", "Ordered a catalogue", "Sale")]
    made_available = ("set_presence", "alice", None, Availability.AVAILABLE)
    assert api.requests.count(made_available) == 1


async def test_a_wrap_up_completion_refused_is_refused_alike_for_its_request_id(
    session: Session, api: FakeSmg, clock: ManualClock
) -> None:
    await connect(session)
    answered_call_ends(session, clock, "c1", ALICE)
    (pending,) = session.pending_wrapups()
    made_available = ("set_presence", "alice", None, Availability.AVAILABLE)

    api.failures["set_presence"] = Unavailable(DOWN, status=503)
    first = await refusal(session.complete_wrapup(pending, "note", request_id="w1"))
    api.failures.clear()
    again = await refusal(session.complete_wrapup(pending, "note", request_id="w1"))

    assert first == again
    assert first.reason is Reason.PBX_FAILED
    assert api.requests.count(made_available) == 1
    assert session.pending_wrapups() == [pending]  # still to do: the operator may try again

    await session.complete_wrapup(pending, "note", request_id="w2")
    assert session.pending_wrapups() == []
    assert api.requests.count(made_available) == 2


async def test_the_request_log_forgets_the_oldest_id_beyond_its_size() -> None:
    requests = RequestLog(keep=2)
    runs: list[str] = []

    async def command(name: str) -> int:
        runs.append(name)
        return len(runs)

    def run(name: str) -> Awaitable[int]:
        return requests.run(name, Command.DIAL, command, name)

    assert await run("a") == 1
    assert await run("b") == 2
    assert await run("c") == 3
    assert len(requests) == 2
    assert await run("b") == 2  # still remembered
    assert await run("c") == 3
    assert await run("a") == 4  # forgotten: carried out again
    assert runs == ["a", "b", "c", "a"]
    assert len(requests) == 2


async def test_a_request_id_reused_for_another_command_is_refused_not_answered_as_done(
    session: Session, api: FakeSmg
) -> None:
    await connect(session)
    deliver(session, CallUpdate(call=leg("c1", ALICE, CallState.ANSWERED)))
    call_id = "c1"
    await session.dial("alice", "70 70 70 70", CallingDevice.LOCAL, request_id="r1")

    refused = await refusal(session.hang_up(call_id, request_id="r1"))

    assert refused == Refused(Reason.REQUEST_ID_REUSED, command="hang_up", request_id="r1")
    assert [r for r in api.requests if r[0] == "hang_up"] == []
    await session.hang_up(call_id, request_id="r2")  # a fresh id does it
    assert [r[0] for r in api.requests if r[0] == "hang_up"] == ["hang_up"]


# -- queries -----------------------------------------------------------------------------------


async def test_colleagues_are_the_loaded_tenant_in_name_order(session: Session) -> None:
    assert len(session.colleagues) == 0

    load(session)
    deliver(session, CallUpdate(call=leg("c1", BOB, CallState.ANSWERED)))

    colleagues = session.colleagues
    assert [c.user.name for c in colleagues] == ["Alice Andersen", "Bob Berg"]
    assert colleagues.get("bob") is not None
    assert colleagues.row_of("bob") == 1
    assert [call.call_id for call in colleagues.active_calls()] == ["c1"]
    assert colleagues.activity_name("act-lunch") == "Lunch"


async def test_the_number_plan_follows_number_settings_applied(
    session: Session, api: FakeSmg
) -> None:
    load(session)
    assert session.plan.display("+4512345678") == "12 34 56 78"

    session.apply_settings(SETTINGS.replace(international_code="298"))

    assert session.settings is not None
    assert session.settings.international_code == "298"
    assert session.plan.international_code == "298"
    assert session.plan.display("+4512345678") == "0045 12345678"
    refused = await refusal(session.dial("alice", "12345678", CallingDevice.LOCAL))
    assert refused.reason is Reason.NUMBER_NOT_NATIONAL  # a Faroese number has six digits
    assert refused.params["country"] == "298"
    await session.dial("alice", "0045 12345678", CallingDevice.LOCAL)
    assert api.requests == [("make_call", "alice", "+4512345678", CallingDevice.LOCAL)]


async def test_the_operator_is_found_by_their_username_once_loaded(session: Session) -> None:
    assert session.operator_user == "alice@example.dk"
    assert session.operator is None  # not known before the tenant is loaded

    load(session)

    assert session.operator is not None
    assert session.operator.id == "alice"
    assert session.role is Role.ADMINISTRATOR


@pytest.mark.parametrize("said", ["", "ghost@example.dk"])
async def test_an_operator_not_said_or_not_found_is_none(
    make_session: Callable[..., Session], said: str
) -> None:
    session = make_session(operator_user=said)

    load(session)

    assert session.operator is None
    assert session.operator_user == said


async def test_the_default_calling_device_follows_the_settings(
    make_session: Callable[..., Session],
) -> None:
    session = make_session(default_calling_device=CallingDevice.MOBILE)
    before = session.default_calling_device

    session.apply_settings(SETTINGS.replace(default_calling_device=CallingDevice.TEAMS))

    assert (before, session.default_calling_device) == (CallingDevice.MOBILE, CallingDevice.TEAMS)


async def test_the_shown_state_follows_presence_through_the_activity_mappings(
    session: Session,
) -> None:
    assert session.shown_state("alice") == ShownState("", available=False)  # nobody yet
    load(session)
    assert session.shown_state("alice") == ShownState("Available", available=True)

    deliver(session, presence(ALICE, "act-busy", Availability.UNAVAILABLE))
    deliver(session, presence(BOB, "act-unknown", Availability.AVAILABLE))

    assert session.shown_state("alice") == ShownState("Busy", available=False)
    assert session.shown_state("bob") == ShownState(
        "unmapped: act-unknown", available=True, unmapped=True
    )


async def test_a_saved_template_is_listed_and_used_at_once(session: Session, api: FakeSmg) -> None:
    await connect(session)
    desk = Template("Front desk", "Busy", forwarding="+4570707070")

    session.save_template(desk)
    assert desk in session.templates()
    await session.set_template("alice", "Front desk")

    assert api.requests == [
        ("set_presence", "alice", "act-busy", Availability.UNAVAILABLE),
        ("set_diversion", "alice", "+4570707070"),
    ]
    assert session.shown_state("alice").label == "Busy"


async def test_a_renamed_template_is_used_by_its_new_name(session: Session, api: FakeSmg) -> None:
    await connect(session)

    session.save_template(Template("Lunch break", "Lunch"), renamed_from="Lunch")

    names = [t.name for t in session.templates()]
    assert "Lunch break" in names
    assert "Lunch" not in names
    await session.set_template("bob", "Lunch break")
    assert api.requests == [("set_presence", "bob", "act-lunch", Availability.UNAVAILABLE)]
    assert await refusal(session.set_template("bob", "Lunch")) == Refused(
        Reason.NO_SUCH_TEMPLATE, name="Lunch"
    )


async def test_a_deleted_template_is_gone_from_the_list_and_refused_at_once(
    session: Session, api: FakeSmg
) -> None:
    await connect(session)

    session.delete_template("Busy")

    assert "Busy" not in [t.name for t in session.templates()]
    refused = await refusal(session.set_template("alice", "Busy"))
    assert refused == Refused(Reason.NO_SUCH_TEMPLATE, name="Busy")
    assert api.requests == []


async def test_a_saved_state_is_listed_and_a_template_can_use_it_at_once(
    session: Session, api: FakeSmg
) -> None:
    await connect(session)
    reception = State("Reception", StateClass.FREE)

    session.save_state(reception)
    session.save_template(Template("Reception", "Reception"))
    await session.set_template("bob", "Reception")

    assert reception in session.states()
    assert session.shown_state("bob") == ShownState("Reception", available=True)
    # No activity is mapped to the new state: Konnekta keeps its activity, availability follows.
    assert api.requests == [("set_presence", "bob", None, Availability.AVAILABLE)]


async def test_a_state_saved_with_another_class_is_sent_with_it_at_once(
    session: Session, api: FakeSmg
) -> None:
    await connect(session)

    session.save_state(State("Busy", StateClass.FREE))  # "Busy" now counts as available
    await session.set_template("alice", "Busy")

    assert State("Busy", StateClass.FREE) in session.states()
    assert api.requests == [("set_presence", "alice", "act-busy", Availability.AVAILABLE)]
    assert session.shown_state("alice") == ShownState("Busy", available=True)


async def test_appointments_saved_and_deleted_are_listed(
    session: Session, clock: ManualClock
) -> None:
    load(session)
    later = clock.now() + 3600
    meeting = Appointment("a1", "alice", "Busy", later, later + 1800)
    lunch = Appointment("a2", "bob", "Lunch", later - 600, later)

    session.save_appointment(meeting)
    session.save_appointment(lunch)
    assert session.appointments() == [lunch, meeting]  # by start

    moved = Appointment("a2", "bob", "Lunch", later + 600, later + 1200)
    session.save_appointment(moved)
    session.delete_appointment("a1")

    assert session.appointments() == [moved]


# -- reconnecting with new settings ------------------------------------------------------------


async def test_reconnect_that_cannot_start_is_refused_but_takes_numbers_and_mappings(
    tmp_path: Path, clock: ManualClock
) -> None:
    session = Session(
        connector_config(SETTINGS),
        Store(tmp_path / "store.sqlite3"),
        clock=clock,
        settings=SETTINGS,
        to_config=connector_config,
    )
    load(session)
    heard = Heard(session)
    try:
        with socket.socket() as taken:
            taken.bind(("127.0.0.1", 0))
            taken.listen()
            port = taken.getsockname()[1]
            new = SETTINGS.replace(
                listener_port=port,
                international_code="298",
                activity_mappings={**SETTINGS.activity_mappings, "act-available": "Busy"},
            )

            refused = await refusal(session.reconnect(new))

        assert refused.reason is Reason.CONNECTION_NOT_STARTED
        assert refused.why.cause is not None
        assert refused.why.cause.reason is Reason.LISTENER_PORT_BUSY
        assert refused.why.cause.params["port"] == str(port)
        assert session.plan.international_code == "298"
        assert session.shown_state("alice").label == "Busy"  # the new activity mapping
        assert session.settings is new
        assert session.config.listener_port == port
        assert session.listener_port is None
        assert (session.status.state, session.status.setting) == (
            Connection.DISCONNECTED,
            "Listener Port",
        )
        assert heard.updates[-1].status == session.status
    finally:
        await session.close()
    assert not [t for t in threading.enumerate() if t.name == "webhook-listener"]


async def test_reconnect_without_a_way_to_read_settings_is_an_error(
    tmp_path: Path, clock: ManualClock
) -> None:
    session = Session(connector_config(SETTINGS), Store(tmp_path / "s.sqlite3"), clock=clock)
    try:
        with pytest.raises(RuntimeError, match="without a way to read settings"):
            await session.reconnect(SETTINGS)
    finally:
        await session.close()


# -- found wrong once, fixed ----------------------------------------------------------------


async def test_a_batch_that_changes_nobody_does_not_hold_back_later_shown_states(
    session: Session,
) -> None:
    load(session)
    heard = Heard(session)
    stranger = PresenceUpdate(
        user_id="ghost", activity_id="act-lunch", availability=Availability.UNAVAILABLE
    )
    deliver(session, stranger)  # not in the model: no change, so no update

    session.presence.set_mappings({"act-available": "Busy"}, {})

    assert [u.shown for u in heard.updates] == [{"alice", "bob"}]


async def test_a_batch_that_opens_a_wrap_up_is_one_update(session: Session, api: FakeSmg) -> None:
    await connect(session)
    deliver(session, CallUpdate(call=leg("c1", ALICE, CallState.ANSWERED)))
    heard = Heard(session)

    deliver(
        session,
        presence(BOB, "act-lunch", Availability.UNAVAILABLE),
        CallUpdate(call=leg("c1", ALICE, CallState.ENDED)),
    )

    assert len(heard.updates) == 1
    (update,) = heard.updates
    assert update.colleagues is not None
    assert update.colleagues.changed == {"alice", "bob"}
    assert update.wrapups
    assert update.wrapups[0].call_id == "c1"
    assert update.shown == {"bob"}


async def test_a_new_operator_takes_wrap_up_over_from_the_previous_one(
    session: Session, api: FakeSmg, clock: ManualClock
) -> None:
    await connect(session)  # Alice is the operator

    session.apply_settings(SETTINGS.replace(operator_user=BOB.username))
    answered_call_ends(session, clock, "c1", ALICE)
    answered_call_ends(session, clock, "c2", BOB)

    assert [w.user_id for w in session.pending_wrapups()] == ["bob"]


async def test_renaming_a_state_renames_it_for_colleagues_in_it(
    session: Session, api: FakeSmg
) -> None:
    await connect(session)
    await session.set_template("bob", "Lunch")

    session.save_state(State("Lunch break", StateClass.OUT_OF_OFFICE), renamed_from="Lunch")

    stored = session.store.user_state("bob")
    assert stored is not None
    assert stored.state == "Lunch break"
    assert session.shown_state("bob").label == "Lunch break"


async def test_a_clock_a_year_ahead_prunes_nothing_that_a_right_clock_keeps(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Hardening on the desktop, item 4: the 90-day prune at start-up counted from a computer
    clock set a year ahead deleted all call history and wrap-ups."""
    day = 86_400.0
    right_now = 1_800_000_000.0
    store = Store(tmp_path / "store.sqlite3", clock=ManualClock(right_now))
    recent = leg("recent", ALICE, CallState.ENDED)
    old = leg("old", ALICE, CallState.ENDED)
    store.add_call(recent, ended_at=right_now - day)
    store.add_call(old, ended_at=right_now - 100 * day)  # a right clock forgets this one
    store.close()

    ahead = ManualClock(right_now + 365 * day)
    session = Session(
        connector_config(SETTINGS), Store(tmp_path / "store.sqlite3", clock=ahead), clock=ahead
    )
    with caplog.at_level(logging.WARNING):
        await session.start()  # incomplete settings stop it from connecting; the prune runs
    kept = [record.call_id for record in session.store.call_history()]
    await session.close()

    assert kept == ["recent", "old"]  # nothing pruned on a clock that far from the records
    assert "Not pruning the history" in caplog.text


async def test_a_reconnect_sync_leaves_a_user_in_wrap_up_unavailable(
    make_session: Callable[..., Session], clock: ManualClock
) -> None:
    """Reference-page fidelity, defect 2: a local -> Konnekta sync on reconnect pushed Available
    over the Unavailable that a pending wrap-up holds; the pending wrap-up wins."""
    session = make_session(sync_direction=SyncDirection.LOCAL_TO_KONNEKTA)
    session.attach_client()
    fake = FakeSmg()
    session.connector.api = fake  # type: ignore[assignment]
    await connect(session)
    answered_call_ends(session, clock, "c1", ALICE)  # Alice's wrap-up is pending
    assert [w.user_id for w in session.pending_wrapups()] == ["alice"]
    # Konnekta reports the Unavailable the wrap-up set.
    deliver(session, presence(ALICE, "act-available", Availability.UNAVAILABLE))
    session.presence.connected = False  # the connection drops; states set now wait
    await session.set_template("alice", "Available")
    await session.set_template("bob", "Lunch")
    fake.requests.clear()

    for hook in list(session.connector._connected_hooks):  # the reconnect's sync
        result = hook(True)
        if asyncio.iscoroutine(result):
            await result

    pushed = [request[1] for request in fake.made("set_presence")]
    assert "alice" not in pushed
    assert "bob" in pushed
    assert session.last_sync is not None
    assert session.last_sync.held == 1


# -- wrap-up: who, and a client that goes away (reference page: Wrap-Up) -------------------------


async def settle() -> None:
    """Let the tasks the session spawned run up to their next wait; no time passes."""
    for _ in range(10):
        await asyncio.sleep(0)


async def test_without_a_client_no_wrap_up_starts(
    make_session: Callable[..., Session], api: FakeSmg, clock: ManualClock
) -> None:
    """Wrap-Up: "wrap-up only happens if ... Switchboard clients are running" - `--headless`
    attaches no client, so a call neither makes the operator Unavailable nor opens a wrap-up."""
    session = make_session()
    session.connector.api = api  # type: ignore[assignment]
    await connect(session)

    answered_call_ends(session, clock, "c1", ALICE)
    await settle()

    assert session.pending_wrapups() == []
    assert api.made("set_presence") == []


async def test_no_wrap_up_when_konnekta_has_it_off_for_the_user(
    session: Session, api: FakeSmg, clock: ManualClock
) -> None:
    """Wrap-Up: "a user that has wrap-up enabled" - the flag is Konnekta's, per user; the
    operator's own setting can only turn it off."""
    session.model.load([msgspec.structs.replace(ALICE, wrap_up=False), BOB], STATUSES, ACTIVITIES)
    session.model.flush()
    for hook in list(session.connector._connected_hooks):
        result = hook(False)
        if asyncio.iscoroutine(result):
            await result

    answered_call_ends(session, clock, "c1", ALICE)

    assert session.pending_wrapups() == []


async def test_a_wrap_up_nobody_comes_back_for_completes_by_itself_after_the_timeout(
    session: Session, api: FakeSmg, clock: ManualClock
) -> None:
    """A wrap-up pending when the client goes away waits for it the tenant's time (10 minutes
    by default), then completes by itself: Available is set and the record says so."""
    await connect(session)
    answered_call_ends(session, clock, "c1", ALICE)
    session.detach_client()

    clock.advance(599)
    session.check_clients()
    assert [w.call_id for w in session.pending_wrapups()] == ["c1"]

    clock.advance(2)
    session.check_clients()
    await settle()

    assert session.pending_wrapups() == []
    (record,) = session.store.wrapup_records()
    assert (record.call_id, record.by_itself, record.note) == ("c1", True, "")
    assert ("set_presence", "alice", None, Availability.AVAILABLE) in api.requests


async def test_a_client_back_in_time_finds_its_wrap_up_and_one_back_late_does_not(
    make_session: Callable[..., Session], tmp_path: Path, clock: ManualClock
) -> None:
    """After a restart the pending wrap-up returns when the client comes back within the
    timeout, counted from when a client was last seen (kept in the store); later it has
    completed by itself as the client attaches, before any dialog could show."""
    api = FakeSmg()
    first = make_session()  # the app's data file: store-0
    first.connector.api = api  # type: ignore[assignment]
    first.attach_client()
    await connect(first)
    answered_call_ends(first, clock, "c1", ALICE)
    first.detach_client()
    first.store.close()

    clock.advance(300)
    back = Session(connector_config(SETTINGS), Store(tmp_path / "store-0.sqlite3"), clock=clock)
    back.connector.api = api  # type: ignore[assignment]
    back.attach_client()
    assert [w.call_id for w in back.pending_wrapups()] == ["c1"]
    back.detach_client()
    back.store.close()

    clock.advance(601)
    late = Session(connector_config(SETTINGS), Store(tmp_path / "store-0.sqlite3"), clock=clock)
    late.connector.api = api  # type: ignore[assignment]
    late.attach_client()
    assert late.pending_wrapups() == []
    assert [r.by_itself for r in late.store.wrapup_records()] == [True]
    late.store.close()


async def test_a_call_whose_end_was_lost_opens_its_wrap_up_at_the_reconnect(
    session: Session, api: FakeSmg, clock: ManualClock
) -> None:
    """Wrap-Up: "When the call ends, user will be presented with the wrap-up dialog" - also
    when the end event was lost in a disconnect: at the reconnect the calls Konnekta reports
    rebuild the state, and the call that is gone has ended."""
    await connect(session)
    deliver(session, CallUpdate(call=leg("c1", ALICE, CallState.RINGING)))
    deliver(session, CallUpdate(call=leg("c1", ALICE, CallState.ANSWERED)))
    session.connector._set_status(Connection.RECONNECTING)
    clock.advance(60)  # the call ends meanwhile; its end event never arrives

    await connect(session)  # Konnekta reports no call in progress

    assert [w.call_id for w in session.pending_wrapups()] == ["c1"]
    await session.complete_wrapup(session.pending_wrapups()[0], "note", request_id="w1")
    assert ("set_presence", "alice", None, Availability.AVAILABLE) in api.requests


# -- templates and synchronisation (reference page: Konnekta Activity Mappings, Synchronize) ----

DESK = Template("Front desk", "Busy", caller_id="+4533333333", forwarding="+4570707070")


async def reconnect(session: Session) -> None:
    """The connection comes back: the connected hooks run again (the reconnect's sync)."""
    for hook in list(session.connector._connected_hooks):
        result = hook(True)
        if asyncio.iscoroutine(result):
            await result
    session.presence.connected = True


async def test_a_template_set_while_disconnected_sends_its_caller_id_and_forwarding_too(
    make_session: Callable[..., Session],
) -> None:
    """Synchronize on startup/reconnect, Direction "this app to Konnekta": a template set while
    disconnected reached Konnekta as its state only; its caller ID and forwarding were lost."""
    session = make_session(sync_direction=SyncDirection.LOCAL_TO_KONNEKTA)
    api = FakeSmg()
    session.connector.api = api  # type: ignore[assignment]
    await connect(session)
    session.save_template(DESK)
    session.presence.connected = False  # the connection drops

    await session.set_template("alice", "Front desk")
    assert api.requests == []
    await reconnect(session)

    assert ("set_presence", "alice", "act-busy", Availability.UNAVAILABLE) in api.requests
    assert ("set_caller_id", "alice", "+4533333333") in api.requests
    assert ("set_diversion", "alice", "+4570707070") in api.requests
    assert session.store.pending_changes() == []


async def test_an_activity_mapped_to_a_template_sets_its_caller_id_and_forwarding(
    session: Session, api: FakeSmg
) -> None:
    """Konnekta Activity Mappings: an activity selects a template, and a template is a state with
    its caller ID and forwarding; only the state was applied."""
    await connect(session)
    session.save_template(DESK)
    session.apply_settings(session.settings.replace(activity_mappings={"act-busy": "Front desk"}))  # type: ignore[union-attr]

    deliver(session, presence(ALICE, "act-busy", Availability.UNAVAILABLE))
    await settle()

    assert session.shown_state("alice").label == "Busy"
    assert ("set_caller_id", "alice", "+4533333333") in api.requests
    assert ("set_diversion", "alice", "+4570707070") in api.requests
    api.requests.clear()
    deliver(session, presence(ALICE, "act-busy", Availability.UNAVAILABLE))  # no change: no resend
    await settle()
    assert api.requests == []


async def test_with_synchronisation_off_a_reconnect_compares_and_pushes_nothing(
    make_session: Callable[..., Session], caplog: pytest.LogCaptureFixture
) -> None:
    """Synchronize on startup/reconnect, off: nothing is compared or pushed on a reconnect; a
    state set while disconnected changes the local state only, shows as out of step with
    Konnekta until the next change, and nothing stays pending (it stayed pending for ever, and
    local states followed Konnekta at every reconnect)."""
    session = make_session(sync_on_startup=False)
    api = FakeSmg()
    session.connector.api = api  # type: ignore[assignment]
    await connect(session)
    session.presence.connected = False

    await session.set_template("alice", "Lunch")
    assert session.shown_state("alice") == ShownState("Lunch", True, out_of_step=True)
    assert session.store.pending_changes() == []

    await reconnect(session)
    assert api.requests == []
    assert session.shown_state("alice").label == "Lunch"  # not overwritten by Konnekta's activity
    assert session.shown_state("alice").out_of_step

    deliver(session, presence(ALICE, "act-busy", Availability.UNAVAILABLE))  # the next change
    assert session.shown_state("alice") == ShownState("Busy", False)


async def test_changes_pending_when_synchronisation_is_turned_off_are_dropped_with_a_log_line(
    make_session: Callable[..., Session], caplog: pytest.LogCaptureFixture
) -> None:
    session = make_session()
    load(session)
    await session.set_template("alice", "Lunch")  # disconnected: pending for the reconnect
    assert len(session.store.pending_changes()) == 1

    with caplog.at_level(logging.INFO):
        session.apply_settings(session.settings.replace(sync_on_startup=False))  # type: ignore[union-attr]

    assert session.store.pending_changes() == []
    assert "Dropping an unsent state change of alice" in caplog.text
