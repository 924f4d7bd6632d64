"""Logging in to Konnekta's Keycloak with the tenant service account and keeping a token fresh.

OIDC discovery finds the token endpoint; the OAuth 2.0 password grant logs in; the refresh grant
keeps the access token fresh. Token requests are built with authlib's OAuth 2.0 pieces and sent on
our own HTTP client, so expiry follows our injected clock and refreshes are serialised here.
"""

from __future__ import annotations

import asyncio
import logging
import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

import httpx
import msgspec
from authlib.oauth2.auth import ClientAuth
from authlib.oauth2.rfc6749.parameters import prepare_token_request

from ..domain.refusals import Reason, Server, Why, english, why
from ..secret import Secret
from .errors import ConfigurationError, KonnektaError, LoginError, ProtocolError, Unavailable
from .http import make_http_client, require_secure_url, scrub, translate_transport_error
from .transport import HttpClient, Reply

log = logging.getLogger(__name__)

ISSUER_URI: Final = "Issuer URI"
CLIENT_ID_AND_SECRET: Final = "Client ID and Client Secret"
USER_AND_PASSWORD: Final = "User and Password"

_FORM: Final = "application/x-www-form-urlencoded"


class _OpenIdConfiguration(msgspec.Struct, frozen=True):
    token_endpoint: str


class _TokenAnswer(msgspec.Struct, frozen=True):
    access_token: str
    expires_in: float
    token_type: str = "Bearer"
    refresh_token: str | None = None
    refresh_expires_in: float | None = None


class _OAuthErrorAnswer(msgspec.Struct, frozen=True):
    error: str
    error_description: str | None = None


@dataclass(slots=True)
class _Tokens:
    access: Secret
    access_expires_at: float  # on the injected clock
    refresh: Secret | None
    refresh_expires_at: float  # math.inf when Keycloak sets no limit
    margin: float


class _RefreshRefused(Exception):
    """Keycloak refused the refresh token (expired, its session ended, or rotated away)."""

    def __init__(self, said: Why) -> None:
        super().__init__(said)
        self.why = said


class KonnektaAuth:
    """The service account's login to Keycloak, handing out a fresh access token on demand.

    `access_token()` logs in on first use and refreshes when the token is within `refresh_margin`
    seconds of expiry. Renewal happens under one lock: however many requests wait, one refresh is
    sent and they all get its token. Keycloak rotates refresh tokens, so the newest is always kept;
    when the refresh token is refused, a fresh password login follows.
    """

    def __init__(
        self,
        issuer_uri: str,
        client_id: str,
        client_secret: str | Secret,
        username: str,
        password: str | Secret,
        *,
        http: HttpClient | None = None,
        clock: Callable[[], float] = time.monotonic,
        refresh_margin: float = 30.0,
    ) -> None:
        # A wrong Issuer URI is reported at the first login, not here, so that a connector can
        # be built from incomplete settings and tell the operator which one to fix.
        self._issuer_problem: ConfigurationError | None = None
        try:
            self._issuer = str(require_secure_url(issuer_uri, setting=ISSUER_URI)).rstrip("/")
        except ConfigurationError as problem:
            self._issuer, self._issuer_problem = issuer_uri.rstrip("/"), problem
        self._client_id = client_id
        self._client_secret = (
            client_secret if isinstance(client_secret, Secret) else Secret(client_secret)
        )
        self._username = username
        self._password = password if isinstance(password, Secret) else Secret(password)
        self._owns_http = http is None
        self._http = http if http is not None else make_http_client()
        self._clock = clock
        self._refresh_margin = refresh_margin
        self._token_endpoint: str | None = None
        self._tokens: _Tokens | None = None
        self._lock = asyncio.Lock()
        self._renewals_finished = 0
        self._last_failure: KonnektaError | None = None

    def __repr__(self) -> str:
        return (
            f"KonnektaAuth(issuer_uri={self._issuer!r}, client_id={self._client_id!r}, "
            f"username={self._username!r})"
        )

    @property
    def issuer_uri(self) -> str:
        return self._issuer

    async def access_token(self) -> str:
        """A valid access token, logging in or refreshing first when needed."""
        if (token := self._fresh_token()) is not None:
            return token
        renewals_before = self._renewals_finished
        async with self._lock:
            if (token := self._fresh_token()) is not None:
                return token
            # A renewal failed while we waited for the lock: share its failure rather than send
            # one more doomed request per waiting caller.
            if self._renewals_finished != renewals_before and self._last_failure is not None:
                raise self._last_failure
            try:
                tokens = await self._renew()
            except KonnektaError as error:
                self._last_failure = error
                raise
            except BaseException:
                self._last_failure = None  # cancelled or a bug: nothing for waiters to share
                raise
            else:
                self._last_failure = None
            finally:
                self._renewals_finished += 1
            self._tokens = tokens
            return tokens.access.reveal()

    def invalidate(self, refused_token: str | None = None) -> None:
        """Forget the access token after the API refused it (401); the next call renews it.

        With `refused_token`, only that token is forgotten: a late 401 for an old token must not
        throw away the one a concurrent request has just obtained.
        """
        tokens = self._tokens
        if tokens is None:
            return
        if refused_token is None or refused_token == tokens.access.reveal():
            tokens.access_expires_at = -math.inf

    async def close(self) -> None:
        """Forget the tokens, and close the HTTP client if this object made it."""
        self._tokens = None
        self._token_endpoint = None
        if self._owns_http:
            await self._http.aclose()

    def _fresh_token(self) -> str | None:
        tokens = self._tokens
        if tokens is not None and self._clock() < tokens.access_expires_at - tokens.margin:
            return tokens.access.reveal()
        return None

    async def _renew(self) -> _Tokens:
        tokens = self._tokens
        if (
            tokens is not None
            and tokens.refresh is not None
            and self._clock() < tokens.refresh_expires_at - tokens.margin
        ):
            try:
                renewed = await self._request_tokens(
                    "refresh_token", refresh_token=tokens.refresh.reveal()
                )
            except _RefreshRefused as refused:
                log.info("%s", english(refused.why))
            else:
                if renewed.refresh is None:
                    renewed.refresh = tokens.refresh
                    renewed.refresh_expires_at = tokens.refresh_expires_at
                log.debug("Refreshed the Konnekta access token")
                return renewed
        renewed = await self._request_tokens(
            "password", username=self._username, password=self._password.reveal()
        )
        log.info("Logged in to %s at %s as %s", Server.LOGIN.english, self._issuer, self._username)
        return renewed

    async def _discover_token_endpoint(self) -> str:
        if self._token_endpoint is not None:
            return self._token_endpoint
        if self._issuer_problem is not None:
            raise LoginError(self._issuer_problem.why, setting=ISSUER_URI)
        url = f"{self._issuer}/.well-known/openid-configuration"
        try:
            response = await self._http.request("GET", url, headers={"Accept": "application/json"})
        except httpx.TransportError as error:
            raise translate_transport_error(
                error, url=httpx.URL(url), server=Server.LOGIN, setting=ISSUER_URI
            ) from None
        log.debug("GET %s -> %d", url, response.status_code)
        if response.status_code >= 500:
            raise Unavailable(
                why(Reason.LOGIN_UNAVAILABLE, status=str(response.status_code)),
                status=response.status_code,
                setting=ISSUER_URI,
            )
        if response.status_code != 200:
            said = why(Reason.NO_OPENID_CONFIGURATION, url=url, status=str(response.status_code))
            raise LoginError(said, setting=ISSUER_URI)
        try:
            configuration = msgspec.json.decode(response.content, type=_OpenIdConfiguration)
        except msgspec.DecodeError:
            raise LoginError(
                why(Reason.NOT_AN_OPENID_CONFIGURATION, url=url), setting=ISSUER_URI
            ) from None
        require_secure_url(configuration.token_endpoint, setting=ISSUER_URI)
        self._token_endpoint = configuration.token_endpoint
        return configuration.token_endpoint

    async def _request_tokens(self, grant_type: str, **fields: str) -> _Tokens:
        endpoint = await self._discover_token_endpoint()
        body = prepare_token_request(grant_type, **fields)
        # Keycloak takes the client credentials in the form body (client_secret_post).
        client_auth = ClientAuth(
            self._client_id, self._client_secret.reveal(), auth_method="client_secret_post"
        )
        _, headers, body = client_auth.prepare(
            "POST", endpoint, {"Content-Type": _FORM, "Accept": "application/json"}, body
        )
        sent_at = self._clock()
        try:
            response = await self._http.request(
                "POST", endpoint, content=body.encode(), headers=headers
            )
        except httpx.TransportError as error:
            raise translate_transport_error(
                error, url=httpx.URL(endpoint), server=Server.LOGIN, setting=ISSUER_URI
            ) from None
        log.debug("POST %s (grant %s) -> %d", endpoint, grant_type, response.status_code)
        if response.status_code != 200:
            raise self._refusal(response, grant_type, endpoint)
        try:
            answer = msgspec.json.decode(response.content, type=_TokenAnswer)
        except msgspec.DecodeError as error:
            raise ProtocolError(
                why(Reason.LOGIN_ANSWER_UNEXPECTED, detail=str(error)), setting=ISSUER_URI
            ) from None
        if answer.token_type.lower() != "bearer":
            raise ProtocolError(
                why(Reason.TOKEN_NOT_BEARER, kind=answer.token_type[:40]), setting=ISSUER_URI
            )
        lifetime = max(answer.expires_in, 0.0)
        refresh_lifetime = answer.refresh_expires_in
        return _Tokens(
            access=Secret(answer.access_token),
            access_expires_at=sent_at + lifetime,
            refresh=Secret(answer.refresh_token) if answer.refresh_token else None,
            # Keycloak reports 0 for refresh tokens that do not expire (offline tokens).
            refresh_expires_at=(sent_at + refresh_lifetime if refresh_lifetime else math.inf),
            # A token that lives shorter than the margin would otherwise be renewed on every call.
            margin=min(self._refresh_margin, lifetime / 2),
        )

    def _refusal(self, response: Reply, grant_type: str, endpoint: str) -> Exception:
        status = response.status_code
        secrets = [self._client_secret.reveal(), self._password.reveal()]
        if self._tokens is not None:
            secrets.append(self._tokens.access.reveal())
            if self._tokens.refresh is not None:
                secrets.append(self._tokens.refresh.reveal())
        if status >= 500:
            return Unavailable(
                why(Reason.LOGIN_UNAVAILABLE, status=str(status)), status=status, setting=ISSUER_URI
            )
        try:
            refusal = msgspec.json.decode(response.content, type=_OAuthErrorAnswer)
        except msgspec.DecodeError:
            if status == 404:
                return LoginError(why(Reason.NO_TOKEN_ENDPOINT, url=endpoint), setting=ISSUER_URI)
            return ProtocolError(
                why(Reason.LOGIN_REFUSED_OTHERWISE, status=str(status)), setting=ISSUER_URI
            )
        said = scrub(refusal.error_description or refusal.error, secrets)[:200]
        words = (refusal.error_description or "").casefold()
        if refusal.error in {"invalid_client", "unauthorized_client"}:
            if _grant_not_allowed(refusal.error, status, words):
                return LoginError(
                    why(Reason.LOGIN_GRANT_NOT_ALLOWED, client=self._client_id, said=said),
                    setting=CLIENT_ID_AND_SECRET,
                )
            return LoginError(
                why(Reason.LOGIN_CLIENT_REFUSED, said=said), setting=CLIENT_ID_AND_SECRET
            )
        if refusal.error == "invalid_grant":
            if grant_type == "refresh_token":
                return _RefreshRefused(why(Reason.LOGIN_SESSION_ENDED, said=said))
            if "disabled" in words:
                reason = Reason.LOGIN_ACCOUNT_DISABLED
            elif "not fully set up" in words:
                reason = Reason.LOGIN_ACCOUNT_NOT_SET_UP
            else:
                reason = Reason.LOGIN_USER_REFUSED
            return LoginError(
                why(reason, user=self._username, said=said), setting=USER_AND_PASSWORD
            )
        error = scrub(refusal.error, secrets)[:100]
        return LoginError(
            why(Reason.LOGIN_REFUSED, error=error, said=said), setting=CLIENT_ID_AND_SECRET
        )


def _grant_not_allowed(error: str, status: int, words: str) -> bool:
    """Whether Keycloak refused the client the password grant, rather than its credentials.

    Keycloak answers a wrong client secret with 401 unauthorized_client and an unknown client with
    401 invalid_client, both "Invalid client or Invalid client credentials" (older versions: 400
    and "Invalid client credentials" or "Invalid client secret"); a client whose direct access
    grants are off with 400 unauthorized_client "Client not allowed for direct access grants".
    So unauthorized_client means the grant only when nothing says the credentials are wrong.
    """
    if "direct access grant" in words:
        return True
    if error != "unauthorized_client" or status == 401:
        return False
    return not any(word in words for word in ("credentials", "secret", "not identified"))
