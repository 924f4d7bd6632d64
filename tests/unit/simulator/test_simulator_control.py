"""The /_sim/ control API: scenarios, presence, faults, revocation and inspection over HTTP."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from konnekta_desktop.simulator import Simulator
from konnekta_desktop.simulator.tenant import mobile_number

from .conftest import Api, WebhookReceiver, login


async def _control(
    client: httpx.AsyncClient, sim: Simulator, method: str, path: str, body: Any = None
) -> httpx.Response:
    return await client.request(method, f"{sim.control_url}{path}", json=body)


@pytest.mark.parametrize(
    ("scenario", "queue", "callback"),
    [
        ({"kind": "direct", "user_id": "user-00002"}, None, False),
        ({"kind": "queue", "queue": "Support"}, "Support", False),
        ({"kind": "callback", "queue": "Sales", "caller": "+4587000111"}, "Sales", True),
    ],
)
async def test_scenarios_start_the_right_kind_of_call(
    client: httpx.AsyncClient,
    sim: Simulator,
    scenario: dict[str, Any],
    queue: str | None,
    callback: bool,
) -> None:
    response = await _control(client, sim, "POST", "/calls", scenario)
    assert response.status_code == 201
    legs = list(sim.tenant.calls[response.json()["call_id"]].values())
    assert all(leg.queue == queue and leg.callback is callback for leg in legs)
    if queue:
        assert {leg.user_id for leg in legs} == set(sim.tenant.queues[queue].agents)
        assert all(leg.called == sim.tenant.queues[queue].number for leg in legs)
    if "caller" in scenario:
        assert all(leg.caller == scenario["caller"] for leg in legs)


async def test_mobile_scenario_answered_on_mobile_then_hung_up(
    client: httpx.AsyncClient, sim: Simulator, receiver: WebhookReceiver
) -> None:
    started = await _control(client, sim, "POST", "/calls", {"kind": "mobile"})
    call_id = started.json()["call_id"]
    (leg,) = sim.tenant.calls[call_id].values()
    assert leg.called == mobile_number(sim.tenant.users[leg.user_id])
    answer = await _control(client, sim, "POST", f"/calls/{call_id}/answer", {"device": "mobile"})
    assert answer.status_code == 204
    assert sim.tenant.calls[call_id][leg.user_id].device == "mobile"
    assert (await _control(client, sim, "DELETE", f"/calls/{call_id}")).status_code == 204
    await _control(client, sim, "POST", "/delivered")
    assert receiver.types() == ["call.ringing", "call.answered", "call.ended"]


async def test_unknown_scenario_and_unknown_call_are_refused(
    client: httpx.AsyncClient, sim: Simulator
) -> None:
    unknown = await _control(client, sim, "POST", "/calls", {"kind": "fax"})
    assert unknown.status_code == 422
    assert "direct" in unknown.json()["error"]
    missing = await _control(client, sim, "DELETE", "/calls/call-77")
    assert missing.status_code == 404
    malformed = await _control(client, sim, "POST", "/calls", {"user_id": "user-00001"})
    assert malformed.status_code == 400


async def test_presence_set_through_control_is_visible_in_the_api(
    client: httpx.AsyncClient, sim: Simulator, api: Api
) -> None:
    body = {"activity_id": "act-lunch", "availability": "unavailable"}
    assert (
        await _control(client, sim, "PUT", "/users/user-00003/presence", body)
    ).status_code == 204
    presence = await api.request("GET", "/users/user-00003/presence")
    assert presence.json() == body


async def test_faults_are_set_read_and_cleared(
    client: httpx.AsyncClient, sim: Simulator, api: Api
) -> None:
    response = await _control(client, sim, "PUT", "/faults", {"error_burst": 1, "slow_seconds": 0})
    assert response.json()["error_burst"] == 1
    assert (await api.request("GET", "/users")).status_code == 503
    assert (await api.request("GET", "/users")).status_code == 200
    await _control(client, sim, "PUT", "/faults", {"token_down": True})
    assert (await _control(client, sim, "GET", "/faults")).json()["token_down"] is True
    assert (await _control(client, sim, "DELETE", "/faults")).status_code == 204
    assert sim.faults.as_dict() == {
        "token_down": False,
        "error_burst": 0,
        "slow_seconds": 0.0,
        "webhook_outage": False,
        "clock_offset_seconds": 0.0,
        "drop_webhook_response": 0,
        "webhook_blackhole": False,
        "reset_connections": 0,
    }


async def test_unknown_or_mistyped_fault_is_refused(
    client: httpx.AsyncClient, sim: Simulator
) -> None:
    assert (await _control(client, sim, "PUT", "/faults", {"meteor": True})).status_code == 422
    assert (await _control(client, sim, "PUT", "/faults", {"error_burst": "x"})).status_code == 422


async def test_revoke_through_control_refuses_earlier_refresh_tokens(
    client: httpx.AsyncClient, sim: Simulator
) -> None:
    tokens = await login(sim, client)
    assert (await _control(client, sim, "POST", "/revoke-refresh-tokens")).status_code == 204
    response = await client.post(
        f"{sim.issuer_uri}/protocol/openid-connect/token",
        data={"grant_type": "refresh_token", "refresh_token": tokens["refresh_token"]},
        auth=(sim.client_id, sim.client_secret),
    )
    assert response.json()["error"] == "invalid_grant"


async def test_received_commands_and_state_are_readable(
    client: httpx.AsyncClient, sim: Simulator, api: Api
) -> None:
    await api.request("PUT", "/users/user-00001/diversion", {"number": "+4520000001"})
    received = (await _control(client, sim, "GET", "/received")).json()
    assert received == [
        {
            "method": "PUT",
            "path": "/users/user-00001/diversion",
            "user_id": "user-00001",
            "body": {"number": "+4520000001"},
            "status": 200,
        }
    ]
    await _control(client, sim, "DELETE", "/received")
    assert sim.received == []
    state = (await _control(client, sim, "GET", "/state")).json()
    assert len(state["users"]) == 30
    assert state["smg_address"] == sim.smg_address
    assert {q["name"] for q in state["queues"]} == {"Reception", "Support", "Sales"}
    status = next(s for s in state["status"] if s["user_id"] == "user-00001")
    assert status["diversion"] == "+4520000001"
    assert sim.client_secret not in str(state)
    assert sim.password not in str(state)


async def test_users_are_added_changed_and_removed(
    client: httpx.AsyncClient, sim: Simulator, receiver: WebhookReceiver
) -> None:
    added = await _control(client, sim, "POST", "/users", {"name": "Ida Jensen"})
    user_id = added.json()["id"]
    changed = await _control(client, sim, "PATCH", f"/users/{user_id}", {"department": "IT"})
    assert changed.json()["department"] == "IT"
    assert (await _control(client, sim, "DELETE", f"/users/{user_id}")).status_code == 204
    await sim.delivered()
    assert receiver.types() == ["user.added", "user.changed", "user.removed"]
    assert user_id not in sim.tenant.users


async def test_auto_traffic_is_switched_on_and_off(
    client: httpx.AsyncClient, sim: Simulator
) -> None:
    on = await _control(client, sim, "PUT", "/traffic", {"enabled": True})
    assert on.json() == {"enabled": True}
    assert sim.auto_traffic
    off = await _control(client, sim, "PUT", "/traffic", {"enabled": False})
    assert off.json() == {"enabled": False}
    assert not sim.auto_traffic


async def test_the_colleague_does_not_answer_and_a_call_is_held_through_control(
    client: httpx.AsyncClient, sim: Simulator, receiver: WebhookReceiver
) -> None:
    started = await _control(client, sim, "POST", "/calls", {"kind": "direct"})
    call_id = started.json()["call_id"]
    (user_id,) = sim.tenant.calls[call_id]
    assert (await _control(client, sim, "POST", f"/calls/{call_id}/no-answer")).status_code == 204
    assert call_id not in sim.tenant.calls
    again = await _control(client, sim, "POST", f"/calls/{call_id}/no-answer")
    assert again.status_code == 404

    call_id = (await _control(client, sim, "POST", "/calls", {"kind": "direct"})).json()["call_id"]
    await _control(client, sim, "POST", f"/calls/{call_id}/answer")
    hold = {"user_id": user_id}
    assert (await _control(client, sim, "PUT", f"/calls/{call_id}/hold", hold)).status_code == 204
    assert sim.tenant.calls[call_id][user_id].held
    resume = {"user_id": user_id, "held": False}
    await _control(client, sim, "PUT", f"/calls/{call_id}/hold", resume)
    assert not sim.tenant.calls[call_id][user_id].held
    await sim.delivered()
    assert receiver.types()[-2:] == ["call.held", "call.resumed"]


async def test_agents_log_in_and_out_through_control_and_the_state_shows_the_queues(
    client: httpx.AsyncClient, sim: Simulator
) -> None:
    agent = sim.tenant.queues["Reception"].agents[0]
    logout = {"logged_in": False}
    answer = await _control(client, sim, "PUT", f"/queues/Reception/agents/{agent}", logout)
    assert answer.status_code == 200
    assert answer.json()["agents"] == [{"user_id": agent, "logged_in": False}]
    call_id = (await _control(client, sim, "POST", "/calls", {"kind": "queue"})).json()["call_id"]

    state = (await _control(client, sim, "GET", "/state")).json()
    reception = next(q for q in state["queues"] if q["name"] == "Reception")
    assert reception["logged_in"] == []
    assert [waiting["call_id"] for waiting in reception["waiting"]] == [call_id]
    stranger = next(u for u in sim.tenant.users if u != agent)
    refused = await _control(
        client, sim, "PUT", f"/queues/Reception/agents/{stranger}", {"logged_in": True}
    )
    assert refused.status_code == 403
