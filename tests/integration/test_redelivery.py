"""Konnekta's deliveries across lost answers and killed runs (issue "Hardening the connection").

One lost answer must not stop the events (item 1).

Konnekta (here the simulator's webhook sender) posts through a proxy to the listener. The proxy
loses its answer to one delivery: the listener took the event, the sender never hears so, and
delivers the same webhook-id again before anything else. That redelivery was refused with 409,
so the sender kept retrying it and every later event waited behind it for good.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest
from aiohttp import web

from konnekta_desktop.core.connector import Connector
from konnekta_desktop.core.session import Session
from konnekta_desktop.core.store import Store
from konnekta_desktop.domain import Availability
from konnekta_desktop.listener.server import WEBHOOK_PATH
from konnekta_desktop.simulator.server import Simulator
from tests.helpers.konnekta import config_for, until


class LosingProxy:
    """Forwards each delivery to the listener; drops the answer to the `lose`-th one (the
    listener has the event by then) by closing the sender's connection unanswered."""

    def __init__(self, lose: int) -> None:
        self.lose = lose
        self.seen = 0
        self.target = ""
        self.ids: list[str] = []
        self._runner: web.AppRunner | None = None
        self._client: aiohttp.ClientSession | None = None
        self.url = ""

    async def start(self) -> None:
        app = web.Application()
        app.router.add_post(WEBHOOK_PATH, self._forward)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = self._runner.addresses[0][1]
        self.url = f"http://127.0.0.1:{port}{WEBHOOK_PATH}"
        self._client = aiohttp.ClientSession()

    async def close(self) -> None:
        if self._client is not None:
            await self._client.close()
        if self._runner is not None:
            await self._runner.cleanup()

    async def _forward(self, request: web.Request) -> web.StreamResponse:
        assert self._client is not None
        body = await request.read()
        headers = {k: v for k, v in request.headers.items() if k.lower().startswith("webhook-")}
        headers["Content-Type"] = request.headers["Content-Type"]
        self.ids.append(headers["webhook-id"])
        async with self._client.post(self.target, data=body, headers=headers) as answer:
            status = answer.status
        self.seen += 1
        if self.seen == self.lose:
            assert request.transport is not None
            request.transport.close()  # the answer is lost on the way back
        return web.Response(status=status)


@pytest.fixture
async def simulator() -> AsyncIterator[Simulator]:
    async with Simulator(users=10, seed=3) as sim:
        yield sim


async def test_a_lost_answer_is_redelivered_acknowledged_and_the_events_behind_it_arrive(
    simulator: Simulator,
) -> None:
    proxy = LosingProxy(lose=1)
    await proxy.start()
    connector = Connector(config_for(simulator, webhook_address=proxy.url))
    try:
        await connector.start()
        await connector.wait_connected()
        assert connector.listener is not None
        proxy.target = f"http://127.0.0.1:{connector.listener.port}{WEBHOOK_PATH}"
        users = list(simulator.tenant.users)[:3]
        activity = simulator.tenant.activities[1].id
        for user_id in users:
            await simulator.set_presence(user_id, activity, Availability.UNAVAILABLE)

        def all_arrived() -> bool:
            return all(
                (colleague := connector.model.get(user_id)) is not None
                and colleague.activity_id == activity
                for user_id in users
            )

        await until(connector.model, all_arrived)
        listener = connector.listener.listener
        assert listener.stats.redelivered == 1  # the first event, delivered twice
        assert proxy.ids[0] == proxy.ids[1]
        assert listener.stats.accepted == len(users)  # and applied once
    finally:
        await connector.close()
        await proxy.close()


async def test_a_subscription_left_by_a_killed_run_is_removed_at_the_next_start(
    simulator: Simulator, tmp_path: Path
) -> None:
    """Hardening the connection, item 5: after a kill, the previous subscription kept delivering
    (each refused with 401, its secret gone) for up to an hour. Its id is kept in the store, and
    the next start removes it before subscribing."""
    store_path = tmp_path / "store.sqlite3"
    first = Session(config_for(simulator), Store(store_path))
    await first.start()
    await first.wait_connected()
    left = first.connector.subscription_id
    assert left is not None
    # Killed: nothing is unsubscribed (the subscription id is forgotten before the close).
    first.connector.subscription_id = None
    await first.close()
    assert [s.id for s in simulator.webhooks.subscriptions()] == [left]

    second = Session(config_for(simulator), Store(store_path))
    try:
        await second.start()
        await second.wait_connected()
        now = second.connector.subscription_id
        assert [s.id for s in simulator.webhooks.subscriptions()] == [now]
        assert any(
            c.method == "DELETE" and c.path == f"/webhooks/{left}" for c in simulator.received
        )
    finally:
        await second.close()
    assert simulator.webhooks.subscriptions() == []  # a clean close removes it and forgets it
    with Store(store_path) as store:
        assert store.fact("webhook_subscription") is None
