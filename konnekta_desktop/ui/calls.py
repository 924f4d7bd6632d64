"""The call panel's item model: my calls and every queue call, one row per call (see
`call_choice.panel_calls`), durations ticking."""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QFont

from ..domain.interface import Colleagues
from ..domain.types import Call, CallState, Direction
from .bridge import PlanSource, plan_reader
from .call_choice import PanelCall, other_party, panel_calls
from .icons import callback_icon, direction_icon
from .rows import row_runs

__all__ = [
    "CALLBACK_TOOLTIP",
    "CALL_ID_ROLE",
    "CallColumn",
    "CallTableModel",
    "format_duration",
]

CALL_ID_ROLE = Qt.ItemDataRole.UserRole + 11
IS_CALLBACK_ROLE = Qt.ItemDataRole.UserRole + 12

AnyIndex = QModelIndex | QPersistentModelIndex

CALLBACK_TOOLTIP = str(
    QT_TRANSLATE_NOOP(
        "CallTableModel",
        "Call-back: the caller asked the queue to call back; the caller column shows the "
        "external number, the called column the queue.",
    )
)

# lupdate collects the literal calls of `translate(context, text)` and QT_TRANSLATE_NOOP.
translate = QCoreApplication.translate


class CallColumn(IntEnum):
    DIRECTION = 0
    CALLER = 1
    CALLED = 2
    QUEUE = 3
    WHO = 4
    DURATION = 5


_HEADERS = {
    CallColumn.DIRECTION: str(QT_TRANSLATE_NOOP("CallTableModel", "Direction")),
    CallColumn.CALLER: str(QT_TRANSLATE_NOOP("CallTableModel", "Caller")),
    CallColumn.CALLED: str(QT_TRANSLATE_NOOP("CallTableModel", "Called")),
    CallColumn.QUEUE: str(QT_TRANSLATE_NOOP("CallTableModel", "Queue")),
    CallColumn.WHO: str(QT_TRANSLATE_NOOP("CallTableModel", "Status")),
    CallColumn.DURATION: str(QT_TRANSLATE_NOOP("CallTableModel", "Duration")),
}


def format_duration(seconds: float) -> str:
    whole = max(0, int(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class CallTableModel(QAbstractTableModel):
    """My calls and the queue calls; rows are inserted and removed (not reset), so a selected
    call stays selected while others come and go."""

    def __init__(
        self,
        model: Colleagues,
        plan: PlanSource,
        operator_id: Callable[[], str | None],
        now: Callable[[], float],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._model = model
        self._plan = plan_reader(plan)
        self._operator_id = operator_id
        self._now = now
        self._rows: list[PanelCall] = []
        self._by_number: dict[str, str] | None = None  # see `_names`
        self._by_number_size = 0
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self.tick)
        self._timer.start()

    # -- following the core --------------------------------------------------------------------

    def refresh(self, *, repaint_all: bool = False) -> None:
        """Follow the calls in progress: calls that ended leave, new ones are added at the end,
        and rows whose call changed are repainted (all rows with `repaint_all`, for when names
        or the number format changed)."""
        if repaint_all:
            self._by_number = None
        fresh = panel_calls(self._model.active_calls(), self._operator_id())
        wanted = {panel.call_id: panel for panel in fresh}
        gone = [row for row, panel in enumerate(self._rows) if panel.call_id not in wanted]
        for first, last in reversed(row_runs(gone)):
            self.beginRemoveRows(QModelIndex(), first, last)
            del self._rows[first : last + 1]
            self.endRemoveRows()
        changed: list[int] = []
        for row, panel in enumerate(self._rows):
            now = wanted[panel.call_id]
            if repaint_all or now != panel:
                self._rows[row] = now
                changed.append(row)
        last_column = len(CallColumn) - 1
        for first, last in row_runs(changed):
            self.dataChanged.emit(self.index(first, 0), self.index(last, last_column))
        known = {panel.call_id for panel in self._rows}
        new = [panel for panel in fresh if panel.call_id not in known]
        if new:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
            self._rows.extend(new)
            self.endInsertRows()

    def stop(self) -> None:
        """No more ticking (the window is closing)."""
        self._timer.stop()

    def tick(self) -> None:
        """Durations move on once a second."""
        if self._rows:
            column = CallColumn.DURATION
            self.dataChanged.emit(
                self.index(0, column),
                self.index(len(self._rows) - 1, column),
                [Qt.ItemDataRole.DisplayRole],
            )

    # -- reading -------------------------------------------------------------------------------

    def call_at(self, row: int) -> PanelCall:
        return self._rows[row]

    def calls(self) -> list[PanelCall]:
        return list(self._rows)

    def row_of(self, call_id: str) -> int | None:
        for row, panel in enumerate(self._rows):
            if panel.call_id == call_id:
                return row
        return None

    def describe(self, panel: PanelCall) -> str:
        """The call in a few words, for tooltips and questions: "87 65 43 21 (Talking: Lone Skov)"."""
        return translate("CallTableModel", "{party} ({status})").format(
            party=self.party(panel), status=self._who(panel)
        )

    def party(self, panel: PanelCall) -> str:
        """The far end of the call as the operator reads it: a colleague by name, anyone else
        by number."""
        return self.number_or_name(other_party(panel.call))

    def number_or_name(self, number: str) -> str:
        name = self._names().get(number)
        return name if name is not None else self._plan().display(number)

    def _names(self) -> dict[str, str]:
        """Each colleague's numbers (lines and aliases) to their name; made again when the
        number of colleagues changes or the rows are all repainted (names may have changed)."""
        if self._by_number is None or self._by_number_size != len(self._model):
            found: dict[str, str] = {}
            for colleague in self._model:
                for line in colleague.user.lines:
                    for number in (line.number, *(alias.number for alias in line.aliases)):
                        found.setdefault(number, colleague.user.name)
            self._by_number, self._by_number_size = found, len(self._model)
        return self._by_number

    def name_of(self, user_id: str) -> str:
        colleague = self._model.get(user_id)
        return colleague.user.name if colleague else user_id

    def _who(self, panel: PanelCall) -> str:
        me = self._operator_id()
        answered = [leg for leg in panel.legs if leg.state is CallState.ANSWERED]
        mine = next((leg for leg in answered if leg.user_id == me), None)
        if mine is not None:
            if mine.held:
                return translate("CallTableModel", "On hold (me): {party}").format(
                    party=self.party(panel)
                )
            if mine.consultation_for is not None:
                return translate("CallTableModel", "Consulting (me): {party}").format(
                    party=self.party(panel)
                )
            return translate("CallTableModel", "Talking (me) with {party}").format(
                party=self.party(panel)
            )
        if answered:
            return translate("CallTableModel", "Talking: {name}").format(
                name=self._name(answered[0])
            )
        ringing_me = any(leg.user_id == me for leg in panel.legs)
        if panel.call.queue and len(panel.legs) > 1:
            # A queue call rings its free agents: say how many, and whether I am one of them.
            text = (
                translate("CallTableModel", "Ringing at {count} agents, me too")
                if ringing_me
                else translate("CallTableModel", "Ringing at {count} agents, not me")
            )
            return text.format(count=len(panel.legs))
        # Ringing: at the other people's phones (for my outgoing call, the person I call).
        others = [leg for leg in panel.legs if leg.user_id != me]
        if len(others) > 1:
            return translate("CallTableModel", "Ringing at {count} agents").format(
                count=len(others)
            )
        if others:
            return translate("CallTableModel", "Ringing: {name}").format(name=self._name(others[0]))
        return translate("CallTableModel", "Ringing (me)")

    def _name(self, leg: Call) -> str:
        return self.name_of(leg.user_id)

    def _direction(self, call: Call) -> str:
        # A call-back is an ordinary incoming external call, marked by its icon and tooltip.
        if call.direction is Direction.INBOUND:
            return translate("CallTableModel", "Incoming")
        return translate("CallTableModel", "Outgoing")

    def _text(self, panel: PanelCall, column: int) -> str:
        call = panel.call
        match column:
            case CallColumn.DIRECTION:
                return self._direction(call)
            case CallColumn.CALLER:
                return self.number_or_name(call.caller)
            case CallColumn.CALLED:
                return self.number_or_name(call.called)
            case CallColumn.QUEUE:
                return call.queue or ""
            case CallColumn.WHO:
                return self._who(panel)
            case CallColumn.DURATION:
                return format_duration(self._now() - call.started_at)
        return ""

    # -- Qt model API --------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(CallColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return translate("CallTableModel", _HEADERS[CallColumn(section)])
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        panel = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(panel, column)
        if role == CALL_ID_ROLE:
            return panel.call_id
        if role == IS_CALLBACK_ROLE:
            return panel.call.callback
        if role == Qt.ItemDataRole.DecorationRole and column == CallColumn.DIRECTION:
            if panel.call.callback:
                return callback_icon()
            return direction_icon(panel.call.direction is Direction.INBOUND)
        if role == Qt.ItemDataRole.ToolTipRole and panel.call.callback:
            return translate("CallTableModel", CALLBACK_TOOLTIP)
        if role == Qt.ItemDataRole.FontRole and panel.mine:
            font = QFont()
            font.setBold(True)
            return font
        return None
