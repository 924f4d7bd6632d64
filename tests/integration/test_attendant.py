"""The attendant's call features end to end, a session against the simulator over HTTP (issue 16):
attended transfer (connected, gone back, a colleague who does not answer), hold and resume,
answer, pickup of a colleague's ringing call and of a call waiting in a queue, queue logins,
the queues shown and kept up to date, and a transferred call nobody answers told as a recall."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from pathlib import Path

import pytest

from konnekta_desktop.core.session import Session
from konnekta_desktop.core.store import Store
from konnekta_desktop.domain import Call, CallingDevice, CallState, LineType, QueueStatus, User
from konnekta_desktop.domain.interface import Update
from konnekta_desktop.domain.refusals import Reason, Refused
from konnekta_desktop.simulator.server import Simulator
from tests.helpers.konnekta import config_for, until
from tests.helpers.timers import FakeTimers

CALLER = "+4587654321"


class Heard:
    """The updates a session published. An update goes out in the same turn as the model change
    that `until` waits for, so it is here once `until` returns."""

    def __init__(self, session: Session) -> None:
        self.updates: list[Update] = []
        session.subscribe(self.updates.append)


@pytest.fixture
async def simulator() -> AsyncIterator[Simulator]:
    async with Simulator(users=40, seed=5) as sim:
        yield sim


@pytest.fixture
def timers() -> FakeTimers:
    return FakeTimers()


@pytest.fixture
async def session(
    simulator: Simulator, tmp_path: Path, timers: FakeTimers
) -> AsyncIterator[Session]:
    config = config_for(simulator, health_interval=0.05, retry_backoff=0.01, recall_seconds=20.0)
    opened = Session(config, Store(tmp_path / "store.sqlite3"), call_later=timers.call_later)
    await opened.start()
    await opened.connector.wait_connected()
    try:
        yield opened
    finally:
        await opened.close()


def attendants(session: Session, simulator: Simulator, count: int) -> list[User]:
    """Users with a Fixed line only, in no queue (no queue call rings them by chance)."""
    agents = {agent for queue in simulator.tenant.queues.values() for agent in queue.agents}
    found = [
        colleague.user
        for colleague in session.colleagues
        if colleague.user.lines
        and colleague.id not in agents
        and all(line.type is LineType.FIXED for line in colleague.user.lines)
    ]
    assert len(found) >= count, "the tenant has too few such users"
    return found[:count]


def legs(session: Session, call_id: str) -> dict[str, Call]:
    """The legs of the call in progress, by user id."""
    return {c.user_id: c for c in session.colleagues.active_calls() if c.call_id == call_id}


def has(session: Session, call_id: str, user_id: str, state: CallState, **fields: object) -> bool:
    leg = legs(session, call_id).get(user_id)
    return (
        leg is not None
        and leg.state is state
        and all(getattr(leg, name) == value for name, value in fields.items())
    )


def consultation_of(session: Session, call_id: str) -> str | None:
    found = {c.call_id for c in session.colleagues.active_calls() if c.consultation_for == call_id}
    return next(iter(found), None)


def number_of(user: User) -> str:
    return user.lines[0].number


async def talking(session: Session, simulator: Simulator, user: User) -> str:
    """An outside caller talks with `user`; answers the call id."""
    call_id = await simulator.ring(user.id, CALLER)
    await simulator.answer(call_id)
    await until(session.model, lambda: has(session, call_id, user.id, CallState.ANSWERED))
    return call_id


def only(users: Iterable[str], session: Session, call_id: str) -> bool:
    return set(legs(session, call_id)) == set(users)


# -- attended transfer ---------------------------------------------------------------------------


async def test_an_attended_transfer_connects_the_caller_with_the_colleague(
    session: Session, simulator: Simulator
) -> None:
    operator, colleague = attendants(session, simulator, 2)
    call_id = await talking(session, simulator, operator)

    consultation = await session.consult(operator.id, call_id, number_of(colleague))
    await until(session.model, lambda: has(session, consultation, colleague.id, CallState.RINGING))
    assert has(session, call_id, operator.id, CallState.ANSWERED, held=True)
    assert legs(session, consultation)[colleague.id].consultation_for == call_id
    await simulator.answer(consultation, user_id=colleague.id)
    await until(session.model, lambda: has(session, consultation, colleague.id, CallState.ANSWERED))

    await session.complete_transfer(operator.id, call_id)
    await until(session.model, lambda: only([colleague.id], session, call_id))

    caller_and_colleague = legs(session, call_id)[colleague.id]
    assert caller_and_colleague.state is CallState.ANSWERED
    assert caller_and_colleague.caller == CALLER
    assert not caller_and_colleague.held
    await until(session.model, lambda: not legs(session, consultation))
    assert session.transfers.following() == []  # answered: nothing to recall


async def test_going_back_ends_the_consultation_and_resumes_the_caller(
    session: Session, simulator: Simulator
) -> None:
    operator, colleague = attendants(session, simulator, 2)
    call_id = await talking(session, simulator, operator)
    consultation = await session.consult(operator.id, call_id, number_of(colleague))
    await simulator.answer(consultation, user_id=colleague.id)
    await until(session.model, lambda: has(session, consultation, colleague.id, CallState.ANSWERED))

    await session.go_back(operator.id, call_id)

    await until(session.model, lambda: not legs(session, consultation))
    await until(
        session.model, lambda: has(session, call_id, operator.id, CallState.ANSWERED, held=False)
    )
    assert only([operator.id], session, call_id)


async def test_a_colleague_who_does_not_answer_leaves_the_caller_held_until_going_back(
    session: Session, simulator: Simulator
) -> None:
    operator, colleague = attendants(session, simulator, 2)
    call_id = await talking(session, simulator, operator)
    consultation = await session.consult(operator.id, call_id, number_of(colleague))
    await until(session.model, lambda: has(session, consultation, colleague.id, CallState.RINGING))

    await simulator.no_answer(consultation)
    await until(session.model, lambda: not legs(session, consultation))
    assert has(session, call_id, operator.id, CallState.ANSWERED, held=True)

    await session.go_back(operator.id, call_id)
    await until(
        session.model, lambda: has(session, call_id, operator.id, CallState.ANSWERED, held=False)
    )


# -- hold, resume, answer, pick up --------------------------------------------------------------


async def test_hold_and_resume_show_in_the_model(session: Session, simulator: Simulator) -> None:
    (operator,) = attendants(session, simulator, 1)
    call_id = await talking(session, simulator, operator)

    await session.hold(operator.id, call_id, request_id="hold-1")
    await until(
        session.model, lambda: has(session, call_id, operator.id, CallState.ANSWERED, held=True)
    )
    await session.hold(operator.id, call_id, request_id="hold-1")  # the same request: done once
    holds = [(r.method, r.path) for r in simulator.received if r.path.endswith("/hold")]
    assert holds == [("PUT", f"/users/{operator.id}/calls/{call_id}/hold")]

    await session.resume(operator.id, call_id)
    await until(
        session.model, lambda: has(session, call_id, operator.id, CallState.ANSWERED, held=False)
    )
    await simulator.hold(operator.id, call_id)  # pressed on the phone: shown too
    await until(
        session.model, lambda: has(session, call_id, operator.id, CallState.ANSWERED, held=True)
    )


async def test_a_ringing_call_is_answered_from_the_app_on_the_local_phone(
    session: Session, simulator: Simulator
) -> None:
    (operator,) = attendants(session, simulator, 1)
    call_id = await simulator.ring(operator.id, CALLER)
    await until(session.model, lambda: has(session, call_id, operator.id, CallState.RINGING))

    await session.answer(operator.id, call_id)

    await until(
        session.model,
        lambda: has(session, call_id, operator.id, CallState.ANSWERED, device=CallingDevice.LOCAL),
    )


async def test_a_colleagues_ringing_call_is_picked_up(
    session: Session, simulator: Simulator
) -> None:
    operator, colleague = attendants(session, simulator, 2)
    call_id = await simulator.ring(colleague.id, CALLER)
    await until(session.model, lambda: has(session, call_id, colleague.id, CallState.RINGING))

    await session.pick_up(operator.id, call_id, CallingDevice.LOCAL)

    await until(session.model, lambda: has(session, call_id, operator.id, CallState.ANSWERED))
    await until(session.model, lambda: only([operator.id], session, call_id))
    assert legs(session, call_id)[operator.id].caller == CALLER


async def test_a_call_waiting_in_a_queue_is_picked_up_and_leaves_the_queue(
    session: Session, simulator: Simulator
) -> None:
    (operator,) = attendants(session, simulator, 1)
    call_id = await simulator.ring_queue("Support", CALLER)
    await simulator.no_answer(call_id)  # it waits on, ringing nobody

    def waiting_in_support() -> bool:
        return session.model.waiting_call(call_id) is not None and not legs(session, call_id)

    await until(session.model, waiting_in_support)

    await session.pick_up(operator.id, call_id, CallingDevice.LOCAL)

    await until(session.model, lambda: has(session, call_id, operator.id, CallState.ANSWERED))
    await until(session.model, lambda: session.model.waiting_call(call_id) is None)


async def test_pickup_of_a_call_that_is_gone_is_refused_before_konnekta_is_asked(
    session: Session, simulator: Simulator
) -> None:
    (operator,) = attendants(session, simulator, 1)
    sent = len(simulator.received)

    with pytest.raises(Refused) as refused:
        await session.pick_up(operator.id, "call-that-ended", CallingDevice.LOCAL)

    assert refused.value == Refused(Reason.CALL_ENDED)
    assert len(simulator.received) == sent


# -- queues ----------------------------------------------------------------------------------------


async def test_the_queues_are_shown_as_konnekta_lists_them(
    session: Session, simulator: Simulator
) -> None:
    shown = {queue.name: queue for queue in session.queues()}
    assert set(shown) == set(simulator.tenant.queues)
    for name, queue in shown.items():
        in_konnekta = simulator.tenant.queue_status(name)
        assert queue.number == in_konnekta.number
        assert [(a.user_id, a.logged_in) for a in queue.agents] == [
            (a.user_id, a.logged_in) for a in in_konnekta.agents
        ]
        assert queue.waiting == ()


async def test_a_queue_call_and_a_logout_are_published_as_queue_updates(
    session: Session, simulator: Simulator
) -> None:
    heard = Heard(session)
    agent = simulator.tenant.queues["Support"].agents[0]

    call_id = await simulator.ring_queue("Support", CALLER, callback=True)
    await until(session.model, lambda: bool(_support(session).waiting))
    assert heard.updates[-1].queues
    queue = _support(session)
    assert [(w.call_id, w.callback) for w in queue.waiting] == [(call_id, True)]
    assert queue.callbacks_waiting() == 1

    heard.updates.clear()
    await session.set_queue_login(agent, "Support", False)
    await until(session.model, lambda: agent not in _support(session).logged_in())
    assert agent not in simulator.tenant.logged_in["Support"]
    assert any(update.queues for update in heard.updates)

    heard.updates.clear()
    await session.set_queue_login(agent, "Support", True)
    await until(session.model, lambda: agent in _support(session).logged_in())
    assert agent in simulator.tenant.logged_in["Support"]
    assert any(update.queues for update in heard.updates)


async def test_a_queue_login_of_a_user_not_its_agent_is_refused_with_konnektas_reason(
    session: Session, simulator: Simulator
) -> None:
    (outsider,) = attendants(session, simulator, 1)

    with pytest.raises(Refused) as refused:
        await session.set_queue_login(outsider.id, "Support", True)

    assert refused.value.reason is Reason.PBX_REFUSED
    assert refused.value.params == {"command": "queue_log_in"}
    assert refused.value.why.cause is not None
    assert refused.value.why.cause.reason is Reason.QUEUE_AGENTS_ONLY


def _support(session: Session) -> QueueStatus:
    return next(queue for queue in session.queues() if queue.name == "Support")


# -- transferred calls: the recall ---------------------------------------------------------------


async def test_a_blind_transfer_nobody_answers_in_time_is_told_as_a_recall(
    session: Session, simulator: Simulator, timers: FakeTimers
) -> None:
    operator, colleague = attendants(session, simulator, 2)
    heard = Heard(session)
    call_id = await talking(session, simulator, operator)

    await session.transfer(call_id, number_of(colleague))
    await until(session.model, lambda: has(session, call_id, colleague.id, CallState.RINGING))
    assert [timer.seconds for timer in timers.pending()] == [20.0]
    timers.fire()  # 20 seconds on, still ringing

    assert [update.recall for update in heard.updates if update.recall] == [(call_id,)]
    assert has(session, call_id, colleague.id, CallState.RINGING)  # nothing picked up by itself
    await session.pick_up(operator.id, call_id, CallingDevice.LOCAL)  # taken back with one key
    await until(session.model, lambda: has(session, call_id, operator.id, CallState.ANSWERED))
    await until(session.model, lambda: only([operator.id], session, call_id))


async def test_a_transfer_completed_while_the_colleague_rings_is_followed_until_answered(
    session: Session, simulator: Simulator, timers: FakeTimers
) -> None:
    operator, colleague = attendants(session, simulator, 2)
    call_id = await talking(session, simulator, operator)
    consultation = await session.consult(operator.id, call_id, number_of(colleague))
    await until(session.model, lambda: has(session, consultation, colleague.id, CallState.RINGING))

    await session.complete_transfer(operator.id, call_id)
    await until(session.model, lambda: has(session, call_id, colleague.id, CallState.RINGING))
    assert [followed.call_id for followed in session.transfers.following()] == [call_id]

    await simulator.answer(call_id, user_id=colleague.id)
    await until(session.model, lambda: has(session, call_id, colleague.id, CallState.ANSWERED))
    assert timers.pending() == []
    assert session.transfers.following() == []
