"""The switchboard's layout as the operator left it, kept between runs in `window-layout.json`
in the config folder: the window's place and size, the splitters, and each table's column widths,
order and sort. Qt-free; `layout.py` reads it from the window and applies it.

The file is small JSON, owner-only and written whole (`private_files.write_atomically`):

    {"format": 1,
     "window": {"x": 1, "y": 31, "width": 1364, "height": 696, "maximized": false},
     "splitters": {"main": {"colleagues": 408, "below": 117}, "below": {"calls": 1352}},
     "tables": {"colleagues": {"widths": {"name": 230, ...}, "order": ["name", ...],
                               "sort": {"column": "name", "order": "ascending"}},
                "calls": {"widths": {"direction": 120, ...}}}}

Columns and splitter parts go by name, so a column or panel added later takes its default and one
that went is skipped. A file that is not such a layout (damaged, or of another format) is ignored
with a log line: the window opens as on a first start.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from ... import private_files

__all__ = ["LAYOUT_FILE_NAME", "SavedLayout", "TableLayout", "WindowPlace", "read_layout"]

log = logging.getLogger(__name__)

LAYOUT_FILE_NAME: Final = "window-layout.json"
FORMAT: Final = 1
ASCENDING: Final = "ascending"
DESCENDING: Final = "descending"
_LARGEST: Final = 100_000  # pixels; anything larger is not a window or column of this app


class DamagedLayout(ValueError):
    """The file is not a layout this version can use."""


@dataclass(frozen=True, slots=True)
class WindowPlace:
    """The window's client area when shown normally (not maximized), and whether it was."""

    x: int
    y: int
    width: int
    height: int
    maximized: bool = False


@dataclass(frozen=True, slots=True)
class TableLayout:
    widths: Mapping[str, int] = field(default_factory=dict)  # column name: width in pixels
    order: tuple[str, ...] = ()  # column names left to right; empty: as built
    sort: tuple[str, str] | None = None  # column name, ASCENDING or DESCENDING


@dataclass(frozen=True, slots=True)
class SavedLayout:
    window: WindowPlace | None = None
    splitters: Mapping[str, Mapping[str, int]] = field(default_factory=dict)  # part: size
    tables: Mapping[str, TableLayout] = field(default_factory=dict)

    def to_json(self) -> bytes:
        document: dict[str, object] = {"format": FORMAT}
        if self.window is not None:
            place = self.window
            document["window"] = {
                "x": place.x,
                "y": place.y,
                "width": place.width,
                "height": place.height,
                "maximized": place.maximized,
            }
        document["splitters"] = {name: dict(sizes) for name, sizes in self.splitters.items()}
        tables: dict[str, object] = {}
        for name, table in self.tables.items():
            entry: dict[str, object] = {"widths": dict(table.widths)}
            if table.order:
                entry["order"] = list(table.order)
            if table.sort is not None:
                entry["sort"] = {"column": table.sort[0], "order": table.sort[1]}
            tables[name] = entry
        document["tables"] = tables
        return (json.dumps(document, indent=1) + "\n").encode("utf-8")

    @classmethod
    def from_json(cls, content: bytes) -> SavedLayout:
        """The layout in `content`; raises `DamagedLayout` when it is not one."""
        try:
            document = json.loads(content.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise DamagedLayout(f"not JSON: {error}") from error
        document = _object(document, "the file")
        if document.get("format") != FORMAT:
            raise DamagedLayout(f"format {document.get('format')!r}, not {FORMAT}")
        window = None
        if "window" in document:
            place = _object(document["window"], "window")
            maximized = place.get("maximized", False)
            if not isinstance(maximized, bool):
                raise DamagedLayout("window.maximized is not true or false")
            window = WindowPlace(
                x=_pixels(place.get("x"), "window.x", signed=True),
                y=_pixels(place.get("y"), "window.y", signed=True),
                width=_pixels(place.get("width"), "window.width"),
                height=_pixels(place.get("height"), "window.height"),
                maximized=maximized,
            )
        splitters = {
            name: _sizes(sizes, f"splitters.{name}")
            for name, sizes in _object(document.get("splitters", {}), "splitters").items()
        }
        tables = {
            name: _table(table, f"tables.{name}")
            for name, table in _object(document.get("tables", {}), "tables").items()
        }
        return cls(window=window, splitters=splitters, tables=tables)

    def write(self, file: Path) -> None:
        """Replace `file` with this layout, owner-only; raises OSError."""
        private_files.make_folder(file.parent)
        private_files.write_atomically(file, self.to_json())


def read_layout(file: Path) -> SavedLayout | None:
    """The layout saved in `file`; None when there is none, or it cannot be used (logged)."""
    try:
        content = file.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        log.warning("The window layout in %s cannot be read (%s): using the default", file, error)
        return None
    try:
        return SavedLayout.from_json(content)
    except DamagedLayout as error:
        log.warning("The window layout in %s is damaged (%s): using the default", file, error)
        return None


def _object(value: object, where: str) -> dict[str, object]:
    if not isinstance(value, dict):
        raise DamagedLayout(f"{where} is not an object")
    return value


def _pixels(value: object, where: str, *, signed: bool = False) -> int:
    # bool is an int to Python, not to a reader of the file.
    if not isinstance(value, int) or isinstance(value, bool):
        raise DamagedLayout(f"{where} is not a whole number")
    if abs(value) > _LARGEST or (value < 0 and not signed):
        raise DamagedLayout(f"{where} is out of range: {value}")
    return value


def _sizes(value: object, where: str) -> dict[str, int]:
    return {name: _pixels(size, f"{where}.{name}") for name, size in _object(value, where).items()}


def _table(value: object, where: str) -> TableLayout:
    table = _object(value, where)
    order = table.get("order", [])
    if not isinstance(order, list) or not all(isinstance(name, str) for name in order):
        raise DamagedLayout(f"{where}.order is not a list of column names")
    sort = None
    if "sort" in table:
        sorting = _object(table["sort"], f"{where}.sort")
        column, direction = sorting.get("column"), sorting.get("order")
        if not isinstance(column, str) or direction not in (ASCENDING, DESCENDING):
            raise DamagedLayout(f"{where}.sort is not a column and an order")
        sort = (column, str(direction))
    return TableLayout(
        widths=_sizes(table.get("widths", {}), f"{where}.widths"),
        order=tuple(order),
        sort=sort,
    )
