"""Shared helpers for the benchmarks: percentiles, tables, memory, machine notes, the simulator as a
separate process, the app under test as a child process, and the GUI's 16 ms timer recorder.

Every benchmark is a script that prints a table; nothing here asserts a figure.
"""

from __future__ import annotations

import contextlib
import importlib.metadata
import itertools
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from _loadgen import CALL_PREFIX

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
TIMER_MS = 16  # one frame at 60 Hz: the GUI timer whose late ticks are counted

# The simulator's per-run credentials travel to children in these variables (never printed).
SIM_VARIABLES = {
    "issuer_uri": "KONNEKTA_BENCH_ISSUER_URI",
    "smg_address": "KONNEKTA_BENCH_SMG_ADDRESS",
    "client_id": "KONNEKTA_BENCH_CLIENT_ID",
    "client_secret": "KONNEKTA_BENCH_CLIENT_SECRET",
    "user": "KONNEKTA_BENCH_USER",
    "password": "KONNEKTA_BENCH_PASSWORD",
}
_SIM_LABELS = {
    "Issuer URI:": "issuer_uri",
    "SMG Address:": "smg_address",
    "Client ID:": "client_id",
    "Client Secret:": "client_secret",
    "User:": "user",
    "Password:": "password",
}


# ---------------------------------------------------------------- figures


def percentile(values: Sequence[float], fraction: float) -> float:
    """The nearest-rank percentile; 0.0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))]


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else 0.0


def ratio(value: float, baseline: float) -> str:
    return f"{value / baseline:.2f}" if baseline else "-"


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A Markdown table (pastes straight into docs/performance.md); numbers right-aligned."""

    def cell(value: object) -> str:
        if isinstance(value, float):
            return f"{value:.1f}" if abs(value) < 100 else f"{value:.0f}"
        return str(value)

    lines = ["| " + " | ".join(headers) + " |"]
    numeric = [
        all(isinstance(row[i], int | float) for row in rows) and bool(rows)
        for i in range(len(headers))
    ]
    lines.append("|" + "|".join("---:" if n and i else "---" for i, n in enumerate(numeric)) + "|")
    lines.extend("| " + " | ".join(cell(value) for value in row) + " |" for row in rows)
    return "\n".join(lines)


def peak_rss_mb() -> float:
    """This process's peak resident set size (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cpu_seconds() -> float:
    """CPU time of this process, all threads, user + system."""
    times = os.times()
    return times.user + times.system


# ---------------------------------------------------------------- the machine


def _version(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "?"


def cpu_model() -> str:
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or "?"


def machine_notes() -> str:
    """One line: CPU, cores, OS, Python and the versions that decide the figures, load average."""
    packages = ", ".join(
        f"{name} {_version(name)}"
        for name in ("PySide6-Essentials", "qasync", "aiohttp", "httpx", "msgspec")
    )
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    return (
        f"{cpu_model()}, {os.cpu_count()} CPUs, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}, {packages}; load average {load}"
    )


# ---------------------------------------------------------------- the simulator, out of process


@dataclass(frozen=True, slots=True)
class SimulatorProcess:
    """A `konnekta_desktop.simulator` process on a free loopback port, and how to log in to it."""

    process: subprocess.Popen[str]
    credentials: dict[str, str]
    users: int

    @property
    def control_url(self) -> str:
        base = self.credentials["issuer_uri"].split("/auth/", 1)[0]
        return f"{base}/_sim"

    def env(self) -> dict[str, str]:
        """Variables for a child that builds a session against this simulator."""
        return {SIM_VARIABLES[key]: value for key, value in self.credentials.items()}


@contextlib.contextmanager
def simulator(users: int, seed: int = 1, timeout: float = 60.0) -> Iterator[SimulatorProcess]:
    """Run the simulator in its own process (its CPU is not the app's) for the `with` block."""
    process = subprocess.Popen(
        [
            *(sys.executable, "-m", "konnekta_desktop.simulator"),
            *("--port", "0", "--users", str(users), "--seed", str(seed)),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        cwd=ROOT,
    )
    watchdog = threading.Timer(timeout, process.kill)
    watchdog.start()
    try:
        assert process.stdout is not None
        credentials: dict[str, str] = {}
        for line in process.stdout:
            for label, key in _SIM_LABELS.items():
                if line.startswith(label):
                    credentials[key] = line[len(label) :].strip()
            if line.startswith("Press Ctrl+C"):
                break
        watchdog.cancel()
        if len(credentials) != len(_SIM_LABELS):
            raise RuntimeError(f"the simulator did not start (exit code {process.poll()})")
        # Drain stdout so the simulator never blocks on a full pipe.
        threading.Thread(target=process.stdout.read, daemon=True).start()
        yield SimulatorProcess(process, credentials, users)
    finally:
        watchdog.cancel()
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def config_from_env(**overrides: Any) -> Any:
    """A `ConnectorConfig` for the simulator named in the environment (see `SimulatorProcess.env`),
    with the activity mappings the demo suggests, a free listener port, and no health traffic."""
    from konnekta_desktop.core.config import ConnectorConfig
    from konnekta_desktop.runtime import suggested_mappings
    from konnekta_desktop.simulator.tenant import ACTIVITIES

    activities, states = suggested_mappings(activity for activity, _, _ in ACTIVITIES)
    values: dict[str, Any] = {key: os.environ[name] for key, name in SIM_VARIABLES.items()}
    values.update(
        listener_port=0,
        health_interval=3600.0,
        activity_mappings=activities,
        state_mappings=states,
    )
    values.update(overrides)
    return ConnectorConfig(**values)


def bench_session(folder: Path, **overrides: Any) -> Any:
    """A `Session` as `runtime.open_session` builds one (file logging at INFO, secrets registered
    with the redactor, a SQLite store in `folder`), pointed at the simulator in the environment."""
    from konnekta_desktop import logs
    from konnekta_desktop.core.session import Session
    from konnekta_desktop.core.store import Store

    config = config_from_env(**overrides)
    logs.setup(folder / "logs", stderr=False)
    logs.redactor.add(config.client_secret, config.password)
    return Session(config, Store(folder / "store.sqlite3"))


# ---------------------------------------------------------------- children


class Child:
    """A child process spoken to in lines: it prints `READY ...` once, then answers each command
    on stdin with one JSON line. A watchdog kills it if it outlives `timeout` seconds."""

    def __init__(
        self, argv: Sequence[str], *, env: dict[str, str] | None = None, timeout: float = 120.0
    ) -> None:
        self.process = subprocess.Popen(
            list(argv),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, **(env or {})},
            cwd=ROOT,
        )
        self._watchdog = threading.Timer(timeout, self.process.kill)
        self._watchdog.start()
        self.ready = self._line().split()
        if not self.ready or self.ready[0] != "READY":
            self.close()
            raise RuntimeError(f"{argv[1:]} did not start (exit code {self.process.poll()})")

    def _line(self) -> str:
        assert self.process.stdout is not None
        return self.process.stdout.readline()

    def ask(self, command: str) -> dict[str, Any]:
        assert self.process.stdin is not None
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()
        line = self._line()
        if not line:
            raise RuntimeError(f"the child ended on {command!r} (exit code {self.process.poll()})")
        answer: dict[str, Any] = json.loads(line)
        return answer

    def close(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            if self.process.stdin is not None:
                self.process.stdin.close()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self._watchdog.cancel()


def commands() -> Iterator[list[str]]:
    """The commands a child reads from stdin, one list of words per line, until stdin closes."""
    for line in sys.stdin:
        words = line.split()
        if words:
            yield words


def answer(result: dict[str, Any]) -> None:
    print(json.dumps(result), flush=True)


def stdin_commands_on(loop: Any, handle: Callable[[list[str]], Any]) -> None:
    """Read commands on a helper thread and run `handle(words)` on `loop` for each; a coroutine
    result is awaited before the next command is read. Stdin closing sends ["quit"]."""
    import asyncio

    def read() -> None:
        for words in itertools.chain(commands(), [["quit"]]):
            future = asyncio.run_coroutine_threadsafe(_call(handle, words), loop)
            future.result()
            if words[0] == "quit":
                return

    threading.Thread(target=read, name="bench-commands", daemon=True).start()


async def _call(handle: Callable[[list[str]], Any], words: list[str]) -> None:
    import inspect

    result = handle(words)
    if inspect.isawaitable(result):
        await result


# ---------------------------------------------------------------- the GUI timer


class TickRecorder:
    """Times (time.monotonic) of a 16 ms timer's ticks; an interval over 16 ms is a late frame."""

    def __init__(self) -> None:
        self.ticks: deque[float] = deque(maxlen=100_000)

    def tick(self) -> None:
        self.ticks.append(time.monotonic())

    def lateness_ms(self, start: float, end: float) -> list[float]:
        ticks = [t for t in self.ticks if start <= t <= end]
        return [max(0.0, (b - a) * 1000 - TIMER_MS) for a, b in itertools.pairwise(ticks)]


def start_gui_timer(recorder: TickRecorder) -> Any:
    """A precise 16 ms QTimer on the GUI thread that records its ticks (keep the result alive)."""
    from PySide6.QtCore import Qt, QTimer

    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(TIMER_MS)
    timer.timeout.connect(recorder.tick)
    timer.start()
    return timer


class ModelMeasure(Protocol):
    samples: list[tuple[float, float]]  # (send stamp, seconds until in the model)
    events: int
    batches: int


def watch_model(model: Any, measure: ModelMeasure) -> None:
    """Note when each stamped call (`CALL_PREFIX`) first shows in the model (after the app's
    own consumers), and count the model's events and batches."""
    seen: set[str] = set()

    def on_change(change: Any) -> None:
        now = time.time()
        measure.events += change.events
        measure.batches += 1
        for user_id in change.changed:
            colleague = model.get(user_id)
            if colleague is None:
                continue
            for call in colleague.calls.values():
                if call.call_id.startswith(CALL_PREFIX) and call.call_id not in seen:
                    seen.add(call.call_id)
                    measure.samples.append((call.started_at, now - call.started_at))

    model.subscribe(on_change)
