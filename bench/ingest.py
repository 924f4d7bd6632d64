"""Webhook ingest: how many signed events per second the running app takes, and how fast they reach
the live model, headless and with the switchboard window (GUI offscreen), for a 5,000-user tenant.

In one run, each in its own process: the simulator (login and tenant load only), the server under
test, and the load generator (bench/_loadgen.py). Servers: a bare aiohttp server on a plain asyncio
loop that only parses the JSON (the baseline); the headless app (a `Session` on an asyncio loop);
the GUI app (`SwitchboardApp` with its main window, QT_QPA_PLATFORM=offscreen, on a qasync loop,
beside a precise 16 ms QTimer whose late ticks are the GUI lag). Each is driven flat out (32
keep-alive connections) and at a fixed 1,000 events/s. Event-to-model latency: the generator stamps
each `call.ringing` with its send time (`started_at`); a model subscriber notes when that call
appears (time.time() on both sides). Rounds are interleaved; the median is shown.

    uv run python bench/ingest.py [--rounds 3] [--users 5000]          # ~2 min
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import msgspec
from _common import (
    TIMER_MS,
    Child,
    TickRecorder,
    answer,
    bench_session,
    cpu_seconds,
    machine_notes,
    median,
    peak_rss_mb,
    percentile,
    ratio,
    simulator,
    start_gui_timer,
    stdin_commands_on,
    table,
    watch_model,
)
from _load import SECRET_VARIABLE
from aiohttp import web

LOADGEN = Path(__file__).with_name("_loadgen.py")
VARIANTS = {
    "bare": "bare aiohttp (parse JSON only)",
    "headless": "app headless",
    "gui": "app GUI offscreen",
}
RATES = {0.0: "flat out", 1000.0: "1,000/s"}


# ---------------------------------------------------------------- the server side


def experiments() -> str:
    """Local experiments ($KONNEKTA_BENCH_EXPERIMENT): `switch_5ms` undoes the listener's 1 ms GIL
    switch interval (`listener/thread.py`), back to Python's 5 ms, to measure what it buys."""
    chosen = set(os.environ.get("KONNEKTA_BENCH_EXPERIMENT", "").split(",")) - {""}
    if "switch_5ms" in chosen:
        from konnekta_desktop.listener import thread

        thread.SWITCH_INTERVAL = 0.005
    return ",".join(sorted(chosen)) or "none"


class Measure:
    """What a server notes per event: event-to-model latency of stamped calls, GUI ticks, CPU."""

    def __init__(self) -> None:
        self.samples: list[tuple[float, float]] = []  # (send stamp, seconds until in the model)
        self.recorder = TickRecorder()
        self.cpu_mark = cpu_seconds()
        self.events = 0
        self.batches = 0
        # With $KONNEKTA_BENCH_PROFILE set, the main thread is profiled from each mark to its
        # window, and pyinstrument's text report is appended to that file.
        self.profile_to = os.environ.get("KONNEKTA_BENCH_PROFILE")
        self.profiler: Any = None

    def handle(self, words: list[str]) -> None:
        if words[0] == "mark":
            self.cpu_mark = cpu_seconds()
            self.samples.clear()
            if self.profile_to:
                from pyinstrument import Profiler

                self.profiler = Profiler(interval=0.0005, async_mode="disabled")
                self.profiler.start()
            answer({"marked": True})
        elif words[0] == "window":
            start, end, wall_start, wall_end = (float(w) for w in words[1:5])
            if self.profiler is not None and self.profile_to:
                self.profiler.stop()
                with open(self.profile_to, "a") as out:
                    out.write(f"==== pid {os.getpid()} {' '.join(words)}\n")
                    out.write(self.profiler.output_text(unicode=True, show_all=False))
                self.profiler = None
            latencies = [lat * 1000 for sent, lat in self.samples if wall_start <= sent <= wall_end]
            lateness = self.recorder.lateness_ms(start, end)
            answer(
                {
                    "e2m_p50_ms": percentile(latencies, 0.50),
                    "e2m_p99_ms": percentile(latencies, 0.99),
                    "e2m_max_ms": max(latencies, default=0.0),
                    "e2m_samples": len(latencies),
                    "lag_p99_ms": percentile(lateness, 0.99) if lateness else None,
                    "lag_max_ms": max(lateness, default=0.0) if lateness else None,
                    "cpu_s": cpu_seconds() - self.cpu_mark,
                    "events": self.events,
                    "batches": self.batches,
                    "rss_mb": peak_rss_mb(),
                }
            )


async def serve_commands(measure: Measure, port: int, close: Callable[[], Any]) -> None:
    loop = asyncio.get_running_loop()
    done = loop.create_future()

    async def handle(words: list[str]) -> None:
        if words[0] == "quit":
            await close()
            answer({"closed": True})
            done.set_result(None)
        else:
            measure.handle(words)

    stdin_commands_on(loop, handle)
    print(f"READY {port}", flush=True)
    await done


async def serve_bare() -> None:
    """The baseline: parse the JSON and answer 204; a 16 ms call_later chain stands in for the
    GUI timer. Stamped calls count as 'in the model' once parsed."""
    measure = Measure()
    loop = asyncio.get_running_loop()

    async def receive(request: web.Request) -> web.Response:
        event = msgspec.json.decode(await request.read())
        measure.events += 1
        measure.batches += 1
        if event.get("type") == "call.ringing":
            sent = event["data"]["started_at"]
            measure.samples.append((sent, time.time() - sent))
        return web.Response(status=204)

    app = web.Application(client_max_size=1024 * 1024)
    app.router.add_post("/webhook", receive)
    runner = web.AppRunner(app, access_log=None, handle_signals=False)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()

    def tick() -> None:
        measure.recorder.tick()
        loop.call_later(TIMER_MS / 1000, tick)

    tick()
    await serve_commands(measure, runner.addresses[0][1], runner.cleanup)


async def serve_headless(folder: Path) -> None:
    experiments()
    measure = Measure()
    session = bench_session(folder)
    await session.start()
    await session.connector.wait_connected()
    listener = session.connector.listener
    # The listener keeps the subscription's secret valid beside this one (rotation).
    listener.listener.set_secret(os.environ[SECRET_VARIABLE])
    watch_model(session.model, measure)
    await serve_commands(measure, listener.port, session.close)


def serve_gui(folder: Path) -> None:
    import qasync
    from PySide6.QtWidgets import QApplication

    from konnekta_desktop.app import SwitchboardApp

    application = QApplication([])
    experiments()
    measure = Measure()

    async def main() -> None:
        async def factory() -> Any:
            return bench_session(folder)

        app = SwitchboardApp(factory, instance=None, use_tray=False)
        await app.boot()
        timer = start_gui_timer(measure.recorder)
        session = app.session
        assert session is not None
        await session.connector.wait_connected()
        listener = session.connector.listener
        assert listener is not None
        listener.listener.set_secret(os.environ[SECRET_VARIABLE])
        watch_model(session.model, measure)
        await serve_commands(measure, listener.port, app.close)
        timer.stop()

    with asyncio.Runner(loop_factory=qasync.QEventLoop) as runner:
        runner.run(main())
    del application


# ---------------------------------------------------------------- the orchestrator


def drive(
    child: Child, ids_file: Path, rate: float, options: argparse.Namespace, env: dict[str, str]
) -> dict[str, Any]:
    """One load phase against a running server: warm up, mark, measure, collect both sides."""
    events = options.events if rate == 0 else int(rate * options.paced_seconds)
    load = subprocess.Popen(
        [
            sys.executable,
            str(LOADGEN),
            f"--port={child.ready[1]}",
            f"--ids={ids_file}",
            f"--rate={rate}",
            f"--events={events}",
            f"--warmup={options.warmup}",
            f"--time-limit={options.time_limit}",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, **env},
    )
    watchdog = threading.Timer(options.time_limit + 30, load.kill)
    watchdog.start()
    try:
        assert load.stdin is not None
        assert load.stdout is not None
        if load.stdout.readline().strip() != "WARM":
            raise RuntimeError(f"the load generator failed (exit code {load.wait()})")
        child.ask("mark")
        output, _ = load.communicate("go\n")
    finally:
        watchdog.cancel()
    if load.returncode != 0:
        raise RuntimeError(f"the load generator failed (exit code {load.returncode})")
    client: dict[str, Any] = json.loads(output.splitlines()[-1])
    (start, end), (wall_start, wall_end) = client["window"], client["wall_window"]
    # Late events reach the model after the client's window closes; give them a moment.
    time.sleep(0.5)
    served = child.ask(f"window {start} {end} {wall_start} {wall_end}")
    return {**client, **served}


def run_round(
    options: argparse.Namespace, env: dict[str, str], ids_file: Path, results: dict[Any, list[Any]]
) -> None:
    for variant in options.servers:
        child = Child(
            [sys.executable, __file__, "--serve", variant],
            env={**env, "QT_QPA_PLATFORM": "offscreen"},
            timeout=options.time_limit * 2 + 120,
        )
        try:
            for rate in options.rates:
                run = drive(child, ids_file, rate, options, env)
                results[variant, rate].append(run)
                lag = run["lag_p99_ms"]
                print(
                    f"{VARIANTS[variant]}, {RATES[rate]}: {run['rate']:.0f} ev/s, "
                    f"HTTP p50 {run['p50_ms']:.1f} p99 {run['p99_ms']:.1f} ms, "
                    f"event-to-model p99 {run['e2m_p99_ms']:.1f} ms "
                    f"({run['e2m_samples']} calls), lag p99 "
                    f"{'-' if lag is None else f'{lag:.1f}'} ms, "
                    f"CPU {run['cpu_s'] * 1e6 / max(1, run['sent']):.0f} µs/event, "
                    f"statuses {run['statuses']}, events per model change "
                    f"{run['events'] / max(1, run['batches']):.1f}",
                    file=sys.stderr,
                    flush=True,
                )
        finally:
            if child.process.poll() is None:
                child.ask("quit")
            child.close()


def report(results: dict[Any, list[dict[str, Any]]], options: argparse.Namespace) -> None:
    def med(variant: str, rate: float, key: str) -> float:
        return median([float(run[key]) for run in results[variant, rate] if run[key] is not None])

    def cpu(variant: str, rate: float) -> float:
        return median([run["cpu_s"] * 1e6 / max(1, run["sent"]) for run in results[variant, rate]])

    rows = []
    for rate, rate_label in RATES.items():
        base_rate, base_cpu = med("bare", rate, "rate"), cpu("bare", rate)
        for variant, label in VARIANTS.items():
            runs = results[variant, rate]
            if not runs:
                continue
            errors = sum(run["sent"] - run["ok"] for run in runs)
            lag = (
                f"{med(variant, rate, 'lag_p99_ms'):.1f}"
                if any(run["lag_p99_ms"] is not None for run in runs)
                else "-"
            )
            rows.append(
                [
                    rate_label,
                    label,
                    round(med(variant, rate, "rate")),
                    ratio(med(variant, rate, "rate"), base_rate),
                    med(variant, rate, "p50_ms"),
                    med(variant, rate, "p99_ms"),
                    med(variant, rate, "e2m_p99_ms"),
                    lag if variant != "bare" else f"({lag})",
                    round(cpu(variant, rate)),
                    ratio(cpu(variant, rate), base_cpu),
                    round(med(variant, rate, "rss_mb")),
                    errors,
                ]
            )
    print(
        table(
            [
                "load",
                "server",
                "events/s",
                "vs bare",
                "HTTP p50 ms",
                "HTTP p99 ms",
                "event-to-model p99 ms",
                "GUI lag p99 ms",
                "CPU µs/event",
                "CPU vs bare",
                "peak RSS MB",
                "errors",
            ],
            rows,
        )
    )
    print()
    print("Targets:")
    bare = med("bare", 0.0, "rate") if results["bare", 0.0] else 0.0
    for variant in ("headless", "gui"):
        if results[variant, 0.0] and bare:
            share = med(variant, 0.0, "rate") / bare
            print(
                f"- flat out, {VARIANTS[variant]}: {share:.0%} of the bare server's rate (>= 60%)"
            )
        if results[variant, 1000.0]:
            line = (
                f"- at 1,000/s, {VARIANTS[variant]}: event-to-model p99 "
                f"{med(variant, 1000.0, 'e2m_p99_ms'):.1f} ms (<= 10)"
            )
            if variant == "gui":
                line += f", GUI lag p99 {med(variant, 1000.0, 'lag_p99_ms'):.1f} ms (<= 25)"
            print(line)


def orchestrate(options: argparse.Namespace) -> int:
    from konnekta_desktop.konnekta.signing import new_secret
    from konnekta_desktop.simulator.tenant import generate_tenant

    began = time.monotonic()
    results: dict[Any, list[Any]] = {(v, r): [] for v in VARIANTS for r in RATES}
    if set(options.servers) != set(VARIANTS) or set(options.rates) != set(RATES):
        print("(a partial run: the table shows only what ran)", file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="bench-ingest-") as folder:
        ids_file = Path(folder) / "user-ids.txt"
        ids_file.write_text("\n".join(generate_tenant(options.users, options.seed).users))
        with simulator(options.users, options.seed) as sim:
            env = {**sim.env(), SECRET_VARIABLE: new_secret()}
            for number in range(1, options.rounds + 1):
                print(f"round {number}", file=sys.stderr, flush=True)
                run_round(options, env, ids_file, results)
    print(f"Machine: {machine_notes()}")
    print(
        f"Experiments: {experiments()}; {options.users} users; {options.rounds} interleaved rounds, median shown; flat out: "
        f"{options.events} events after {options.warmup} warm-up on 32 connections; fixed rate: "
        f"{options.paced_seconds:g} s after {options.warmup} warm-up; event mix per 5: 2 call.ringing, "
        f"2 call.ended, 1 user.presence.changed; GUI lag = 16 ms QTimer interval minus 16 ms "
        f"(bare: a 16 ms asyncio timer, in brackets); whole run {time.monotonic() - began:.0f} s"
    )
    print()
    report(results, options)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--users", type=int, default=5_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--events", type=int, default=6_000, help="flat out: measured events")
    parser.add_argument("--warmup", type=int, default=1_000)
    parser.add_argument("--paced-seconds", type=float, default=6.0)
    parser.add_argument("--time-limit", type=float, default=20.0, help="seconds per load phase")
    parser.add_argument(
        "--servers", nargs="+", choices=list(VARIANTS), default=list(VARIANTS), help="(profiling)"
    )
    parser.add_argument(
        "--rates",
        nargs="+",
        type=float,
        choices=list(RATES),
        default=list(RATES),
        help="(profiling)",
    )
    parser.add_argument("--serve", choices=sorted(VARIANTS), help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    if options.serve is None:
        return orchestrate(options)
    with tempfile.TemporaryDirectory(prefix="bench-app-") as folder:
        if options.serve == "bare":
            asyncio.run(serve_bare())
        elif options.serve == "headless":
            asyncio.run(serve_headless(Path(folder)))
        else:
            serve_gui(Path(folder))
    return 0


if __name__ == "__main__":
    sys.exit(main())
