"""The States and sync tab: the templates table, and the template editor (refusing a bad
number); removing a template. Edits reach the store with OK or Apply, never with Cancel
(Operator polish, item 6: one rule for the whole dialog).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from konnekta_desktop.settings import SecretStore
from konnekta_desktop.ui.settings.dialog import SettingsDialog
from tests.gui.gui_helpers import Runner
from tests.gui.settings.settings_helpers import make_session, valid_settings
from tests.helpers.keyring_backend import InMemoryKeyring

pytestmark = pytest.mark.gui


def test_templates_table_shows_the_store_and_a_new_template_is_saved(
    dialog_for: Callable[..., SettingsDialog],
    tmp_path: Path,
    memory_keyring: InMemoryKeyring,
    run: Runner,
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
    assert page.table.rowCount() == before + 1  # shown at once
    assert "Reception desk" not in {t.name for t in session.store.templates()}  # not yet saved

    assert run(dialog.apply())
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


def test_removing_a_template_deletes_it_from_the_store_on_apply(
    dialog_for: Callable[..., SettingsDialog],
    tmp_path: Path,
    memory_keyring: InMemoryKeyring,
    run: Runner,
) -> None:
    session = make_session(tmp_path, valid_settings(), secrets=SecretStore(memory_keyring))
    dialog = dialog_for(session)
    page = dialog.states
    page.table.selectRow(0)
    first = page.selected_name()
    page.remove_button.click()
    assert first not in [page.table.item(r, 0).text() for r in range(page.table.rowCount())]
    assert first in [t.name for t in session.store.templates()]
    assert run(dialog.apply())
    assert first not in [t.name for t in session.store.templates()]


def test_cancel_drops_every_template_edit(
    dialog_for: Callable[..., SettingsDialog], tmp_path: Path, memory_keyring: InMemoryKeyring
) -> None:
    """Operator polish, item 6: the States tab saved at once although the dialog has Cancel."""
    session = make_session(tmp_path, valid_settings(), secrets=SecretStore(memory_keyring))
    before = session.store.templates()
    dialog = dialog_for(session)
    editor = dialog.states.open_editor("Lunch")
    editor.duration_spin.setValue(99)
    editor.accept()
    dialog.states.table.selectRow(0)
    dialog.states.remove_button.click()
    dialog.reject()
    assert session.store.templates() == before
