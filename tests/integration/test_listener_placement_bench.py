"""The placement benchmark still runs end to end: three servers, one load generator, one table."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).parents[2] / "bench" / "listener_placement.py"


@pytest.mark.slow
def test_the_placement_benchmark_prints_a_row_for_each_placement_and_loses_no_event() -> None:
    finished = subprocess.run(
        [
            sys.executable,
            str(BENCH),
            "--rounds=1",
            "--events=60",
            "--warmup=10",
            "--connections=4",
            "--time-limit=20",
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=100,
        check=False,
    )
    assert finished.returncode == 0, finished.stdout + finished.stderr
    rows = [line for line in finished.stdout.splitlines() if line.startswith("| (")]
    assert [row[:5] for row in rows] == ["| (a)", "| (b)", "| (c)"]
    assert all(row.rstrip(" |").endswith(" 0") for row in rows), rows  # no errors
