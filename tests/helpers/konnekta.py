"""Helpers for tests that run the core against the simulator over real loopback HTTP."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from konnekta_desktop.core.config import ConnectorConfig
from konnekta_desktop.core.connector import Connector
from konnekta_desktop.core.model import LiveModel
from konnekta_desktop.domain.status import ConnectionStatus
from konnekta_desktop.simulator.server import Simulator


def config_for(simulator: Simulator, **overrides: object) -> ConnectorConfig:
    """A connector configuration pointing at `simulator`, listening on a free loopback port."""
    values: dict[str, object] = {
        "issuer_uri": simulator.issuer_uri,
        "smg_address": simulator.smg_address,
        "client_id": simulator.client_id,
        "client_secret": simulator.client_secret,
        "user": simulator.username,
        "password": simulator.password,
        "listener_port": 0,
        "health_interval": 3600.0,
    }
    values.update(overrides)
    return ConnectorConfig(**values)  # type: ignore[arg-type]


async def until(model: LiveModel, condition: Callable[[], bool], within: float = 10.0) -> None:
    """Wait, without polling, until a model change makes `condition` true."""
    if condition():
        return
    reached = asyncio.Event()

    def check(_change: object) -> None:
        if condition():
            reached.set()

    unsubscribe = model.subscribe(check)
    try:
        await asyncio.wait_for(reached.wait(), within)
    finally:
        unsubscribe()


async def status_where(
    connector: Connector, wanted: Callable[[ConnectionStatus], bool]
) -> ConnectionStatus:
    """The first status (now or later) for which `wanted` is true."""
    if wanted(connector.status):
        return connector.status
    reached: asyncio.Future[ConnectionStatus] = asyncio.get_running_loop().create_future()

    def check(status: ConnectionStatus) -> None:
        if wanted(status) and not reached.done():
            reached.set_result(status)

    connector.on_status(check)
    return await asyncio.wait_for(reached, 20)
