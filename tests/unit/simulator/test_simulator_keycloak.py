"""The simulator's Keycloak-like login, over real loopback HTTP with an injected clock."""

from __future__ import annotations

import logging

import httpx
import pytest

from konnekta_desktop.simulator import Simulator

from .conftest import FakeClock, login


def _token_url(sim: Simulator) -> str:
    return f"{sim.issuer_uri}/protocol/openid-connect/token"


async def _refresh(sim: Simulator, client: httpx.AsyncClient, token: str) -> httpx.Response:
    return await client.post(
        _token_url(sim),
        data={
            "grant_type": "refresh_token",
            "refresh_token": token,
            "client_id": sim.client_id,
            "client_secret": sim.client_secret,
        },
    )


async def _users(sim: Simulator, client: httpx.AsyncClient, access_token: str) -> int:
    response = await client.get(
        f"{sim.smg_address}/users", headers={"Authorization": f"Bearer {access_token}"}
    )
    return response.status_code


async def test_discovery_names_the_issuer_and_token_endpoint(
    sim: Simulator, client: httpx.AsyncClient
) -> None:
    response = await client.get(f"{sim.issuer_uri}/.well-known/openid-configuration")
    assert response.status_code == 200
    document = response.json()
    assert document["issuer"] == sim.issuer_uri
    assert document["token_endpoint"] == _token_url(sim)
    assert "/auth/realms/demo" in sim.issuer_uri


async def test_unknown_realm_is_refused_like_keycloak(
    sim: Simulator, client: httpx.AsyncClient
) -> None:
    response = await client.get(
        f"{sim.base_url}/auth/realms/other/.well-known/openid-configuration"
    )
    assert response.status_code == 404
    assert response.json() == {"error": "Realm does not exist"}


async def test_password_grant_with_basic_client_auth_gives_working_tokens(
    sim: Simulator, client: httpx.AsyncClient
) -> None:
    tokens = await login(sim, client)
    assert tokens["token_type"] == "Bearer"
    assert tokens["expires_in"] == 300
    assert tokens["refresh_expires_in"] == 1800
    assert await _users(sim, client, tokens["access_token"]) == 200


async def test_password_grant_with_client_secret_post(
    sim: Simulator, client: httpx.AsyncClient
) -> None:
    response = await client.post(
        _token_url(sim),
        data={
            "grant_type": "password",
            "username": sim.username,
            "password": sim.password,
            "client_id": sim.client_id,
            "client_secret": sim.client_secret,
        },
    )
    assert response.status_code == 200
    assert await _users(sim, client, response.json()["access_token"]) == 200


async def test_unsupported_grant_type_is_refused(sim: Simulator, client: httpx.AsyncClient) -> None:
    response = await client.post(
        _token_url(sim),
        data={"grant_type": "client_credentials"},
        auth=(sim.client_id, sim.client_secret),
    )
    assert response.status_code == 400
    assert response.json()["error"] == "unsupported_grant_type"


async def test_refresh_rotates_and_the_used_refresh_token_is_refused(
    sim: Simulator, client: httpx.AsyncClient
) -> None:
    first = await login(sim, client)
    renewed = await _refresh(sim, client, first["refresh_token"])
    assert renewed.status_code == 200
    assert renewed.json()["refresh_token"] != first["refresh_token"]
    assert await _users(sim, client, renewed.json()["access_token"]) == 200
    reused = await _refresh(sim, client, first["refresh_token"])
    assert reused.status_code == 400
    assert reused.json()["error"] == "invalid_grant"
    assert (await _refresh(sim, client, renewed.json()["refresh_token"])).status_code == 200


async def test_expired_access_token_is_refused_by_the_api(
    sim: Simulator, client: httpx.AsyncClient, clock: FakeClock
) -> None:
    tokens = await login(sim, client)
    clock.advance(299)
    assert await _users(sim, client, tokens["access_token"]) == 200
    clock.advance(1)
    assert await _users(sim, client, tokens["access_token"]) == 401


async def test_expired_refresh_token_is_refused(
    sim: Simulator, client: httpx.AsyncClient, clock: FakeClock
) -> None:
    tokens = await login(sim, client)
    clock.advance(1800)
    response = await _refresh(sim, client, tokens["refresh_token"])
    assert response.status_code == 400
    assert response.json()["error"] == "invalid_grant"


async def test_access_token_lifetime_is_configurable(client: httpx.AsyncClient) -> None:
    clock = FakeClock()
    async with Simulator(users=3, clock=clock, access_token_ttl=30) as sim:
        tokens = await login(sim, client)
        assert tokens["expires_in"] == 30
        clock.advance(30)
        assert await _users(sim, client, tokens["access_token"]) == 401


async def test_revoked_refresh_tokens_are_refused_but_login_still_works(
    sim: Simulator, client: httpx.AsyncClient
) -> None:
    tokens = await login(sim, client)
    sim.revoke_refresh_tokens()
    response = await _refresh(sim, client, tokens["refresh_token"])
    assert response.status_code == 400
    assert response.json()["error"] == "invalid_grant"
    await login(sim, client)


async def test_token_down_fault_answers_503_until_cleared(
    sim: Simulator, client: httpx.AsyncClient
) -> None:
    sim.faults.token_down = True
    response = await client.post(
        _token_url(sim),
        data={"grant_type": "password", "username": sim.username, "password": sim.password},
        auth=(sim.client_id, sim.client_secret),
    )
    assert response.status_code == 503
    sim.faults.clear()
    await login(sim, client)


async def test_credentials_are_random_per_instance_and_absent_from_reprs() -> None:
    first, second = Simulator(users=2), Simulator(users=2)
    assert first.client_secret != second.client_secret
    assert first.password != second.password
    for secret in (first.client_secret, first.password):
        assert secret not in repr(first)
        assert secret not in repr(first._issuer)


async def test_no_secret_or_token_reaches_the_log(
    sim: Simulator, client: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    tokens = await login(sim, client)
    renewed = (await _refresh(sim, client, tokens["refresh_token"])).json()
    await _refresh(sim, client, tokens["refresh_token"])  # refused: logged
    await client.post(
        _token_url(sim),
        data={"grant_type": "password", "username": sim.username, "password": "wrong-password"},
        auth=(sim.client_id, sim.client_secret),
    )
    await _users(sim, client, "made-up-token")
    secrets = [sim.client_secret, sim.password, "wrong-password", "made-up-token"]
    secrets += [tokens["access_token"], tokens["refresh_token"], renewed["access_token"]]
    assert caplog.records, "the refusals should have been logged"
    for secret in secrets:
        assert secret not in caplog.text
