"""How long and how many connections the listener holds, over real loopback sockets (issue
"Hardening the connection", item 6).

The listener held every connection for ever: a half-sent request, a sender trickling its body a
byte at a time, an idle keep-alive. 200 of them held 200 file descriptors (macOS allows 256). Now
each phase has a deadline and the open connections a cap that closes idle ones first. The
deadlines are fractions of a second here; each test waits for the server's close (an end of
stream), never sleeps, and after each bad connection a valid event must still arrive.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import itertools
import logging
from collections.abc import AsyncIterator, Iterator, Sequence
from dataclasses import dataclass, field

import aiohttp
import pytest

from konnekta_desktop.domain import PbxEvent
from konnekta_desktop.konnekta import signing, translate
from konnekta_desktop.konnekta.events import PresenceChanged, PresenceData, encode_event
from konnekta_desktop.konnekta.models import Availability
from konnekta_desktop.listener import ListenerThread
from konnekta_desktop.listener.connections import ConnectionLimits
from konnekta_desktop.listener.server import WEBHOOK_PATH

SECRET = signing.SECRET_PREFIX + base64.b64encode(bytes(range(7, 39))).decode()
NOW = 1_750_000_000
WAIT_SECONDS = 5.0  # how long a close or an event may take before the test fails
EARLY = 0.05  # a close may come this much before its deadline (timer and clock granularity)
LONG = 30.0  # a deadline that a test does not exercise
SHORT = 0.4  # the one it does


def _presence(number: int) -> PresenceChanged:
    return PresenceChanged(
        timestamp="2025-06-15T12:00:00Z",
        data=PresenceData(
            user_id=f"u{number}", activity_id=None, availability=Availability.AVAILABLE
        ),
    )


@dataclass
class Listening:
    thread: ListenerThread
    port: int
    delivered: list[PbxEvent] = field(default_factory=list)
    arrived: asyncio.Event = field(default_factory=asyncio.Event)
    ids: Iterator[int] = field(default_factory=itertools.count)
    writers: list[asyncio.StreamWriter] = field(default_factory=list)

    async def connect(self) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
        """A raw connection, closed when the test ends."""
        reader, writer = await asyncio.open_connection("127.0.0.1", self.port)
        self.writers.append(writer)
        return reader, writer

    def deliver(self, batch: Sequence[PbxEvent]) -> None:
        self.delivered.extend(batch)
        self.arrived.set()

    def signed_request(self, number: int, *, expect_continue: bool = False) -> tuple[bytes, bytes]:
        """The head and the body of a signed POST of a presence event, as raw HTTP/1.1."""
        body = encode_event(_presence(number))
        headers = signing.headers(SECRET, f"msg_{next(self.ids)}", NOW, body)
        head = "".join(f"{name}: {value}\r\n" for name, value in headers.items())
        expect = "Expect: 100-continue\r\n" if expect_continue else ""
        return (
            f"POST {WEBHOOK_PATH} HTTP/1.1\r\nHost: 127.0.0.1\r\n{expect}"
            f"Content-Length: {len(body)}\r\n{head}\r\n"
        ).encode(), body

    async def wait_for(self, count: int) -> list[PbxEvent]:
        async with asyncio.timeout(WAIT_SECONDS):
            while len(self.delivered) < count:
                self.arrived.clear()
                await self.arrived.wait()
        return self.delivered

    async def a_valid_event_still_arrives(self) -> None:
        """Posted the way Konnekta posts, on a new connection; answered 204 and delivered."""
        before = len(self.delivered)
        number = 1000 + before
        body = encode_event(_presence(number))
        headers = signing.headers(SECRET, f"msg_{next(self.ids)}", NOW, body)
        url = f"http://127.0.0.1:{self.port}{WEBHOOK_PATH}"
        connector = aiohttp.TCPConnector(force_close=True)
        async with (
            aiohttp.ClientSession(connector=connector) as session,
            session.post(url, data=body, headers=headers) as response,
        ):
            assert response.status == 204
        delivered = await self.wait_for(before + 1)
        assert delivered[-1] == translate.event(_presence(number))


@contextlib.asynccontextmanager
async def listening(limits: ConnectionLimits) -> AsyncIterator[Listening]:
    loop = asyncio.get_running_loop()
    holder: list[Listening] = []
    thread = ListenerThread(
        "127.0.0.1", 0, lambda batch: holder[0].deliver(batch), loop, lambda: NOW, limits=limits
    )
    thread.start()
    thread.listener.set_secret(SECRET)
    holder.append(Listening(thread, thread.port))
    try:
        yield holder[0]
    finally:
        for writer in holder[0].writers:
            writer.close()
        thread.stop()


async def _closed_by_server(reader: asyncio.StreamReader) -> None:
    """Returns once the server has closed the connection: an end of stream or a reset."""
    async with asyncio.timeout(WAIT_SECONDS):
        with contextlib.suppress(ConnectionResetError):
            while await reader.read(4096):
                pass


async def _seconds_until_closed(reader: asyncio.StreamReader, since: float) -> float:
    await _closed_by_server(reader)
    return asyncio.get_running_loop().time() - since


async def _trickle_until_closed(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, data: bytes, every: float
) -> int:
    """Send `data` a byte at a time, one each `every` seconds for as long as the connection is
    open (the pause is a wait for the server's close). Returns how many bytes went out."""
    sent = 0
    async with asyncio.timeout(WAIT_SECONDS):
        for byte in itertools.cycle(data):
            writer.write(bytes([byte]))
            sent += 1
            try:
                async with asyncio.timeout(every):
                    with contextlib.suppress(ConnectionResetError):
                        while await reader.read(4096):
                            pass
                        return sent
            except TimeoutError:
                continue
    raise AssertionError("unreachable")


async def _answer(reader: asyncio.StreamReader) -> bytes:
    """One answer's head (its body, if any, read and dropped)."""
    async with asyncio.timeout(WAIT_SECONDS):
        head = await reader.readuntil(b"\r\n\r\n")
        for line in head.lower().split(b"\r\n"):
            if line.startswith(b"content-length:"):
                await reader.readexactly(int(line.split(b":")[1]))
        return head


HALF_SENT = {
    "nothing at all": b"",
    "half a request line": b"POST /webh",
    "headers not finished": b"POST /webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: appl",
}


@pytest.mark.parametrize("data", HALF_SENT.values(), ids=HALF_SENT.keys())
async def test_a_half_sent_request_is_closed_after_the_header_timeout(data: bytes) -> None:
    limits = ConnectionLimits(header_seconds=SHORT, body_seconds=LONG, idle_seconds=LONG)
    async with listening(limits) as listener:
        loop = asyncio.get_running_loop()
        started = loop.time()
        reader, writer = await listener.connect()
        writer.write(data)
        elapsed = await _seconds_until_closed(reader, started)
        assert elapsed >= SHORT - EARLY
        assert listener.thread.connections.stats.header_timeouts == 1
        await listener.a_valid_event_still_arrives()


async def test_headers_trickled_a_byte_at_a_time_are_closed_at_the_header_deadline() -> None:
    # Every byte arrives well within the deadline; the headers as a whole do not (slowloris).
    limits = ConnectionLimits(header_seconds=SHORT, body_seconds=LONG, idle_seconds=LONG)
    async with listening(limits) as listener:
        started = asyncio.get_running_loop().time()
        reader, writer = await listener.connect()
        head = b"POST /webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: " + b"a" * 10_000
        sent = await _trickle_until_closed(reader, writer, head, every=SHORT / 10)
        elapsed = asyncio.get_running_loop().time() - started
        assert elapsed >= SHORT - EARLY
        assert sent >= 3  # it kept sending, and was closed all the same
        assert listener.thread.connections.stats.header_timeouts == 1
        await listener.a_valid_event_still_arrives()


async def test_a_body_sent_a_byte_at_a_time_is_closed_after_the_body_timeout(
    caplog: pytest.LogCaptureFixture,
) -> None:
    limits = ConnectionLimits(header_seconds=LONG, body_seconds=SHORT, idle_seconds=LONG)
    async with listening(limits) as listener:
        caplog.set_level(logging.DEBUG)
        reader, writer = await listener.connect()
        writer.write(
            f"POST {WEBHOOK_PATH} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n".encode()
        )
        started = asyncio.get_running_loop().time()
        sent = await _trickle_until_closed(reader, writer, b'{"type": "user.', every=SHORT / 10)
        elapsed = asyncio.get_running_loop().time() - started
        assert elapsed >= SHORT - EARLY
        assert sent >= 3
        stats = listener.thread.connections.stats
        assert (stats.body_timeouts, stats.header_timeouts) == (1, 0)
        # One warning saying why, and no traceback for the request it cut short.
        assert [r.levelno for r in caplog.records if r.levelno >= logging.WARNING] == [
            logging.WARNING
        ], caplog.text
        assert "body did not arrive" in caplog.text
        await listener.a_valid_event_still_arrives()


async def test_an_idle_keep_alive_is_closed_after_the_idle_timeout() -> None:
    limits = ConnectionLimits(header_seconds=LONG, body_seconds=LONG, idle_seconds=SHORT)
    async with listening(limits) as listener:
        reader, writer = await listener.connect()
        # Timed from before the request: the idle time, which starts at its answer, is within.
        started = asyncio.get_running_loop().time()
        writer.write(b"".join(listener.signed_request(1)))
        assert (await _answer(reader)).startswith(b"HTTP/1.1 204")
        assert await listener.wait_for(1) == [translate.event(_presence(1))]
        elapsed = await _seconds_until_closed(reader, started)
        assert elapsed >= SHORT - EARLY
        stats = listener.thread.connections.stats
        assert (stats.idle_timeouts, stats.header_timeouts, stats.body_timeouts) == (1, 0, 0)
        await listener.a_valid_event_still_arrives()


async def test_a_keep_alive_used_within_the_idle_timeout_stays_open() -> None:
    # The idle deadline restarts with each answer: a sender posting more often keeps its
    # connection, and a request's phases do not count as idle.
    limits = ConnectionLimits(header_seconds=LONG, body_seconds=LONG, idle_seconds=LONG)
    async with listening(limits) as listener:
        reader, writer = await listener.connect()
        for number in range(5):
            writer.write(b"".join(listener.signed_request(number)))
            assert (await _answer(reader)).startswith(b"HTTP/1.1 204")
        assert len(await listener.wait_for(5)) == 5
        assert listener.thread.connections.open_connections == 1


CAP = 4


async def _idle_connections(
    listener: Listening, count: int
) -> list[tuple[asyncio.StreamReader, asyncio.StreamWriter]]:
    """`count` keep-alives, each idle after one answered request (oldest first)."""
    connections = []
    for _ in range(count):
        reader, writer = await listener.connect()
        writer.write(b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        assert (await _answer(reader)).startswith(b"HTTP/1.1 200")
        connections.append((reader, writer))
    return connections


async def test_with_the_cap_reached_by_idle_keep_alives_a_new_sender_gets_through() -> None:
    limits = ConnectionLimits(LONG, LONG, LONG, max_connections=CAP)
    async with listening(limits) as listener:
        idle = await _idle_connections(listener, CAP)
        assert listener.thread.connections.open_connections == CAP
        await listener.a_valid_event_still_arrives()
        # The one idle longest made room; the others are still open and usable.
        await _closed_by_server(idle[0][0])
        reader, writer = idle[-1]
        writer.write(b"".join(listener.signed_request(7)))
        assert (await _answer(reader)).startswith(b"HTTP/1.1 204")
        assert listener.thread.connections.stats.made_room == 1
        assert listener.thread.connections.stats.refused == 0


async def test_a_flood_of_idle_connections_never_holds_more_than_the_cap() -> None:
    limits = ConnectionLimits(LONG, LONG, LONG, max_connections=CAP)
    async with listening(limits) as listener:
        flood = [await listener.connect() for _ in range(5 * CAP)]
        # Each newcomer closed the oldest silent one: all but the last CAP are closed.
        for reader, _ in flood[:-CAP]:
            await _closed_by_server(reader)
        await listener.a_valid_event_still_arrives()
        assert listener.thread.connections.open_connections <= CAP
        assert listener.thread.connections.stats.refused == 0


async def test_with_the_cap_reached_by_stalled_headers_a_new_sender_gets_through() -> None:
    limits = ConnectionLimits(LONG, LONG, LONG, max_connections=CAP)
    async with listening(limits) as listener:
        stalled = []
        for _ in range(CAP):
            reader, writer = await listener.connect()
            writer.write(b"POST /webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Ty")
            await writer.drain()
            stalled.append((reader, writer))
        await listener.a_valid_event_still_arrives()
        await _closed_by_server(stalled[0][0])  # stalled longest
        assert listener.thread.connections.stats.made_room == 1


async def test_with_every_connection_busy_a_new_one_is_refused_until_one_is_free() -> None:
    limits = ConnectionLimits(LONG, 1.0, LONG, max_connections=CAP)
    async with listening(limits) as listener:
        busy = []
        for number in range(CAP):
            reader, writer = await listener.connect()
            head, body = listener.signed_request(number, expect_continue=True)
            writer.write(head)
            # "100 Continue" comes once the headers are parsed and the request is in its body.
            assert (await _answer(reader)).startswith(b"HTTP/1.1 100 Continue")
            writer.write(body[:-5])
            busy.append((reader, writer))
        reader, writer = await listener.connect()
        writer.write(b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        refused_or_answered = await _answer_or_close(reader)
        assert refused_or_answered == b""  # closed unanswered: the cap, all of them busy
        assert listener.thread.connections.stats.refused == 1
        for reader, _ in busy:
            await _closed_by_server(reader)  # each body's deadline passes
        await listener.a_valid_event_still_arrives()
        assert listener.thread.connections.stats.body_timeouts == CAP


async def _answer_or_close(reader: asyncio.StreamReader) -> bytes:
    async with asyncio.timeout(WAIT_SECONDS):
        try:
            return await reader.read()
        except ConnectionResetError:
            return b""


def test_the_defaults_are_those_docs_listener_md_states() -> None:
    limits = ConnectionLimits()
    assert (limits.header_seconds, limits.body_seconds, limits.idle_seconds) == (10, 30, 60)
    assert limits.max_connections == 128


@pytest.mark.parametrize(
    "options",
    [{"header_seconds": 0}, {"body_seconds": -1}, {"idle_seconds": 0}, {"max_connections": 0}],
)
def test_a_deadline_or_cap_that_would_shut_everyone_out_is_refused(
    options: dict[str, float],
) -> None:
    with pytest.raises(ValueError, match="must"):
        ConnectionLimits(**options)  # type: ignore[arg-type]


async def test_a_sender_hanging_up_mid_body_is_a_debug_line_not_an_error(
    caplog: pytest.LogCaptureFixture,
) -> None:
    # It used to be aiohttp's "Error handling request" with a traceback, at ERROR.
    caplog.set_level(logging.DEBUG)
    async with listening(ConnectionLimits()) as listener:
        reader, writer = await listener.connect()
        head, body = listener.signed_request(1, expect_continue=True)
        writer.write(head)
        assert (await _answer(reader)).startswith(b"HTTP/1.1 100 Continue")
        writer.write(body[:5])
        await writer.drain()
        writer.close()
        await listener.a_valid_event_still_arrives()
    # The listener has stopped: whatever it had to say about the hang-up is said.
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []
    assert "ended before it was read" in caplog.text
