"""The call panel: queue calls and my calls, the call-back mark, hang up and transfer."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from konnekta_desktop.simulator.server import Simulator
from konnekta_desktop.ui.calls import CALLBACK_TOOLTIP, CallColumn, format_duration
from konnekta_desktop.ui.icons import callback_icon
from konnekta_desktop.ui.main_window import MainWindow
from tests.gui.gui_helpers import OPERATOR_ID, Runner


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
    assert direction.data() == "Call-back"
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
