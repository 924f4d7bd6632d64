"""One desktop's WebSocket: the handshake, then commands in and frames out.

Frames go out through a bounded queue drained by one writer, so a slow client never holds the
session up: when its queue is full it is told so and disconnected, and it comes back with
`last_seq` to resume from the window. Commands run side by side; an answer carries its request id.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import TYPE_CHECKING, Any, Final

import msgspec
from aiohttp import WSMsgType, web

from ..domain.refusals import Reason, Why, english, why
from .commands import Caller, carry_out
from .frames import not_text, read_frame
from .protocol import (
    CLOSE_NO_HELLO,
    CLOSE_RECONNECT,
    CLOSE_VERSION,
    PROTOCOL,
    CommandRequest,
    CommandResult,
    ErrorMessage,
    Hello,
    agreed_version,
    wire_why,
)

if TYPE_CHECKING:
    from .operators import Operator
    from .server import ClientApi

__all__ = ["ClientConnection"]

log = logging.getLogger(__name__)

QUEUE_FRAMES: Final = 2_000  # frames waiting for a client before it counts as too slow
_encoder: Final = msgspec.json.Encoder()


class ClientConnection:
    """An operator's client from its hello until it goes; `send` queues a frame (never waits)."""

    def __init__(
        self, api: ClientApi, ws: web.WebSocketResponse, peer: str, operator: Operator
    ) -> None:
        self._api = api
        self._ws = ws
        self.peer = peer
        self.operator = operator
        self.attached_as: str | None = None  # the user whose switchboard client it is, once in
        self.client = "?"  # its version, once it said hello
        self._queue: asyncio.Queue[bytes | None] = asyncio.Queue(QUEUE_FRAMES)
        self._commands: set[asyncio.Task[None]] = set()
        self._closing = False
        self._close_code = 1000

    # -- out ---------------------------------------------------------------------------------

    def send(self, frame: bytes) -> None:
        if self._closing:
            return
        try:
            self._queue.put_nowait(frame)
        except asyncio.QueueFull:
            self.drop(why(Reason.CLIENT_TOO_SLOW), CLOSE_RECONNECT)

    def send_message(self, message: Any) -> None:
        self.send(_encoder.encode(message))

    def drop(self, said: Why | None, code: int) -> None:
        """Send `said` (an error) if given, then close with `code`; frames queued are dropped."""
        if self._closing:
            return
        self._closing = True
        while not self._queue.empty():
            self._queue.get_nowait()
        if said is not None:
            log.info("Client %s (%s) disconnected: %s", self.peer, self.client, english(said))
            self._queue.put_nowait(_encoder.encode(ErrorMessage(why=wire_why(said))))
        self._close_code = code
        self._queue.put_nowait(None)

    async def _write(self) -> None:
        while True:
            frame = await self._queue.get()
            if frame is None:
                with contextlib.suppress(ConnectionError, RuntimeError):
                    await self._ws.close(code=self._close_code)
                return
            try:
                await self._ws.send_frame(frame, WSMsgType.TEXT)
            except (ConnectionError, RuntimeError):  # gone meanwhile; the reader notices too
                self._closing = True
                return
            # Not kept while waiting for the next: a snapshot is megabytes, and on a quiet day
            # the next frame may be a long while coming (bench/connector.py found 11 MB held per
            # desktop at 20,000 users).
            del frame

    # -- in ----------------------------------------------------------------------------------

    async def run(self) -> None:
        writer = asyncio.create_task(self._write(), name=f"client {self.peer} writer")
        attached = False
        try:
            hello = await self._hello()
            if hello is not None:
                attached = self._api.join(self, hello)
                if attached:
                    await self._serve()
        finally:
            if attached:
                self._api.leave(self)
            for task in self._commands:
                task.cancel()  # a command itself goes on: the session shields it
            await asyncio.gather(*self._commands, return_exceptions=True)
            if not self._closing:
                self.drop(None, 1000)
            with contextlib.suppress(Exception):
                await asyncio.wait_for(writer, 5)
            writer.cancel()

    async def _hello(self) -> Hello | None:
        """Wait for hello (answering anything else with an error) and check its version."""
        try:
            async with asyncio.timeout(self._api.hello_timeout):
                while True:
                    message = await self._next()
                    if message is None:
                        return None
                    if isinstance(message, Hello):
                        break
                    self._out_of_turn(message)
        except TimeoutError:
            self.drop(None, CLOSE_NO_HELLO)
            return None
        self.client = "".join(c for c in message.client[:100] if c.isprintable())  # for the log
        if agreed_version(message.protocol) is None:
            said = why(
                Reason.PROTOCOL_VERSION_MISMATCH,
                client_version=message.protocol[:40],
                connector_version=PROTOCOL,
            )
            self.drop(said, CLOSE_VERSION)
            return None
        return message

    async def _serve(self) -> None:
        while True:
            message = await self._next()
            if message is None:
                return
            if isinstance(message, CommandRequest):
                task = asyncio.create_task(self._command(message), name="client command")
                self._commands.add(task)
                task.add_done_callback(self._commands.discard)
            else:
                self._out_of_turn(message)

    def _out_of_turn(self, message: Hello | CommandRequest) -> None:
        if isinstance(message, Hello):
            said = why(Reason.MESSAGE_OUT_OF_TURN, type="hello")
            self.send_message(ErrorMessage(why=wire_why(said)))
        else:
            said = why(Reason.MESSAGE_OUT_OF_TURN, type="command")
            self.send_message(ErrorMessage(why=wire_why(said), request_id=message.request_id))

    async def _next(self) -> Hello | CommandRequest | None:
        """The next usable message; errors for unusable ones are sent on the way. None: gone."""
        while True:
            frame = await self._ws.receive()
            if frame.type in (WSMsgType.CLOSE, WSMsgType.CLOSING, WSMsgType.CLOSED):
                return None
            if frame.type is WSMsgType.ERROR:
                log.info("Client %s: %s", self.peer, frame.data)
                return None
            if frame.type is WSMsgType.TEXT:
                data = frame.data if isinstance(frame.data, bytes) else frame.data.encode()
                message = read_frame(data)
            else:
                message = not_text()
            if not isinstance(message, ErrorMessage):
                return message
            log.info("Client %s sent an unusable message: %s", self.peer, _said(message))
            self.send_message(message)

    async def _command(self, request: CommandRequest) -> None:
        board = self._api.board
        colleague = board.model.by_username(self.operator.username)
        caller = Caller(self.operator.role, colleague.id if colleague is not None else None)
        answer = await carry_out(board, request, caller)
        self.send_message(answer)
        outcome = "done" if isinstance(answer, CommandResult) else answer.why.code
        try:
            self._api.operators.record(self.operator, request.name, request.arguments, outcome)
        except Exception as error:  # the command is done; a locked file must not undo that
            log.warning("Command %s not recorded in the audit: %s", request.request_id, error)


def _said(message: ErrorMessage) -> str:
    return message.why.code
