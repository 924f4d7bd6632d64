"""The attendant's call features through the company connector: a desktop's `RemoteSession` on a
real connector running the simulator holds, resumes, answers, picks up (a colleague's ringing
call and a call waiting in a queue), makes attended transfers (connected, gone back, a colleague
who does not answer), logs agents in and out of queues, shows the queues as the connector does,
and hears of a transferred call nobody answers (the recall)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterable

import pytest

from konnekta_desktop.domain.interface import Update
from konnekta_desktop.domain.refusals import Reason, Refused
from konnekta_desktop.domain.types import (
    Call,
    CallingDevice,
    CallState,
    LineType,
    QueueStatus,
    User,
)
from konnekta_desktop.remote.remote_session import RemoteSession
from tests.helpers.timers import FakeTimers
from tests.remote.conftest import Running
from tests.remote.test_remote_session import Watched, connected

CALLER = "+4587654321"


@pytest.fixture
async def remote(connector: Running) -> AsyncIterator[Watched]:
    watched = await connected(connector.api.base_url, connector.token)
    try:
        yield watched
    finally:
        await watched.session.close()


async def shows(remote: Watched, condition: Callable[[], bool]) -> None:
    """Until an update makes `condition` true of what the desktop shows (now, or later)."""
    if not condition():
        await remote.update(lambda _update: condition())


def attendants(connector: Running, count: int) -> list[User]:
    """Colleagues with a Fixed line only and in no queue, so no queue call rings them."""
    agents = {agent.user_id for queue in connector.session.queues() for agent in queue.agents}
    found = [
        colleague.user
        for colleague in connector.session.colleagues
        if colleague.user.lines
        and colleague.id not in agents
        and CallingDevice.LOCAL in colleague.user.devices
        and all(line.type is LineType.FIXED for line in colleague.user.lines)
    ]
    assert len(found) >= count, "the demo tenant has too few such colleagues"
    return found[:count]


def legs(session: RemoteSession, call_id: str) -> dict[str, Call]:
    return {c.user_id: c for c in session.colleagues.active_calls() if c.call_id == call_id}


def has(
    session: RemoteSession, call_id: str, user_id: str, state: CallState, **fields: object
) -> bool:
    leg = legs(session, call_id).get(user_id)
    return (
        leg is not None
        and leg.state is state
        and all(getattr(leg, name) == value for name, value in fields.items())
    )


def only(session: RemoteSession, call_id: str, users: Iterable[str]) -> bool:
    return set(legs(session, call_id)) == set(users)


async def talking(remote: Watched, connector: Running, user: User) -> str:
    call_id = await connector.simulator.ring(user.id, CALLER)
    await connector.simulator.answer(call_id)
    await shows(remote, lambda: has(remote.session, call_id, user.id, CallState.ANSWERED))
    return call_id


# -- attended transfer ---------------------------------------------------------------------------


async def test_an_attended_transfer_through_the_connector(
    remote: Watched, connector: Running
) -> None:
    operator, colleague = attendants(connector, 2)
    session = remote.session
    call_id = await talking(remote, connector, operator)

    consultation = await session.consult(operator.id, call_id, colleague.lines[0].number)
    await shows(remote, lambda: has(session, consultation, colleague.id, CallState.RINGING))
    assert legs(session, consultation)[colleague.id].consultation_for == call_id
    await shows(remote, lambda: has(session, call_id, operator.id, CallState.ANSWERED, held=True))
    await connector.simulator.answer(consultation, user_id=colleague.id)
    await shows(remote, lambda: has(session, consultation, colleague.id, CallState.ANSWERED))

    await session.complete_transfer(operator.id, call_id)

    await shows(remote, lambda: only(session, call_id, [colleague.id]))
    await shows(remote, lambda: not legs(session, consultation))
    assert has(session, call_id, colleague.id, CallState.ANSWERED, caller=CALLER)


async def test_going_back_after_the_colleague_did_not_answer_through_the_connector(
    remote: Watched, connector: Running
) -> None:
    operator, colleague = attendants(connector, 2)
    session = remote.session
    call_id = await talking(remote, connector, operator)
    consultation = await session.consult(operator.id, call_id, colleague.lines[0].number)
    await shows(remote, lambda: has(session, consultation, colleague.id, CallState.RINGING))

    await connector.simulator.no_answer(consultation)
    await shows(remote, lambda: not legs(session, consultation))
    assert has(session, call_id, operator.id, CallState.ANSWERED, held=True)
    await session.go_back(operator.id, call_id)

    await shows(remote, lambda: has(session, call_id, operator.id, CallState.ANSWERED, held=False))


async def test_going_back_from_an_answered_consultation_through_the_connector(
    remote: Watched, connector: Running
) -> None:
    operator, colleague = attendants(connector, 2)
    session = remote.session
    call_id = await talking(remote, connector, operator)
    consultation = await session.consult(operator.id, call_id, colleague.lines[0].number)
    await connector.simulator.answer(consultation, user_id=colleague.id)
    await shows(remote, lambda: has(session, consultation, colleague.id, CallState.ANSWERED))

    await session.go_back(operator.id, call_id)

    await shows(remote, lambda: not legs(session, consultation))
    await shows(remote, lambda: has(session, call_id, operator.id, CallState.ANSWERED, held=False))


# -- hold, resume, answer, pick up --------------------------------------------------------------


async def test_hold_and_resume_through_the_connector_once_per_request_id(
    remote: Watched, connector: Running
) -> None:
    (operator,) = attendants(connector, 1)
    session = remote.session
    call_id = await talking(remote, connector, operator)

    await session.hold(operator.id, call_id, request_id="hold-1")
    await session.hold(operator.id, call_id, request_id="hold-1")  # an answer lost: sent again
    await shows(remote, lambda: has(session, call_id, operator.id, CallState.ANSWERED, held=True))
    holds = [r for r in connector.simulator.received if r.path.endswith(f"/{call_id}/hold")]
    assert [r.method for r in holds] == ["PUT"]

    await session.resume(operator.id, call_id)
    await shows(remote, lambda: has(session, call_id, operator.id, CallState.ANSWERED, held=False))


async def test_answer_and_pick_up_of_a_colleagues_call_through_the_connector(
    remote: Watched, connector: Running
) -> None:
    operator, colleague = attendants(connector, 2)
    session = remote.session
    mine = await connector.simulator.ring(operator.id, CALLER)
    await shows(remote, lambda: has(session, mine, operator.id, CallState.RINGING))
    await session.answer(operator.id, mine)
    await shows(remote, lambda: has(session, mine, operator.id, CallState.ANSWERED))

    theirs = await connector.simulator.ring(colleague.id, "+4511223344")
    await shows(remote, lambda: has(session, theirs, colleague.id, CallState.RINGING))
    await session.pick_up(operator.id, theirs, CallingDevice.LOCAL)

    await shows(remote, lambda: has(session, theirs, operator.id, CallState.ANSWERED))
    await shows(remote, lambda: only(session, theirs, [operator.id]))
    # The phone held the call the operator talked in, as it swapped.
    await shows(remote, lambda: has(session, mine, operator.id, CallState.ANSWERED, held=True))


async def test_a_call_waiting_in_a_queue_is_shown_and_picked_up_through_the_connector(
    remote: Watched, connector: Running
) -> None:
    (operator,) = attendants(connector, 1)
    session = remote.session
    queue = connector.session.queues()[0].name
    call_id = await connector.simulator.ring_queue(queue, CALLER, callback=True)
    await connector.simulator.no_answer(call_id)  # it waits on, ringing nobody

    update = await remote.update(
        lambda u: u.queues and any(w.call_id == call_id for w in _queue(session, queue).waiting)
    )
    assert update.queues
    (waiting,) = _queue(session, queue).waiting
    assert (waiting.caller, waiting.callback) == (CALLER, True)
    await shows(remote, lambda: not legs(session, call_id))

    await session.pick_up(operator.id, call_id, CallingDevice.LOCAL)

    await shows(remote, lambda: has(session, call_id, operator.id, CallState.ANSWERED))
    await shows(remote, lambda: _queue(session, queue).waiting == ())
    assert session.queues() == connector.session.queues()


def _queue(session: RemoteSession, name: str) -> QueueStatus:
    return next(queue for queue in session.queues() if queue.name == name)


# -- queues ----------------------------------------------------------------------------------------


async def test_the_desktop_shows_the_connectors_queues_and_their_logins_change(
    remote: Watched, connector: Running
) -> None:
    session = remote.session
    assert session.queues() == connector.session.queues()
    assert session.queues(), "the demo tenant has queues"
    queue = session.queues()[0]
    agent = queue.agents[0].user_id

    await session.set_queue_login(agent, queue.name, False)
    update = await remote.update(
        lambda u: u.queues and agent not in _queue(session, queue.name).logged_in()
    )
    assert update.queues
    assert agent not in connector.simulator.tenant.logged_in[queue.name]

    await session.set_queue_login(agent, queue.name, True)
    await shows(remote, lambda: agent in _queue(session, queue.name).logged_in())
    assert session.queues() == connector.session.queues()


async def test_a_queue_login_of_someone_not_its_agent_is_refused_with_konnektas_reason(
    remote: Watched, connector: Running
) -> None:
    (outsider,) = attendants(connector, 1)
    queue = connector.session.queues()[0].name

    with pytest.raises(Refused) as refused:
        await remote.session.set_queue_login(outsider.id, queue, True)

    assert refused.value.reason is Reason.PBX_REFUSED
    assert refused.value.params == {"command": "queue_log_in"}
    cause = refused.value.why.cause
    assert cause is not None
    assert cause.reason is Reason.QUEUE_AGENTS_ONLY


async def test_the_attendants_call_commands_wait_until_the_desktop_is_live(
    connector: Running,
) -> None:
    session = RemoteSession(connector.api.base_url, token=connector.token)  # not started: stale
    try:
        for command in (session.hold, session.resume, session.answer, session.go_back):
            with pytest.raises(Refused) as refused:
                await command("user-00001", "call-1")
            assert refused.value.reason is Reason.CALLS_WAIT_UNTIL_LIVE
        with pytest.raises(Refused) as consult:
            await session.consult("user-00001", "call-1", "+4533000000")
        assert consult.value.reason is Reason.CALLS_WAIT_UNTIL_LIVE
        with pytest.raises(Refused) as pick_up:
            await session.pick_up("user-00001", "call-1", CallingDevice.LOCAL)
        assert pick_up.value.reason is Reason.CALLS_WAIT_UNTIL_LIVE
    finally:
        await session.close()


# -- the recall ------------------------------------------------------------------------------------


async def test_a_transferred_call_nobody_answers_is_recalled_on_the_desktop(
    remote: Watched, connector: Running
) -> None:
    operator, colleague = attendants(connector, 2)
    session = remote.session
    timers = FakeTimers()
    connector.session.transfers.call_later = timers.call_later
    call_id = await talking(remote, connector, operator)

    await session.transfer(call_id, colleague.lines[0].number)
    await shows(remote, lambda: has(session, call_id, colleague.id, CallState.RINGING))
    timers.fire()  # the recall time is up, and the colleague still rings

    recalled: Update = await remote.update(lambda u: bool(u.recall))
    assert recalled.recall == (call_id,)
    await session.pick_up(operator.id, call_id, CallingDevice.LOCAL)
    await shows(remote, lambda: has(session, call_id, operator.id, CallState.ANSWERED))
