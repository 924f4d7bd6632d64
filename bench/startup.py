"""Start-up: from process start to connected with the model loaded, for 500, 5,000 and 20,000 users,
headless and with the switchboard window (GUI offscreen); peak RSS at that moment.

The simulator runs in its own process, started before the clock runs. The clock starts in this
script right before the child process is spawned (interpreter start-up included) and stops when the
child's connector reports connected: logged in, activities, users, statuses and calls loaded into
the model, webhook subscription made, start-up state sync done. Baseline in the same run: a process
that imports PySide6.QtWidgets and creates a QApplication (and, for scale, a bare `python -c pass`).
Rounds are interleaved; the median is shown. The app starts as the bundle does: from compiled
bytecode, and without the packages the bundle leaves out (KONNEKTA_BENCH_DEV_ENV=1 keeps them).

    uv run python bench/startup.py [--rounds 3] [--sizes 500 5000 20000]      # ~1.5 min
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from _common import (
    ROOT,
    bench_session,
    cpu_seconds,
    machine_notes,
    median,
    peak_rss_mb,
    ratio,
    simulator,
    table,
)

QT_BASELINE = (
    "import time, json, os, resource\n"
    "from PySide6.QtWidgets import QApplication\n"
    "app = QApplication([])\n"
    "print(json.dumps({'connected_at': time.time(), 'cpu_s': sum(os.times()[:2]), "
    "'rss_mb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}), flush=True)\n"
)
PYTHON_BASELINE = (
    "import time, json, os, resource\n"
    "print(json.dumps({'connected_at': time.time(), 'cpu_s': sum(os.times()[:2]), "
    "'rss_mb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}), flush=True)\n"
)
VARIANTS = {
    "python": "`python -c pass` (for scale)",
    "qt": "baseline: import QtWidgets + QApplication",
    "headless": "app headless",
    "gui": "app GUI offscreen",
}


# ---------------------------------------------------------------- the children


# Left out of the bundle (packaging/konnekta-desktop.spec): httpx imports its command line from
# them when they are installed, as they are in the dev environment, for 0.1-0.2 s.
NOT_BUNDLED = ("click", "rich", "pygments")


def _start_as_bundled() -> None:
    """Start as the bundle does, unless $KONNEKTA_BENCH_DEV_ENV is set."""
    if not os.environ.get("KONNEKTA_BENCH_DEV_ENV"):
        for name in NOT_BUNDLED:
            sys.modules[name] = None  # type: ignore[assignment]  # import fails, as in the bundle


def _imports() -> float:
    """Import what the session needs, as the app's first lines would; returns when it finished."""
    _start_as_bundled()
    import konnekta_desktop.core.session
    import konnekta_desktop.runtime  # noqa: F401 (imported for its start-up cost)

    return time.time()


def _report(session: Any, imported_at: float, built_at: float) -> None:
    sync = session.last_sync
    result = {
        "connected_at": time.time(),
        "imported_at": imported_at,
        "built_at": built_at,
        "sync_s": sync.seconds if sync is not None else 0.0,
        "rss_mb": peak_rss_mb(),
        "cpu_s": cpu_seconds(),
        "users": len(session.model),
    }
    print(json.dumps(result), flush=True)


async def start_headless(folder: Path) -> None:
    imported_at = _imports()
    session = bench_session(folder)
    built_at = time.time()
    await session.start()
    await asyncio.wait_for(session.connector.wait_connected(), 60)
    _report(session, imported_at, built_at)
    await session.close()


def start_gui(folder: Path) -> None:
    _start_as_bundled()
    import qasync
    from PySide6.QtWidgets import QApplication

    from konnekta_desktop.app import SwitchboardApp

    application = QApplication([])
    imported_at = _imports()
    built_at = 0.0

    async def main() -> None:
        nonlocal built_at

        async def factory() -> Any:
            nonlocal built_at
            session = bench_session(folder)
            built_at = time.time()
            return session

        app = SwitchboardApp(factory, instance=None, use_tray=False)
        await app.boot()
        assert app.session is not None
        await asyncio.wait_for(app.session.connector.wait_connected(), 60)
        _report(app.session, imported_at, built_at)
        await app.close()

    with asyncio.Runner(loop_factory=qasync.QEventLoop) as runner:
        runner.run(main())
    del application


# ---------------------------------------------------------------- the orchestrator


def measure(variant: str, env: dict[str, str]) -> dict[str, Any]:
    if variant == "python":
        argv = [sys.executable, "-c", PYTHON_BASELINE]
    elif variant == "qt":
        argv = [sys.executable, "-c", QT_BASELINE]
    else:
        argv = [sys.executable, __file__, "--serve", variant]
        profile = env.get("KONNEKTA_BENCH_PROFILE")
        if profile:
            # pyinstrument's text report of the whole child (its start-up cost is then included).
            argv[1:1] = ["-m", "pyinstrument", "-o", f"{profile}.{variant}.txt"]
    started = time.time()
    process = subprocess.run(
        argv,
        capture_output=True,
        text=True,
        env={**env, "QT_QPA_PLATFORM": "offscreen"},
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    lines = [line for line in process.stdout.splitlines() if line.startswith("{")]
    if process.returncode != 0 or not lines:
        raise RuntimeError(f"{variant} failed ({process.returncode}): {process.stderr[-2000:]}")
    result: dict[str, Any] = json.loads(lines[-1])
    result["seconds"] = result["connected_at"] - started
    for stage in ("imported_at", "built_at"):
        if stage in result:
            result[stage.replace("_at", "_s")] = result[stage] - started
    return result


def orchestrate(options: argparse.Namespace) -> int:
    began = time.monotonic()
    results: dict[tuple[int, str], list[dict[str, Any]]] = {}
    cache = tempfile.TemporaryDirectory(prefix="bench-pyc-")
    base_env = dict(os.environ)
    if options.bytecode_cache:
        # As an installed app starts: modules load from compiled bytecode. (This machine sets
        # PYTHONDONTWRITEBYTECODE and uv installs without .pyc files, so without a cache every
        # start compiles every module from source.) The cache lives in a temporary folder.
        base_env.pop("PYTHONDONTWRITEBYTECODE", None)
        base_env["PYTHONPYCACHEPREFIX"] = cache.name
    warmed = not options.bytecode_cache
    with cache:
        for users in options.sizes:
            with simulator(users, options.seed) as sim:
                env = {**base_env, **sim.env()}
                if not warmed:
                    for variant in VARIANTS:
                        measure(variant, env)  # fills the bytecode cache; not counted
                    warmed = True
                for number in range(1, options.rounds + 1):
                    for variant in VARIANTS:
                        run = measure(variant, env)
                        results.setdefault((users, variant), []).append(run)
                        print(
                            f"{users} users, round {number}, {variant}: {run['seconds']:.2f} s, "
                            f"peak RSS {run['rss_mb']:.0f} MB",
                            file=sys.stderr,
                            flush=True,
                        )
    print(f"Machine: {machine_notes()}")
    print(
        f"{options.rounds} interleaved rounds, median shown; simulator in its own process; "
        f"bytecode {'cached (as installed)' if options.bytecode_cache else 'compiled at each start'}; "
        f"{'dev environment' if os.environ.get('KONNEKTA_BENCH_DEV_ENV') else 'as bundled'}; "
        f"whole run {time.monotonic() - began:.0f} s"
    )
    print()
    rows = []
    for users in options.sizes:
        qt = median([r["seconds"] for r in results[users, "qt"]])
        for variant, label in VARIANTS.items():
            runs = results[users, variant]
            seconds = median([r["seconds"] for r in runs])

            def stage(key: str, runs: list[dict[str, Any]] = runs) -> str:
                return f"{median([r[key] for r in runs]):.2f}" if key in runs[0] else "-"

            rows.append(
                [
                    f"{users:,}",
                    label,
                    f"{seconds:.2f}",
                    f"{min(r['seconds'] for r in runs):.2f}-{max(r['seconds'] for r in runs):.2f}",
                    ratio(seconds, qt),
                    stage("imported_s"),
                    stage("built_s"),
                    stage("sync_s"),
                    stage("cpu_s"),
                    round(median([r["rss_mb"] for r in runs])),
                ]
            )
    print(
        table(
            [
                "users",
                "process",
                "start to connected s",
                "range s",
                "vs Qt baseline",
                "imports done at s",
                "session built at s",
                "start-up sync s",
                "CPU s (all threads)",
                "peak RSS MB",
            ],
            rows,
        )
    )
    if 5000 in options.sizes:
        print()
        print("Targets (5,000 users): connected within 1.5 s, peak RSS at most 200 MB:")
        for variant in ("headless", "gui"):
            runs = results[5000, variant]
            print(
                f"- {VARIANTS[variant]}: {median([r['seconds'] for r in runs]):.2f} s "
                f"({median([r['cpu_s'] for r in runs]):.2f} s of CPU), "
                f"{median([r['rss_mb'] for r in runs]):.0f} MB"
            )
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 5_000, 20_000])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--no-bytecode-cache",
        dest="bytecode_cache",
        action="store_false",
        help="compile every module from source at each start (this machine's default)",
    )
    parser.add_argument("--serve", choices=["headless", "gui"], help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    if options.serve is None:
        return orchestrate(options)
    with tempfile.TemporaryDirectory(prefix="bench-start-") as folder:
        if options.serve == "headless":
            asyncio.run(start_headless(Path(folder)))
        else:
            start_gui(Path(folder))
    return 0


if __name__ == "__main__":
    sys.exit(main())
