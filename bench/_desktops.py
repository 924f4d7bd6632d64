"""Simulated desktops for bench/connector.py: many WebSocket clients of the company connector's
client API in one process (its CPU is not the connector's).

Run by the benchmark as its own process: ``python bench/_desktops.py --url ws://HOST:PORT/client``,
with $KONNEKTA_BENCH_TOKENS naming a file of device tokens, one a line (never printed). It prints
`READY`, then answers each command on stdin with one JSON line (see `Hub.handle`):

- ``open KIND COUNT FIRST MIRRORS``: COUNT desktops with tokens FIRST.., each saying hello and
  waiting for its snapshot. KIND `stream`: the first MIRRORS build a model with the desktop's own
  `Mirror` (remote/mirror.py) from the snapshot and apply every update to it; the others note
  when each update arrives. KIND `idle`: they only read (and answer pings).
- ``join INDEX``: one more desktop with token INDEX, timed from opening the connection until its
  `Mirror` has loaded the snapshot; then it leaves.
- ``mark`` / ``window START END WALL_START WALL_END``: what happened in between (latencies,
  disconnects, CPU, this process's own loop lag).

The clients speak the WebSocket protocol over a plain asyncio `Protocol` (handshake, frames,
masking, ping/pong, close) rather than aiohttp's client, so that one process can keep hundreds of
them reading a fast stream: a frame costs a few microseconds here. Only the mirror desktops
decode whole messages, as a real desktop does; the other stream desktops read an update's `seq`
and skip their snapshot unread; idle desktops read their socket every 50 ms, in one go,
and count the frames (answering pings and noticing a close as any client). Latency samples are `call.ringing` events stamped by the load
generator (bench/_loadgen.py) with their send time (`started_at`, time.time(), the same clock in
every process). Loopback only.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import contextlib
import ipaddress
import os
import sys
import time
from collections import Counter, deque
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Final
from urllib.parse import urlsplit

import msgspec
from _common import answer, peak_rss_mb, stdin_commands_on
from _loadgen import CALL_PREFIX

from konnekta_desktop.remote.mirror import Mirror
from konnekta_desktop.remote.protocol import (
    PROTOCOL,
    Hello,
    ServerMessage,
    Snapshot,
    UpdateMessage,
    Welcome,
)

TOKENS_VARIABLE: Final = "KONNEKTA_BENCH_TOKENS"
SKIP_OVER: Final = 64 * 1024  # a reader desktop skips a snapshot this long unread
OPEN_AT_ONCE: Final = 4  # desktops connecting at the same time (each gets a snapshot)
SYNC_TIMEOUT: Final = 60.0  # seconds from connecting to the snapshot
IDLE_READ_EVERY: Final = 0.050  # seconds between an idle desktop's reads
LAG_TICK: Final = 0.010  # this process's own loop lag is sampled every 10 ms
BUCKETS_PER_MS: Final = 20  # latency histograms in 0.05 ms steps

TEXT, CLOSE, PING, PONG = 0x1, 0x8, 0x9, 0xA

_message: Final = msgspec.json.Decoder(ServerMessage)


class Head(msgspec.Struct):
    """What a reader desktop takes from a frame: its type and number (the rest is skipped)."""

    type: str
    seq: int | None = None


_head: Final = msgspec.json.Decoder(Head)


class Histogram:
    """Latencies in milliseconds, counted in 0.05 ms steps (cheap for millions of samples)."""

    def __init__(self) -> None:
        self.counts: Counter[int] = Counter()
        self.total = 0
        self.most = 0.0

    def add(self, ms: float) -> None:
        self.counts[round(ms * BUCKETS_PER_MS)] += 1
        self.total += 1
        self.most = max(self.most, ms)

    def percentile(self, fraction: float) -> float:
        """Nearest rank, as `_common.percentile`; 0.0 for no samples."""
        if not self.total:
            return 0.0
        rank = max(1, round(fraction * self.total))
        seen = 0
        for bucket in sorted(self.counts):
            seen += self.counts[bucket]
            if seen >= rank:
                return bucket / BUCKETS_PER_MS
        return self.most

    def figures(self, name: str) -> dict[str, float]:
        return {
            f"{name}_p50_ms": self.percentile(0.50),
            f"{name}_p99_ms": self.percentile(0.99),
            f"{name}_max_ms": self.most,
            f"{name}_samples": self.total,
        }


class Desktop(asyncio.Protocol):
    """One simulated desktop: the upgrade with its device token, hello, the snapshot, then
    updates until the connection ends."""

    def __init__(self, hub: Hub, kind: str, token: str, mirror: bool) -> None:
        self.hub = hub
        self.kind = kind
        self.token = token
        self.mirror = Mirror() if mirror else None
        self.transport: asyncio.Transport | None = None
        self.upgraded = False
        self.buffer = bytearray()
        self.skip = 0  # bytes of a skipped frame still to come
        self.synced: asyncio.Future[bool] = hub.loop.create_future()
        self.times: dict[str, float] = {"start": time.perf_counter()}
        self.last_seq: int | None = None
        self.gaps = 0
        self.frames = 0
        self.update_bytes = 0
        self.apply_seconds = 0.0
        self.applied = 0
        self.seen: set[str] = set()
        self.leaving = False  # we closed it: not a disconnect
        self.closed = False
        self.close_code: int | None = None
        self.refused: str | None = None

    # -- the connection ----------------------------------------------------------------------

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport
        key = base64.b64encode(os.urandom(16)).decode()
        request = (
            f"GET {self.hub.path} HTTP/1.1\r\nHost: {self.hub.host}:{self.hub.port}\r\n"
            "Upgrade: websocket\r\nConnection: Upgrade\r\n"
            f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
            f"Authorization: Bearer {self.token}\r\n\r\n"
        )
        transport.write(request.encode())

    def connection_lost(self, exc: Exception | None) -> None:
        self._ended(None)

    def leave(self) -> None:
        """Close from this side (not counted as a disconnect)."""
        self.leaving = True
        if self.transport is not None and not self.transport.is_closing():
            self._send(CLOSE, (1000).to_bytes(2, "big"))
            self.transport.close()

    def _ended(self, code: int | None) -> None:
        if self.closed:
            return
        self.closed = True
        self.close_code = code
        if not self.synced.done():
            self.synced.set_result(False)
        if not self.leaving:
            self.hub.disconnected(self)
        if self.transport is not None:
            self.transport.close()

    def _send(self, opcode: int, payload: bytes) -> None:
        """A client's frame: always masked (RFC 6455 5.3)."""
        assert self.transport is not None
        length = len(payload)
        if length < 126:
            head = bytes((0x80 | opcode, 0x80 | length))
        elif length < 1 << 16:
            head = bytes((0x80 | opcode, 0x80 | 126)) + length.to_bytes(2, "big")
        else:
            head = bytes((0x80 | opcode, 0x80 | 127)) + length.to_bytes(8, "big")
        mask = os.urandom(4)
        key = (mask * (length // 4 + 1))[:length]
        body = (int.from_bytes(payload, "big") ^ int.from_bytes(key, "big")).to_bytes(length, "big")
        self.transport.write(head + mask + body)

    # -- reading -----------------------------------------------------------------------------

    def data_received(self, data: bytes) -> None:
        now = time.time()
        if not self.upgraded:
            self.buffer += data
            end = self.buffer.find(b"\r\n\r\n")
            if end < 0:
                return
            status = bytes(self.buffer[: self.buffer.find(b"\r\n")]).decode("latin-1")
            rest = bytes(self.buffer[end + 4 :])
            self.buffer.clear()
            if status.split(" ", 2)[1:2] != ["101"]:
                self.refused = status
                self._ended(None)
                return
            self.upgraded = True
            self.times["upgraded"] = time.perf_counter()
            self._send(TEXT, msgspec.json.encode(Hello(protocol=PROTOCOL, client="bench")))
            if not rest:
                return
            data = rest
        if self.skip:
            if len(data) < self.skip:
                self.skip -= len(data)
                return
            data = data[self.skip :]
            self.skip = 0
            self._large_frame_done()
        self.buffer += data
        self._frames(now)
        if self.kind == "idle" and self.synced.done() and self.transport is not None:
            # Reading in bursts lets one process keep hundreds of idle desktops; the kernel
            # holds what comes meanwhile (a ping waits at most this long for its pong).
            self.transport.pause_reading()
            self.hub.loop.call_later(IDLE_READ_EVERY, self._resume)

    def _resume(self) -> None:
        if self.transport is not None and not self.closed:
            self.transport.resume_reading()

    def _frames(self, now: float) -> None:
        buffer = self.buffer
        size = len(buffer)
        at = 0
        while size - at >= 2 and not self.closed:
            first, second = buffer[at], buffer[at + 1]
            length, head = second & 0x7F, 2
            if length == 126:
                if size - at < 4:
                    break
                length, head = int.from_bytes(buffer[at + 2 : at + 4], "big"), 4
            elif length == 127:
                if size - at < 10:
                    break
                length, head = int.from_bytes(buffer[at + 2 : at + 10], "big"), 10
            end = at + head + length
            opcode = first & 0x0F
            skipped = opcode == TEXT and length >= SKIP_OVER and self._skips_large()
            if end > size:
                if skipped:
                    self.skip = end - size
                    at = size
                break
            if skipped:
                at = end
                self._large_frame_done()
                continue
            if opcode == TEXT and self.kind == "idle" and self.synced.done():
                self.frames += 1  # an idle desktop's update: counted, not read
                at = end
                continue
            self._frame(opcode, bytes(buffer[at + head : end]), now)
            at = end
        del buffer[:at]

    def _frame(self, opcode: int, payload: bytes, now: float) -> None:
        if opcode == TEXT:
            self.frames += 1
            if self.mirror is not None:
                self._message(payload, now)
            elif self.kind == "stream" or not self.synced.done():
                head = _head.decode(payload)
                if head.type == "update" and head.seq is not None and self.kind == "stream":
                    self._numbered(head.seq)
                    self.hub.arrived(head.seq, now)
                elif head.type == "snapshot":
                    self._large_frame_done()
                elif head.type == "welcome":
                    self.times["welcome"] = time.perf_counter()
        elif opcode == PING:
            self._send(PONG, payload)
        elif opcode == CLOSE:
            code = int.from_bytes(payload[:2], "big") if len(payload) >= 2 else None
            if not self.leaving:
                with contextlib.suppress(RuntimeError):
                    self._send(CLOSE, payload[:2])
            self._ended(code)

    def _skips_large(self) -> bool:
        """Whether a large frame goes by unread: the snapshot of a desktop without a model, and
        anything an idle desktop gets (a stream desktop reads a large update's `seq`)."""
        return self.mirror is None and (self.kind == "idle" or not self.synced.done())

    def _large_frame_done(self) -> None:
        """A large frame has gone by unread: a reader desktop's snapshot, or an idle one's
        update."""
        self.frames += 1
        if not self.synced.done():
            self.times["snapshot"] = time.perf_counter()
            self.synced.set_result(True)

    def _numbered(self, seq: int) -> None:
        if self.last_seq is not None and seq != self.last_seq + 1:
            self.gaps += 1
        self.last_seq = seq

    def _message(self, payload: bytes, now: float) -> None:
        """A mirror desktop: the message applied to its model as `RemoteSession` does."""
        assert self.mirror is not None
        started = time.perf_counter()
        message = _message.decode(payload)
        if isinstance(message, UpdateMessage):
            self._numbered(message.seq)
            self.mirror.apply(message)
            done = time.time()
            self.apply_seconds += time.perf_counter() - started
            self.applied += 1
            self.update_bytes += len(payload)
            if self.kind != "stream":
                return
            self.hub.arrived(message.seq, now)
            stamps = [
                call.started_at
                for state in message.colleagues
                for call in state.calls
                if call.call_id.startswith(CALL_PREFIX) and call.call_id not in self.seen
            ]
            for state in message.colleagues:
                self.seen.update(call.call_id for call in state.calls)
            self.hub.modelled(message.seq, stamps, done)
        elif isinstance(message, Snapshot):
            self.times["snapshot"] = started
            self.times["decoded"] = time.perf_counter()
            self.mirror.load(message)
            self.times["loaded"] = time.perf_counter()
            self.last_seq = message.seq
            if not self.synced.done():
                self.synced.set_result(True)
        elif isinstance(message, Welcome):
            self.times["welcome"] = started


class Hub:
    """All the desktops of this process, and the figures of a measured window."""

    def __init__(self, url: str, tokens: Sequence[str]) -> None:
        parts = urlsplit(url)
        if parts.scheme != "ws" or parts.hostname is None or parts.port is None:
            raise SystemExit(f"a ws://host:port/path address is needed, not {url}")
        if not ipaddress.ip_address(parts.hostname).is_loopback:
            raise SystemExit(f"refusing to connect to {parts.hostname}: loopback addresses only")
        self.host, self.port, self.path = parts.hostname, parts.port, parts.path or "/"
        self.tokens = list(tokens)
        self.loop = asyncio.get_running_loop()
        self.desktops: list[Desktop] = []
        self.disconnects: list[tuple[str, int | None, float]] = []
        self._mark()
        self._tick()

    # -- what the desktops report ------------------------------------------------------------

    def _mark(self) -> None:
        self.marked_at = time.time()
        self.cpu_mark = time.process_time()
        self.to_model = Histogram()
        self.to_socket = Histogram()
        self.stamps: dict[int, list[float]] = {}  # update seq -> send stamps first in it
        self.stamped: deque[int] = deque()  # the keys of `stamps`, oldest first
        self.pending: list[tuple[int, float]] = []  # (seq, arrival) of every stream desktop
        self.lag = Histogram()

    def arrived(self, seq: int, now: float) -> None:
        self.pending.append((seq, now))

    def modelled(self, seq: int, stamps: list[float], done: float) -> None:
        """A mirror desktop applied update `seq`, with these calls new in it, at `done`."""
        fresh = [stamp for stamp in stamps if stamp >= self.marked_at]
        for stamp in fresh:
            self.to_model.add((done - stamp) * 1000)
        if fresh and seq not in self.stamps:
            self.stamps[seq] = fresh
            self.stamped.append(seq)

    def disconnected(self, desktop: Desktop) -> None:
        self.disconnects.append((desktop.kind, desktop.close_code, time.time()))

    def _sweep(self) -> None:
        """Arrival latencies of the updates whose stamps a mirror desktop has read by now."""
        mirrors = [d for d in self.desktops if d.mirror is not None and not d.closed]
        known = min((d.last_seq or 0 for d in mirrors), default=0)
        waiting: list[tuple[int, float]] = []
        for seq, at in self.pending:
            if seq > known:
                waiting.append((seq, at))
                continue
            for stamp in self.stamps.get(seq, ()):
                self.to_socket.add((at - stamp) * 1000)
        self.pending = waiting
        while self.stamped and self.stamped[0] < known - 20_000:
            del self.stamps[self.stamped.popleft()]

    def _tick(self, due: float | None = None) -> None:
        now = time.monotonic()
        if due is not None:
            self.lag.add(max(0.0, now - due) * 1000)
        self._sweep()
        self.loop.call_at(now + LAG_TICK, self._tick, now + LAG_TICK)

    # -- commands ----------------------------------------------------------------------------

    async def handle(self, words: list[str]) -> None:
        if words[0] == "open":
            kind, count, first, mirrors = words[1], int(words[2]), int(words[3]), int(words[4])
            answer(await self.open(kind, range(first, first + count), mirrors))
        elif words[0] == "join":
            answer(await self.join(int(words[1])))
        elif words[0] == "mark":
            self._mark()
            answer({"marked": True})
        elif words[0] == "window":
            answer(self.window())
        elif words[0] == "quit":
            for desktop in self.desktops:
                desktop.leave()
            answer({"closed": True})

    async def _connect(self, kind: str, index: int, mirror: bool) -> Desktop:
        desktop = Desktop(self, kind, self.tokens[index], mirror)
        await self.loop.create_connection(lambda: desktop, self.host, self.port)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(asyncio.shield(desktop.synced), SYNC_TIMEOUT)
        return desktop

    async def open(self, kind: str, indexes: Iterable[int], mirrors: int) -> dict[str, Any]:
        started = time.perf_counter()
        limit = asyncio.Semaphore(OPEN_AT_ONCE)

        async def one(number: int, index: int) -> Desktop:
            async with limit:
                return await self._connect(kind, index, kind == "stream" and number < mirrors)

        opened = await asyncio.gather(*(one(n, i) for n, i in enumerate(indexes)))
        self.desktops.extend(opened)
        synced = [d for d in opened if d.synced.done() and d.synced.result()]
        return {
            "opened": len(synced),
            "failed": [d.refused or f"closed {d.close_code}" for d in opened if d not in synced],
            "seconds": time.perf_counter() - started,
        }

    async def join(self, index: int) -> dict[str, Any]:
        """One desktop from connecting to its model loaded from the snapshot; then it leaves."""
        desktop = await self._connect("join", index, True)
        try:
            times = desktop.times
            if "loaded" not in times:
                return {"joined": False, "why": desktop.refused or f"closed {desktop.close_code}"}
            start = times["start"]
            return {
                "joined": True,
                "users": len(desktop.mirror.model) if desktop.mirror is not None else 0,
                "seconds": times["loaded"] - start,
                "upgraded_s": times["upgraded"] - start,
                "welcome_s": times.get("welcome", start) - start,
                "snapshot_s": times["snapshot"] - start,
                "decoded_s": times["decoded"] - start,
            }
        finally:
            desktop.leave()

    def window(self) -> dict[str, Any]:
        self._sweep()
        streams = [d for d in self.desktops if d.kind == "stream"]
        mirrors = [d for d in streams if d.mirror is not None]
        since_mark = [d for d in self.disconnects if d[2] >= self.marked_at]
        applied = sum(d.applied for d in mirrors)
        return {
            **self.to_model.figures("model"),
            **self.to_socket.figures("socket"),
            "lag_p99_ms": self.lag.percentile(0.99),
            "lag_max_ms": self.lag.most,
            "stream_connected": sum(not d.closed for d in streams),
            "idle_connected": sum(not d.closed for d in self.desktops if d.kind == "idle"),
            "disconnects": [[kind, code] for kind, code, _ in since_mark],
            "disconnects_total": len(self.disconnects),
            "gaps": sum(d.gaps for d in streams),
            "mirrors": len(mirrors),
            "apply_us": mean(sum(d.apply_seconds for d in mirrors), applied) * 1e6,
            "update_bytes": mean(sum(d.update_bytes for d in mirrors), applied),
            "pending": len(self.pending),
            "cpu_s": time.process_time() - self.cpu_mark,
            "rss_mb": peak_rss_mb(),
        }


def mean(total: float, count: int) -> float:
    return total / count if count else 0.0


async def serve(url: str, tokens: Sequence[str]) -> None:
    hub = Hub(url, tokens)
    done = hub.loop.create_future()

    async def handle(words: list[str]) -> None:
        await hub.handle(words)
        if words[0] == "quit":
            await asyncio.sleep(0.2)  # the close frames go out
            done.set_result(None)

    stdin_commands_on(hub.loop, handle)
    print("READY", flush=True)
    await done


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", required=True, help="the client API, ws://127.0.0.1:PORT/client")
    options = parser.parse_args(argv)
    tokens_file = os.environ.get(TOKENS_VARIABLE)
    if not tokens_file:
        print(f"set {TOKENS_VARIABLE} to a file of device tokens", file=sys.stderr)
        return 2
    asyncio.run(serve(options.url, Path(tokens_file).read_text().split()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
