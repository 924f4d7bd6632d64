"""The simulator's token endpoint refuses as Keycloak does, with its status codes and error bodies
(docs/simulator.md says what each is based on), over real loopback HTTP with an injected clock."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from konnekta_desktop.simulator import Simulator

from .conftest import FakeClock, login

INVALID_CLIENT = "Invalid client or Invalid client credentials"


def _token_url(sim: Simulator) -> str:
    return f"{sim.issuer_uri}/protocol/openid-connect/token"


def _answer(response: httpx.Response) -> tuple[int, Any]:
    return response.status_code, response.json()


def _refused(status: int, error: str, description: str) -> tuple[int, Any]:
    return status, {"error": error, "error_description": description}


async def _refresh(sim: Simulator, client: httpx.AsyncClient, token: str) -> httpx.Response:
    return await client.post(
        _token_url(sim),
        data={"grant_type": "refresh_token", "refresh_token": token},
        auth=(sim.client_id, sim.client_secret),
    )


@pytest.mark.parametrize("basic", [True, False], ids=["client_secret_basic", "client_secret_post"])
async def test_a_wrong_client_secret_is_unauthorized_client_and_an_unknown_client_invalid_client(
    sim: Simulator, client: httpx.AsyncClient, basic: bool
) -> None:
    """Keycloak tells the two apart only by the error code: both are 401 with the same words."""

    async def token_request(client_id: str, client_secret: str) -> httpx.Response:
        form = {"grant_type": "password", "username": sim.username, "password": sim.password}
        if basic:
            return await client.post(_token_url(sim), data=form, auth=(client_id, client_secret))
        form |= {"client_id": client_id, "client_secret": client_secret}
        return await client.post(_token_url(sim), data=form)

    wrong_secret = await token_request(sim.client_id, sim.client_secret + "x")
    unknown_client = await token_request("another-client", sim.client_secret)

    assert _answer(wrong_secret) == _refused(401, "unauthorized_client", INVALID_CLIENT)
    assert _answer(unknown_client) == _refused(401, "invalid_client", INVALID_CLIENT)


async def test_a_request_without_a_client_or_its_secret_is_refused_as_keycloak_does(
    sim: Simulator, client: httpx.AsyncClient
) -> None:
    form = {"grant_type": "password", "username": sim.username, "password": sim.password}
    no_client = await client.post(_token_url(sim), data=form)
    no_secret = await client.post(_token_url(sim), data=form | {"client_id": sim.client_id})

    assert _answer(no_client) == _refused(400, "invalid_client", "Missing client_id parameter")
    assert _answer(no_secret) == _refused(401, "unauthorized_client", INVALID_CLIENT)


async def test_a_wrong_password_is_401_and_an_unknown_user_400_both_invalid_user_credentials(
    sim: Simulator, client: httpx.AsyncClient
) -> None:
    async def password_login(username: str, password: str) -> httpx.Response:
        return await client.post(
            _token_url(sim),
            data={"grant_type": "password", "username": username, "password": password},
            auth=(sim.client_id, sim.client_secret),
        )

    wrong_password = await password_login(sim.username, "guess")
    unknown_user = await password_login("nobody@demo.example.dk", sim.password)

    assert _answer(wrong_password) == _refused(401, "invalid_grant", "Invalid user credentials")
    assert _answer(unknown_user) == _refused(400, "invalid_grant", "Invalid user credentials")


async def test_a_refresh_token_of_a_logged_out_session_is_refused_as_session_not_active(
    sim: Simulator, client: httpx.AsyncClient
) -> None:
    """A logout ends the session; a new password login starts one whose tokens work."""
    tokens = await login(sim, client)
    sim.revoke_refresh_tokens()

    assert _answer(await _refresh(sim, client, tokens["refresh_token"])) == _refused(
        400, "invalid_grant", "Session not active"
    )
    renewed = await _refresh(sim, client, (await login(sim, client))["refresh_token"])
    assert renewed.status_code == 200


async def test_an_expired_refresh_token_is_refused_as_not_active(
    sim: Simulator, client: httpx.AsyncClient, clock: FakeClock
) -> None:
    tokens = await login(sim, client)
    clock.advance(1800)
    await login(sim, client)  # tokens issued meanwhile do not make the old one unknown

    assert _answer(await _refresh(sim, client, tokens["refresh_token"])) == _refused(
        400, "invalid_grant", "Token is not active"
    )


async def test_a_used_refresh_token_is_refused_as_reuse_and_an_unknown_one_as_invalid(
    sim: Simulator, client: httpx.AsyncClient
) -> None:
    tokens = await login(sim, client)
    assert (await _refresh(sim, client, tokens["refresh_token"])).status_code == 200

    assert _answer(await _refresh(sim, client, tokens["refresh_token"])) == _refused(
        400, "invalid_grant", "Maximum allowed refresh token reuse exceeded"
    )
    assert _answer(await _refresh(sim, client, "made-up")) == _refused(
        400, "invalid_grant", "Invalid refresh token"
    )
    assert _answer(
        await client.post(
            _token_url(sim),
            data={"grant_type": "refresh_token"},
            auth=(sim.client_id, sim.client_secret),
        )
    ) == _refused(400, "invalid_request", "No refresh token")
