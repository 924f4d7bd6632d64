"""The colleague grid: it follows Konnekta's events, filters as the operator types, and dials, in
the window against the simulator; on its own, what it asks for by its keys and its menu."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMenu
from pytestqt.qtbot import QtBot

from konnekta_desktop.core.monitoring import PhoneStatus
from konnekta_desktop.core.session import Session
from konnekta_desktop.domain import CallingDevice, UserRemoval
from konnekta_desktop.domain.numbers import NumberPlan
from konnekta_desktop.domain.states import DEFAULT_TEMPLATES
from konnekta_desktop.simulator.server import Simulator
from konnekta_desktop.simulator.tenant import mobile_number
from konnekta_desktop.ui.colleagues import PHONE_STATUS_ROLE, USER_ID_ROLE, ColleagueColumn
from konnekta_desktop.ui.switchboard import MainWindow
from konnekta_desktop.ui.switchboard.grid_panel import GridPanel
from tests.gui.gui_helpers import OPERATOR_ID, CountingPresence, Runner, named_colleagues


def proxy_row_of(window: MainWindow, user_id: str) -> int | None:
    for row in range(window.proxy.rowCount()):
        if window.proxy.index(row, 0).data(USER_ID_ROLE) == user_id:
            return row
    return None


def phone_status_of(window: MainWindow, user_id: str) -> PhoneStatus | None:
    row = proxy_row_of(window, user_id)
    if row is None:
        return None
    status = window.proxy.index(row, ColleagueColumn.PHONE).data(PHONE_STATUS_ROLE)
    return PhoneStatus(status) if status is not None else None


def mobile_status_of(window: MainWindow, user_id: str) -> PhoneStatus | None:
    row = proxy_row_of(window, user_id)
    assert row is not None, f"{user_id} is not shown"
    status = window.proxy.index(row, ColleagueColumn.MOBILE).data(PHONE_STATUS_ROLE)
    return PhoneStatus(status) if status is not None else None


def mobile_cell(window: MainWindow, user_id: str, role: Qt.ItemDataRole) -> object:
    row = proxy_row_of(window, user_id)
    assert row is not None, f"{user_id} is not shown"
    return window.proxy.index(row, ColleagueColumn.MOBILE).data(role)


def shown_user_ids(window: MainWindow) -> set[str]:
    return {window.proxy.index(row, 0).data(USER_ID_ROLE) for row in range(window.proxy.rowCount())}


def select(window: MainWindow, user_id: str) -> None:
    row = proxy_row_of(window, user_id)
    assert row is not None, f"{user_id} is not shown"
    window.grid.setCurrentIndex(window.proxy.index(row, 0))


def test_ringing_call_turns_the_colleague_row_to_ringing_then_busy_then_free(
    window: MainWindow, simulator: Simulator, run: Runner, qtbot: QtBot
) -> None:
    user_id = "user-00020"
    assert phone_status_of(window, user_id) in (PhoneStatus.IDLE, PhoneStatus.FORWARDED)
    call_id = run(simulator.ring(user_id, "+4587654321"))
    qtbot.waitUntil(lambda: phone_status_of(window, user_id) is PhoneStatus.RINGING)
    row = proxy_row_of(window, user_id)
    assert row is not None
    tooltip = window.proxy.index(row, ColleagueColumn.PHONE).data(Qt.ItemDataRole.ToolTipRole)
    assert "Ringing" in tooltip
    run(simulator.answer(call_id))
    qtbot.waitUntil(lambda: phone_status_of(window, user_id) is PhoneStatus.BUSY)
    run(simulator.hang_up(call_id))
    qtbot.waitUntil(lambda: phone_status_of(window, user_id) is not PhoneStatus.BUSY)


# "Fixed and Mobile Lines": user-00002 has a primary Fixed line and a secondary Mobile line.
WITH_MOBILE = "user-00002"


def test_fixed_and_mobile_lines_talking_on_the_mobile_shows_the_mobile_column_busy(
    window: MainWindow, simulator: Simulator, run: Runner, qtbot: QtBot
) -> None:
    """A Mobile line shows busy while the user talks on the mobile device; the Fixed primary line
    shows busy too, as it does whenever the user is on the phone."""
    mobile = mobile_number(simulator.tenant.users[WITH_MOBILE])
    assert mobile is not None
    assert mobile_status_of(window, WITH_MOBILE) is PhoneStatus.IDLE
    assert mobile_cell(window, WITH_MOBILE, Qt.ItemDataRole.DecorationRole) is None
    call_id = run(simulator.ring(WITH_MOBILE, "+4587654321", called=mobile))
    run(simulator.answer(call_id, device=CallingDevice.MOBILE))
    qtbot.waitUntil(lambda: mobile_status_of(window, WITH_MOBILE) is PhoneStatus.BUSY)
    assert phone_status_of(window, WITH_MOBILE) is PhoneStatus.BUSY
    assert mobile_cell(window, WITH_MOBILE, Qt.ItemDataRole.DecorationRole) is not None
    tooltip = mobile_cell(window, WITH_MOBILE, Qt.ItemDataRole.ToolTipRole)
    assert tooltip == "On a call on the mobile phone"
    run(simulator.hang_up(call_id))
    qtbot.waitUntil(lambda: mobile_status_of(window, WITH_MOBILE) is PhoneStatus.IDLE)
    assert mobile_cell(window, WITH_MOBILE, Qt.ItemDataRole.DecorationRole) is None


def test_fixed_and_mobile_lines_a_desk_phone_call_leaves_the_mobile_column_free(
    window: MainWindow, simulator: Simulator, run: Runner, qtbot: QtBot
) -> None:
    """A call answered on the desk phone makes the Fixed primary line busy and leaves the Mobile
    line free; a colleague without a Mobile line has no Mobile status at all."""
    call_id = run(simulator.ring(WITH_MOBILE, "+4587654321"))
    run(simulator.answer(call_id, device=CallingDevice.LOCAL))
    qtbot.waitUntil(lambda: phone_status_of(window, WITH_MOBILE) is PhoneStatus.BUSY)
    assert mobile_status_of(window, WITH_MOBILE) is PhoneStatus.IDLE
    assert mobile_cell(window, WITH_MOBILE, Qt.ItemDataRole.DecorationRole) is None
    assert mobile_cell(window, WITH_MOBILE, Qt.ItemDataRole.ToolTipRole) is None
    without = next(u.id for u in simulator.tenant.users.values() if not mobile_number(u))
    assert mobile_status_of(window, without) is None


def test_filter_by_name_keeps_only_matching_colleagues(
    window: MainWindow, simulator: Simulator
) -> None:
    user = simulator.tenant.users["user-00020"]
    first, last = user.name.split()[0], user.name.split()[-1]
    window.filter_edit.setText(f"{first.lower()} {last.upper()}")
    window.apply_filter()
    shown = shown_user_ids(window)
    assert "user-00020" in shown
    assert all(
        first.casefold() in simulator.tenant.users[uid].name.casefold()
        and last.casefold() in simulator.tenant.users[uid].name.casefold()
        for uid in shown
    )
    assert len(shown) < len(simulator.tenant.users)


def test_filter_by_number_matches_digits_typed_with_or_without_spaces(
    window: MainWindow, simulator: Simulator
) -> None:
    number = simulator.tenant.users["user-00020"].lines[0].number  # +4533xxxxxx
    national = number.removeprefix("+45")
    for typed in (national, f"{national[:2]} {national[2:4]}{national[4:]}", number):
        window.filter_edit.setText(typed)
        window.apply_filter()
        assert "user-00020" in shown_user_ids(window), typed
    window.filter_edit.setText(national)
    window.apply_filter()
    assert shown_user_ids(window) == {"user-00020"}


def test_filter_by_department_and_clearing_it_shows_everyone_again(
    window: MainWindow, simulator: Simulator
) -> None:
    window.filter_edit.setText("kundeservice")
    window.apply_filter()
    expected = {u.id for u in simulator.tenant.users.values() if u.department == "Kundeservice"}
    assert expected
    assert shown_user_ids(window) == expected
    window.filter_edit.clear()
    window.apply_filter()
    assert window.proxy.rowCount() == len(simulator.tenant.users)


def test_typing_in_the_grid_goes_to_the_filter(window: MainWindow, qtbot: QtBot) -> None:
    window.grid.setFocus()
    qtbot.keyClicks(window.grid, "salg")
    assert window.filter_edit.text() == "salg"
    qtbot.waitUntil(lambda: window.proxy.words == ("salg",))


def test_sorting_by_phone_status_puts_ringing_colleagues_together(
    window: MainWindow, simulator: Simulator, run: Runner, qtbot: QtBot
) -> None:
    for user_id in ("user-00021", "user-00030"):
        run(simulator.ring(user_id, "+4587654321"))
    qtbot.waitUntil(lambda: phone_status_of(window, "user-00030") is PhoneStatus.RINGING)
    qtbot.waitUntil(lambda: phone_status_of(window, "user-00021") is PhoneStatus.RINGING)
    window.grid.sortByColumn(ColleagueColumn.PHONE, Qt.SortOrder.AscendingOrder)
    statuses = [
        PhoneStatus(window.proxy.index(row, ColleagueColumn.PHONE).data(PHONE_STATUS_ROLE))
        for row in range(window.proxy.rowCount())
    ]
    ringing = [i for i, status in enumerate(statuses) if status is PhoneStatus.RINGING]
    assert len(ringing) == 2
    assert ringing[1] == ringing[0] + 1


def dial_commands(simulator: Simulator) -> list[dict[str, str]]:
    return [
        c.body
        for c in simulator.received
        if c.method == "POST" and c.path == f"/users/{OPERATOR_ID}/calls"
    ]


def test_enter_on_a_colleague_dials_their_number_from_my_default_device(
    window: MainWindow, simulator: Simulator, session: Session, qtbot: QtBot
) -> None:
    select(window, "user-00020")
    window.grid.setFocus()
    qtbot.keyClick(window.grid, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(dial_commands(simulator)) == 1)
    target = simulator.tenant.users["user-00020"].lines[0]
    expected = (
        target.aliases[0].number
        if len(target.aliases) == 1 and target.aliases[0].short_number
        else target.number
    )
    assert dial_commands(simulator)[0] == {
        "destination": session.plan.normalise(expected),
        "device": session.config.default_calling_device.value,
    }


def test_context_menu_dials_from_each_calling_device(
    window: MainWindow, simulator: Simulator, qtbot: QtBot
) -> None:
    colleague = window.session.model.get("user-00020")
    assert colleague is not None
    for count, device in enumerate(CallingDevice, start=1):
        menu = window.colleague_menu(colleague)
        action = next(a for a in menu.actions() if a.objectName() == f"dial_{device.value}")
        action.trigger()
        qtbot.waitUntil(lambda n=count: len(dial_commands(simulator)) == n)
        assert dial_commands(simulator)[-1]["device"] == device.value
        qtbot.waitUntil(lambda: not window.tasks)


def test_setting_and_clearing_a_colleagues_forwarding_from_the_menu(
    window: MainWindow, simulator: Simulator, qtbot: QtBot, monkeypatch
) -> None:
    from PySide6.QtWidgets import QInputDialog

    colleague = window.session.model.get("user-00020")
    assert colleague is not None
    monkeypatch.setattr(
        QInputDialog, "getText", staticmethod(lambda *args, **kwargs: ("87 65 43 21", True))
    )
    menu = window.colleague_menu(colleague)
    next(a for a in menu.actions() if a.objectName() == "set_forwarding").trigger()
    qtbot.waitUntil(lambda: simulator.tenant.diversion["user-00020"] == "+4587654321")
    qtbot.waitUntil(
        lambda: (
            window.proxy.index(
                proxy_row_of(window, "user-00020") or 0, ColleagueColumn.FORWARDING
            ).data()
            == "87 65 43 21"
        )
    )
    colleague = window.session.model.get("user-00020")
    assert colleague is not None
    menu = window.colleague_menu(colleague)
    clear = next(a for a in menu.actions() if a.objectName() == "clear_forwarding")
    assert clear.isEnabled()
    clear.trigger()
    qtbot.waitUntil(lambda: simulator.tenant.diversion["user-00020"] is None)


# -- the grid on its own ------------------------------------------------------------------------------

PEOPLE = [
    ("Anne Holm", "Salg", "+4533000001"),
    ("Bo Holm", "Support", "+4533000002"),
    ("Carl Berg", "Salg", "+4533000003"),
]


class Alone:
    """A grid panel over a live model of PEOPLE ("p0".."p2"), and whether there is a call."""

    def __init__(self, qtbot: QtBot) -> None:
        self.has_call = False
        presence = CountingPresence()
        # The part of the application interface the grid uses.
        self.session = SimpleNamespace(
            colleagues=named_colleagues(PEOPLE),
            plan=NumberPlan(),
            shown_state=presence.shown_state,
            templates=presence.templates,
        )
        self.panel = GridPanel(self.session, lambda: self.has_call)  # type: ignore[arg-type]
        # Its timer and key filters call Python: stopped before the panel goes.
        qtbot.addWidget(self.panel, before_close_func=lambda panel: panel.shut_down())
        self.panel.show()

    def current(self) -> str | None:
        index = self.panel.grid.currentIndex()
        return index.data(USER_ID_ROLE) if index.isValid() else None


def test_typing_in_the_grid_filters_and_enter_asks_for_the_top_result(qtbot: QtBot) -> None:
    alone = Alone(qtbot)
    panel = alone.panel
    panel.update_count()
    assert panel.count_label.text() == "3 colleagues"
    qtbot.keyClicks(panel.grid, "holm")
    assert panel.filter_edit.text() == "holm"
    qtbot.keyClick(panel.filter_edit, Qt.Key.Key_Return)  # applies the filter, goes to the grid
    assert panel.proxy.rowCount() == 2
    assert panel.count_label.text() == "2 of 3"
    assert alone.current() == "p0"
    with qtbot.waitSignal(panel.colleague_activated, timeout=1000) as asked:
        qtbot.keyClick(panel.grid, Qt.Key.Key_Return)
    assert [colleague.id for colleague in asked.args] == ["p0"]

    qtbot.keyClick(panel.filter_edit, Qt.Key.Key_Escape)  # clears the filter
    assert panel.filter_edit.text() == ""
    assert panel.proxy.rowCount() == 3


def test_the_target_is_the_top_result_for_everything_typed_even_before_the_pause(
    qtbot: QtBot,
) -> None:
    alone = Alone(qtbot)
    alone.panel.select_colleague("p0")
    alone.panel.filter_edit.setText("bo")  # the filter waits for a pause in typing
    target = alone.panel.target_colleague()
    assert target is not None
    assert target.id == "p1"
    assert alone.current() == "p1"


def test_a_reset_keeps_the_current_colleague_and_one_who_left_leaves_nobody(qtbot: QtBot) -> None:
    alone = Alone(qtbot)
    panel = alone.panel
    panel.select_colleague("p2")
    panel.colleague_model.reset()
    selected = panel.selected_colleague()
    assert selected is not None
    assert selected.id == "p2"
    alone.session.colleagues.apply(UserRemoval(user_id="p2"))
    change = alone.session.colleagues.flush()
    assert change is not None
    panel.colleague_model.apply_change(change)
    assert panel.selected_colleague() is None
    assert alone.current() is None


def test_the_menu_asks_to_dial_transfer_forward_and_set_a_state(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    alone = Alone(qtbot)
    panel = alone.panel
    bo = alone.session.colleagues.get("p1")
    assert bo is not None
    actions = {action.objectName(): action for action in panel.colleague_menu(bo).actions()}
    assert not actions["transfer"].isEnabled()  # no call to transfer
    assert not actions["clear_forwarding"].isEnabled()  # no forwarding to clear
    with qtbot.waitSignal(panel.dial_requested, timeout=1000) as asked:
        actions["dial_mobile"].trigger()
    assert asked.args == [bo, CallingDevice.MOBILE]

    alone.has_call = True
    menu = panel.colleague_menu(bo)
    actions = {action.objectName(): action for action in menu.actions()}
    assert actions["transfer"].isEnabled()
    with qtbot.waitSignal(panel.transfer_requested, timeout=1000) as asked:
        actions["transfer"].trigger()
    assert asked.args == ["+4533000002", "Bo Holm"]
    states = menu.findChild(QMenu, "states")
    assert states is not None
    first = DEFAULT_TEMPLATES[0].name
    with qtbot.waitSignal(panel.state_requested, timeout=1000) as asked:
        next(a for a in states.actions() if a.text() == first).trigger()
    assert asked.args == ["p1", first]

    # The forwarding dialog cannot be answered offscreen: its answer is given at the edge.
    monkeypatch.setattr(
        QInputDialog, "getText", staticmethod(lambda *args, **kwargs: (" 87 65 43 21 ", True))
    )
    with qtbot.waitSignal(panel.forwarding_requested, timeout=1000) as asked:
        actions["set_forwarding"].trigger()
    assert asked.args == ["p1", "87 65 43 21"]


def test_after_shut_down_typing_in_the_grid_no_longer_goes_to_the_filter(qtbot: QtBot) -> None:
    alone = Alone(qtbot)
    alone.panel.shut_down()
    qtbot.keyClicks(alone.panel.grid, "bo")
    assert alone.panel.filter_edit.text() == ""


def test_a_forwarding_number_that_is_not_a_number_is_asked_again_keeping_what_was_typed(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Operator polish, item 4: the colleague-forwarding dialog closed on an invalid entry and
    lost it. The dialog cannot be answered offscreen: its answers are given at the edge."""
    alone = Alone(qtbot)
    bo = alone.session.colleagues.get("p1")
    assert bo is not None
    asked: list[tuple[str, str]] = []
    answers = iter([("87 65 43 2x", True), ("87 65 43 21", True)])

    def get_text(_parent: object, _title: str, label: str, _mode: object, text: str) -> object:
        asked.append((label, text))
        return next(answers)

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(get_text))
    with qtbot.waitSignal(alone.panel.forwarding_requested, timeout=1000) as requested:
        alone.panel.ask_forwarding(bo)

    assert requested.args == ["p1", "87 65 43 21"]
    (_, first), (again, kept) = asked
    assert first == ""
    assert kept == "87 65 43 2x"  # what was typed comes back
    assert again.startswith("“87 65 43 2x” is not a phone number")
