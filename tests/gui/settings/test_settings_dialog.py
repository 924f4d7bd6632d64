"""The settings window as a whole: validation before anything is saved (the refused
field's tab brought forward), OK / Apply / Cancel, reconnect on connection changes or a
connection stopped by a setting, and the window on a real connected session.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit
from pytestqt.qtbot import QtBot

from konnekta_desktop.core.session import Session
from konnekta_desktop.core.store import Store
from konnekta_desktop.domain.interface import Role
from konnekta_desktop.domain.refusals import Reason, why
from konnekta_desktop.domain.status import Connection, ConnectionStatus
from konnekta_desktop.settings import AppPaths, SecretStore, Settings, get_option
from konnekta_desktop.simulator import Simulator
from konnekta_desktop.ui.settings.dialog import SettingsDialog
from konnekta_desktop.ui.settings.fields import OptionField
from tests.gui.gui_helpers import Runner
from tests.gui.settings.settings_helpers import make_session, settings_file_text, valid_settings
from tests.helpers.keyring_backend import InMemoryKeyring
from tests.helpers.konnekta import config_for

pytestmark = pytest.mark.gui


def test_bad_issuer_uri_shows_inline_message_and_apply_refuses(
    dialog_for: Callable[..., SettingsDialog],
    tmp_path: Path,
    memory_keyring: InMemoryKeyring,
    run: Runner,
) -> None:
    session = make_session(tmp_path, valid_settings(), secrets=SecretStore(memory_keyring))
    dialog = dialog_for(session)
    field = dialog.connection.fields["issuer_uri"]

    field.set_text("https://konnekta.example.dk/auth/realm/acme")

    assert not field.message.isHidden()
    assert "Issuer URI" in field.message.text()
    assert "realms/" in field.message.text()
    assert run(dialog.apply()) is False
    assert "Issuer URI" in dialog.status.text()
    assert not session.paths.settings_file.exists()
    assert session.settings.issuer_uri == "https://konnekta.example.dk/auth/realms/acme"

    field.set_text("https://konnekta.example.dk/auth/realms/acme")
    assert field.message.isHidden()


def test_refused_field_on_another_tab_is_brought_forward(
    dialog_for: Callable[..., SettingsDialog],
    tmp_path: Path,
    memory_keyring: InMemoryKeyring,
    run: Runner,
) -> None:
    dialog = dialog_for(
        make_session(tmp_path, valid_settings(), secrets=SecretStore(memory_keyring))
    )
    dialog.tabs.setCurrentWidget(dialog.calling)
    dialog.numbers.fields["international_code"].set_text("999")

    assert run(dialog.apply()) is False

    assert dialog.tabs.currentWidget() is dialog.numbers
    assert "International Code" in dialog.status.text()


def test_connection_change_asks_the_session_to_reconnect(
    dialog_for: Callable[..., SettingsDialog],
    tmp_path: Path,
    memory_keyring: InMemoryKeyring,
    run: Runner,
) -> None:
    session = make_session(tmp_path, valid_settings(), secrets=SecretStore(memory_keyring))
    reconnected: list[Settings] = []

    async def reconnect(settings: Settings) -> None:
        reconnected.append(settings)

    applied: list[Settings] = []
    session.reconnect = reconnect
    session.apply_settings = applied.append  # reconnecting takes in every other option too
    dialog = dialog_for(session)
    dialog.connection.fields["client_id"].set_text("another-client")

    assert run(dialog.apply()) is True

    assert [s.client_id for s in reconnected] == ["another-client"]
    assert applied == []
    assert "Reconnecting" in dialog.status.text()


def test_a_connection_stopped_by_a_setting_is_retried_by_any_apply(
    dialog_for: Callable[..., SettingsDialog],
    tmp_path: Path,
    memory_keyring: InMemoryKeyring,
    run: Runner,
) -> None:
    """After a wrong password or a busy port the connector waits for new settings: Apply is
    the operator's way to try again, even when the fix was outside the app."""
    session = make_session(tmp_path, valid_settings(), secrets=SecretStore(memory_keyring))
    session.connector.status = ConnectionStatus(
        Connection.DISCONNECTED,
        why(Reason.LISTENER_PORT_BUSY, port="8470", host="127.0.0.1", detail="in use"),
        "Listener Port",
    )
    reconnected: list[Settings] = []

    async def reconnect(settings: Settings) -> None:
        reconnected.append(settings)

    session.reconnect = reconnect
    session.apply_settings = lambda settings: None
    dialog = dialog_for(session)
    dialog.numbers.fields["international_code"].set_text("298")

    assert run(dialog.apply()) is True
    assert [s.international_code for s in reconnected] == ["298"]


def test_ok_saves_a_number_change_and_hands_it_to_the_session_without_reconnect(
    dialog_for: Callable[..., SettingsDialog],
    tmp_path: Path,
    memory_keyring: InMemoryKeyring,
    qtbot: QtBot,
) -> None:
    session = make_session(tmp_path, valid_settings(), secrets=SecretStore(memory_keyring))
    reconnected: list[Settings] = []
    applied: list[Settings] = []

    async def reconnect(settings: Settings) -> None:
        reconnected.append(settings)

    session.reconnect = reconnect
    session.apply_settings = applied.append
    dialog = dialog_for(session)
    dialog.numbers.fields["international_code"].set_text("298")
    dialog.ok_button.click()

    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert reconnected == []
    assert [s.international_code for s in applied] == ["298"]
    assert tomllib.loads(settings_file_text(session))["numbers"]["international_code"] == "298"


def test_cancel_saves_nothing(
    dialog_for: Callable[..., SettingsDialog],
    tmp_path: Path,
    memory_keyring: InMemoryKeyring,
    qtbot: QtBot,
) -> None:
    session = make_session(tmp_path, valid_settings(), secrets=SecretStore(memory_keyring))
    dialog = dialog_for(session)
    dialog.connection.fields["client_id"].set_text("changed")
    qtbot.mouseClick(
        dialog.buttons.button(dialog.buttons.StandardButton.Cancel), Qt.MouseButton.LeftButton
    )

    assert not dialog.isVisible()
    assert not session.paths.settings_file.exists()
    assert session.settings.client_id == "switchboard"


def test_window_works_on_a_connected_core_session(
    simulator: Simulator,
    tmp_path: Path,
    run: Runner,
    qtbot: QtBot,
    memory_keyring: InMemoryKeyring,
) -> None:
    """The real `Session` (as the main window passes it) gives the window everything it needs."""
    settings = valid_settings(simulator)
    session = Session(
        config_for(simulator),
        Store(tmp_path / "store.sqlite3"),
        settings=settings,
        paths=AppPaths.for_dir(tmp_path / "konnekta"),
        simulator=simulator,
    )
    run(session.start())
    try:
        qtbot.waitUntil(lambda: session.connector.status.state is Connection.CONNECTED)
        dialog = SettingsDialog(session, secrets=SecretStore(memory_keyring))
        qtbot.addWidget(dialog)
        dialog.show()

        assert dialog.mappings.activity_table.rowCount() == len(simulator.tenant.activities)
        assert dialog.calling.operator_combo.count() == len(simulator.tenant.users)
        assert dialog.states.table.rowCount() == len(session.store.templates())
        assert run(dialog.apply()) is True
        assert session.settings == dialog.settings
    finally:
        run(session.close())


def test_an_operator_without_the_administrators_role_changes_only_their_own_settings(
    dialog_for: Callable[..., SettingsDialog], tmp_path: Path, memory_keyring: InMemoryKeyring
) -> None:
    """The tenant's settings (connection, numbers, states, mappings, appointments) are the
    company's; the operator's own (calling device, wrap-up, language) stay theirs."""
    session = make_session(tmp_path, valid_settings(), secrets=SecretStore(memory_keyring))
    administrator = dialog_for(session)
    assert administrator.connection.isEnabled()
    assert administrator.tenant_notice.isHidden()

    operator = make_session(
        tmp_path / "operator",
        valid_settings(),
        secrets=SecretStore(memory_keyring),
        role=Role.OPERATOR,
    )
    dialog = dialog_for(operator)
    tenant = [dialog.numbers, dialog.states, dialog.mappings, dialog.appointments]
    assert not any(page.isEnabled() for page in tenant)
    # On the Connection tab only the company connector (and enrolling with it) is their own.
    fields = dialog.connection.fields
    assert [name for name, field in fields.items() if field.editor.isEnabled()] == [
        "connector_address"
    ]
    assert not dialog.connection.test_button.isEnabled()
    assert dialog.connection.enrol_button.isEnabled()
    assert dialog.calling.isEnabled()
    assert not dialog.tenant_notice.isHidden()


def test_a_port_left_to_be_chosen_automatically_never_blocks_a_save_and_a_wrong_one_is_not_changed(
    qtbot: QtBot,
) -> None:
    """Operator polish, item 1: the demo's port 0 showed as "1" in a spin box whose check wanted
    1024-65535, so every OK failed, even a language change; and 99999 became 65535 unasked."""
    automatic = OptionField(get_option("listener_port"), 0)
    qtbot.addWidget(automatic.editor)
    assert isinstance(automatic.editor, QLineEdit)
    assert automatic.editor.text() == ""
    assert automatic.editor.placeholderText() == "chosen automatically"
    assert automatic.value() == 0
    assert automatic.check() is None

    automatic.set_text("99999")
    assert automatic.editor.text() == "99999"  # as typed, not clamped
    assert automatic.value() == 99999
    message = automatic.check()
    assert message is not None
    assert "from 1024 to 65535" in message
    automatic.set_text("84 70")
    assert "whole number" in (automatic.check() or "")


def test_the_restart_for_a_new_language_is_still_said_after_ok_closes_the_dialog(
    dialog_for: Callable[..., SettingsDialog],
    tmp_path: Path,
    memory_keyring: InMemoryKeyring,
    qtbot: QtBot,
) -> None:
    """Operator polish, item 9: the note vanished with the dialog OK closed."""
    session = make_session(tmp_path, valid_settings(), secrets=SecretStore(memory_keyring))
    session.apply_settings = lambda _settings: None
    dialog = dialog_for(session)
    combo = dialog.calling.fields["language"].editor
    assert isinstance(combo, QComboBox)
    with qtbot.waitSignal(dialog.note_for_later, timeout=2000) as said:
        combo.setCurrentIndex(combo.findData("da"))
        dialog.ok_button.click()
    assert said.args == ["The new language shows after restarting the app."]


def test_an_operator_saves_their_own_settings_without_the_companys_filled_in(
    dialog_for: Callable[..., SettingsDialog],
    tmp_path: Path,
    memory_keyring: InMemoryKeyring,
    run: Runner,
) -> None:
    """A desktop on a company connector has no connection settings of its own: an operator
    (not an administrator) could not save even a language change, as the empty connection
    fields failed the check. Only the options they may change are checked for them."""
    operator = make_session(
        tmp_path, Settings(), secrets=SecretStore(memory_keyring), role=Role.OPERATOR
    )
    operator.apply_settings = lambda _settings: None
    dialog = dialog_for(operator)
    combo = dialog.calling.fields["language"].editor
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData("da"))
    assert run(dialog.apply()) is True
    assert tomllib.loads(settings_file_text(operator))["ui"]["language"] == "da"
