"""Choices inside tables that a mouse wheel cannot change by accident, and tables tall enough to
read: one notch of the wheel over a mapping's choice changed the mapping without a word, and each
table showed about five rows."""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QComboBox, QTableWidget, QWidget

__all__ = ["ROWS_SHOWN", "guard_wheel", "show_rows"]

ROWS_SHOWN: Final = 10


class _WheelScrollsTheTable(QObject):
    """Over a choice without focus, the wheel scrolls what the choice sits in, as everywhere
    else in the table; a choice the operator clicked or tabbed into takes the wheel."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Wheel or not isinstance(watched, QComboBox):
            return False
        if watched.hasFocus():
            return False
        area: QWidget | None = watched.parentWidget()
        while area is not None and not isinstance(area, QAbstractScrollArea):
            area = area.parentWidget()
        if area is not None:
            QCoreApplication.sendEvent(area.viewport(), event)
        return True


_GUARD = _WheelScrollsTheTable()


def guard_wheel(combo: QComboBox) -> QComboBox:
    """Let the wheel change `combo` only once it has the focus (a click or Tab gives it)."""
    combo.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    combo.installEventFilter(_GUARD)
    return combo


def show_rows(table: QTableWidget, rows: int = ROWS_SHOWN) -> None:
    """Make `table` at least tall enough for `rows` rows under its header."""
    header = table.horizontalHeader().sizeHint().height()
    frame = 2 * table.frameWidth()
    table.setMinimumHeight(header + frame + rows * table.verticalHeader().defaultSectionSize())
