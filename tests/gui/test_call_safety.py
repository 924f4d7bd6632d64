"""Call safety: every command acts on the call and the colleague the operator means.

Each test drives the window as an operator does, with keys and clicks on widgets found by their
object names, and checks what reached the PBX (the simulator's record of requests), so the tests
hold whatever panels the window is built from. Each runs twice: on the session itself, and on a
desktop's `RemoteSession` through a company connector serving that session (issue "Company
connector": the GUI tests of call safety run against both).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QModelIndex, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from konnekta_desktop.core.session import Session
from konnekta_desktop.domain.interface import Role
from konnekta_desktop.domain.status import Connection
from konnekta_desktop.remote.operators import Operators
from konnekta_desktop.remote.remote_session import RemoteSession
from konnekta_desktop.remote.server import ClientApi
from konnekta_desktop.simulator.server import Simulator
from konnekta_desktop.ui.bridge import Bridge
from konnekta_desktop.ui.calls import CALL_ID_ROLE
from konnekta_desktop.ui.colleagues import USER_ID_ROLE
from konnekta_desktop.ui.switchboard import MainWindow, colleague_number
from tests.gui.conftest import delete_now
from tests.gui.gui_helpers import OPERATOR_ID, USERS, Runner

CUSTOMER = "+4587654321"
SUPPORT_AGENT = "user-00002"  # Pia Christensen, in the Support queue (the operator is not)


# -- the window as the operator sees it --------------------------------------------------------


@pytest.fixture(params=["direct", "through the connector"])
def window(
    request: pytest.FixtureRequest, session: Session, qtbot: QtBot, run: Runner
) -> Iterator[MainWindow]:
    """The switchboard window, connected, on the session or on a desktop of its connector."""
    run(session.start())
    qtbot.waitUntil(lambda: session.connector.status.state is Connection.CONNECTED, timeout=15_000)
    api: ClientApi | None = None
    shown: Session | RemoteSession = session
    if request.param == "through the connector":
        api = ClientApi(port=0)
        run(api.start())
        operators = Operators.open(session.store.path)
        api.attach(session, operators)
        invitation = operators.invite(session.operator_user, Role.OPERATOR)
        token, _ = operators.enrol(invitation.code, "test desktop")
        shown = RemoteSession(api.base_url, token=token)
        run(shown.start())
        run(shown.wait_connected())
    bridge = Bridge(shown)
    bridge.attach()
    window = MainWindow(shown, bridge)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.colleague_model.rowCount() == USERS)
    try:
        yield window
    finally:
        run(window.tasks.cancel_all())
        bridge.detach()
        delete_now(window)
        if api is not None:
            run(shown.close())
            run(api.close())
            api.operators.close()


@pytest.fixture
def active(window: MainWindow, qtbot: QtBot) -> MainWindow:
    """The window, active, so that its keyboard shortcuts work."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def calls_view(window: MainWindow) -> QTableView:
    view = window.findChild(QTableView, "callPanel")
    assert view is not None
    return view


def grid(window: MainWindow) -> QTableView:
    view = window.findChild(QTableView, "colleagueGrid")
    assert view is not None
    return view


def button(window: MainWindow, name: str) -> QPushButton:
    found = window.findChild(QPushButton, name)
    assert found is not None
    return found


def filter_edit(window: MainWindow) -> QLineEdit:
    edit = window.findChild(QLineEdit, "colleagueFilter")
    assert edit is not None
    return edit


def dial_bar(window: MainWindow) -> QLineEdit:
    edit = window.findChild(QLineEdit, "dialBar")
    assert edit is not None
    return edit


def call_row(window: MainWindow, call_id: str) -> int | None:
    model = calls_view(window).model()
    for row in range(model.rowCount()):
        if model.index(row, 0).data(CALL_ID_ROLE) == call_id:
            return row
    return None


def click_call(window: MainWindow, qtbot: QtBot, call_id: str) -> None:
    view = calls_view(window)
    row = call_row(window, call_id)
    assert row is not None
    rect = view.visualRect(view.model().index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def colleague_row(window: MainWindow, user_id: str) -> int:
    model = grid(window).model()
    for row in range(model.rowCount()):
        if model.index(row, 0).data(USER_ID_ROLE) == user_id:
            return row
    raise AssertionError(f"{user_id} is not shown")


def click_colleague(
    window: MainWindow, qtbot: QtBot, user_id: str, *, double: bool = False
) -> None:
    """Click the colleague's row. A single click is made again until that colleague is the
    selected one: an update arriving between finding the row and the click (a desktop on a
    connector hears of the call a moment after the session) may re-sort the list."""
    view = grid(window)

    def click() -> bool:
        index = view.model().index(colleague_row(window, user_id), 0)
        view.scrollTo(index)
        rect = view.visualRect(index)
        if double:
            double_click(view.viewport(), rect.center())
            return True
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        return highlighted_colleague(window) == user_id

    if not click():
        qtbot.waitUntil(click)


def double_click(widget: QWidget, position: QPoint) -> None:
    """What a mouse sends for a double-click: press, release, double-click, release. (QTest's
    own double-click depends on the time since its last click.)"""
    local = QPointF(position)
    global_ = QPointF(widget.mapToGlobal(position))
    for kind in (
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseButtonRelease,
    ):
        pressed = kind is not QEvent.Type.MouseButtonRelease
        buttons = Qt.MouseButton.LeftButton if pressed else Qt.MouseButton.NoButton
        event = QMouseEvent(
            kind, local, global_, Qt.MouseButton.LeftButton, buttons, Qt.KeyboardModifier.NoModifier
        )
        QApplication.sendEvent(widget, event)


def highlighted_colleague(window: MainWindow) -> str | None:
    index: QModelIndex = grid(window).currentIndex()
    return index.data(USER_ID_ROLE) if index.isValid() else None


def press(
    window: MainWindow,
    qtbot: QtBot,
    key: Qt.Key,
    modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    qtbot.keyClick(window.focusWidget() or window, key, modifiers)


def question(window: MainWindow) -> QMessageBox | None:
    # An answered question closes at once and is deleted a moment later: look for an open one.
    shown = [box for box in window.findChildren(QMessageBox, "question") if box.isVisible()]
    return shown[0] if shown else None


def answer(qtbot: QtBot, box: QMessageBox, key: Qt.Key) -> None:
    qtbot.keyClick(box, key)
    qtbot.waitUntil(lambda: not box.isVisible())


def error_shown(window: MainWindow) -> str:
    return window.message_bar.text() if window.message_bar.kind == "error" else ""


# -- what reached the PBX ------------------------------------------------------------------------


def hang_ups(simulator: Simulator) -> list[str]:
    return [
        c.path for c in simulator.received if c.method == "DELETE" and c.path.startswith("/calls/")
    ]


def transfers(simulator: Simulator) -> list[tuple[str, str]]:
    return [
        (c.path.split("/")[2], c.body["destination"])
        for c in simulator.received
        if c.method == "POST" and c.path.endswith("/transfer")
    ]


def dials(simulator: Simulator) -> list[str]:
    return [
        c.body["destination"]
        for c in simulator.received
        if c.method == "POST" and c.path == f"/users/{OPERATOR_ID}/calls"
    ]


def number_of(session: Session, user_id: str) -> str:
    colleague = session.model.get(user_id)
    assert colleague is not None
    number = colleague_number(colleague)
    assert number is not None
    return session.plan.normalise(number)


def colleagues_answered_call(
    window: MainWindow, simulator: Simulator, run: Runner, qtbot: QtBot
) -> str:
    """A Support queue call that Pia Christensen answered, once the call list shows it."""
    call_id = run(simulator.ring_queue("Support", CUSTOMER))
    run(simulator.answer(call_id, user_id=SUPPORT_AGENT))
    qtbot.waitUntil(lambda: call_status(window, call_id) == "Talking: Pia Christensen")
    return call_id


def my_answered_call(
    window: MainWindow,
    simulator: Simulator,
    run: Runner,
    qtbot: QtBot,
    caller: str = "+4587650000",
) -> str:
    """A call to me that I answered, once the call list shows me talking in it."""
    call_id = run(simulator.ring(OPERATOR_ID, caller))
    run(simulator.answer(call_id))
    qtbot.waitUntil(lambda: (call_status(window, call_id) or "").startswith("Talking (me)"))
    return call_id


def call_status(window: MainWindow, call_id: str) -> str | None:
    row = call_row(window, call_id)
    return None if row is None else str(calls_view(window).model().index(row, 4).data())


# -- Hang up and Transfer act on my call or the one I selected ------------------------------------


def test_hang_up_with_only_a_colleagues_call_in_the_list_touches_nothing_and_says_so(
    active: MainWindow, simulator: Simulator, run: Runner, qtbot: QtBot
) -> None:
    """Rule: a call command acts on my own call or one I selected; with nothing, it says so."""
    theirs = colleagues_answered_call(active, simulator, run, qtbot)
    assert not button(active, "hangUpButton").isEnabled()
    assert not button(active, "transferButton").isEnabled()
    press(active, qtbot, Qt.Key.Key_F5)
    assert "no call to hang up" in error_shown(active)
    dial_bar(active).setText("87 11 22 33")
    press(active, qtbot, Qt.Key.Key_F4)
    assert "no call to transfer" in error_shown(active)
    assert not active.tasks  # nothing was sent, nor is on its way
    assert question(active) is None
    assert hang_ups(simulator) == []
    assert transfers(simulator) == []
    assert call_row(active, theirs) is not None


def test_transfer_a_moment_after_my_caller_hung_up_moves_no_colleagues_call(
    active: MainWindow, simulator: Simulator, run: Runner, qtbot: QtBot
) -> None:
    theirs = colleagues_answered_call(active, simulator, run, qtbot)
    mine = my_answered_call(active, simulator, run, qtbot)
    dial_bar(active).setText("87 11 22 33")
    assert button(active, "transferButton").isEnabled()
    run(simulator.hang_up(mine))  # my caller hangs up
    qtbot.waitUntil(lambda: call_row(active, mine) is None)
    press(active, qtbot, Qt.Key.Key_F4)
    assert "no call to transfer" in error_shown(active)
    assert not active.tasks
    assert transfers(simulator) == []
    assert call_row(active, theirs) is not None


def test_a_selected_colleagues_answered_call_is_hung_up_only_once_confirmed(
    active: MainWindow, simulator: Simulator, run: Runner, qtbot: QtBot
) -> None:
    theirs = colleagues_answered_call(active, simulator, run, qtbot)
    click_call(active, qtbot, theirs)
    assert button(active, "hangUpButton").isEnabled()
    assert "87 65 43 21" in button(active, "hangUpButton").toolTip()
    press(active, qtbot, Qt.Key.Key_F5)
    box = question(active)
    assert box is not None
    assert "87 65 43 21" in box.text()
    assert "Pia Christensen" in box.text()
    answer(qtbot, box, Qt.Key.Key_Escape)
    assert not active.tasks
    assert hang_ups(simulator) == []

    press(active, qtbot, Qt.Key.Key_F5)
    box = question(active)
    assert box is not None
    answer(qtbot, box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: hang_ups(simulator) == [f"/calls/{theirs}"])


def test_transferring_a_selected_colleagues_call_asks_first_and_moves_that_call(
    active: MainWindow, simulator: Simulator, run: Runner, qtbot: QtBot
) -> None:
    theirs = colleagues_answered_call(active, simulator, run, qtbot)
    my_answered_call(active, simulator, run, qtbot)
    click_call(active, qtbot, theirs)
    dial_bar(active).setText("87 11 22 33")
    press(active, qtbot, Qt.Key.Key_F4)
    box = question(active)
    assert box is not None
    assert "Pia Christensen" in box.text()
    answer(qtbot, box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: transfers(simulator) == [(theirs, "+4587112233")])


def test_my_own_answered_call_is_hung_up_at_once(
    active: MainWindow, simulator: Simulator, run: Runner, qtbot: QtBot
) -> None:
    colleagues_answered_call(active, simulator, run, qtbot)
    mine = my_answered_call(active, simulator, run, qtbot)
    assert "87 65 00 00" in button(active, "hangUpButton").toolTip()
    press(active, qtbot, Qt.Key.Key_F5)
    assert question(active) is None
    qtbot.waitUntil(lambda: hang_ups(simulator) == [f"/calls/{mine}"])


# -- the selection is a call, not a row ---------------------------------------------------------


def test_the_selection_follows_its_call_as_rows_come_and_go_and_ends_with_it(
    active: MainWindow, simulator: Simulator, run: Runner, qtbot: QtBot
) -> None:
    first = run(simulator.ring_queue("Support", "+4587000001"))
    second = run(simulator.ring_queue("Sales", "+4587000002"))
    qtbot.waitUntil(lambda: call_row(active, second) is not None)
    click_call(active, qtbot, second)
    run(simulator.hang_up(first))  # the row above goes: the selected call moves up a row
    qtbot.waitUntil(lambda: call_row(active, first) is None)
    third = run(simulator.ring_queue("Reception", "+4587000003"))  # a row comes below
    qtbot.waitUntil(lambda: call_row(active, third) is not None)
    selected = calls_view(active).selectionModel().selectedRows()
    assert [index.data(CALL_ID_ROLE) for index in selected] == [second]
    assert "87 00 00 02" in button(active, "hangUpButton").toolTip()

    run(simulator.hang_up(second))  # the selected call ends; the third takes its row
    qtbot.waitUntil(lambda: call_row(active, second) is None)
    view = calls_view(active)
    assert view.selectionModel().selectedRows() == []
    assert not view.currentIndex().isValid()
    assert not button(active, "hangUpButton").isEnabled()
    press(active, qtbot, Qt.Key.Key_F5)
    assert "no call to hang up" in error_shown(active)
    assert hang_ups(simulator) == []


# -- the target is the row on screen ------------------------------------------------------------


def test_a_key_pressed_right_after_typing_transfers_to_the_top_result_for_the_whole_text(
    active: MainWindow, simulator: Simulator, session: Session, run: Runner, qtbot: QtBot
) -> None:
    mine = my_answered_call(active, simulator, run, qtbot)
    click_colleague(active, qtbot, "user-00020")  # Mads Nissen was highlighted before
    edit = filter_edit(active)
    edit.setFocus()
    qtbot.keyClicks(edit, "lene")
    press(active, qtbot, Qt.Key.Key_F4)  # at once: the filter has not applied itself yet
    lene = "user-00038"  # Lene Kristiansen Skov
    assert highlighted_colleague(active) == lene
    qtbot.waitUntil(lambda: transfers(simulator) == [(mine, number_of(session, lene))])


@pytest.mark.parametrize(
    ("keys", "modifiers"),
    [
        (Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier),
    ],
)
def test_dial_keys_right_after_typing_dial_the_top_result_for_the_whole_text(
    active: MainWindow,
    session: Session,
    simulator: Simulator,
    qtbot: QtBot,
    keys: Qt.Key,
    modifiers: Qt.KeyboardModifier,
) -> None:
    click_colleague(active, qtbot, "user-00020")
    edit = filter_edit(active)
    edit.setFocus()
    qtbot.keyClicks(edit, "hanne")
    press(active, qtbot, keys, modifiers)
    hanne = "user-00025"  # Hanne Iversen
    assert highlighted_colleague(active) == hanne
    qtbot.waitUntil(lambda: dials(simulator) == [number_of(session, hanne)])


def test_typing_highlights_the_top_result_even_when_another_colleague_was_selected(
    active: MainWindow, qtbot: QtBot
) -> None:
    click_colleague(active, qtbot, "user-00017")  # Oliver Johansen Hansen matches "hans" too
    edit = filter_edit(active)
    edit.setFocus()
    qtbot.keyClicks(edit, "hans")
    press(active, qtbot, Qt.Key.Key_Down)  # applies the filter and goes to the list
    # Gitte Hansen: "hans" starts a later word of three names; ties go by the last word
    # (all "Hansen"), then by name.
    assert highlighted_colleague(active) == "user-00034"


# -- Enter or double-click on a colleague during my call -----------------------------------------


def test_enter_on_a_colleague_during_my_call_asks_to_transfer_it_there(
    active: MainWindow, simulator: Simulator, session: Session, run: Runner, qtbot: QtBot
) -> None:
    mine = my_answered_call(active, simulator, run, qtbot)
    click_colleague(active, qtbot, "user-00020")
    press(active, qtbot, Qt.Key.Key_Return)
    box = question(active)
    assert box is not None
    assert box.text() == "Transfer 87 65 00 00 to Mads Nissen?"
    answer(qtbot, box, Qt.Key.Key_Escape)
    assert not active.tasks
    assert transfers(simulator) == []
    assert dials(simulator) == []

    press(active, qtbot, Qt.Key.Key_Return)
    box = question(active)
    assert box is not None
    answer(qtbot, box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: transfers(simulator) == [(mine, number_of(session, "user-00020"))])
    assert dials(simulator) == []


def test_double_click_on_a_colleague_during_my_call_asks_to_transfer_it_there(
    active: MainWindow, simulator: Simulator, run: Runner, qtbot: QtBot
) -> None:
    my_answered_call(active, simulator, run, qtbot)
    click_colleague(active, qtbot, "user-00020", double=True)
    box = question(active)
    assert box is not None
    assert "Mads Nissen" in box.text()
    answer(qtbot, box, Qt.Key.Key_Escape)
    assert dials(simulator) == []
    assert transfers(simulator) == []


def test_enter_on_a_colleague_without_a_call_of_mine_dials_them(
    active: MainWindow, simulator: Simulator, session: Session, run: Runner, qtbot: QtBot
) -> None:
    colleagues_answered_call(active, simulator, run, qtbot)  # someone else's call is no reason
    click_colleague(active, qtbot, "user-00020")
    press(active, qtbot, Qt.Key.Key_Return)
    assert question(active) is None
    qtbot.waitUntil(lambda: dials(simulator) == [number_of(session, "user-00020")])


# -- colleagues come and go -----------------------------------------------------------------------


def test_a_removed_colleague_leaves_nobody_selected_and_an_added_one_moves_no_selection(
    active: MainWindow, simulator: Simulator, run: Runner, qtbot: QtBot
) -> None:
    click_colleague(active, qtbot, "user-00020")
    assert highlighted_colleague(active) == "user-00020"
    run(simulator.add_user("Aage Aabenraa"))  # sorts first: every row below moves down
    qtbot.waitUntil(lambda: grid(active).model().rowCount() == 41)
    assert highlighted_colleague(active) == "user-00020"

    run(simulator.remove_user("user-00020"))
    qtbot.waitUntil(lambda: grid(active).model().rowCount() == 40)
    assert highlighted_colleague(active) is None
    my_answered_call(active, simulator, run, qtbot)
    press(active, qtbot, Qt.Key.Key_F4)
    assert "select a colleague" in error_shown(active)
    assert transfers(simulator) == []
