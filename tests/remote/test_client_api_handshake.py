"""The handshake: hello, welcome and a snapshot that is the session's state; versions one minor
apart work, others are refused naming both; /health tells the link to Konnekta."""

from __future__ import annotations

import aiohttp
import pytest

from konnekta_desktop.domain.refusals import Reason
from konnekta_desktop.domain.status import Connection
from konnekta_desktop.remote.protocol import (
    CLOSE_VERSION,
    PROTOCOL,
    ErrorMessage,
    Snapshot,
    agreed_version,
    domain_why,
)
from tests.remote.conftest import Running


async def test_hello_gets_welcome_and_a_snapshot_of_the_sessions_state(
    connector: Running,
) -> None:
    session, simulator = connector.session, connector.simulator
    async with connector.client() as client:
        welcome = await client.hello()
        snapshot = await client.expect(Snapshot)

    assert welcome.protocol == PROTOCOL
    assert welcome.stream == connector.api.stream == snapshot.stream
    assert not welcome.resumed
    assert snapshot.seq == connector.api.window.seq
    assert snapshot.demo
    assert snapshot.status.state is Connection.CONNECTED
    assert not snapshot.stale
    # Everyone in Konnekta (the simulator), in the session's name order, as Konnekta has them.
    assert [c.user.id for c in snapshot.colleagues] == [c.id for c in session.colleagues]
    assert {c.user.id for c in snapshot.colleagues} == set(simulator.tenant.users)
    for colleague in snapshot.colleagues:
        in_konnekta = simulator.tenant.presence[colleague.user.id]
        assert colleague.availability.value == in_konnekta.availability.value
        assert colleague.activity_id == in_konnekta.activity_id
        assert colleague.user.name == simulator.tenant.users[colleague.user.id].name
        assert colleague.shown == session.shown_state(colleague.user.id)
        model = session.model.get(colleague.user.id)
        assert model is not None
        assert colleague.diversion == model.diversion
        assert colleague.caller_id == model.caller_id
        assert colleague.calls == list(model.calls.values())
    assert {a.id for a in snapshot.activities} == {a.id for a in simulator.tenant.activities}
    assert snapshot.states == session.states()
    assert snapshot.templates == session.templates()
    assert snapshot.appointments == session.appointments()
    assert snapshot.mappings.activities == session.config.activity_mappings
    assert snapshot.mappings.states == session.config.state_mappings
    assert snapshot.plan == session.plan
    operator = session.operator
    assert operator is not None
    assert snapshot.operator_id == operator.id
    assert snapshot.operator_user == session.operator_user
    assert snapshot.role is session.role
    assert snapshot.default_calling_device is session.default_calling_device
    assert snapshot.pending_wrapups == session.pending_wrapups()


async def test_a_call_in_progress_is_in_the_snapshot(connector: Running) -> None:
    simulator = connector.simulator
    user_id = next(iter(simulator.tenant.users))
    call_id = await simulator.ring(user_id, "+4587123456")
    await connector.published(
        lambda _u: any(c.call_id == call_id for c in connector.session.model.active_calls())
    )
    async with connector.client() as client:
        await client.hello()
        snapshot = await client.expect(Snapshot)
    (ringing,) = next(c for c in snapshot.colleagues if c.user.id == user_id).calls
    assert ringing.call_id == call_id
    assert ringing.caller == "+4587123456"


@pytest.mark.parametrize(("theirs", "spoken"), [("1.2", "1.1"), ("1.1", "1.1"), ("1.0", "1.0")])
async def test_a_client_one_minor_version_apart_is_welcomed_in_the_lower(
    connector: Running, theirs: str, spoken: str
) -> None:
    async with connector.client() as client:
        welcome = await client.hello(theirs)
        await client.expect(Snapshot)
    assert welcome.protocol == spoken


@pytest.mark.parametrize("theirs", ["2.0", "1.3", "0.9", "one"])
async def test_another_major_version_or_a_gap_over_one_minor_is_refused_naming_both(
    connector: Running, theirs: str
) -> None:
    async with connector.client() as client:
        await client.send_text(
            f'{{"type": "hello", "protocol": "{theirs}", "client": "tests 9.9"}}'
        )
        error = await client.expect(ErrorMessage)
        assert await client.closed() == CLOSE_VERSION
    said = domain_why(error.why)
    assert said is not None
    assert said.reason is Reason.PROTOCOL_VERSION_MISMATCH
    assert said.params == {"client_version": theirs, "connector_version": PROTOCOL}


def test_versions_work_together_within_one_minor_of_the_same_major() -> None:
    assert agreed_version("1.1", "1.0") == "1.0"
    assert agreed_version("1.3", "1.4") == "1.3"
    assert agreed_version("1.4", "1.4") == "1.4"
    assert agreed_version("1.2", "1.0") is None
    assert agreed_version("2.0", "1.0") is None
    assert agreed_version("1", "1.0") is None
    assert agreed_version("1.0.1", "1.0") is None


async def test_health_answers_200_with_the_link_to_konnekta(connector: Running) -> None:
    async with connector.client() as client:
        await client.hello()
        await client.expect(Snapshot)
        async with (
            aiohttp.ClientSession() as http,
            http.get(connector.api.health_url) as response,
        ):
            assert response.status == 200
            assert response.content_type == "application/json"
            health = await response.json()
    assert health["konnekta"]["state"] == "connected"
    assert health["konnekta"]["why"] is None
    assert health["said"] == ""
    assert health["clients"] == 1
    assert health["seq"] == connector.api.window.seq
    assert health["demo"] is True
    assert health["protocol"] == PROTOCOL
