"""Fixtures of the settings window tests: plain pytest-qt tests on the qasync loop of
tests/gui/conftest.py (`run` awaits a coroutine while Qt spins). The session is built from the
real parts the window uses: settings files in tmp_path, the SQLite store, the live model and the
SMG client against the in-process simulator. The only stand-in is the keyring (no OS keyring on a
test machine).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import keyring.backends.fail
import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from konnekta_desktop.core.model import LiveModel
from konnekta_desktop.core.session import Session
from konnekta_desktop.konnekta.api import SmgClient
from konnekta_desktop.konnekta.auth import KonnektaAuth
from konnekta_desktop.konnekta.http import make_http_client
from konnekta_desktop.simulator import Simulator
from konnekta_desktop.ui.settings.dialog import SettingsDialog
from tests.gui.gui_helpers import Runner
from tests.helpers.keyring_backend import InMemoryKeyring


@pytest.fixture(autouse=True)
def dialogs_closing_keep_qt_running(qapp: QApplication) -> Iterator[None]:
    """A dialog under test is the only window: closing it must not quit the application."""
    before = qapp.quitOnLastWindowClosed()
    qapp.setQuitOnLastWindowClosed(False)
    yield
    qapp.setQuitOnLastWindowClosed(before)


@pytest.fixture
def memory_keyring() -> Iterator[InMemoryKeyring]:
    previous = keyring.get_keyring()
    backend = InMemoryKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def loaded(simulator: Simulator, run: Runner) -> Iterator[tuple[LiveModel, SmgClient]]:
    """The simulator's tenant loaded into a live model, and the SMG client that loaded it."""
    sim = simulator
    http = make_http_client()
    auth = KonnektaAuth(
        sim.issuer_uri, sim.client_id, sim.client_secret, sim.username, sim.password, http=http
    )
    api = SmgClient(sim.smg_address, auth, http=http)
    model = LiveModel()

    async def load() -> None:
        model.load(await api.users(), await api.statuses(), await api.activities())

    run(load())
    try:
        yield model, api
    finally:
        run(http.aclose())


@pytest.fixture
def dialog_for(qtbot: QtBot, run: Runner) -> Iterator[Callable[..., SettingsDialog]]:
    """Builds the window for a session; the qasync loop runs the window's background tasks.
    Each session is closed afterwards (a reconnect on Apply starts its listener)."""
    sessions: list[Session] = []

    def build(session: Session, **options: Any) -> SettingsDialog:
        sessions.append(session)
        dialog = SettingsDialog(session, **options)
        qtbot.addWidget(dialog)
        dialog.show()
        return dialog

    yield build
    for session in sessions:
        run(session.close())
