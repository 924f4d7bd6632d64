"""The attendant's call features as the simulated PBX plays them: hold and resume, answer on the
local device, pick up, attended transfer, and queues with waiting calls and agent logins."""

from __future__ import annotations

import pytest

from konnekta_desktop.konnekta.events import (
    CallAnswered,
    CallEnded,
    CallHeld,
    CallResumed,
    CallRinging,
    KnownEvent,
    QueueChanged,
)
from konnekta_desktop.konnekta.models import Call, CallingDevice, CallState, Direction
from konnekta_desktop.simulator import Forbidden, NotFound, Simulator, Unprocessable
from konnekta_desktop.simulator.engine import CallEngine
from konnekta_desktop.simulator.tenant import Tenant, generate_tenant
from konnekta_desktop.simulator.traffic import AutoTraffic

from .conftest import START, Api, FakeClock, WebhookReceiver

CALLER = "+4587654321"
OPERATOR = "user-00001"  # Torben, Reception's only agent; the local device only
COLLEAGUE = "user-00004"  # Lars, in no queue
THIRD = "user-00009"  # Kirsten, in no queue
WITH_MOBILE = "user-00005"  # Morten: local and mobile, in no queue
SUPPORT = ("user-00002", "user-00006", "user-00013")


@pytest.fixture
def tenant() -> Tenant:
    return generate_tenant(30, seed=7)


@pytest.fixture
def emitted() -> list[KnownEvent]:
    return []


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def engine(tenant: Tenant, clock: FakeClock, emitted: list[KnownEvent]) -> CallEngine:
    return CallEngine(tenant, clock, emitted.append)


def number(engine: CallEngine, user_id: str) -> str:
    return engine.tenant.users[user_id].lines[0].number


def happened(events: list[KnownEvent]) -> list[tuple[str, str]]:
    """(event type, whose leg or which queue) for every event, in order."""
    seen: list[tuple[str, str]] = []
    for event in events:
        tag = str(type(event).__struct_config__.tag)
        if isinstance(event, QueueChanged):
            seen.append((tag, event.data.name))
        elif isinstance(event, CallRinging | CallAnswered | CallEnded | CallHeld | CallResumed):
            seen.append((tag, event.data.user_id))
    return seen


def leg(engine: CallEngine, call_id: str, user_id: str) -> Call:
    return engine.tenant.calls[call_id][user_id]


def talking_with_operator(engine: CallEngine) -> str:
    call_id = engine.ring(OPERATOR, CALLER)
    engine.answer(call_id)
    return call_id


# -- hold and resume ------------------------------------------------------------------------


def test_a_held_call_stays_answered_and_its_hold_and_resume_are_posted(
    engine: CallEngine, emitted: list[KnownEvent]
) -> None:
    call_id = talking_with_operator(engine)
    emitted.clear()

    engine.hold(OPERATOR, call_id)
    held = leg(engine, call_id, OPERATOR)
    assert held.state is CallState.ANSWERED
    assert held.held
    engine.resume(OPERATOR, call_id)

    assert happened(emitted) == [("call.held", OPERATOR), ("call.resumed", OPERATOR)]
    held_event, resumed_event = emitted
    assert isinstance(held_event, CallHeld)
    assert held_event.data.held
    assert isinstance(resumed_event, CallResumed)
    assert not resumed_event.data.held
    assert resumed_event.data.state is CallState.ANSWERED


def test_holding_a_held_call_or_resuming_one_not_held_changes_nothing(
    engine: CallEngine, emitted: list[KnownEvent]
) -> None:
    call_id = talking_with_operator(engine)
    engine.resume(OPERATOR, call_id)
    engine.hold(OPERATOR, call_id)
    emitted.clear()
    engine.hold(OPERATOR, call_id)
    assert emitted == []


def test_only_an_answered_call_can_be_held(engine: CallEngine) -> None:
    call_id = engine.ring(OPERATOR, CALLER)
    with pytest.raises(Unprocessable, match="not answered"):
        engine.hold(OPERATOR, call_id)
    with pytest.raises(NotFound, match="no leg"):
        engine.hold(COLLEAGUE, call_id)
    with pytest.raises(NotFound, match="no call"):
        engine.hold(OPERATOR, "call-404")


def test_taking_one_call_back_holds_the_other_as_a_phone_swaps(
    engine: CallEngine, emitted: list[KnownEvent]
) -> None:
    first = talking_with_operator(engine)
    engine.hold(OPERATOR, first)
    second = talking_with_operator(engine)
    emitted.clear()

    engine.resume(OPERATOR, first)

    assert happened(emitted) == [("call.held", OPERATOR), ("call.resumed", OPERATOR)]
    assert leg(engine, second, OPERATOR).held
    assert not leg(engine, first, OPERATOR).held


# -- answer on the local device -------------------------------------------------------------


def test_an_answer_request_answers_hands_free_and_the_other_agents_stop_ringing(
    engine: CallEngine, emitted: list[KnownEvent]
) -> None:
    call_id = engine.ring_queue("Support", CALLER)
    emitted.clear()

    engine.answer_hands_free(SUPPORT[1], call_id)

    answered = leg(engine, call_id, SUPPORT[1])
    assert answered.state is CallState.ANSWERED
    assert answered.device is CallingDevice.LOCAL
    assert happened(emitted) == [
        ("call.answered", SUPPORT[1]),
        ("call.ended", SUPPORT[0]),
        ("call.ended", SUPPORT[2]),
        ("queue.changed", "Support"),
    ]
    assert call_id not in engine.tenant.queue_calls


def test_an_answer_request_holds_the_call_the_user_talks_in(
    engine: CallEngine, emitted: list[KnownEvent]
) -> None:
    first = talking_with_operator(engine)
    second = engine.ring(OPERATOR, "+4587000002")
    emitted.clear()

    engine.answer_hands_free(OPERATOR, second)

    assert happened(emitted) == [("call.held", OPERATOR), ("call.answered", OPERATOR)]
    assert leg(engine, first, OPERATOR).held
    assert leg(engine, second, OPERATOR).state is CallState.ANSWERED


def test_an_answer_request_needs_a_call_ringing_at_the_user_and_a_local_device(
    engine: CallEngine,
) -> None:
    call_id = talking_with_operator(engine)
    with pytest.raises(Unprocessable, match="not ringing"):
        engine.answer_hands_free(OPERATOR, call_id)
    engine.change_user(COLLEAGUE, devices=(CallingDevice.MOBILE,))
    ringing = engine.ring(COLLEAGUE, CALLER)
    with pytest.raises(Unprocessable, match="no local device"):
        engine.answer_hands_free(COLLEAGUE, ringing)


# -- pick up --------------------------------------------------------------------------------


def test_a_colleagues_ringing_call_picked_up_is_answered_on_the_pickers_desk_phone(
    engine: CallEngine, emitted: list[KnownEvent]
) -> None:
    call_id = engine.ring(COLLEAGUE, CALLER)
    emitted.clear()

    engine.pick_up(OPERATOR, call_id, CallingDevice.LOCAL)

    assert happened(emitted) == [
        ("call.ringing", OPERATOR),
        ("call.ended", COLLEAGUE),
        ("call.answered", OPERATOR),
    ]
    picked = leg(engine, call_id, OPERATOR)
    assert picked.state is CallState.ANSWERED
    assert picked.device is CallingDevice.LOCAL
    assert picked.caller == CALLER
    assert picked.called == number(engine, COLLEAGUE)  # the number the caller dialled
    assert list(engine.tenant.calls[call_id]) == [OPERATOR]


def test_a_call_picked_up_to_the_mobile_rings_there_until_answered(
    engine: CallEngine, emitted: list[KnownEvent]
) -> None:
    call_id = engine.ring(COLLEAGUE, CALLER)
    emitted.clear()

    engine.pick_up(WITH_MOBILE, call_id, CallingDevice.MOBILE)

    assert happened(emitted) == [("call.ringing", WITH_MOBILE), ("call.ended", COLLEAGUE)]
    ringing = leg(engine, call_id, WITH_MOBILE)
    assert ringing.state is CallState.RINGING
    assert ringing.device is CallingDevice.MOBILE
    with pytest.raises(Unprocessable, match="answer it there"):
        engine.answer_hands_free(WITH_MOBILE, call_id)
    engine.answer(call_id, user_id=WITH_MOBILE, device=CallingDevice.MOBILE)
    assert leg(engine, call_id, WITH_MOBILE).state is CallState.ANSWERED


def test_picking_up_an_internal_call_connects_the_dialling_colleague(
    engine: CallEngine,
) -> None:
    call_id = engine.make_call(THIRD, number(engine, COLLEAGUE), CallingDevice.LOCAL)
    engine.pick_up(OPERATOR, call_id, CallingDevice.LOCAL)
    assert leg(engine, call_id, THIRD).state is CallState.ANSWERED
    assert leg(engine, call_id, OPERATOR).caller == number(engine, THIRD)
    assert COLLEAGUE not in engine.tenant.calls[call_id]


def test_a_call_answered_already_or_a_device_the_picker_lacks_cannot_be_picked_up(
    engine: CallEngine,
) -> None:
    call_id = engine.ring(COLLEAGUE, CALLER)
    with pytest.raises(Unprocessable, match="no mobile device"):
        engine.pick_up(OPERATOR, call_id, CallingDevice.MOBILE)
    engine.answer(call_id)
    with pytest.raises(Unprocessable, match="rings at nobody"):
        engine.pick_up(OPERATOR, call_id, CallingDevice.LOCAL)
    with pytest.raises(Unprocessable, match="already"):
        engine.pick_up(COLLEAGUE, call_id, CallingDevice.LOCAL)


def test_a_queue_call_waiting_for_a_free_agent_is_picked_up_and_leaves_the_queue(
    engine: CallEngine, emitted: list[KnownEvent]
) -> None:
    for agent in SUPPORT:
        engine.set_queue_login("Support", agent, False)
    call_id = engine.ring_queue("Support", CALLER, callback=True)
    assert call_id not in engine.tenant.calls  # rings nobody: it only waits
    emitted.clear()

    engine.pick_up(OPERATOR, call_id, CallingDevice.LOCAL)

    assert happened(emitted) == [
        ("call.ringing", OPERATOR),
        ("queue.changed", "Support"),
        ("call.answered", OPERATOR),
    ]
    picked = leg(engine, call_id, OPERATOR)
    assert picked.queue == "Support"
    assert picked.callback
    assert picked.called == engine.tenant.queues["Support"].number
    changed = emitted[1]
    assert isinstance(changed, QueueChanged)
    assert changed.data.waiting == ()


# -- attended transfer ----------------------------------------------------------------------


def test_a_consultation_holds_the_call_and_rings_the_colleague_from_the_same_device(
    engine: CallEngine, emitted: list[KnownEvent]
) -> None:
    call_id = talking_with_operator(engine)
    emitted.clear()

    consultation = engine.consult(OPERATOR, call_id, number(engine, COLLEAGUE))

    assert consultation != call_id
    assert happened(emitted) == [
        ("call.held", OPERATOR),
        ("call.ringing", OPERATOR),
        ("call.ringing", COLLEAGUE),
    ]
    assert leg(engine, call_id, OPERATOR).held
    dialling = leg(engine, consultation, OPERATOR)
    assert dialling.direction is Direction.OUTBOUND
    assert dialling.device is CallingDevice.LOCAL
    assert {leg.consultation_for for leg in engine.tenant.calls[consultation].values()} == {call_id}
    assert leg(engine, call_id, OPERATOR).consultation_for is None


def test_completing_after_the_colleague_answered_connects_caller_and_colleague(
    engine: CallEngine, emitted: list[KnownEvent], clock: FakeClock
) -> None:
    call_id = talking_with_operator(engine)
    consultation = engine.consult(OPERATOR, call_id, number(engine, COLLEAGUE))
    engine.answer(consultation, user_id=COLLEAGUE)
    clock.advance(30)
    emitted.clear()

    engine.complete_transfer(OPERATOR, call_id)

    assert happened(emitted) == [
        ("call.answered", COLLEAGUE),
        ("call.ended", OPERATOR),  # the consultation's legs
        ("call.ended", COLLEAGUE),
        ("call.ended", OPERATOR),  # the operator leaves the caller's call
    ]
    assert [e.data.call_id for e in emitted if isinstance(e, CallEnded)] == [
        consultation,
        consultation,
        call_id,
    ]
    (joined,) = engine.tenant.calls[call_id].values()
    assert joined.user_id == COLLEAGUE
    assert joined.state is CallState.ANSWERED
    assert not joined.held
    assert joined.caller == CALLER
    assert joined.answered_at == START + 30
    assert consultation not in engine.tenant.calls
    assert not engine.tenant.consultations


def test_completing_while_the_colleague_still_rings_lets_the_caller_ring_there(
    engine: CallEngine, emitted: list[KnownEvent]
) -> None:
    call_id = talking_with_operator(engine)
    consultation = engine.consult(OPERATOR, call_id, number(engine, COLLEAGUE))
    emitted.clear()

    engine.complete_transfer(OPERATOR, call_id)

    assert happened(emitted) == [
        ("call.ended", OPERATOR),
        ("call.ended", COLLEAGUE),
        ("call.ended", OPERATOR),
        ("call.ringing", COLLEAGUE),
    ]
    (ringing,) = engine.tenant.calls[call_id].values()
    assert ringing.user_id == COLLEAGUE
    assert ringing.caller == CALLER
    assert ringing.consultation_for is None
    assert consultation not in engine.tenant.calls


def test_going_back_hangs_up_the_consultation_and_resumes_the_caller(
    engine: CallEngine, emitted: list[KnownEvent]
) -> None:
    call_id = talking_with_operator(engine)
    consultation = engine.consult(OPERATOR, call_id, number(engine, COLLEAGUE))
    engine.answer(consultation, user_id=COLLEAGUE)
    emitted.clear()

    engine.go_back(OPERATOR, call_id)

    assert happened(emitted) == [
        ("call.ended", OPERATOR),
        ("call.ended", COLLEAGUE),
        ("call.resumed", OPERATOR),
    ]
    assert consultation not in engine.tenant.calls
    assert not leg(engine, call_id, OPERATOR).held


def test_when_the_colleague_does_not_answer_the_operator_goes_back(
    engine: CallEngine, emitted: list[KnownEvent]
) -> None:
    call_id = talking_with_operator(engine)
    consultation = engine.consult(OPERATOR, call_id, number(engine, COLLEAGUE))
    emitted.clear()

    engine.no_answer(consultation)
    assert happened(emitted) == [("call.ended", COLLEAGUE), ("call.ended", OPERATOR)]
    assert consultation not in engine.tenant.calls
    assert leg(engine, call_id, OPERATOR).held  # the caller waits on hold meanwhile
    with pytest.raises(Unprocessable, match="consulting nobody"):
        engine.complete_transfer(OPERATOR, call_id)

    emitted.clear()
    engine.go_back(OPERATOR, call_id)
    assert happened(emitted) == [("call.resumed", OPERATOR)]


def test_one_consultation_at_a_time_and_never_with_someone_in_the_call(
    engine: CallEngine,
) -> None:
    call_id = engine.make_call(OPERATOR, number(engine, COLLEAGUE), CallingDevice.LOCAL)
    engine.answer(call_id)
    with pytest.raises(Unprocessable, match="in call"):
        engine.consult(OPERATOR, call_id, number(engine, COLLEAGUE))
    consultation = engine.consult(OPERATOR, call_id, number(engine, THIRD))
    with pytest.raises(Unprocessable, match="already"):
        engine.consult(OPERATOR, call_id, number(engine, WITH_MOBILE))
    engine.answer(consultation, user_id=THIRD)
    with pytest.raises(Unprocessable, match="consultation itself"):
        engine.consult(OPERATOR, consultation, number(engine, WITH_MOBILE))


def test_the_caller_hanging_up_during_the_consultation_leaves_nothing_to_complete(
    engine: CallEngine,
) -> None:
    call_id = talking_with_operator(engine)
    consultation = engine.consult(OPERATOR, call_id, number(engine, COLLEAGUE))
    engine.hang_up(call_id)
    with pytest.raises(NotFound):
        engine.complete_transfer(OPERATOR, call_id)
    assert OPERATOR in engine.tenant.calls[consultation]  # a call of its own, going on


# -- queues ---------------------------------------------------------------------------------


def test_the_queue_lists_its_waiting_calls_longest_first_with_their_call_back_mark(
    engine: CallEngine, clock: FakeClock
) -> None:
    first = engine.ring_queue("Sales", CALLER)
    clock.advance(20)
    second = engine.ring_queue("Sales", "+4587000002", callback=True)
    clock.advance(5)
    third = engine.ring_queue("Support", "+4587000003")

    sales = engine.tenant.queue_status("Sales")
    assert [(c.call_id, c.waiting_since, c.callback) for c in sales.waiting] == [
        (first, START, False),
        (second, START + 20, True),
    ]
    assert sales.waiting[0].caller == CALLER
    assert [c.call_id for c in engine.tenant.queue_status("Support").waiting] == [third]
    assert all(agent.logged_in for agent in sales.agents)


def test_a_queue_call_rings_only_the_free_logged_in_agents(
    engine: CallEngine, emitted: list[KnownEvent]
) -> None:
    talking = engine.ring(SUPPORT[0], CALLER)
    engine.answer(talking)
    engine.set_queue_login("Support", SUPPORT[1], False)
    emitted.clear()

    call_id = engine.ring_queue("Support", "+4587000002")

    assert happened(emitted) == [("queue.changed", "Support"), ("call.ringing", SUPPORT[2])]
    assert list(engine.tenant.calls[call_id]) == [SUPPORT[2]]


def test_logging_out_stops_the_ringing_and_logging_in_rings_the_waiting_calls(
    engine: CallEngine, emitted: list[KnownEvent]
) -> None:
    call_id = engine.ring_queue("Reception", CALLER)
    emitted.clear()

    engine.set_queue_login("Reception", OPERATOR, False)
    assert happened(emitted) == [("call.ended", OPERATOR), ("queue.changed", "Reception")]
    assert call_id in engine.tenant.queue_calls  # still waiting, ringing nobody
    assert engine.tenant.queue_status("Reception").agents[0].logged_in is False

    emitted.clear()
    engine.set_queue_login("Reception", OPERATOR, False)
    assert emitted == []  # as it was

    engine.set_queue_login("Reception", OPERATOR, True)
    assert happened(emitted) == [("queue.changed", "Reception"), ("call.ringing", OPERATOR)]
    assert leg(engine, call_id, OPERATOR).queue == "Reception"


def test_an_agent_whose_call_ends_is_offered_the_waiting_call(
    engine: CallEngine, emitted: list[KnownEvent]
) -> None:
    first = engine.ring_queue("Reception", CALLER)
    engine.answer(first)
    waiting = engine.ring_queue("Reception", "+4587000002")
    assert waiting not in engine.tenant.calls  # the only agent talks
    emitted.clear()

    engine.hang_up(first)

    assert happened(emitted) == [("call.ended", OPERATOR), ("call.ringing", OPERATOR)]
    assert leg(engine, waiting, OPERATOR).state is CallState.RINGING


def test_a_queue_call_nobody_answers_goes_on_waiting_and_the_caller_may_give_up(
    engine: CallEngine, emitted: list[KnownEvent]
) -> None:
    call_id = engine.ring_queue("Support", CALLER)
    engine.no_answer(call_id)
    assert call_id not in engine.tenant.calls
    assert [c.call_id for c in engine.tenant.queue_status("Support").waiting] == [call_id]
    emitted.clear()

    engine.hang_up(call_id)

    assert happened(emitted) == [("queue.changed", "Support")]
    assert engine.tenant.queue_status("Support").waiting == ()


def test_only_a_queues_agents_log_in_to_it(engine: CallEngine) -> None:
    with pytest.raises(Forbidden, match="not an agent"):
        engine.set_queue_login("Support", OPERATOR, True)
    with pytest.raises(NotFound, match="no queue"):
        engine.set_queue_login("Nowhere", OPERATOR, True)


def test_a_removed_agent_leaves_the_logins(engine: CallEngine) -> None:
    engine.remove_user(SUPPORT[0])
    status = engine.tenant.queue_status("Support")
    assert [agent.user_id for agent in status.agents] == list(SUPPORT[1:])
    assert SUPPORT[0] not in engine.tenant.logged_in["Support"]


# -- over HTTP, with signed webhook delivery --------------------------------------------------


async def test_an_attended_transfer_over_the_api_posts_its_events_in_order(
    api: Api, sim: Simulator, receiver: WebhookReceiver
) -> None:
    call_id = await sim.ring(OPERATOR, CALLER)
    colleague = sim.tenant.users[COLLEAGUE].lines[0].number
    mine = f"/users/{OPERATOR}/calls/{call_id}"

    assert (await api.request("POST", f"{mine}/answer")).status_code == 204
    started = await api.request("POST", f"{mine}/consultation", {"destination": colleague})
    assert started.status_code == 201, started.text
    consultation = started.json()["call_id"]
    await sim.answer(consultation, user_id=COLLEAGUE)
    assert (await api.request("POST", f"{mine}/consultation/complete")).status_code == 204
    await sim.delivered()

    assert happened(receiver.events) == [
        ("call.ringing", OPERATOR),
        ("call.answered", OPERATOR),
        ("call.held", OPERATOR),
        ("call.ringing", OPERATOR),
        ("call.ringing", COLLEAGUE),
        ("call.answered", COLLEAGUE),
        ("call.answered", OPERATOR),
        ("call.answered", COLLEAGUE),
        ("call.ended", OPERATOR),
        ("call.ended", COLLEAGUE),
        ("call.ended", OPERATOR),
    ]
    consulting = [e for e in receiver.events if isinstance(e, CallRinging)][1:]
    assert all(e.data.consultation_for == call_id for e in consulting)


async def test_hold_resume_and_go_back_over_the_api(
    api: Api, sim: Simulator, receiver: WebhookReceiver
) -> None:
    call_id = await sim.ring(OPERATOR, CALLER)
    await sim.answer(call_id)
    mine = f"/users/{OPERATOR}/calls/{call_id}"

    assert (await api.request("PUT", f"{mine}/hold")).status_code == 204
    assert (await api.request("PUT", f"{mine}/hold")).status_code == 204  # held already
    assert (await api.request("DELETE", f"{mine}/hold")).status_code == 204
    third = sim.tenant.users[THIRD].lines[0].number
    started = await api.request("POST", f"{mine}/consultation", {"destination": third})
    await sim.no_answer(started.json()["call_id"])
    assert (await api.request("DELETE", f"{mine}/consultation")).status_code == 204
    await sim.delivered()

    assert [tag for tag, _ in happened(receiver.events)] == [
        "call.ringing",
        "call.answered",
        "call.held",
        "call.resumed",
        "call.held",
        "call.ringing",
        "call.ringing",
        "call.ended",
        "call.ended",
        "call.resumed",
    ]
    refused = await api.request("POST", f"{mine}/consultation/complete")
    assert refused.status_code == 422
    assert refused.json()["code"] == "unprocessable"


async def test_pick_up_and_queue_logins_over_the_api(
    api: Api, sim: Simulator, receiver: WebhookReceiver
) -> None:
    for agent in SUPPORT:
        response = await api.request("PUT", f"/queues/Support/agents/{agent}", {"logged_in": False})
        assert response.json() == {"user_id": agent, "logged_in": False}
    call_id = await sim.ring_queue("Support", CALLER, callback=True)
    queues = (await api.request("GET", "/queues")).json()
    support = next(queue for queue in queues if queue["name"] == "Support")
    assert support["waiting"] == [
        {"call_id": call_id, "caller": CALLER, "callback": True, "waiting_since": START}
    ]
    assert {agent["logged_in"] for agent in support["agents"]} == {False}

    picked = await api.request(
        "POST", f"/users/{WITH_MOBILE}/calls/{call_id}/pickup", {"device": "mobile"}
    )
    assert picked.status_code == 204, picked.text
    refused = await api.request("PUT", "/queues/Support/agents/user-00004", {"logged_in": True})
    assert refused.status_code == 403
    await sim.delivered()

    assert happened(receiver.events) == [
        *[("queue.changed", "Support")] * 4,  # three logouts, then the call waits
        ("call.ringing", WITH_MOBILE),
        ("queue.changed", "Support"),
    ]
    last = receiver.events[-1]
    assert isinstance(last, QueueChanged)
    assert last.data.waiting == ()


def test_auto_traffic_gives_up_queue_calls_that_wait_with_no_agent_logged_in(
    engine: CallEngine,
) -> None:
    for name, queue in engine.tenant.queues.items():
        for agent in queue.agents:
            engine.set_queue_login(name, agent, False)
    traffic = AutoTraffic(engine, seed=3)
    done = [line for _ in range(300) for line in traffic.step()]

    waited = {line.split()[0] for line in done if line.endswith((" queue", " callback"))}
    given_up = {line.split()[0] for line in done if line.endswith(" unanswered")}
    assert waited
    assert waited - set(engine.tenant.queue_calls) <= given_up
    assert len(engine.tenant.queue_calls) <= 8  # no more than the calls it still plays
