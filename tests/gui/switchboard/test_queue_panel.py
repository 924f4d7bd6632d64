"""The attendant's call features, the queue panel: per queue the calls waiting, the longest wait,
call-backs waiting, agents logged in and free, and my own login and logout for the selected
queue. In the window against the simulator."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from konnekta_desktop.simulator.server import Simulator
from konnekta_desktop.ui.switchboard import MainWindow
from konnekta_desktop.ui.switchboard.queue_panel import QueueColumn
from tests.gui.gui_helpers import Runner

AGENT = "user-00003"  # an agent of Sales (seed 5)


@pytest.fixture
def operator_id() -> str:
    return AGENT


def cell(window: MainWindow, queue: str, column: QueueColumn) -> str:
    table = window.queue_panel.table
    for row in range(table.rowCount()):
        if table.item(row, QueueColumn.QUEUE).text() == queue:
            return table.item(row, column).text()
    raise AssertionError(f"{queue} is not shown")


def test_the_panel_counts_waiting_calls_and_call_backs_and_free_agents(
    window: MainWindow, simulator: Simulator, run: Runner, qtbot: QtBot
) -> None:
    panel = window.queue_panel
    qtbot.waitUntil(lambda: panel.table.rowCount() == len(simulator.tenant.queues))
    agents = [a.user_id for a in simulator.tenant.queue_status("Reception").agents]
    assert cell(window, "Reception", QueueColumn.LOGGED_IN) == str(len(agents))
    for agent in agents:  # nobody left to ring: calls wait
        run(simulator.set_queue_login("Reception", agent, False))
    qtbot.waitUntil(lambda: cell(window, "Reception", QueueColumn.LOGGED_IN) == "0")
    run(simulator.ring_queue("Reception", "+4587650001"))
    run(simulator.ring_queue("Reception", "+4587650002", callback=True))
    qtbot.waitUntil(lambda: cell(window, "Reception", QueueColumn.WAITING) == "2")
    assert cell(window, "Reception", QueueColumn.CALLBACKS) == "1"
    assert cell(window, "Reception", QueueColumn.LONGEST) != ""
    assert cell(window, "Reception", QueueColumn.FREE) == "0"


def test_i_log_in_and_out_of_my_queue_from_the_keyboard(
    window: MainWindow, simulator: Simulator, qtbot: QtBot
) -> None:
    panel = window.queue_panel
    qtbot.waitUntil(lambda: panel.table.rowCount() == len(simulator.tenant.queues))
    assert cell(window, "Sales", QueueColumn.ME) == "logged in"
    assert cell(window, "Support", QueueColumn.ME) == ""  # not an agent there
    rows = {panel.table.item(r, QueueColumn.QUEUE).text(): r for r in range(panel.table.rowCount())}
    panel.table.selectRow(rows["Support"])
    assert not panel.login_button.isEnabled()
    panel.table.selectRow(rows["Sales"])
    assert panel.login_button.text() == "&Queue: log out"
    qtbot.keyClick(panel.login_button, Qt.Key.Key_Space)

    def logged_in() -> bool:
        agents = simulator.tenant.queue_status("Sales").agents
        return any(a.user_id == AGENT and a.logged_in for a in agents)

    qtbot.waitUntil(lambda: not logged_in())
    qtbot.waitUntil(lambda: cell(window, "Sales", QueueColumn.ME) == "logged out")
    assert panel.login_button.text() == "&Queue: log in"
    qtbot.keyClick(panel.login_button, Qt.Key.Key_Space)
    qtbot.waitUntil(logged_in)


def test_take_next_picks_up_the_call_that_waited_longest_in_the_selected_queue(
    window: MainWindow, simulator: Simulator, run: Runner, qtbot: QtBot
) -> None:
    panel = window.queue_panel
    qtbot.waitUntil(lambda: panel.table.rowCount() == len(simulator.tenant.queues))
    for agent in simulator.tenant.queue_status("Reception").agents:
        run(simulator.set_queue_login("Reception", agent.user_id, False))
    first = run(simulator.ring_queue("Reception", "+4587650001"))
    run(simulator.ring_queue("Reception", "+4587650002"))
    qtbot.waitUntil(lambda: cell(window, "Reception", QueueColumn.WAITING) == "2")
    rows = {panel.table.item(r, QueueColumn.QUEUE).text(): r for r in range(panel.table.rowCount())}
    panel.table.selectRow(rows["Reception"])
    assert panel.take_button.isEnabled()
    qtbot.keyClick(panel.take_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: AGENT in simulator.tenant.calls.get(first, {}))
    qtbot.waitUntil(lambda: cell(window, "Reception", QueueColumn.WAITING) == "1")
