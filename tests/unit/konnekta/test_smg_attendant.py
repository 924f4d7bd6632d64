"""The SMG client's attendant features against the simulated PBX over real loopback HTTP: hold and
resume, answer, pick up, attended transfer and queues, typed in the switchboard's own terms, their
refusals in the catalogue's, and their webhook events translated into the updates the app applies.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import httpx
import pytest
from aiohttp import web
from konnekta_fakes import FakeClock

from konnekta_desktop import domain
from konnekta_desktop.domain.events import CallUpdate, PbxEvent, QueueUpdate
from konnekta_desktop.domain.refusals import Reason
from konnekta_desktop.konnekta import signing, translate
from konnekta_desktop.konnekta.api import SmgClient
from konnekta_desktop.konnekta.auth import KonnektaAuth
from konnekta_desktop.konnekta.errors import Forbidden, NotFound, Unprocessable
from konnekta_desktop.konnekta.events import UnknownEvent, parse_event
from konnekta_desktop.simulator import Simulator

START = 1_760_000_000.0
CALLER = "+4587654321"
OPERATOR = "user-00001"  # the simulated tenant of seed 7: Reception's only agent
COLLEAGUE = "user-00004"  # in no queue
WITH_MOBILE = "user-00005"  # local and mobile devices, in no queue
SUPPORT = ("user-00002", "user-00006", "user-00013")


@dataclass
class Updates:
    """A webhook receiver that checks each signature and keeps what the listener would hand on."""

    clock: FakeClock
    secret: str = field(default_factory=signing.new_secret)
    received: list[PbxEvent] = field(default_factory=list)
    url: str = ""

    async def handle(self, request: web.Request) -> web.Response:
        body = await request.read()
        signing.Verifier(self.secret).verify(
            request.headers.get("webhook-id"),
            request.headers.get("webhook-timestamp"),
            request.headers.get("webhook-signature"),
            body,
            now=self.clock(),
        )
        event = parse_event(body)
        assert not isinstance(event, UnknownEvent), event
        self.received.append(translate.event(event))
        return web.Response(status=204)

    def calls(self) -> list[domain.Call]:
        return [update.call for update in self.received if isinstance(update, CallUpdate)]

    def queues(self) -> list[domain.QueueStatus]:
        return [update.queue for update in self.received if isinstance(update, QueueUpdate)]


@dataclass
class Pbx:
    sim: Simulator
    client: SmgClient
    updates: Updates

    def number(self, user_id: str) -> str:
        return self.sim.tenant.users[user_id].lines[0].number

    async def legs(self, call_id: str) -> dict[str, domain.Call]:
        return {leg.user_id: leg for leg in await self.client.calls() if leg.call_id == call_id}


@pytest.fixture
async def pbx() -> AsyncIterator[Pbx]:
    clock = FakeClock(START)
    sim = Simulator(users=30, seed=7, clock=clock, webhook_retry_delay=0.01)
    updates = Updates(clock)
    app = web.Application()
    app.router.add_post("/events", updates.handle)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    updates.url = f"http://127.0.0.1:{runner.addresses[0][1]}/events"
    await sim.start()
    try:
        async with httpx.AsyncClient(timeout=10) as http:
            auth = KonnektaAuth(
                sim.issuer_uri,
                sim.client_id,
                sim.client_secret,
                sim.username,
                sim.password,
                http=http,
                clock=clock,
            )
            client = SmgClient(sim.smg_address, auth, http=http)
            await client.subscribe(updates.url, updates.secret)
            yield Pbx(sim, client, updates)
    finally:
        await sim.close()
        await runner.cleanup()


async def test_a_held_call_reaches_the_app_as_an_answered_leg_marked_held(pbx: Pbx) -> None:
    call_id = await pbx.sim.ring(OPERATOR, CALLER)
    await pbx.sim.answer(call_id)

    await pbx.client.hold(OPERATOR, call_id)
    held = (await pbx.legs(call_id))[OPERATOR]
    assert held.state is domain.CallState.ANSWERED
    assert held.held
    await pbx.client.resume(OPERATOR, call_id)
    await pbx.client.resume(OPERATOR, call_id)  # not held any more: nothing changes
    await pbx.sim.delivered()

    assert [(leg.state, leg.held) for leg in pbx.updates.calls()] == [
        (domain.CallState.RINGING, False),
        (domain.CallState.ANSWERED, False),
        (domain.CallState.ANSWERED, True),
        (domain.CallState.ANSWERED, False),
    ]
    assert all(type(leg) is domain.Call for leg in pbx.updates.calls())


async def test_answer_takes_the_ringing_call_hands_free_on_the_local_device(pbx: Pbx) -> None:
    call_id = await pbx.sim.ring(OPERATOR, CALLER)

    await pbx.client.answer(OPERATOR, call_id)

    answered = (await pbx.legs(call_id))[OPERATOR]
    assert answered.state is domain.CallState.ANSWERED
    assert answered.device is domain.CallingDevice.LOCAL


async def test_a_colleagues_ringing_call_is_picked_up_to_the_desk_phone_or_the_mobile(
    pbx: Pbx,
) -> None:
    to_desk = await pbx.sim.ring(COLLEAGUE, CALLER)
    await pbx.client.pick_up(OPERATOR, to_desk)
    legs = await pbx.legs(to_desk)
    assert list(legs) == [OPERATOR]
    assert legs[OPERATOR].state is domain.CallState.ANSWERED
    assert legs[OPERATOR].called == pbx.number(COLLEAGUE)

    to_mobile = await pbx.sim.ring(COLLEAGUE, CALLER)
    await pbx.client.pick_up(WITH_MOBILE, to_mobile, domain.CallingDevice.MOBILE)
    (ringing,) = (await pbx.legs(to_mobile)).values()
    assert ringing.user_id == WITH_MOBILE
    assert ringing.state is domain.CallState.RINGING
    assert ringing.device is domain.CallingDevice.MOBILE


async def test_a_waiting_queue_call_is_listed_and_picked_up(pbx: Pbx) -> None:
    for agent in SUPPORT:
        logged_out = await pbx.client.log_out_of_queue(agent, "Support")
        assert logged_out == domain.QueueAgent(user_id=agent, logged_in=False)
    call_id = await pbx.sim.ring_queue("Support", CALLER, callback=True)

    support = next(q for q in await pbx.client.queues() if q.name == "Support")
    assert type(support) is domain.QueueStatus
    assert support.logged_in() == ()
    assert support.waiting == (
        domain.WaitingCall(call_id=call_id, caller=CALLER, callback=True, waiting_since=START),
    )
    assert support.longest_waiting_since() == START
    assert support.callbacks_waiting() == 1

    await pbx.client.pick_up(OPERATOR, call_id)
    await pbx.sim.delivered()

    support = next(q for q in await pbx.client.queues() if q.name == "Support")
    assert support.waiting == ()
    told = [queue for queue in pbx.updates.queues() if queue.name == "Support"]
    assert [len(queue.waiting) for queue in told] == [0, 0, 0, 1, 0]
    assert told[-1] == support
    picked = (await pbx.legs(call_id))[OPERATOR]
    assert picked.queue == "Support"
    assert picked.callback


async def test_free_agents_follow_from_the_logins_and_the_calls(pbx: Pbx) -> None:
    await pbx.client.log_out_of_queue(SUPPORT[2], "Support")
    talking = await pbx.sim.ring(SUPPORT[0], CALLER)
    await pbx.sim.answer(talking)
    await pbx.client.log_in_to_queue(SUPPORT[2], "Support")

    support = next(q for q in await pbx.client.queues() if q.name == "Support")
    assert support.logged_in() == SUPPORT
    assert support.free_agents(await pbx.client.calls()) == SUPPORT[1:]


async def test_an_attended_transfer_connects_the_caller_with_the_colleague(pbx: Pbx) -> None:
    call_id = await pbx.sim.ring(OPERATOR, CALLER)
    await pbx.client.answer(OPERATOR, call_id)

    consultation = await pbx.client.consult(OPERATOR, call_id, pbx.number(COLLEAGUE))
    assert (await pbx.legs(call_id))[OPERATOR].held
    consulting = await pbx.legs(consultation)
    assert set(consulting) == {OPERATOR, COLLEAGUE}
    assert {leg.consultation_for for leg in consulting.values()} == {call_id}
    await pbx.sim.answer(consultation, user_id=COLLEAGUE)

    await pbx.client.complete_transfer(OPERATOR, call_id)

    (joined,) = (await pbx.legs(call_id)).values()
    assert joined.user_id == COLLEAGUE
    assert joined.caller == CALLER
    assert joined.state is domain.CallState.ANSWERED
    assert await pbx.legs(consultation) == {}


async def test_going_back_after_the_colleague_does_not_answer(pbx: Pbx) -> None:
    call_id = await pbx.sim.ring(OPERATOR, CALLER)
    await pbx.client.answer(OPERATOR, call_id)
    consultation = await pbx.client.consult(OPERATOR, call_id, pbx.number(COLLEAGUE))

    await pbx.sim.no_answer(consultation)
    await pbx.client.go_back(OPERATOR, call_id)
    await pbx.client.go_back(OPERATOR, call_id)  # repeated, as after a lost answer: no harm

    assert await pbx.legs(consultation) == {}
    assert not (await pbx.legs(call_id))[OPERATOR].held


async def test_refusals_carry_the_catalogues_reasons_and_konnektas_words(pbx: Pbx) -> None:
    call_id = await pbx.sim.ring(OPERATOR, CALLER)
    await pbx.sim.answer(call_id)

    with pytest.raises(Unprocessable) as not_ringing:
        await pbx.client.answer(OPERATOR, call_id)
    assert not_ringing.value.why.reason is Reason.KONNEKTA_COULD_NOT
    assert "not ringing" in not_ringing.value.why.params["said"]

    with pytest.raises(Unprocessable, match="consulting nobody"):
        await pbx.client.complete_transfer(OPERATOR, call_id)

    with pytest.raises(NotFound) as unknown:
        await pbx.client.hold(OPERATOR, "call-404")
    assert unknown.value.why.reason is Reason.NOT_KNOWN_TO_KONNEKTA

    with pytest.raises(Forbidden) as not_an_agent:
        await pbx.client.log_in_to_queue(COLLEAGUE, "Support")
    assert not_an_agent.value.why.reason is Reason.QUEUE_AGENTS_ONLY
    assert "not an agent" in not_an_agent.value.why.params["said"]
