"""Me: caller ID (with and without the right), my state and my forwarding, in the window against
the simulator; and the panel on its own, asking for what the window's commands carry out."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from konnekta_desktop.core.session import Session
from konnekta_desktop.domain.states import DEFAULT_STATES, DEFAULT_TEMPLATES
from konnekta_desktop.domain.status import Connection
from konnekta_desktop.simulator.server import Simulator
from konnekta_desktop.ui.bridge import Bridge
from konnekta_desktop.ui.colleagues import ColleagueColumn
from konnekta_desktop.ui.i18n import install_translators, remove_translators
from konnekta_desktop.ui.state_names import BUILT_IN, shown_name
from konnekta_desktop.ui.switchboard import MainWindow
from konnekta_desktop.ui.switchboard.me_panel import MePanel, MyUser
from konnekta_desktop.ui.tasks import TaskRunner
from tests.gui.conftest import delete_now, make_session
from tests.gui.gui_helpers import NO_CALLER_ID_RIGHT, OPERATOR_ID, USERS, Runner


def test_caller_id_combo_lists_the_valid_ids_and_choosing_one_sets_it(
    window: MainWindow, simulator: Simulator, qtbot: QtBot
) -> None:
    valid = simulator.tenant.caller_ids[OPERATOR_ID].valid
    combo = window.caller_id_combo
    qtbot.waitUntil(lambda: combo.count() == len(valid))
    assert combo.isEnabled()
    assert [combo.itemData(i) for i in range(combo.count())] == list(valid)
    # Operator polish, item 9: not bare numbers, but whose each is (mine, or a queue's).
    texts = [combo.itemText(i) for i in range(combo.count())]
    assert texts[0].endswith("(my number)")
    queues = {queue.number: queue.name for queue in window.session.queues()}
    for number, text in zip(valid[1:], texts[1:], strict=True):
        assert text.endswith(f"({queues[number]})")
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


def test_my_forwarding_set_and_clear(
    window: MainWindow, simulator: Simulator, qtbot: QtBot
) -> None:
    window.forward_edit.setText("87 65 43 21")
    window.forward_set_button.click()
    qtbot.waitUntil(lambda: simulator.tenant.diversion[OPERATOR_ID] == "+4587654321")
    qtbot.waitUntil(lambda: window.forward_edit.text() == "")  # done: the field is free again
    qtbot.waitUntil(lambda: window.my_forwarding_label.text() == "87 65 43 21")
    window.forward_clear_button.click()
    qtbot.waitUntil(lambda: simulator.tenant.diversion[OPERATOR_ID] is None)
    qtbot.waitUntil(lambda: window.my_forwarding_label.text() == "off")


# -- the panel on its own ---------------------------------------------------------------------------


@dataclass
class Shown:
    """What the panel reported, in place of the message bar."""

    errors: list[str] = field(default_factory=list)
    infos: list[str] = field(default_factory=list)


def me_alone(session: Session, qtbot: QtBot) -> tuple[MePanel, MyUser, Shown]:
    shown, me = Shown(), MyUser()
    panel = MePanel(
        session, TaskRunner(shown.errors.append), me, shown.errors.append, shown.infos.append
    )
    qtbot.addWidget(panel)
    return panel, me, shown


def test_me_alone_finds_the_operator_and_asks_for_my_state_and_forwarding(
    session: Session, run: Runner, qtbot: QtBot
) -> None:
    run(session.start())
    qtbot.waitUntil(lambda: session.connector.status.state is Connection.CONNECTED, timeout=15_000)
    qtbot.waitUntil(lambda: len(session.model) == USERS)
    panel, me, shown = me_alone(session, qtbot)
    assert panel.refresh_operator()  # someone else than before: nobody
    assert not panel.refresh_operator()
    assert me.id == OPERATOR_ID
    assert panel.title() == "Me: Camilla Jeppesen"
    assert panel.state_combo.isEnabled()

    index = panel.state_combo.findText("Lunch")
    with qtbot.waitSignal(panel.state_requested, timeout=1000) as asked:
        panel.state_combo.activated.emit(index)
    assert asked.args == [OPERATOR_ID, "Lunch"]

    panel.forward_edit.setText(" 87 65 43 21 ")
    with qtbot.waitSignal(panel.forwarding_requested, timeout=1000) as asked:
        panel.forward_set_button.click()
    assert asked.args == [OPERATOR_ID, "87 65 43 21"]
    assert panel.forward_edit.text() == " 87 65 43 21 "  # kept until Konnekta has it
    panel.forwarding_done(OPERATOR_ID)
    assert panel.forward_edit.text() == ""
    assert shown == Shown()


def test_me_alone_without_my_user_says_where_to_choose_it(session: Session, qtbot: QtBot) -> None:
    panel, me, shown = me_alone(session, qtbot)  # not connected: nobody is known yet
    assert not panel.refresh_operator()
    assert me.id is None
    assert "once connected" in panel.title()
    assert not panel.state_combo.isEnabled()
    assert not panel.caller_id_combo.isEnabled()
    with qtbot.assertNotEmitted(panel.state_requested):
        panel.set_my_template("Lunch")
    assert "to change your state" in shown.errors[-1]
    with qtbot.assertNotEmitted(panel.forwarding_requested):
        panel.set_my_forwarding()
    assert "to forward your calls" in shown.errors[-1]
    panel.focus_caller_id()
    assert shown.errors[-1] == panel.caller_id_combo.toolTip()


def test_a_refused_forwarding_keeps_the_typed_number(
    window: MainWindow, simulator: Simulator, qtbot: QtBot
) -> None:
    """Operator polish, item 4: a failed forwarding cleared the typed number."""
    window.forward_edit.setText("87 65 43 2x")
    window.forward_set_button.click()
    qtbot.waitUntil(lambda: window.message_bar.kind == "error")
    assert "not a phone number" in window.message_bar.text()
    assert window.forward_edit.text() == "87 65 43 2x"
    assert simulator.tenant.diversion[OPERATOR_ID] is None
