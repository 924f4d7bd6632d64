"""Load generator for the ingest benchmark: signed, send-time-stamped call and presence events for the
tenant's real users, at the highest rate (closed loop) or at a fixed rate (open loop).

Run as its own process: ``python bench/_loadgen.py --port PORT --ids FILE [--rate 1000]``, the
signing secret in $KONNEKTA_BENCH_SECRET. It extends bench/_load.py (the listener-placement
generator, whose helpers it reuses) in three ways the ingest figures need: the events name users
that exist in the tenant (unknown users take the model's log-and-skip path, which is not the
normal one), every `call.ringing` carries its send time (`started_at`, Unix seconds) so the app can
measure event-to-model latency, and `--rate` paces the events instead of sending flat out.
Prints `WARM` after the warm-up and waits for a line on stdin, then one JSON line with the result.
Bounded in count and time; loopback addresses only.
"""

from __future__ import annotations

import argparse
import asyncio
import ipaddress
import json
import os
import random
import sys
import time
from collections import Counter, deque
from collections.abc import Sequence
from pathlib import Path

import aiohttp
from _load import SECRET_VARIABLE, post_timed, summary

from konnekta_desktop.konnekta import signing
from konnekta_desktop.konnekta.events import (
    CallEnded,
    CallRinging,
    KnownEvent,
    PresenceChanged,
    PresenceData,
    encode_event,
)
from konnekta_desktop.konnekta.models import Availability, Call, CallState, Direction
from konnekta_desktop.simulator.tenant import ACTIVITIES

CALL_PREFIX = "bench-"  # the app side measures only calls whose id starts so
OPEN_CALLS = 200  # calls ringing at once; a call ends ~500 events after it rang


class Traffic:
    """Per five events: two calls start ringing, two earlier calls end, one presence change."""

    def __init__(self, user_ids: Sequence[str], secret: str, tag: str, seed: int = 1) -> None:
        self._users = list(user_ids)
        self._secret = secret
        self._tag = tag
        self._random = random.Random(seed)
        self._open: deque[Call] = deque()
        self._count = 0
        self._activities = [(a.id, availability) for a, availability, _ in ACTIVITIES]

    def next(self) -> tuple[bytes, dict[str, str]]:
        number = self._count
        self._count += 1
        now = time.time()
        stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(now))
        slot = number % 5
        event: KnownEvent
        if slot == 4:
            activity, availability = self._random.choice(self._activities)
            event = PresenceChanged(
                timestamp=stamp,
                data=PresenceData(
                    user_id=self._random.choice(self._users),
                    activity_id=activity,
                    availability=Availability(availability),
                ),
            )
        elif slot >= 2 and len(self._open) >= OPEN_CALLS:
            rang = self._open.popleft()
            ended = Call(
                call_id=rang.call_id,
                user_id=rang.user_id,
                state=CallState.ENDED,
                direction=rang.direction,
                caller=rang.caller,
                called=rang.called,
                started_at=rang.started_at,
            )
            event = CallEnded(timestamp=stamp, data=ended)
        else:
            call = Call(
                call_id=f"{CALL_PREFIX}{self._tag}-{number}",
                user_id=self._random.choice(self._users),
                state=CallState.RINGING,
                direction=Direction.INBOUND,
                caller=f"+452{self._random.randrange(10**7):07d}",
                called="+4570203040",
                started_at=now,  # the send stamp the app measures against
            )
            self._open.append(call)
            event = CallRinging(timestamp=stamp, data=call)
        body = encode_event(event)
        webhook_id = f"msg_{self._tag}_{number}"
        return body, signing.headers(self._secret, webhook_id, int(now), body)


class Run:
    """Latencies and statuses of one phase (warm-up or measured)."""

    def __init__(self, count: int, deadline: float) -> None:
        self.count = count
        self.deadline = deadline
        self.started = 0
        self.latencies: list[float] = []
        self.statuses: Counter[str] = Counter()

    def more(self) -> bool:
        return self.started < self.count and time.monotonic() < self.deadline

    async def send(self, session: aiohttp.ClientSession, url: str, traffic: Traffic) -> None:
        await post_timed(session, url, traffic.next(), self.latencies, self.statuses)

    async def flat_out(
        self, session: aiohttp.ClientSession, url: str, traffic: Traffic, connections: int
    ) -> None:
        async def worker() -> None:
            while self.more():
                self.started += 1
                await self.send(session, url, traffic)

        await asyncio.gather(*(worker() for _ in range(connections)))

    async def paced(
        self, session: aiohttp.ClientSession, url: str, traffic: Traffic, rate: float
    ) -> None:
        """Open loop: event i is sent at start + i/rate whether or not earlier ones were answered
        (a slow server shows as latency, not as a lower offered rate)."""
        began = time.monotonic()
        pending: set[asyncio.Task[None]] = set()
        while self.more():
            due = min(self.count, int((time.monotonic() - began) * rate) + 1)
            while self.started < due:
                self.started += 1
                task = asyncio.create_task(self.send(session, url, traffic))
                pending.add(task)
                task.add_done_callback(pending.discard)
            await asyncio.sleep(max(0.0, began + self.started / rate - time.monotonic()))
        if pending:
            await asyncio.wait(pending, timeout=max(0.1, self.deadline - time.monotonic()))


async def drive(options: argparse.Namespace, secret: str, user_ids: list[str]) -> dict[str, object]:
    if not ipaddress.ip_address(options.host).is_loopback:
        raise SystemExit(f"refusing to send load to {options.host}: loopback addresses only")
    url = f"http://{options.host}:{options.port}/webhook"
    traffic = Traffic(user_ids, secret, tag=f"{os.getpid()}", seed=options.seed)
    deadline = time.monotonic() + options.time_limit
    connector = aiohttp.TCPConnector(limit=options.connections)
    async with aiohttp.ClientSession(connector=connector) as session:

        async def phase(run: Run) -> None:
            if options.rate > 0:
                await run.paced(session, url, traffic, options.rate)
            else:
                await run.flat_out(session, url, traffic, options.connections)

        await phase(Run(options.warmup, deadline))
        print("WARM", flush=True)
        await asyncio.to_thread(sys.stdin.readline)
        measured = Run(options.events, deadline)
        started, wall_started = time.monotonic(), time.time()
        await phase(measured)
        finished, wall_finished = time.monotonic(), time.time()
    figures = summary(measured.statuses, measured.latencies, (started, finished), deadline)
    figures["wall_window"] = [wall_started, wall_finished]
    return figures


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--ids", type=Path, required=True, help="file: one tenant user id a line")
    parser.add_argument("--rate", type=float, default=0.0, help="events/s; 0 sends flat out")
    parser.add_argument("--events", type=int, default=5_000)
    parser.add_argument("--warmup", type=int, default=1_000)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--time-limit", type=float, default=30.0, help="seconds, warm-up included")
    options = parser.parse_args(argv)
    secret = os.environ.get(SECRET_VARIABLE)
    if not secret:
        print(f"set {SECRET_VARIABLE} to the server's webhook secret", file=sys.stderr)
        return 2
    user_ids = options.ids.read_text().split()
    result = asyncio.run(drive(options, secret, user_ids))
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
