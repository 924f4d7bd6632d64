"""A Keycloak-like login for the simulator: OpenID discovery and the token endpoint.

Password and refresh_token grants, client_secret_post and client_secret_basic client auth, Keycloak's
error bodies, expiry judged by the injected clock, and rotating refresh tokens.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import logging
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

from aiohttp import web

log = logging.getLogger(__name__)


@dataclass(slots=True, frozen=True)
class _Grant:
    username: str
    expires_at: float


class TokenIssuer:
    """Issues and checks tokens; holds the only copy of the credentials (never in its repr)."""

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
        self._access: dict[str, _Grant] = {}
        self._refresh: dict[str, _Grant] = {}

    def __repr__(self) -> str:
        return f"<TokenIssuer client_id={self.client_id!r} live_tokens={len(self._access)}>"

    def is_valid_access_token(self, token: str) -> bool:
        grant = self._access.get(token)
        return grant is not None and self._clock() < grant.expires_at

    def revoke_refresh_tokens(self) -> None:
        """Every refresh token issued so far is refused from now on (as after a logout)."""
        self._refresh.clear()

    def client_matches(self, client_id: str, client_secret: str) -> bool:
        return client_id == self.client_id and hmac.compare_digest(
            client_secret.encode(), self._client_secret.encode()
        )

    def password_grant(self, username: str, password: str) -> dict[str, Any] | None:
        if username != self.username or not hmac.compare_digest(
            password.encode(), self._password.encode()
        ):
            return None
        return self._issue(username)

    def refresh_grant(self, refresh_token: str) -> dict[str, Any] | None:
        # Rotation: a refresh token works once, whatever the outcome.
        grant = self._refresh.pop(refresh_token, None)
        if grant is None or self._clock() >= grant.expires_at:
            return None
        return self._issue(grant.username)

    def _issue(self, username: str) -> dict[str, Any]:
        now = self._clock()
        self._forget_expired(now)
        access_token = secrets.token_urlsafe(32)
        refresh_token = secrets.token_urlsafe(32)
        self._access[access_token] = _Grant(username, now + self.access_token_ttl)
        self._refresh[refresh_token] = _Grant(username, now + self.refresh_token_ttl)
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
        for store in (self._access, self._refresh):
            for token in [t for t, grant in store.items() if now >= grant.expires_at]:
                del store[token]


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
                400, "invalid_request", "Request must be application/x-www-form-urlencoded"
            )
        form = await request.post()
        fields = {key: value for key, value in form.items() if isinstance(value, str)}
        client = _client_credentials(request, fields)
        if client is None or not issuer.client_matches(*client):
            log.info("token request refused: missing or wrong client id or secret")
            return _error(401, "invalid_client", "Invalid client or Invalid client credentials")
        grant_type = fields.get("grant_type")
        if grant_type == "password":
            username, password = fields.get("username"), fields.get("password")
            if not username or password is None:
                return _error(400, "invalid_request", "Missing parameter: username or password")
            answer = issuer.password_grant(username, password)
            if answer is None:
                log.info("token request refused: wrong user or password")
                return _error(400, "invalid_grant", "Invalid user credentials")
            return web.json_response(answer, headers=_NO_STORE)
        if grant_type == "refresh_token":
            refresh_token = fields.get("refresh_token")
            if not refresh_token:
                return _error(400, "invalid_request", "Missing parameter: refresh_token")
            answer = issuer.refresh_grant(refresh_token)
            if answer is None:
                log.info("refresh refused: the refresh token is unknown, used, expired or revoked")
                return _error(400, "invalid_grant", "Token is not active")
            return web.json_response(answer, headers=_NO_STORE)
        if not grant_type:
            return _error(400, "invalid_request", "Missing form parameter: grant_type")
        return _error(400, "unsupported_grant_type", "Unsupported grant_type")

    async def realm_unknown(request: web.Request) -> web.Response:
        return web.json_response({"error": "Realm does not exist"}, status=404)

    return [
        web.get(f"{base}/.well-known/openid-configuration", discovery),
        web.post(f"{base}/protocol/openid-connect/token", token),
        web.get("/auth/realms/{other}/.well-known/openid-configuration", realm_unknown),
        web.post("/auth/realms/{other}/protocol/openid-connect/token", realm_unknown),
    ]


_NO_STORE = {"Cache-Control": "no-store", "Pragma": "no-cache"}


def _client_credentials(request: web.Request, form: dict[str, str]) -> tuple[str, str] | None:
    """client_secret_basic (Authorization header) or client_secret_post (form fields)."""
    header = request.headers.get("Authorization", "")
    if header[:6].lower() == "basic ":
        try:
            decoded = base64.b64decode(header[6:], validate=True).decode()
        except (binascii.Error, UnicodeDecodeError):
            return None
        client_id, sep, client_secret = decoded.partition(":")
        if not sep:
            return None
        return unquote(client_id), unquote(client_secret)
    posted_id, posted_secret = form.get("client_id"), form.get("client_secret")
    if posted_id is None or posted_secret is None:
        return None
    return posted_id, posted_secret


def _error(status: int, error: str, description: str) -> web.Response:
    headers = dict(_NO_STORE)
    if status == 401:
        headers["WWW-Authenticate"] = 'Basic realm="keycloak"'
    return web.json_response(
        {"error": error, "error_description": description}, status=status, headers=headers
    )


def _unavailable() -> web.Response:
    return web.json_response(
        {"error": "temporarily_unavailable", "error_description": "Keycloak is unavailable"},
        status=503,
        headers={"Retry-After": "1"},
    )
