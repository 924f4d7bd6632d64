"""The short soak: scripts/soak.py for 30 s at 50 events/s against a headless session.

RSS grows less than 10 %, the asyncio task and thread counts do not grow, and every event sent is
accepted. The 10-minute run is `uv run python scripts/soak.py` (figures in docs/reliability.md).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.reliability.support import tally

SCRIPT = Path(__file__).parents[2] / "scripts" / "soak.py"


@pytest.mark.slow
@pytest.mark.timeout(110)
def test_a_short_soak_keeps_memory_tasks_and_threads_flat(tmp_path: Path) -> None:
    finished = subprocess.run(
        [sys.executable, str(SCRIPT), "--duration", "30", "--json", "--store-dir", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=100,
        check=False,
    )
    outcome = json.loads(finished.stdout.strip().splitlines()[-1])
    print(finished.stdout)
    tally["soak: events"] += outcome["events_sent"]
    assert outcome["rss_growth_percent"] < 10
    assert outcome["end"]["tasks"] <= outcome["start"]["tasks"]
    assert outcome["end"]["threads"] <= outcome["start"]["threads"]
    assert outcome["events_refused"] == 0
    assert outcome["events_accepted"] == outcome["events_sent"]
    assert outcome["rate_reached"] >= 45  # the load was really applied
    assert finished.returncode == 0
