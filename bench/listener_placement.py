"""Where should the webhook listener run: on its own thread, or on the GUI's qasync loop?

Drives three servers, each in its own process, with the same signed load from a separate
load-generator process (bench/_load.py, keep-alive loopback connections) and prints a table:
(a) a bare aiohttp server on a plain asyncio loop that only parses the JSON (the baseline);
(b) `WebhookListener` on the main thread's qasync loop, beside a 16 ms QTimer;
(c) `ListenerThread` (own thread and loop) delivering to the qasync main loop, same QTimer.
For each: requests/s, HTTP latency p50/p99, how late the 16 ms timer ticked (p99, max), and the
rate as a share of (a). Rounds are interleaved (a, b, c, a, b, c, ...) and the median is shown.

    QT_QPA_PLATFORM=offscreen uv run python bench/listener_placement.py [--rounds 3] [--events 20000]
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.metadata
import itertools
import json
import os
import platform
import statistics
import subprocess
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import msgspec
from _load import SECRET_VARIABLE, percentile
from aiohttp import web

from konnekta_desktop.konnekta import signing
from konnekta_desktop.konnekta.events import KnownEvent
from konnekta_desktop.listener import ListenerThread, WebhookListener
from konnekta_desktop.listener.server import MAX_BODY_BYTES, WEBHOOK_PATH

LOAD_SCRIPT = Path(__file__).with_name("_load.py")
TIMER_MS = 16
VARIANTS: dict[str, str] = {
    "a": "(a) bare aiohttp, plain asyncio loop",
    "b": "(b) WebhookListener on the qasync loop",
    "c": "(c) ListenerThread, qasync main loop",
}


# ---------------------------------------------------------------- server side (one per process)


class TickRecorder:
    """Times of the GUI timer's ticks; a tick later than its interval is a frame the GUI missed."""

    def __init__(self) -> None:
        self.ticks: deque[float] = deque(maxlen=200_000)

    def tick(self) -> None:
        self.ticks.append(time.monotonic())

    def lateness_ms(self, start: float, end: float) -> list[float]:
        ticks = [t for t in self.ticks if start <= t <= end]
        return [max(0.0, (b - a) * 1000 - TIMER_MS) for a, b in itertools.pairwise(ticks)]


def _await_stop(loop: asyncio.AbstractEventLoop, stop: asyncio.Future[tuple[float, float]]) -> None:
    """Serves the orchestrator's commands on stdin from a helper thread: `mark` notes the process's
    CPU time (all threads) before the measured phase, `stop T0 T1` ends the run with that window."""

    def read() -> None:
        window = (0.0, 0.0)
        for line in sys.stdin:
            words = line.split()
            if words and words[0] == "mark":
                _CPU_SECONDS[:] = [_cpu_seconds()]
                print("MARKED", flush=True)
            elif words and words[0] == "stop":
                _CPU_SECONDS.append(_cpu_seconds())
                window = (float(words[1]), float(words[2]))
                break

        def finish() -> None:
            if not stop.done():
                stop.set_result(window)

        loop.call_soon_threadsafe(finish)

    threading.Thread(target=read, name="bench-control", daemon=True).start()


_CPU_SECONDS: list[float] = []


def _cpu_seconds() -> float:
    times = os.times()
    return times.user + times.system


def _report(
    recorder: TickRecorder, window: tuple[float, float], delivered: int, calls: int
) -> None:
    lateness = recorder.lateness_ms(*window)
    result = {
        "lag_p99_ms": percentile(lateness, 0.99),
        "lag_max_ms": max(lateness, default=0.0),
        "ticks": len(lateness) + 1 if lateness else 0,
        "delivered": delivered,
        "deliver_calls": calls,
        "cpu_s": _CPU_SECONDS[-1] - _CPU_SECONDS[0] if len(_CPU_SECONDS) == 2 else 0.0,
    }
    print(json.dumps(result), flush=True)


async def _start_site(app: web.Application) -> tuple[web.AppRunner, int]:
    runner = web.AppRunner(app, access_log=None, handle_signals=False, shutdown_timeout=1.0)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    return runner, int(runner.addresses[0][1])


async def serve_baseline() -> None:
    """(a): parse the JSON and answer; a 16 ms asyncio timer stands in for the GUI's."""
    loop = asyncio.get_running_loop()
    parsed = 0

    async def handle(request: web.Request) -> web.Response:
        nonlocal parsed
        msgspec.json.decode(await request.read())
        parsed += 1
        return web.Response(status=204)

    app = web.Application(client_max_size=MAX_BODY_BYTES)
    app.router.add_post(WEBHOOK_PATH, handle)
    runner, port = await _start_site(app)
    recorder = TickRecorder()

    def tick() -> None:
        recorder.tick()
        loop.call_later(TIMER_MS / 1000, tick)

    tick()
    stop: asyncio.Future[tuple[float, float]] = loop.create_future()
    _await_stop(loop, stop)
    print(f"READY {port}", flush=True)
    window = await stop
    await runner.cleanup()
    _report(recorder, window, parsed, parsed)


def serve_on_qt(variant: str, secret: str, gui_work_ms: float, gui_stall_ms: float) -> None:
    """(b) and (c): a QApplication (offscreen) on a qasync loop, with a 16 ms precise QTimer.

    With `gui_work_ms`, every tick also keeps the main thread busy in Python for that long, as
    updating the switchboard's models would. With `gui_stall_ms`, once a second (every 60th tick)
    the main thread blocks that long with the GIL released, as a keyring or disk call would."""
    import qasync
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication

    application = QApplication([])
    recorder = TickRecorder()
    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(TIMER_MS)

    ticks = itertools.count(1)

    def tick() -> None:
        recorder.tick()
        if gui_stall_ms and next(ticks) % 60 == 0:
            time.sleep(gui_stall_ms / 1000)
        if gui_work_ms:
            busy_until = time.perf_counter() + gui_work_ms / 1000
            while time.perf_counter() < busy_until:
                pass

    timer.timeout.connect(tick)
    delivered = 0
    calls = 0

    def take_one(event: KnownEvent) -> None:
        nonlocal delivered, calls
        delivered += 1
        calls += 1

    def take_batch(batch: Sequence[KnownEvent]) -> None:
        nonlocal delivered, calls
        delivered += len(batch)
        calls += 1

    async def serve() -> None:
        loop = asyncio.get_running_loop()
        stop: asyncio.Future[tuple[float, float]] = loop.create_future()
        _await_stop(loop, stop)
        timer.start()
        if variant == "b":
            listener = WebhookListener(take_one, secret=secret)
            runner, port = await _start_site(listener.application())
            print(f"READY {port}", flush=True)
            window = await stop
            await runner.cleanup()
        else:
            thread = ListenerThread("127.0.0.1", 0, take_batch, loop)
            thread.listener.set_secret(secret)
            thread.start()
            print(f"READY {thread.port}", flush=True)
            window = await stop
            thread.stop()
        timer.stop()
        _report(recorder, window, delivered, calls)

    with asyncio.Runner(loop_factory=qasync.QEventLoop) as runner:
        runner.run(serve())
    del application


# ---------------------------------------------------------------- the orchestrator


def run_variant(variant: str, options: argparse.Namespace, secret: str) -> dict[str, Any]:
    env = {**os.environ, SECRET_VARIABLE: secret, "QT_QPA_PLATFORM": "offscreen"}
    server = subprocess.Popen(
        [
            sys.executable,
            __file__,
            "--serve",
            variant,
            f"--gui-work-ms={options.gui_work_ms}",
            f"--gui-stall-ms={options.gui_stall_ms}",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert server.stdin is not None
    assert server.stdout is not None
    watchdog = threading.Timer(options.time_limit + 60, server.kill)
    watchdog.start()
    try:
        ready = server.stdout.readline().split()
        if len(ready) != 2 or ready[0] != "READY":
            raise RuntimeError(f"server {variant} did not start (exit code {server.poll()})")
        load = subprocess.Popen(
            [
                sys.executable,
                str(LOAD_SCRIPT),
                f"--port={ready[1]}",
                f"--events={options.events}",
                f"--warmup={options.warmup}",
                f"--connections={options.connections}",
                f"--time-limit={options.time_limit}",
                "--handshake",
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert load.stdin is not None
        assert load.stdout is not None
        load_watchdog = threading.Timer(options.time_limit + 30, load.kill)
        load_watchdog.start()
        try:
            if load.stdout.readline().strip() == "WARM":
                server.stdin.write("mark\n")
                server.stdin.flush()
                server.stdout.readline()  # MARKED
                load.stdin.write("go\n")
                load.stdin.flush()
            output, _ = load.communicate()
        finally:
            load_watchdog.cancel()
        if load.returncode != 0:
            raise RuntimeError(f"the load generator failed (exit code {load.returncode})")
        client: dict[str, Any] = json.loads(output.splitlines()[-1])
        start, end = client["window"]
        server.stdin.write(f"stop {start} {end}\n")
        server.stdin.flush()
        served: dict[str, Any] = json.loads(server.stdout.readline())
        server.wait(timeout=20)
    finally:
        watchdog.cancel()
        if server.poll() is None:
            server.kill()
            server.wait()
    return {**client, **served}


def _versions() -> str:
    names = ("aiohttp", "PySide6-Essentials", "qasync", "msgspec")
    found = []
    for name in names:
        try:
            found.append(f"{name} {importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            found.append(f"{name} ?")
    return ", ".join(found)


def print_table(results: dict[str, list[dict[str, Any]]], out: Callable[[str], None]) -> None:
    def median(variant: str, key: str) -> float:
        return statistics.median(float(run[key]) for run in results[variant])

    def cpu_per_event(variant: str) -> float:
        return statistics.median(
            float(run["cpu_s"]) * 1e6 / max(1, int(run["sent"])) for run in results[variant]
        )

    rate_a, cpu_a = median("a", "rate"), cpu_per_event("a")

    def ratio(value: float, baseline: float) -> str:
        # A short run can measure no CPU time at all for the baseline (the clock is coarse).
        return f"{value / baseline:.2f}" if baseline > 0 else "n/a"

    out(
        "| variant | req/s | req/s vs (a) | HTTP p50 ms | HTTP p99 ms | timer lag p99 ms "
        "| timer lag max ms | server CPU µs/event | CPU vs (a) | events per deliver | errors |"
    )
    out("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for variant, label in VARIANTS.items():
        runs = results[variant]
        errors = sum(run["sent"] - run["ok"] for run in runs)
        lag_max = max(float(run["lag_max_ms"]) for run in runs)
        rate, cpu = median(variant, "rate"), cpu_per_event(variant)
        per_call = sum(run["delivered"] for run in runs) / max(
            1, sum(run["deliver_calls"] for run in runs)
        )
        out(
            f"| {label} | {rate:.0f} | {ratio(rate, rate_a)} | {median(variant, 'p50_ms'):.1f} "
            f"| {median(variant, 'p99_ms'):.1f} | {median(variant, 'lag_p99_ms'):.1f} "
            f"| {lag_max:.1f} | {cpu:.0f} | {ratio(cpu, cpu_a)} | {per_call:.2f} | {errors} |"
        )


def orchestrate(options: argparse.Namespace) -> int:
    secret = signing.new_secret()
    results: dict[str, list[dict[str, Any]]] = {variant: [] for variant in VARIANTS}
    began = time.monotonic()
    for round_number in range(1, options.rounds + 1):
        for variant in VARIANTS:
            load_before = os.getloadavg()[0]
            run = run_variant(variant, options, secret)
            run["load"] = load_before
            results[variant].append(run)
            print(
                f"round {round_number} {variant}: {run['rate']:.0f} req/s, "
                f"p50 {run['p50_ms']:.1f} ms, p99 {run['p99_ms']:.1f} ms, "
                f"timer lag p99 {run['lag_p99_ms']:.1f} ms (max {run['lag_max_ms']:.1f}), "
                f"server CPU {run['cpu_s'] * 1e6 / max(1, run['sent']):.0f} µs/event, "
                f"delivered {run['delivered']} in {run['deliver_calls']} calls, "
                f"statuses {run['statuses']}, load average before {run['load']:.2f}",
                file=sys.stderr,
                flush=True,
            )
    print(
        f"Python {platform.python_version()}, {_versions()}, {os.cpu_count()} CPUs, "
        f"{platform.system()} {platform.release()}"
    )
    print(
        f"{options.rounds} interleaved rounds, median shown; {options.events} measured events "
        f"after {options.warmup} warm-up, {options.connections} keep-alive connections; "
        f"timer {TIMER_MS} ms; in (b) and (c) GUI work per tick {options.gui_work_ms:g} ms, "
        f"GUI stall once a second {options.gui_stall_ms:g} ms; "
        f"whole run {time.monotonic() - began:.0f} s"
    )
    print()
    print_table(results, print)
    expected = options.events + options.warmup
    short = [
        f"{variant} round {number}"
        for variant, runs in results.items()
        for number, run in enumerate(runs, 1)
        if run["delivered"] != expected or run["timed_out"]
    ]
    if short:
        print(f"\nNOT every event was delivered (or the time limit was hit) in: {', '.join(short)}")
        return 1
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--events", type=int, default=8_000)
    parser.add_argument("--warmup", type=int, default=1_000)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument(
        "--time-limit", type=float, default=30.0, help="seconds per load run, at most"
    )
    parser.add_argument(
        "--gui-work-ms",
        type=float,
        default=0.0,
        help="keep the GUI thread of (b) and (c) busy this long on every timer tick",
    )
    parser.add_argument(
        "--gui-stall-ms",
        type=float,
        default=0.0,
        help="once a second, block the GUI thread of (b) and (c) this long (GIL released)",
    )
    parser.add_argument("--serve", choices=sorted(VARIANTS), help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    if options.serve is None:
        return orchestrate(options)
    secret = os.environ[SECRET_VARIABLE]
    if options.serve == "a":
        asyncio.run(serve_baseline())
    else:
        serve_on_qt(options.serve, secret, options.gui_work_ms, options.gui_stall_ms)
    return 0


if __name__ == "__main__":
    sys.exit(main())
