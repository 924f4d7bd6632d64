"""Uninstalling or updating on Windows while the switchboard runs: the installer runs
`konnekta-desktop.exe --quit` (packaging/launcher.py), which asks the running switchboard to quit
over the single-instance channel and waits until it has closed. Closing its window, as the old
uninstaller did, only hides it to the tray: it kept running and its files stayed behind."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from konnekta_desktop.app import SwitchboardApp
from konnekta_desktop.core.session import Session
from konnekta_desktop.settings import AppPaths
from konnekta_desktop.simulator.server import Simulator
from konnekta_desktop.ui.single_instance import SingleInstance, instance_key
from tests.gui.conftest import make_session
from tests.gui.gui_helpers import OPERATOR_ID, Runner

ROOT = Path(__file__).resolve().parents[2]
LAUNCHER = ROOT / "packaging" / "launcher.py"

pytestmark = [pytest.mark.gui, pytest.mark.slow]


def test_a_quit_launch_ends_the_switchboard_in_the_tray_and_waits_for_it(
    simulator: Simulator, tmp_path: Path, run: Runner, qtbot: QtBot
) -> None:
    session = make_session(simulator, tmp_path / "store.sqlite3", OPERATOR_ID)

    async def factory() -> Session:
        return session

    # The channel of the switchboard using this config folder, as run_gui opens it.
    instance = SingleInstance(instance_key(AppPaths.for_dir(tmp_path).config_dir))
    app = SwitchboardApp(factory, instance=instance, use_tray=True)
    run(app.boot())
    assert app.window is not None
    app.window.close()  # what the old uninstaller did: the window hides to the tray
    assert not app.quit_requested.done()

    quitter = subprocess.Popen(
        [sys.executable, str(LAUNCHER), "--quit", "--config-dir", str(tmp_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        qtbot.waitUntil(app.quit_requested.done, timeout=20_000)
        assert app.quit_requested.result() == 0
        assert quitter.poll() is None  # it waits until the switchboard has closed
        run(app.close())
        qtbot.waitUntil(lambda: quitter.poll() is not None, timeout=20_000)
    finally:
        if quitter.poll() is None:
            quitter.kill()
        out, err = quitter.communicate()
    assert quitter.returncode == 0, out + err
    assert not instance.listening


def test_a_quit_launch_with_nothing_running_ends_at_once(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(LAUNCHER), "--quit", "--config-dir", str(tmp_path), "--wait", "5"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
