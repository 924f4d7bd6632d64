"""How long and how many connections the listener holds: deadlines for a request's headers, for
its body and for an idle keep-alive, and a cap on open connections that closes idle ones first.

aiohttp's server has none of these: it waits for headers and a body for ever and keeps an idle
keep-alive for an hour (3630 s in aiohttp 3.14), so 200 half-sent requests held 200 file
descriptors, and macOS allows a process 256 by default. `ConnectionGuard.factory` puts a
`GuardedConnection` in front of aiohttp's protocol on every accepted socket; it sees the bytes
arrive, and `ConnectionGuard.middleware` tells it when aiohttp has parsed a request's headers and
when the request has been answered. The deadlines run on the loop's own timers.
"""

from __future__ import annotations

import asyncio
import enum
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Final, cast

from aiohttp import web

from ..serving import ProtocolFactory
from .line_budget import LineBudget

__all__ = [
    "ConnectionGuard",
    "ConnectionLimits",
    "ConnectionStats",
    "GuardedConnection",
    "Phase",
]

log = logging.getLogger(__name__)

# Each deadline and refusal is a WARNING; a flood of them is ten lines a minute and a count.
WARNINGS_PER_MINUTE: Final = 10


@dataclass(frozen=True)
class ConnectionLimits:
    """The deadlines (seconds) and the cap; docs/listener.md says why each default."""

    header_seconds: float = 10.0  # accept (or a request's first byte) -> its headers parsed
    body_seconds: float = 30.0  # headers parsed -> the request answered (body read, handled)
    idle_seconds: float = 60.0  # an answer -> the next request's first byte
    max_connections: int = 128  # open at once; macOS gives a process 256 descriptors

    def __post_init__(self) -> None:
        if min(self.header_seconds, self.body_seconds, self.idle_seconds) <= 0:
            raise ValueError(f"connection deadlines must be positive: {self}")
        if self.max_connections < 1:
            raise ValueError(f"at least one connection must be allowed: {self}")


class Phase(enum.Enum):
    """Where a connection is in its request cycle; each phase has its own deadline."""

    HEADERS = "reading request headers"  # also a new connection that has sent nothing yet
    BODY = "reading a request body"  # headers parsed, until the request is answered
    IDLE = "idle"  # a keep-alive between an answer and the next request


@dataclass
class ConnectionStats:
    header_timeouts: int = 0
    body_timeouts: int = 0
    idle_timeouts: int = 0
    made_room: int = 0  # closed, idle or stalled in its headers, for a new connection
    refused: int = 0  # the cap was reached and every open connection was busy


class GuardedConnection(asyncio.Protocol):
    """Stands in front of aiohttp's protocol for one socket, passing everything through, and
    closes the socket when its phase's deadline passes."""

    def __init__(self, guard: ConnectionGuard, make_inner: ProtocolFactory) -> None:
        self._guard = guard
        self._make_inner = make_inner
        self.inner: asyncio.Protocol | None = None
        self.transport: asyncio.Transport | None = None
        self.phase = Phase.HEADERS
        self.peer = "?"
        self.closed = False
        self._deadline: asyncio.TimerHandle | None = None

    def __repr__(self) -> str:
        return (
            f"<GuardedConnection {self.peer} {self.phase.name}{' closed' if self.closed else ''}>"
        )

    # -- asyncio.Protocol, passed on to aiohttp ----------------------------------------------

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport = cast(asyncio.Transport, transport)
        peer = transport.get_extra_info("peername")
        self.peer = str(peer[0]) if isinstance(peer, tuple) and peer else "?"
        if not self._guard.admit(self):
            self.closed = True
            transport.abort()
            return
        self.inner = self._make_inner()
        self._guard.attached(self)
        self.inner.connection_made(transport)

    def data_received(self, data: bytes) -> None:
        if self.phase is Phase.IDLE and not self.closed:
            self._guard.enter(self, Phase.HEADERS)
        if self.inner is not None:
            self.inner.data_received(data)

    def eof_received(self) -> bool | None:
        return self.inner.eof_received() if self.inner is not None else None

    def pause_writing(self) -> None:
        if self.inner is not None:
            self.inner.pause_writing()

    def resume_writing(self) -> None:
        if self.inner is not None:
            self.inner.resume_writing()

    def connection_lost(self, exc: Exception | None) -> None:
        self._guard.forget(self)
        if self.inner is not None:
            self.inner.connection_lost(exc)

    # -- deadlines ---------------------------------------------------------------------------

    def arm(self, seconds: float) -> None:
        self.disarm()
        self._deadline = asyncio.get_running_loop().call_later(seconds, self._expired)

    def disarm(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _expired(self) -> None:
        self._deadline = None
        self._guard.expired(self)

    def close(self) -> None:
        """Close at once: a sender that stalls may not read either, so nothing waits to flush."""
        self.closed = True
        self.disarm()
        if self.transport is not None:
            self.transport.abort()


class ConnectionGuard:
    """Every connection the listener holds, their deadlines and the cap. Runs on the listener's
    loop; `factory` wraps aiohttp's protocol factory, `middleware` goes on the application."""

    def __init__(self, limits: ConnectionLimits | None = None) -> None:
        self.limits = limits or ConnectionLimits()
        self.stats = ConnectionStats()
        self._open: set[GuardedConnection] = set()
        # Oldest first, so the one to close for room is the first of `_idle`, then of `_headers`.
        self._idle: dict[GuardedConnection, None] = {}
        self._headers: dict[GuardedConnection, None] = {}
        self._by_inner: dict[asyncio.BaseProtocol, GuardedConnection] = {}
        self._warnings: LineBudget | None = None

    @property
    def open_connections(self) -> int:
        return len(self._open)

    def factory(self, make_inner: ProtocolFactory) -> ProtocolFactory:
        """The protocol factory to serve with, in front of `make_inner` (aiohttp's server)."""
        return lambda: GuardedConnection(self, make_inner)

    def close(self) -> None:
        """Stop every deadline and say the count of warnings left unsaid (the listener stops)."""
        for connection in self._open:
            connection.disarm()
        if self._warnings is not None:
            self._warnings.close()

    # -- the cap -----------------------------------------------------------------------------

    def admit(self, connection: GuardedConnection) -> bool:
        """Make room for a new connection if the cap is reached; False if there is none."""
        if len(self._open) >= self.limits.max_connections:
            # A correct sender sends its headers in one go: one that is still reading them
            # after younger ones arrived has stalled, and goes only when none is idle.
            room = next(iter(self._idle), None) or next(iter(self._headers), None)
            if room is None:
                self.stats.refused += 1
                self._warn(
                    "Refused a connection from %s: %d connections are open, each in a request",
                    connection.peer,
                    len(self._open),
                )
                return False
            self.stats.made_room += 1
            if room.phase is Phase.IDLE:
                log.debug("Closed an idle connection from %s to make room", room.peer)
            else:
                self._warn(
                    "Closed a connection from %s that had not sent its request headers, to make"
                    " room (%d connections open)",
                    room.peer,
                    len(self._open),
                )
            self._drop(room)
            room.close()
        self._open.add(connection)
        self.enter(connection, Phase.HEADERS)
        return True

    def attached(self, connection: GuardedConnection) -> None:
        """aiohttp's protocol for `connection` exists: its requests can be told apart."""
        if connection.inner is not None:
            self._by_inner[connection.inner] = connection

    # -- phases and deadlines ----------------------------------------------------------------

    def enter(self, connection: GuardedConnection, phase: Phase) -> None:
        if connection.closed or connection not in self._open:
            return
        self._idle.pop(connection, None)
        self._headers.pop(connection, None)
        connection.phase = phase
        if phase is Phase.IDLE:
            self._idle[connection] = None
            connection.arm(self.limits.idle_seconds)
        elif phase is Phase.HEADERS:
            self._headers[connection] = None
            connection.arm(self.limits.header_seconds)
        else:
            connection.arm(self.limits.body_seconds)

    def expired(self, connection: GuardedConnection) -> None:
        if connection.closed:
            return
        match connection.phase:
            case Phase.HEADERS:
                self.stats.header_timeouts += 1
                seconds = self.limits.header_seconds
                self._warn(
                    "Closed a connection from %s: no complete request headers within %g s",
                    connection.peer,
                    seconds,
                )
            case Phase.BODY:
                self.stats.body_timeouts += 1
                self._warn(
                    "Closed a connection from %s: the request body did not arrive within %g s",
                    connection.peer,
                    self.limits.body_seconds,
                )
            case Phase.IDLE:
                self.stats.idle_timeouts += 1
                log.debug(
                    "Closed a keep-alive connection from %s, idle for %g s",
                    connection.peer,
                    self.limits.idle_seconds,
                )
        self._drop(connection)
        connection.close()

    def forget(self, connection: GuardedConnection) -> None:
        """The socket is gone (closed by either side)."""
        connection.closed = True
        connection.disarm()
        self._drop(connection)

    def _drop(self, connection: GuardedConnection) -> None:
        self._open.discard(connection)
        self._idle.pop(connection, None)
        self._headers.pop(connection, None)
        if connection.inner is not None:
            self._by_inner.pop(connection.inner, None)

    # -- what aiohttp tells of each request ---------------------------------------------------

    @web.middleware
    async def middleware(
        self,
        request: web.Request,
        handler: Callable[[web.Request], Awaitable[web.StreamResponse]],
    ) -> web.StreamResponse:
        """The headers are parsed when a request reaches the application; it is answered when
        the handler returns. A sender that hangs up, or is closed for a late body, ends here
        without a traceback: the answer it gets is never sent."""
        connection = self._connection_of(request)
        if connection is not None:
            self.enter(connection, Phase.BODY)
        try:
            return await handler(request)
        except ConnectionError as error:
            log.debug("A request from %s ended before it was read: %s", request.remote, error)
            return web.Response(status=408)
        finally:
            if connection is not None:
                self.enter(connection, Phase.IDLE)

    def _connection_of(self, request: web.Request) -> GuardedConnection | None:
        return self._by_inner.get(request.protocol)

    def _warn(self, message: str, *args: object) -> None:
        if self._warnings is None:
            loop = asyncio.get_running_loop()
            self._warnings = LineBudget(
                log,
                logging.WARNING,
                per_window=WARNINGS_PER_MINUTE,
                window_seconds=60.0,
                summary="... and %d more connections closed or refused in the last minute",
                call_later=loop.call_later,
            )
        self._warnings.line(message, *args)
