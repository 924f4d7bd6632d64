"""The colleague grid's type-to-filter proxy over `ColleagueTableModel`: ranked results.

Filtering is one pass over the table's searchable texts (see `colleague_search`), not Qt's own
proxy, which would call back into Python for every row and every comparison.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import overload

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractProxyModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from .colleague_search import filter_words, narrows
from .colleagues import CELL_ROLES, ColleagueColumn, ColleagueTableModel
from .rows import row_runs

__all__ = ["ColleagueFilterProxy"]

AnyIndex = QModelIndex | QPersistentModelIndex

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
        if role not in CELL_ROLES or self._table is None or not index.isValid():
            return None
        row = index.row()
        if row >= len(self._shown):
            return None
        return self._table.cell_data(self._shown[row], index.column(), role)
