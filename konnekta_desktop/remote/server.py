"""The client API on its own port: the WebSocket at /client for desktops, and GET /health.

`ClientApi` binds first (so a busy port stops the run before anything is subscribed at
Konnekta), then is given the session: from then on every update the session publishes is made
whole once (`views.update_message`), kept in the window, and queued to every client. No
authentication yet: it listens on loopback unless told otherwise, and the log says so.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from collections.abc import Callable
from typing import Final

import msgspec
from aiohttp import WSCloseCode, web

from .. import __version__
from ..core.clock import Clock, SystemClock
from ..core.session import Session
from ..domain.interface import Update
from ..domain.refusals import english
from ..domain.status import Connection, ConnectionStatus
from ..serving import serve, stop_serving
from .connection import QUEUE_FRAMES, ClientConnection
from .protocol import PROTOCOL, Health, Hello, Welcome, agreed_version, link_status
from .views import snapshot, update_message
from .window import UpdateWindow

__all__ = ["DEFAULT_PORT", "ClientApi"]

log = logging.getLogger(__name__)

DEFAULT_PORT: Final = 8471
HARD_FRAME_LIMIT: Final = 4 * 1024 * 1024  # beyond this aiohttp closes the connection (1009)
RESUME_MOST: Final = QUEUE_FRAMES // 2  # more missed updates than this: a snapshot is cheaper
HEARTBEAT: Final = 30.0  # seconds between pings, so a vanished client is noticed
_encoder: Final = msgspec.json.Encoder()


class ClientApi:
    """Serves one session's switchboard to the desktops that connect."""

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = DEFAULT_PORT,
        *,
        clock: Clock | None = None,
        window: UpdateWindow | None = None,
        hello_timeout: float = 10.0,
    ) -> None:
        self.host = host
        self.port = port
        self.hello_timeout = hello_timeout
        self.stream = secrets.token_hex(8)  # a new stream per run: its numbers start again
        self.window = window or UpdateWindow(clock or SystemClock())
        self._session: Session | None = None
        self._unsubscribe: Callable[[], None] | None = None
        self._attached = asyncio.Event()
        self._connections: set[ClientConnection] = set()
        self._runner: web.AppRunner | None = None
        self._server: asyncio.Server | None = None
        self._closing = False

    # -- addresses ---------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    @property
    def client_url(self) -> str:
        return self.base_url.replace("http://", "ws://", 1) + "/client"

    @property
    def health_url(self) -> str:
        return f"{self.base_url}/health"

    @property
    def clients(self) -> int:
        return len(self._connections)

    # -- life cycle --------------------------------------------------------------------------

    async def start(self) -> None:
        """Listen (raises OSError when the port cannot be used); port 0 takes a free one."""
        app = web.Application()
        app.add_routes([web.get("/client", self._client), web.get("/health", self._health)])
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        try:
            self._server, addresses = await serve(self._runner, self.host, self.port)
        except BaseException:
            await self._runner.cleanup()
            self._runner = None
            raise
        self.port = addresses[0][1]

    def attach(self, session: Session) -> None:
        """Serve `session`, from its first update on (call it before the session starts)."""
        self._session = session
        self._unsubscribe = session.subscribe(self._on_update)
        self._attached.set()

    @property
    def board(self) -> Session:
        if self._session is None:
            raise RuntimeError("no session attached yet")
        return self._session

    async def close(self) -> None:
        """Say goodbye to every client (1001, going away), then stop listening."""
        self._closing = True
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        for connection in list(self._connections):
            connection.drop(None, WSCloseCode.GOING_AWAY)
        if self._server is not None:
            await stop_serving(self._server)
            self._server = None
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    # -- updates -----------------------------------------------------------------------------

    def _on_update(self, update: Update) -> None:
        session = self._session
        if session is None:
            return
        try:
            frame = _encoder.encode(update_message(session, update))
        except Exception:
            # Clients cannot apply what follows without this one: they start again from a
            # snapshot, and the window, which now has a gap, is emptied.
            log.exception("Update %d could not be sent to the clients", update.seq)
            self.window.clear()
            self.window.seq = update.seq
            for connection in list(self._connections):
                connection.drop(None, WSCloseCode.TRY_AGAIN_LATER)
            return
        self.window.add(update.seq, frame)
        for connection in list(self._connections):
            connection.send(frame)

    def join(self, connection: ClientConnection, hello: Hello) -> bool:
        """Welcome a client that said hello: the updates it missed, or a snapshot; from now on
        every update. Synchronous, so nothing is published between what it is sent and the
        updates that follow."""
        session = self._session
        if session is None or self._closing:
            connection.drop(None, WSCloseCode.GOING_AWAY)
            return False
        frames = None
        if hello.last_seq is not None and hello.stream == self.stream:
            frames = self.window.since(hello.last_seq)
            if frames is not None and len(frames) > RESUME_MOST:
                frames = None
        agreed = agreed_version(hello.protocol) or PROTOCOL
        welcome = Welcome(
            protocol=agreed, server=__version__, stream=self.stream, resumed=frames is not None
        )
        connection.send_message(welcome)
        if frames is None:
            connection.send_message(snapshot(session, self.window.seq, self.stream))
        else:
            for frame in frames:
                connection.send(frame)
        first = not self._connections
        self._connections.add(connection)
        if first:
            session.attach_client()  # wrap-ups run while a client is here
        log.info(
            "Client %s connected (version %s, protocol %s): %s",
            connection.peer,
            connection.client,
            agreed,
            f"resumed after update {hello.last_seq}" if frames is not None else "snapshot",
        )
        return True

    def leave(self, connection: ClientConnection) -> None:
        self._connections.discard(connection)
        log.info("Client %s left", connection.peer)
        if not self._connections and self._session is not None and not self._closing:
            self._session.detach_client()

    # -- handlers ----------------------------------------------------------------------------

    async def _client(self, request: web.Request) -> web.StreamResponse:
        ws = web.WebSocketResponse(
            heartbeat=HEARTBEAT, max_msg_size=HARD_FRAME_LIMIT, decode_text=False
        )
        await ws.prepare(request)
        try:
            async with asyncio.timeout(self.hello_timeout):
                await self._attached.wait()
        except TimeoutError:
            await ws.close(code=WSCloseCode.TRY_AGAIN_LATER)
            return ws
        await ClientConnection(self, ws, request.remote or "?").run()
        return ws

    async def _health(self, _request: web.Request) -> web.Response:
        session = self._session
        status = session.status if session is not None else ConnectionStatus(Connection.CONNECTING)
        health = Health(
            konnekta=link_status(status),
            said=english(status.why) if status.why is not None else "",
            clients=len(self._connections),
            seq=self.window.seq,
            demo=session.demo if session is not None else False,
            protocol=PROTOCOL,
            version=__version__,
        )
        return web.Response(body=_encoder.encode(health), content_type="application/json")
