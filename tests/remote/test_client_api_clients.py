"""Clients coming and going: the first attaches the session's switchboard client (wrap-ups run),
the last detaches it; users added or removed reset the colleague list; a silent client is closed."""

from __future__ import annotations

import asyncio

import pytest

from konnekta_desktop.remote.connection import ClientConnection
from konnekta_desktop.remote.protocol import CLOSE_NO_HELLO, Snapshot
from konnekta_desktop.remote.server import ClientApi
from tests.remote.conftest import Running
from tests.remote.wsclient import WAIT, Client


async def left(connector: Running, clients: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Wait until the connector counts `clients` clients (it notices a close a moment later)."""
    api = connector.api
    if api.clients == clients:
        return
    gone = asyncio.Event()
    leave = api.leave

    def counting(connection: ClientConnection) -> None:
        leave(connection)
        if api.clients == clients:
            gone.set()

    with monkeypatch.context() as patch:
        patch.setattr(api, "leave", counting)
        await asyncio.wait_for(gone.wait(), WAIT)


async def test_the_first_client_attaches_and_the_last_detaches(
    connector: Running, monkeypatch: pytest.MonkeyPatch
) -> None:
    clients = connector.session.clients
    assert not clients.attached  # like --headless until a desktop is here
    async with connector.client() as first:
        await first.hello()
        await first.expect(Snapshot)
        assert clients.attached
        async with connector.client() as second:
            await second.hello()
            await second.expect(Snapshot)
        await left(connector, 1, monkeypatch)
        assert clients.attached
    await left(connector, 0, monkeypatch)
    assert not clients.attached


async def test_a_user_added_resets_the_list_with_everyone(connector: Running) -> None:
    async with connector.client() as client:
        await client.hello()
        snapshot = await client.expect(Snapshot)
        user = await connector.simulator.add_user("Åse Østergaard", department="Salg")
        reset = await client.update_where(lambda u: u.reset)
        await connector.simulator.remove_user(user.id)
        removed = await client.update_where(lambda u: u.reset and u.seq > reset.seq)
    ids = [c.user.id for c in reset.colleagues]
    assert set(ids) == {c.user.id for c in snapshot.colleagues} | {user.id}
    assert ids[-1] == user.id  # Å sorts last in a Danish list
    assert reset.activities == snapshot.activities
    assert user.id not in {c.user.id for c in removed.colleagues}


async def test_a_client_that_never_says_hello_is_closed(connector: Running) -> None:
    api = ClientApi(port=0, hello_timeout=0.2)
    await api.start()
    api.attach(connector.session, connector.api.operators)
    try:
        async with Client(api.client_url, connector.token) as client:
            assert await client.closed() == CLOSE_NO_HELLO
    finally:
        await api.close()
