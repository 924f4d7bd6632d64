"""The layout file on its own: what is written comes back, a file that is not a layout is ignored
with a log line, and a saved place is fitted onto the screens there are now."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSize

from konnekta_desktop.ui.switchboard.layout import BORDER, TITLE_BAR, place_on_screens
from konnekta_desktop.ui.switchboard.saved_layout import (
    SavedLayout,
    TableLayout,
    WindowPlace,
    read_layout,
)

MINIMUM = QSize(900, 560)
SCREEN = QRect(0, 0, 1366, 728)
RIGHT = QRect(1366, 0, 1920, 1040)


def test_a_written_layout_reads_back_the_same(tmp_path: Path) -> None:
    layout = SavedLayout(
        window=WindowPlace(x=-1800, y=40, width=1200, height=800, maximized=True),
        splitters={"main": {"colleagues": 500, "below": 160}, "below": {"calls": 1300}},
        tables={
            "colleagues": TableLayout(
                widths={"name": 250, "state": 180},
                order=("name", "department", "state"),
                sort=("state", "descending"),
            ),
            "calls": TableLayout(widths={"caller": 200}),
        },
    )
    file = tmp_path / "config" / "window-layout.json"
    layout.write(file)
    assert read_layout(file) == layout


def test_no_file_is_no_layout_and_no_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING):
        assert read_layout(tmp_path / "window-layout.json") is None
    assert caplog.records == []


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\xff\xfe not text",
        b'{"format": 1, "window": {"x": 1',  # cut off while written by hand
        b"[1, 2, 3]",
        b'{"format": 2}',  # a later version's
        b'{"window": {"x": 0, "y": 0, "width": 900, "height": 600}}',  # no format
        b'{"format": 1, "window": {"x": 0, "y": 0, "width": "wide", "height": 600}}',
        b'{"format": 1, "window": {"x": true, "y": 0, "width": 900, "height": 600}}',
        b'{"format": 1, "window": {"x": 0, "y": 0, "width": 900, "height": 600, "maximized": 1}}',
        b'{"format": 1, "splitters": {"main": {"below": -5}}}',
        b'{"format": 1, "tables": {"calls": {"widths": {"caller": 10000000}}}}',
        b'{"format": 1, "tables": {"colleagues": {"order": "name"}}}',
        b'{"format": 1, "tables": {"colleagues": {"sort": {"column": "name", "order": "up"}}}}',
    ],
)
def test_a_file_that_is_not_a_layout_is_ignored(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, content: bytes
) -> None:
    file = tmp_path / "window-layout.json"
    file.write_bytes(content)
    with caplog.at_level(logging.WARNING):
        assert read_layout(file) is None
    assert "is damaged" in caplog.text


def test_a_place_on_a_screen_stays_there() -> None:
    place = QRect(1500, 100, 1200, 800)
    assert place_on_screens(place, [SCREEN, RIGHT], MINIMUM) == place


def test_a_place_partly_off_its_screen_is_moved_inside_it() -> None:
    placed = place_on_screens(QRect(700, 200, 1000, 700), [SCREEN], MINIMUM)
    assert placed.size() == QSize(1000, SCREEN.height() - TITLE_BAR - BORDER)
    assert placed.right() == SCREEN.right() - BORDER
    assert placed.top() == TITLE_BAR


def test_a_place_larger_than_its_screen_is_shrunk_to_it() -> None:
    placed = place_on_screens(QRect(10, 40, 1900, 1000), [SCREEN, RIGHT], MINIMUM)
    assert SCREEN.adjusted(BORDER, TITLE_BAR, -BORDER, -BORDER).contains(placed)
    assert placed.size() == QSize(1366 - 2 * BORDER, 728 - TITLE_BAR - BORDER)


def test_a_place_on_a_screen_that_is_gone_goes_to_the_primary_screen() -> None:
    placed = place_on_screens(QRect(2000, 100, 1000, 640), [SCREEN], MINIMUM)
    assert SCREEN.contains(placed)
    assert placed.size() == QSize(1000, 640)
    assert placed.top() == TITLE_BAR


def test_a_title_bar_above_every_screen_goes_to_the_primary_screen() -> None:
    placed = place_on_screens(QRect(100, 5, 1000, 640), [SCREEN, RIGHT], MINIMUM)
    assert placed.top() == TITLE_BAR
