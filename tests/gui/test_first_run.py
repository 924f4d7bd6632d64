"""First run: with no settings the app still opens, says what to fill in, opens Settings on the
Connection tab, and connects once the form is filled in and applied.

The whole app is booted as `run_gui` boots it (`runtime.open_session(..., strict=False)` over an
empty config folder), against the in-process simulator over loopback. Only the keyring is a
stand-in (the in-memory one from tests/conftest.py).
"""

from __future__ import annotations

import logging
import tomllib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from konnekta_desktop.app import SwitchboardApp
from konnekta_desktop.core.session import Session
from konnekta_desktop.domain.status import Connection
from konnekta_desktop.runtime import LaunchOptions, open_session
from konnekta_desktop.settings import AppPaths, SecretStore, load_settings, validate
from konnekta_desktop.simulator.server import Simulator
from konnekta_desktop.ui.bridge import AppSession
from konnekta_desktop.ui.settings.dialog import SettingsDialog
from konnekta_desktop.ui.switchboard import MainWindow
from tests.gui.gui_helpers import USERS, Runner
from tests.helpers.ports import free_port


@pytest.fixture
def root_logging() -> Iterator[Callable[[], None]]:
    """`open_session` sets up the app's log file on the root logger; the function this yields
    closes it and puts the test's handlers back (also done at the end)."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level

    def restore() -> None:
        for handler in list(root.handlers):
            if handler not in handlers:
                root.removeHandler(handler)
                handler.close()
        for handler in handlers:
            if handler not in root.handlers:
                root.addHandler(handler)
        root.setLevel(level)

    yield restore
    restore()


@pytest.fixture
def keep_qt_running(qapp: QApplication) -> Iterator[None]:
    before = qapp.quitOnLastWindowClosed()
    qapp.setQuitOnLastWindowClosed(False)
    yield
    qapp.setQuitOnLastWindowClosed(before)


def boot_first_run(folder: Path, run: Runner) -> SwitchboardApp:
    options = LaunchOptions(config_dir=folder, log_to_stderr=False)

    async def factory() -> AppSession:
        return await open_session(options, strict=False)

    app = SwitchboardApp(factory, use_tray=False, language="en")
    run(app.boot())
    return app


def test_without_settings_the_window_opens_settings_and_applying_the_form_connects(
    simulator: Simulator,
    tmp_path: Path,
    run: Runner,
    qtbot: QtBot,
    root_logging: Callable[[], None],
    keep_qt_running: None,
) -> None:
    folder = tmp_path / "konnekta"
    app = boot_first_run(folder, run)
    try:
        window, session = app.window, app.session
        assert isinstance(window, MainWindow)
        assert isinstance(session, Session)

        # Not connected, and the status bar names the fields and where to fill them in.
        assert session.settings_problems
        assert session.connector.status.state is Connection.DISCONNECTED
        status = window.connection_label.text()
        assert "Settings > Connection" in status
        assert "Tenant Domain, SMG Address, Issuer URI and 4 more" in status
        assert window.isVisible()
        assert "not connected yet" in window.message_bar.text()

        # Settings opened by itself, on the Connection tab, with the missing fields marked.
        dialog = window.settings_dialog
        assert isinstance(dialog, SettingsDialog)
        assert dialog.isVisible()
        assert dialog.tabs.currentWidget() is dialog.connection
        assert not dialog.first_run_notice.isHidden()
        fields = dialog.connection.fields
        assert "Client ID" in fields["client_id"].message.text()

        port = free_port()
        for name, value in {
            "tenant_domain": simulator.tenant.domain,
            "smg_address": simulator.smg_address,
            "issuer_uri": simulator.issuer_uri,
            "client_id": simulator.client_id,
            "client_secret": simulator.client_secret,
            "user": simulator.username,
            "password": simulator.password,
        }.items():
            fields[name].set_text(value)
        fields["listener_port"].set_text(str(port))
        assert fields["client_id"].message.isHidden()

        dialog.ok_button.click()

        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=15_000)
        qtbot.waitUntil(
            lambda: session.connector.status.state is Connection.CONNECTED, timeout=15_000
        )
        qtbot.waitUntil(lambda: window.colleague_model.rowCount() == USERS)
        assert window.connection_label.text() == "Connected to Konnekta"
        assert not window.message_bar.isVisible()  # the first-run notice went with the problem
        assert session.settings_problems == []
        assert session.connector.listener is not None
        assert session.connector.listener.port == port

        # Saved for the next start: complete settings, the secrets in the keyring only.
        text = (folder / "settings.toml").read_text(encoding="utf-8")
        assert simulator.client_secret not in text
        assert simulator.password not in text
        assert tomllib.loads(text)
        saved, _problems = load_settings(AppPaths.for_dir(folder), SecretStore())
        assert validate(saved) == []
    finally:
        app.request_quit()
        run(app.close())
    assert session.connector.listener is None  # nothing left listening


def test_a_second_start_with_the_saved_settings_connects_without_settings(
    simulator: Simulator,
    tmp_path: Path,
    run: Runner,
    qtbot: QtBot,
    root_logging: Callable[[], None],
    keep_qt_running: None,
) -> None:
    folder = tmp_path / "konnekta"
    first = boot_first_run(folder, run)
    try:
        assert first.window is not None
        dialog = first.window.settings_dialog
        assert isinstance(dialog, SettingsDialog)
        fields = dialog.connection.fields
        for name, value in {
            "tenant_domain": simulator.tenant.domain,
            "smg_address": simulator.smg_address,
            "issuer_uri": simulator.issuer_uri,
            "client_id": simulator.client_id,
            "client_secret": simulator.client_secret,
            "user": simulator.username,
            "password": simulator.password,
        }.items():
            fields[name].set_text(value)
        fields["listener_port"].set_text(str(free_port()))
        assert run(dialog.apply()) is True
    finally:
        first.request_quit()
        run(first.close())
        root_logging()  # logs.setup drops an earlier log handler without closing its file

    second = boot_first_run(folder, run)
    try:
        assert second.session is not None
        assert second.window is not None
        assert second.session.settings_problems == []  # type: ignore[attr-defined]
        assert second.window.settings_dialog is None
        qtbot.waitUntil(
            lambda: (
                second.session is not None
                and second.session.connector.status.state is Connection.CONNECTED
            ),
            timeout=15_000,
        )
    finally:
        second.request_quit()
        run(second.close())


def test_a_value_of_the_wrong_type_in_the_settings_file_is_shown_in_the_window(
    tmp_path: Path,
    run: Runner,
    root_logging: Callable[[], None],
    keep_qt_running: None,
) -> None:
    """Hardening on the desktop, item 5: a port written as a string moved the listener to the
    default silently; the problem reached the log only."""
    folder = tmp_path / "konnekta"
    paths = AppPaths.for_dir(folder)
    paths.create()
    paths.settings_file.write_text('[connection]\nlistener_port = "8471"\n', encoding="utf-8")
    app = boot_first_run(folder, run)
    try:
        window = app.window
        assert isinstance(window, MainWindow)
        shown = window.message_bar.text()
        assert "Listener Port" in shown
        assert "'8471'" in shown
        assert "default" in shown
    finally:
        run(app.close())
