"""The Mappings tab: Konnekta's activities listed (or loaded on request), unmapped rows
marked, and the mappings saved.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from konnekta_desktop.core.model import LiveModel
from konnekta_desktop.konnekta.api import SmgClient
from konnekta_desktop.settings import SecretStore
from konnekta_desktop.simulator import Simulator
from konnekta_desktop.ui.settings.dialog import SettingsDialog
from tests.gui.gui_helpers import Runner
from tests.gui.settings.settings_helpers import make_session, settings_file_text, valid_settings
from tests.helpers.keyring_backend import InMemoryKeyring

pytestmark = pytest.mark.gui


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


def test_a_wheel_notch_over_a_mapping_scrolls_the_table_and_changes_nothing(
    dialog_for: Callable[..., SettingsDialog],
    tmp_path: Path,
    memory_keyring: InMemoryKeyring,
    simulator: Simulator,
    loaded: tuple[LiveModel, SmgClient],
    qtbot: QtBot,
) -> None:
    """Operator polish, item 6: one notch of the wheel over a mapping's choice changed it
    silently, and each table showed about five rows."""
    model, api = loaded
    session = make_session(
        tmp_path, valid_settings(), secrets=SecretStore(memory_keyring), api=api, model=model
    )
    dialog = dialog_for(session)
    page = dialog.mappings
    table = page.activity_table
    lunch = next(a for a in simulator.tenant.activities if "lunch" in a.name.lower())
    combo = page.combo_for(table, lunch.id)
    before = combo.currentIndex()

    notch = QWheelEvent(
        QPointF(5, 5),
        QPointF(5, 5),
        QPoint(0, 0),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(combo, notch)
    assert combo.currentIndex() == before

    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    dialog.tabs.setCurrentWidget(page)
    combo.setFocus()  # clicked or tabbed into: now the wheel is the operator's choice
    qtbot.waitUntil(combo.hasFocus)
    QApplication.sendEvent(combo, notch)
    assert combo.currentIndex() != before

    rows = table.minimumHeight() // table.verticalHeader().defaultSectionSize()
    assert rows >= 10
