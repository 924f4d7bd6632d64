"""Fixtures for the simulator tests: an injected clock, a simulator on loopback, a logged-in client
and a webhook receiver that checks every signature."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from aiohttp import web

from konnekta_desktop.konnekta import signing
from konnekta_desktop.konnekta.events import KnownEvent, UnknownEvent, parse_event
from konnekta_desktop.simulator import Simulator

START = 1_760_000_000.0


class FakeClock:
    def __init__(self, now: float = START) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class Api:
    """A logged-in SMG client (bearer token) for the simulator."""

    def __init__(self, sim: Simulator, client: httpx.AsyncClient, token: str) -> None:
        self.sim = sim
        self.client = client
        self.token = token

    async def request(self, method: str, path: str, body: Any = None) -> httpx.Response:
        return await self.client.request(
            method,
            self.sim.smg_address + path,
            json=body,
            headers={"Authorization": f"Bearer {self.token}"},
        )


class WebhookReceiver:
    """A tiny listener: verifies each signature with the sim's clock and keeps the events."""

    def __init__(self, clock: FakeClock) -> None:
        self.secret = signing.new_secret()
        self._verifier = signing.Verifier(self.secret)
        self._clock = clock
        self.events: list[KnownEvent] = []
        self.ids: list[str] = []
        self.attempts = 0
        self.fail_next = 0  # answer 500 this many times
        self._runner: web.AppRunner | None = None
        self.url = ""

    async def _handle(self, request: web.Request) -> web.Response:
        self.attempts += 1
        if self.fail_next > 0:
            self.fail_next -= 1
            return web.Response(status=500)
        body = await request.read()
        self._verifier.verify(
            request.headers.get("webhook-id"),
            request.headers.get("webhook-timestamp"),
            request.headers.get("webhook-signature"),
            body,
            now=self._clock(),
        )
        event = parse_event(body)
        assert not isinstance(event, UnknownEvent), event
        self.events.append(event)
        self.ids.append(request.headers["webhook-id"])
        return web.Response(status=204)

    async def start(self) -> None:
        app = web.Application()
        app.router.add_post("/events", self._handle)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.url = f"http://127.0.0.1:{self._runner.addresses[0][1]}/events"

    async def close(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    def types(self) -> list[str]:
        return [type(e).__struct_config__.tag for e in self.events]  # type: ignore[misc]


async def login(sim: Simulator, client: httpx.AsyncClient) -> dict[str, Any]:
    response = await client.post(
        f"{sim.issuer_uri}/protocol/openid-connect/token",
        data={"grant_type": "password", "username": sim.username, "password": sim.password},
        auth=(sim.client_id, sim.client_secret),
    )
    assert response.status_code == 200, response.text
    tokens: dict[str, Any] = response.json()
    return tokens


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
async def sim(clock: FakeClock) -> AsyncIterator[Simulator]:
    simulator = Simulator(
        users=30, seed=7, clock=clock, webhook_retry_delay=0.01, webhook_max_retry_delay=0.05
    )
    await simulator.start()
    yield simulator
    await simulator.close()


@pytest.fixture
async def client() -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(timeout=10) as http:
        yield http


@pytest.fixture
async def api(sim: Simulator, client: httpx.AsyncClient) -> Api:
    tokens = await login(sim, client)
    return Api(sim, client, tokens["access_token"])


@pytest.fixture
async def receiver(clock: FakeClock, api: Api) -> AsyncIterator[WebhookReceiver]:
    listener = WebhookReceiver(clock)
    await listener.start()
    response = await api.request(
        "POST", "/webhooks", {"url": listener.url, "secret": listener.secret}
    )
    assert response.status_code == 201, response.text
    yield listener
    await listener.close()
