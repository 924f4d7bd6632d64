"""Sleep, wake and network trouble against the simulator: noticed, shown, retried, reconciled.

Everything runs over real loopback HTTP. The computer's sleep is played by a clock whose wall time
jumps while its monotonic time stands still, which is what Linux and macOS do in suspend.
"""

from __future__ import annotations

import logging
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from urllib.parse import parse_qs

import httpx
import pytest

from konnekta_desktop.core.connector import Connector
from konnekta_desktop.core.session import Session
from konnekta_desktop.core.store import Store
from konnekta_desktop.domain import Availability
from konnekta_desktop.domain.refusals import Reason, english, why
from konnekta_desktop.domain.status import Connection, ConnectionStatus
from konnekta_desktop.konnekta.http import make_http_client
from konnekta_desktop.runtime import suggested_mappings
from konnekta_desktop.simulator.server import Simulator
from tests.helpers.konnekta import config_for, status_where, until

FAST = {"health_interval": 0.05, "reconnect_delay": 0.05, "retry_backoff": 0.01}


class SleepyClock:
    """Real time, plus `suspend(seconds)`: the wall clock jumps, the monotonic clock does not."""

    def __init__(self) -> None:
        self.offset = 0.0

    def now(self) -> float:
        return time.time() + self.offset

    def monotonic(self) -> float:
        return time.monotonic()

    def suspend(self, seconds: float) -> None:
        self.offset += seconds


def state_is(state: Connection) -> Callable[[ConnectionStatus], bool]:
    return lambda status: status.state is state


def subscriptions(simulator: Simulator) -> int:
    return sum(1 for c in simulator.received if c.method == "POST" and c.path.endswith("/webhooks"))


def record_grants(http: httpx.AsyncClient) -> list[str]:
    grants: list[str] = []

    async def hook(request: httpx.Request) -> None:
        if request.url.path.endswith("/token"):
            grants.append(parse_qs(request.content.decode())["grant_type"][0])

    http.event_hooks["request"].append(hook)
    return grants


@pytest.fixture
def clock() -> SleepyClock:
    return SleepyClock()


@pytest.fixture
async def simulator(clock: SleepyClock) -> AsyncIterator[Simulator]:
    async with Simulator(users=20, seed=3, clock=clock.now, access_token_ttl=300) as sim:
        yield sim


async def open_session(simulator: Simulator, clock: SleepyClock, tmp_path: Path) -> Session:
    activities, states = suggested_mappings(simulator.tenant.activities)
    config = config_for(simulator, activity_mappings=activities, state_mappings=states, **FAST)
    session = Session(config, Store(tmp_path / "store.sqlite3"), clock=clock)
    await session.start()
    await session.connector.wait_connected()
    return session


async def test_api_down_is_noticed_at_the_second_failed_health_check_without_any_event(
    simulator: Simulator, clock: SleepyClock, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    session = await open_session(simulator, clock, tmp_path)
    colleague = next(iter(simulator.tenant.users.values()))
    subscribed_before = subscriptions(simulator)
    caplog.set_level(logging.WARNING, logger="konnekta_desktop.core.connector")
    caplog.clear()
    simulator.faults.error_burst = 1_000_000
    simulator.faults.webhook_outage = True  # no event arrives to give the outage away

    status = await status_where(session.connector, state_is(Connection.RECONNECTING))

    failed_checks = [r for r in caplog.records if r.getMessage().startswith("Health check failed")]
    assert len(failed_checks) == 2  # noticed within two health intervals
    assert status.why == why(Reason.CONNECTION_LOST)
    assert not session.presence.connected
    # Meanwhile a colleague goes to lunch in Konnekta; the event cannot reach us.
    await simulator.set_presence(colleague.id, "act-lunch", Availability.UNAVAILABLE)

    simulator.faults.clear()
    await status_where(session.connector, state_is(Connection.CONNECTED))

    assert subscriptions(simulator) == subscribed_before + 1  # subscribed again
    await until(session.model, lambda: session.presence.shown_state(colleague.id).label == "Lunch")
    await session.close()


async def test_after_a_sleep_the_connector_logs_in_subscribes_and_reloads_at_once(
    simulator: Simulator, clock: SleepyClock, tmp_path: Path
) -> None:
    session = await open_session(simulator, clock, tmp_path)
    colleague = next(iter(simulator.tenant.users.values()))
    subscribed_before = subscriptions(simulator)
    statuses: list[ConnectionStatus] = []
    session.connector.on_status(statuses.append)
    # While the laptop is closed a colleague goes on holiday; the event cannot be delivered.
    simulator.faults.webhook_outage = True
    await simulator.set_presence(colleague.id, "act-holiday", Availability.UNAVAILABLE)

    clock.suspend(3 * 3600)  # the access and refresh tokens expire in Konnekta meanwhile

    await status_where(session.connector, state_is(Connection.RECONNECTING))
    await status_where(session.connector, state_is(Connection.CONNECTED))
    assert statuses[0].state is Connection.RECONNECTING
    assert statuses[0].why == why(Reason.AWOKE, minutes="180")
    assert subscriptions(simulator) == subscribed_before + 1
    await until(
        session.model, lambda: session.presence.shown_state(colleague.id).label == "Holiday"
    )
    simulator.faults.clear()
    await session.close()


async def test_a_revoked_refresh_token_after_a_sleep_leads_to_a_fresh_login(
    simulator: Simulator, clock: SleepyClock
) -> None:
    http = make_http_client()
    grants = record_grants(http)
    connector = Connector(config_for(simulator, **FAST), clock=clock, http=http)
    await connector.start()
    await connector.wait_connected()
    assert grants == ["password"]

    simulator.revoke_refresh_tokens()
    clock.suspend(400)  # the access token has expired in Konnekta; the app does not know yet

    await status_where(connector, state_is(Connection.RECONNECTING))
    await status_where(connector, state_is(Connection.CONNECTED))
    assert grants == ["password", "refresh_token", "password"]
    await connector.close()
    await http.aclose()


async def test_token_endpoint_down_during_reconnect_keeps_retrying_and_says_why(
    simulator: Simulator, clock: SleepyClock
) -> None:
    connector = Connector(config_for(simulator, **FAST), clock=clock)
    await connector.start()
    await connector.wait_connected()
    subscribed_before = subscriptions(simulator)
    simulator.faults.token_down = True
    clock.suspend(400)  # a fresh login is needed, and the login server is down

    login_failures: list[ConnectionStatus] = []

    def login_failed_twice(status: ConnectionStatus) -> bool:
        if (
            status.state is Connection.RECONNECTING
            and status.why
            and "login server" in english(status.why)
        ):
            login_failures.append(status)
        return len(login_failures) >= 2  # it keeps trying, with backoff

    await status_where(connector, login_failed_twice)
    assert login_failures[0].why == why(Reason.LOGIN_UNAVAILABLE, status="503")
    assert subscriptions(simulator) == subscribed_before

    simulator.faults.clear()
    await status_where(connector, state_is(Connection.CONNECTED))
    assert subscriptions(simulator) == subscribed_before + 1
    await connector.close()


async def test_reconnect_now_cuts_a_long_backoff_short(simulator: Simulator) -> None:
    connector = Connector(
        config_for(simulator, health_interval=0.05, reconnect_delay=3600, retry_backoff=0.01)
    )
    await connector.start()
    await connector.wait_connected()
    simulator.faults.reset_connections = 1_000_000  # the network is gone
    await status_where(connector, state_is(Connection.RECONNECTING))
    simulator.faults.clear()  # the network is back, but the next retry is an hour away

    await connector.reconnect_now(why(Reason.NETWORK_CHANGED))

    await status_where(connector, state_is(Connection.CONNECTED))
    await connector.close()


async def test_reconnect_now_while_connected_subscribes_again(simulator: Simulator) -> None:
    connector = Connector(config_for(simulator, **FAST))
    await connector.start()
    await connector.wait_connected()
    subscribed_before = subscriptions(simulator)

    await connector.reconnect_now(why(Reason.NETWORK_CHANGED))

    status = await status_where(connector, state_is(Connection.RECONNECTING))
    assert status.why == why(Reason.NETWORK_CHANGED)
    await status_where(connector, state_is(Connection.CONNECTED))
    assert subscriptions(simulator) == subscribed_before + 1
    await connector.close()


async def test_reconnect_now_before_start_does_nothing(simulator: Simulator) -> None:
    connector = Connector(config_for(simulator, **FAST))
    await connector.reconnect_now(why(Reason.NETWORK_CHANGED))
    assert connector.status.state is Connection.DISCONNECTED
    await connector.close()
