"""The client API on its own port: the WebSocket at /client for desktops, POST /enrol, and
GET /health.

`ClientApi` binds first (so a busy port stops the run before anything is subscribed at
Konnekta), then is given the session and the operators' table: from then on every update the
session publishes is made whole once (`views.update_message`), kept in the window, and queued to
every client. A WebSocket upgrade is taken only with an enrolled operator's device token
(`Authorization: Bearer`), and never from a web page (a request with an `Origin` header not
listed in `origins`), so that a page in the operator's browser cannot use the switchboard. Every
`CHECK_EVERY` seconds it looks whether the command line revoked an operator (their streams are
closed at once) and whether the certificate files changed.
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
from ..core.history_writer import prune_history
from ..core.session import Session
from ..domain.interface import Update
from ..domain.refusals import Reason, english, why
from ..domain.status import Connection, ConnectionStatus
from ..serving import AppServing
from ..settings.checks import url_host
from .connection import QUEUE_FRAMES, ClientConnection
from .enrolment import Enrolment, refusal_response
from .operators import Operator, Operators
from .protocol import (
    CLOSE_REVOKED,
    DEFAULT_PORT,
    PROTOCOL,
    Health,
    Hello,
    Welcome,
    agreed_version,
    link_status,
)
from .tls import ServerTls
from .views import snapshot, update_message
from .window import UpdateWindow

__all__ = ["DEFAULT_PORT", "ClientApi"]

log = logging.getLogger(__name__)

HARD_FRAME_LIMIT: Final = 4 * 1024 * 1024  # beyond this aiohttp closes the connection (1009)
RESUME_MOST: Final = QUEUE_FRAMES // 2  # more missed updates than this: a snapshot is cheaper
HEARTBEAT: Final = 30.0  # seconds between pings, so a vanished client is noticed
CHECK_EVERY: Final = 2.0  # seconds between looks for revoked operators and new certificates
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
        tls: ServerTls | None = None,
        origins: frozenset[str] = frozenset(),
        behind_proxy: bool = False,
    ) -> None:
        """`origins`: web origins (scheme://host[:port]) whose pages may connect; none by
        default, and a desktop sends no Origin at all. `behind_proxy`: a desktop's address is the
        last one in X-Forwarded-For (which the proxy appends), for the log and the limits."""
        self.host = host
        self.port = port
        self.hello_timeout = hello_timeout
        self.tls = tls
        self.origins = origins
        self.behind_proxy = behind_proxy
        self._operators: Operators | None = None
        self._enrolment: Enrolment | None = None
        self._clock = clock or SystemClock()
        self._watch: asyncio.Task[None] | None = None
        self.stream = secrets.token_hex(8)  # a new stream per run: its numbers start again
        self.window = window or UpdateWindow(self._clock)
        self._session: Session | None = None
        self._unsubscribe: Callable[[], None] | None = None
        self._attached = asyncio.Event()
        self._connections: set[ClientConnection] = set()
        self._serving: AppServing | None = None
        self._closing = False

    # -- addresses ---------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        scheme = "https" if self.tls is not None else "http"
        return f"{scheme}://{url_host(self.host)}:{self.port}"

    @property
    def client_url(self) -> str:
        scheme, rest = self.base_url.split("://", 1)
        return f"{'wss' if scheme == 'https' else 'ws'}://{rest}/client"

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
        app.add_routes(
            [
                web.get("/client", self._client),
                web.get("/health", self._health),
                web.post("/enrol", self._enrol),
            ]
        )
        tls = self.tls.context if self.tls is not None else None
        self._serving = await AppServing.start(app, self.host, self.port, tls=tls)
        self.port = self._serving.port

    def attach(self, session: Session, operators: Operators) -> None:
        """Serve `session` to the `operators` enrolled, from its first update on (call it before
        the session starts). The audit is pruned with the call history."""
        self._session = session
        self._operators = operators
        self._enrolment = Enrolment(operators, self._clock)
        prune_history(operators, session.clock.now())
        self._unsubscribe = session.subscribe(self._on_update)
        self._watch = asyncio.create_task(self._keep_watch(), name="client API watch")
        self._attached.set()

    @property
    def operators(self) -> Operators:
        if self._operators is None:
            raise RuntimeError("no session attached yet")
        return self._operators

    @property
    def board(self) -> Session:
        if self._session is None:
            raise RuntimeError("no session attached yet")
        return self._session

    async def close(self) -> None:
        """Say goodbye to every client (1001, going away), then stop listening."""
        self._closing = True
        if self._watch is not None:
            self._watch.cancel()
            await asyncio.gather(self._watch, return_exceptions=True)
            self._watch = None
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        for connection in list(self._connections):
            connection.drop(None, WSCloseCode.GOING_AWAY)
        if self._serving is not None:
            await self._serving.close()
            self._serving = None

    # -- watching ----------------------------------------------------------------------------

    async def _keep_watch(self) -> None:
        while True:
            await asyncio.sleep(CHECK_EVERY)
            try:
                self.check_operators()
                if self.tls is not None:
                    self.tls.reload_if_changed()
            except Exception:  # a locked file, say: look again next time
                log.exception("Could not look for revoked operators")

    def check_operators(self) -> int:
        """Close the streams of operators revoked since the last look; how many were closed."""
        if self._operators is None or not self._operators.changed():
            return 0
        ids = {connection.operator.id for connection in self._connections}
        revoked = self._operators.revoked_among(ids)
        dropped = 0
        for connection in list(self._connections):
            if connection.operator.id in revoked:
                said = why(Reason.CLIENT_TOKEN_REFUSED, address=self.base_url)
                connection.drop(said, CLOSE_REVOKED)
                dropped += 1
        if dropped:
            log.warning("Closed %d connection(s) of revoked operators", dropped)
        return dropped

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
            operator = connection.operator
            connection.send_message(
                snapshot(session, self.window.seq, self.stream, operator.username, operator.role)
            )
        else:
            for frame in frames:
                connection.send(frame)
        self._connections.add(connection)
        # The operator's wrap-ups run while a desktop of theirs is here (an operator whose
        # username Konnekta does not list has none).
        colleague = session.model.by_username(connection.operator.username)
        connection.attached_as = colleague.id if colleague is not None else "?"
        session.attach_client(connection.attached_as)
        log.info(
            "Client %s connected (operator %d, %s; version %s, protocol %s): %s",
            connection.peer,
            connection.operator.id,
            connection.operator.username,
            connection.client,
            agreed,
            f"resumed after update {hello.last_seq}" if frames is not None else "snapshot",
        )
        return True

    def leave(self, connection: ClientConnection) -> None:
        self._connections.discard(connection)
        log.info("Client %s left", connection.peer)
        if self._session is not None and not self._closing:
            self._session.detach_client(connection.attached_as)

    # -- handlers ----------------------------------------------------------------------------

    async def _client(self, request: web.Request) -> web.StreamResponse:
        if not await self._ready():
            return refusal_response(503, why(Reason.CONNECTOR_NOT_READY))
        found = self._operator(request)
        if isinstance(found, web.Response):
            return found
        ws = web.WebSocketResponse(
            heartbeat=HEARTBEAT, max_msg_size=HARD_FRAME_LIMIT, decode_text=False
        )
        await ws.prepare(request)
        await ClientConnection(self, ws, self.peer(request), found).run()
        return ws

    def peer(self, request: web.Request) -> str:
        """The desktop's address: the connection's, or behind a proxy the one it forwarded."""
        if self.behind_proxy:
            forwarded = request.headers.get("X-Forwarded-For", "").rsplit(",", 1)[-1].strip()
            if forwarded:
                return forwarded[:100]
        return request.remote or "?"

    async def _ready(self) -> bool:
        try:
            async with asyncio.timeout(self.hello_timeout):
                await self._attached.wait()
        except TimeoutError:
            return False
        return not self._closing

    def _operator(self, request: web.Request) -> Operator | web.Response:
        """The enrolled operator whose token the upgrade carries, or the refusal to answer."""
        origin = request.headers.get("Origin")
        if origin is not None and origin not in self.origins:
            said = why(Reason.ORIGIN_REFUSED, origin=origin[:200])
            log.warning("Client %s refused: %s", self.peer(request), english(said))
            return refusal_response(403, said)
        scheme, _, token = request.headers.get("Authorization", "").partition(" ")
        operator = self.operators.identify(token.strip()) if scheme.lower() == "bearer" else None
        if operator is None:
            said = why(Reason.CLIENT_TOKEN_REFUSED, address=self.base_url)
            log.warning("Client %s refused: no valid device token", self.peer(request))
            return refusal_response(401, said, {"WWW-Authenticate": "Bearer"})
        return operator

    async def _enrol(self, request: web.Request) -> web.Response:
        if not await self._ready() or self._enrolment is None:
            return refusal_response(503, why(Reason.CONNECTOR_NOT_READY))
        return await self._enrolment.handle(request, self.peer(request))

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
