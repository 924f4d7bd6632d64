"""Faults injected through the simulator's controls, against a real Session over loopback.

For each fault in issue 6's list: the session recovers within 10 s after the fault ends (measured
and printed), no command is sent twice (the simulator's `received` and the client's attempt
counts), and what changed meanwhile is reconciled in the configured direction.

Reconnection here uses short delays (0.05 s doubling to 0.4 s) so the suite stays quick; what the
default delays give after a long outage is pinned separately, on simulated time.
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest

from konnekta_desktop.core import connector as connector_module
from konnekta_desktop.core.clock import ManualClock
from konnekta_desktop.core.config import ConnectorConfig
from konnekta_desktop.core.connector import Connector
from konnekta_desktop.core.session import Session
from konnekta_desktop.core.store import Store
from konnekta_desktop.domain import Availability, CallingDevice, LineType, User
from konnekta_desktop.domain.refusals import Refused, english
from konnekta_desktop.domain.states import SyncDirection
from konnekta_desktop.domain.status import Connection
from konnekta_desktop.konnekta.http import make_http_client
from konnekta_desktop.runtime import suggested_mappings
from konnekta_desktop.simulator.server import Simulator
from tests.helpers.konnekta import config_for, until
from tests.reliability.support import recoveries, tally

RECOVERY_TARGET = 10.0
FAST = {
    "health_interval": 0.1,
    "reconnect_delay": 0.05,
    "reconnect_delay_max": 0.4,
    "retry_backoff": 0.01,
}
DIAL = "POST /users/{user_id}/calls"


def fixed_only_user(simulator: Simulator, skip: int = 0) -> User:
    found = [
        u
        for u in simulator.tenant.users.values()
        if u.lines and not any(line.type is LineType.MOBILE for line in u.lines)
    ]
    return found[skip]


async def open_session(simulator: Simulator, store_path: Path, **overrides: Any) -> Session:
    activities, states = suggested_mappings(simulator.tenant.activities)
    values: dict[str, Any] = {"activity_mappings": activities, "state_mappings": states, **FAST}
    values.update(overrides)
    clock = values.pop("clock", None)
    session = Session(config_for(simulator, **values), Store(store_path), clock=clock)
    await session.start()
    await asyncio.wait_for(session.connector.wait_connected(), 10)
    return session


async def status_becomes(session: Session, wanted: Connection) -> None:
    if session.connector.status.state is wanted:
        return
    reached = asyncio.Event()
    session.connector.on_status(lambda s: reached.set() if s.state is wanted else None)
    await asyncio.wait_for(reached.wait(), 20)


async def recovered(
    name: str, session: Session, reconciled: Callable[[], bool], ended_at: float
) -> float:
    """Wait until connected and `reconciled()`, and record the seconds since the fault ended."""
    await status_becomes(session, Connection.CONNECTED)
    await until(session.model, reconciled, within=RECOVERY_TARGET)
    seconds = time.monotonic() - ended_at
    recoveries[name] = seconds
    tally[f"fault: {name}"] += 1
    assert seconds < RECOVERY_TARGET
    return seconds


def commands_received(simulator: Simulator, method: str, path: str) -> list[Any]:
    return [c for c in simulator.received if c.method == method and c.path == path]


def assert_no_command_twice(simulator: Simulator) -> None:
    """No dial or transfer reached Konnekta twice (each carries its own destination here)."""
    posts = Counter(
        (c.path, repr(c.body))
        for c in simulator.received
        if c.method == "POST" and not c.path.startswith("/webhooks")
    )
    assert all(count == 1 for count in posts.values()), posts


def konnekta_activity(simulator: Simulator, user_id: str) -> Callable[[], str | None]:
    return lambda: simulator.tenant.presence[user_id].activity_id


@pytest.fixture
async def simulator() -> AsyncIterator[Simulator]:
    async with Simulator(users=20, seed=11) as sim:
        yield sim


async def test_token_endpoint_down_then_back_local_changes_reach_konnekta(
    tmp_path: Path,
) -> None:
    clock = ManualClock(now=time.time())
    async with Simulator(users=20, seed=11, clock=clock.now) as simulator:
        colleague = fixed_only_user(simulator)
        session = await open_session(
            simulator,
            tmp_path / "s.sqlite3",
            clock=clock,
            sync_direction=SyncDirection.LOCAL_TO_KONNEKTA,
        )
        simulator.faults.token_down = True
        clock.advance(400)  # the access token expires: the next request needs the token endpoint
        await status_becomes(session, Connection.RECONNECTING)
        await session.presence.set_template(colleague.id, "Lunch")  # offline: kept pending
        assert konnekta_activity(simulator, colleague.id)() != "act-lunch"

        simulator.faults.clear()
        ended = time.monotonic()
        await recovered(
            "token endpoint down",
            session,
            lambda: konnekta_activity(simulator, colleague.id)() == "act-lunch",
            ended,
        )
        puts = commands_received(simulator, "PUT", f"/users/{colleague.id}/presence")
        assert len(puts) == 1
        assert session.store.pending_changes() == []
        assert_no_command_twice(simulator)
        await session.close()


async def test_5xx_outage_then_back_konnekta_changes_reach_the_local_state(
    simulator: Simulator, tmp_path: Path
) -> None:
    colleague = fixed_only_user(simulator)
    caller = fixed_only_user(simulator, skip=1)
    session = await open_session(
        simulator, tmp_path / "s.sqlite3", sync_direction=SyncDirection.KONNEKTA_TO_LOCAL
    )
    simulator.faults.error_burst = 1_000_000
    simulator.faults.webhook_outage = True
    await status_becomes(session, Connection.RECONNECTING)
    await simulator.set_presence(colleague.id, "act-holiday", Availability.UNAVAILABLE)
    with pytest.raises(Refused, match="unavailable"):
        await session.commands.dial(caller.id, "+4587654321", CallingDevice.LOCAL)
    assert session.connector.api.request_counts[DIAL] == 1  # a POST is never repeated

    simulator.faults.clear()
    ended = time.monotonic()
    await recovered(
        "5xx outage",
        session,
        lambda: session.presence.shown_state(colleague.id).label == "Holiday",
        ended,
    )
    assert commands_received(simulator, "POST", f"/users/{caller.id}/calls") == []
    assert_no_command_twice(simulator)
    await session.close()


async def test_a_short_5xx_burst_is_ridden_out_without_disconnecting_or_doubling_a_command(
    simulator: Simulator, tmp_path: Path
) -> None:
    colleague = fixed_only_user(simulator)
    caller = fixed_only_user(simulator, skip=1)
    session = await open_session(simulator, tmp_path / "s.sqlite3", health_interval=3600.0)
    statuses: list[Connection] = []
    session.connector.on_status(lambda s: statuses.append(s.state))

    simulator.faults.error_burst = 3
    started = time.monotonic()
    await session.presence.set_template(colleague.id, "Lunch")  # PUT: repeated through the burst
    recoveries["short 5xx burst (PUT retried through it)"] = time.monotonic() - started
    assert konnekta_activity(simulator, colleague.id)() == "act-lunch"
    assert session.connector.api.request_counts["PUT /users/{user_id}/presence"] == 4
    assert len(commands_received(simulator, "PUT", f"/users/{colleague.id}/presence")) == 1

    simulator.faults.error_burst = 1
    with pytest.raises(Refused, match="unavailable"):
        await session.commands.dial(caller.id, "+4587654321", CallingDevice.LOCAL)
    await session.commands.dial(caller.id, "+4587654322", CallingDevice.LOCAL)  # burst over
    assert session.connector.api.request_counts[DIAL] == 2
    assert len(commands_received(simulator, "POST", f"/users/{caller.id}/calls")) == 1
    assert Connection.RECONNECTING not in statuses
    assert_no_command_twice(simulator)
    tally["fault: short 5xx burst"] += 1
    await session.close()


async def test_connection_resets_then_back_local_changes_reach_konnekta(
    simulator: Simulator, tmp_path: Path
) -> None:
    colleague = fixed_only_user(simulator)
    caller = fixed_only_user(simulator, skip=1)
    session = await open_session(
        simulator, tmp_path / "s.sqlite3", sync_direction=SyncDirection.LOCAL_TO_KONNEKTA
    )
    simulator.faults.reset_connections = 1_000_000
    await status_becomes(session, Connection.RECONNECTING)
    with pytest.raises(Refused):
        await session.commands.dial(caller.id, "+4587654321", CallingDevice.LOCAL)
    # The request was read before the connection dropped, so it may have been carried out:
    # it is not sent again.
    assert session.connector.api.request_counts[DIAL] == 1
    await session.presence.set_template(colleague.id, "Meeting 1 hour")

    simulator.faults.clear()
    ended = time.monotonic()
    await recovered(
        "connection resets",
        session,
        lambda: konnekta_activity(simulator, colleague.id)() == "act-meeting",
        ended,
    )
    assert len(commands_received(simulator, "PUT", f"/users/{colleague.id}/presence")) == 1
    assert session.store.pending_changes() == []
    assert_no_command_twice(simulator)
    await session.close()


async def test_responses_slower_than_the_timeout_then_back_konnekta_changes_are_followed(
    simulator: Simulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Session builds its own HTTP client (10 s timeout); give it a short one, as a slow network
    # would meet the real one.
    monkeypatch.setattr(connector_module, "make_http_client", lambda: make_http_client(0.5))
    colleague = fixed_only_user(simulator)
    caller = fixed_only_user(simulator, skip=1)
    session = await open_session(
        simulator, tmp_path / "s.sqlite3", sync_direction=SyncDirection.KONNEKTA_TO_LOCAL
    )
    simulator.faults.slow_seconds = 1.5
    await status_becomes(session, Connection.RECONNECTING)
    with pytest.raises(Refused) as refused:
        await session.commands.dial(caller.id, "+4587654321", CallingDevice.LOCAL)
    assert refused.value.why.cause is not None
    assert "did not answer in time" in english(refused.value.why.cause)
    assert session.connector.api.request_counts[DIAL] == 1
    await simulator.set_presence(colleague.id, "act-course", Availability.UNAVAILABLE)

    simulator.faults.clear()
    ended = time.monotonic()
    await recovered(
        "responses slower than the timeout",
        session,
        lambda: session.presence.shown_state(colleague.id).label == "Course",
        ended,
    )
    # The client sent the dial once and gave up; Konnekta may or may not carry it out (here the
    # simulator finds the connection gone when it reads the body), but never twice.
    assert session.connector.api.request_counts[DIAL] == 1
    assert len(commands_received(simulator, "POST", f"/users/{caller.id}/calls")) <= 1
    assert_no_command_twice(simulator)
    await session.close()


async def test_webhook_outage_then_back_every_missed_event_arrives_in_order(
    simulator: Simulator, tmp_path: Path
) -> None:
    colleague = fixed_only_user(simulator)
    session = await open_session(simulator, tmp_path / "s.sqlite3")
    statuses: list[Connection] = []
    session.connector.on_status(lambda s: statuses.append(s.state))
    simulator.faults.webhook_outage = True
    failed = asyncio.ensure_future(simulator.webhooks.next_failure())
    call_id = await simulator.ring(colleague.id, "+4512345678")
    await asyncio.wait_for(failed, 10)
    await simulator.answer(call_id)
    await simulator.hang_up(call_id)
    await simulator.set_presence(colleague.id, "act-lunch", Availability.UNAVAILABLE)
    assert session.model.get(colleague.id).activity_id != "act-lunch"  # type: ignore[union-attr]

    simulator.faults.clear()
    ended = time.monotonic()
    await recovered(
        "webhook outage",
        session,
        lambda: session.model.get(colleague.id).activity_id == "act-lunch",  # type: ignore[union-attr]
        ended,
    )
    assert session.model.get(colleague.id).calls == {}  # type: ignore[union-attr]
    assert [c.call_id for c in session.store.call_history(colleague.id)] == [call_id]
    assert Connection.RECONNECTING not in statuses
    await session.close()


async def test_revoked_refresh_token_is_replaced_by_a_fresh_login_without_losing_a_command(
    tmp_path: Path,
) -> None:
    clock = ManualClock(now=time.time())
    async with Simulator(users=20, seed=11, clock=clock.now) as simulator:
        colleague = fixed_only_user(simulator)
        caller = fixed_only_user(simulator, skip=1)
        session = await open_session(
            simulator, tmp_path / "s.sqlite3", clock=clock, health_interval=3600.0
        )
        simulator.revoke_refresh_tokens()
        clock.advance(400)
        started = time.monotonic()
        await session.commands.dial(caller.id, "+4587654321", CallingDevice.LOCAL)
        recoveries["revoked refresh token (command through a fresh login)"] = (
            time.monotonic() - started
        )
        await session.presence.set_template(colleague.id, "Lunch")
        assert session.connector.status.state is Connection.CONNECTED
        assert len(commands_received(simulator, "POST", f"/users/{caller.id}/calls")) == 1
        assert konnekta_activity(simulator, colleague.id)() == "act-lunch"
        assert_no_command_twice(simulator)
        tally["fault: revoked refresh token"] += 1
        await session.close()


@pytest.mark.parametrize("skew", [120.0, -120.0], ids=["konnekta-ahead", "konnekta-behind"])
async def test_a_two_minute_clock_skew_keeps_webhooks_and_tokens_working(
    tmp_path: Path, skew: float
) -> None:
    async with Simulator(users=20, seed=11, clock=lambda: time.time() + skew) as simulator:
        colleague = fixed_only_user(simulator)
        session = await open_session(simulator, tmp_path / "s.sqlite3")
        call_id = await simulator.ring(colleague.id, "+4512345678")
        await until(session.model, lambda: call_id in session.model.get(colleague.id).calls)  # type: ignore[union-attr]
        await session.presence.set_template(colleague.id, "Lunch")
        assert konnekta_activity(simulator, colleague.id)() == "act-lunch"
        stats = session.connector.listener.listener.stats  # type: ignore[union-attr]
        assert stats.refused == 0
        tally["fault: clock skew"] += 1
        await session.close()


class _SimulatedTime:
    """Drives the connector's sleeps on a ManualClock, and ends the fault at a set moment."""

    def __init__(self, clock: ManualClock, simulator: Simulator, fault_ends: float) -> None:
        self.clock = clock
        self.simulator = simulator
        self.fault_ends = fault_ends

    async def sleep(self, seconds: float) -> None:
        self.clock.advance(seconds)
        if self.clock.monotonic() >= self.fault_ends and self.simulator.faults.token_down:
            self.simulator.faults.clear()
        await asyncio.sleep(0)


async def test_with_the_default_delays_a_long_outage_is_recovered_within_10_s_of_its_end() -> None:
    clock = ManualClock(now=time.time())
    async with Simulator(users=5, seed=11) as simulator:
        config = ConnectorConfig(**{**_defaults_for(simulator)})
        simulator.faults.token_down = True
        simulated = _SimulatedTime(clock, simulator, fault_ends=32.0)
        connector = Connector(config, clock=clock, sleep=simulated.sleep)
        await connector.start()
        await asyncio.wait_for(connector.wait_connected(), 10)
        recovery = clock.monotonic() - simulated.fault_ends
        await connector.close()
    recoveries["default backoff, 32 s outage (simulated time)"] = recovery
    assert recovery <= RECOVERY_TARGET


def _defaults_for(simulator: Simulator) -> dict[str, Any]:
    """A configuration with the default delays (config_for would shorten the health interval)."""
    return {
        "issuer_uri": simulator.issuer_uri,
        "smg_address": simulator.smg_address,
        "client_id": simulator.client_id,
        "client_secret": simulator.client_secret,
        "user": simulator.username,
        "password": simulator.password,
        "listener_port": 0,
    }


async def test_a_slow_api_is_noticed_within_two_health_intervals(
    simulator: Simulator, tmp_path: Path
) -> None:
    """Hardening the connection, item 4: an API that answers, but slower than a health check may
    take, was noticed only after every retry of two checks (about 93 s with the defaults), or
    never when it answered within the client's timeout. Each check has one deadline now."""
    interval = 0.4
    session = await open_session(simulator, tmp_path / "s.sqlite3", health_interval=interval)
    simulator.faults.slow_seconds = 3.0  # well within the HTTP client's 10 s timeout
    began = time.monotonic()
    await status_becomes(session, Connection.RECONNECTING)
    noticed = time.monotonic() - began
    simulator.faults.clear()
    tally["fault: slow API noticed"] += 1
    await session.close()
    # Noticed before even one slow answer came back: the checks did not wait for it.
    assert noticed < 3.0
