"""The composition root: staged start, the window as entry point without a tray, clean shutdown."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from konnekta_desktop.app import SwitchboardApp
from konnekta_desktop.core.session import Session
from konnekta_desktop.core.status import Connection
from konnekta_desktop.simulator.server import Simulator
from konnekta_desktop.ui.single_instance import SingleInstance, instance_key
from tests.gui.conftest import make_session
from tests.gui.gui_helpers import OPERATOR_ID, Runner


def booted(
    simulator: Simulator, tmp_path: Path, run: Runner, *, use_tray: bool
) -> tuple[SwitchboardApp, Session]:
    session = make_session(simulator, tmp_path / "store.sqlite3", OPERATOR_ID)

    async def factory() -> Session:
        return session

    instance = SingleInstance(instance_key(tmp_path, demo=True))
    app = SwitchboardApp(factory, instance=instance, use_tray=use_tray)
    run(app.boot())
    return app, session


def test_without_a_tray_the_window_is_shown_and_closing_it_quits_cleanly(
    simulator: Simulator, tmp_path: Path, run: Runner, qtbot: QtBot
) -> None:
    app, session = booted(simulator, tmp_path, run, use_tray=False)
    window = app.window
    assert window is not None
    assert app.tray is None
    qtbot.waitUntil(lambda: session.connector.status.state is Connection.CONNECTED)
    assert window.isVisible()
    assert "Demo" in window.windowTitle()
    assert window.demo_label.isVisible()
    assert app.instance is not None
    assert app.instance.listening

    listener = session.connector.listener
    assert listener is not None
    window.close()
    qtbot.waitUntil(app.quit_requested.done)
    assert app.quit_requested.result() == 0
    run(app.close())
    assert session.connector.status.state is Connection.DISCONNECTED
    thread = listener._thread
    assert thread is None or not thread.is_alive()  # the listener is stopped
    assert not app.instance.listening


def test_with_a_tray_closing_the_window_hides_it_and_quit_ends_the_app(
    simulator: Simulator, tmp_path: Path, run: Runner, qtbot: QtBot
) -> None:
    app, session = booted(simulator, tmp_path, run, use_tray=True)
    window = app.window
    assert window is not None
    assert app.tray is not None
    window.close()
    assert not window.isVisible()
    assert not app.quit_requested.done()
    window.actions_by_name["quit"].trigger()
    qtbot.waitUntil(app.quit_requested.done)
    run(app.close())
    assert session.connector.status.state is Connection.DISCONNECTED
