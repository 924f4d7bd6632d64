"""The queue panel: per queue (ACD or attendant group) the calls waiting, the longest wait, the
call-backs waiting, the agents logged in and free, and whether I am logged in; my own login or
logout for the selected queue. Queues are few: the table is filled afresh when they change, and
the waits move on once a second while a call waits.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.types import QueueStatus
from ..bridge import AppSession
from ..calls import format_duration
from ..tasks import TaskRunner

__all__ = ["QueueColumn", "QueuePanel"]


class QueueColumn(IntEnum):
    QUEUE = 0
    WAITING = 1
    LONGEST = 2
    CALLBACKS = 3
    LOGGED_IN = 4
    FREE = 5
    ME = 6


class QueuePanel(QGroupBox):
    take_next_requested = Signal(str, str)  # queue name, the call id that waited longest

    def __init__(
        self,
        session: AppSession,
        tasks: TaskRunner,
        operator_id: Callable[[], str | None],
        show_info: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Queues"), parent)
        self.setObjectName("queuePanel")
        self.session = session
        self.tasks = tasks
        self._operator_id = operator_id
        self._show_info = show_info
        self._queues: list[QueueStatus] = []
        self.table = QTableWidget(0, len(QueueColumn))
        self.table.setObjectName("queueTable")
        self.table.setAccessibleName(self.tr("Queues"))
        self.table.setTabKeyNavigation(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setShowGrid(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 4)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Queue"),
                self.tr("Waiting"),
                self.tr("Longest"),
                self.tr("Call-backs"),
                self.tr("Logged in"),
                self.tr("Free"),
                self.tr("Me"),
            ]
        )
        header = self.table.horizontalHeader()
        # The queue's name in full; the counts as narrow as their headers; "Me" takes the rest.
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(QueueColumn.ME, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_button)
        self.login_button = QPushButton(self.tr("&Queue: log in"))
        self.login_button.setObjectName("queueLoginButton")
        self.login_button.clicked.connect(self.toggle_login)
        self.take_button = QPushButton(self.tr("Take ne&xt"))
        self.take_button.setObjectName("takeNextButton")
        self.take_button.setToolTip(
            self.tr("Pick up the call that has waited longest in the selected queue")
        )
        self.take_button.clicked.connect(self._take_next)
        buttons = QVBoxLayout()
        buttons.addWidget(self.take_button)
        buttons.addWidget(self.login_button)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._tick)
        self.refresh()

    # -- showing -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Show the queues as the session knows them now; the selected queue stays selected."""
        selected = self.selected_queue()
        self._queues = sorted(self.session.queues(), key=lambda queue: queue.name.casefold())
        me = self._operator_id()
        calls = list(self.session.colleagues.active_calls())
        self.table.setRowCount(len(self._queues))
        for row, queue in enumerate(self._queues):
            values = {
                QueueColumn.QUEUE: queue.name,
                QueueColumn.WAITING: str(len(queue.waiting)),
                QueueColumn.LONGEST: self._longest(queue),
                QueueColumn.CALLBACKS: str(queue.callbacks_waiting()),
                QueueColumn.LOGGED_IN: str(len(queue.logged_in())),
                QueueColumn.FREE: str(len(queue.free_agents(calls))),
                QueueColumn.ME: self._mine(queue, me),
            }
            for column, text in values.items():
                item = self.table.item(row, column)
                if item is None:
                    item = QTableWidgetItem()
                    self.table.setItem(row, column, item)
                item.setText(text)
                if column is not QueueColumn.QUEUE:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            if queue.name == selected:
                self.table.selectRow(row)
        if any(queue.waiting for queue in self._queues):
            self._timer.start()
        else:
            self._timer.stop()
        self._update_button()

    def _longest(self, queue: QueueStatus) -> str:
        since = queue.longest_waiting_since()
        return format_duration(max(0.0, self.session.now() - since)) if since is not None else ""

    def _mine(self, queue: QueueStatus, me: str | None) -> str:
        agent = next((a for a in queue.agents if a.user_id == me), None)
        if agent is None:
            return ""
        return self.tr("logged in") if agent.logged_in else self.tr("logged out")

    def _tick(self) -> None:
        for row, queue in enumerate(self._queues):
            item = self.table.item(row, QueueColumn.LONGEST)
            if item is not None:
                item.setText(self._longest(queue))

    def stop(self) -> None:
        self._timer.stop()

    # -- my login ----------------------------------------------------------------------------

    def _selected(self) -> QueueStatus | None:
        """The selected row's queue (rows are the queues in `_queues`' order)."""
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or rows[0].row() >= len(self._queues):
            return None
        return self._queues[rows[0].row()]

    def selected_queue(self) -> str | None:
        queue = self._selected()
        return queue.name if queue is not None else None

    def _my_agent_state(self) -> bool | None:
        """Whether I am logged in to the selected queue; None when I am not its agent."""
        queue, me = self._selected(), self._operator_id()
        agent = next((a for a in queue.agents if a.user_id == me), None) if queue else None
        return agent.logged_in if agent is not None else None

    def _take_next(self) -> None:
        queue = self._selected()
        if queue is not None and queue.waiting:
            self.take_next_requested.emit(queue.name, queue.waiting[0].call_id)

    def _update_button(self) -> None:
        queue = self._selected()
        self.take_button.setEnabled(queue is not None and bool(queue.waiting))
        state = self._my_agent_state()
        self.login_button.setEnabled(state is not None)
        self.login_button.setText(
            self.tr("&Queue: log out") if state else self.tr("&Queue: log in")
        )
        self.login_button.setToolTip(
            self.tr("Log me in to the selected queue, or out of it: its calls ring at me or not")
            if state is not None
            else self.tr("Select a queue I am an agent of")
        )

    def toggle_login(self) -> None:
        name, me, state = self.selected_queue(), self._operator_id(), self._my_agent_state()
        if name is None or me is None or state is None:
            return
        wanted = not state
        said = (
            self.tr("Logged in to {queue}.") if wanted else self.tr("Logged out of {queue}.")
        ).format(queue=name)
        self.tasks.run(
            self.session.set_queue_login(me, name, wanted),
            key=f"queue:{name}",
            on_success=lambda _r: self._show_info(said),
        )
