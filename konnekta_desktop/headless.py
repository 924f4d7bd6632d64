"""`--headless`: the connector without a window, logging to stderr and the log file.

Stops cleanly on SIGINT and SIGTERM: the webhook subscription is removed, the listener closed.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Callable, Coroutine
from typing import Any

from .core.session import Session
from .domain.refusals import WentWrong, english
from .domain.status import Connection, ConnectionStatus
from .konnekta.errors import ConfigurationError
from .runtime import LaunchOptions, SettingsProblem, open_session
from .settings import SecretStore

log = logging.getLogger(__name__)


def run_headless(options: LaunchOptions) -> int:
    try:
        return asyncio.run(_main(options))
    except (SettingsProblem, ConfigurationError, WentWrong) as problem:
        # One line that says what is wrong and what to do (before the log file is up, Python's
        # last-resort handler still prints it to stderr); never a traceback.
        log.error("Cannot start: %s", problem)
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
    *,
    secrets: SecretStore | None = None,
) -> int:
    """Run a session until `stop` is set (or, with exit_when_connected, until connected);
    `secrets` where the Client Secret and Password come from, if not the OS keyring."""
    session = await open_session(options, secrets=secrets)
    if on_session is not None:
        on_session(session)
    gave_up = asyncio.Event()

    def watch(status: ConnectionStatus) -> None:
        # A setting is wrong: nothing will change that in a headless run, so stop and say so.
        if status.state is Connection.DISCONNECTED and status.why:
            gave_up.set()

    session.connector.on_status(watch)
    exit_code = 0
    try:
        await session.start()
        waits: list[Coroutine[Any, Any, object]] = [stop.wait(), gave_up.wait()]
        if options.exit_when_connected:
            waits.append(session.connector.wait_connected())
        tasks = [asyncio.ensure_future(w) for w in waits]
        await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
        for task in tasks:
            task.cancel()
        status = session.connector.status
        if gave_up.is_set():
            log.error("Cannot connect to Konnekta: %s", english(status.why) if status.why else "")
            exit_code = 2
        elif options.exit_when_connected and status.state is Connection.CONNECTED:
            log.info("Connected with %d users; exiting as asked", len(session.model))
        elif options.exit_when_connected:
            exit_code = 1
        else:
            log.info("Stopping")
    finally:
        await session.close()  # and the demo's simulator after it
    return exit_code
