"""The connector against the simulator over real loopback HTTP: login, load, subscribe, events."""

from __future__ import annotations

import logging
import socket
from collections.abc import AsyncIterator
from urllib.parse import parse_qs

import httpx
import pytest

from konnekta_desktop.core.clock import ManualClock
from konnekta_desktop.core.connector import Connector
from konnekta_desktop.domain import CallingDevice, CallState
from konnekta_desktop.domain.status import Connection
from konnekta_desktop.konnekta.errors import ConfigurationError
from konnekta_desktop.konnekta.http import make_http_client
from konnekta_desktop.simulator.server import Simulator
from tests.helpers.konnekta import config_for, until


@pytest.fixture
async def simulator() -> AsyncIterator[Simulator]:
    async with Simulator(users=30, seed=3) as sim:
        yield sim


@pytest.fixture
async def connector(simulator: Simulator) -> AsyncIterator[Connector]:
    connector = Connector(config_for(simulator))
    await connector.start()
    await connector.wait_connected()
    yield connector
    await connector.close()


async def test_connects_loads_the_tenant_and_subscribes(
    simulator: Simulator, connector: Connector
) -> None:
    assert connector.status.state is Connection.CONNECTED
    assert len(connector.model) == len(simulator.tenant.users)
    assert set(connector.model.activities) == {a.id for a in simulator.tenant.activities}
    subscribed = [c for c in simulator.received if c.method == "POST" and c.path == "/webhooks"]
    assert len(subscribed) == 1


async def test_start_up_logs_both_tables(
    simulator: Simulator, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    connector = Connector(config_for(simulator))
    await connector.start()
    await connector.wait_connected()
    await connector.close()
    text = caplog.text
    assert "LogPresenceActivityIds" in text
    assert "LogMonitoredNumberList" in text
    for activity in simulator.tenant.activities:
        assert activity.id in text
    assert all(user.name in text for user in simulator.tenant.users.values() if user.lines)


async def test_call_events_reach_the_model_in_order(
    simulator: Simulator, connector: Connector
) -> None:
    user = next(iter(simulator.tenant.users.values()))
    call_id = await simulator.ring(user.id, "+4512345678")

    def state() -> CallState | None:
        colleague = connector.model.get(user.id)
        call = colleague.calls.get(call_id) if colleague else None
        return call.state if call else None

    await until(connector.model, lambda: state() is CallState.RINGING)
    await simulator.answer(call_id)
    await until(connector.model, lambda: state() is CallState.ANSWERED)
    await simulator.hang_up(call_id)
    await until(connector.model, lambda: state() is None)


async def test_commands_go_out_to_konnekta(simulator: Simulator, connector: Connector) -> None:
    caller, callee, *_ = simulator.tenant.users.values()
    await connector.api.set_diversion(caller.id, "+4587654321")
    await until(connector.model, lambda: connector.model.get(caller.id).diversion == "+4587654321")  # type: ignore[union-attr]
    call_id = await connector.api.make_call(caller.id, callee.lines[0].number, CallingDevice.LOCAL)
    await until(connector.model, lambda: bool(connector.model.get(callee.id).calls))  # type: ignore[union-attr]
    assert call_id in connector.model.get(caller.id).calls  # type: ignore[union-attr]


async def test_revoked_refresh_token_leads_to_a_fresh_login() -> None:
    clock = ManualClock()
    async with Simulator(users=5, seed=1, clock=clock.now, access_token_ttl=300) as simulator:
        grants: list[str] = []

        async def record_grant(request: httpx.Request) -> None:
            if request.url.path.endswith("/token"):
                grants.append(parse_qs(request.content.decode())["grant_type"][0])

        http = make_http_client()
        http.event_hooks["request"].append(record_grant)
        connector = Connector(config_for(simulator), clock=clock, http=http)
        await connector.start()
        await connector.wait_connected()
        assert grants == ["password"]
        clock.advance(301)
        simulator.revoke_refresh_tokens()
        users = await connector.api.users()
        assert len(users) == 5
        assert grants == ["password", "refresh_token", "password"]
        await connector.close()
        await http.aclose()


async def test_close_removes_the_subscription(simulator: Simulator) -> None:
    connector = Connector(config_for(simulator))
    await connector.start()
    await connector.wait_connected()
    await connector.close()
    removed = [c for c in simulator.received if c.method == "DELETE" and "/webhooks/" in c.path]
    assert len(removed) == 1
    assert connector.status.state is Connection.DISCONNECTED


async def test_a_listener_port_in_use_is_refused_with_the_setting_to_change(
    simulator: Simulator,
) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        connector = Connector(config_for(simulator, listener_port=port))
        with pytest.raises(ConfigurationError, match="Listener Port") as refused:
            await connector.start()
        assert str(port) in str(refused.value)
        assert connector.status.state is Connection.DISCONNECTED
        await connector.close()
    assert not [c for c in simulator.received if c.path == "/webhooks"]


async def test_users_outside_the_tenant_domain_are_warned_about_and_start_up_goes_on(
    simulator: Simulator, caplog: pytest.LogCaptureFixture
) -> None:
    """Reference-page fidelity, defect 10: the Tenant Domain is the domain of the tenant's
    usernames; a wrong one is said at start-up, which goes on."""
    caplog.set_level(logging.WARNING)
    connector = Connector(config_for(simulator, tenant_domain="not-the-tenant.dk"))
    await connector.start()
    await connector.wait_connected()
    await connector.close()
    assert f"{len(simulator.tenant.users)} users are not in the Tenant Domain" in caplog.text
    assert "The service account" in caplog.text

    caplog.clear()
    right = Connector(config_for(simulator, tenant_domain=simulator.tenant.domain))
    await right.start()
    await right.wait_connected()
    await right.close()
    assert "Tenant Domain" not in caplog.text
