"""My own settings in the window: caller ID (with and without the right) and my state."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from konnekta_desktop.core.presence import DEFAULT_STATES, DEFAULT_TEMPLATES
from konnekta_desktop.core.status import Connection
from konnekta_desktop.simulator.server import Simulator
from konnekta_desktop.ui.bridge import Bridge
from konnekta_desktop.ui.colleagues import ColleagueColumn
from konnekta_desktop.ui.i18n import install_translators, remove_translators
from konnekta_desktop.ui.main_window import MainWindow
from konnekta_desktop.ui.state_names import BUILT_IN, shown_name
from tests.gui.conftest import delete_now, make_session
from tests.gui.gui_helpers import NO_CALLER_ID_RIGHT, OPERATOR_ID, Runner


def test_caller_id_combo_lists_the_valid_ids_and_choosing_one_sets_it(
    window: MainWindow, simulator: Simulator, qtbot: QtBot
) -> None:
    valid = simulator.tenant.caller_ids[OPERATOR_ID].valid
    combo = window.caller_id_combo
    qtbot.waitUntil(lambda: combo.count() == len(valid))
    assert combo.isEnabled()
    assert [combo.itemData(i) for i in range(combo.count())] == list(valid)
    wanted = next(
        i
        for i in range(combo.count())
        if combo.itemData(i) != simulator.tenant.caller_ids[OPERATOR_ID].current
    )
    combo.setCurrentIndex(wanted)
    combo.activated.emit(wanted)
    qtbot.waitUntil(
        lambda: simulator.tenant.caller_ids[OPERATOR_ID].current == combo.itemData(wanted)
    )
    qtbot.waitUntil(lambda: "caller ID is now" in window.message_bar.text())


def test_caller_id_is_disabled_with_a_reason_without_the_set_caller_id_right(
    simulator: Simulator, tmp_path: Path, qtbot: QtBot, run: Runner
) -> None:
    session = make_session(simulator, tmp_path / "store.sqlite3", NO_CALLER_ID_RIGHT)
    bridge = Bridge(session)
    bridge.attach()
    window = MainWindow(session, bridge)
    run(session.start())
    try:
        qtbot.waitUntil(lambda: session.connector.status.state is Connection.CONNECTED)
        qtbot.waitUntil(lambda: window.operator_id == NO_CALLER_ID_RIGHT)
        assert not window.caller_id_combo.isEnabled()
        assert "Set Caller ID right" in window.caller_id_combo.toolTip()
    finally:
        run(window.tasks.cancel_all())
        bridge.detach()
        delete_now(window)
        run(session.close())


def test_choosing_my_state_sets_the_mapped_activity_in_konnekta(
    window: MainWindow, simulator: Simulator, qtbot: QtBot
) -> None:
    combo = window.state_combo
    index = combo.findText("Lunch")
    assert index >= 0
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    qtbot.waitUntil(lambda: simulator.tenant.presence[OPERATOR_ID].activity_id == "act-lunch")
    qtbot.waitUntil(lambda: window.my_state_label.text() == "Lunch")


@pytest.fixture
def danish() -> Iterator[None]:
    """The Danish catalogue, installed before the window is built (as the app does at start)."""
    install_translators("da")
    yield
    remove_translators()


def test_built_in_state_names_are_shown_in_danish_and_set_by_their_stored_name(
    danish: None, window: MainWindow, simulator: Simulator, qtbot: QtBot
) -> None:
    combo = window.state_combo
    index = combo.findText("Møde 30 min")
    assert combo.itemData(index) == "Meeting 30 min"
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    qtbot.waitUntil(lambda: simulator.tenant.presence[OPERATOR_ID].activity_id == "act-meeting")
    qtbot.waitUntil(lambda: window.my_state_label.text() == "Møde")
    window.flush_pending()
    model = window.colleague_model
    row = next(r for r in range(model.rowCount()) if model.colleague_at(r).id == OPERATOR_ID)
    assert model.index(row, ColleagueColumn.STATE).data() == "Møde"


def test_every_built_in_state_and_template_name_is_translatable() -> None:
    names = {s.name for s in DEFAULT_STATES} | {t.name for t in DEFAULT_TEMPLATES}
    assert names == BUILT_IN
    assert shown_name("Front desk") == "Front desk"  # an operator's own name, as written
