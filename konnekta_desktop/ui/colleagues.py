"""The colleague grid's item models: a table over the live model, and a type-to-filter proxy.

Built for 20,000 colleagues. Two caches per colleague, dropped when that colleague changes: cheap
keys (filter text, sort keys) for every row, and display strings (formatted numbers, state, status)
only for rows that are painted. Sorting is done here in Python on the cached keys, since Qt's proxy
would call back into Python for every comparison (seconds at this size); the proxy only filters.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from ..core.model import Colleague, LiveModel, ModelChange
from ..core.monitoring import PhoneStatus, monitoring_number, phone_status
from ..konnekta.models import LineType
from .bridge import PlanSource, PresenceLike, plan_reader
from .icons import availability_icon, phone_status_icon

__all__ = [
    "PHONE_STATUS_TEXT",
    "USER_ID_ROLE",
    "ColleagueColumn",
    "ColleagueFilterProxy",
    "ColleagueTableModel",
    "phone_status_text",
]

USER_ID_ROLE = Qt.ItemDataRole.UserRole + 1
PHONE_STATUS_ROLE = Qt.ItemDataRole.UserRole + 3

AnyIndex = QModelIndex | QPersistentModelIndex


class ColleagueColumn(IntEnum):
    NAME = 0
    STATE = 1
    PHONE = 2
    NUMBER = 3
    MOBILE = 4
    FORWARDING = 5
    DEPARTMENT = 6


_HEADERS = {
    ColleagueColumn.NAME: str(QT_TRANSLATE_NOOP("ColleagueTableModel", "Name")),
    ColleagueColumn.STATE: str(QT_TRANSLATE_NOOP("ColleagueTableModel", "State")),
    ColleagueColumn.PHONE: str(QT_TRANSLATE_NOOP("ColleagueTableModel", "Phone")),
    ColleagueColumn.NUMBER: str(QT_TRANSLATE_NOOP("ColleagueTableModel", "Number")),
    ColleagueColumn.MOBILE: str(QT_TRANSLATE_NOOP("ColleagueTableModel", "Mobile")),
    ColleagueColumn.FORWARDING: str(QT_TRANSLATE_NOOP("ColleagueTableModel", "Forwarded to")),
    ColleagueColumn.DEPARTMENT: str(QT_TRANSLATE_NOOP("ColleagueTableModel", "Department")),
}


def _status_text(label: object, tooltip: object) -> tuple[str, str]:
    """(label, tooltip), untranslated; QT_TRANSLATE_NOOP only marks them for lupdate."""
    return str(label), str(tooltip)


PHONE_STATUS_TEXT = {
    PhoneStatus.IDLE: _status_text(
        QT_TRANSLATE_NOOP("PhoneStatus", "Free"),
        QT_TRANSLATE_NOOP("PhoneStatus", "Free: no call in progress"),
    ),
    PhoneStatus.RINGING: _status_text(
        QT_TRANSLATE_NOOP("PhoneStatus", "Ringing"),
        QT_TRANSLATE_NOOP("PhoneStatus", "Ringing: a call is waiting to be answered"),
    ),
    PhoneStatus.BUSY: _status_text(
        QT_TRANSLATE_NOOP("PhoneStatus", "Busy"),
        QT_TRANSLATE_NOOP("PhoneStatus", "Busy: on a call"),
    ),
    PhoneStatus.ON_MOBILE: _status_text(
        QT_TRANSLATE_NOOP("PhoneStatus", "On mobile"),
        QT_TRANSLATE_NOOP("PhoneStatus", "On mobile: talking on the mobile phone"),
    ),
    PhoneStatus.NOT_MONITORED: _status_text(
        QT_TRANSLATE_NOOP("PhoneStatus", "No line"),
        QT_TRANSLATE_NOOP("PhoneStatus", "Not monitored: this user has no phone line in Konnekta"),
    ),
    PhoneStatus.FORWARDED: _status_text(
        QT_TRANSLATE_NOOP("PhoneStatus", "Forwarded"),
        QT_TRANSLATE_NOOP("PhoneStatus", "Forwarded: new calls go to the forwarding number"),
    ),
}

_STATUS_ORDER = {status: order for order, status in enumerate(PhoneStatus)}


def phone_status_text(status: PhoneStatus) -> tuple[str, str]:
    """(short label, tooltip) for a phone status, translated."""
    label, tooltip = PHONE_STATUS_TEXT[status]
    return (
        QCoreApplication.translate("PhoneStatus", label),
        QCoreApplication.translate("PhoneStatus", tooltip),
    )


@dataclass(slots=True)
class _Keys:
    """What filtering and sorting need; no number formatting, so every row can have one."""

    filter_text: str  # casefolded name and department, and each number's digits
    sort_keys: tuple[str | int, ...]


@dataclass(slots=True)
class _Row:
    """What the grid shows for one colleague, built when the row is first painted."""

    texts: tuple[str, ...]
    status: PhoneStatus
    available: bool
    state_tooltip: str


def _fixed_number(colleague: Colleague) -> str:
    for line in colleague.user.lines:
        if line.type is LineType.FIXED:
            return monitoring_number(line)
    return ""


def _mobile_number(colleague: Colleague) -> str:
    for line in colleague.user.lines:
        if line.type is LineType.MOBILE:
            return line.number
    return ""


def _runs(rows: list[int]) -> list[tuple[int, int]]:
    """Sorted row numbers as (first, last) runs of consecutive rows: one dataChanged per run."""
    runs: list[tuple[int, int]] = []
    for row in rows:
        if runs and row == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


class ColleagueTableModel(QAbstractTableModel):
    """One row per colleague, sorted by the chosen column; follows `ModelChange` batches.

    View rows map to the live model's rows through `_order`; the live model keeps its own order.
    """

    def __init__(
        self,
        model: LiveModel,
        plan: PlanSource,
        presence: PresenceLike,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._model = model
        self._plan = plan_reader(plan)
        self._presence = presence
        self._sort_column = ColleagueColumn.NAME
        self._descending = False
        self._rows: list[_Row | None] = []
        self._keys: list[_Keys | None] = []
        self._order: list[int] = []  # view row -> live model row
        self._view_row: list[int] = []  # live model row -> view row
        self._load()

    # -- following the core --------------------------------------------------------------------

    def apply_change(self, change: ModelChange) -> None:
        if change.reset or change.added or change.removed or len(self._model) != len(self._order):
            self.reset()
            return
        self.refresh_users(change.changed)

    def refresh_users(self, user_ids: set[str]) -> None:
        """Forget the cached rows of these users and tell the views, in as few signals as can be."""
        model_rows = [row for uid in user_ids if (row := self._model.row_of(uid)) is not None]
        if not model_rows:
            return
        for row in model_rows:
            self._rows[row] = None
            self._keys[row] = None
        if self._sort_column is not ColleagueColumn.NAME:
            # A changed state or phone status may move the row; names only change with a reset.
            self._resort()
        last_column = len(ColleagueColumn) - 1
        for first, last in _runs(sorted(self._view_row[row] for row in model_rows)):
            self.dataChanged.emit(self.index(first, 0), self.index(last, last_column))

    def reset(self) -> None:
        self.beginResetModel()
        self._load()
        self.endResetModel()

    def _load(self) -> None:
        count = len(self._model)
        self._rows = [None] * count
        self._keys = [None] * count
        self._order = self._sorted_order()
        self._view_row = self._inverse(self._order)

    # -- sorting ---------------------------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort_column = ColleagueColumn(column)
        self._descending = order is Qt.SortOrder.DescendingOrder
        self._resort()

    def _sorted_order(self) -> list[int]:
        rows = range(len(self._model))
        if self._sort_column is ColleagueColumn.NAME:
            order = list(rows)  # the live model keeps colleagues sorted by name
        else:
            column = self._sort_column
            order = sorted(rows, key=lambda row: (self._keys_of(row).sort_keys[column], row))
        if self._descending:
            order.reverse()
        return order

    @staticmethod
    def _inverse(order: list[int]) -> list[int]:
        inverse = [0] * len(order)
        for view_row, model_row in enumerate(order):
            inverse[model_row] = view_row
        return inverse

    def _resort(self) -> None:
        order = self._sorted_order()
        if order == self._order:
            return
        self.layoutAboutToBeChanged.emit()
        new_view_row = self._inverse(order)
        old = self.persistentIndexList()
        new = [self.index(new_view_row[self._order[index.row()]], index.column()) for index in old]
        self._order = order
        self._view_row = new_view_row
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    # -- reading -------------------------------------------------------------------------------

    def colleague_at(self, row: int) -> Colleague:
        return self._model.at(self._order[row])

    def filter_text(self, row: int) -> str:
        return self._keys_of(self._order[row]).filter_text

    def _keys_of(self, model_row: int) -> _Keys:
        cached = self._keys[model_row]
        if cached is None:
            cached = self._keys[model_row] = self._build_keys(self._model.at(model_row))
        return cached

    def _row(self, view_row: int) -> _Row:
        model_row = self._order[view_row]
        cached = self._rows[model_row]
        if cached is None:
            cached = self._rows[model_row] = self._build(self._model.at(model_row))
        return cached

    def _build_keys(self, colleague: Colleague) -> _Keys:
        shown = self._presence.shown_state(colleague.id)
        status = phone_status(colleague.user, colleague.calls.values(), colleague.diversion)
        numbers = [_fixed_number(colleague), _mobile_number(colleague), colleague.diversion or ""]
        digits = [_digits(number) for number in numbers]
        prefix = self._plan().international_prefix
        searchable = " ".join(
            (
                colleague.user.name,
                colleague.user.department,
                *digits,
                # Typed with the international prefix ("0045...") as well as with "+".
                *(prefix + d for n, d in zip(numbers, digits, strict=True) if n.startswith("+")),
            )
        )
        return _Keys(
            filter_text=searchable.casefold(),
            sort_keys=(
                colleague.user.name.casefold(),
                f"{0 if shown.available else 1}{shown.label.casefold()}",
                _STATUS_ORDER[status],
                digits[0],
                digits[1],
                digits[2],
                colleague.user.department.casefold(),
            ),
        )

    def _build(self, colleague: Colleague) -> _Row:
        plan = self._plan()
        shown = self._presence.shown_state(colleague.id)
        status = phone_status(colleague.user, colleague.calls.values(), colleague.diversion)
        number = _fixed_number(colleague)
        mobile = _mobile_number(colleague)
        forwarding = colleague.diversion or ""
        availability = (
            QCoreApplication.translate("ColleagueTableModel", "{state}: available in Konnekta")
            if shown.available
            else QCoreApplication.translate(
                "ColleagueTableModel", "{state}: unavailable in Konnekta"
            )
        ).format(state=shown.label)
        return _Row(
            texts=(
                colleague.user.name,
                shown.label,
                phone_status_text(status)[0],
                plan.display(number) if number else "",
                plan.display(mobile) if mobile else "",
                plan.display(forwarding) if forwarding else "",
                colleague.user.department,
            ),
            status=status,
            available=shown.available,
            state_tooltip=availability,
        )

    # -- Qt model API --------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._order)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(ColleagueColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(
                "ColleagueTableModel", _HEADERS[ColleagueColumn(section)]
            )
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._order):
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._row(index.row()).texts[column]
        if role == USER_ID_ROLE:
            return self.colleague_at(index.row()).id
        if role == Qt.ItemDataRole.DecorationRole:
            if column == ColleagueColumn.STATE:
                return availability_icon(self._row(index.row()).available)
            if column == ColleagueColumn.PHONE:
                return phone_status_icon(self._row(index.row()).status)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            row = self._row(index.row())
            if column == ColleagueColumn.PHONE:
                return phone_status_text(row.status)[1]
            if column == ColleagueColumn.STATE:
                return row.state_tooltip
            return None
        if role == PHONE_STATUS_ROLE:
            return self._row(index.row()).status
        if role == Qt.ItemDataRole.AccessibleTextRole:
            row = self._row(index.row())
            if column == ColleagueColumn.STATE:
                return row.state_tooltip
            if column == ColleagueColumn.PHONE:
                return phone_status_text(row.status)[1]
            return row.texts[column]
        return None


class ColleagueFilterProxy(QSortFilterProxyModel):
    """Keeps the rows whose name, number or department contain every word typed (so "anne
    salg" finds Anne in Salg; "33 12" finds 33 12 34 56). Sorting is passed to the table."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: tuple[str, ...] = ()
        self.setDynamicSortFilter(True)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if isinstance(source, ColleagueTableModel):
            source.sort(column, order)

    def set_filter(self, text: str) -> None:
        words = tuple(text.casefold().replace("+", " ").split())
        if words == self._words:
            return
        self.beginFilterChange()
        self._words = words
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    @property
    def words(self) -> tuple[str, ...]:
        return self._words

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        if not self._words:
            return True
        source = self.sourceModel()
        assert isinstance(source, ColleagueTableModel)
        text = source.filter_text(source_row)
        return all(word in text for word in self._words)
