"""Logging in against the simulator's Keycloak, which refuses as Keycloak does.

For each refusal the answer on the wire is Keycloak's (its status and JSON error body, see
docs/simulator.md for what each is based on), and the app's reason names what to fix: the client
ID or secret, the user or password, an account disabled or not fully set up, a client without
direct access grants, or a session that ended (after which the app logs in again by itself).
No reason and no log line carries a secret.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass

import httpx
import pytest
from aiohttp import web
from konnekta_fakes import ISSUER, TOKEN_ENDPOINT, FakeClock, FakeKeycloak

from konnekta_desktop.domain.refusals import Reason
from konnekta_desktop.konnekta.auth import CLIENT_ID_AND_SECRET, USER_AND_PASSWORD, KonnektaAuth
from konnekta_desktop.konnekta.errors import LoginError
from konnekta_desktop.simulator.keycloak import TokenIssuer, keycloak_routes

CLIENT_ID = "konnekta-desktop"
CLIENT_SECRET = "client-s3cr3t-VALUE"
USERNAME = "switchboard@demo.example.dk"
PASSWORD = "pa55w0rd-VALUE"
INVALID_CLIENT = "Invalid client or Invalid client credentials"


@dataclass
class Peer:
    """The simulator's Keycloak on a loopback port, with its realm settings at hand."""

    issuer: TokenIssuer
    issuer_uri: str
    clock: FakeClock
    http: httpx.AsyncClient

    def auth(
        self,
        *,
        client_id: str = CLIENT_ID,
        secret: str = CLIENT_SECRET,
        username: str = USERNAME,
        password: str = PASSWORD,
    ) -> KonnektaAuth:
        return KonnektaAuth(
            self.issuer_uri, client_id, secret, username, password, http=self.http, clock=self.clock
        )

    async def post(self, **form: str) -> httpx.Response:
        """A token request as the app sends it (client_secret_post)."""
        return await self.http.post(f"{self.issuer_uri}/protocol/openid-connect/token", data=form)


@pytest.fixture
async def peer() -> AsyncIterator[Peer]:
    clock = FakeClock()
    issuer = TokenIssuer(
        clock=clock,
        client_id=CLIENT_ID,
        client_secret=CLIENT_SECRET,
        username=USERNAME,
        password=PASSWORD,
        access_token_ttl=300,
        refresh_token_ttl=1800,
    )
    app = web.Application()
    app.add_routes(keycloak_routes(issuer, "demo", lambda: False))
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    port = runner.addresses[0][1]
    try:
        async with httpx.AsyncClient(timeout=10) as http:
            yield Peer(issuer, f"http://127.0.0.1:{port}/auth/realms/demo", clock, http)
    finally:
        await runner.cleanup()


@dataclass(frozen=True)
class Case:
    """One way a login goes wrong: what is different, Keycloak's answer, and the app's reason."""

    credentials: dict[str, str]
    realm: Callable[[TokenIssuer], None]
    status: int
    error: str
    description: str
    reason: Reason
    setting: str


def _as_is(issuer: TokenIssuer) -> None:
    pass


def _disable_account(issuer: TokenIssuer) -> None:
    issuer.account_enabled = False


def _leave_account_unfinished(issuer: TokenIssuer) -> None:
    issuer.account_set_up = False


def _forbid_direct_access_grants(issuer: TokenIssuer) -> None:
    issuer.direct_access_grants = False


CASES = {
    "wrong client secret": Case(
        {"secret": "not-the-s3cr3t"},
        _as_is,
        401,
        "unauthorized_client",
        INVALID_CLIENT,
        Reason.LOGIN_CLIENT_REFUSED,
        CLIENT_ID_AND_SECRET,
    ),
    "unknown client id": Case(
        {"client_id": "konnekta-laptop"},
        _as_is,
        401,
        "invalid_client",
        INVALID_CLIENT,
        Reason.LOGIN_CLIENT_REFUSED,
        CLIENT_ID_AND_SECRET,
    ),
    "wrong password": Case(
        {"password": "not-the-pa55w0rd"},
        _as_is,
        401,
        "invalid_grant",
        "Invalid user credentials",
        Reason.LOGIN_USER_REFUSED,
        USER_AND_PASSWORD,
    ),
    "unknown user": Case(
        {"username": "reception@demo.example.dk"},
        _as_is,
        400,
        "invalid_grant",
        "Invalid user credentials",
        Reason.LOGIN_USER_REFUSED,
        USER_AND_PASSWORD,
    ),
    "account disabled": Case(
        {},
        _disable_account,
        400,
        "invalid_grant",
        "Account disabled",
        Reason.LOGIN_ACCOUNT_DISABLED,
        USER_AND_PASSWORD,
    ),
    "account not fully set up": Case(
        {},
        _leave_account_unfinished,
        400,
        "invalid_grant",
        "Account is not fully set up",
        Reason.LOGIN_ACCOUNT_NOT_SET_UP,
        USER_AND_PASSWORD,
    ),
    "direct access grants off": Case(
        {},
        _forbid_direct_access_grants,
        400,
        "unauthorized_client",
        "Client not allowed for direct access grants",
        Reason.LOGIN_GRANT_NOT_ALLOWED,
        CLIENT_ID_AND_SECRET,
    ),
}

SECRETS = [CLIENT_SECRET, PASSWORD, "not-the-s3cr3t", "not-the-pa55w0rd"]


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
async def test_a_refused_login_is_answered_as_keycloak_does_and_named_for_what_it_is(
    peer: Peer, case: Case, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    case.realm(peer.issuer)
    credentials = {
        "client_id": CLIENT_ID,
        "secret": CLIENT_SECRET,
        "username": USERNAME,
        "password": PASSWORD,
    } | case.credentials

    answer = await peer.post(
        grant_type="password",
        username=credentials["username"],
        password=credentials["password"],
        client_id=credentials["client_id"],
        client_secret=credentials["secret"],
    )
    assert (answer.status_code, answer.json()) == (
        case.status,
        {"error": case.error, "error_description": case.description},
    )

    with pytest.raises(LoginError) as caught:
        await peer.auth(**case.credentials).access_token()
    refused = caught.value
    assert refused.why.reason is case.reason
    assert refused.why.params["said"] == case.description
    assert refused.setting == case.setting
    assert f"{case.setting} in Settings > Connection" in str(refused)
    for text in (str(refused), repr(refused), str(refused.why), caplog.text):
        for secret in SECRETS:
            assert secret not in text


async def test_an_ended_session_is_logged_as_such_and_the_app_logs_in_again(
    peer: Peer, caplog: pytest.LogCaptureFixture
) -> None:
    """A logout in Keycloak ends the session: the refresh is refused with "Session not active",
    and the app logs in again with the password, saying so in the log."""
    caplog.set_level(logging.INFO)
    auth = peer.auth()
    first = await auth.access_token()
    peer.issuer.revoke_refresh_tokens()
    peer.clock.advance(290)  # within the refresh margin of the token's expiry

    renewed = await auth.access_token()

    assert renewed != first
    assert "Konnekta ended the login session (“Session not active”)" in caplog.text
    assert "logging in again with User and Password" in caplog.text
    for secret in [*SECRETS, first, renewed]:
        assert secret not in caplog.text


async def test_an_account_disabled_while_logged_in_is_named_at_the_next_renewal(
    peer: Peer,
) -> None:
    """Keycloak refuses the refresh ("User disabled") and then the password ("Account
    disabled"): the operator is told the account is disabled, not that the password is wrong."""
    auth = peer.auth()
    await auth.access_token()
    peer.issuer.account_enabled = False
    peer.clock.advance(290)

    with pytest.raises(LoginError) as caught:
        await auth.access_token()

    assert caught.value.why.reason is Reason.LOGIN_ACCOUNT_DISABLED
    assert caught.value.why.params["user"] == USERNAME


def _refusing(status: int, body: dict[str, str]) -> Callable[[httpx.Request], httpx.Response]:
    return lambda request: httpx.Response(status, json=body)


@pytest.mark.parametrize(
    ("status", "body", "reason"),
    [
        pytest.param(
            400,
            {"error": "unauthorized_client", "error_description": "Invalid client credentials"},
            Reason.LOGIN_CLIENT_REFUSED,
            id="unknown client, Keycloak 12 to 19",
        ),
        pytest.param(
            401,
            {"error": "unauthorized_client", "error_description": "Invalid client secret"},
            Reason.LOGIN_CLIENT_REFUSED,
            id="wrong secret, older Keycloak",
        ),
        pytest.param(
            400,
            {"error": "invalid_client", "error_description": "Could not find client"},
            Reason.LOGIN_CLIENT_REFUSED,
            id="unknown client, oldest Keycloak",
        ),
        pytest.param(
            400,
            {
                "error": "unauthorized_client",
                "error_description": "UNKNOWN_CLIENT: Client was not identified by any client "
                "authenticator",
            },
            Reason.LOGIN_CLIENT_REFUSED,
            id="client not identified",
        ),
        pytest.param(
            400,
            {"error": "unauthorized_client"},
            Reason.LOGIN_GRANT_NOT_ALLOWED,
            id="grant refused in OAuth's words only",
        ),
        pytest.param(
            400,
            {"error": "invalid_grant", "error_description": "Account temporarily disabled"},
            Reason.LOGIN_ACCOUNT_DISABLED,
            id="account locked for a while",
        ),
    ],
)
async def test_other_keycloak_versions_wordings_are_named_for_what_they_are(
    status: int, body: dict[str, str], reason: Reason
) -> None:
    """Keycloak's words for the same refusals changed between versions; unauthorized_client is
    a refused grant only when nothing says the client's credentials are wrong."""
    keycloak = FakeKeycloak()
    keycloak.overrides[httpx.URL(TOKEN_ENDPOINT).path] = _refusing(status, body)
    async with httpx.AsyncClient(transport=httpx.MockTransport(keycloak.handle)) as http:
        auth = KonnektaAuth(
            ISSUER,
            CLIENT_ID,
            CLIENT_SECRET,
            USERNAME,
            PASSWORD,
            http=http,
            clock=FakeClock(),
        )
        with pytest.raises(LoginError) as caught:
            await auth.access_token()

    assert caught.value.why.reason is reason
