"""The switchboard window on a `RemoteSession` (`--connect`): the real MainWindow, offscreen, on a
company connector running the simulator in the same Qt loop. It says it is connecting, then lists
the connector's colleagues and shows a call ringing at the operator, as in direct mode."""

from __future__ import annotations

import asyncio
from pathlib import Path

from pytestqt.qtbot import QtBot

from konnekta_desktop.core.session import Session
from konnekta_desktop.domain.interface import Role
from konnekta_desktop.remote.device import DeviceTokens
from konnekta_desktop.remote.remote_session import RemoteSession
from konnekta_desktop.remote.server import ClientApi
from konnekta_desktop.remote.service import ServerOptions, serve_connector
from konnekta_desktop.runtime import LaunchOptions
from konnekta_desktop.settings import AppPaths, SecretStore
from konnekta_desktop.ui.bridge import Bridge
from konnekta_desktop.ui.calls import CallColumn
from konnekta_desktop.ui.colleagues import ColleagueColumn
from konnekta_desktop.ui.settings.dialog import SettingsDialog
from konnekta_desktop.ui.switchboard import MainWindow
from tests.gui.conftest import (  # the GUI tests' loop and hygiene, shared
    collect_garbage_between_tests,  # noqa: F401
    delete_now,
    no_thread_left_running,  # noqa: F401
    qasync_loop,  # noqa: F401
    run,  # noqa: F401
)
from tests.gui.gui_helpers import Runner
from tests.helpers.keyring_backend import InMemoryKeyring

USERS = 20


def test_the_window_on_a_connector_lists_the_colleagues_and_shows_a_ringing_call(
    qtbot: QtBot,
    run: Runner,  # noqa: F811
    qasync_loop: asyncio.AbstractEventLoop,  # noqa: F811
    tmp_path: Path,
    restore_logging: None,
) -> None:
    stop = asyncio.Event()
    started: list[tuple[ClientApi, Session]] = []

    def on_ready(api: ClientApi, session: Session) -> None:
        assert session.simulator is not None
        session.simulator.set_auto_traffic(False)
        started.append((api, session))

    options = ServerOptions(
        launch=LaunchOptions(demo=True, config_dir=tmp_path / "connector", users=USERS, seed=4),
        port=0,
    )
    serving = qasync_loop.create_task(serve_connector(options, stop, on_ready))
    qtbot.waitUntil(lambda: bool(started), timeout=15_000)
    api, connector = started[0]
    run(connector.wait_connected())
    simulator = connector.simulator
    assert simulator is not None

    invitation = api.operators.invite(connector.operator_user, Role.OPERATOR)
    token, _ = api.operators.enrol(invitation.code, "test desktop")
    remote = RemoteSession(api.base_url, paths=AppPaths.for_dir(tmp_path / "desktop"), token=token)
    bridge = Bridge(remote)
    bridge.attach()
    window = MainWindow(remote, bridge)  # deleted below, not left to qtbot
    try:
        window.show()
        remote.attach_client()
        # Marked stale, visibly, until the snapshot is in.
        assert window.status_bar.connection_label.text() == (
            "Connecting to Konnekta (through the company connector)"
        )
        run(remote.start())
        qtbot.waitUntil(lambda: window.colleague_model.rowCount() == USERS)
        qtbot.waitUntil(
            lambda: (
                window.status_bar.connection_label.text()
                == "Connected to Konnekta (through the company connector)"
            )
        )
        names = {
            window.colleague_model.index(row, ColleagueColumn.NAME).data() for row in range(USERS)
        }
        assert names == {colleague.user.name for colleague in connector.colleagues}

        operator = remote.operator
        assert operator is not None
        assert operator == connector.operator
        call_id = run(simulator.ring(operator.id, "+4587654321"))
        qtbot.waitUntil(lambda: window.call_model.row_of(call_id) is not None)
        row = window.call_model.row_of(call_id)
        assert row is not None
        assert window.call_model.index(row, CallColumn.CALLER).data() == "87 65 43 21"
        assert "Ringing" in str(window.call_model.index(row, CallColumn.WHO).data())
    finally:
        run(window.tasks.cancel_all())
        bridge.detach()
        remote.detach_client()
        delete_now(window)
        run(remote.close())
        stop.set()
        qtbot.waitUntil(serving.done, timeout=30_000)
    assert serving.result() == 0


def test_settings_enrols_this_desktop_at_a_connector_and_shows_only_what_that_needs(
    qtbot: QtBot,
    run: Runner,  # noqa: F811
    qasync_loop: asyncio.AbstractEventLoop,  # noqa: F811
    tmp_path: Path,
    restore_logging: None,
    memory_keyring: InMemoryKeyring,
) -> None:
    """Issue "Company connector" item 4: Settings > Connection offers the company connector
    (address and enrolment code) or Konnekta directly."""
    stop = asyncio.Event()
    started: list[ClientApi] = []
    options = ServerOptions(
        launch=LaunchOptions(demo=True, config_dir=tmp_path / "connector", users=5, seed=4),
        port=0,
    )
    serving = qasync_loop.create_task(
        serve_connector(options, stop, lambda api, _session: started.append(api))
    )
    qtbot.waitUntil(lambda: bool(started), timeout=15_000)
    api = started[0]
    secrets = SecretStore(memory_keyring)
    remote = RemoteSession(api.base_url, paths=AppPaths.for_dir(tmp_path / "desktop"))
    dialog = SettingsDialog(remote, secrets=secrets, paths=AppPaths.for_dir(tmp_path / "desktop"))
    qtbot.addWidget(dialog)
    try:
        dialog.show()
        page = dialog.connection
        tenant_row = page.fields["tenant_domain"].editor.parentWidget()
        assert tenant_row is not None
        page.fields["connector_address"].set_text("")
        assert tenant_row.isVisibleTo(dialog)
        assert not page.enrol_button.isVisibleTo(dialog)

        page.fields["connector_address"].set_text(api.base_url)
        assert not tenant_row.isVisibleTo(dialog)  # Konnekta's login is the connector's
        assert page.enrol_button.isVisibleTo(dialog)

        page.enrol_code.setText("WRONG-CODE")
        page.enrol_button.click()
        qtbot.waitUntil(lambda: page.enrol_result.text().startswith("Not enrolled"))
        assert "not valid" in page.enrol_result.text()

        code = api.operators.invite("anna@example.dk", Role.OPERATOR).code
        page.enrol_code.setText(code)
        page.enrol_button.click()
        qtbot.waitUntil(lambda: page.enrol_result.text().startswith("Enrolled as anna@example.dk"))
        assert page.enrol_code.text() == ""  # a one-time code is not kept
        token = DeviceTokens(secrets).get(remote.address).reveal()
        assert api.operators.identify(token) is not None
        assert code.replace("-", "") not in page.enrol_result.text()
    finally:
        dialog.close()
        run(remote.close())
        stop.set()
        qtbot.waitUntil(serving.done, timeout=30_000)
    assert serving.result() == 0
