"""The HTTP edge over real loopback sockets: TLS is verified, failures name the address, and plain
http works only towards this computer.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiohttp import web
from konnekta_fakes import CLIENT_ID, CLIENT_SECRET, PASSWORD, USERNAME

from konnekta_desktop.konnekta.auth import ISSUER_URI, KonnektaAuth
from konnekta_desktop.konnekta.errors import ConfigurationError, ConnectionFailed
from konnekta_desktop.konnekta.http import is_loopback, make_http_client, require_secure_url
from tests.helpers.ports import free_port
from tests.helpers.tls import untrusted_tls_server


@pytest.fixture
async def untrusted_tls_port(tmp_path: Path) -> AsyncIterator[int]:
    async with untrusted_tls_server(tmp_path) as port:
        yield port


async def test_untrusted_certificate_is_refused_and_reported_as_tls(
    untrusted_tls_port: int,
) -> None:
    issuer = f"https://127.0.0.1:{untrusted_tls_port}/auth/realms/acme"
    async with make_http_client(timeout=5) as http:
        auth = KonnektaAuth(issuer, CLIENT_ID, CLIENT_SECRET, USERNAME, PASSWORD, http=http)
        with pytest.raises(ConnectionFailed) as caught:
            await auth.access_token()

    error = caught.value
    assert error.tls
    assert error.address == f"127.0.0.1:{untrusted_tls_port}"
    assert error.setting == ISSUER_URI
    assert "certificate" in str(error)


async def test_refused_connection_names_the_address() -> None:
    port = free_port()  # nothing listens there: refused
    async with make_http_client(timeout=5) as http:
        auth = KonnektaAuth(
            f"http://127.0.0.1:{port}/auth/realms/acme",
            CLIENT_ID,
            CLIENT_SECRET,
            USERNAME,
            PASSWORD,
            http=http,
        )
        with pytest.raises(ConnectionFailed) as caught:
            await auth.access_token()

    assert not caught.value.tls
    assert f"127.0.0.1:{port}" in str(caught.value)
    assert "refused" in str(caught.value)


async def test_plain_http_login_works_against_a_server_on_this_computer() -> None:
    async def discovery(request: web.Request) -> web.Response:
        return web.json_response({"token_endpoint": f"{request.url.origin()}/token"})

    async def token(request: web.Request) -> web.Response:
        form = await request.post()
        if form.get("password") != PASSWORD:
            return web.json_response({"error": "invalid_grant"}, status=400)
        return web.json_response(
            {"access_token": "loopback-token", "expires_in": 60, "token_type": "bearer"}
        )

    app = web.Application()
    app.router.add_get("/auth/realms/acme/.well-known/openid-configuration", discovery)
    app.router.add_post("/token", token)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    try:
        port = runner.addresses[0][1]
        async with make_http_client(timeout=5) as http:
            auth = KonnektaAuth(
                f"http://localhost:{port}/auth/realms/acme",
                CLIENT_ID,
                CLIENT_SECRET,
                USERNAME,
                PASSWORD,
                http=http,
            )
            assert await auth.access_token() == "loopback-token"
    finally:
        await runner.cleanup()


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("localhost", True),
        ("127.0.0.1", True),
        ("127.8.9.10", True),
        ("::1", True),
        ("konnekta.example", False),
        ("10.0.0.1", False),
        ("localhost.example.com", False),
    ],
)
def test_only_this_computer_counts_as_loopback(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_https_address_is_accepted_as_is() -> None:
    url = require_secure_url(" https://konnekta.example/auth/realms/acme ", setting=ISSUER_URI)
    assert str(url) == "https://konnekta.example/auth/realms/acme"


def test_plain_http_refusal_says_what_to_do() -> None:
    with pytest.raises(ConfigurationError) as caught:
        require_secure_url("http://konnekta.example/auth/realms/acme", setting=ISSUER_URI)
    assert "unencrypted" in str(caught.value)
    assert "https://" in str(caught.value)
