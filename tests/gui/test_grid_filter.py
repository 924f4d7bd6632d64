"""Type-to-filter over the colleague table: as the operator types on, only the rows shown so far
are searched again; the current colleague stays current; the view follows the rows shown."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QTableView
from pytestqt.qtbot import QtBot

from konnekta_desktop.core.model import LiveModel
from konnekta_desktop.domain import ForwardingUpdate
from konnekta_desktop.domain.numbers import NumberPlan
from konnekta_desktop.domain.states import ShownState
from konnekta_desktop.ui.colleague_filter import ColleagueFilterProxy
from konnekta_desktop.ui.colleagues import USER_ID_ROLE, ColleagueColumn, ColleagueTableModel
from tests.gui.gui_helpers import CountingPresence, numbered_colleagues


class Grid:
    """The table, the proxy and a real view over them, with a record of each search's scope."""

    def __init__(self, model: LiveModel, qtbot: QtBot) -> None:
        self.model = model
        self.table = ColleagueTableModel(model, NumberPlan(), CountingPresence())
        self.searched: list[list[int] | None] = []
        rows_matching = self.table.rows_matching

        def recorded(words: tuple[str, ...], among: Iterable[int] | None = None) -> list[int]:
            self.searched.append(None if among is None else list(among))
            return rows_matching(words, among)

        self.table.rows_matching = recorded  # type: ignore[method-assign]
        self.proxy = ColleagueFilterProxy()
        self.proxy.setSourceModel(self.table)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.resize(800, 400)
        qtbot.addWidget(self.view)
        self.view.show()

    def shown(self) -> list[str]:
        return [self.proxy.index(row, 0).data(USER_ID_ROLE) for row in range(self.proxy.rowCount())]

    def select(self, user_id: str) -> None:
        row = self.shown().index(user_id)
        self.view.selectionModel().setCurrentIndex(
            self.proxy.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )

    def current(self) -> str | None:
        index = self.view.currentIndex()
        return index.data(USER_ID_ROLE) if index.isValid() else None

    def selected(self) -> list[str]:
        return [index.data(USER_ID_ROLE) for index in self.view.selectionModel().selectedRows()]


@pytest.fixture
def grid(qapp: object, qtbot: QtBot) -> Iterator[Grid]:
    grid = Grid(numbered_colleagues(400), qtbot)
    yield grid
    grid.view.setModel(None)


def expected(grid: Grid, text: str) -> list[str]:
    words = text.casefold().split()
    return [
        colleague.id
        for colleague in grid.model
        if all(
            word in f"{colleague.user.name} {colleague.user.department}".casefold()
            for word in words
        )
        or all(word in colleague.user.lines[0].number for word in words)
    ]


def test_typing_on_searches_only_the_rows_shown_so_far(grid: Grid) -> None:
    grid.proxy.set_filter("person 01")
    assert grid.searched[-1] is None  # a new filter: every row
    shown_before = list(range(grid.proxy.rowCount()))
    table_rows = [grid.proxy.mapToSource(grid.proxy.index(r, 0)).row() for r in shown_before]

    grid.proxy.set_filter("person 012")
    assert grid.searched[-1] == table_rows
    assert grid.shown() == expected(grid, "person 012")

    grid.proxy.set_filter("person 012 team")
    assert grid.shown() == expected(grid, "person 012 team")
    assert grid.searched[-1] is not None


def test_a_filter_that_is_no_longer_narrower_searches_every_row_again(grid: Grid) -> None:
    grid.proxy.set_filter("person 012")
    grid.proxy.set_filter("person 01")  # backspace
    assert grid.searched[-1] is None
    assert grid.shown() == expected(grid, "person 01")
    grid.proxy.set_filter("team03x")  # another word altogether
    assert grid.searched[-1] is None
    assert grid.shown() == expected(grid, "team03x")
    grid.proxy.set_filter("")
    assert grid.proxy.rowCount() == len(grid.model)


def test_a_new_forwarding_number_brings_a_colleague_into_the_filtered_rows_and_out(
    grid: Grid,
) -> None:
    grid.proxy.set_filter("8765")
    assert grid.shown() == []
    grid.model.apply(ForwardingUpdate(user_id="u00123", number="+4587654321"))
    change = grid.model.flush()
    assert change is not None
    grid.table.apply_change(change)
    assert grid.shown() == ["u00123"]

    # Typing on narrows from the rows shown, which now include the new match.
    grid.proxy.set_filter("87654")
    assert grid.searched[-1] is not None
    assert grid.shown() == ["u00123"]

    grid.model.apply(ForwardingUpdate(user_id="u00123", number=None))
    change = grid.model.flush()
    assert change is not None
    grid.table.apply_change(change)
    assert grid.shown() == []


def test_the_current_colleague_stays_current_while_still_shown(grid: Grid) -> None:
    grid.select("u00123")
    grid.proxy.set_filter("person 0012")
    assert grid.current() == "u00123"
    assert grid.selected() == ["u00123"]
    assert grid.view.currentIndex().row() == grid.shown().index("u00123")

    grid.proxy.set_filter("person 00124")  # filtered out
    assert grid.current() is None
    assert grid.selected() == []


def test_the_view_follows_the_number_of_rows_shown(grid: Grid, qtbot: QtBot) -> None:
    grid.proxy.set_filter("team05x")
    qtbot.waitUntil(lambda: grid.view.verticalHeader().count() == grid.proxy.rowCount())
    assert grid.proxy.rowCount() == 10
    grid.view.setCurrentIndex(grid.proxy.index(0, 0))
    grid.view.setFocus()
    for _ in range(20):  # past the last row: stays on it
        qtbot.keyClick(grid.view, Qt.Key.Key_Down)
    assert grid.current() == grid.shown()[-1]
    qtbot.keyClick(grid.view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert grid.current() == grid.shown()[0]

    grid.proxy.set_filter("")
    qtbot.waitUntil(lambda: grid.view.verticalHeader().count() == len(grid.model))
    assert grid.current() == "u00005"  # still current as every row came back
    assert grid.view.indexAt(grid.view.visualRect(grid.view.currentIndex()).center()).isValid()


def test_sorting_while_filtered_keeps_the_filtered_colleagues_and_the_current_one(
    grid: Grid,
) -> None:
    grid.proxy.set_filter("team07x")
    before = set(grid.shown())
    grid.select("u00087")
    grid.view.sortByColumn(ColleagueColumn.NUMBER, Qt.SortOrder.DescendingOrder)
    assert grid.shown() == sorted(before, reverse=True)  # numbers follow the ids
    assert grid.current() == "u00087"
    grid.view.sortByColumn(ColleagueColumn.NAME, Qt.SortOrder.AscendingOrder)
    assert grid.shown() == sorted(before)
    assert grid.current() == "u00087"
    assert grid.selected() == ["u00087"]


class OutOfStep(CountingPresence):
    """One colleague's state was set here while disconnected, with synchronisation off."""

    def shown_state(self, user_id: str) -> ShownState:
        return ShownState("Lunch", True, out_of_step=user_id == "u00001")


def test_a_state_konnekta_does_not_have_is_marked_in_the_grid(qtbot: QtBot) -> None:
    """Synchronize on startup/reconnect, off: a state set here while disconnected is marked as
    not in Konnekta, in words and in its tooltip, until the next change."""
    table = ColleagueTableModel(numbered_colleagues(3), NumberPlan(), OutOfStep())
    rows = {table.index(r, 0).data(USER_ID_ROLE): r for r in range(table.rowCount())}

    marked = table.index(rows["u00001"], ColleagueColumn.STATE)
    plain = table.index(rows["u00002"], ColleagueColumn.STATE)

    assert marked.data() == "Lunch (not in Konnekta)"
    assert "synchronisation on reconnect is off" in marked.data(Qt.ItemDataRole.ToolTipRole)
    assert plain.data() == "Lunch"
