"""Keycloak login: discovery, password grant, refresh ahead of expiry, rotation, and refusals.

Keycloak is played through httpx's MockTransport (see konnekta_fakes); the auth code under test
and its httpx client are real.
"""

from __future__ import annotations

import asyncio
import logging
import ssl
from collections.abc import AsyncIterator, Callable
from urllib.parse import parse_qs

import httpx
import pytest
from konnekta_fakes import (
    CLIENT_ID,
    CLIENT_SECRET,
    ISSUER,
    PASSWORD,
    TOKEN_ENDPOINT,
    USERNAME,
    FakeClock,
    FakeKeycloak,
)

from konnekta_desktop.konnekta.auth import (
    CLIENT_ID_AND_SECRET,
    ISSUER_URI,
    USER_AND_PASSWORD,
    KonnektaAuth,
    Secret,
)
from konnekta_desktop.konnekta.errors import (
    ConfigurationError,
    ConnectionFailed,
    KonnektaError,
    LoginError,
    ProtocolError,
    Timeout,
    Unavailable,
)

type Handler = Callable[[httpx.Request], httpx.Response]


@pytest.fixture
def keycloak() -> FakeKeycloak:
    return FakeKeycloak()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
async def http(keycloak: FakeKeycloak) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(transport=httpx.MockTransport(keycloak.handle)) as client:
        yield client


def make_auth(
    http: httpx.AsyncClient,
    clock: FakeClock,
    *,
    secret: str = CLIENT_SECRET,
    password: str = PASSWORD,
    issuer: str = ISSUER,
) -> KonnektaAuth:
    return KonnektaAuth(
        issuer, CLIENT_ID, secret, USERNAME, password, http=http, clock=clock, refresh_margin=30
    )


async def test_first_use_discovers_token_endpoint_and_logs_in_with_password_grant(
    http: httpx.AsyncClient, clock: FakeClock
) -> None:
    seen: list[httpx.Request] = []
    http.event_hooks["request"] = [lambda r: _record(seen, r)]
    auth = make_auth(http, clock)

    token = await auth.access_token()

    assert token == "access-1-TOKENVALUE"
    assert [(r.method, str(r.url)) for r in seen] == [
        ("GET", f"{ISSUER}/.well-known/openid-configuration"),
        ("POST", TOKEN_ENDPOINT),
    ]
    form = parse_qs(seen[1].content.decode())
    assert form == {
        "grant_type": ["password"],
        "username": [USERNAME],
        "password": [PASSWORD],
        "client_id": [CLIENT_ID],
        "client_secret": [CLIENT_SECRET],
    }


async def _record(seen: list[httpx.Request], request: httpx.Request) -> None:
    seen.append(request)


async def test_valid_token_is_reused_without_asking_keycloak_again(
    http: httpx.AsyncClient, keycloak: FakeKeycloak, clock: FakeClock
) -> None:
    auth = make_auth(http, clock)
    first = await auth.access_token()
    clock.advance(200)

    assert await auth.access_token() == first
    assert keycloak.discoveries == 1
    assert keycloak.password_logins == 1
    assert keycloak.refresh_grants == []


async def test_token_is_refreshed_once_within_the_margin_of_expiry(
    http: httpx.AsyncClient, keycloak: FakeKeycloak, clock: FakeClock
) -> None:
    auth = make_auth(http, clock)  # token lives 300 s, margin 30 s
    first = await auth.access_token()

    clock.advance(269)
    assert await auth.access_token() == first
    clock.advance(2)
    renewed = await auth.access_token()

    assert renewed != first
    assert keycloak.refresh_grants == ["refresh-2-TOKENVALUE"]
    assert keycloak.password_logins == 1


async def test_twenty_concurrent_calls_on_an_expired_token_cause_exactly_one_refresh(
    http: httpx.AsyncClient, keycloak: FakeKeycloak, clock: FakeClock
) -> None:
    auth = make_auth(http, clock)
    await auth.access_token()
    clock.advance(301)
    keycloak.gate_refresh = True

    waiting = [asyncio.create_task(auth.access_token()) for _ in range(20)]
    await keycloak.refresh_started.wait()  # the 20 tasks have all run up to the lock by now
    keycloak.release.set()
    tokens = await asyncio.gather(*waiting)

    assert len(keycloak.refresh_grants) == 1
    assert keycloak.password_logins == 1
    assert set(tokens) == {"access-3-TOKENVALUE"}


async def test_rotated_refresh_token_is_the_one_used_next_time(
    http: httpx.AsyncClient, keycloak: FakeKeycloak, clock: FakeClock
) -> None:
    auth = make_auth(http, clock)
    await auth.access_token()  # access-1, refresh-2
    clock.advance(290)
    await auth.access_token()  # refresh with refresh-2 -> access-3, refresh-4
    clock.advance(290)
    await auth.access_token()  # must use refresh-4; Keycloak refuses refresh-2 now

    assert keycloak.refresh_grants == ["refresh-2-TOKENVALUE", "refresh-4-TOKENVALUE"]
    assert keycloak.password_logins == 1


async def test_refresh_token_kept_when_keycloak_does_not_rotate_it(
    http: httpx.AsyncClient, keycloak: FakeKeycloak, clock: FakeClock
) -> None:
    keycloak.rotate = False
    auth = make_auth(http, clock)
    await auth.access_token()
    clock.advance(290)
    await auth.access_token()
    clock.advance(290)
    await auth.access_token()

    assert keycloak.refresh_grants == ["refresh-2-TOKENVALUE", "refresh-2-TOKENVALUE"]
    assert keycloak.password_logins == 1


async def test_refused_refresh_token_leads_to_a_fresh_password_login(
    http: httpx.AsyncClient, keycloak: FakeKeycloak, clock: FakeClock
) -> None:
    auth = make_auth(http, clock)
    await auth.access_token()
    keycloak.valid_refresh = "revoked-by-an-administrator"
    clock.advance(290)

    token = await auth.access_token()

    assert keycloak.refresh_grants == ["refresh-2-TOKENVALUE"]
    assert keycloak.password_logins == 2
    assert token == keycloak.issued[-2]


async def test_expired_refresh_token_is_not_sent_and_password_login_follows(
    http: httpx.AsyncClient, keycloak: FakeKeycloak, clock: FakeClock
) -> None:
    auth = make_auth(http, clock)
    await auth.access_token()
    clock.advance(1801)

    await auth.access_token()

    assert keycloak.refresh_grants == []
    assert keycloak.password_logins == 2


async def test_invalidate_after_a_401_renews_the_token_on_next_use(
    http: httpx.AsyncClient, keycloak: FakeKeycloak, clock: FakeClock
) -> None:
    auth = make_auth(http, clock)
    refused = await auth.access_token()

    auth.invalidate(refused)
    renewed = await auth.access_token()

    assert renewed != refused
    assert len(keycloak.refresh_grants) == 1


async def test_late_invalidate_of_an_old_token_keeps_the_new_one(
    http: httpx.AsyncClient, keycloak: FakeKeycloak, clock: FakeClock
) -> None:
    auth = make_auth(http, clock)
    old = await auth.access_token()
    auth.invalidate(old)
    new = await auth.access_token()

    auth.invalidate(old)  # a second request's 401 for the same old token arrives late

    assert await auth.access_token() == new
    assert len(keycloak.refresh_grants) == 1


async def test_failed_renewal_is_shared_by_callers_that_waited_for_it(clock: FakeClock) -> None:
    attempts = 0
    started, release = asyncio.Event(), asyncio.Event()

    async def unreachable(request: httpx.Request) -> httpx.Response:
        nonlocal attempts
        attempts += 1
        started.set()
        await release.wait()
        raise httpx.ConnectError("[Errno 111] Connection refused", request=request)

    async with httpx.AsyncClient(transport=httpx.MockTransport(unreachable)) as http:
        auth = make_auth(http, clock)
        waiting = [asyncio.create_task(auth.access_token()) for _ in range(20)]
        await started.wait()  # the other 19 are queued on the lock by now
        release.set()
        outcomes = await asyncio.gather(*waiting, return_exceptions=True)
        assert attempts == 1
        assert all(isinstance(o, ConnectionFailed) for o in outcomes)

        # A caller arriving after the failure tries again.
        with pytest.raises(ConnectionFailed):
            await auth.access_token()
        assert attempts == 2


async def test_close_forgets_the_tokens(
    http: httpx.AsyncClient, keycloak: FakeKeycloak, clock: FakeClock
) -> None:
    auth = make_auth(http, clock)
    await auth.access_token()
    await auth.close()

    await auth.access_token()

    assert keycloak.password_logins == 2
    assert not http.is_closed  # the caller's client stays the caller's to close


def _answer(status: int, **kwargs: object) -> Handler:
    return lambda request: httpx.Response(status, **kwargs)  # type: ignore[arg-type]


DISCOVERY_PATH = "/auth/realms/acme/.well-known/openid-configuration"
TOKEN_PATH = "/auth/realms/acme/protocol/openid-connect/token"


@pytest.mark.parametrize(
    ("secret", "password", "overrides", "setting"),
    [
        pytest.param("wrong-secret", PASSWORD, {}, CLIENT_ID_AND_SECRET, id="wrong client secret"),
        pytest.param(CLIENT_SECRET, "wrong-password", {}, USER_AND_PASSWORD, id="wrong password"),
        pytest.param(
            CLIENT_SECRET,
            PASSWORD,
            {DISCOVERY_PATH: _answer(404, text="<html>Page not found</html>")},
            ISSUER_URI,
            id="discovery 404",
        ),
        pytest.param(
            CLIENT_SECRET,
            PASSWORD,
            {DISCOVERY_PATH: _answer(200, text="<html>Welcome to nginx</html>")},
            ISSUER_URI,
            id="discovery answers html",
        ),
        pytest.param(
            CLIENT_SECRET,
            PASSWORD,
            {DISCOVERY_PATH: _answer(200, json={"issuer": ISSUER})},
            ISSUER_URI,
            id="discovery lacks token endpoint",
        ),
        pytest.param(
            CLIENT_SECRET,
            PASSWORD,
            {TOKEN_PATH: _answer(404, text="Not Found")},
            ISSUER_URI,
            id="token endpoint 404",
        ),
        pytest.param(
            CLIENT_SECRET,
            PASSWORD,
            {
                TOKEN_PATH: _answer(
                    400,
                    json={
                        "error": "unauthorized_client",
                        "error_description": "Client not allowed for direct access grants",
                    },
                )
            },
            CLIENT_ID_AND_SECRET,
            id="client without direct access grants",
        ),
    ],
)
async def test_login_error_names_the_setting_to_check(
    clock: FakeClock,
    keycloak: FakeKeycloak,
    secret: str,
    password: str,
    overrides: dict[str, Handler],
    setting: str,
) -> None:
    keycloak.overrides.update(overrides)
    async with httpx.AsyncClient(transport=httpx.MockTransport(keycloak.handle)) as http:
        auth = make_auth(http, clock, secret=secret, password=password)
        with pytest.raises(LoginError) as caught:
            await auth.access_token()

    assert caught.value.setting == setting
    assert f"check {setting} in Settings > Connection" in str(caught.value)


def _raising(error: Callable[[httpx.Request], Exception]) -> Handler:
    def handler(request: httpx.Request) -> httpx.Response:
        raise error(request)

    return handler


def _tls_failure(request: httpx.Request) -> Exception:
    cause = ssl.SSLCertVerificationError(1, "certificate verify failed")
    cause.verify_message = "self-signed certificate"
    error = httpx.ConnectError("certificate verify failed", request=request)
    error.__cause__ = cause
    return error


def _dns_failure(request: httpx.Request) -> Exception:
    import socket

    error = httpx.ConnectError("Name or service not known", request=request)
    error.__cause__ = socket.gaierror(-2, "Name or service not known")
    return error


@pytest.mark.parametrize(
    ("failure", "kind", "tls", "words"),
    [
        pytest.param(
            lambda r: httpx.ConnectError("refused", request=r).with_traceback(None),
            ConnectionFailed,
            False,
            "no connection could be made",
            id="connect error",
        ),
        pytest.param(_dns_failure, ConnectionFailed, False, "host name", id="unknown host"),
        pytest.param(_tls_failure, ConnectionFailed, True, "self-signed certificate", id="tls"),
        pytest.param(
            lambda r: httpx.ReadTimeout("timed out", request=r), Timeout, False, "in time", id="t/o"
        ),
    ],
)
async def test_unreachable_login_server_names_the_address_and_whether_tls_failed(
    clock: FakeClock,
    failure: Callable[[httpx.Request], Exception],
    kind: type[KonnektaError],
    tls: bool,
    words: str,
) -> None:
    async with httpx.AsyncClient(transport=httpx.MockTransport(_raising(failure))) as http:
        auth = make_auth(http, clock)
        with pytest.raises(kind) as caught:
            await auth.access_token()

    error = caught.value
    assert "konnekta.example:443" in str(error)
    assert words in str(error)
    assert error.setting == ISSUER_URI
    assert error.transient
    if isinstance(error, ConnectionFailed):
        assert error.tls is tls
        assert ("securely" in str(error)) is tls


async def test_login_server_5xx_is_unavailable_and_transient(
    clock: FakeClock, keycloak: FakeKeycloak
) -> None:
    keycloak.overrides[TOKEN_PATH] = _answer(503, text="Service Unavailable")
    async with httpx.AsyncClient(transport=httpx.MockTransport(keycloak.handle)) as http:
        with pytest.raises(Unavailable) as caught:
            await make_auth(http, clock).access_token()

    assert caught.value.status == 503
    assert caught.value.transient


async def test_token_answer_of_the_wrong_shape_is_a_protocol_error(
    clock: FakeClock, keycloak: FakeKeycloak
) -> None:
    keycloak.overrides[TOKEN_PATH] = _answer(200, json={"token": "x"})
    async with httpx.AsyncClient(transport=httpx.MockTransport(keycloak.handle)) as http:
        with pytest.raises(ProtocolError, match="unexpected shape"):
            await make_auth(http, clock).access_token()


@pytest.mark.parametrize(
    "issuer",
    ["http://konnekta.example/auth/realms/acme", "ftp://konnekta.example/x", "not a url"],
)
async def test_issuer_must_be_https_unless_on_this_computer(issuer: str) -> None:
    async with httpx.AsyncClient() as http:
        auth = KonnektaAuth(issuer, CLIENT_ID, CLIENT_SECRET, USERNAME, PASSWORD, http=http)
        with pytest.raises(ConfigurationError) as caught:
            await auth.access_token()  # refused before anything is sent
    assert caught.value.setting == ISSUER_URI
    assert "https://" in str(caught.value)


@pytest.mark.parametrize(
    "issuer",
    [
        "http://127.0.0.1:8080/auth/realms/acme",
        "http://localhost:8080/auth/realms/acme",
        "http://[::1]:8080/auth/realms/acme",
    ],
)
def test_plain_http_is_accepted_for_the_local_simulator(issuer: str) -> None:
    auth = KonnektaAuth(
        issuer, CLIENT_ID, CLIENT_SECRET, USERNAME, PASSWORD, http=httpx.AsyncClient()
    )
    assert auth.issuer_uri == issuer


async def test_token_endpoint_over_plain_http_to_a_remote_host_is_refused(
    clock: FakeClock, keycloak: FakeKeycloak
) -> None:
    keycloak.overrides[DISCOVERY_PATH] = _answer(
        200, json={"token_endpoint": "http://konnekta.example/token"}
    )
    async with httpx.AsyncClient(transport=httpx.MockTransport(keycloak.handle)) as http:
        with pytest.raises(ConfigurationError, match="plain http"):
            await make_auth(http, clock).access_token()


def test_secrets_never_show_in_repr_or_str() -> None:
    auth = KonnektaAuth(
        ISSUER, CLIENT_ID, CLIENT_SECRET, USERNAME, PASSWORD, http=httpx.AsyncClient()
    )
    secret = Secret(PASSWORD)

    for text in (repr(auth), str(auth), repr(secret), str(secret), f"{secret}"):
        assert PASSWORD not in text
        assert CLIENT_SECRET not in text
    assert secret.reveal() == PASSWORD


async def test_secrets_and_tokens_are_absent_from_errors_and_logs(
    clock: FakeClock, keycloak: FakeKeycloak, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    # A careless server that echoes the submitted password in its refusal.
    keycloak.overrides[TOKEN_PATH] = _echo_form_in_refusal
    async with httpx.AsyncClient(transport=httpx.MockTransport(keycloak.handle)) as http:
        with pytest.raises(LoginError) as caught:
            await make_auth(http, clock).access_token()
    del keycloak.overrides[TOKEN_PATH]

    messages = [str(caught.value), repr(caught.value)]
    async with httpx.AsyncClient(transport=httpx.MockTransport(keycloak.handle)) as http:
        auth = make_auth(http, clock)
        await auth.access_token()
        clock.advance(290)
        await auth.access_token()  # a refresh
        keycloak.valid_refresh = None
        clock.advance(290)
        await auth.access_token()  # refused refresh, then a fresh login
        for secret, password in [("bad", PASSWORD), (CLIENT_SECRET, "bad")]:
            with pytest.raises(LoginError) as refused:
                await make_auth(http, clock, secret=secret, password=password).access_token()
            messages += [str(refused.value), repr(refused.value)]

    secrets = [CLIENT_SECRET, PASSWORD, *keycloak.issued]
    for text in [*messages, caplog.text]:
        for secret in secrets:
            assert secret not in text
    assert "POST" in caplog.text  # the log did record the token requests


def _echo_form_in_refusal(request: httpx.Request) -> httpx.Response:
    return httpx.Response(
        400,
        json={"error": "invalid_grant", "error_description": f"bad {request.content.decode()}"},
    )
