"""The States and sync tab: the templates table, and the template editor saving to the
store (or refusing a bad number); removing a template.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from konnekta_desktop.settings import SecretStore
from konnekta_desktop.ui.settings.dialog import SettingsDialog
from tests.gui.settings.settings_helpers import make_session, valid_settings
from tests.helpers.keyring_backend import InMemoryKeyring

pytestmark = pytest.mark.gui


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
