"""A small client of the client API for tests: aiohttp's WebSocket client, the protocol's own
messages, and waits with timeouts (never sleeps)."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Callable
from types import TracebackType
from typing import Any, TypeVar

import aiohttp
import msgspec

from konnekta_desktop.remote.protocol import (
    PROTOCOL,
    CommandRefused,
    CommandRequest,
    CommandResult,
    ErrorMessage,
    Hello,
    ServerMessage,
    Snapshot,
    UpdateMessage,
    Welcome,
)

WAIT = 15.0  # seconds any one message may take before a test fails
_ids = itertools.count(1)
_decoder = msgspec.json.Decoder(ServerMessage)
M = TypeVar("M")


class Client:
    """One connection. `received` keeps every message in order; `raw` the JSON as sent."""

    def __init__(self, url: str, token: str = "") -> None:
        self.url = url
        self.token = token  # the device token sent with the upgrade
        self._http: aiohttp.ClientSession | None = None
        self.ws: aiohttp.ClientWebSocketResponse | None = None
        self.received: list[Any] = []
        self.raw: list[Any] = []
        self._unread: list[Any] = []

    async def open(self) -> Client:
        self._http = aiohttp.ClientSession()
        self.ws = await self._http.ws_connect(
            self.url,
            max_msg_size=16 * 1024 * 1024,
            headers={"Authorization": f"Bearer {self.token}"} if self.token else None,
        )
        return self

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()
        if self._http is not None:
            await self._http.close()

    async def __aenter__(self) -> Client:
        return await self.open()

    async def __aexit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    # -- sending -----------------------------------------------------------------------------

    async def send(self, message: Any) -> None:
        assert self.ws is not None
        await self.ws.send_str(msgspec.json.encode(message).decode())

    async def send_text(self, text: str) -> None:
        assert self.ws is not None
        await self.ws.send_str(text)

    async def send_binary(self, data: bytes) -> None:
        assert self.ws is not None
        await self.ws.send_bytes(data)

    async def hello(
        self,
        protocol: str = PROTOCOL,
        *,
        last_seq: int | None = None,
        stream: str | None = None,
    ) -> Welcome:
        await self.send(Hello(protocol=protocol, client="tests", last_seq=last_seq, stream=stream))
        return await self.expect(Welcome)

    async def command(
        self, name: str, arguments: dict[str, Any] | None = None, *, request_id: str | None = None
    ) -> CommandResult | CommandRefused | ErrorMessage:
        """Send a command and wait for its answer (updates meanwhile stay readable)."""
        rid = request_id or f"test-{next(_ids)}"
        await self.send(CommandRequest(request_id=rid, name=name, arguments=arguments or {}))
        answer: Any = await self.wait_for(
            lambda m: (
                isinstance(m, CommandResult | CommandRefused | ErrorMessage) and m.request_id == rid
            )
        )
        return answer  # type: ignore[no-any-return]

    # -- receiving ---------------------------------------------------------------------------

    async def _read(self) -> Any:
        assert self.ws is not None
        frame = await asyncio.wait_for(self.ws.receive(), WAIT)
        if frame.type is not aiohttp.WSMsgType.TEXT:
            raise ConnectionClosed(frame.type, self.ws.close_code)
        self.raw.append(msgspec.json.decode(frame.data))
        message = _decoder.decode(frame.data)
        self.received.append(message)
        return message

    async def next(self) -> Any:
        if self._unread:
            return self._unread.pop(0)
        return await self._read()

    async def expect(self, kind: type[M]) -> M:
        message = await self.next()
        assert isinstance(message, kind), f"expected {kind.__name__}, got {message!r}"
        return message

    async def wait_for(self, wanted: Callable[[Any], bool]) -> Any:
        """The first message (unread so far, or coming) for which `wanted` is true; the others
        stay unread, in order."""
        for index, message in enumerate(self._unread):
            if wanted(message):
                return self._unread.pop(index)
        while True:
            message = await self._read()
            if wanted(message):
                return message
            self._unread.append(message)

    async def update_where(self, wanted: Callable[[UpdateMessage], bool]) -> UpdateMessage:
        found: UpdateMessage = await self.wait_for(
            lambda m: isinstance(m, UpdateMessage) and wanted(m)
        )
        return found

    async def closed(self) -> int | None:
        """Read until the connector closes; its close code."""
        assert self.ws is not None
        while True:
            frame = await asyncio.wait_for(self.ws.receive(), WAIT)
            if frame.type in (
                aiohttp.WSMsgType.CLOSE,
                aiohttp.WSMsgType.CLOSING,
                aiohttp.WSMsgType.CLOSED,
            ):
                return self.ws.close_code
            if frame.type is aiohttp.WSMsgType.TEXT:
                message = _decoder.decode(frame.data)
                self.received.append(message)
                self._unread.append(message)

    def updates(self) -> list[UpdateMessage]:
        return [m for m in self.received if isinstance(m, UpdateMessage)]

    def snapshot(self) -> Snapshot:
        return next(m for m in reversed(self.received) if isinstance(m, Snapshot))


class ConnectionClosed(Exception):
    def __init__(self, kind: aiohttp.WSMsgType, code: int | None) -> None:
        super().__init__(f"the connection closed ({kind.name}, code {code})")
        self.code = code
