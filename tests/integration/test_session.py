"""The connector core end to end against the simulator: wrap-up, sync, caller ID, call-back, refusals."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest

from konnekta_desktop.core.clock import ManualClock
from konnekta_desktop.core.session import Session
from konnekta_desktop.core.store import Store
from konnekta_desktop.domain import (
    Availability,
    Call,
    CallingDevice,
    CallState,
    Direction,
    LineType,
    User,
)
from konnekta_desktop.domain.appointments import Appointment
from konnekta_desktop.domain.refusals import Reason, Refused, why
from konnekta_desktop.domain.states import SyncDirection, Template
from konnekta_desktop.domain.status import Connection
from konnekta_desktop.runtime import suggested_mappings
from konnekta_desktop.simulator.server import Simulator
from tests.helpers.konnekta import config_for, until


def fixed_only_user(simulator: Simulator, *, wrap_up: bool | None = None) -> User:
    for user in simulator.tenant.users.values():
        has_mobile = any(line.type is LineType.MOBILE for line in user.lines)
        if user.lines and not has_mobile and (wrap_up is None or user.wrap_up == wrap_up):
            return user
    raise AssertionError("the tenant has no such user")


async def open_session(
    simulator: Simulator, store_path: Path, *, client: bool = True, **overrides: object
) -> Session:
    """A session as the desktop runs it (its window attached as the client), or, without
    `client`, as `--headless` runs it."""
    activities, states = suggested_mappings(simulator.tenant.activities)
    values: dict[str, object] = {
        "activity_mappings": activities,
        "state_mappings": states,
        "health_interval": 0.05,
        "reconnect_delay": 0.05,
        "retry_backoff": 0.01,
    }
    values.update(overrides)
    session = Session(config_for(simulator, **values), Store(store_path))
    if client:
        session.attach_client()
    await session.start()
    await session.connector.wait_connected()
    return session


async def status_becomes(session: Session, wanted: Connection) -> None:
    if session.connector.status.state is wanted:
        return
    reached = asyncio.Event()
    session.connector.on_status(lambda s: reached.set() if s.state is wanted else None)
    await asyncio.wait_for(reached.wait(), 20)


def availability_in_konnekta(simulator: Simulator, user_id: str) -> Callable[[], Availability]:
    return lambda: simulator.tenant.presence[user_id].availability


@pytest.fixture
async def simulator() -> AsyncIterator[Simulator]:
    async with Simulator(users=40, seed=5) as sim:
        yield sim


async def test_wrap_up_end_to_end(simulator: Simulator, tmp_path: Path) -> None:
    operator = fixed_only_user(simulator, wrap_up=True)
    session = await open_session(
        simulator, tmp_path / "store.sqlite3", operator_user=operator.username, wrap_up=True
    )
    opened: list[object] = []
    session.wrapup.subscribe(opened.append)
    in_konnekta = availability_in_konnekta(simulator, operator.id)
    assert in_konnekta() is Availability.AVAILABLE or True  # whatever it was before the call

    call_id = await simulator.ring(operator.id, "+4512345678")
    await until(session.model, lambda: in_konnekta() is Availability.UNAVAILABLE)
    await simulator.answer(call_id)
    await simulator.hang_up(call_id)
    await until(session.model, lambda: bool(session.wrapup.pending()))
    assert [s.call_id for s in opened] == [call_id]  # type: ignore[attr-defined]
    assert in_konnekta() is Availability.UNAVAILABLE

    await session.wrapup.complete(
        session.wrapup.pending()[0], note="Ordered a catalogue", code="Sale"
    )
    assert in_konnekta() is Availability.AVAILABLE
    records = session.store.wrapup_records()
    assert [(r.call_id, r.note, r.code) for r in records] == [
        (call_id, "Ordered a catalogue", "Sale")
    ]
    assert session.store.pending_wrapups() == []
    await session.close()


async def test_pending_wrap_up_survives_a_restart(simulator: Simulator, tmp_path: Path) -> None:
    operator = fixed_only_user(simulator, wrap_up=True)
    store_path = tmp_path / "store.sqlite3"
    session = await open_session(simulator, store_path, operator_user=operator.username)
    call_id = await simulator.ring(operator.id, "+4512345678")
    await simulator.answer(call_id)
    await simulator.hang_up(call_id)
    await until(session.model, lambda: bool(session.wrapup.pending()))
    await session.close()

    again = await open_session(simulator, store_path, operator_user=operator.username)
    assert [s.call_id for s in again.wrapup.pending()] == [call_id]
    await again.wrapup.complete(again.wrapup.pending()[0])
    assert simulator.tenant.presence[operator.id].availability is Availability.AVAILABLE
    await again.close()


async def test_a_call_whose_end_was_lost_in_a_disconnect_opens_its_wrap_up_on_reconnect(
    simulator: Simulator, tmp_path: Path
) -> None:
    """Reference page, Wrap-Up: "When the call ends, user will be presented with the wrap-up
    dialog. When wrap-up is completed, the Availability state ... will be set to Available." The
    end event is lost while the connection is down; at the reconnect the call Konnekta no longer
    reports has ended, its wrap-up opens, and completing it makes the operator Available (the
    operator was stuck Unavailable before)."""
    operator = fixed_only_user(simulator, wrap_up=True)
    session = await open_session(simulator, tmp_path / "s.sqlite3", operator_user=operator.username)
    in_konnekta = availability_in_konnekta(simulator, operator.id)
    call_id = await simulator.ring(operator.id, "+4512345678")
    await simulator.answer(call_id)
    await until(session.model, lambda: in_konnekta() is Availability.UNAVAILABLE)

    simulator.faults.webhook_blackhole = True
    simulator.faults.error_burst = 1_000_000
    await status_becomes(session, Connection.RECONNECTING)
    await simulator.hang_up(call_id)  # its end event is lost for good
    assert simulator.webhooks.lost >= 1
    assert session.wrapup.pending() == []

    simulator.faults.clear()
    await status_becomes(session, Connection.CONNECTED)
    await until(session.model, lambda: bool(session.wrapup.pending()))

    (pending,) = session.wrapup.pending()
    assert pending.call_id == call_id
    await session.wrapup.complete(pending, note="after the outage")
    assert in_konnekta() is Availability.AVAILABLE
    await session.close()


async def test_a_pending_wrap_up_wins_over_a_local_to_konnekta_sync_after_a_disconnect(
    simulator: Simulator, tmp_path: Path
) -> None:
    """Reference page, Wrap-Up and Synchronize on startup/reconnect: the operator's state set to
    Available while disconnected is not pushed over the Unavailable a pending wrap-up holds (it
    undid the wrap-up); the change waits, and completing the wrap-up makes the operator
    Available."""
    operator = fixed_only_user(simulator, wrap_up=True)
    session = await open_session(
        simulator,
        tmp_path / "s.sqlite3",
        operator_user=operator.username,
        sync_direction=SyncDirection.LOCAL_TO_KONNEKTA,
    )
    in_konnekta = availability_in_konnekta(simulator, operator.id)
    call_id = await simulator.ring(operator.id, "+4512345678")
    await simulator.answer(call_id)
    await simulator.hang_up(call_id)
    await until(session.model, lambda: bool(session.wrapup.pending()))

    simulator.faults.error_burst = 1_000_000
    await status_becomes(session, Connection.RECONNECTING)
    await session.presence.set_template(operator.id, "Available")  # kept for the reconnect
    simulator.faults.clear()
    await status_becomes(session, Connection.CONNECTED)
    await until(session.model, lambda: session.last_sync is not None)

    assert session.last_sync is not None
    assert session.last_sync.held == 1
    assert in_konnekta() is Availability.UNAVAILABLE  # the wrap-up still holds
    await session.wrapup.complete(session.wrapup.pending()[0])
    assert in_konnekta() is Availability.AVAILABLE
    await session.close()


async def test_with_synchronisation_off_a_state_set_while_disconnected_stays_here_only(
    simulator: Simulator, tmp_path: Path
) -> None:
    """Reference page, Synchronize on startup/reconnect, off: nothing is compared or pushed at
    the reconnect; the state set while disconnected is this app's only, marked so, and nothing
    stays pending (it stayed pending for ever)."""
    colleague = fixed_only_user(simulator)
    session = await open_session(simulator, tmp_path / "s.sqlite3", sync_on_startup=False)
    before = simulator.tenant.presence[colleague.id]

    simulator.faults.error_burst = 1_000_000
    await status_becomes(session, Connection.RECONNECTING)
    await session.presence.set_template(colleague.id, "Lunch")
    simulator.faults.clear()
    await status_becomes(session, Connection.CONNECTED)

    assert simulator.tenant.presence[colleague.id] == before
    assert session.store.pending_changes() == []
    shown = session.presence.shown_state(colleague.id)
    assert (shown.label, shown.out_of_step) == ("Lunch", True)
    await session.close()


async def test_no_wrap_up_when_it_is_switched_off(simulator: Simulator, tmp_path: Path) -> None:
    operator = fixed_only_user(simulator)
    session = await open_session(
        simulator, tmp_path / "s.sqlite3", operator_user=operator.username, wrap_up=False
    )
    before = simulator.tenant.presence[operator.id].availability
    call_id = await simulator.ring(operator.id, "+4512345678")
    await simulator.answer(call_id)
    await simulator.hang_up(call_id)
    await until(session.model, lambda: not session.model.get(operator.id).calls)  # type: ignore[union-attr]
    assert session.wrapup.pending() == []
    assert simulator.tenant.presence[operator.id].availability is before
    await session.close()


async def test_sync_local_to_konnekta_sends_changes_made_while_disconnected(
    simulator: Simulator, tmp_path: Path
) -> None:
    colleague = fixed_only_user(simulator)
    session = await open_session(
        simulator, tmp_path / "s.sqlite3", sync_direction=SyncDirection.LOCAL_TO_KONNEKTA
    )
    simulator.faults.error_burst = 1_000_000
    await status_becomes(session, Connection.RECONNECTING)
    await session.presence.set_template(colleague.id, "Lunch")  # kept until reconnect
    assert simulator.tenant.presence[colleague.id].activity_id != "act-lunch"
    assert [c.state for c in session.store.pending_changes()] == ["Lunch"]

    simulator.faults.clear()
    await status_becomes(session, Connection.CONNECTED)
    await until(session.model, lambda: session.last_sync is not None)
    presence = simulator.tenant.presence[colleague.id]
    assert (presence.activity_id, presence.availability) == ("act-lunch", Availability.UNAVAILABLE)
    assert session.store.pending_changes() == []
    await session.close()


async def test_sync_konnekta_to_local_follows_changes_made_in_konnekta_while_disconnected(
    simulator: Simulator, tmp_path: Path
) -> None:
    colleague = fixed_only_user(simulator)
    session = await open_session(
        simulator, tmp_path / "s.sqlite3", sync_direction=SyncDirection.KONNEKTA_TO_LOCAL
    )
    simulator.faults.error_burst = 1_000_000
    simulator.faults.webhook_outage = True
    await status_becomes(session, Connection.RECONNECTING)
    await simulator.set_presence(colleague.id, "act-holiday", Availability.UNAVAILABLE)
    await session.presence.set_template(colleague.id, "Lunch")  # loses: Konnekta wins
    simulator.faults.clear()
    await status_becomes(session, Connection.CONNECTED)
    await until(
        session.model, lambda: session.presence.shown_state(colleague.id).label == "Holiday"
    )
    assert simulator.tenant.presence[colleague.id].activity_id == "act-holiday"
    assert session.store.pending_changes() == []
    await session.close()


async def test_caller_id_through_a_template(simulator: Simulator, tmp_path: Path) -> None:
    colleague = next(
        u
        for u in simulator.tenant.users.values()
        if "SetCallerId" in u.rights and len(simulator.tenant.caller_ids[u.id].valid) > 1
    )
    company_number = simulator.tenant.caller_ids[colleague.id].valid[-1]
    session = await open_session(simulator, tmp_path / "s.sqlite3")
    session.store.save_template(Template("Sales desk", "Available", caller_id=company_number))
    session.presence.rebuild_mapper()
    await session.presence.set_template(colleague.id, "Sales desk")
    assert simulator.tenant.caller_ids[colleague.id].current == company_number
    await until(session.model, lambda: session.model.get(colleague.id).caller_id == company_number)  # type: ignore[union-attr]
    await session.close()


async def test_caller_id_refused_without_the_right(simulator: Simulator, tmp_path: Path) -> None:
    colleague = next(
        (u for u in simulator.tenant.users.values() if "SetCallerId" not in u.rights), None
    )
    if colleague is None:
        colleague = await simulator.change_user(next(iter(simulator.tenant.users)), rights=())
    session = await open_session(simulator, tmp_path / "s.sqlite3")
    before = len(simulator.received)
    with pytest.raises(Refused, match="no_caller_id_right"):
        await session.commands.set_caller_id(colleague.id, colleague.lines[0].number)
    assert len(simulator.received) == before
    await session.close()


async def test_queue_call_back_is_an_incoming_external_call_flagged_call_back(
    simulator: Simulator, tmp_path: Path
) -> None:
    session = await open_session(simulator, tmp_path / "s.sqlite3")
    queue = next(iter(simulator.tenant.queues.values()))
    agent = queue.agents[0]
    call_id = await simulator.ring(agent, "+4520304050", queue=queue.name, callback=True)
    await until(session.model, lambda: call_id in session.model.get(agent).calls)  # type: ignore[union-attr]
    call = session.model.get(agent).calls[call_id]  # type: ignore[union-attr]
    assert call.callback is True
    assert call.direction.value == "inbound"
    assert call.caller == "+4520304050"
    assert call.called == queue.number
    assert call.queue == queue.name
    await session.close()


async def test_dial_refused_for_a_number_registered_as_mobile(
    simulator: Simulator, tmp_path: Path
) -> None:
    colleague = next(
        u
        for u in simulator.tenant.users.values()
        if any(line.type is LineType.MOBILE for line in u.lines)
    )
    mobile = next(line for line in colleague.lines if line.type is LineType.MOBILE)
    session = await open_session(simulator, tmp_path / "s.sqlite3")
    before = len(simulator.received)
    with pytest.raises(Refused, match="mobile_line"):
        await session.commands.dial(
            colleague.id, "+4512345678", CallingDevice.LOCAL, from_number=mobile.number
        )
    assert len(simulator.received) == before
    await session.close()


async def test_dial_from_a_device_the_user_lacks_is_refused_before_sending(
    simulator: Simulator, tmp_path: Path
) -> None:
    colleague = next(
        u for u in simulator.tenant.users.values() if CallingDevice.TEAMS not in u.devices
    )
    session = await open_session(simulator, tmp_path / "s.sqlite3")
    before = len(simulator.received)
    with pytest.raises(Refused, match="no_teams_telephony"):
        await session.commands.dial(colleague.id, "12345678", CallingDevice.TEAMS)
    assert len(simulator.received) == before
    await session.close()


async def test_appointment_that_began_while_closed_applies_at_start_up_and_ends_on_time(
    tmp_path: Path,
) -> None:
    clock = ManualClock(now=1_800_000_000.0)
    async with Simulator(users=10, seed=5, clock=clock.now) as simulator:
        await _appointment_story(simulator, clock, tmp_path)


async def _appointment_story(simulator: Simulator, clock: ManualClock, tmp_path: Path) -> None:
    colleague = fixed_only_user(simulator)
    store_path = tmp_path / "s.sqlite3"
    with Store(store_path) as store:
        store.set_user_state(colleague.id, "Available", clock.now() - 7200)
        store.save_appointment(
            Appointment("a1", colleague.id, "Meeting 1 hour", clock.now() - 600, clock.now() + 3000)
        )
    activities, states = suggested_mappings(simulator.tenant.activities)
    config = config_for(simulator, activity_mappings=activities, state_mappings=states)
    session = Session(config, Store(store_path), clock=clock)
    await session.start()
    await session.connector.wait_connected()
    in_konnekta = lambda: simulator.tenant.presence[colleague.id].activity_id  # noqa: E731
    await until(session.model, lambda: in_konnekta() == "act-meeting")
    assert session.presence.shown_state(colleague.id).label == "Meeting"

    clock.advance(3001)
    await session.appointment_service.apply_due()
    assert in_konnekta() == "act-available"
    assert session.store.active_appointments() == []
    await session.close()


async def test_a_failed_wrap_up_completion_stays_pending_and_can_be_retried(
    simulator: Simulator, tmp_path: Path
) -> None:
    operator = fixed_only_user(simulator, wrap_up=True)
    session = await open_session(
        simulator, tmp_path / "s.sqlite3", operator_user=operator.username, retry_backoff=0.001
    )
    call_id = await simulator.ring(operator.id, "+4512345678")
    await simulator.answer(call_id)
    await simulator.hang_up(call_id)
    await until(session.model, lambda: bool(session.wrapup.pending()))
    pending = session.wrapup.pending()[0]

    simulator.faults.error_burst = 100
    with pytest.raises(Refused):
        await session.wrapup.complete(pending, note="first try")
    assert session.wrapup.pending() == [pending]
    assert session.store.wrapup_records() == []

    simulator.faults.clear()
    await session.wrapup.complete(pending, note="second try")
    assert simulator.tenant.presence[operator.id].availability is Availability.AVAILABLE
    assert [r.note for r in session.store.wrapup_records()] == ["second try"]
    await session.close()


async def test_reconnect_with_new_settings_keeps_the_model_and_subscribes_again(
    simulator: Simulator, tmp_path: Path
) -> None:
    config = config_for(simulator)
    session = Session(config, Store(tmp_path / "s.sqlite3"), to_config=lambda new: new)
    await session.start()
    await session.connector.wait_connected()
    model = session.model
    statuses: list[Connection] = []
    session.connector.on_status(lambda status: statuses.append(status.state))

    await session.reconnect(dataclasses.replace(config, international_code="298"))
    await session.connector.wait_connected()
    assert session.model is model
    assert len(model) == len(simulator.tenant.users)
    assert session.plan.international_code == "298"
    assert statuses == [Connection.RECONNECTING, Connection.CONNECTED]
    subscriptions = [c for c in simulator.received if c.method == "POST" and c.path == "/webhooks"]
    assert len(subscriptions) == 2
    colleague = fixed_only_user(simulator)
    await session.presence.set_template(colleague.id, "Lunch")
    assert simulator.tenant.presence[colleague.id].availability is Availability.UNAVAILABLE
    await session.close()


async def test_history_older_than_ninety_days_is_forgotten_at_start(
    simulator: Simulator, tmp_path: Path
) -> None:
    clock = ManualClock(now=1_800_000_000.0)
    store_path = tmp_path / "s.sqlite3"
    with Store(store_path) as store:
        for age_days, call_id in ((91, "old"), (89, "recent")):
            ended = clock.now() - age_days * 86_400
            store.add_call(
                Call(
                    call_id=call_id,
                    user_id="u1",
                    state=CallState.ENDED,
                    direction=Direction.INBOUND,
                    caller="+4512345678",
                    called="+4587654321",
                    started_at=ended - 60,
                ),
                ended_at=ended,
            )
    session = Session(config_for(simulator), Store(store_path), clock=clock)
    session.settings_problems = [why(Reason.EMPTY_ASK_PROVIDER, setting="User")]  # stay offline
    await session.start()
    assert [record.call_id for record in session.store.call_history()] == ["recent"]
    await session.close()
