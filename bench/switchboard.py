"""Switchboard grid: filter latency per keystroke on 5,000 and 20,000 rows, and how many grid
updates (dataChanged signals, viewport repaints) 1,000 events/s cause.

The real `MainWindow` (QT_QPA_PLATFORM=offscreen, shown, 1280x720) over a real `Session` whose
model is loaded from the simulator's tenant generator (no network: the connector is never started,
so nothing but the grid and its models competes). Keystrokes: a name, a department and a number
typed one character at a time; each is timed from `apply_filter` (what the window runs after its
typing pause) through the repaint (`processEvents`). The first keystroke after a load is shown
apart: a cache filled on first use would show there. Baseline in the same run: a bare `QSortFilterProxyModel` with a
fixed-string filter over a `QStandardItemModel` of the same names. Events: call.ringing/ended and
presence changes applied at 1,000/s by a 1 ms timer on the qasync loop as `Connector._deliver` does
(apply, flush), beside the 16 ms timer whose late ticks are recorded. Window updates are the
window's once-a-frame updates of the grid, the call panel and the count.

    uv run python bench/switchboard.py [--rounds 3] [--sizes 5000 20000]     # ~1 min
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from _common import (
    TickRecorder,
    machine_notes,
    median,
    percentile,
    ratio,
    start_gui_timer,
    table,
)

TYPED = ("anne salg", "kundeservice", "3312")


def build_window(users: int, folder: Path) -> tuple[Any, Any]:
    """A `MainWindow` over a `Session` loaded with `users` colleagues (no network)."""
    from konnekta_desktop.core.config import ConnectorConfig
    from konnekta_desktop.core.session import Session
    from konnekta_desktop.core.store import Store
    from konnekta_desktop.domain import UserStatus
    from konnekta_desktop.runtime import suggested_mappings
    from konnekta_desktop.simulator.tenant import generate_tenant
    from konnekta_desktop.ui.bridge import Bridge
    from konnekta_desktop.ui.switchboard import MainWindow

    tenant = generate_tenant(users, seed=1)
    activities, states = suggested_mappings(tenant.activities)
    config = ConnectorConfig(
        issuer_uri="http://127.0.0.1:9/auth/realms/bench",
        smg_address="http://127.0.0.1:9/api-admin/realm/bench/fwd",
        client_id="bench",
        client_secret="unused-bench-secret",
        user="bench",
        password="unused-bench-password",
        activity_mappings=activities,
        state_mappings=states,
    )
    session = Session(config, Store(folder / "store.sqlite3"))
    statuses = [
        UserStatus(
            user_id=user_id,
            activity_id=presence.activity_id,
            availability=presence.availability,
            diversion=tenant.diversion.get(user_id),
        )
        for user_id, presence in tenant.presence.items()
    ]
    session.model.load(tenant.users.values(), statuses, tenant.activities)
    session.presence.rebuild_mapper()
    bridge = Bridge(session)
    bridge.attach()
    window = MainWindow(session, bridge)
    window.resize(1280, 720)
    window.show()
    session.model.flush()
    return session, window


def keystrokes(window: Any, application: Any) -> dict[str, Any]:
    """Time each keystroke of each typed text: first (after the load) apart from the rest."""
    timings: list[float] = []
    first = 0.0
    for text in TYPED:
        for length in range(1, len(text) + 1):
            window.filter_edit.setText(text[:length])
            started = time.perf_counter()
            window.apply_filter()
            application.processEvents()
            elapsed = (time.perf_counter() - started) * 1000
            if not first:
                first = elapsed
            else:
                timings.append(elapsed)
        window.filter_edit.setText("")
        window.apply_filter()
        application.processEvents()
    return {
        "first_ms": first,
        "p50_ms": percentile(timings, 0.5),
        "p99_ms": percentile(timings, 0.99),
        "max_ms": max(timings),
        "keys": len(timings) + 1,
        "shown": window.proxy.rowCount(),
    }


def baseline_filter(users: int, application: Any) -> dict[str, Any]:
    """Qt alone: QStandardItemModel of the names, QSortFilterProxyModel fixed-string filter."""
    from PySide6.QtCore import QSortFilterProxyModel, Qt
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QTableView

    from konnekta_desktop.simulator.tenant import generate_tenant

    tenant = generate_tenant(users, seed=1)
    source = QStandardItemModel()
    for user in tenant.users.values():
        source.appendRow([QStandardItem(user.name), QStandardItem(user.department)])
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(source)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    view = QTableView()
    view.setModel(proxy)
    view.resize(1280, 600)
    view.show()
    application.processEvents()
    timings = []
    for text in TYPED:
        for length in range(1, len(text) + 1):
            started = time.perf_counter()
            proxy.setFilterFixedString(text[:length])
            application.processEvents()
            timings.append((time.perf_counter() - started) * 1000)
    view.close()
    return {"p50_ms": percentile(timings, 0.5), "p99_ms": percentile(timings, 0.99)}


class Counts:
    def __init__(self) -> None:
        self.data_changed = 0
        self.proxy_changed = 0
        self.paints = 0
        self.flushes = 0
        self.events = 0
        self.updates = 0


def count_updates(window: Any, counts: Counts) -> Any:
    from PySide6.QtCore import QEvent, QObject

    window.colleague_model.dataChanged.connect(
        lambda *_: setattr(counts, "data_changed", counts.data_changed + 1)
    )
    window.proxy.dataChanged.connect(
        lambda *_: setattr(counts, "proxy_changed", counts.proxy_changed + 1)
    )
    window._update_timer.timeout.connect(lambda: setattr(counts, "updates", counts.updates + 1))

    class PaintCounter(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                counts.paints += 1
            return False

    counter = PaintCounter()
    window.grid.viewport().installEventFilter(counter)
    return counter


async def event_load(session: Any, window: Any, rate: float, seconds: float) -> dict[str, Any]:
    """Apply events at `rate` per second for `seconds`, as the connector delivers batches."""
    from PySide6.QtCore import Qt, QTimer

    from konnekta_desktop.domain import (
        Availability,
        Call,
        CallState,
        CallUpdate,
        Direction,
        PresenceUpdate,
    )

    rng = random.Random(1)
    ids = [c.id for c in session.model]
    activities = list(session.model.activities)
    open_calls: list[Call] = []
    counts = Counts()
    keep = count_updates(window, counts)
    recorder = TickRecorder()
    timer = start_gui_timer(recorder)
    sent = 0

    def next_event(number: int) -> Any:
        if number % 5 == 4:
            return PresenceUpdate(
                user_id=rng.choice(ids),
                activity_id=rng.choice(activities),
                availability=rng.choice(list(Availability)),
            )
        if number % 5 >= 2 and len(open_calls) > 200:
            call = open_calls.pop(0)
            ended = Call(
                **{
                    **{f: getattr(call, f) for f in call.__struct_fields__},
                    "state": CallState.ENDED,
                }
            )
            return CallUpdate(call=ended)
        call = Call(
            call_id=f"c{number}",
            user_id=rng.choice(ids),
            state=CallState.RINGING,
            direction=Direction.INBOUND,
            caller="+4520000000",
            called="+4570203040",
            queue="Reception" if number % 3 == 0 else None,
            started_at=time.time(),
        )
        open_calls.append(call)
        return CallUpdate(call=call)

    began = time.monotonic()
    done = asyncio.get_running_loop().create_future()

    def deliver() -> None:
        nonlocal sent
        due = min(int((time.monotonic() - began) * rate), int(rate * seconds))
        if due > sent:
            batch = [next_event(n) for n in range(sent, due)]
            sent = due
            session.connector._deliver(batch)  # as the listener thread hands a batch over
            counts.flushes += 1
            counts.events += len(batch)
        if time.monotonic() - began >= seconds and not done.done():
            done.set_result(None)

    feeder = QTimer()
    feeder.setTimerType(Qt.TimerType.PreciseTimer)
    feeder.setInterval(1)
    feeder.timeout.connect(deliver)
    feeder.start()
    await done
    end = time.monotonic()
    feeder.stop()
    timer.stop()
    del keep
    lateness = recorder.lateness_ms(began, end)
    per_second = 1 / (end - began)
    return {
        "events_s": counts.events * per_second,
        "flushes_s": counts.flushes * per_second,
        "updates_s": counts.updates * per_second,
        "data_changed_s": counts.data_changed * per_second,
        "proxy_changed_s": counts.proxy_changed * per_second,
        "paints_s": counts.paints * per_second,
        "lag_p99_ms": percentile(lateness, 0.99),
    }


def run(options: argparse.Namespace) -> int:
    import qasync
    from PySide6.QtWidgets import QApplication

    application = QApplication([])
    began = time.monotonic()
    filters: dict[int, list[dict[str, Any]]] = {n: [] for n in options.sizes}
    baselines: dict[int, list[dict[str, Any]]] = {n: [] for n in options.sizes}
    loads: dict[int, list[dict[str, Any]]] = {n: [] for n in options.sizes}

    async def measure(users: int) -> None:
        with tempfile.TemporaryDirectory(prefix="bench-grid-") as folder:
            session, window = build_window(users, Path(folder))
            application.processEvents()
            filters[users].append(keystrokes(window, application))
            baselines[users].append(baseline_filter(users, application))
            loads[users].append(await event_load(session, window, options.rate, options.seconds))
            print(
                f"{users} rows: {filters[users][-1]} {baselines[users][-1]} {loads[users][-1]}",
                file=sys.stderr,
                flush=True,
            )
            window.hide_to_tray = False
            window.close()
            session.store.close()

    async def main() -> None:
        for _ in range(options.rounds):
            for users in options.sizes:
                await measure(users)

    with asyncio.Runner(loop_factory=qasync.QEventLoop) as runner:
        runner.run(main())

    print(f"Machine: {machine_notes()}")
    print(
        f"{options.rounds} rounds, median shown; typed: {', '.join(repr(t) for t in TYPED)}, "
        f"one character at a time; whole run {time.monotonic() - began:.0f} s"
    )
    print()
    rows = []
    for users in options.sizes:
        runs, base = filters[users], baselines[users]
        p99 = median([r["p99_ms"] for r in runs])
        base_p99 = median([b["p99_ms"] for b in base])
        rows.append(
            [
                f"{users:,}",
                median([r["first_ms"] for r in runs]),
                median([r["p50_ms"] for r in runs]),
                p99,
                median([r["max_ms"] for r in runs]),
                base_p99,
                ratio(p99, base_p99),
            ]
        )
    print(
        table(
            [
                "rows",
                "first keystroke ms (after load)",
                "keystroke p50 ms",
                "keystroke p99 ms",
                "keystroke max ms",
                "baseline p99 ms (bare Qt proxy)",
                "p99 vs baseline",
            ],
            rows,
        )
    )
    print()
    rows = []
    for users in options.sizes:
        runs = loads[users]
        rows.append(
            [f"{users:,}"]
            + [
                median([r[k] for r in runs])
                for k in (
                    "events_s",
                    "flushes_s",
                    "updates_s",
                    "data_changed_s",
                    "proxy_changed_s",
                    "paints_s",
                    "lag_p99_ms",
                )
            ]
        )
    print(
        table(
            [
                "rows",
                "events/s",
                "model flushes/s",
                "window updates/s",
                "source dataChanged/s",
                "proxy dataChanged/s",
                "grid repaints/s",
                "GUI lag p99 ms",
            ],
            rows,
        )
    )
    print()
    print("Targets: keystroke under 16 ms; updates coalesced (repaints well under events/s).")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--sizes", type=int, nargs="+", default=[5_000, 20_000])
    parser.add_argument("--rate", type=float, default=1_000.0, help="events/s")
    parser.add_argument("--seconds", type=float, default=3.0, help="event load duration")
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
