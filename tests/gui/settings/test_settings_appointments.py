"""The Appointments tab: an appointment added to and removed from the store."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from konnekta_desktop.core.model import LiveModel
from konnekta_desktop.konnekta.api import SmgClient
from konnekta_desktop.settings import SecretStore
from konnekta_desktop.simulator import Simulator
from konnekta_desktop.ui.settings.dialog import SettingsDialog
from tests.gui.gui_helpers import Runner
from tests.gui.settings.settings_helpers import make_session, valid_settings
from tests.helpers.keyring_backend import InMemoryKeyring

pytestmark = pytest.mark.gui


def test_appointment_is_added_to_and_removed_from_the_store(
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
    page = dialog.appointments
    page.user_combo.setCurrentIndex(1)
    page.template_combo.setCurrentText("Meeting 1 hour")
    start = page.start_edit.dateTime()
    page.end_edit.setDateTime(start.addSecs(90 * 60))

    page.add_button.click()
    assert session.store.appointments() == []  # saved with OK or Apply, not before
    assert run(dialog.apply())

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
    assert page.table.rowCount() == 0
    assert run(dialog.apply())
    assert session.store.appointments() == []
