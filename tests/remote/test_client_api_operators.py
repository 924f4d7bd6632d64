"""Company connector, issue "Company connector" item 3 (operators and rights) and item 5
(transport security), against a running connector on a real port: enrolment over HTTP, device
tokens on the upgrade, the Origin check, revocation closing an open stream, a wrap-up completed
only by its own operator, the audit, and TLS from certificate files.

The OS trust store is the one edge mocked: a test cannot add its certificate authority to the
machine's, so the desktop's `client_tls` is given a context that trusts the test's certificate."""

from __future__ import annotations

import asyncio
import os
import ssl
from pathlib import Path

import aiohttp
import msgspec
import pytest

from konnekta_desktop.domain.interface import Role
from konnekta_desktop.domain.refusals import Reason, WentWrong
from konnekta_desktop.domain.types import Direction
from konnekta_desktop.domain.wrapups import WrapUpSession
from konnekta_desktop.remote import device
from konnekta_desktop.remote.enrolment import PER_ADDRESS, WINDOW
from konnekta_desktop.remote.protocol import CLOSE_REVOKED, CommandRefused, ErrorMessage, Snapshot
from konnekta_desktop.remote.remote_session import RemoteSession
from konnekta_desktop.remote.server import ClientApi
from konnekta_desktop.remote.tls import ServerTls
from tests.helpers.tls import self_signed_server_context
from tests.remote.conftest import Running
from tests.remote.wsclient import WAIT, Client


async def upgrade_status(url: str, headers: dict[str, str]) -> tuple[int, dict[str, object]]:
    """The HTTP status of a WebSocket upgrade refused before it is made, and its JSON body."""
    async with aiohttp.ClientSession() as http:
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await http.ws_connect(url, headers=headers)
        status = refused.value.status
        async with http.get(url, headers=headers) as answer:  # the same refusal, body included
            return status, await answer.json()


async def post_enrol(
    base_url: str, body: object, headers: dict[str, str] | None = None
) -> tuple[int, dict[str, object], str | None]:
    async with (
        aiohttp.ClientSession() as http,
        http.post(f"{base_url}/enrol", json=body, headers=headers) as answer,
    ):
        return answer.status, await answer.json(), answer.headers.get("Retry-After")


# -- tokens on the upgrade ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "authorization",
    ["", "Bearer ", "Bearer not-a-token", "Basic dXNlcjpwYXNz", "bearer" + "x" * 5000],
)
async def test_an_upgrade_without_a_valid_device_token_is_refused_with_401(
    connector: Running, authorization: str
) -> None:
    headers = {"Authorization": authorization} if authorization else {}
    status, body = await upgrade_status(connector.api.client_url, headers)
    assert status == 401
    assert body["why"] == {
        "code": "client_token_refused",
        "params": {"address": connector.api.base_url},
        "cause": None,
    }
    assert connector.api.clients == 0


async def test_an_upgrade_from_a_web_page_is_refused_unless_its_origin_is_allowed(
    connector: Running,
) -> None:
    headers = {"Authorization": f"Bearer {connector.token}", "Origin": "https://evil.example"}
    status, body = await upgrade_status(connector.api.client_url, headers)
    assert status == 403
    assert body["why"]["code"] == "origin_refused"  # type: ignore[index]

    connector.api.origins = frozenset({"https://switchboard.example"})
    async with aiohttp.ClientSession() as http:
        allowed = {**headers, "Origin": "https://switchboard.example"}
        async with http.ws_connect(connector.api.client_url, headers=allowed) as ws:
            assert not ws.closed


# -- enrolment ------------------------------------------------------------------------------------


async def test_a_code_is_exchanged_once_for_a_token_that_opens_the_stream(
    connector: Running,
) -> None:
    invitation = connector.api.operators.invite("anna@example.dk", Role.OPERATOR)
    typed = invitation.code.lower().replace("-", " ")  # as a person may type it
    status, answer, _ = await post_enrol(connector.api.base_url, {"code": typed, "device": "PC-7"})
    assert status == 200
    assert answer["username"] == "anna@example.dk"
    assert answer["role"] == "operator"
    token = answer["token"]
    assert isinstance(token, str)
    assert len(token) >= 43

    again, refusal, _ = await post_enrol(connector.api.base_url, {"code": invitation.code})
    assert (again, refusal["why"]["code"]) == (403, "enrolment_code_wrong")  # type: ignore[index]

    async with Client(connector.api.client_url, token) as client:
        await client.hello()
        snapshot = await client.expect(Snapshot)
        assert snapshot.operator_user == "anna@example.dk"
        assert snapshot.role is Role.OPERATOR
    [listed] = [o for o in connector.api.operators.all() if o.username == "anna@example.dk"]
    assert (listed.state, listed.device) == ("enrolled", "PC-7")


async def test_a_code_past_its_time_is_refused_as_expired(connector: Running) -> None:
    invitation = connector.api.operators.invite("bo@example.dk", Role.OPERATOR, hours=1)
    connector.clock.advance(3601)
    status, refusal, _ = await post_enrol(connector.api.base_url, {"code": invitation.code})
    assert (status, refusal["why"]["code"]) == (403, "enrolment_code_expired")  # type: ignore[index]


async def test_wrong_codes_are_limited_per_address_then_allowed_again_after_the_window(
    connector: Running,
) -> None:
    invitation = connector.api.operators.invite("cy@example.dk", Role.OPERATOR)
    for _ in range(PER_ADDRESS):
        status, _, _ = await post_enrol(connector.api.base_url, {"code": "AAAA-BBBB"})
        assert status == 403
    status, refusal, retry_after = await post_enrol(
        connector.api.base_url, {"code": invitation.code}
    )
    assert (status, refusal["why"]["code"]) == (429, "enrolment_too_many_tries")  # type: ignore[index]
    assert retry_after is not None
    assert 0 < int(retry_after) <= WINDOW
    connector.clock.advance(WINDOW)
    status, _, _ = await post_enrol(connector.api.base_url, {"code": invitation.code})
    assert status == 200  # the right code still works once the window has passed


async def test_behind_a_proxy_the_limit_is_per_forwarded_address(connector: Running) -> None:
    connector.api.behind_proxy = True
    first = {"X-Forwarded-For": "198.51.100.9, 203.0.113.1"}  # the proxy appended the last
    for _ in range(PER_ADDRESS):
        status, _, _ = await post_enrol(connector.api.base_url, {"code": "AAAA"}, first)
        assert status == 403
    status, _, _ = await post_enrol(connector.api.base_url, {"code": "AAAA"}, first)
    assert status == 429
    other = {"X-Forwarded-For": "198.51.100.9, 203.0.113.2"}
    status, _, _ = await post_enrol(connector.api.base_url, {"code": "AAAA"}, other)
    assert status == 403  # another desktop behind the same proxy is not held up


@pytest.mark.parametrize(
    "body",
    [b"", b"{", b"[]", b'{"code": 5}', b'{"code": ""}', b'{"code": "' + b"A" * 5000 + b'"}'],
)
async def test_a_malformed_enrolment_is_refused_with_400(connector: Running, body: bytes) -> None:
    async with (
        aiohttp.ClientSession() as http,
        http.post(f"{connector.api.base_url}/enrol", data=body) as answer,
    ):
        assert answer.status == 400
        assert (await answer.json())["why"]["code"] == "message_fields_wrong"


# -- revocation, rights and the audit -------------------------------------------------------------


async def test_revoking_an_operator_closes_their_open_stream_and_refuses_their_token(
    connector: Running,
) -> None:
    token = connector.enrolled("dora@example.dk")
    async with Client(connector.api.client_url, token) as client:
        await client.hello()
        await client.expect(Snapshot)
        [revoked] = connector.api.operators.revoke("dora@example.dk")
        assert revoked.state == "revoked"
        assert connector.api.check_operators() == 1  # what the connector's watch does every 2 s
        assert await client.closed() == CLOSE_REVOKED
        error = next(m for m in client.received if isinstance(m, ErrorMessage))
        assert error.why.code == "client_token_refused"
    status, _ = await upgrade_status(connector.api.client_url, {"Authorization": f"Bearer {token}"})
    assert status == 401


async def test_a_wrap_up_is_completed_only_by_its_own_operator_and_every_command_is_audited(
    connector: Running,
) -> None:
    colleagues = [c for c in connector.session.colleagues if c.user.username]
    other = next(c for c in colleagues if c.user.username != connector.session.operator_user)
    wrapup = WrapUpSession(
        call_id="call-1",
        user_id=other.id,
        direction=Direction.INBOUND,
        caller="+4570000000",
        called="100",
        queue=None,
        started=1.0,
        ended=2.0,
    )
    arguments = {"wrapup": msgspec.to_builtins(wrapup), "note": "n"}
    async with connector.client() as client:
        await client.hello()
        answer = await client.command("complete_wrapup", arguments)
    assert isinstance(answer, CommandRefused)
    assert answer.why.code == "wrapup_not_yours"
    assert answer.why.params == {"user": other.id}

    async with Client(connector.api.client_url, connector.enrolled(other.user.username)) as own:
        await own.hello()
        answer = await own.command("complete_wrapup", arguments)
    assert not (isinstance(answer, CommandRefused) and answer.why.code == "wrapup_not_yours")

    entries = [e for e in connector.api.operators.audit() if e.command == "complete_wrapup"]
    assert [e.username for e in entries] == [connector.session.operator_user, other.user.username]
    assert entries[0].outcome == "wrapup_not_yours"
    assert '"call_id": "call-1"' in entries[0].arguments


# -- TLS ------------------------------------------------------------------------------------------


async def test_a_desktop_reaches_a_connector_over_tls_that_it_verifies(
    connector: Running, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    self_signed_server_context(tmp_path)  # writes cert.pem and key.pem
    tls = ServerTls(tmp_path / "cert.pem", tmp_path / "key.pem")
    api = ClientApi("127.0.0.1", 0, tls=tls)
    await api.start()
    api.attach(connector.session, connector.api.operators)
    try:
        assert api.client_url.startswith("wss://127.0.0.1:")
        # Not trusted (the machine's store does not know the test's certificate): refused.
        with pytest.raises(WentWrong) as unverified:
            await device.enrol(api.client_url, "AAAA")
        assert unverified.value.why.reason is Reason.CONNECTOR_UNREACHABLE
        assert "certificate" in unverified.value.why.params["detail"].lower()

        trusted = ssl.create_default_context(cafile=tmp_path / "cert.pem")
        monkeypatch.setattr(device, "client_tls", lambda: trusted)
        remote = RemoteSession(api.base_url, token=connector.token)
        await remote.start()
        try:
            await _connected(remote)
            assert len(remote.colleagues) == len(connector.session.colleagues)
        finally:
            await remote.close()
    finally:
        await api.close()


async def _connected(remote: RemoteSession) -> None:
    await asyncio.wait_for(remote.wait_connected(), WAIT)


def test_a_renewed_certificate_is_served_without_a_restart(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    self_signed_server_context(first)
    self_signed_server_context(second)
    live = tmp_path / "live"
    live.mkdir()
    for name in ("cert.pem", "key.pem"):
        (live / name).write_bytes((first / name).read_bytes())
    tls = ServerTls(live / "cert.pem", live / "key.pem")
    assert not tls.reload_if_changed()

    (live / "cert.pem").write_text("half written")
    assert not tls.reload_if_changed()  # kept the old one; logged
    for name in ("cert.pem", "key.pem"):
        (live / name).write_bytes((second / name).read_bytes())
    os.utime(live / "cert.pem", ns=(1, 10**18))  # a clearly new time, whatever the file system
    assert tls.reload_if_changed()


def test_a_pair_that_does_not_load_is_refused_naming_both_files(tmp_path: Path) -> None:
    (tmp_path / "cert.pem").write_text("not a certificate")
    (tmp_path / "key.pem").write_text("not a key")
    with pytest.raises(WentWrong) as refused:
        ServerTls(tmp_path / "cert.pem", tmp_path / "key.pem")
    assert refused.value.why.reason is Reason.TLS_FILES_UNUSABLE
    assert refused.value.why.params["cert"] == str(tmp_path / "cert.pem")


async def test_no_code_or_token_is_left_in_any_file_of_the_connector(
    connector: Running, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """The secrets audit of item 5 over the connector's folder (settings, store, logs)."""
    invitation = connector.api.operators.invite("eva@example.dk", Role.OPERATOR)
    status, answer, _ = await post_enrol(connector.api.base_url, {"code": invitation.code})
    assert status == 200
    token = str(answer["token"])
    async with Client(connector.api.client_url, token) as client:
        await client.hello()
        await client.expect(Snapshot)
        await client.command("caller_ids", {"user_id": "nobody"})
    await upgrade_status(connector.api.client_url, {"Authorization": f"Bearer {token}x"})
    connector.api.operators.revoke("eva@example.dk")
    secrets = [invitation.code, invitation.code.replace("-", ""), token, connector.token]
    files = [path for path in tmp_path.rglob("*") if path.is_file()]
    assert any(path.suffix == ".log" for path in files)
    for path in files:
        content = path.read_bytes()
        for secret in secrets:
            assert secret.encode() not in content, f"{secret[:4]}… in {path}"
    for secret in secrets:
        assert secret not in caplog.text


async def test_a_flood_of_connections_with_and_without_tokens_leaves_it_serving(
    connector: Running,
) -> None:
    """Fuzzing's "many connections": 150 upgrades without a token and 30 with one at once; every
    refusal is a 401, no 5xx, and afterwards a desktop still connects and /health answers."""

    async def without(http: aiohttp.ClientSession) -> int:
        async with http.get(connector.api.client_url.replace("ws://", "http://", 1)) as answer:
            return answer.status

    async def with_token() -> Client:
        client = Client(connector.api.client_url, connector.token)
        await client.open()
        await client.hello()
        return client

    async with aiohttp.ClientSession() as http:
        statuses = await asyncio.gather(*(without(http) for _ in range(150)))
        clients = await asyncio.gather(*(with_token() for _ in range(30)))
        assert set(statuses) == {401}
        assert connector.api.clients == 30
        await asyncio.gather(*(client.close() for client in clients))
        async with http.get(connector.api.health_url) as health:
            assert health.status == 200
    async with connector.client() as client:
        await client.hello()
        await client.expect(Snapshot)
