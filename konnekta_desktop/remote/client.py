"""The desktop's end of the client API: one WebSocket to the company connector, kept up.

`ConnectorLink` connects, says hello (with `last_seq` and `stream` once it has them, so the
connector resumes instead of sending a snapshot), hands the snapshot and every update in `seq`
order to its handler, and connects again with backoff (1 s doubling to 8 s) when the connection
drops; a gap in the numbers or a frame it cannot read makes it connect again at once. Commands go
out with their request ids; one whose answer was lost with the connection is sent again with the
same id once connected again (the connector carries a command out once per id), or refused
with `CONNECTOR_ANSWER_LOST` when the connection does not come back in time.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Final, Protocol

import aiohttp
import msgspec

from .. import __version__
from ..domain.refusals import Command, Reason, Refused, WentWrong, Why, why
from ..settings.checks import connector_url
from .device import tls_for
from .protocol import (
    PROTOCOL,
    SERVER_MESSAGES,
    CommandRefused,
    CommandRequest,
    CommandResult,
    ErrorMessage,
    Hello,
    ServerMessage,
    Snapshot,
    UpdateMessage,
    Welcome,
    WhyMessage,
    domain_why,
)

__all__ = ["ConnectorLink", "LinkHandler", "client_url", "refusal"]

log = logging.getLogger(__name__)

FIRST_DELAY: Final = 1.0  # seconds before the first retry; doubled up to MOST_DELAY
MOST_DELAY: Final = 8.0
CONNECT_TIMEOUT: Final = 10.0  # to open the WebSocket
SYNC_TIMEOUT: Final = 30.0  # from hello to the welcome and the snapshot
RESEND_WITHIN: Final = 30.0  # a command whose answer was lost is sent again if back by then
HEARTBEAT: Final = 30.0
MOST_FRAME: Final = 256 * 1024 * 1024  # a snapshot of a large tenant is long
_decoder: Final = msgspec.json.Decoder[
    Welcome | Snapshot | UpdateMessage | CommandResult | CommandRefused | ErrorMessage
](ServerMessage)
_any: Final = msgspec.json.Decoder()
_encoder: Final = msgspec.json.Encoder()


def client_url(address: str) -> str:
    """The WebSocket address of the client API for an address as typed (`checks.connector_url`);
    `WentWrong` when it is none, or plain http to another computer."""
    found = connector_url(address)
    if isinstance(found, str):
        return found
    reason, params = found
    raise WentWrong(why(reason, **params))


def refusal(message: WhyMessage) -> Refused:
    """The refusal a `WhyMessage` says; a code this version lacks is named as it came."""
    said = domain_why(message)
    if said is None:
        return Refused(Reason.CONNECTOR_CODE_UNKNOWN, code=message.code[:100])
    return Refused(said.reason, said.cause, **said.params)


class LinkHandler(Protocol):
    """What the link tells of: a fresh snapshot, a resumed stream, each update, and a drop."""

    def on_snapshot(self, snapshot: Snapshot) -> None: ...
    def on_resumed(self) -> None: ...
    def on_update(self, update: UpdateMessage) -> None: ...
    def on_down(self, said: Why) -> None: ...


@dataclass(slots=True)
class _Request:
    name: str
    arguments: dict[str, Any]
    command: Command
    frame: str
    answer: asyncio.Future[Any]
    sent_on: int = 0  # the connection it was last sent on (0: none)
    lost: bool = field(default=False)  # its connection dropped before the answer


class _Again(Exception):
    """Connect again at once: a gap in the updates, or a frame that could not be used."""

    def __init__(self, said: Why, *, fresh: bool = False) -> None:
        super().__init__(str(said))
        self.why = said
        self.fresh = fresh  # ask for a snapshot rather than resuming


class ConnectorLink:
    """One desktop's connection to the company connector, from `start()` to `close()`."""

    def __init__(
        self,
        address: str,
        handler: LinkHandler,
        *,
        token: str = "",
        first_delay: float = FIRST_DELAY,
        most_delay: float = MOST_DELAY,
        resend_within: float = RESEND_WITHIN,
        sync_timeout: float = SYNC_TIMEOUT,
    ) -> None:
        self.address = client_url(address)
        self.token = token  # the device token, sent with every connection
        self._handler = handler
        self._first_delay = first_delay
        self._most_delay = most_delay
        self._resend_within = resend_within
        self._sync_timeout = sync_timeout
        self.stream: str | None = None  # the connector's update stream, from its welcome
        self.last_seq: int | None = None  # the last update applied (or the snapshot's)
        self._http: aiohttp.ClientSession | None = None
        self._ws: aiohttp.ClientWebSocketResponse | None = None
        self._connection = 0  # counts the connections made, so a request knows where it went
        self._synced = asyncio.Event()  # connected, and the stream is in step
        self._wake = asyncio.Event()  # skip the rest of the pause before the next attempt
        self._run_task: asyncio.Task[None] | None = None
        self._attempt: asyncio.Task[Why] | None = None
        self._watch: asyncio.Task[None] | None = None
        self._requests: dict[str, _Request] = {}
        self._error: Why | None = None  # what the connector said before it closed, if anything
        self._said: Why | None = None  # why the last connection ended, as logged

    @property
    def synced(self) -> bool:
        return self._synced.is_set()

    async def wait_synced(self) -> None:
        await self._synced.wait()

    # -- life cycle --------------------------------------------------------------------------

    def start(self) -> None:
        if self._run_task is None:
            self._http = aiohttp.ClientSession(
                timeout=aiohttp.ClientTimeout(total=None, sock_connect=CONNECT_TIMEOUT)
            )
            self._run_task = asyncio.create_task(self._run(), name="connector link")

    def reconnect_now(self) -> None:
        """Drop the connection (if any) and connect again without waiting."""
        self._wake.set()
        if self._attempt is not None:
            self._attempt.cancel()

    async def close(self) -> None:
        for task in (self._run_task, self._watch):
            if task is not None:
                task.cancel()
        tasks = [task for task in (self._run_task, self._watch) if task is not None]
        await asyncio.gather(*tasks, return_exceptions=True)
        self._run_task = self._watch = None
        for request in self._requests.values():
            request.answer.cancel()
        self._requests.clear()
        if self._http is not None:
            await self._http.close()
            self._http = None

    # -- commands ----------------------------------------------------------------------------

    async def request(
        self, name: str, arguments: dict[str, Any], command: Command, request_id: str
    ) -> Any:
        """Send a command and wait for its answer: the result's value, or `Refused`."""
        request = self._requests.get(request_id)
        if request is not None and (request.name, request.arguments) != (name, arguments):
            raise Refused(Reason.REQUEST_ID_REUSED, command=command.value, request_id=request_id)
        if request is None:
            if not self.synced:
                raise Refused(
                    Reason.CONNECTOR_NOT_REACHED, command=command.value, address=self.address
                )
            message = CommandRequest(request_id=request_id, name=name, arguments=arguments)
            answer: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
            answer.add_done_callback(_retrieved)  # a caller may have stopped waiting for it
            frame = _encoder.encode(message).decode()
            request = _Request(name, arguments, command, frame, answer)
            self._requests[request_id] = request
            await self._send(request)
        return await asyncio.shield(request.answer)

    async def _send(self, request: _Request) -> None:
        ws = self._ws
        if ws is None or not self.synced or request.sent_on == self._connection:
            return
        request.sent_on = self._connection
        try:
            await ws.send_str(request.frame)
        except (ConnectionError, RuntimeError, aiohttp.ClientError) as error:
            # The connection is going: the answer will not come on it, so it goes again.
            log.info(
                "Command %s not sent (%s); it goes again on the next connection",
                request.name,
                error,
            )

    def _answer(
        self, request_id: str | None, value: Any = None, error: Refused | None = None
    ) -> None:
        request = self._requests.pop(request_id, None) if request_id is not None else None
        if request is None or request.answer.done():
            return
        if error is not None:
            request.answer.set_exception(error)
        else:
            request.answer.set_result(value)

    def _lose_answers(self) -> None:
        """The connection dropped: what was sent on it is sent again if it comes back in time."""
        for request in self._requests.values():
            request.lost = True
        if self._requests and (self._watch is None or self._watch.done()):
            self._watch = asyncio.create_task(self._give_up_later(), name="lost answers")

    async def _give_up_later(self) -> None:
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(self._resend_within):
                await self._synced.wait()
                return
        seconds = f"{self._resend_within:g}"
        for request_id, request in list(self._requests.items()):
            if request.lost:
                said = Refused(
                    Reason.CONNECTOR_ANSWER_LOST, command=request.command.value, seconds=seconds
                )
                self._answer(request_id, error=said)

    # -- the connection ----------------------------------------------------------------------

    async def _run(self) -> None:
        delay = self._first_delay
        while True:
            self._wake.clear()
            self._error = None
            self._attempt = asyncio.create_task(self._connect(), name="connector connection")
            try:
                said = await self._attempt
            except asyncio.CancelledError:
                current = asyncio.current_task()
                if current is not None and current.cancelling():
                    raise  # closing
                said = why(Reason.CONNECTOR_LOST, address=self.address)  # asked to reconnect
            finally:
                self._attempt = None
            was_synced = self.synced
            self._synced.clear()
            self._lose_answers()
            if was_synced:
                delay = self._first_delay
            if said != self._said:
                log.info("Company connector: %s", said)
            self._said = said
            self._handler.on_down(said)
            if not self._wake.is_set():
                with contextlib.suppress(TimeoutError):
                    async with asyncio.timeout(delay):
                        await self._wake.wait()
                delay = min(delay * 2, self._most_delay)

    async def _connect(self) -> Why:
        """One connection, from opening it until it ends; why it ended."""
        assert self._http is not None
        try:
            async with self._http.ws_connect(
                self.address,
                heartbeat=HEARTBEAT,
                max_msg_size=MOST_FRAME,
                headers={"Authorization": f"Bearer {self.token}"},
                ssl=tls_for(self.address),
            ) as ws:
                self._connection += 1
                self._ws = ws
                try:
                    return await self._serve(ws)
                finally:
                    self._ws = None
        except _Again as again:
            if again.fresh:
                self.stream = None  # a snapshot next time
            self._wake.set()  # at once: the connector is there
            return again.why
        except aiohttp.WSServerHandshakeError as error:
            if error.status == 401:
                return why(Reason.CLIENT_TOKEN_REFUSED, address=self.address)
            return self._unreachable(f"HTTP {error.status}: not a client API")
        except (aiohttp.ClientError, OSError) as error:
            return self._unreachable(_detail(error))
        except TimeoutError:
            return self._unreachable("no answer in time")

    def _unreachable(self, detail: str) -> Why:
        return why(Reason.CONNECTOR_UNREACHABLE, address=self.address, detail=detail)

    async def _serve(self, ws: aiohttp.ClientWebSocketResponse) -> Why:
        hello = Hello(
            protocol=PROTOCOL,
            client=__version__,
            last_seq=self.last_seq if self.stream is not None else None,
            stream=self.stream,
        )
        await ws.send_str(_encoder.encode(hello).decode())
        async with asyncio.timeout(self._sync_timeout) as deadline:
            while not self.synced:
                message = await self._next(ws)
                if message is None:
                    return self._ended(ws)
                await self._take(message)
            deadline.reschedule(None)
        while True:
            message = await self._next(ws)
            if message is None:
                return self._ended(ws)
            await self._take(message)

    def _ended(self, ws: aiohttp.ClientWebSocketResponse) -> Why:
        if self._error is not None:
            return self._error
        if not self.synced:
            return self._unreachable(f"closed before the snapshot, code {ws.close_code}")
        return why(Reason.CONNECTOR_LOST, address=self.address)

    async def _next(self, ws: aiohttp.ClientWebSocketResponse) -> ServerMessage | None:
        while True:
            frame = await ws.receive()
            if frame.type is aiohttp.WSMsgType.TEXT:
                data = frame.data.encode() if isinstance(frame.data, str) else frame.data
                message = self._read(data)
                if message is not None:
                    return message
            elif frame.type in (
                aiohttp.WSMsgType.CLOSE,
                aiohttp.WSMsgType.CLOSING,
                aiohttp.WSMsgType.CLOSED,
                aiohttp.WSMsgType.ERROR,
            ):
                return None

    def _read(self, data: bytes) -> ServerMessage | None:
        """The message in a frame; None for one of a type this version does not know (a newer
        connector's), which is left alone."""
        try:
            message: ServerMessage = _decoder.decode(data)
        except msgspec.DecodeError as error:
            try:
                kind = _any.decode(data).get("type")
            except (msgspec.DecodeError, AttributeError):
                kind = None
            if isinstance(kind, str) and kind not in SERVER_MESSAGES:
                log.info(
                    "Company connector sent a message of unknown type %r; left alone", kind[:40]
                )
                return None
            detail = str(error)[:200]
            raise _Again(
                why(Reason.CONNECTOR_ANSWER_UNEXPECTED, address=self.address, detail=detail),
                fresh=kind == "snapshot",
            ) from None
        return message

    async def _take(self, message: ServerMessage) -> None:
        match message:
            case Welcome():
                # Until its snapshot is in, no `last_seq` may be taken for this stream's.
                self.stream = message.stream if message.resumed else None
                if message.resumed:
                    self._synced_now()
                    self._hand_on(lambda _m: self._handler.on_resumed(), message)
                    await self._resend()
            case Snapshot():
                self.stream = message.stream
                self.last_seq = message.seq
                self._synced_now()
                self._hand_on(self._handler.on_snapshot, message)
                await self._resend()
            case UpdateMessage():
                self._take_update(message)
            case CommandResult():
                self._answer(message.request_id, message.value)
            case CommandRefused():
                self._answer(message.request_id, error=refusal(message.why))
            case ErrorMessage() if message.request_id is not None:
                self._answer(message.request_id, error=refusal(message.why))
            case ErrorMessage():
                # Said before it closes (versions that do not work together, too slow).
                self._error = refusal(message.why).why
                log.warning("Company connector: %s", self._error)

    def _take_update(self, update: UpdateMessage) -> None:
        last = self.last_seq
        if last is not None and update.seq <= last:
            return  # had it already
        if last is None or update.seq != last + 1:
            detail = f"update {update.seq} after {last}"
            raise _Again(
                why(Reason.CONNECTOR_ANSWER_UNEXPECTED, address=self.address, detail=detail)
            )
        self.last_seq = update.seq
        self._hand_on(self._handler.on_update, update)

    def _synced_now(self) -> None:
        self._synced.set()

    def _hand_on[M](self, deliver: Callable[[M], None], message: M) -> None:
        """Give the handler a message; if it fails on it, what it shows can no longer be
        trusted: start again from a snapshot."""
        try:
            deliver(message)
        except Exception:
            log.exception(
                "The switchboard could not apply the connector's %s", type(message).__name__
            )
            detail = f"{type(message).__name__} not applied"
            raise _Again(
                why(Reason.CONNECTOR_ANSWER_UNEXPECTED, address=self.address, detail=detail),
                fresh=True,
            ) from None

    async def _resend(self) -> None:
        for request in list(self._requests.values()):
            request.lost = False
            await self._send(request)


def _retrieved(answer: asyncio.Future[Any]) -> None:
    if not answer.cancelled():
        answer.exception()


def _detail(error: BaseException) -> str:
    if isinstance(error, aiohttp.ClientConnectorError):
        return str(error.os_error.strerror or error.os_error)
    return str(error) or type(error).__name__
