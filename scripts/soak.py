"""Soak test: a headless session (or the GUI offscreen, with --gui) under a steady event stream.

The simulator runs in a child process (`python -m konnekta_desktop.simulator`); this process runs
the session and drives the simulator's control API at a fixed rate: presence changes and calls
(ring, answer, hang up), each change one webhook event. After a warm-up it samples RSS, asyncio
tasks, threads (and, with --gui, live QTimer objects) at the start and the end, and prints them;
RSS is also sampled every `--sample-every` seconds (a minute by default), to show where it levels
off: the growth over the last third of the run is printed beside the whole run's.

    uv run python scripts/soak.py                      # 10 minutes at 50 events/s
    uv run python scripts/soak.py --duration 45 --json # the short version the test suite runs
    QT_QPA_PLATFORM=offscreen uv run python scripts/soak.py --gui --duration 120

Exits 1 when RSS grew by 10 % or more, or the task, thread or timer count grew, or events were
refused or lost.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import json
import os
import random
import secrets
import socket
import subprocess
import sys
import threading
import time
import tracemalloc
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import aiohttp

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from konnekta_desktop.core.config import ConnectorConfig  # noqa: E402
from konnekta_desktop.core.session import Session  # noqa: E402
from konnekta_desktop.core.store import Store  # noqa: E402
from konnekta_desktop.runtime import suggested_mappings  # noqa: E402

RSS_GROWTH_LIMIT = 10.0  # percent


@dataclass
class Sample:
    at: float
    rss_mib: float
    tasks: int
    threads: int
    qt_timers: int | None
    events: int


@dataclass
class Outcome:
    mode: str
    duration: float
    rate_wanted: float
    rate_reached: float
    events_sent: int
    events_accepted: int
    events_refused: int
    start: Sample
    end: Sample
    rss_growth_percent: float
    last_third_growth_percent: float  # from the sample two thirds in to the end
    rss_by_minute: list[float]  # MiB at each sample, the start first
    ok: bool


def rss_mib() -> float:
    """Resident memory now (Linux /proc); elsewhere the peak from getrusage, which only grows."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def qt_timer_count() -> int | None:
    if "PySide6.QtCore" not in sys.modules:
        return None
    from PySide6.QtCore import QTimer

    gc.collect()
    return sum(1 for obj in gc.get_objects() if isinstance(obj, QTimer))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_simulator(
    users: int, port: int, client_secret: str, password: str
) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "KONNEKTA_SIM_CLIENT_SECRET": client_secret,
        "KONNEKTA_SIM_PASSWORD": password,
    }
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "konnekta_desktop.simulator",
            "--port",
            str(port),
            "--users",
            str(users),
            "--seed",
            "1",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert process.stdout is not None
    for line in process.stdout:
        if line.startswith("Control API:"):
            return process
    raise SystemExit("the simulator did not start")


class Driver:
    """Sends one event-producing control request every 1/rate seconds, on a fixed schedule.

    It runs on a thread of its own with a plain asyncio loop (`run_apart`), so its HTTP client's
    memory, tasks and timers are not counted as the app's.
    """

    def __init__(self, base_url: str, user_ids: list[str], activities: list[str], rate: float):
        self.base = f"{base_url}/_sim"
        self.user_ids = user_ids
        self.activities = activities
        self.rate = rate
        self.sent = 0
        self.failed = 0
        self.rng = random.Random(6)
        self.calls: list[tuple[str, str]] = []  # (call_id, step) in progress
        self._thread = ThreadPoolExecutor(1, thread_name_prefix="soak-driver")

    async def run_apart(self, until: float) -> None:
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(self._thread, asyncio.run, self.run(until))

    async def run(self, until: float) -> None:
        """Keep the schedule even when one request is slow: up to 16 requests in flight."""
        gate = asyncio.Semaphore(16)
        in_flight: set[asyncio.Task[None]] = set()
        scheduled = 0

        async def one(http: aiohttp.ClientSession) -> None:
            async with gate:
                await self._one(http)

        async with aiohttp.ClientSession() as http:
            started = time.monotonic()
            while (now := time.monotonic()) < until:
                due = started + scheduled / self.rate
                if due > now:
                    await asyncio.sleep(due - now)
                task = asyncio.create_task(one(http))
                in_flight.add(task)
                task.add_done_callback(in_flight.discard)
                scheduled += 1
            await asyncio.gather(*in_flight)

    async def _one(self, http: aiohttp.ClientSession) -> None:
        try:
            if self.calls and self.rng.random() < 0.5:
                call_id, step = self.calls.pop(0)
                if step == "answer":
                    await self._send(http, "POST", f"/calls/{call_id}/answer", {})
                    self.calls.append((call_id, "hang_up"))
                else:
                    await self._send(http, "DELETE", f"/calls/{call_id}", None)
            elif self.rng.random() < 0.4 and len(self.calls) < 20:
                user_id = self.rng.choice(self.user_ids)
                answer = await self._send(
                    http, "POST", "/calls", {"kind": "direct", "user_id": user_id}
                )
                self.calls.append((answer["call_id"], "answer"))
            else:
                user_id = self.rng.choice(self.user_ids)
                activity = self.rng.choice(self.activities)
                availability = "available" if activity == "act-available" else "unavailable"
                await self._send(
                    http,
                    "PUT",
                    f"/users/{user_id}/presence",
                    {"activity_id": activity, "availability": availability},
                )
        except (aiohttp.ClientError, KeyError):
            self.failed += 1
        self.sent += 1

    async def _send(self, http: aiohttp.ClientSession, method: str, path: str, body: Any) -> Any:
        async with http.request(method, self.base + path, json=body) as response:
            response.raise_for_status()
            return await response.json() if response.status == 201 else None


async def soak(args: argparse.Namespace) -> Outcome:
    client_secret, password = secrets.token_urlsafe(24), secrets.token_urlsafe(18)
    port = free_port()
    simulator = start_simulator(args.users, port, client_secret, password)
    base_url = f"http://127.0.0.1:{port}"
    try:
        async with aiohttp.ClientSession() as http, http.get(f"{base_url}/_sim/state") as answer:
            state = await answer.json()
        activities_raw = state["activities"]
        from konnekta_desktop.konnekta.models import Activity

        activities = [Activity(id=a["id"], name=a["name"]) for a in activities_raw]
        activity_mappings, state_mappings = suggested_mappings(activities)
        config = ConnectorConfig(
            issuer_uri=state["issuer_uri"],
            smg_address=state["smg_address"],
            client_id="konnekta-desktop",
            client_secret=client_secret,
            user=f"switchboard@{state['tenant_domain']}",
            password=password,
            listener_port=0,
            activity_mappings=activity_mappings,
            state_mappings=state_mappings,
        )
        store_dir = (
            Path(args.store_dir)
            if args.store_dir
            else Path(os.environ.get("TMPDIR", "/tmp")) / f"konnekta-soak-{os.getpid()}"
        )
        store_dir.mkdir(parents=True, exist_ok=True)
        session = Session(config, Store(store_dir / "soak.sqlite3"))
        app = None
        if args.gui:
            from konnekta_desktop.app import SwitchboardApp

            async def factory() -> Any:
                return session

            app = SwitchboardApp(factory, use_tray=False)
            await app.boot()
        else:
            await session.start()
        await asyncio.wait_for(session.connector.wait_connected(), 30)
        user_ids = [c.id for c in session.model]
        driver = Driver(base_url, user_ids, [a.id for a in activities], args.rate)
        stats = session.connector.listener.listener.stats  # type: ignore[union-attr]

        def sample() -> Sample:
            gc.collect()
            return Sample(
                at=time.monotonic(),
                rss_mib=round(rss_mib(), 1),
                tasks=len(asyncio.all_tasks()),
                threads=threading.active_count(),
                qt_timers=qt_timer_count(),
                events=stats.accepted,
            )

        async def all_delivered() -> None:
            """Until every event sent has reached the model (at most 10 s)."""

            def done() -> bool:
                return stats.accepted >= driver.sent - driver.failed

            arrived = asyncio.Event()
            unsubscribe = session.model.subscribe(lambda _change: arrived.set() if done() else None)
            try:
                if not done():
                    await asyncio.wait_for(arrived.wait(), 10)
            except TimeoutError:
                pass  # reported as lost events
            finally:
                unsubscribe()

        warm_up = min(30.0, args.duration * 0.2)
        await driver.run_apart(time.monotonic() + warm_up)
        await all_delivered()
        if args.trace:
            tracemalloc.start(args.trace)
        start = sample()
        first = tracemalloc.take_snapshot() if args.trace else None
        sent_before = driver.sent
        rss_samples = [start.rss_mib]

        async def sample_rss() -> None:
            while True:
                await asyncio.sleep(args.sample_every)
                rss_samples.append(round(rss_mib(), 1))

        sampler = asyncio.ensure_future(sample_rss())
        await driver.run_apart(start.at + args.duration)
        sampler.cancel()
        await asyncio.gather(sampler, return_exceptions=True)  # gone before the tasks are counted
        sending_seconds = time.monotonic() - start.at
        await all_delivered()
        end = sample()
        if first is not None:
            print_growth(first, tracemalloc.take_snapshot())
        if app is not None:
            await app.close()
        else:
            await session.close()
    finally:
        simulator.terminate()
        with contextlib.suppress(subprocess.TimeoutExpired):
            simulator.wait(10)
    growth = (end.rss_mib - start.rss_mib) / start.rss_mib * 100
    rss_samples.append(end.rss_mib)
    two_thirds = rss_samples[(len(rss_samples) - 1) * 2 // 3]
    last_third = (end.rss_mib - two_thirds) / two_thirds * 100
    measured = sending_seconds
    ok = (
        growth < RSS_GROWTH_LIMIT
        and end.tasks <= start.tasks
        and end.threads <= start.threads
        and (end.qt_timers or 0) <= (start.qt_timers or 0)
        and stats.refused == 0
        and driver.failed == 0
        and stats.accepted == driver.sent
    )
    return Outcome(
        mode="gui (offscreen)" if args.gui else "headless",
        duration=round(measured, 1),
        rate_wanted=args.rate,
        rate_reached=round((driver.sent - sent_before) / measured, 1),
        events_sent=driver.sent,
        events_accepted=stats.accepted,
        events_refused=stats.refused,
        start=start,
        end=end,
        rss_growth_percent=round(growth, 2),
        last_third_growth_percent=round(last_third, 2),
        rss_by_minute=rss_samples,
        ok=ok,
    )


def print_growth(first: tracemalloc.Snapshot, last: tracemalloc.Snapshot, lines: int = 15) -> None:
    """Where Python's own allocations grew between the samples (native memory is not traced)."""
    noise = (tracemalloc.Filter(False, tracemalloc.__file__),)
    changes = last.filter_traces(noise).compare_to(first.filter_traces(noise), "traceback")
    total = sum(change.size_diff for change in changes)
    print(f"Python allocations grew by {total / 2**20:.2f} MiB; the largest growth:")
    for change in changes[:lines]:
        print(f"  {change.size_diff / 1024:+9.1f} KiB {change.count_diff:+7d} blocks")
        for frame in change.traceback.format()[-2 * min(4, len(change.traceback)) :]:
            print(f"      {frame.strip()}")


def report(outcome: Outcome) -> None:
    print(
        f"Soak, {outcome.mode}: {outcome.duration:.0f} s measured at {outcome.rate_reached} "
        f"events/s (wanted {outcome.rate_wanted})"
    )
    print(f"{'':14}{'start':>10}{'end':>10}")
    rows: list[tuple[str, float | int | None, float | int | None]] = [
        ("RSS MiB", outcome.start.rss_mib, outcome.end.rss_mib),
        ("asyncio tasks", outcome.start.tasks, outcome.end.tasks),
        ("threads", outcome.start.threads, outcome.end.threads),
    ]
    if outcome.start.qt_timers is not None:
        rows.append(("QTimer objects", outcome.start.qt_timers, outcome.end.qt_timers))
    for name, first, last in rows:
        print(f"{name:14}{first:>10}{last:>10}")
    print(f"RSS growth: {outcome.rss_growth_percent:+.2f} % (limit {RSS_GROWTH_LIMIT:.0f} %)")
    print(f"RSS growth over the last third: {outcome.last_third_growth_percent:+.2f} %")
    print("RSS MiB by sample: " + " ".join(f"{mib:.1f}" for mib in outcome.rss_by_minute))
    print(
        f"Events: {outcome.events_sent} sent, {outcome.events_accepted} accepted, "
        f"{outcome.events_refused} refused"
    )
    print("OK" if outcome.ok else "FAILED")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=float, default=600, help="measured seconds")
    parser.add_argument("--rate", type=float, default=50, help="events per second")
    parser.add_argument("--users", type=int, default=200, help="users in the tenant")
    parser.add_argument("--gui", action="store_true", help="run the Qt app offscreen")
    parser.add_argument("--store-dir", help="folder for the store (default: a temp folder)")
    parser.add_argument(
        "--sample-every", type=float, default=60.0, help="seconds between RSS samples"
    )
    parser.add_argument("--json", action="store_true", help="print the outcome as JSON last")
    parser.add_argument(
        "--trace",
        type=int,
        default=0,
        metavar="FRAMES",
        help="trace Python allocations (FRAMES deep) and print where they grew; slows the app",
    )
    args = parser.parse_args()
    if args.gui:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        import qasync
        from PySide6.QtWidgets import QApplication

        qt_app = QApplication.instance() or QApplication(sys.argv[:1])
        outcome = qasync.run(soak(args)) if hasattr(qasync, "run") else None
        del qt_app
        if outcome is None:
            raise SystemExit("qasync.run is missing")
    else:
        outcome = asyncio.run(soak(args))
    report(outcome)
    if args.json:
        print(json.dumps(asdict(outcome)))
    return 0 if outcome.ok else 1


if __name__ == "__main__":
    sys.exit(main())
