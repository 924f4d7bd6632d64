"""The settings window: inline validation, saving (secrets in the keyring only), the live number
example, test connection, mappings, templates and appointments, reconnect on connection changes.

Plain pytest-qt tests on the qasync loop of tests/gui/conftest.py (`run` awaits a coroutine while
Qt spins). The session is built from the real parts the window uses: settings files in tmp_path,
the SQLite store, the live model and the SMG client against the in-process simulator. The only
stand-in is the keyring (no OS keyring on a test machine).
"""

from __future__ import annotations

import asyncio
import tomllib
from collections.abc import Callable, Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import keyring.backends.fail
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox
from pytestqt.qtbot import QtBot

from konnekta_desktop.autostart import XdgAutostart, apply_start_at_login
from konnekta_desktop.core.clock import ManualClock
from konnekta_desktop.core.model import LiveModel
from konnekta_desktop.core.numbers import NumberPlan
from konnekta_desktop.core.session import Session
from konnekta_desktop.core.status import Connection, ConnectionStatus
from konnekta_desktop.core.store import Store
from konnekta_desktop.konnekta.api import SmgClient
from konnekta_desktop.konnekta.auth import KonnektaAuth
from konnekta_desktop.konnekta.http import make_http_client
from konnekta_desktop.settings import (
    OPTIONS,
    AppPaths,
    Secret,
    SecretStore,
    Section,
    Settings,
    load_settings,
)
from konnekta_desktop.simulator import Simulator
from konnekta_desktop.ui.settings_dialog import SettingsDialog
from konnekta_desktop.ui.settings_labels import SOURCE_TEXTS
from tests.gui.gui_helpers import Runner
from tests.helpers.keyring_backend import InMemoryKeyring
from tests.helpers.konnekta import config_for

pytestmark = pytest.mark.gui


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


def valid_settings(sim: Simulator | None = None) -> Settings:
    if sim is None:
        return Settings(
            tenant_domain="example.dk",
            smg_address="https://konnekta.example.dk/api-admin/realm/acme/fwd",
            issuer_uri="https://konnekta.example.dk/auth/realms/acme",
            client_id="switchboard",
            client_secret=Secret("stored-client-secret"),
            user="switchboard@example.dk",
            password=Secret("stored-password"),
        )
    return Settings(
        tenant_domain=sim.tenant.domain,
        smg_address=sim.smg_address,
        issuer_uri=sim.issuer_uri,
        client_id=sim.client_id,
        client_secret=Secret(sim.client_secret),
        user=sim.username,
        password=Secret(sim.password),
    )


def make_session(
    tmp_path: Path,
    settings: Settings,
    *,
    secrets: SecretStore,
    api: SmgClient | None = None,
    model: LiveModel | None = None,
) -> SimpleNamespace:
    """What the settings window uses of a session, from real parts."""
    return SimpleNamespace(
        settings=settings,
        paths=AppPaths.for_dir(tmp_path / "konnekta"),
        store=Store(tmp_path / "konnekta" / "data" / "store.sqlite3"),
        model=model or LiveModel(),
        plan=NumberPlan(settings.international_prefix, settings.international_code),
        connector=SimpleNamespace(api=api),
        secrets=secrets,
        clock=ManualClock(),
    )


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
def dialog_for(
    qtbot: QtBot, qasync_loop: asyncio.AbstractEventLoop
) -> Iterator[Callable[..., SettingsDialog]]:
    """Builds the window for a session; the qasync loop runs the window's background tasks."""
    sessions: list[SimpleNamespace] = []

    def build(session: SimpleNamespace, **options: Any) -> SettingsDialog:
        sessions.append(session)
        dialog = SettingsDialog(session, **options)
        qtbot.addWidget(dialog)
        dialog.show()
        return dialog

    yield build
    for session in sessions:
        session.store.close()


def settings_file_text(session: SimpleNamespace) -> str:
    file: Path = session.paths.settings_file
    return file.read_text(encoding="utf-8") if file.exists() else ""


# -- validation and saving --------------------------------------------------------------------


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
        Connection.DISCONNECTED, "The listener port is busy.", "Listener Port"
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


def test_start_at_login_writes_and_removes_the_autostart_entry(
    dialog_for: Callable[..., SettingsDialog],
    tmp_path: Path,
    memory_keyring: InMemoryKeyring,
    run: Runner,
) -> None:
    """The real autostart module, pointed at a temporary XDG config folder."""
    entry = XdgAutostart(tmp_path / "xdg")
    applied: list[Settings] = []
    session = make_session(tmp_path, valid_settings(), secrets=SecretStore(memory_keyring))
    session.apply_settings = applied.append
    dialog = dialog_for(
        session,
        start_at_login=lambda enabled: apply_start_at_login(
            enabled, autostart=entry, command=["/opt/konnekta-desktop/konnekta-desktop"]
        ),
    )
    box = dialog.calling.fields["start_at_login"].editor
    assert isinstance(box, QCheckBox)

    box.setChecked(True)
    assert run(dialog.apply()) is True
    assert entry.is_enabled()
    assert "Exec=/opt/konnekta-desktop/konnekta-desktop" in entry.file.read_text()
    assert applied[-1].start_at_login is True

    box.setChecked(False)
    assert run(dialog.apply()) is True
    assert not entry.is_enabled()
    assert not entry.file.exists()


def test_start_at_login_that_cannot_be_changed_says_where_and_keeps_the_setting(
    dialog_for: Callable[..., SettingsDialog],
    tmp_path: Path,
    memory_keyring: InMemoryKeyring,
    run: Runner,
) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the autostart folder should be")
    entry = XdgAutostart(blocked)
    session = make_session(tmp_path, valid_settings(), secrets=SecretStore(memory_keyring))
    dialog = dialog_for(
        session,
        start_at_login=lambda enabled: apply_start_at_login(
            enabled, autostart=entry, command=["konnekta-desktop"]
        ),
    )
    box = dialog.calling.fields["start_at_login"].editor
    assert isinstance(box, QCheckBox)
    box.setChecked(True)

    assert run(dialog.apply()) is True

    assert "Could not turn on Start at Login" in dialog.status.text()
    assert str(blocked) in dialog.status.text()
    assert session.settings.start_at_login is True


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


# -- Connection: every field, and the connection test ------------------------------------------


def test_connection_tab_has_every_connection_option_with_its_description_as_tooltip(
    dialog_for: Callable[..., SettingsDialog], tmp_path: Path, memory_keyring: InMemoryKeyring
) -> None:
    dialog = dialog_for(
        make_session(tmp_path, valid_settings(), secrets=SecretStore(memory_keyring))
    )
    connection = [o for o in OPTIONS if o.section is Section.CONNECTION]

    assert sorted(dialog.connection.fields) == sorted(o.name for o in connection)
    # What the telephony provider hands over comes first, the listener's own options after.
    assert list(dialog.connection.fields)[:7] == [
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
    from PySide6.QtWidgets import QLineEdit

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


# -- Numbers ------------------------------------------------------------------------------------


def test_numbers_example_follows_prefix_and_code_as_typed(
    dialog_for: Callable[..., SettingsDialog], tmp_path: Path, memory_keyring: InMemoryKeyring
) -> None:
    dialog = dialog_for(
        make_session(tmp_path, valid_settings(), secrets=SecretStore(memory_keyring))
    )
    page = dialog.numbers
    danish = NumberPlan("00", "45")
    assert f"shows as {danish.display('+298123456')}" in page.example.text()
    assert "00298 123456" in page.example.text()

    page.fields["international_code"].set_text("298")
    faroese = NumberPlan("00", "298")
    assert f"+45 33 12 34 56 shows as {faroese.display('+4533123456')}" in page.example.text()
    assert "0045" in page.example.text()

    page.fields["international_prefix"].set_text("011")
    assert NumberPlan("011", "298").display("+4533123456") in page.example.text()
    assert "01145" in page.example.text().replace(" ", "")

    page.fields["international_code"].set_text("9x")
    assert "correct the fields" in page.example.text()
    assert not page.fields["international_code"].message.isHidden()


# -- States and templates, mappings, appointments -----------------------------------------------


def test_templates_table_shows_the_store_and_a_new_template_is_saved(
    dialog_for: Callable[..., SettingsDialog], tmp_path: Path, memory_keyring: InMemoryKeyring
) -> None:
    session = make_session(tmp_path, valid_settings(), secrets=SecretStore(memory_keyring))
    dialog = dialog_for(session)
    page = dialog.states
    before = len(session.store.templates())
    assert page.table.rowCount() == before

    editor = page.open_editor(None)
    editor.name_edit.setText("Reception desk")
    editor.state_combo.setCurrentText("Front desk")
    editor.class_combo.setCurrentIndex(editor.class_combo.findData("Busy"))
    editor.duration_spin.setValue(45)
    editor.forwarding_edit.setText("12 34 56 78")
    editor.accept()

    saved = {t.name: t for t in session.store.templates()}["Reception desk"]
    assert (saved.state, saved.duration_minutes, saved.forwarding) == (
        "Front desk",
        45,
        "+4512345678",
    )
    assert {s.name: s.state_class.value for s in session.store.states()}["Front desk"] == "Busy"
    assert page.table.rowCount() == before + 1
    names = [
        dialog.appointments.template_combo.itemText(i)
        for i in range(dialog.appointments.template_combo.count())
    ]
    assert "Reception desk" in names


def test_template_editor_refuses_a_bad_number_and_stays_open(
    dialog_for: Callable[..., SettingsDialog], tmp_path: Path, memory_keyring: InMemoryKeyring
) -> None:
    session = make_session(tmp_path, valid_settings(), secrets=SecretStore(memory_keyring))
    dialog = dialog_for(session)
    editor = dialog.states.open_editor("Lunch")
    editor.caller_id_edit.setText("call me")
    editor.accept()

    assert editor.isVisible()
    assert "Caller ID" in editor.error.text()
    assert {t.name: t for t in session.store.templates()}["Lunch"].caller_id is None


def test_removing_a_template_deletes_it_from_the_store(
    dialog_for: Callable[..., SettingsDialog], tmp_path: Path, memory_keyring: InMemoryKeyring
) -> None:
    session = make_session(tmp_path, valid_settings(), secrets=SecretStore(memory_keyring))
    dialog = dialog_for(session)
    page = dialog.states
    page.table.selectRow(0)
    first = page.selected_name()
    page.remove_button.click()
    assert first not in [t.name for t in session.store.templates()]


def test_mappings_tab_lists_konnekta_activities_and_saves_a_mapping(
    dialog_for: Callable[..., SettingsDialog],
    tmp_path: Path,
    memory_keyring: InMemoryKeyring,
    simulator: Simulator,
    loaded: tuple[LiveModel, SmgClient],
    run: Runner,
) -> None:
    model, api = loaded
    session = make_session(
        tmp_path, valid_settings(), secrets=SecretStore(memory_keyring), api=api, model=model
    )
    dialog = dialog_for(session)
    page = dialog.mappings
    activities = simulator.tenant.activities
    assert page.activity_table.rowCount() == len(activities)
    lunch = next(a for a in activities if "lunch" in a.name.lower())
    assert page.row_status(page.activity_table, lunch.id) == "Unmapped"
    assert page.row_status(page.state_table, "Lunch") == "Unmapped"

    combo = page.combo_for(page.activity_table, lunch.id)
    combo.setCurrentIndex(combo.findData("Lunch"))
    state_combo = page.combo_for(page.state_table, "Lunch")
    state_combo.setCurrentIndex(state_combo.findData(lunch.id))
    assert page.row_status(page.activity_table, lunch.id) == "Mapped"

    assert run(dialog.apply()) is True
    saved = tomllib.loads(settings_file_text(session))["states"]
    assert saved["activity_mappings"] == {lunch.id: "Lunch"}
    assert saved["state_mappings"] == {"Lunch": lunch.id}
    assert session.settings.activity_mappings == {lunch.id: "Lunch"}


def test_mappings_tab_loads_activities_from_konnekta_when_none_are_loaded(
    dialog_for: Callable[..., SettingsDialog],
    tmp_path: Path,
    memory_keyring: InMemoryKeyring,
    simulator: Simulator,
    loaded: tuple[LiveModel, SmgClient],
    qtbot: QtBot,
) -> None:
    _, api = loaded
    settings = valid_settings().replace(activity_mappings={"gone-activity": "Lunch"})
    session = make_session(tmp_path, settings, secrets=SecretStore(memory_keyring), api=api)
    dialog = dialog_for(session)
    page = dialog.mappings
    # Only the mapping of an activity nobody has listed yet shows before loading.
    assert page.activity_table.rowCount() == 1
    assert page.row_status(page.activity_table, "gone-activity") == "Mapped"

    page.load_button.click()
    qtbot.waitUntil(lambda: page.load_button.isEnabled())

    assert page.activity_table.rowCount() == len(simulator.tenant.activities) + 1
    assert page.values()["activity_mappings"] == {"gone-activity": "Lunch"}


def test_operator_user_is_chosen_by_name_and_saved_as_username(
    dialog_for: Callable[..., SettingsDialog],
    tmp_path: Path,
    memory_keyring: InMemoryKeyring,
    simulator: Simulator,
    loaded: tuple[LiveModel, SmgClient],
    run: Runner,
) -> None:
    model, api = loaded
    session = make_session(
        tmp_path, valid_settings(), secrets=SecretStore(memory_keyring), api=api, model=model
    )
    dialog = dialog_for(session)
    colleague = model.at(2)
    combo = dialog.calling.operator_combo
    combo.setCurrentIndex(combo.findData(colleague.user.username))

    assert run(dialog.apply()) is True
    assert session.settings.operator_user == colleague.user.username

    combo.setEditText("user-00042")
    assert dialog.calling.operator_user() == "user-00042"


def test_appointment_is_added_to_and_removed_from_the_store(
    dialog_for: Callable[..., SettingsDialog],
    tmp_path: Path,
    memory_keyring: InMemoryKeyring,
    simulator: Simulator,
    loaded: tuple[LiveModel, SmgClient],
) -> None:
    model, api = loaded
    session = make_session(
        tmp_path, valid_settings(), secrets=SecretStore(memory_keyring), api=api, model=model
    )
    dialog = dialog_for(session)
    page = dialog.appointments
    page.user_combo.setCurrentIndex(1)
    page.template_combo.setCurrentText("Meeting 1 hour")
    start = page.start_edit.dateTime()
    page.end_edit.setDateTime(start.addSecs(90 * 60))

    page.add_button.click()

    [appointment] = session.store.appointments()
    assert appointment.user_id == page.user_combo.itemData(1)
    assert appointment.template_name == "Meeting 1 hour"
    assert appointment.end - appointment.start == 90 * 60
    assert page.table.rowCount() == 1
    assert page.table.item(0, 0).text() == model.get(appointment.user_id).user.name  # type: ignore[union-attr]

    page.end_edit.setDateTime(start)
    page.add_button.click()
    assert "after the start" in page.error.text()
    assert len(session.store.appointments()) == 1

    page.table.selectRow(0)
    page.remove_button.click()
    assert session.store.appointments() == []


# -- labels for translation ---------------------------------------------------------------------


def test_every_option_label_and_description_is_listed_for_translation() -> None:
    texts = set(SOURCE_TEXTS)
    for option in OPTIONS:
        assert option.label in texts, option.name
        assert option.description in texts, option.name
    for section in Section:
        assert section.heading in texts


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
