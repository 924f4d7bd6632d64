"""The colleague grid follows Konnekta's events, filters as the operator types, and dials."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from konnekta_desktop.core.monitoring import PhoneStatus
from konnekta_desktop.core.session import Session
from konnekta_desktop.domain import CallingDevice
from konnekta_desktop.simulator.server import Simulator
from konnekta_desktop.ui.colleagues import PHONE_STATUS_ROLE, USER_ID_ROLE, ColleagueColumn
from konnekta_desktop.ui.main_window import MainWindow
from tests.gui.gui_helpers import OPERATOR_ID, Runner


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


def test_dial_refused_by_konnekta_shows_plain_words_in_the_message_bar(
    window: MainWindow, simulator: Simulator, qtbot: QtBot
) -> None:
    window.number_edit.setText("1")  # one digit: Konnekta answers 422, cannot be dialled
    window.dial_current(None)
    qtbot.waitUntil(lambda: window.message_bar.isVisible() and window.message_bar.kind == "error")
    assert "refused" in window.message_bar.text().lower() or "number" in window.message_bar.text()
    window.dismiss_message()
    assert not window.message_bar.isVisible()


def test_dial_bar_shows_the_number_as_it_will_be_dialled(window: MainWindow) -> None:
    window.number_edit.setText("0045 33 12 34 56")
    assert window.number_hint.text().endswith("33 12 34 56")
    window.number_edit.setText("33x")
    assert "not a number" in window.number_hint.text()


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


def test_my_forwarding_set_and_clear(
    window: MainWindow, simulator: Simulator, qtbot: QtBot
) -> None:
    window.forward_edit.setText("87 65 43 21")
    window.forward_set_button.click()
    qtbot.waitUntil(lambda: simulator.tenant.diversion[OPERATOR_ID] == "+4587654321")
    qtbot.waitUntil(lambda: window.my_forwarding_label.text() == "87 65 43 21")
    window.forward_clear_button.click()
    qtbot.waitUntil(lambda: simulator.tenant.diversion[OPERATOR_ID] is None)
    qtbot.waitUntil(lambda: window.my_forwarding_label.text() == "off")
