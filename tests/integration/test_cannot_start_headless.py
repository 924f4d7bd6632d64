"""Without a window, a start-up failure is one line that says what is wrong and what to do, and
the exit status says it failed (Hardening on the desktop, items 2 and 6)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from konnekta_desktop.cli import display_available

ROOT = Path(__file__).resolve().parents[2]


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "konnekta_desktop", *args],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        env=env,
        check=False,
    )


def test_no_display_at_all_says_that_headless_needs_none(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in {"DISPLAY", "WAYLAND_DISPLAY"}}
    env.pop("QT_QPA_PLATFORM", None)
    done = run(["--config-dir", str(tmp_path)], env)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1
    assert "no display" in done.stderr
    assert "--headless" in done.stderr
    assert (
        "Cannot start: There is no display"
        in (tmp_path / "logs" / "konnekta-desktop.log").read_text()
    )


def test_a_display_is_one_of_x11_wayland_or_a_qt_platform() -> None:
    assert not display_available({})
    assert display_available({"WAYLAND_DISPLAY": "wayland-0"})
    assert display_available({"DISPLAY": ":0"})
    assert display_available({"QT_QPA_PLATFORM": "offscreen"})


def test_a_data_file_from_a_newer_version_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    store = tmp_path / "data" / "konnekta-desktop.sqlite3"
    store.parent.mkdir(parents=True)
    with sqlite3.connect(store) as db:
        db.execute("PRAGMA user_version = 99")
    args = ["--demo", "--headless", "--exit-when-connected", "--config-dir", str(tmp_path)]
    done = run(args, dict(os.environ))
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    (line,) = [line for line in done.stderr.splitlines() if "Cannot start" in line]
    assert "written by a newer konnekta-desktop (its version 99" in line
