"""The call engine's event sequences, and the signed, ordered, retried webhook delivery."""

from __future__ import annotations

import pytest

from konnekta_desktop.konnekta.events import (
    CallAnswered,
    CallEnded,
    CallerIdChanged,
    CallRinging,
    DiversionChanged,
    KnownEvent,
    PresenceChanged,
    UserAdded,
    UserChanged,
    UserRemoved,
)
from konnekta_desktop.konnekta.models import (
    Availability,
    Call,
    CallingDevice,
    CallState,
    Direction,
    Right,
)
from konnekta_desktop.simulator import Simulator, Unprocessable
from konnekta_desktop.simulator.engine import CallEngine
from konnekta_desktop.simulator.tenant import Tenant, generate_tenant, mobile_number
from konnekta_desktop.simulator.traffic import AutoTraffic

from .conftest import Api, FakeClock, WebhookReceiver, login

CALLER = "+4587654321"


@pytest.fixture
def tenant() -> Tenant:
    return generate_tenant(30, seed=7)


@pytest.fixture
def emitted() -> list[KnownEvent]:
    return []


@pytest.fixture
def engine(tenant: Tenant, emitted: list[KnownEvent]) -> CallEngine:
    return CallEngine(tenant, FakeClock(), emitted.append)


def _legs(events: list[KnownEvent]) -> list[tuple[str, str, str]]:
    """(event type, user id, direction) for every call event."""
    return [
        (type(e).__name__, e.data.user_id, e.data.direction.value)
        for e in events
        if isinstance(e, CallRinging | CallAnswered | CallEnded)
    ]


def _data(event: KnownEvent) -> Call:
    assert isinstance(event, CallRinging | CallAnswered | CallEnded)
    return event.data


def test_direct_call_rings_answers_and_ends_one_leg(
    engine: CallEngine, emitted: list[KnownEvent]
) -> None:
    call_id = engine.ring("user-00004", CALLER)
    engine.answer(call_id)
    engine.hang_up(call_id)
    assert _legs(emitted) == [
        ("CallRinging", "user-00004", "inbound"),
        ("CallAnswered", "user-00004", "inbound"),
        ("CallEnded", "user-00004", "inbound"),
    ]
    ringing, answered, ended = map(_data, emitted)
    assert ringing.caller == CALLER
    assert ringing.called == engine.tenant.users["user-00004"].lines[0].number
    assert answered.device is CallingDevice.LOCAL
    assert answered.answered_at is not None
    assert ended.state is CallState.ENDED
    assert not engine.tenant.calls


def test_queue_call_rings_every_agent_and_the_others_stop_when_one_answers(
    engine: CallEngine, emitted: list[KnownEvent]
) -> None:
    queue = engine.tenant.queues["Support"]
    assert len(queue.agents) >= 2
    call_id = engine.ring_queue("Support", CALLER)
    rung = [e.data for e in emitted if isinstance(e, CallRinging)]
    assert [leg.user_id for leg in rung] == list(queue.agents)
    assert all(leg.called == queue.number and leg.queue == "Support" for leg in rung)
    assert all(leg.call_id == call_id and not leg.callback for leg in rung)
    emitted.clear()
    taker = queue.agents[1]
    engine.answer(call_id, user_id=taker)
    assert _legs(emitted)[0] == ("CallAnswered", taker, "inbound")
    assert {e[1] for e in _legs(emitted)[1:]} == set(queue.agents) - {taker}
    assert all(e[0] == "CallEnded" for e in _legs(emitted)[1:])
    assert list(engine.tenant.calls[call_id]) == [taker]


def test_queue_callback_shows_the_external_caller_and_the_queue_number(
    engine: CallEngine, emitted: list[KnownEvent]
) -> None:
    engine.ring_queue("Sales", CALLER, callback=True)
    for leg in (e.data for e in emitted if isinstance(e, CallRinging)):
        assert leg.callback
        assert leg.caller == CALLER
        assert leg.called == engine.tenant.queues["Sales"].number
        assert leg.queue == "Sales"


def test_mobile_call_is_answered_on_the_mobile_device(
    engine: CallEngine, emitted: list[KnownEvent]
) -> None:
    user = next(u for u in engine.tenant.users.values() if mobile_number(u))
    call_id = engine.ring(user.id, CALLER, called=mobile_number(user))
    engine.answer(call_id, device=CallingDevice.MOBILE)
    answered = _data(emitted[1])
    assert answered.called == mobile_number(user)
    assert answered.device is CallingDevice.MOBILE


def test_answering_on_a_device_the_user_lacks_is_refused(engine: CallEngine) -> None:
    user = next(u for u in engine.tenant.users.values() if not mobile_number(u))
    call_id = engine.ring(user.id, CALLER)
    with pytest.raises(Unprocessable):
        engine.answer(call_id, device=CallingDevice.MOBILE)


def test_make_call_to_a_short_number_rings_both_users(
    engine: CallEngine, emitted: list[KnownEvent]
) -> None:
    callee = next(
        u
        for u in engine.tenant.users.values()
        if len(u.lines[0].aliases) == 1 and u.lines[0].aliases[0].short_number
    )
    short = callee.lines[0].aliases[0].number
    call_id = engine.make_call("user-00001", short, CallingDevice.LOCAL)
    assert _legs(emitted) == [
        ("CallRinging", "user-00001", "outbound"),
        ("CallRinging", callee.id, "inbound"),
    ]
    outbound, inbound = map(_data, emitted)
    assert outbound.device is CallingDevice.LOCAL
    assert outbound.called == short
    assert inbound.caller == engine.tenant.users["user-00001"].lines[0].number
    emitted.clear()
    engine.answer(call_id)
    assert _legs(emitted) == [
        ("CallAnswered", callee.id, "inbound"),
        ("CallAnswered", "user-00001", "outbound"),
    ]
    emitted.clear()
    engine.hang_up(call_id)
    assert [e[0] for e in _legs(emitted)] == ["CallEnded", "CallEnded"]


def test_make_call_to_an_outside_number_rings_only_the_caller(
    engine: CallEngine, emitted: list[KnownEvent]
) -> None:
    call_id = engine.make_call("user-00001", "33 12 34 56", CallingDevice.LOCAL)
    assert _legs(emitted) == [("CallRinging", "user-00001", "outbound")]
    assert _data(emitted[0]).called == "+4533123456"
    engine.answer(call_id)
    assert _legs(emitted)[-1] == ("CallAnswered", "user-00001", "outbound")


def test_blind_transfer_ends_the_transferring_leg_and_rings_the_target(
    engine: CallEngine, emitted: list[KnownEvent]
) -> None:
    target = engine.tenant.users["user-00006"]
    call_id = engine.ring("user-00001", CALLER)
    engine.answer(call_id)
    emitted.clear()
    engine.transfer(call_id, target.lines[0].number)
    assert _legs(emitted) == [
        ("CallEnded", "user-00001", "inbound"),
        ("CallRinging", target.id, "inbound"),
    ]
    rung = _data(emitted[1])
    assert rung.call_id == call_id
    assert rung.caller == CALLER


def test_transfer_to_an_outside_number_ends_the_call_in_the_tenant(engine: CallEngine) -> None:
    call_id = engine.ring("user-00001", CALLER)
    engine.answer(call_id)
    engine.transfer(call_id, "+4587000000")
    assert call_id not in engine.tenant.calls


def test_settings_changes_emit_their_user_events(
    engine: CallEngine, emitted: list[KnownEvent]
) -> None:
    user_id = next(u.id for u in engine.tenant.users.values() if Right.SET_CALLER_ID in u.rights)
    engine.set_presence(user_id, "act-lunch", Availability.UNAVAILABLE)
    engine.set_diversion(user_id, "0045 20 30 40 50")
    engine.set_diversion(user_id, None)
    company = engine.tenant.company_numbers[0]
    engine.set_caller_id(user_id, company)
    presence, diverted, cleared, caller_id = emitted
    assert isinstance(presence, PresenceChanged)
    assert presence.data.activity_id == "act-lunch"
    assert isinstance(diverted, DiversionChanged)
    assert diverted.data.number == "+4520304050"
    assert isinstance(cleared, DiversionChanged)
    assert cleared.data.number is None
    assert isinstance(caller_id, CallerIdChanged)
    assert caller_id.data.number == company
    assert engine.tenant.status(user_id).caller_id == company


def test_clearing_the_caller_id_returns_to_the_default_and_emits_null(
    engine: CallEngine, emitted: list[KnownEvent]
) -> None:
    """As a PBX would: no chosen caller ID any more, the valid list unchanged, and the change
    posted as `user.caller_id.changed` with number null."""
    user_id = next(u.id for u in engine.tenant.users.values() if Right.SET_CALLER_ID in u.rights)
    valid = engine.tenant.caller_ids[user_id].valid
    engine.set_caller_id(user_id, engine.tenant.company_numbers[0])
    ids = engine.clear_caller_id(user_id)
    assert ids.current is None
    assert ids.valid == valid
    assert engine.tenant.caller_ids[user_id] == ids
    assert engine.tenant.status(user_id).caller_id is None
    cleared = emitted[-1]
    assert isinstance(cleared, CallerIdChanged)
    assert cleared.data.user_id == user_id
    assert cleared.data.number is None


def test_user_removal_ends_their_calls_first(engine: CallEngine, emitted: list[KnownEvent]) -> None:
    engine.ring("user-00002", CALLER)
    engine.remove_user("user-00002")
    assert isinstance(emitted[-2], CallEnded)
    assert isinstance(emitted[-1], UserRemoved)
    assert "user-00002" not in engine.tenant.users
    assert all("user-00002" not in q.agents for q in engine.tenant.queues.values())


def test_auto_traffic_is_the_same_for_the_same_seed() -> None:
    def play(seed: int) -> list[str]:
        events: list[KnownEvent] = []
        engine = CallEngine(generate_tenant(40, seed=1), FakeClock(), events.append)
        traffic = AutoTraffic(engine, seed)
        for _ in range(60):
            traffic.step()
        return [f"{type(e).__name__}:{getattr(e.data, 'user_id', '')}" for e in events]

    first = play(3)
    assert first == play(3)
    assert first != play(4)
    kinds = {name.split(":")[0] for name in first}
    assert {"CallRinging", "CallAnswered", "CallEnded", "PresenceChanged"} <= kinds


def test_auto_traffic_plays_every_kind_of_call() -> None:
    events: list[KnownEvent] = []
    engine = CallEngine(generate_tenant(40, seed=1), FakeClock(), events.append)
    traffic = AutoTraffic(engine, 1)
    for _ in range(200):
        traffic.step()
    legs = [e.data for e in events if isinstance(e, CallRinging)]
    assert any(leg.callback for leg in legs)
    assert any(leg.queue and not leg.callback for leg in legs)
    assert any(leg.direction is Direction.OUTBOUND for leg in legs)
    answered = [e.data for e in events if isinstance(e, CallAnswered)]
    assert any(leg.device is CallingDevice.MOBILE for leg in answered)


# -- over HTTP, with signed webhook delivery --------------------------------------------------


async def test_api_commands_reach_the_listener_as_signed_events_in_order(
    api: Api, sim: Simulator, receiver: WebhookReceiver
) -> None:
    response = await api.request(
        "POST", "/users/user-00001/calls", {"destination": "+4587000001", "device": "local"}
    )
    call_id = response.json()["call_id"]
    await api.request("PUT", "/users/user-00001/presence", {"availability": "unavailable"})
    await api.request("DELETE", f"/calls/{call_id}")
    await sim.delivered()
    assert receiver.types() == ["call.ringing", "user.presence.changed", "call.ended"]
    assert receiver.ids == ["msg_1", "msg_2", "msg_3"]


async def test_simulator_api_plays_calls_and_presence_as_if_in_konnekta(
    sim: Simulator, receiver: WebhookReceiver
) -> None:
    call_id = await sim.ring_queue("Reception", CALLER, callback=True)
    await sim.answer(call_id)
    await sim.hang_up(call_id)
    await sim.set_presence("user-00003", "act-holiday", "unavailable")
    user = await sim.add_user("Karen Blixen", department="Ledelse")
    await sim.change_user(user.id, wrap_up=True)
    await sim.remove_user(user.id)
    await sim.delivered()
    assert receiver.types()[-4:] == [
        "user.presence.changed",
        "user.added",
        "user.changed",
        "user.removed",
    ]
    assert isinstance(receiver.events[-3], UserAdded)
    changed = receiver.events[-2]
    assert isinstance(changed, UserChanged)
    assert changed.data.wrap_up


async def test_failed_deliveries_are_retried_with_the_same_id_and_order_kept(
    sim: Simulator, receiver: WebhookReceiver
) -> None:
    receiver.fail_next = 3
    first = await sim.ring("user-00001", CALLER)
    await sim.hang_up(first)
    await sim.delivered()
    assert receiver.attempts == 5
    assert receiver.types() == ["call.ringing", "call.ended"]
    assert receiver.ids == ["msg_1", "msg_2"]


async def test_webhook_outage_holds_events_until_cleared(
    sim: Simulator, receiver: WebhookReceiver
) -> None:
    sim.faults.webhook_outage = True
    await sim.ring("user-00001", CALLER)
    await sim.set_presence("user-00001", "act-busy", "unavailable")
    await sim.webhooks.next_failure()
    await sim.webhooks.next_failure()  # retried, still failing
    assert receiver.events == []
    sim.faults.webhook_outage = False
    await sim.delivered()
    assert receiver.types() == ["call.ringing", "user.presence.changed"]


async def test_expired_subscription_gets_no_events(
    sim: Simulator, receiver: WebhookReceiver, clock: FakeClock
) -> None:
    clock.advance(3600)
    await sim.ring("user-00001", CALLER)
    await sim.delivered()
    assert receiver.events == []
    assert sim.webhooks.subscriptions() == []


async def test_renewed_subscription_keeps_receiving(
    api: Api, sim: Simulator, receiver: WebhookReceiver, clock: FakeClock
) -> None:
    subscription_id = sim.webhooks.subscriptions()[0].id
    clock.advance(3000)
    api.token = (await login(sim, api.client))["access_token"]
    response = await api.request("PUT", f"/webhooks/{subscription_id}", {"ttl_seconds": 3600})
    assert response.json()["expires_at"] == clock.now + 3600
    clock.advance(3000)
    await sim.ring("user-00001", CALLER)
    await sim.delivered()
    assert receiver.types() == ["call.ringing"]


def test_transfer_to_a_queue_number_rings_the_queue_agents(
    engine: CallEngine, emitted: list[KnownEvent]
) -> None:
    support = engine.tenant.queues["Support"]
    caller_user = next(u for u in engine.tenant.users.values() if u.id not in support.agents)
    call_id = engine.ring(caller_user.id, CALLER)
    engine.answer(call_id)
    emitted.clear()
    engine.transfer(call_id, support.number)
    rung = [e.data for e in emitted if isinstance(e, CallRinging)]
    assert [leg.user_id for leg in rung] == list(support.agents)
    assert all(leg.queue == "Support" and leg.caller == CALLER for leg in rung)


async def test_webhook_secret_is_redacted_in_received_commands(
    sim: Simulator, receiver: WebhookReceiver
) -> None:
    (subscribe,) = [c for c in sim.received if c.path == "/webhooks"]
    assert subscribe.body["secret"] == "<redacted>"
    assert receiver.secret not in repr(sim.received)
