"""The colleague grid's item models: a table over the live model, and a type-to-filter proxy.

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
from typing import overload

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QAbstractProxyModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from ..core.monitoring import PhoneStatus, phone_status
from ..domain.colleagues import Colleague, ModelChange, name_order
from ..domain.interface import Colleagues
from .bridge import PlanSource, ShownStates, plan_reader
from .colleague_search import (
    Searchable,
    digits,
    filter_words,
    fixed_number,
    last_word,
    mobile_number,
    narrows,
    ranking,
    searchable,
)
from .icons import availability_icon, phone_status_icon
from .rows import row_runs
from .state_names import shown_name

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
class _Row:
    """What the grid shows for one colleague, built when the row is first painted."""

    texts: tuple[str, ...]
    status: PhoneStatus
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
        status = phone_status(colleague.user, colleague.calls.values(), colleague.diversion)
        number = fixed_number(colleague)
        mobile = mobile_number(colleague)
        forwarding = colleague.diversion or ""
        availability = (
            QCoreApplication.translate("ColleagueTableModel", "{state}: available in Konnekta")
            if shown.available
            else QCoreApplication.translate(
                "ColleagueTableModel", "{state}: unavailable in Konnekta"
            )
        ).format(state=shown_name(shown.label))
        return _Row(
            texts=(
                colleague.user.name,
                shown_name(shown.label),
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
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            shown = self._row(row)
            if column == ColleagueColumn.PHONE:
                return phone_status_text(shown.status)[1]
            if column == ColleagueColumn.STATE:
                return shown.state_tooltip
            return None
        if role == PHONE_STATUS_ROLE:
            return self._row(row).status
        if role == Qt.ItemDataRole.AccessibleTextRole:
            shown = self._row(row)
            if column == ColleagueColumn.STATE:
                return shown.state_tooltip
            if column == ColleagueColumn.PHONE:
                return phone_status_text(shown.status)[1]
            return shown.texts[column]
        return None


_ROLES = frozenset(
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
_ITEM_FLAGS = (
    Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemNeverHasChildren
)


class ColleagueFilterProxy(QAbstractProxyModel):
    """Keeps the rows whose name, number or department contain every word typed (so "anne
    salg" finds Anne in Salg; "33 12" finds 33 12 34 56), best match first (see
    `colleague_search`); with nothing typed, every row in the table's order. Sorting is passed
    to the table.

    The rows shown are a list of the table's rows, found in one pass of the table's searchable
    texts. A new filter is one layout change: the current and selected colleague stay current
    and selected while they are still shown."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: tuple[str, ...] = ()
        self._table: ColleagueTableModel | None = None
        self._shown: list[int] = []  # proxy row -> table row
        # table row -> proxy row while a filter is on (without one, the two are the same)
        self._position: dict[int, int] | None = None
        # While the table changes its layout: each persistent index, and the table's index of it.
        self._moving: list[tuple[QModelIndex, QPersistentModelIndex]] = []

    def setSourceModel(self, source_model: QAbstractItemModel) -> None:
        if not isinstance(source_model, ColleagueTableModel):
            raise TypeError("ColleagueFilterProxy shows a ColleagueTableModel")
        self.beginResetModel()
        if self._table is not None:
            self._follow(self._table, connect=False)
        super().setSourceModel(source_model)
        self._table = source_model
        self._follow(source_model, connect=True)
        self._set_shown(self._matching())
        self.endResetModel()

    def _follow(self, table: ColleagueTableModel, *, connect: bool) -> None:
        pairs = (
            (table.modelAboutToBeReset, self.beginResetModel),
            (table.modelReset, self._table_reset),
            (table.layoutAboutToBeChanged, self._table_layout_about_to_change),
            (table.layoutChanged, self._table_layout_changed),
            (table.dataChanged, self._table_data_changed),
            (table.search_texts_changed, self._recheck),
        )
        for signal, slot in pairs:
            if connect:
                signal.connect(slot)
            else:
                signal.disconnect(slot)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if self._table is not None:
            self._table.sort(column, order)

    # -- filtering -------------------------------------------------------------------------------

    def set_filter(self, text: str) -> None:
        words = filter_words(text)
        if words == self._words or self._table is None:
            self._words = words
            return
        among = self._shown if narrows(self._words, words) else None
        self._words = words
        self._show(self._matching(among))

    @property
    def words(self) -> tuple[str, ...]:
        return self._words

    def _matching(self, among: Iterable[int] | None = None) -> list[int]:
        """The table rows that match the words, best first."""
        assert self._table is not None
        return self._table.ranked(self._words, self._table.rows_matching(self._words, among))

    def _set_shown(self, rows: list[int]) -> None:
        self._shown = rows
        self._position = {row: at for at, row in enumerate(rows)} if self._words else None

    def _show(self, rows: list[int]) -> None:
        """Show these table rows instead, as one layout change that keeps persistent indexes."""
        if rows == self._shown:
            return
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        table_rows = [self._shown[index.row()] for index in old]
        self._set_shown(rows)
        new = [
            self._index_of(row, index.column()) for row, index in zip(table_rows, old, strict=True)
        ]
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    def _recheck(self, table_rows: list[int]) -> None:
        """Rows whose searchable text changed come or go as they now match or not."""
        if not self._words or self._table is None:
            return
        matching = set(self._table.rows_matching(self._words, table_rows))
        if any((row in matching) != (self._proxy_row(row) is not None) for row in table_rows):
            self._show(self._matching())

    # -- following the table ---------------------------------------------------------------------

    def _table_reset(self) -> None:
        self._set_shown(self._matching())
        self.endResetModel()

    def _table_layout_about_to_change(self, *_args: object) -> None:
        self.layoutAboutToBeChanged.emit()
        self._moving = [
            (index, QPersistentModelIndex(self.mapToSource(index)))
            for index in self.persistentIndexList()
        ]

    def _table_layout_changed(self, *_args: object) -> None:
        # The table re-sorted: the same colleagues match, at new table rows.
        self._set_shown(self._matching())
        moving, self._moving = self._moving, []
        old = [index for index, _table_index in moving]
        new = [
            self._index_of(table_index.row(), table_index.column())
            if table_index.isValid()
            else QModelIndex()
            for _index, table_index in moving
        ]
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    def _table_data_changed(
        self, top_left: QModelIndex, bottom_right: QModelIndex, roles: Sequence[int] = ()
    ) -> None:
        first_column, last_column = top_left.column(), bottom_right.column()
        if self._position is None:
            runs = [(top_left.row(), min(bottom_right.row(), len(self._shown) - 1))]
        else:
            position = self._position
            changed = range(top_left.row(), bottom_right.row() + 1)
            runs = row_runs(sorted(position[row] for row in changed if row in position))
        for first, last in runs:
            if first <= last:
                self.dataChanged.emit(
                    self.index(first, first_column), self.index(last, last_column), list(roles)
                )

    def _proxy_row(self, table_row: int) -> int | None:
        if self._position is None:
            return table_row if 0 <= table_row < len(self._shown) else None
        return self._position.get(table_row)

    def _index_of(self, table_row: int, column: int) -> QModelIndex:
        row = self._proxy_row(table_row)
        return QModelIndex() if row is None else self.index(row, column)

    # -- Qt model API --------------------------------------------------------------------------

    def mapToSource(self, proxy_index: AnyIndex) -> QModelIndex:
        if self._table is None or not proxy_index.isValid():
            return QModelIndex()
        return self._table.index(self._shown[proxy_index.row()], proxy_index.column())

    def mapFromSource(self, source_index: AnyIndex) -> QModelIndex:
        if not source_index.isValid():
            return QModelIndex()
        return self._index_of(source_index.row(), source_index.column())

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if parent.isValid() or not (0 <= row < len(self._shown)):
            return QModelIndex()
        if not 0 <= column < len(ColleagueColumn):
            return QModelIndex()
        return self.createIndex(row, column)

    @overload
    def parent(self) -> QObject | None: ...
    @overload
    def parent(self, child: AnyIndex, /) -> QModelIndex: ...
    def parent(self, *args: AnyIndex) -> QObject | QModelIndex | None:
        if not args:
            return super().parent()  # QObject.parent()
        return QModelIndex()  # a flat table

    def sibling(self, row: int, column: int, idx: AnyIndex) -> QModelIndex:
        return self.index(row, column)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(ColleagueColumn)

    def hasChildren(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and bool(self._shown)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        return _ITEM_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if self._table is None or orientation is not Qt.Orientation.Horizontal:
            return None
        return self._table.headerData(section, orientation, role)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        # Painting a cell asks for seven roles; most are none of ours, answered here at once.
        if role not in _ROLES or self._table is None or not index.isValid():
            return None
        row = index.row()
        if row >= len(self._shown):
            return None
        return self._table.cell_data(self._shown[row], index.column(), role)
