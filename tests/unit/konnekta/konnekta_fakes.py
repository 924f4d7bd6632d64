"""Stand-ins for the far side of the network edge in the Konnekta client tests.

Keycloak and the SMG API are played through httpx's MockTransport: the unit under test keeps its
real httpx client, and only the server on the other end of the wire is replaced (the integration
tests run the same client against the simulator over real loopback HTTP).
"""

from __future__ import annotations

import asyncio
import json
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs

import httpx

ISSUER = "https://konnekta.example/auth/realms/acme"
TOKEN_ENDPOINT = f"{ISSUER}/protocol/openid-connect/token"
SMG = "https://konnekta.example/api-admin/realm/acme/fwd"
CLIENT_ID = "switchboard"
CLIENT_SECRET = "client-s3cr3t-VALUE"
USERNAME = "svc-switchboard"
PASSWORD = "pa55w0rd-VALUE"


class FakeClock:
    def __init__(self, now: float = 1000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@dataclass
class FakeKeycloak:
    """Keycloak's discovery document and token endpoint, with rotating refresh tokens.

    Only the newest refresh token is accepted, as with Keycloak's "revoke refresh token" setting,
    so a client that reuses an old one gets invalid_grant.
    """

    expires_in: int = 300
    refresh_expires_in: int = 1800
    rotate: bool = True
    password_logins: int = 0
    refresh_grants: list[str] = field(default_factory=list)
    discoveries: int = 0
    issued: list[str] = field(default_factory=list)
    valid_refresh: str | None = None
    # When set, refresh grants announce themselves and then wait for `release`.
    gate_refresh: bool = False
    refresh_started: asyncio.Event = field(default_factory=asyncio.Event)
    release: asyncio.Event = field(default_factory=asyncio.Event)
    # Replace a whole answer to test refusals: path -> response factory.
    overrides: dict[str, Callable[[httpx.Request], httpx.Response]] = field(default_factory=dict)
    _serial: int = 0

    def _issue(self, prefix: str) -> str:
        self._serial += 1
        token = f"{prefix}-{self._serial}-TOKENVALUE"
        self.issued.append(token)
        return token

    def _token_answer(self) -> httpx.Response:
        access = self._issue("access")
        refresh = self._issue("refresh")
        self.valid_refresh = refresh
        return httpx.Response(
            200,
            json={
                "access_token": access,
                "expires_in": self.expires_in,
                "refresh_token": refresh,
                "refresh_expires_in": self.refresh_expires_in,
                "token_type": "Bearer",
                "not-before-policy": 0,
                "scope": "profile email",
            },
        )

    async def handle(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path
        if path in self.overrides:
            return self.overrides[path](request)
        if request.method == "GET" and path.endswith("/.well-known/openid-configuration"):
            self.discoveries += 1
            return httpx.Response(200, json={"issuer": ISSUER, "token_endpoint": TOKEN_ENDPOINT})
        if request.method == "POST" and str(request.url) == TOKEN_ENDPOINT:
            return await self._token(request)
        return httpx.Response(404, text="<html>Not found</html>")

    async def _token(self, request: httpx.Request) -> httpx.Response:
        assert request.headers["content-type"] == "application/x-www-form-urlencoded"
        form = {k: v[0] for k, v in parse_qs(request.content.decode()).items()}
        # Keycloak's answers: an unknown client is invalid_client, a wrong secret
        # unauthorized_client, both 401 with the same words; an unknown user is 400, a wrong
        # password 401 (docs/simulator.md says where each is from).
        if form.get("client_id") != CLIENT_ID:
            return _refusal(401, "invalid_client", "Invalid client or Invalid client credentials")
        if form.get("client_secret") != CLIENT_SECRET:
            return _refusal(
                401, "unauthorized_client", "Invalid client or Invalid client credentials"
            )
        if form["grant_type"] == "password":
            if form.get("username") != USERNAME:
                return _refusal(400, "invalid_grant", "Invalid user credentials")
            if form.get("password") != PASSWORD:
                return _refusal(401, "invalid_grant", "Invalid user credentials")
            self.password_logins += 1
            return self._token_answer()
        if form["grant_type"] == "refresh_token":
            self.refresh_grants.append(form["refresh_token"])
            if self.gate_refresh:
                self.refresh_started.set()
                await self.release.wait()
            if form["refresh_token"] != self.valid_refresh:
                return httpx.Response(
                    400, json={"error": "invalid_grant", "error_description": "Token is not active"}
                )
            if not self.rotate:
                access = self._issue("access")
                return httpx.Response(
                    200, json={"access_token": access, "expires_in": self.expires_in}
                )
            return self._token_answer()
        return httpx.Response(400, json={"error": "unsupported_grant_type"})


def _refusal(status: int, error: str, description: str) -> httpx.Response:
    return httpx.Response(status, json={"error": error, "error_description": description})


type Answer = httpx.Response | Exception


@dataclass
class ScriptedSmg:
    """The SMG API as a script: each request takes the next answer (a response or an exception).

    With the script empty, it answers 200 with `default_json`.
    """

    answers: deque[Answer] = field(default_factory=deque)
    requests: list[httpx.Request] = field(default_factory=list)
    default_json: Any = None

    def then(self, status: int, body: Any = None, headers: dict[str, str] | None = None) -> None:
        if body is None:
            self.answers.append(httpx.Response(status, headers=headers))
        else:
            self.answers.append(httpx.Response(status, json=body, headers=headers))

    def then_raise(self, error: Exception) -> None:
        self.answers.append(error)

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        answer = (
            self.answers.popleft() if self.answers else httpx.Response(200, json=self.default_json)
        )
        if isinstance(answer, Exception):
            raise answer
        return answer

    def body(self, index: int = -1) -> Any:
        return json.loads(self.requests[index].content) if self.requests[index].content else None


class FakeTokens:
    """A token source that counts renewals: the SMG client tests need no Keycloak at all."""

    def __init__(self) -> None:
        self.generation = 1
        self.invalidated: list[str | None] = []

    async def access_token(self) -> str:
        return f"access-{self.generation}-TOKENVALUE"

    def invalidate(self, refused_token: str | None = None) -> None:
        self.invalidated.append(refused_token)
        if refused_token == f"access-{self.generation}-TOKENVALUE":
            self.generation += 1
