"""Runs the webhook listener on its own thread and loop; events reach the app's loop in batches.

Measured (docs/listener.md): under plain load the own thread and the qasync loop cost about the
same, but while the GUI thread is blocked (a disk or keyring call) only the own thread keeps
answering Konnekta on time. Events cross threads through one deque and at most one wake-up per
batch, so a burst that arrives while the app's loop is busy costs it one callback.
"""

from __future__ import annotations

import asyncio
import logging
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence

from aiohttp import web

from ..domain.events import PbxEvent
from ..serving import serve, stop_serving
from . import http_log
from .connections import ConnectionGuard, ConnectionLimits
from .server import WEBHOOK_PATH, WebhookListener

log = logging.getLogger(__name__)

# Long enough for a request in progress to be answered, short enough that quitting never hangs.
SHUTDOWN_SECONDS = 2.0

# Every event crosses the GIL twice, from the loop that holds it to the thread that waits: the
# listener's thread to read it, the app's loop to apply it. A waiting thread gets the GIL after
# the switch interval, 5 ms by default, so those hand-overs alone could add 10 ms at the tail;
# 1 ms keeps them small (docs/performance.md, section 1).
SWITCH_INTERVAL = 0.001


class ListenerThread:
    """Owns the listener's thread, loop and socket; `start()` returns once the port is bound.

    `deliver` is called on `target_loop` with the events that arrived since its last call, in
    arrival order. `limits` bounds how long and how many connections are held (`connections.py`).
    """

    def __init__(
        self,
        host: str,
        port: int,
        deliver: Callable[[Sequence[PbxEvent]], None],
        target_loop: asyncio.AbstractEventLoop,
        clock: Callable[[], float] = time.time,
        limits: ConnectionLimits | None = None,
    ) -> None:
        self.listener = WebhookListener(self._push, clock=clock)
        self.limits = limits or ConnectionLimits()
        # The connections of the current run (a new guard each start), for the log and tests.
        self.connections = ConnectionGuard(self.limits)
        self.host = host
        self.port = port
        self.addresses: list[tuple[str, int]] = []
        self._deliver = deliver
        self._target_loop = target_loop
        self._inbox: deque[PbxEvent] = deque()
        self._wake_pending = False
        self._target_gone_logged = False
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._runner: web.AppRunner | None = None
        self._server: asyncio.Server | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Bind and serve; raises OSError (e.g. port in use) in the caller's thread."""
        if self._thread is not None and self._thread.is_alive():
            raise RuntimeError("the webhook listener is already running")
        if sys.getswitchinterval() > SWITCH_INTERVAL:
            sys.setswitchinterval(SWITCH_INTERVAL)
        http_log.install()
        outcome: list[BaseException | None] = []
        started = threading.Event()
        self._thread = threading.Thread(
            target=self._run, args=(outcome, started), name="webhook-listener", daemon=True
        )
        self._thread.start()
        started.wait()
        if outcome[0] is not None:
            self._thread.join()
            raise outcome[0]

    def stop(self) -> None:
        """Close the socket and every connection, then end the thread. Safe to call twice."""
        loop, thread = self._loop, self._thread
        if loop is None or thread is None or not thread.is_alive():
            return
        asyncio.run_coroutine_threadsafe(self._shutdown(), loop).result(
            timeout=SHUTDOWN_SECONDS + 5
        )
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=SHUTDOWN_SECONDS + 5)
        log.info("Webhook listener on port %d stopped", self.port)

    def _run(self, outcome: list[BaseException | None], started: threading.Event) -> None:
        # The runner's close cancels what is still pending when the loop ends, such as aiohttp
        # reading the rest of a refused upload whose sender has hung up, instead of leaving it
        # on a closed loop.
        with asyncio.Runner() as runner:
            loop = self._loop = runner.get_loop()
            try:
                runner.run(self._serve())
            except BaseException as error:  # handed to start(), which re-raises it
                runner.run(self._shutdown())
                outcome.append(error)
                started.set()
                return
            outcome.append(None)
            started.set()
            loop.run_forever()

    async def _serve(self) -> None:
        self.connections = guard = ConnectionGuard(self.limits)
        application = self.listener.application()
        application.middlewares.append(guard.middleware)
        self._runner = web.AppRunner(
            application,
            access_log=None,
            handle_signals=False,
            shutdown_timeout=SHUTDOWN_SECONDS,
        )
        await self._runner.setup()
        self._server, self.addresses = await serve(
            self._runner, self.host, self.port, wrap=guard.factory
        )
        self.port = self.addresses[0][1]
        log.info("Webhook listener on http://%s:%d%s", self.host, self.port, WEBHOOK_PATH)

    async def _shutdown(self) -> None:
        if self._server is not None:
            await stop_serving(self._server)
            self._server = None
        if self._runner is not None:
            await self._runner.cleanup()  # closes the open connections
            self._runner = None
        self.connections.close()

    def _push(self, event: PbxEvent) -> None:
        """Called on the listener thread; wakes the app's loop once per batch."""
        with self._lock:
            self._inbox.append(event)
            if self._wake_pending:
                return
            self._wake_pending = True
        try:
            self._target_loop.call_soon_threadsafe(self._drain)
        except RuntimeError:
            # The app's loop is closed: the app is quitting and nobody is left to take events.
            with self._lock:
                self._inbox.clear()
                self._wake_pending = False
            if not self._target_gone_logged:
                self._target_gone_logged = True
                log.warning("Webhook events dropped: the app is shutting down")

    def _drain(self) -> None:
        with self._lock:
            batch = list(self._inbox)
            self._inbox.clear()
            self._wake_pending = False
        if batch:
            self._deliver(batch)
