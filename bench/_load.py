"""Load generator for the listener benchmarks: posts signed webhook events over keep-alive loopback.

Run as its own process (so that it does not share a core's interpreter with the server under test):
``python bench/_load.py --port PORT --events N``, with the signing secret in $KONNEKTA_BENCH_SECRET.
It prints one JSON line (after `WARM`, with --handshake): counts, statuses, the measured window (time.monotonic, the same clock in
every process on the machine) and HTTP latency percentiles. The loop is bounded in count and time
and only ever talks to a loopback address.
"""

from __future__ import annotations

import argparse
import asyncio
import ipaddress
import json
import os
import sys
import time
from collections import Counter
from collections.abc import Sequence

import aiohttp

from konnekta_desktop.domain import Availability
from konnekta_desktop.konnekta import signing
from konnekta_desktop.konnekta.events import PresenceChanged, PresenceData, encode_event

SECRET_VARIABLE = "KONNEKTA_BENCH_SECRET"


def percentile(values: Sequence[float], fraction: float) -> float:
    """The nearest-rank percentile; 0.0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))]


async def post_timed(
    session: aiohttp.ClientSession,
    url: str,
    message: tuple[bytes, dict[str, str]],
    latencies: list[float],
    statuses: Counter[str],
) -> None:
    """POST one signed event; note its latency and its status (or the client error's name)."""
    body, headers = message
    started = time.perf_counter()
    try:
        async with session.post(url, data=body, headers=headers) as response:
            await response.read()
            status = str(response.status)
    except aiohttp.ClientError as error:
        status = type(error).__name__
    latencies.append(time.perf_counter() - started)
    statuses[status] += 1


def summary(
    statuses: Counter[str], latencies: list[float], window: tuple[float, float], deadline: float
) -> dict[str, object]:
    """The figures of a measured phase, as the orchestrators read them."""
    started, finished = window
    sent = sum(statuses.values())
    return {
        "sent": sent,
        "ok": statuses.get("204", 0),
        "statuses": dict(statuses),
        "window": [started, finished],
        "rate": sent / (finished - started) if finished > started else 0.0,
        "p50_ms": percentile(latencies, 0.50) * 1000,
        "p99_ms": percentile(latencies, 0.99) * 1000,
        "timed_out": time.monotonic() >= deadline,
    }


def signed_events(secret: str, count: int, first_id: int) -> list[tuple[bytes, dict[str, str]]]:
    """Bodies and headers signed up front, so signing costs the generator nothing while measuring."""
    now = int(time.time())
    messages = []
    for number in range(first_id, first_id + count):
        event = PresenceChanged(
            timestamp="2025-06-15T12:00:00Z",
            data=PresenceData(
                user_id=f"u{number % 500}",
                activity_id=f"a{number % 7}",
                availability=Availability.AVAILABLE if number % 2 else Availability.UNAVAILABLE,
            ),
        )
        body = encode_event(event)
        messages.append((body, signing.headers(secret, f"bench_{number}", now, body)))
    return messages


class Phase:
    """One pass over a list of messages with a fixed number of connections."""

    def __init__(self, messages: list[tuple[bytes, dict[str, str]]], deadline: float) -> None:
        self.messages = messages
        self.deadline = deadline
        self.next_index = 0
        self.latencies: list[float] = []
        self.statuses: Counter[str] = Counter()

    async def run(self, session: aiohttp.ClientSession, url: str, connections: int) -> None:
        await asyncio.gather(*(self._worker(session, url) for _ in range(connections)))

    async def _worker(self, session: aiohttp.ClientSession, url: str) -> None:
        while self.next_index < len(self.messages) and time.monotonic() < self.deadline:
            message = self.messages[self.next_index]
            self.next_index += 1
            await post_timed(session, url, message, self.latencies, self.statuses)


async def drive(
    host: str,
    port: int,
    secret: str,
    events: int,
    warmup: int,
    connections: int,
    limit: float,
    handshake: bool = False,
) -> dict[str, object]:
    if not ipaddress.ip_address(host).is_loopback:
        raise SystemExit(f"refusing to send load to {host}: loopback addresses only")
    url = f"http://{host}:{port}/webhook"
    deadline = time.monotonic() + limit
    warm = Phase(signed_events(secret, warmup, first_id=0), deadline)
    measured = Phase(signed_events(secret, events, first_id=warmup), deadline)
    connector = aiohttp.TCPConnector(limit=connections, force_close=False)
    async with aiohttp.ClientSession(connector=connector) as session:
        await warm.run(session, url, connections)
        if handshake:
            # Lets the orchestrator note the server's CPU time right before the measured phase.
            print("WARM", flush=True)
            sys.stdin.readline()
        started = time.monotonic()
        await measured.run(session, url, connections)
        finished = time.monotonic()
    return summary(measured.statuses, measured.latencies, (started, finished), deadline)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--events", type=int, default=20_000)
    parser.add_argument("--warmup", type=int, default=2_000)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--time-limit", type=float, default=30.0, help="seconds, warm-up included")
    parser.add_argument(
        "--handshake", action="store_true", help="print WARM and wait for a line on stdin"
    )
    options = parser.parse_args(argv)
    secret = os.environ.get(SECRET_VARIABLE)
    if not secret:
        print(f"set {SECRET_VARIABLE} to the server's webhook secret", file=sys.stderr)
        return 2
    result = asyncio.run(
        drive(
            options.host,
            options.port,
            secret,
            options.events,
            options.warmup,
            options.connections,
            options.time_limit,
            options.handshake,
        )
    )
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
