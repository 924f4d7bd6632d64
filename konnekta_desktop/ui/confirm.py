"""Asking the operator before an action that touches someone else's call."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

__all__ = ["ask"]


def ask(
    parent: QWidget, title: str, question: str, yes: str, then: Callable[[], None]
) -> QMessageBox:
    """Show `question` without blocking: the `yes` button (Enter) runs `then`, Cancel (Esc)
    does nothing. The box deletes itself when answered."""
    box = QMessageBox(QMessageBox.Icon.Question, title, question, parent=parent)
    box.setObjectName("question")
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(yes_button)
    box.setEscapeButton(cancel)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    box.buttonClicked.connect(lambda button: then() if button == yes_button else None)
    box.open()
    return box
