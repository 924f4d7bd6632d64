"""The Connection tab: every connection option with its description, secrets masked and
kept in the keyring only (or for the session, with consent, without one), and Test
connection against the simulator.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import keyring.backends.fail
import pytest
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from konnekta_desktop.settings import OPTIONS, Secret, SecretStore, Section, load_settings
from konnekta_desktop.simulator import Simulator
from konnekta_desktop.ui.settings.dialog import SettingsDialog
from tests.gui.gui_helpers import Runner
from tests.gui.settings.settings_helpers import make_session, settings_file_text, valid_settings
from tests.helpers.keyring_backend import InMemoryKeyring

pytestmark = pytest.mark.gui


def test_apply_puts_secrets_in_the_keyring_and_never_in_settings_toml(
    dialog_for: Callable[..., SettingsDialog],
    tmp_path: Path,
    memory_keyring: InMemoryKeyring,
    run: Runner,
) -> None:
    secrets = SecretStore(memory_keyring)
    session = make_session(tmp_path, valid_settings(), secrets=secrets)
    dialog = dialog_for(session)
    dialog.connection.fields["client_secret"].set_text("client-secret-0123")
    dialog.connection.fields["password"].set_text("pass-word-4567")

    assert run(dialog.apply()) is True

    text = settings_file_text(session)
    assert "https://konnekta.example.dk/auth/realms/acme" in text
    assert "client-secret-0123" not in text
    assert "pass-word-4567" not in text
    assert sorted(memory_keyring.entries.values()) == ["client-secret-0123", "pass-word-4567"]
    reloaded, errors = load_settings(session.paths, SecretStore(memory_keyring))
    assert errors == []
    assert reloaded.client_secret.reveal() == "client-secret-0123"
    assert session.settings == reloaded


def test_stored_secret_is_not_shown_and_an_empty_field_keeps_it(
    dialog_for: Callable[..., SettingsDialog],
    tmp_path: Path,
    memory_keyring: InMemoryKeyring,
    run: Runner,
) -> None:
    settings = valid_settings().replace(client_secret=Secret("kept"))
    session = make_session(tmp_path, settings, secrets=SecretStore(memory_keyring))
    dialog = dialog_for(session)
    editor = dialog.connection.fields["client_secret"].editor

    assert editor.text() == ""  # type: ignore[attr-defined]
    assert "keyring" in editor.placeholderText().lower()  # type: ignore[attr-defined]
    assert run(dialog.apply()) is True
    assert "kept" in memory_keyring.entries.values()


def test_without_a_keyring_secrets_are_kept_for_the_session_only_after_consent(
    dialog_for: Callable[..., SettingsDialog], tmp_path: Path, run: Runner
) -> None:
    secrets = SecretStore(keyring.backends.fail.Keyring())  # type: ignore[no-untyped-call]
    session = make_session(tmp_path, valid_settings(), secrets=secrets)
    dialog = dialog_for(session)
    assert not dialog.connection.keyring_box.isHidden()
    dialog.connection.fields["client_secret"].set_text("only-in-memory")
    dialog.connection.fields["password"].set_text("also-in-memory")

    assert run(dialog.apply()) is False
    assert "keyring" in dialog.status.text()
    assert not session.paths.settings_file.exists()

    dialog.connection.session_only.setChecked(True)
    assert run(dialog.apply()) is True
    assert "only-in-memory" not in settings_file_text(session)
    assert secrets.fill(session.settings).client_secret.reveal() == "only-in-memory"
    assert "session only" in dialog.status.text()


def test_connection_tab_has_every_connection_option_with_its_description_as_tooltip(
    dialog_for: Callable[..., SettingsDialog], tmp_path: Path, memory_keyring: InMemoryKeyring
) -> None:
    dialog = dialog_for(
        make_session(tmp_path, valid_settings(), secrets=SecretStore(memory_keyring))
    )
    connection = [o for o in OPTIONS if o.section is Section.CONNECTION]

    assert sorted(dialog.connection.fields) == sorted(o.name for o in connection)
    # The company connector first; then what the telephony provider hands over, the listener's
    # own options after.
    assert list(dialog.connection.fields)[:8] == [
        "connector_address",
        "tenant_domain",
        "smg_address",
        "issuer_uri",
        "client_id",
        "client_secret",
        "user",
        "password",
    ]
    for option in connection:
        assert dialog.connection.fields[option.name].editor.toolTip() == option.description


def test_secret_fields_are_masked_until_shown(
    dialog_for: Callable[..., SettingsDialog], tmp_path: Path, memory_keyring: InMemoryKeyring
) -> None:

    dialog = dialog_for(
        make_session(tmp_path, valid_settings(), secrets=SecretStore(memory_keyring))
    )
    field = dialog.connection.fields["password"]
    assert isinstance(field.editor, QLineEdit)
    assert field.editor.echoMode() is QLineEdit.EchoMode.Password
    assert field.show_secret is not None
    field.show_secret.setChecked(True)
    assert field.editor.echoMode() is QLineEdit.EchoMode.Normal


def test_test_connection_logs_in_with_the_form_and_counts_users_and_activities(
    dialog_for: Callable[..., SettingsDialog],
    tmp_path: Path,
    memory_keyring: InMemoryKeyring,
    simulator: Simulator,
    qtbot: QtBot,
) -> None:
    dialog = dialog_for(
        make_session(tmp_path, valid_settings(), secrets=SecretStore(memory_keyring))
    )
    page = dialog.connection
    for name, value in (
        ("tenant_domain", simulator.tenant.domain),
        ("issuer_uri", simulator.issuer_uri),
        ("smg_address", simulator.smg_address),
        ("client_id", simulator.client_id),
        ("user", simulator.username),
        ("client_secret", simulator.client_secret),
        ("password", simulator.password),
    ):
        page.fields[name].set_text(value)

    page.test_button.click()
    qtbot.waitUntil(lambda: page.test_button.isEnabled())

    users = len(simulator.tenant.users)
    activities = len(simulator.tenant.activities)
    assert f"{users} users" in page.test_result.text()
    assert f"{activities} activities" in page.test_result.text()


def test_test_connection_reports_a_refused_login_in_plain_words(
    dialog_for: Callable[..., SettingsDialog],
    tmp_path: Path,
    memory_keyring: InMemoryKeyring,
    simulator: Simulator,
    qtbot: QtBot,
) -> None:
    dialog = dialog_for(
        make_session(tmp_path, valid_settings(simulator), secrets=SecretStore(memory_keyring))
    )
    page = dialog.connection
    page.fields["client_secret"].set_text(simulator.client_secret)
    page.fields["password"].set_text("not-the-password")

    page.test_button.click()
    qtbot.waitUntil(lambda: page.test_button.isEnabled())

    text = page.test_result.text()
    assert text.startswith("The test failed")
    assert "User and Password" in text or "Password" in text
    assert "not-the-password" not in text


def test_without_a_keyring_a_kept_secret_does_not_claim_to_be_in_it(
    dialog_for: Callable[..., SettingsDialog], tmp_path: Path
) -> None:
    """Operator polish, item 9: "Stored in the keyring" stood next to the "No keyring" notice."""
    secrets = SecretStore(keyring.backends.fail.Keyring())  # type: ignore[no-untyped-call]
    dialog = dialog_for(make_session(tmp_path, valid_settings(), secrets=secrets))
    editor = dialog.connection.fields["client_secret"].editor
    assert isinstance(editor, QLineEdit)
    assert not dialog.connection.keyring_box.isHidden()
    assert "keyring" not in editor.placeholderText()
    assert editor.placeholderText() == "Kept until the app closes; type to replace it"
