"""The composition root: staged start, the window as entry point without a tray, clean shutdown."""

from __future__ import annotations

import dataclasses
import socket
from pathlib import Path

from pytestqt.qtbot import QtBot

from konnekta_desktop.app import SwitchboardApp
from konnekta_desktop.core.session import Session
from konnekta_desktop.domain.status import Connection
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


def test_a_phone_link_opened_by_the_system_is_dialled_once_connected(
    simulator: Simulator, tmp_path: Path, run: Runner, qtbot: QtBot
) -> None:
    # macOS hands links over as file-open events, before the window exists when it starts the app.
    from PySide6.QtCore import QCoreApplication, QUrl
    from PySide6.QtGui import QFileOpenEvent

    session = make_session(simulator, tmp_path / "store.sqlite3", OPERATOR_ID)

    async def factory() -> Session:
        link = QFileOpenEvent(QUrl("tel:87654321;phone-context=+45"))
        QCoreApplication.sendEvent(QCoreApplication.instance(), link)
        return session

    app = SwitchboardApp(factory, use_tray=False, open_links=True)
    run(app.boot())
    device = session.connector.config.default_calling_device.value
    qtbot.waitUntil(
        lambda: any(
            c.path == f"/users/{OPERATOR_ID}/calls"
            and c.body == {"destination": "+4587654321", "device": device}
            for c in simulator.received
        )
    )
    run(app.close())


def test_a_busy_listener_port_leaves_the_window_up_saying_which_setting_to_change(
    simulator: Simulator, tmp_path: Path, run: Runner, qtbot: QtBot
) -> None:
    """Hardening on the desktop, item 2: the error escaped start-up and the window vanished, so
    the operator never reached Settings, where the port is changed."""
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        session = make_session(simulator, tmp_path / "store.sqlite3", OPERATOR_ID)
        session.connector.config = dataclasses.replace(session.config, listener_port=port)

        async def factory() -> Session:
            return session

        app = SwitchboardApp(factory, use_tray=False)
        run(app.boot())  # no exception
        window = app.window
        assert window is not None
        assert window.isVisible()
        status = session.connector.status
        assert status.state is Connection.DISCONNECTED
        assert status.setting == "Listener Port"
        assert "choose another Listener Port" in window.message_bar.text()
        run(app.close())
