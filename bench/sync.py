"""Reconnect sync of every colleague's state, in each direction, against a 5,000-user simulator.

This process is the app (a `Session`, connected, file logging as in the app); the simulator runs in
its own process. Before each timed sync, every colleague gets a local state change made while
disconnected that differs from Konnekta's activity (as an operator working offline would leave
them), then `core.sync.synchronise` runs exactly as the connector's reconnect hook calls it:
- local -> Konnekta: one `PUT /users/{id}/presence` per colleague, 32 at a time;
- Konnekta -> local: no requests; unsent local changes are dropped and local states follow Konnekta.
Baseline in the same run: the same number of plain `PUT /users/{id}/presence` requests through
aiohttp's client (the app's HTTP client library), with the same token and concurrency and nothing
else around them. Rounds interleave; median shown.

    uv run python bench/sync.py [--rounds 3] [--users 5000]        # ~1 min
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import aiohttp
from _common import bench_session, machine_notes, median, ratio, simulator, table

CONCURRENCY = 32  # what the session's reconnect hook uses (core/sync.py's default)
SYNC_LIMIT = 60.0  # seconds; a slower sync is cut off and reported as such


async def connected_session(folder: Path, direction: Any) -> Any:
    session = bench_session(folder, sync_on_startup=False, sync_direction=direction)
    await session.start()
    await asyncio.wait_for(session.connector.wait_connected(), 60)
    return session


async def plain_requests(session: Any, concurrency: int) -> tuple[float, int]:
    """The baseline: one presence PUT per colleague (their current activity, so nothing changes)."""
    token = await session.connector.auth.access_token()
    base = session.config.smg_address.rstrip("/")
    gate = asyncio.Semaphore(concurrency)
    statuses: Counter[int] = Counter()
    async with aiohttp.ClientSession(headers={"Authorization": f"Bearer {token}"}) as client:

        async def put(colleague: Any) -> None:
            body = {"activity_id": colleague.activity_id, "availability": colleague.availability}
            async with gate, client.put(f"{base}/users/{colleague.id}/presence", json=body) as r:
                await r.read()
            statuses[r.status] += 1

        started = time.perf_counter()
        await asyncio.gather(*(put(c) for c in session.model))
        elapsed = time.perf_counter() - started
        # Each PUT makes the simulator post a presence event. Let those arrive before the offline
        # changes are made, or the late ones would overwrite them (Konnekta's state wins).
        control = session.config.issuer_uri.split("/auth/", 1)[0] + "/_sim/delivered"
        async with client.post(control) as answer:
            answer.raise_for_status()
        await asyncio.sleep(0.5)  # the listener hands the last events to the loop
    if set(statuses) - {200, 204}:
        print(f"baseline statuses: {dict(statuses)}", file=sys.stderr)
    return elapsed, sum(statuses.values())


async def offline_changes(session: Any) -> int:
    """Every colleague gets a local state, made while disconnected, that Konnekta does not show."""
    presence = session.presence
    mappings = session.config.state_mappings
    first, second = sorted(mappings)[:2]
    presence.connected = False
    for colleague in session.model:
        state = first if mappings[first] != colleague.activity_id else second
        await presence.set_state(colleague.id, state)
    presence.connected = True
    return len(session.store.pending_changes())


async def one_sync(
    folder: Path, direction: Any, with_baseline: bool, concurrency: int
) -> dict[str, Any]:
    from konnekta_desktop.core.sync import synchronise

    session = await connected_session(folder, direction)
    try:
        result: dict[str, Any] = {"users": len(session.model)}
        if with_baseline:
            result["baseline_s"], result["baseline_requests"] = await plain_requests(
                session, concurrency
            )
        result["pending"] = await offline_changes(session)
        counts_before = Counter(session.connector.api.request_counts)
        started = time.perf_counter()
        try:
            report = await asyncio.wait_for(
                synchronise(direction, session.presence, session.model, concurrency=concurrency),
                SYNC_LIMIT,
            )
            result["changed"], result["failed"] = report.changed, len(report.failed)
        except TimeoutError:
            result["changed"], result["failed"] = 0, -1
        result["seconds"] = time.perf_counter() - started
        counts = Counter(session.connector.api.request_counts) - counts_before
        result["requests"] = sum(counts.values())
        result["left_pending"] = len(session.store.pending_changes())
        return result
    finally:
        await session.close()


async def orchestrate(options: argparse.Namespace) -> int:
    from konnekta_desktop.core.config import SyncDirection

    began = time.monotonic()
    results: dict[SyncDirection, list[dict[str, Any]]] = {d: [] for d in SyncDirection}
    with simulator(options.users, options.seed) as sim:
        os.environ.update(sim.env())
        for number in range(1, options.rounds + 1):
            if number > 1 and time.monotonic() - began > options.budget:
                print(f"time budget spent: {number - 1} rounds only", file=sys.stderr)
                break
            for direction in (SyncDirection.LOCAL_TO_KONNEKTA, SyncDirection.KONNEKTA_TO_LOCAL):
                with tempfile.TemporaryDirectory(prefix="bench-sync-") as folder:
                    run = await one_sync(
                        Path(folder),
                        direction,
                        direction is SyncDirection.LOCAL_TO_KONNEKTA,
                        options.concurrency,
                    )
                results[direction].append(run)
                print(f"round {number}, {direction.value}: {run}", file=sys.stderr, flush=True)
    print(f"Machine: {machine_notes()}")
    print(
        f"{options.users} users, each with an unsent local change; concurrency "
        f"{options.concurrency}; {len(results[SyncDirection.KONNEKTA_TO_LOCAL])} rounds, median "
        f"shown; a sync is cut off after {SYNC_LIMIT:.0f} s (failed = -1); "
        f"whole run {time.monotonic() - began:.0f} s"
    )
    print()
    rows: list[list[object]] = []
    for direction, runs in results.items():
        seconds = median([r["seconds"] for r in runs])
        requests = median([r["requests"] for r in runs])
        base_runs = results[SyncDirection.LOCAL_TO_KONNEKTA]
        base = median([r["baseline_s"] for r in base_runs])
        base_requests = median([r["baseline_requests"] for r in base_runs])
        rows.append(
            [
                direction.value.replace("_", " "),
                f"{seconds:.2f}",
                round(requests),
                round(requests / seconds) if requests else "-",
                f"{base:.2f}" if requests else "-",
                round(base_requests / base) if requests else "-",
                ratio(seconds, base) if requests else "-",
                round(median([r["changed"] for r in runs])),
                sum(r["failed"] for r in runs),
                sum(r["left_pending"] for r in runs),
            ]
        )
    print(
        table(
            [
                "direction",
                "sync s",
                "requests",
                "requests/s",
                "baseline s (plain PUTs)",
                "baseline requests/s",
                "vs baseline",
                "changed",
                "failed",
                "left unsent",
            ],
            rows,
        )
    )
    print()
    print("Target: each direction within 3 s for 5,000 users.")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--users", type=int, default=5_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--concurrency", type=int, default=CONCURRENCY)
    parser.add_argument(
        "--budget", type=float, default=120.0, help="seconds; no new round starts after this"
    )
    options = parser.parse_args(argv)
    return asyncio.run(orchestrate(options))


if __name__ == "__main__":
    sys.exit(main())
