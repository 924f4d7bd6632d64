"""A company connector running in the test's loop: `serve_connector` with --demo's simulator,
the client API on a free loopback port, and the update window on a clock the test moves."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from konnekta_desktop.core.clock import ManualClock
from konnekta_desktop.core.session import Session
from konnekta_desktop.domain.interface import Role, Update
from konnekta_desktop.remote.server import ClientApi
from konnekta_desktop.remote.service import ServerOptions, serve_connector
from konnekta_desktop.runtime import LaunchOptions
from konnekta_desktop.simulator.server import Simulator
from tests.remote.wsclient import WAIT, Client


@dataclass
class Running:
    api: ClientApi
    session: Session
    simulator: Simulator
    clock: ManualClock
    stop: asyncio.Event
    run: asyncio.Task[int]
    token: str  # an administrator's device token: the operator of the demo's settings

    def client(self, token: str | None = None) -> Client:
        return Client(self.api.client_url, self.token if token is None else token)

    def enrolled(self, username: str, role: Role = Role.OPERATOR) -> str:
        """A device token for a new operator `username`."""
        invitation = self.api.operators.invite(username, role)
        token, _operator = self.api.operators.enrol(invitation.code, "test desktop")
        return token

    async def published(self, wanted: Callable[[Update], bool]) -> Update:
        """The next update the session publishes for which `wanted` is true."""
        found: asyncio.Future[Update] = asyncio.get_running_loop().create_future()

        def check(update: Update) -> None:
            if wanted(update) and not found.done():
                found.set_result(update)

        unsubscribe = self.session.subscribe(check)
        try:
            return await asyncio.wait_for(found, WAIT)
        finally:
            unsubscribe()


@pytest.fixture
async def connector(tmp_path: Path, restore_logging: None) -> AsyncIterator[Running]:
    clock = ManualClock()
    stop = asyncio.Event()
    ready: asyncio.Future[tuple[ClientApi, Session]] = asyncio.get_running_loop().create_future()

    def on_ready(api: ClientApi, session: Session) -> None:
        assert session.simulator is not None
        session.simulator.set_auto_traffic(False)  # the tests make every change themselves
        ready.set_result((api, session))

    options = ServerOptions(
        launch=LaunchOptions(demo=True, config_dir=tmp_path, users=20, seed=4), port=0
    )
    run = asyncio.create_task(serve_connector(options, stop, on_ready, clock=clock))
    api, session = await asyncio.wait_for(ready, WAIT)
    await asyncio.wait_for(session.wait_connected(), WAIT)
    assert session.simulator is not None
    await session.simulator.delivered()
    running = Running(api, session, session.simulator, clock, stop, run, "")
    running.token = running.enrolled(session.operator_user, Role.ADMINISTRATOR)
    try:
        yield running
    finally:
        stop.set()
        assert await asyncio.wait_for(run, 30) == 0
