"""Frames the connector cannot use get an `error` with a code; the connection stays usable and
the connector lives on."""

from __future__ import annotations

import aiohttp
import pytest

from konnekta_desktop.domain.refusals import Reason
from konnekta_desktop.remote.frames import read_frame
from konnekta_desktop.remote.protocol import (
    MAX_FRAME,
    CommandRequest,
    CommandResult,
    ErrorMessage,
    Hello,
    Snapshot,
    domain_why,
)
from tests.remote.conftest import Running
from tests.remote.wsclient import Client


def said(error: ErrorMessage) -> tuple[Reason, dict[str, str]]:
    found = domain_why(error.why)
    assert found is not None
    return found.reason, found.params


async def still_usable(client: Client, connector: Running) -> None:
    user_id = next(iter(connector.session.colleagues)).id
    answer = await client.command("caller_ids", {"user_id": user_id})
    assert isinstance(answer, CommandResult)


BAD_FRAMES = [
    pytest.param("this is not json", Reason.MESSAGE_NOT_JSON, {}, None, id="not-json"),
    pytest.param('{"type": "hello", ', Reason.MESSAGE_NOT_JSON, {}, None, id="cut-off"),
    pytest.param(
        '{"type": "subscribe", "request_id": "r1"}',
        Reason.MESSAGE_TYPE_UNKNOWN,
        {"type": "subscribe"},
        "r1",
        id="unknown-type",
    ),
    pytest.param('["hello"]', Reason.MESSAGE_FIELDS_WRONG, None, None, id="not-an-object"),
    pytest.param('{"protocol": "1.0"}', Reason.MESSAGE_FIELDS_WRONG, None, None, id="no-type"),
    pytest.param(
        '{"type": "command", "request_id": 5, "name": "dial"}',
        Reason.MESSAGE_FIELDS_WRONG,
        None,
        None,
        id="id-not-text",
    ),
    pytest.param(
        '{"type": "command", "request_id": "r2", "name": ["dial"]}',
        Reason.MESSAGE_FIELDS_WRONG,
        None,
        "r2",
        id="name-not-text",
    ),
    pytest.param(
        '{"type": "command", "request_id": "", "name": "dial"}',
        Reason.MESSAGE_FIELDS_WRONG,
        None,
        None,
        id="empty-id",
    ),
]


@pytest.mark.parametrize(("text", "reason", "params", "request_id"), BAD_FRAMES)
async def test_a_bad_frame_gets_an_error_and_the_connection_stays_usable(
    connector: Running,
    text: str,
    reason: Reason,
    params: dict[str, str] | None,
    request_id: str | None,
) -> None:
    async with connector.client() as client:
        await client.hello()
        await client.expect(Snapshot)
        await client.send_text(text)
        error = await client.wait_for(lambda m: isinstance(m, ErrorMessage))
        await still_usable(client, connector)
    found, found_params = said(error)
    assert found is reason
    if params is not None:
        assert found_params == params
    assert error.request_id == request_id


async def test_an_oversized_frame_gets_an_error_naming_the_limit(connector: Running) -> None:
    async with connector.client() as client:
        await client.hello()
        await client.expect(Snapshot)
        padding = "x" * MAX_FRAME
        await client.send_text(f'{{"type": "command", "request_id": "big", "name": "{padding}"}}')
        error = await client.wait_for(lambda m: isinstance(m, ErrorMessage))
        await still_usable(client, connector)
    reason, params = said(error)
    assert reason is Reason.MESSAGE_TOO_LARGE
    assert params["most"] == str(MAX_FRAME)
    assert int(params["size"]) > MAX_FRAME


async def test_a_binary_frame_gets_an_error(connector: Running) -> None:
    async with connector.client() as client:
        await client.hello()
        await client.expect(Snapshot)
        await client.send_binary(b'{"type": "hello", "protocol": "1.0", "client": "x"}')
        error = await client.wait_for(lambda m: isinstance(m, ErrorMessage))
        await still_usable(client, connector)
    assert said(error)[0] is Reason.MESSAGE_NOT_JSON


async def test_messages_out_of_turn_get_an_error(connector: Running) -> None:
    async with connector.client() as client:
        await client.send(CommandRequest(request_id="early", name="activities"))
        early = await client.expect(ErrorMessage)
        await client.hello()  # the connection still takes its hello
        await client.expect(Snapshot)
        await client.send(Hello(protocol="1.0", client="tests"))
        twice = await client.wait_for(lambda m: isinstance(m, ErrorMessage))
        await still_usable(client, connector)
    assert said(early) == (Reason.MESSAGE_OUT_OF_TURN, {"type": "command"})
    assert early.request_id == "early"
    assert said(twice) == (Reason.MESSAGE_OUT_OF_TURN, {"type": "hello"})


async def test_the_connector_lives_on_after_bad_clients(connector: Running) -> None:
    for text in ("\x00\xff", "{}", '{"type": null}', "[" * 10_000):
        async with connector.client() as client:
            await client.send_text(text)
            await client.expect(ErrorMessage)
    async with aiohttp.ClientSession() as http, http.get(connector.api.health_url) as response:
        assert response.status == 200
    async with connector.client() as client:
        await client.hello()
        await client.expect(Snapshot)
        await still_usable(client, connector)


def test_reading_a_frame_quotes_a_clients_text_only_cut_short() -> None:
    error = read_frame(b'{"type": "' + b"y" * 5000 + b'"}')
    assert isinstance(error, ErrorMessage)
    reason, params = said(error)
    assert reason is Reason.MESSAGE_TYPE_UNKNOWN
    assert len(params["type"]) <= 201
