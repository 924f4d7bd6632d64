"""The call panel: queue calls and my calls, the call-back mark, hang up and transfer; in the
window against the simulator, and on its own over a live model."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from konnekta_desktop.core.model import LiveModel
from konnekta_desktop.domain import Call, CallState, CallUpdate, Direction
from konnekta_desktop.domain.numbers import NumberPlan
from konnekta_desktop.simulator.server import Simulator
from konnekta_desktop.ui.calls import CALLBACK_TOOLTIP, CallColumn, CallTableModel, format_duration
from konnekta_desktop.ui.icons import callback_icon
from konnekta_desktop.ui.switchboard import MainWindow
from konnekta_desktop.ui.switchboard.call_panel import CallPanel
from tests.gui.gui_helpers import OPERATOR_ID, Runner, named_colleagues


def panel_row(window: MainWindow, call_id: str) -> int | None:
    return window.call_model.row_of(call_id)


def test_call_back_call_shows_the_call_back_icon_and_explains_it(
    window: MainWindow, simulator: Simulator, run: Runner, qtbot: QtBot
) -> None:
    call_id = run(simulator.ring_queue("Support", "+4587654321", callback=True))
    qtbot.waitUntil(lambda: panel_row(window, call_id) is not None)
    row = panel_row(window, call_id)
    assert row is not None
    model = window.call_model
    direction = model.index(row, CallColumn.DIRECTION)
    # An ordinary incoming external call (reference page, call-back calls), marked by its icon.
    assert direction.data() == "Incoming"
    icon = direction.data(Qt.ItemDataRole.DecorationRole)
    assert icon.cacheKey() == callback_icon().cacheKey()
    assert direction.data(Qt.ItemDataRole.ToolTipRole) == CALLBACK_TOOLTIP
    # Caller = the external number, called = the queue.
    assert model.index(row, CallColumn.CALLER).data() == "87 65 43 21"
    assert model.index(row, CallColumn.CALLED).data() == "70 20 30 41"
    assert model.index(row, CallColumn.QUEUE).data() == "Support"
    # One leg per agent of the queue, arriving one event at a time, shown as one call.
    qtbot.waitUntil(lambda: model.index(row, CallColumn.WHO).data().startswith("Ringing at"))
    assert model.rowCount() == 1


def test_ordinary_queue_call_has_no_call_back_mark_and_leaves_when_it_ends(
    window: MainWindow, simulator: Simulator, run: Runner, qtbot: QtBot
) -> None:
    call_id = run(simulator.ring_queue("Sales", "+4587654321"))
    qtbot.waitUntil(lambda: panel_row(window, call_id) is not None)
    row = panel_row(window, call_id)
    assert row is not None
    direction = window.call_model.index(row, CallColumn.DIRECTION)
    assert direction.data() == "Incoming"
    assert direction.data(Qt.ItemDataRole.ToolTipRole) is None
    run(simulator.hang_up(call_id))
    qtbot.waitUntil(lambda: panel_row(window, call_id) is None)


def test_a_colleagues_direct_call_is_not_in_my_panel(
    window: MainWindow, simulator: Simulator, run: Runner, qtbot: QtBot
) -> None:
    other = run(simulator.ring("user-00020", "+4587654321"))
    mine = run(simulator.ring(OPERATOR_ID, "+4587654322"))
    qtbot.waitUntil(lambda: panel_row(window, mine) is not None)
    assert panel_row(window, other) is None


def test_hang_up_button_ends_my_call_in_konnekta(
    window: MainWindow, simulator: Simulator, run: Runner, qtbot: QtBot
) -> None:
    call_id = run(simulator.ring(OPERATOR_ID, "+4587654321"))
    run(simulator.answer(call_id))
    qtbot.waitUntil(lambda: panel_row(window, call_id) is not None)
    window.hang_up_button.click()
    qtbot.waitUntil(
        lambda: any(
            c.method == "DELETE" and c.path == f"/calls/{call_id}" for c in simulator.received
        )
    )
    qtbot.waitUntil(lambda: panel_row(window, call_id) is None)


def test_transfer_sends_my_call_to_the_number_in_the_dial_bar(
    window: MainWindow, simulator: Simulator, run: Runner, qtbot: QtBot
) -> None:
    call_id = run(simulator.ring(OPERATOR_ID, "+4587654321"))
    run(simulator.answer(call_id))
    qtbot.waitUntil(lambda: panel_row(window, call_id) is not None)
    window.number_edit.setText("87 11 22 33")
    window.transfer_button.click()
    qtbot.waitUntil(
        lambda: any(
            c.path == f"/calls/{call_id}/transfer" and c.body == {"destination": "+4587112233"}
            for c in simulator.received
        )
    )


def test_durations_read_as_minutes_and_seconds() -> None:
    assert format_duration(0) == "0:00"
    assert format_duration(75.9) == "1:15"
    assert format_duration(3723) == "1:02:03"


def test_my_outgoing_call_to_a_colleague_names_who_it_rings(
    window: MainWindow, simulator: Simulator, qtbot: QtBot
) -> None:
    colleague = window.session.model.get("user-00020")
    assert colleague is not None
    window.dial_colleague(colleague, None)
    qtbot.waitUntil(lambda: window.call_model.rowCount() == 1)
    model = window.call_model
    assert model.index(0, CallColumn.DIRECTION).data() == "Outgoing"
    qtbot.waitUntil(
        lambda: model.index(0, CallColumn.WHO).data() == f"Ringing: {colleague.user.name}"
    )


# -- the panel on its own ---------------------------------------------------------------------------

ME = "p0"


class Calls:
    """A call panel over a live model of two colleagues, me (p0) and Ole (p1)."""

    def __init__(self, qtbot: QtBot) -> None:
        self.model: LiveModel = named_colleagues(
            [("Lone Skov", "Reception", "+4533000001"), ("Ole Hansen", "Salg", "+4533000002")]
        )
        self.table = CallTableModel(self.model, NumberPlan(), lambda: ME, lambda: 100.0)
        self.panel = CallPanel(self.table, lambda: ME)
        qtbot.addWidget(self.panel, before_close_func=lambda _panel: self.table.stop())

    def ring(self, call_id: str, user_id: str, caller: str, queue: str | None = None) -> None:
        self.leg(call_id, user_id, caller, CallState.RINGING, queue)

    def leg(
        self, call_id: str, user_id: str, caller: str, state: CallState, queue: str | None = None
    ) -> None:
        call = Call(
            call_id=call_id,
            user_id=user_id,
            state=state,
            direction=Direction.INBOUND,
            caller=caller,
            called="+4570203040",
            queue=queue,
            started_at=float(len(self.table.calls())),
        )
        self.model.apply(CallUpdate(call=call))
        self.model.flush()
        self.panel.refresh()


def test_a_queue_call_alone_is_shown_but_no_button_acts_on_it_until_selected(qtbot: QtBot) -> None:
    calls = Calls(qtbot)
    calls.ring("q1", "p1", "+4587654321", queue="Support")
    assert calls.table.row_of("q1") == 0
    assert calls.panel.target() is None
    assert not calls.panel.hang_up_button.isEnabled()
    assert not calls.panel.transfer_button.isEnabled()
    assert "select a call" in calls.panel.hang_up_button.toolTip()

    calls.panel.select("q1")
    assert calls.panel.selected_call_id == "q1"
    assert calls.panel.hang_up_button.isEnabled()
    assert "87 65 43 21" in calls.panel.hang_up_button.toolTip()
    assert "87 65 43 21" in calls.panel.transfer_button.toolTip()
    with qtbot.waitSignal(calls.panel.hang_up_requested, timeout=1000):
        calls.panel.hang_up_button.click()
    with qtbot.waitSignal(calls.panel.transfer_requested, timeout=1000):
        calls.panel.transfer_button.click()


def test_my_own_call_is_the_target_without_selecting_it_and_focus_selects_it(qtbot: QtBot) -> None:
    calls = Calls(qtbot)
    calls.ring("q1", "p1", "+4587654321", queue="Support")
    calls.ring("mine", ME, "+4587650000")
    target = calls.panel.target()
    assert target is not None
    assert target.call_id == "mine"
    assert calls.panel.selected_call_id is None
    calls.panel.focus()
    assert calls.panel.selected_call_id == "mine"


def test_a_selected_call_that_ends_leaves_nothing_selected(qtbot: QtBot) -> None:
    calls = Calls(qtbot)
    calls.ring("q1", "p1", "+4587000001", queue="Support")
    calls.ring("q2", "p1", "+4587000002", queue="Sales")
    calls.panel.select("q1")
    calls.leg("q1", "p1", "+4587000001", CallState.ENDED, queue="Support")
    assert calls.table.row_of("q1") is None
    assert calls.panel.selected_call_id is None
    assert calls.panel.view.selectionModel().selectedRows() == []
    assert not calls.panel.view.currentIndex().isValid()
    assert calls.panel.target() is None
