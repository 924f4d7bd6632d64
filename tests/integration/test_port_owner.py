"""A busy Listener Port is said to be held by another konnekta-desktop when it is (Hardening on the
desktop, item 6: a second headless instance was reported as "another program")."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator

import pytest

from konnekta_desktop.core.port_owner import another_switchboard_listens
from konnekta_desktop.konnekta.http import make_http_client
from konnekta_desktop.konnekta.transport import HttpClient
from konnekta_desktop.listener import ListenerThread


@pytest.fixture
async def http() -> AsyncIterator[HttpClient]:
    client = make_http_client()
    yield client
    await client.aclose()


async def test_a_port_held_by_our_own_listener_is_told_apart(http: HttpClient) -> None:
    thread = ListenerThread("127.0.0.1", 0, lambda _batch: None, asyncio.get_running_loop())
    thread.start()
    try:
        port = thread.addresses[0][1]
        assert await another_switchboard_listens(http, "127.0.0.1", port)
        assert await another_switchboard_listens(http, "0.0.0.0", port)
    finally:
        await asyncio.to_thread(thread.stop)


async def test_a_port_held_by_another_program_is_not_ours(http: HttpClient) -> None:
    with socket.socket() as holder:  # listens, never answers HTTP
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        assert not await another_switchboard_listens(http, "127.0.0.1", holder.getsockname()[1])
