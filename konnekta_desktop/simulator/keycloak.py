"""A Keycloak-like login for the simulator: OpenID discovery and the token endpoint.

Password and refresh_token grants, client_secret_post and client_secret_basic client auth, expiry
judged by the injected clock, and rotating refresh tokens. Refusals carry Keycloak's own status
codes and error bodies (docs/simulator.md says what each is based on); the account and the client
can be put in the states Keycloak refuses: an account disabled or not fully set up, a client
without direct access grants, sessions ended as by a logout.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import itertools
import logging
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Final
from urllib.parse import unquote

from aiohttp import web

log = logging.getLogger(__name__)

INVALID_CLIENT_CREDENTIALS: Final = "Invalid client or Invalid client credentials"
INVALID_USER_CREDENTIALS: Final = "Invalid user credentials"


@dataclass(slots=True, frozen=True)
class Refusal:
    """A token request refused as Keycloak refuses it: the status and the JSON error body."""

    status: int
    error: str
    description: str


@dataclass(slots=True)
class _Grant:
    username: str
    expires_at: float
    issued: int  # its place in the order of issue, to tell tokens older than a logout
    used: bool = False


class TokenIssuer:
    """Issues and checks tokens; holds the only copy of the credentials (never in its repr).

    `account_enabled`, `account_set_up` and `direct_access_grants` are the realm's settings that
    make Keycloak refuse a password login; assign them to play those refusals.
    """

    def __init__(
        self,
        *,
        clock: Callable[[], float],
        client_id: str,
        client_secret: str,
        username: str,
        password: str,
        access_token_ttl: float,
        refresh_token_ttl: float,
    ) -> None:
        self._clock = clock
        self.client_id = client_id
        self._client_secret = client_secret
        self.username = username
        self._password = password
        self.access_token_ttl = access_token_ttl
        self.refresh_token_ttl = refresh_token_ttl
        self.account_enabled = True  # off: Keycloak's "Account disabled"
        self.account_set_up = True  # off: required actions pending, "Account is not fully set up"
        self.direct_access_grants = True  # off: the client may not use the password grant
        self._access: dict[str, _Grant] = {}
        self._refresh: dict[str, _Grant] = {}
        self._serial = itertools.count(1)
        self._ended_before = 0  # a logout ended the sessions of every token issued before this

    def __repr__(self) -> str:
        return f"<TokenIssuer client_id={self.client_id!r} live_tokens={len(self._access)}>"

    def is_valid_access_token(self, token: str) -> bool:
        grant = self._access.get(token)
        return grant is not None and self._clock() < grant.expires_at

    def revoke_refresh_tokens(self) -> None:
        """End every session so far, as a logout does: their refresh tokens are refused from now
        on with Keycloak's "Session not active"; a new password login starts a new session."""
        self._ended_before = next(self._serial)

    def client_refusal(self, client_id: str | None, client_secret: str | None) -> Refusal | None:
        """Keycloak's answer to the client's credentials, None when they are right."""
        if client_id is None:
            return Refusal(400, "invalid_client", "Missing client_id parameter")
        if client_id != self.client_id:
            return Refusal(401, "invalid_client", INVALID_CLIENT_CREDENTIALS)
        if client_secret is None or not hmac.compare_digest(
            client_secret.encode(), self._client_secret.encode()
        ):
            return Refusal(401, "unauthorized_client", INVALID_CLIENT_CREDENTIALS)
        return None

    def password_grant(
        self, username: str | None, password: str | None
    ) -> dict[str, Any] | Refusal:
        # In Keycloak's order: the client's permission, then the user, then the password.
        if not self.direct_access_grants:
            return Refusal(
                400, "unauthorized_client", "Client not allowed for direct access grants"
            )
        if username is None:
            return Refusal(401, "invalid_request", "Missing parameter: username")
        if username != self.username:
            return Refusal(400, "invalid_grant", INVALID_USER_CREDENTIALS)
        if not self.account_enabled:
            return Refusal(400, "invalid_grant", "Account disabled")
        if password is None or not hmac.compare_digest(password.encode(), self._password.encode()):
            return Refusal(401, "invalid_grant", INVALID_USER_CREDENTIALS)
        if not self.account_set_up:
            return Refusal(400, "invalid_grant", "Account is not fully set up")
        return self._issue(username)

    def refresh_grant(self, refresh_token: str) -> dict[str, Any] | Refusal:
        grant = self._refresh.get(refresh_token)
        if grant is None:
            return Refusal(400, "invalid_grant", "Invalid refresh token")
        if self._clock() >= grant.expires_at:
            return Refusal(400, "invalid_grant", "Token is not active")
        if grant.issued < self._ended_before:
            return Refusal(400, "invalid_grant", "Session not active")
        if not self.account_enabled:
            return Refusal(400, "invalid_grant", "User disabled")
        # Rotation: a refresh token works once.
        if grant.used:
            return Refusal(400, "invalid_grant", "Maximum allowed refresh token reuse exceeded")
        grant.used = True
        return self._issue(grant.username)

    def _issue(self, username: str) -> dict[str, Any]:
        now = self._clock()
        self._forget_expired(now)
        access_token = secrets.token_urlsafe(32)
        refresh_token = secrets.token_urlsafe(32)
        serial = next(self._serial)
        self._access[access_token] = _Grant(username, now + self.access_token_ttl, serial)
        self._refresh[refresh_token] = _Grant(username, now + self.refresh_token_ttl, serial)
        return {
            "access_token": access_token,
            "expires_in": int(self.access_token_ttl),
            "refresh_expires_in": int(self.refresh_token_ttl),
            "refresh_token": refresh_token,
            "token_type": "Bearer",
            "not-before-policy": 0,
            "session_state": secrets.token_hex(16),
            "scope": "profile email",
        }

    def _forget_expired(self, now: float) -> None:
        for token in [t for t, grant in self._access.items() if now >= grant.expires_at]:
            del self._access[token]
        # An expired refresh token is still told apart from an unknown one for a while, as
        # Keycloak reads the expiry from the token itself.
        for token in [
            t
            for t, grant in self._refresh.items()
            if now >= grant.expires_at + self.refresh_token_ttl
        ]:
            del self._refresh[token]


def keycloak_routes(
    issuer: TokenIssuer, realm: str, is_down: Callable[[], bool]
) -> list[web.RouteDef]:
    base = f"/auth/realms/{realm}"

    def issuer_uri(request: web.Request) -> str:
        return f"{request.scheme}://{request.host}{base}"

    async def discovery(request: web.Request) -> web.Response:
        if is_down():
            return _unavailable()
        uri = issuer_uri(request)
        oidc = f"{uri}/protocol/openid-connect"
        return web.json_response(
            {
                "issuer": uri,
                "authorization_endpoint": f"{oidc}/auth",
                "token_endpoint": f"{oidc}/token",
                "introspection_endpoint": f"{oidc}/token/introspect",
                "userinfo_endpoint": f"{oidc}/userinfo",
                "end_session_endpoint": f"{oidc}/logout",
                "jwks_uri": f"{oidc}/certs",
                "grant_types_supported": ["password", "refresh_token"],
                "response_types_supported": ["code", "token"],
                "subject_types_supported": ["public"],
                "id_token_signing_alg_values_supported": ["RS256"],
                "token_endpoint_auth_methods_supported": [
                    "client_secret_basic",
                    "client_secret_post",
                ],
                "scopes_supported": ["openid", "profile", "email"],
            }
        )

    async def token(request: web.Request) -> web.Response:
        if is_down():
            return _unavailable()
        if request.content_type != "application/x-www-form-urlencoded":
            return _error(
                Refusal(400, "invalid_request", "Request must be application/x-www-form-urlencoded")
            )
        form = await request.post()
        fields = {key: value for key, value in form.items() if isinstance(value, str)}
        refused = issuer.client_refusal(*_client_credentials(request, fields))
        if refused is not None:
            log.info("token request refused: %s (%s)", refused.error, refused.description)
            return _error(refused)
        grant_type = fields.get("grant_type")
        answer: dict[str, Any] | Refusal
        if grant_type == "password":
            answer = issuer.password_grant(fields.get("username"), fields.get("password"))
        elif grant_type == "refresh_token":
            refresh_token = fields.get("refresh_token")
            if not refresh_token:
                return _error(Refusal(400, "invalid_request", "No refresh token"))
            answer = issuer.refresh_grant(refresh_token)
        elif not grant_type:
            return _error(Refusal(400, "invalid_request", "Missing form parameter: grant_type"))
        else:
            return _error(Refusal(400, "unsupported_grant_type", "Unsupported grant_type"))
        if isinstance(answer, Refusal):
            log.info("%s grant refused: %s (%s)", grant_type, answer.error, answer.description)
            return _error(answer)
        return web.json_response(answer, headers=_NO_STORE)

    async def realm_unknown(request: web.Request) -> web.Response:
        return web.json_response({"error": "Realm does not exist"}, status=404)

    return [
        web.get(f"{base}/.well-known/openid-configuration", discovery),
        web.post(f"{base}/protocol/openid-connect/token", token),
        web.get("/auth/realms/{other}/.well-known/openid-configuration", realm_unknown),
        web.post("/auth/realms/{other}/protocol/openid-connect/token", realm_unknown),
    ]


_NO_STORE = {"Cache-Control": "no-store", "Pragma": "no-cache"}


def _client_credentials(
    request: web.Request, form: dict[str, str]
) -> tuple[str | None, str | None]:
    """client_secret_basic (Authorization header) or client_secret_post (form fields); as in
    Keycloak, a client id or secret in the form wins over the header's."""
    client_id = client_secret = None
    header = request.headers.get("Authorization", "")
    if header[:6].lower() == "basic ":
        try:
            decoded = base64.b64decode(header[6:], validate=True).decode()
        except (binascii.Error, UnicodeDecodeError):
            decoded = ""
        basic_id, sep, basic_secret = decoded.partition(":")
        if sep:
            client_id, client_secret = unquote(basic_id), unquote(basic_secret)
    return form.get("client_id", client_id), form.get("client_secret", client_secret)


def _error(refusal: Refusal) -> web.Response:
    headers = dict(_NO_STORE)
    if refusal.status == 401:
        headers["WWW-Authenticate"] = 'Basic realm="keycloak"'
    return web.json_response(
        {"error": refusal.error, "error_description": refusal.description},
        status=refusal.status,
        headers=headers,
    )


def _unavailable() -> web.Response:
    return web.json_response(
        {"error": "temporarily_unavailable", "error_description": "Keycloak is unavailable"},
        status=503,
        headers={"Retry-After": "1"},
    )
