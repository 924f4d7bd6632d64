"""The read-back that notices events that never arrive: what one costs at 500, 5,000 and 20,000
users (Hardening the connection, item 11).

The simulator runs in its own process. A connector in this process connects (its full load is the
baseline, measured in the same run), then runs the read-back (`Connector._reconcile`: everyone's
status and the calls in progress, read and compared with the model) several times, nothing
having changed. Shown: wall time and this process's CPU per read-back, and the ratio to the load.

    uv run python bench/reconcile.py [--rounds 5] [--sizes 500 5000 20000]      # ~1 min
"""

from __future__ import annotations

import argparse
import asyncio
import os
import time
from collections.abc import Sequence

from _common import config_from_env, cpu_seconds, machine_notes, median, ratio, simulator, table


async def measure(rounds: int) -> tuple[float, float, float, float]:
    from konnekta_desktop.core.connector import Connector

    connector = Connector(config_from_env())
    try:
        wall, cpu = time.perf_counter(), cpu_seconds()
        await connector.start()
        await connector.wait_connected()
        load_wall, load_cpu = time.perf_counter() - wall, cpu_seconds() - cpu
        walls, cpus = [], []
        for _ in range(rounds):
            wall, cpu = time.perf_counter(), cpu_seconds()
            await connector._reconcile()
            walls.append(time.perf_counter() - wall)
            cpus.append(cpu_seconds() - cpu)
        assert connector._events_missing is None, "nothing changed: nothing may be missed"
        return load_wall, load_cpu, median(walls), median(cpus)
    finally:
        await connector.close()


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 5000, 20000])
    args = parser.parse_args(argv)
    rows = []
    for users in args.sizes:
        with simulator(users) as sim:
            os.environ.update(sim.env())
            load_wall, load_cpu, wall, cpu = asyncio.run(measure(args.rounds))
        rows.append(
            (
                f"{users:,}",
                f"{load_wall * 1000:.0f} ms",
                f"{wall * 1000:.0f} ms",
                ratio(wall, load_wall),
                f"{cpu * 1000:.0f} ms",
                ratio(cpu, load_cpu),
            )
        )
    print(machine_notes())
    print(
        table(
            ("users", "full load", "read-back", "vs load", "read-back CPU", "CPU vs load"),
            rows,
        )
    )


if __name__ == "__main__":
    main()
