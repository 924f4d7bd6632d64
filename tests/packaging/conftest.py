"""Tests of what is packaged and installed: the build workflow, the PyInstaller spec, the Windows
installer script, the icons, and the app's side of installing (start at login, quitting for the
uninstaller, phone links on macOS). Windows and macOS cannot run here: their files are parsed, and
their events are sent as Qt sends them.

The GUI tests use the qasync loop, the simulator and the settings window of tests/gui.
"""

from __future__ import annotations

from tests.gui.conftest import (
    collect_garbage_between_tests,
    no_thread_left_running,
    qasync_loop,
    run,
    simulator,
)
from tests.gui.settings.conftest import dialog_for

__all__ = [
    "collect_garbage_between_tests",
    "dialog_for",
    "no_thread_left_running",
    "qasync_loop",
    "run",
    "simulator",
]
