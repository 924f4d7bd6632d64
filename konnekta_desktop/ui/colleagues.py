"""The colleague grid's item models: a table over the live model, and a type-to-filter sort proxy.

Display strings are computed once per row and cached until that row changes, so a grid of 20,000
colleagues scrolls, sorts and filters without recomputing numbers and states on every paint.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
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
from ..core.numbers import NumberPlan
from ..konnekta.models import LineType
from .bridge import PresenceLike
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
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
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
    ColleagueColumn.NAME: "Name",
    ColleagueColumn.STATE: "State",
    ColleagueColumn.PHONE: "Phone",
    ColleagueColumn.NUMBER: "Number",
    ColleagueColumn.MOBILE: "Mobile",
    ColleagueColumn.FORWARDING: "Forwarded to",
    ColleagueColumn.DEPARTMENT: "Department",
}

PHONE_STATUS_TEXT = {
    PhoneStatus.IDLE: ("Free", "Free: no call in progress"),
    PhoneStatus.RINGING: ("Ringing", "Ringing: a call is waiting to be answered"),
    PhoneStatus.BUSY: ("Busy", "Busy: on a call"),
    PhoneStatus.ON_MOBILE: ("On mobile", "On mobile: talking on the mobile phone"),
    PhoneStatus.NOT_MONITORED: (
        "No line",
        "Not monitored: this user has no phone line in Konnekta",
    ),
    PhoneStatus.FORWARDED: ("Forwarded", "Forwarded: new calls go to the forwarding number"),
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
class _Row:
    """Everything the grid shows for one colleague, computed once per change."""

    texts: tuple[str, ...]
    sort_keys: tuple[str | int, ...]
    status: PhoneStatus
    available: bool
    state_tooltip: str
    filter_text: str  # casefolded name, department, numbers as shown and as bare digits


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
    """One row per colleague in the live model's order; follows `ModelChange` batches."""

    def __init__(
        self,
        model: LiveModel,
        plan: NumberPlan,
        presence: PresenceLike,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._model = model
        self._plan = plan
        self._presence = presence
        self._rows: list[_Row | None] = [None] * len(model)
        self._row_count = len(model)

    # -- following the core --------------------------------------------------------------------

    def apply_change(self, change: ModelChange) -> None:
        if change.reset or change.added or change.removed or len(self._model) != self._row_count:
            self.reset()
            return
        self.refresh_users(change.changed)

    def refresh_users(self, user_ids: set[str]) -> None:
        """Forget the cached rows of these users and tell the views, in as few signals as can be."""
        rows = sorted(
            row for user_id in user_ids if (row := self._model.row_of(user_id)) is not None
        )
        if not rows:
            return
        last_column = len(ColleagueColumn) - 1
        for first, last in _runs(rows):
            for row in range(first, last + 1):
                self._rows[row] = None
            self.dataChanged.emit(self.index(first, 0), self.index(last, last_column))

    def reset(self) -> None:
        self.beginResetModel()
        self._row_count = len(self._model)
        self._rows = [None] * self._row_count
        self.endResetModel()

    # -- reading -------------------------------------------------------------------------------

    def colleague_at(self, row: int) -> Colleague:
        return self._model.at(row)

    def _row(self, row: int) -> _Row:
        cached = self._rows[row]
        if cached is None:
            cached = self._rows[row] = self._build(self._model.at(row))
        return cached

    def _build(self, colleague: Colleague) -> _Row:
        plan = self._plan
        shown = self._presence.shown_state(colleague.id)
        status = phone_status(colleague.user, colleague.calls.values(), colleague.diversion)
        number = _fixed_number(colleague)
        mobile = _mobile_number(colleague)
        forwarding = colleague.diversion or ""
        texts = (
            colleague.user.name,
            shown.label,
            phone_status_text(status)[0],
            plan.display(number) if number else "",
            plan.display(mobile) if mobile else "",
            plan.display(forwarding) if forwarding else "",
            colleague.user.department,
        )
        availability = QCoreApplication.translate(
            "ColleagueTableModel", "available" if shown.available else "unavailable"
        )
        numbers = " ".join(n for n in (number, mobile, forwarding) if n)
        filter_text = " ".join(
            (
                colleague.user.name,
                colleague.user.department,
                texts[3],
                texts[4],
                texts[5],
                numbers,
                _digits(numbers),
                _digits(texts[3] + " " + texts[4]),
            )
        ).casefold()
        return _Row(
            texts=texts,
            sort_keys=(
                texts[0].casefold(),
                f"{0 if shown.available else 1}{texts[1].casefold()}",
                _STATUS_ORDER[status],
                _digits(texts[3]),
                _digits(texts[4]),
                _digits(texts[5]),
                texts[6].casefold(),
            ),
            status=status,
            available=shown.available,
            state_tooltip=f"{shown.label} ({availability})",
            filter_text=filter_text,
        )

    def filter_text(self, row: int) -> str:
        return self._row(row).filter_text

    # -- Qt model API --------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else self._row_count

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
        if not index.isValid() or index.row() >= self._row_count:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._row(index.row()).texts[column]
        if role == SORT_ROLE:
            return self._row(index.row()).sort_keys[column]
        if role == USER_ID_ROLE:
            return self._model.at(index.row()).id
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
    """Sorts by cached keys and keeps the rows whose name, number or department match every word
    typed (so "anne salg" finds Anne in Salg; "3312" finds 33 12 34 56)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: tuple[str, ...] = ()
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def set_filter(self, text: str) -> None:
        words = tuple(text.casefold().split())
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
