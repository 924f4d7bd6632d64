"""The colleague grid's table model over the live model (its type-to-filter proxy is in
`colleague_filter`).

Built for 20,000 colleagues. The table keeps the searchable text of every row (built in one pass
after each load, kept current as rows change), sort keys only while sorting by a column other than
the name, and display strings only for rows that are painted. Sorting is done here in Python on
the cached keys, and filtering in one pass over the searchable texts: Qt's own proxy would call
back into Python for every row and every comparison.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import IntEnum

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from ..core.monitoring import PhoneStatus, mobile_busy, phone_status
from ..domain.colleagues import Colleague, ModelChange, name_order
from ..domain.interface import Colleagues
from .bridge import PlanSource, ShownStates, plan_reader
from .colleague_search import (
    Searchable,
    digits,
    fixed_number,
    last_word,
    mobile_number,
    ranking,
    searchable,
)
from .icons import availability_icon, phone_status_icon
from .rows import row_runs
from .state_names import shown_name

__all__ = [
    "CELL_ROLES",
    "MOBILE_BUSY_TEXT",
    "PHONE_STATUS_ROLE",
    "PHONE_STATUS_TEXT",
    "USER_ID_ROLE",
    "ColleagueColumn",
    "ColleagueTableModel",
    "phone_status_text",
]

USER_ID_ROLE = Qt.ItemDataRole.UserRole + 1
# The Phone column: the primary line's `PhoneStatus`; the Mobile column: the Mobile line's (BUSY or
# IDLE), or None when the colleague has no Mobile line.
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
        # Phone words, apart from the presence words ("Busy" is a state): docs/glossary.md.
        QT_TRANSLATE_NOOP("PhoneStatus", "On a call"),
        QT_TRANSLATE_NOOP("PhoneStatus", "On a call: the line is busy"),
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

# The Mobile column's tooltip while the Mobile line is busy (the user talks on the mobile device).
MOBILE_BUSY_TEXT = str(QT_TRANSLATE_NOOP("PhoneStatus", "On a call on the mobile phone"))

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
    """What the grid shows for one colleague, built when the row is first painted."""

    texts: tuple[str, ...]
    status: PhoneStatus  # the primary line's, in the Phone column
    mobile_status: PhoneStatus | None  # the Mobile line's: BUSY or IDLE; None without one
    available: bool
    state_tooltip: str


class ColleagueTableModel(QAbstractTableModel):
    """One row per colleague, sorted by the chosen column; follows `ModelChange` batches.

    View rows map to the live model's rows through `_order`; the live model keeps its own order.
    """

    # View rows whose searchable text changed (a new number or forwarding), before dataChanged.
    search_texts_changed = Signal(list)

    def __init__(
        self,
        model: Colleagues,
        plan: PlanSource,
        presence: ShownStates,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._model = model
        self._plan = plan_reader(plan)
        self._presence = presence
        self._sort_column = ColleagueColumn.NAME
        self._descending = False
        self._rows: list[_Row | None] = []  # by live model row
        self._search: list[Searchable] = []  # by live model row
        self._sort_keys: list[tuple[str | int, ...] | None] = []  # by live model row
        self._order: list[int] = []  # view row -> live model row
        self._view_row: list[int] = []  # live model row -> view row
        self._load()

    # -- following the core --------------------------------------------------------------------

    def apply_change(self, change: ModelChange) -> None:
        if change.reset or change.added or change.removed:
            self.reset()
            return
        self.refresh_users(change.changed)

    def refresh_users(self, user_ids: Iterable[str]) -> None:
        """Forget the cached rows of these users and tell the views about the rows they show."""
        if len(self._model) != len(self._order):
            self.reset()  # colleagues came or went: only a reset maps the rows afresh
            return
        model_rows = [row for uid in user_ids if (row := self._model.row_of(uid)) is not None]
        if not model_rows:
            return
        plan = self._plan()
        painted: list[int] = []
        new_search: list[int] = []
        for row in model_rows:
            # A view paints a row by asking for its data, which builds the cached row. A row
            # without one has not been painted since it last changed: no view shows it stale,
            # so it needs no dataChanged (at 1,000 events/s, most changed rows are off screen).
            if self._rows[row] is not None:
                self._rows[row] = None
                painted.append(row)
            self._sort_keys[row] = None
            found = searchable(self._model.at(row), plan)
            if found != self._search[row]:
                if found.text != self._search[row].text:
                    new_search.append(row)
                self._search[row] = found
        if self._sort_column is not ColleagueColumn.NAME:
            # A changed state or phone status may move the row; names only change with a reset.
            self._resort()
        if new_search:
            self.search_texts_changed.emit(sorted(self._view_row[row] for row in new_search))
        last_column = len(ColleagueColumn) - 1
        for first, last in row_runs(sorted(self._view_row[row] for row in painted)):
            self.dataChanged.emit(self.index(first, 0), self.index(last, last_column))

    def reset(self) -> None:
        self.beginResetModel()
        self._load()
        self.endResetModel()

    def _load(self) -> None:
        count = len(self._model)
        plan = self._plan()
        self._rows = [None] * count
        self._sort_keys = [None] * count
        self._search = [searchable(colleague, plan) for colleague in self._model]
        self._order = self._sorted_order()
        self._view_row = self._inverse(self._order)

    # -- filtering -------------------------------------------------------------------------------

    def rows_matching(self, words: Sequence[str], among: Iterable[int] | None = None) -> list[int]:
        """The view rows whose searchable text contains every word, in view order.

        `among` (view rows, in order) limits the search to rows already known to match part of
        the words: as the operator types on, only the rows shown so far are looked at again."""
        texts, order = self._search, self._order
        rows: Iterable[int] = range(len(order)) if among is None else among
        for word in words:
            rows = [row for row in rows if word in texts[order[row]].text]
        return list(rows)

    def ranked(self, words: Sequence[str], rows: Iterable[int]) -> list[int]:
        """These view rows, best match for `words` first (see `colleague_search`); without
        words, as they are. Within a tier, sorted by name: by the name's last word; sorted by
        another column: in that column's order, which the operator chose."""
        if not words:
            return list(rows)
        found, order = self._search, self._order
        tier = ranking(words)
        if self._sort_column is ColleagueColumn.NAME:
            return sorted(rows, key=lambda row: (tier(f := found[order[row]]), last_word(f), row))
        return sorted(rows, key=lambda row: (tier(found[order[row]]), row))

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
            order = sorted(rows, key=lambda row: (self._sort_keys_of(row)[column], row))
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

    def _sort_keys_of(self, model_row: int) -> tuple[str | int, ...]:
        cached = self._sort_keys[model_row]
        if cached is None:
            cached = self._sort_keys[model_row] = self._build_sort_keys(self._model.at(model_row))
        return cached

    def _build_sort_keys(self, colleague: Colleague) -> tuple[str | int, ...]:
        shown = self._presence.shown_state(colleague.id)
        status = phone_status(colleague.user, colleague.calls.values(), colleague.diversion)
        return (
            name_order(colleague.user.name),
            f"{0 if shown.available else 1}{shown_name(shown.label).casefold()}",
            _STATUS_ORDER[status],
            digits(fixed_number(colleague)),
            digits(mobile_number(colleague)),
            digits(colleague.diversion or ""),
            colleague.user.department.casefold(),
        )

    # -- reading -------------------------------------------------------------------------------

    def index_of(self, user_id: str) -> QModelIndex:
        """The index of a colleague's row (invalid when they are not in the model)."""
        row = self._model.row_of(user_id)
        return QModelIndex() if row is None else self.index(self._view_row[row], 0)

    def colleague_at(self, row: int) -> Colleague:
        return self._model.at(self._order[row])

    def _row(self, view_row: int) -> _Row:
        model_row = self._order[view_row]
        cached = self._rows[model_row]
        if cached is None:
            cached = self._rows[model_row] = self._build(self._model.at(model_row))
        return cached

    def _build(self, colleague: Colleague) -> _Row:
        plan = self._plan()
        shown = self._presence.shown_state(colleague.id)
        calls = colleague.calls.values()
        status = phone_status(colleague.user, calls, colleague.diversion)
        number = fixed_number(colleague)
        mobile = mobile_number(colleague)
        mobile_status = None
        if mobile:
            mobile_status = (
                PhoneStatus.BUSY if mobile_busy(colleague.user, calls) else PhoneStatus.IDLE
            )
        forwarding = colleague.diversion or ""
        availability = (
            QCoreApplication.translate("ColleagueTableModel", "{state}: available in Konnekta")
            if shown.available
            else QCoreApplication.translate(
                "ColleagueTableModel", "{state}: unavailable in Konnekta"
            )
        ).format(state=shown_name(shown.label))
        state = shown_name(shown.label)
        if shown.out_of_step:
            # Set here while disconnected, with synchronisation off: Konnekta never had it.
            state = QCoreApplication.translate(
                "ColleagueTableModel", "{state} (not in Konnekta)"
            ).format(state=state)
            availability = QCoreApplication.translate(
                "ColleagueTableModel",
                "{state}: set here while disconnected; Konnekta does not have it, since "
                "synchronisation on reconnect is off. It stays so until the next change.",
            ).format(state=shown_name(shown.label))
        return _Row(
            texts=(
                colleague.user.name,
                state,
                phone_status_text(status)[0],
                plan.display(number) if number else "",
                plan.display(mobile) if mobile else "",
                plan.display(forwarding) if forwarding else "",
                colleague.user.department,
            ),
            status=status,
            mobile_status=mobile_status,
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
    ) -> object:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(
                "ColleagueTableModel", _HEADERS[ColleagueColumn(section)]
            )
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self._order):
            return None
        return self.cell_data(index.row(), index.column(), role)

    def cell_data(self, row: int, column: int, role: int) -> object:
        """`data` for a view row and column (the proxy asks here without making an index)."""
        if role == Qt.ItemDataRole.DisplayRole:
            return self._row(row).texts[column]
        if role == USER_ID_ROLE:
            return self.colleague_at(row).id
        if role == Qt.ItemDataRole.DecorationRole:
            if column == ColleagueColumn.STATE:
                return availability_icon(self._row(row).available)
            if column == ColleagueColumn.PHONE:
                return phone_status_icon(self._row(row).status)
            if (
                column == ColleagueColumn.MOBILE
                and self._row(row).mobile_status is PhoneStatus.BUSY
            ):
                return phone_status_icon(PhoneStatus.BUSY)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            shown = self._row(row)
            if column == ColleagueColumn.PHONE:
                return phone_status_text(shown.status)[1]
            if column == ColleagueColumn.STATE:
                return shown.state_tooltip
            if column == ColleagueColumn.MOBILE and shown.mobile_status is PhoneStatus.BUSY:
                return QCoreApplication.translate("PhoneStatus", MOBILE_BUSY_TEXT)
            return None
        if role == PHONE_STATUS_ROLE:
            if column == ColleagueColumn.MOBILE:
                return self._row(row).mobile_status
            return self._row(row).status
        if role == Qt.ItemDataRole.AccessibleTextRole:
            shown = self._row(row)
            if column == ColleagueColumn.STATE:
                return shown.state_tooltip
            if column == ColleagueColumn.PHONE:
                return phone_status_text(shown.status)[1]
            if column == ColleagueColumn.MOBILE and shown.mobile_status is PhoneStatus.BUSY:
                return QCoreApplication.translate(
                    "ColleagueTableModel", "{number}, busy: talking on the mobile phone"
                ).format(number=shown.texts[column])
            return shown.texts[column]
        return None


CELL_ROLES = frozenset(
    int(role)
    for role in (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.AccessibleTextRole,
        USER_ID_ROLE,
        PHONE_STATUS_ROLE,
    )
)  # the roles `ColleagueTableModel.cell_data` answers
