"""How the switchboard window shares the screen, and keeping that between runs.

The colleague grid gets the height: above it only compact panels, below it a row at a set height
(`Splitters.below`) with the call panel, where the queue panel goes beside it; the wrap-up panel
docks at the side, taking width rather than height. A first start fills the primary screen's free
area (its available geometry, less a title bar); later the window opens as the operator left it
(`saved_layout.py`), moved onto the primary screen when the screen it was on is gone. It is saved
when the window closes and when the app quits.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from enum import IntEnum
from pathlib import Path
from typing import Final

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QGroupBox,
    QHeaderView,
    QLayout,
    QMainWindow,
    QSplitter,
    QTableView,
    QWidget,
)

from ...settings.paths import AppPaths
from ..calls import CallColumn
from ..colleagues import ColleagueColumn
from .saved_layout import (
    ASCENDING,
    DESCENDING,
    LAYOUT_FILE_NAME,
    SavedLayout,
    TableLayout,
    WindowPlace,
    read_layout,
)

__all__ = [
    "Splitters",
    "WindowLayout",
    "compact",
    "first_place",
    "layout_file",
    "place_on_screens",
]

log = logging.getLogger(__name__)

# The frame around the window's client area, which Qt places: a Windows 10/11 title bar at 100 %
# and a visible border of a pixel.
TITLE_BAR: Final = 31
BORDER: Final = 1
WIDEST_FIRST: Final = 1600  # a first start on a wide screen leaves room beside the window
CALL_ROWS: Final = 4  # calls the call panel shows on a first start without scrolling
PANEL_MARGINS: Final = (6, 0, 6, 2)  # left, top, right, bottom inside a framed panel
PANEL_SPACING: Final = 3


def layout_file(paths: AppPaths | None) -> Path | None:
    """Where the layout is kept; None for a session without its own folders (the tests)."""
    return paths.config_dir / LAYOUT_FILE_NAME if paths is not None else None


def available_screens() -> list[QRect]:
    """Each screen's free area (less task bars and docks), the primary screen's first."""
    primary = QGuiApplication.primaryScreen()
    if primary is None:
        return []
    others = [s for s in QGuiApplication.screens() if s is not primary]
    return [screen.availableGeometry() for screen in (primary, *others)]


def first_place(available: QRect, minimum: QSize) -> QRect:
    """The client area on a first start: the screen's free area less the frame (no wider than
    `WIDEST_FIRST`, centred), never below the window's minimum size."""
    width = max(minimum.width(), min(available.width() - 2 * BORDER, WIDEST_FIRST))
    height = max(minimum.height(), available.height() - TITLE_BAR - BORDER)
    x = available.x() + max(0, (available.width() - width) // 2)
    return QRect(x, available.y() + TITLE_BAR, width, height)


def place_on_screens(saved: QRect, screens: Sequence[QRect], minimum: QSize) -> QRect:
    """The saved client area on the screen its title bar is on, shrunk to fit and moved inside;
    a window whose title bar is on no screen (that screen is gone) goes to the primary screen,
    the first of `screens`."""
    title_bar = QPoint(saved.center().x(), saved.top() - TITLE_BAR // 2)
    screen = next((s for s in screens if s.contains(title_bar)), None)
    if screen is None:
        first = first_place(screens[0], minimum)
        size = saved.size().boundedTo(first.size()).expandedTo(minimum)
        x = first.x() + (first.width() - size.width()) // 2
        return QRect(QPoint(max(first.x(), x), first.y()), size)
    room = screen.adjusted(BORDER, TITLE_BAR, -BORDER, -BORDER)
    size = saved.size().boundedTo(room.size()).expandedTo(minimum)
    x = max(room.left(), min(saved.x(), room.right() + 1 - size.width()))
    y = max(room.top(), min(saved.y(), room.bottom() + 1 - size.height()))
    return QRect(QPoint(x, y), size)


def compact(*panels: QGroupBox) -> None:
    """Framed panels with narrow margins: the height they give up goes to the colleague grid."""
    for panel in panels:
        layout = panel.layout()
        if isinstance(layout, QLayout):
            layout.setContentsMargins(*PANEL_MARGINS)
            layout.setSpacing(PANEL_SPACING)


class Splitters:
    """The colleague grid above, with the stretch; below it a row of panels side by side at a
    set height: the call panel, and later the queue panel (`add_below`). Parts go by
    name, so a saved layout fits a window with more or fewer of them."""

    def __init__(self, colleagues: QWidget, calls: QGroupBox, call_view: QTableView) -> None:
        self.main = QSplitter(Qt.Orientation.Vertical)
        self.main.setObjectName("mainSplitter")
        self.below = QSplitter(Qt.Orientation.Horizontal)
        self.below.setObjectName("belowSplitter")
        self.parts: dict[str, dict[str, QWidget]] = {
            "main": {"colleagues": colleagues, "below": self.below},
            "below": {},
        }
        for splitter in (self.main, self.below):
            splitter.setChildrenCollapsible(False)
        self.main.addWidget(colleagues)
        self.main.addWidget(self.below)
        # The grid takes whatever height the window gains or loses; the row below keeps its own.
        self.main.setStretchFactor(0, 1)
        self.main.setStretchFactor(1, 0)
        self.add_below("calls", calls)
        self.main.setSizes([1000, _height_for_calls(calls, call_view, CALL_ROWS)])

    def add_below(self, name: str, panel: QWidget, stretch: int = 1) -> None:
        """Put a panel in the row below the grid, right of the ones already there."""
        self.below.addWidget(panel)
        self.below.setStretchFactor(self.below.count() - 1, stretch)
        self.parts["below"][name] = panel

    def sizes(self) -> dict[str, dict[str, int]]:
        splitters = {"main": self.main, "below": self.below}
        return {
            name: dict(zip(self.parts[name], splitters[name].sizes(), strict=True))
            for name in splitters
        }

    def restore(self, saved: Mapping[str, Mapping[str, int]], highest: int) -> None:
        """The saved height of the row below the grid, at most `highest` (the grid takes the
        rest), and the saved widths in that row when it holds the same panels."""
        below_height = saved.get("main", {}).get("below")
        if below_height:
            lowest = self.below.minimumSizeHint().height()
            self.main.setSizes([1000, max(lowest, min(below_height, highest))])
        widths = saved.get("below", {})
        names = list(self.parts["below"])
        if len(names) > 1 and set(widths) == set(names):
            self.below.setSizes([widths[name] for name in names])


def _height_for_calls(panel: QGroupBox, view: QTableView, rows: int) -> int:
    """The call panel's height that shows `rows` calls under the column headers."""
    chrome = panel.sizeHint().height() - view.sizeHint().height()  # title and margins
    header = view.horizontalHeader().sizeHint().height()
    return (
        chrome
        + header
        + rows * view.verticalHeader().defaultSectionSize()
        + 2 * (view.frameWidth())
    )


# -- the tables ------------------------------------------------------------------------------------


def _name(column: IntEnum) -> str:
    return column.name.lower()


def table_layout(view: QTableView, columns: type[IntEnum]) -> TableLayout:
    """The widths the operator can change, the order and the sort of a table's columns."""
    header = view.horizontalHeader()
    known = [column for column in columns if column < header.count()]
    widths = {
        _name(column): header.sectionSize(column)
        for column in known
        if header.sectionResizeMode(column) is QHeaderView.ResizeMode.Interactive
    }
    order: tuple[str, ...] = ()
    if header.sectionsMovable():
        by_index = {int(column): _name(column) for column in known}
        order = tuple(
            by_index[header.logicalIndex(visual)]
            for visual in range(header.count())
            if header.logicalIndex(visual) in by_index
        )
    sort = None
    section = header.sortIndicatorSection()
    if view.isSortingEnabled() and section in {int(column) for column in known}:
        ascending = header.sortIndicatorOrder() is Qt.SortOrder.AscendingOrder
        sort = (_name(columns(section)), ASCENDING if ascending else DESCENDING)
    return TableLayout(widths=widths, order=order, sort=sort)


def restore_table(view: QTableView, columns: type[IntEnum], saved: TableLayout) -> None:
    """Apply what fits of a saved table layout: columns unknown to this version are skipped."""
    header = view.horizontalHeader()
    by_name = {_name(column): int(column) for column in columns if column < header.count()}
    for name, width in saved.widths.items():
        column = by_name.get(name)
        if (
            column is not None
            and header.sectionResizeMode(column) is QHeaderView.ResizeMode.Interactive
        ):
            header.resizeSection(column, max(width, header.minimumSectionSize()))
    if header.sectionsMovable():
        wanted = [by_name[name] for name in dict.fromkeys(saved.order) if name in by_name]
        for visual, column in enumerate(wanted):
            header.moveSection(header.visualIndex(column), visual)
    if saved.sort is not None and view.isSortingEnabled():
        name, order = saved.sort
        if name in by_name:
            view.sortByColumn(
                by_name[name],
                Qt.SortOrder.AscendingOrder if order == ASCENDING else Qt.SortOrder.DescendingOrder,
            )


# -- the window ------------------------------------------------------------------------------------


class WindowLayout:
    """Opens the window as the operator left it, or fitted to the primary screen on a first
    start (`restore`), and keeps it for the next start (`save`)."""

    def __init__(
        self,
        window: QMainWindow,
        splitters: Splitters,
        colleagues: QTableView,
        calls: QTableView,
        file: Path | None,
        screens: Callable[[], list[QRect]] | None = None,
    ) -> None:
        """`screens` gives each screen's free area, the primary's first (`available_screens`)."""
        self.window = window
        self.splitters = splitters
        self.file = file
        self.screens = screens
        self.tables: dict[str, tuple[QTableView, type[IntEnum]]] = {
            "colleagues": (colleagues, ColleagueColumn),
            "calls": (calls, CallColumn),
        }
        # The operator may drag the grid's columns into their own order, which is kept.
        colleagues.horizontalHeader().setSectionsMovable(True)

    def restore(self) -> None:
        """Before the window is shown: the saved layout, or the first start's."""
        saved = read_layout(self.file) if self.file is not None else None
        screens = self.screens() if self.screens is not None else available_screens()
        minimum = self.window.minimumSize()
        if saved is None or saved.window is None:
            if screens:
                self.window.setGeometry(first_place(screens[0], minimum))
        else:
            place = saved.window
            rect = QRect(place.x, place.y, place.width, place.height)
            self.window.setGeometry(place_on_screens(rect, screens, minimum) if screens else rect)
            if place.maximized:
                self.window.setWindowState(
                    self.window.windowState() | Qt.WindowState.WindowMaximized
                )
        if saved is None:
            return
        # A row below saved on a taller screen takes a third of the window at most: the grid
        # keeps the most of it.
        self.splitters.restore(saved.splitters, highest=self.window.height() // 3)
        for name, (view, columns) in self.tables.items():
            table = saved.tables.get(name)
            if table is not None:
                restore_table(view, columns, table)

    def current(self) -> SavedLayout:
        """The layout as it is now."""
        window = self.window
        maximized = window.isMaximized() or window.isFullScreen()
        rect = window.normalGeometry() if maximized else window.geometry()
        place = (
            None
            if rect.isEmpty()
            else WindowPlace(rect.x(), rect.y(), rect.width(), rect.height(), maximized)
        )
        return SavedLayout(
            window=place,
            splitters=self.splitters.sizes(),
            tables={
                name: table_layout(view, columns) for name, (view, columns) in self.tables.items()
            },
        )

    def save(self) -> None:
        """Keep the layout for the next start; a failure is logged, never in the way of closing."""
        if self.file is None:
            return
        try:
            self.current().write(self.file)
        except OSError as error:
            log.warning("The window layout could not be saved to %s: %s", self.file, error)
