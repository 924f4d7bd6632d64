"""tel: and callto: links on macOS: they arrive as Qt file-open events (simulated here as Qt's
Cocoa plugin sends them), also the one that launched the app, before the switchboard exists."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from konnekta_desktop.app import SwitchboardApp, run_gui
from konnekta_desktop.core.session import Session
from konnekta_desktop.runtime import LaunchOptions
from konnekta_desktop.simulator.server import Simulator
from tests.gui.conftest import make_session
from tests.gui.gui_helpers import OPERATOR_ID, Runner

pytestmark = pytest.mark.gui


def dialled(simulator: Simulator, destination: str, device: str) -> bool:
    return any(
        command.path == f"/users/{OPERATOR_ID}/calls"
        and command.body == {"destination": destination, "device": device}
        for command in simulator.received
    )


def test_a_callto_link_qt_could_not_read_as_a_url_is_dialled(
    simulator: Simulator, tmp_path: Path, run: Runner, qtbot: QtBot
) -> None:
    """Qt rejects callto://+45... (a number where a host name belongs) and hands the link over as
    a local file, file:callto://+45...: the app said it was not a number."""
    session = make_session(simulator, tmp_path / "store.sqlite3", OPERATOR_ID)
    link = QFileOpenEvent("callto://+4587654321")
    assert link.url().toString() == "file:callto://+4587654321"  # as Qt delivers it

    async def factory() -> Session:
        return session

    app = SwitchboardApp(factory, use_tray=False, open_links=True)
    run(app.boot())
    assert app.window is not None
    QCoreApplication.sendEvent(QCoreApplication.instance(), link)
    device = session.connector.config.default_calling_device.value
    qtbot.waitUntil(lambda: dialled(simulator, "+4587654321", device))
    assert "not a number" not in app.window.message_bar.text()
    run(app.close())


@pytest.fixture
def signal_handlers() -> Iterator[None]:
    """run_gui installs its own Ctrl+C and SIGTERM handlers: put pytest's back."""
    kept = {signum: signal.getsignal(signum) for signum in (signal.SIGINT, signal.SIGTERM)}
    yield
    for signum, handler in kept.items():
        signal.signal(signum, handler)


@pytest.mark.slow
@pytest.mark.usefixtures("restore_logging", "signal_handlers")
def test_the_link_that_launched_the_app_is_kept_until_the_switchboard_exists(
    qapp: QApplication, tmp_path: Path
) -> None:
    """macOS delivers the link that launched the app in Qt's first pass of the event loop, which
    came before the link filter was installed: the link was lost."""
    QCoreApplication.postEvent(qapp, QFileOpenEvent(QUrl("tel:87654321;phone-context=+45")))
    options = LaunchOptions(
        demo=True, config_dir=tmp_path, exit_when_connected=True, log_to_stderr=False
    )
    assert run_gui(options, open_links=True) == 0
    log = (tmp_path / "logs" / "konnekta-desktop.log").read_text(encoding="utf-8")
    assert "Opened with the link tel:87654321;phone-context=+45 before the window" in log
    assert "Dial +4587654321 for " in log
