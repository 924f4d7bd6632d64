"""The simulated SMG API refuses what a strict real server would, with an ApiError body."""

from __future__ import annotations

import httpx
import pytest

from konnekta_desktop.konnekta.models import CallingDevice, Right
from konnekta_desktop.simulator import ReceivedCommand, Simulator

from .conftest import Api


def _user_without(sim: Simulator, device: CallingDevice) -> str:
    return next(u.id for u in sim.tenant.users.values() if device not in u.devices)


def _user_with_right(sim: Simulator, has_right: bool) -> str:
    return next(
        u.id for u in sim.tenant.users.values() if (Right.SET_CALLER_ID in u.rights) == has_right
    )


def _assert_error(response: httpx.Response, status: int, code: str) -> None:
    assert response.status_code == status, response.text
    assert response.json()["code"] == code
    assert response.json()["message"]


async def test_missing_token_is_unauthorized(sim: Simulator, client: httpx.AsyncClient) -> None:
    response = await client.get(f"{sim.smg_address}/users")
    _assert_error(response, 401, "unauthorized")
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


async def test_unknown_token_is_unauthorized(sim: Simulator, client: httpx.AsyncClient) -> None:
    response = await client.get(
        f"{sim.smg_address}/users", headers={"Authorization": "Bearer not-a-token"}
    )
    _assert_error(response, 401, "unauthorized")


async def test_unknown_user_is_not_found(api: Api) -> None:
    _assert_error(await api.request("GET", "/users/nobody"), 404, "not_found")
    _assert_error(await api.request("GET", "/users/nobody/presence"), 404, "not_found")
    body = {"destination": "+4533000000", "device": "local"}
    _assert_error(await api.request("POST", "/users/nobody/calls", body), 404, "not_found")


async def test_unknown_call_is_not_found(api: Api) -> None:
    _assert_error(await api.request("DELETE", "/calls/call-999"), 404, "not_found")
    body = {"destination": "+4533000000"}
    _assert_error(await api.request("POST", "/calls/call-999/transfer", body), 404, "not_found")


async def test_unknown_subscription_is_not_found(api: Api) -> None:
    _assert_error(
        await api.request("PUT", "/webhooks/sub-9", {"ttl_seconds": 60}), 404, "not_found"
    )
    _assert_error(await api.request("DELETE", "/webhooks/sub-9"), 404, "not_found")


@pytest.mark.parametrize(
    "body",
    [
        None,  # no body at all
        {"activity_id": 5},  # wrong type
        {"availability": "green"},  # not in the enum
        {},  # nothing to change
    ],
)
async def test_malformed_presence_body_is_bad_request(api: Api, body: object) -> None:
    response = await api.request("PUT", "/users/user-00001/presence", body)
    _assert_error(response, 400, "bad_request")


async def test_malformed_call_body_is_bad_request(api: Api) -> None:
    response = await api.request("POST", "/users/user-00001/calls", {"destination": "211"})
    _assert_error(response, 400, "bad_request")
    assert "device" in response.json()["message"]


async def test_calling_device_the_user_lacks_is_unprocessable(api: Api, sim: Simulator) -> None:
    user_id = _user_without(sim, CallingDevice.TEAMS)
    body = {"destination": "+4533000000", "device": "teams"}
    response = await api.request("POST", f"/users/{user_id}/calls", body)
    _assert_error(response, 422, "unprocessable")
    assert "teams" in response.json()["message"]
    assert not sim.tenant.calls


async def test_number_that_cannot_be_dialled_is_unprocessable(api: Api) -> None:
    body = {"destination": "call me", "device": "local"}
    response = await api.request("POST", "/users/user-00001/calls", body)
    _assert_error(response, 422, "unprocessable")


async def test_caller_id_outside_the_valid_list_is_unprocessable(api: Api, sim: Simulator) -> None:
    user_id = _user_with_right(sim, True)
    response = await api.request("PUT", f"/users/{user_id}/caller-id", {"number": "+4599999999"})
    _assert_error(response, 422, "unprocessable")


async def test_caller_id_without_the_right_is_forbidden(api: Api, sim: Simulator) -> None:
    user_id = _user_with_right(sim, False)
    valid = sim.tenant.caller_ids[user_id].valid[1]
    response = await api.request("PUT", f"/users/{user_id}/caller-id", {"number": valid})
    _assert_error(response, 403, "forbidden")
    assert sim.tenant.caller_ids[user_id].current != valid


async def test_default_caller_id_without_the_right_is_forbidden(api: Api, sim: Simulator) -> None:
    user_id = _user_with_right(sim, False)
    before = sim.tenant.caller_ids[user_id]
    response = await api.request("DELETE", f"/users/{user_id}/caller-id")
    _assert_error(response, 403, "forbidden")
    assert sim.tenant.caller_ids[user_id] == before


async def test_default_caller_id_of_an_unknown_user_is_not_found(api: Api) -> None:
    _assert_error(await api.request("DELETE", "/users/nobody/caller-id"), 404, "not_found")


async def test_unknown_activity_is_unprocessable(api: Api) -> None:
    response = await api.request("PUT", "/users/user-00001/presence", {"activity_id": "act-nope"})
    _assert_error(response, 422, "unprocessable")


async def test_webhook_with_a_bad_secret_or_address_is_unprocessable(api: Api) -> None:
    bad_secret = {"url": "http://127.0.0.1:1/x", "secret": "hunter2"}
    _assert_error(await api.request("POST", "/webhooks", bad_secret), 422, "unprocessable")
    bad_url = {"url": "ftp://host/x", "secret": "whsec_" + "A" * 40}
    _assert_error(await api.request("POST", "/webhooks", bad_url), 422, "unprocessable")


async def test_unknown_path_answers_an_api_error(api: Api) -> None:
    _assert_error(await api.request("GET", "/nothing-here"), 404, "not_found")


async def test_error_burst_answers_503_for_exactly_n_requests(api: Api, sim: Simulator) -> None:
    sim.faults.error_burst = 2
    for _ in range(2):
        response = await api.request("GET", "/users")
        _assert_error(response, 503, "unavailable")
        assert response.headers["Retry-After"]
    assert (await api.request("GET", "/users")).status_code == 200


async def test_reset_connections_drops_the_connection_without_an_answer(
    api: Api, sim: Simulator
) -> None:
    sim.faults.reset_connections = 1
    with pytest.raises(httpx.RemoteProtocolError):
        await api.request("GET", "/users")
    assert (await api.request("GET", "/users")).status_code == 200


async def test_changing_commands_are_recorded_with_their_outcome(api: Api, sim: Simulator) -> None:
    await api.request("GET", "/users")
    await api.request("PUT", "/users/user-00001/presence", {"availability": "unavailable"})
    await api.request("PUT", "/users/nobody/diversion", {"number": "+4533000000"})
    assert sim.received == [
        ReceivedCommand(
            method="PUT",
            path="/users/user-00001/presence",
            user_id="user-00001",
            body={"availability": "unavailable"},
            status=200,
        ),
        ReceivedCommand(
            method="PUT",
            path="/users/nobody/diversion",
            user_id="nobody",
            body={"number": "+4533000000"},
            status=404,
        ),
    ]
