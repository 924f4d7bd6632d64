"""`--headless`: the connector without a window, logging to stderr and the log file.

Stops cleanly on SIGINT and SIGTERM: the webhook subscription is removed, the listener closed.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Callable

from .core.session import Session
from .core.status import Connection
from .konnekta.errors import ConfigurationError
from .runtime import LaunchOptions, SettingsProblem, open_session

log = logging.getLogger(__name__)


def run_headless(options: LaunchOptions) -> int:
    try:
        return asyncio.run(_main(options))
    except (SettingsProblem, ConfigurationError) as problem:
        log.error("%s", problem)
        return 2


async def _main(options: LaunchOptions) -> int:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):  # Windows has no signal handlers here
            loop.add_signal_handler(signum, stop.set)
    return await serve(options, stop)


async def serve(
    options: LaunchOptions,
    stop: asyncio.Event,
    on_session: Callable[[Session], object] | None = None,
) -> int:
    """Run a session until `stop` is set (or, with exit_when_connected, until connected)."""
    session = await open_session(options)
    if on_session is not None:
        on_session(session)
    exit_code = 0
    try:
        await session.start()
        if options.exit_when_connected:
            connected = asyncio.create_task(session.connector.wait_connected())
            stopped = asyncio.create_task(stop.wait())
            await asyncio.wait({connected, stopped}, return_when=asyncio.FIRST_COMPLETED)
            connected.cancel()
            stopped.cancel()
            exit_code = 0 if session.connector.status.state is Connection.CONNECTED else 1
            log.info("Connected with %d users; exiting as asked", len(session.model))
        else:
            await stop.wait()
            log.info("Stopping")
    finally:
        await session.close()
        if session.simulator is not None:
            await session.simulator.close()
    return exit_code
