"""The window's layout: a first start fits the primary screen's free area and shows 20 colleagues
above the call panel at 1366x768 less a task bar; the window's place and size, the splitter and
the tables' columns are kept in the config folder when it closes and come back in the next
window; a damaged file is ignored and a window whose screen is gone opens on the primary one."""

from __future__ import annotations

import logging
import stat
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from pytestqt.qtbot import QtBot

from konnekta_desktop.core.session import Session
from konnekta_desktop.settings import AppPaths
from konnekta_desktop.ui.bridge import Bridge
from konnekta_desktop.ui.calls import CallColumn
from konnekta_desktop.ui.colleagues import ColleagueColumn
from konnekta_desktop.ui.switchboard import MainWindow
from konnekta_desktop.ui.switchboard import layout as window_layout
from konnekta_desktop.ui.switchboard.layout import BORDER, TITLE_BAR, first_place
from konnekta_desktop.ui.switchboard.saved_layout import LAYOUT_FILE_NAME
from tests.gui.conftest import delete_now
from tests.gui.gui_helpers import Runner

# 1366x768 less a Windows task bar of 40 px.
SMALL_SCREEN = QRect(0, 0, 1366, 728)
# A wide primary screen and a second one to its right.
PRIMARY = QRect(0, 0, 1920, 1040)
SECOND = QRect(1920, 0, 1280, 1024)


@pytest.fixture
def paths(session: Session, tmp_path: Path) -> AppPaths:
    """The session keeps its files in a folder of the test, as the app's does in the config
    folder."""
    paths = AppPaths.for_dir(tmp_path / "konnekta")
    paths.create()
    session.paths = paths
    return paths


@pytest.fixture
def two_screens(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(window_layout, "available_screens", lambda: [PRIMARY, SECOND])


@contextmanager
def opened(session: Session, qtbot: QtBot, run: Runner) -> Iterator[MainWindow]:
    bridge = Bridge(session)
    bridge.attach()
    window = MainWindow(session, bridge)  # deleted here, not left to qtbot
    window.show()
    laid_out(window, qtbot)
    try:
        yield window
    finally:
        run(window.tasks.cancel_all())
        bridge.detach()
        delete_now(window)


def laid_out(window: MainWindow, qtbot: QtBot) -> None:
    """Wait for the window's layout to follow its size: the status bar at its bottom edge."""
    qtbot.waitUntil(lambda: window.status_bar.geometry().bottom() == window.height() - 1)


def fits_with_title_bar(window: MainWindow, screen: QRect) -> bool:
    """The window fits `screen` with a Windows title bar and border around its client area.
    (Sizes only: the offscreen platform shifts a shown window by its own frame of 2 pixels.)"""
    return (
        window.width() + 2 * BORDER <= screen.width()
        and window.height() + TITLE_BAR + BORDER <= screen.height()
    )


def test_at_1366x768_less_a_task_bar_twenty_colleagues_show_above_the_call_panel(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.layout_keeper.screens = lambda: [SMALL_SCREEN]
    window.layout_keeper.restore()  # no saved layout: as on a first start
    laid_out(window, qtbot)
    grid, row_height = window.grid, window.grid.verticalHeader().defaultSectionSize()
    # The columns fit the width: no horizontal scroll bar takes a row's height.
    qtbot.waitUntil(lambda: not grid.horizontalScrollBar().isVisible())

    assert fits_with_title_bar(window, SMALL_SCREEN), window.geometry()
    assert grid.viewport().height() / row_height >= 20
    assert grid.rowAt(0) == 0
    assert grid.rowAt(20 * row_height - 1) == 19  # the 20th colleague is on screen
    calls = window.call_panel.view
    assert window.call_panel.isVisible()
    assert calls.viewport().height() >= 3 * calls.verticalHeader().defaultSectionSize()


def test_a_first_start_fills_the_primary_screens_free_area(
    paths: AppPaths, two_screens: None, session: Session, qtbot: QtBot, run: Runner
) -> None:
    with opened(session, qtbot, run) as window:
        assert window.geometry() == first_place(PRIMARY, window.minimumSize())
        assert fits_with_title_bar(window, PRIMARY)
        assert window.height() == PRIMARY.height() - TITLE_BAR - BORDER


def test_the_layout_is_kept_from_one_window_to_the_next(
    paths: AppPaths, two_screens: None, session: Session, qtbot: QtBot, run: Runner
) -> None:
    place = QRect(2000, 100, 1100, 700)  # on the second screen
    with opened(session, qtbot, run) as window:
        window.setGeometry(place)
        laid_out(window, qtbot)
        main = window.splitters.main
        main.setSizes([sum(main.sizes()) - 200, 200])
        grid = window.grid.horizontalHeader()
        grid.resizeSection(ColleagueColumn.NAME, 300)
        grid.moveSection(grid.visualIndex(ColleagueColumn.DEPARTMENT), 1)
        window.grid.sortByColumn(ColleagueColumn.STATE, Qt.SortOrder.DescendingOrder)
        window.call_panel.view.horizontalHeader().resizeSection(CallColumn.CALLER, 210)
        window.close()

    file = paths.config_dir / LAYOUT_FILE_NAME
    assert file.is_file()
    with opened(session, qtbot, run) as window:
        assert window.geometry() == place
        assert window.splitters.main.sizes()[1] == 200
        grid = window.grid.horizontalHeader()
        assert grid.sectionSize(ColleagueColumn.NAME) == 300
        assert grid.logicalIndex(1) == ColleagueColumn.DEPARTMENT
        assert grid.sortIndicatorSection() == ColleagueColumn.STATE
        assert grid.sortIndicatorOrder() is Qt.SortOrder.DescendingOrder
        calls = window.call_panel.view.horizontalHeader()
        assert calls.sectionSize(CallColumn.CALLER) == 210


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes; the profile's ACL on Windows")
def test_the_layout_file_is_owner_only(
    paths: AppPaths, two_screens: None, session: Session, qtbot: QtBot, run: Runner
) -> None:
    file = paths.config_dir / LAYOUT_FILE_NAME
    with opened(session, qtbot, run) as window:
        window.close()
    assert stat.S_IMODE(file.stat().st_mode) == 0o600
    assert [p.name for p in paths.config_dir.iterdir() if p.name.startswith(".")] == []


def test_a_damaged_layout_file_is_ignored(
    paths: AppPaths,
    two_screens: None,
    session: Session,
    qtbot: QtBot,
    run: Runner,
    caplog: pytest.LogCaptureFixture,
) -> None:
    file = paths.config_dir / LAYOUT_FILE_NAME
    file.write_text('{"format": 1, "window": {"x": "left"', encoding="utf-8")
    with caplog.at_level(logging.WARNING), opened(session, qtbot, run) as window:
        assert window.geometry() == first_place(PRIMARY, window.minimumSize())
        assert window.grid.horizontalHeader().sectionSize(ColleagueColumn.NAME) == 230
        window.close()
    assert "is damaged" in caplog.text
    assert file.read_text(encoding="utf-8").startswith('{\n "format": 1')  # saved anew


def test_a_window_whose_screen_is_gone_opens_on_the_primary_screen(
    paths: AppPaths, session: Session, qtbot: QtBot, run: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(window_layout, "available_screens", lambda: [PRIMARY, SECOND])
    with opened(session, qtbot, run) as window:
        window.setGeometry(QRect(2000, 100, 1100, 700))
        laid_out(window, qtbot)
        window.close()

    monkeypatch.setattr(window_layout, "available_screens", lambda: [PRIMARY])  # unplugged
    with opened(session, qtbot, run) as window:
        assert PRIMARY.contains(window.geometry()), window.geometry()
        assert window.geometry().y() >= PRIMARY.y() + TITLE_BAR  # its title bar on screen
        assert window.size().toTuple() == (1100, 700)


def test_a_maximized_window_comes_back_maximized_over_its_normal_place(
    paths: AppPaths, two_screens: None, session: Session, qtbot: QtBot, run: Runner
) -> None:
    place = QRect(200, 120, 1000, 640)
    with opened(session, qtbot, run) as window:
        window.setGeometry(place)
        laid_out(window, qtbot)
        window.showMaximized()
        qtbot.waitUntil(window.isMaximized)
        window.close()

    with opened(session, qtbot, run) as window:
        assert window.isMaximized()
        assert window.normalGeometry() == place


def test_a_call_row_saved_on_a_taller_screen_leaves_the_grid_the_most_room(
    paths: AppPaths, two_screens: None, session: Session, qtbot: QtBot, run: Runner
) -> None:
    file = paths.config_dir / LAYOUT_FILE_NAME
    file.write_text(
        '{"format": 1, "window": {"x": 100, "y": 100, "width": 1000, "height": 700},'
        ' "splitters": {"main": {"colleagues": 200, "below": 900}}}',
        encoding="utf-8",
    )
    with opened(session, qtbot, run) as window:
        colleagues, below = window.splitters.main.sizes()
        assert below <= 700 // 3
        assert colleagues > below
