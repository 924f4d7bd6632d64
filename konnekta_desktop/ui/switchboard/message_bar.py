"""The message bar: errors and notices at the top of the window, in plain words.

Every panel reports through it: `show_error` (also written to the log) and `show_info`. A notice
(a success) shows for a few seconds and clears itself; an error stays until the operator's next
action (`action_started`) or until closed (its close button, or Ctrl+E). The bar keeps its place
and height whether it shows something or not, so no message moves the controls under the
operator's pointer; a message longer than its two lines shows whole in its tooltip.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QToolButton, QWidget

log = logging.getLogger(__name__)

__all__ = ["INFO_SECONDS", "MessageBar"]

INFO_SECONDS = 5.0  # how long a notice (a success) shows before it clears itself


class MessageBar(QFrame):
    """Errors and notices at the top of the window, in plain words, until the operator closes it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.RichText)  # always: text is escaped below
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setAccessibleName(self.tr("Message"))
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.setToolTip(self.tr("Close this message (Ctrl+E)"))
        self.close_button.setAccessibleName(self.tr("Close the message"))
        self.close_button.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.kind = ""
        self.info_seconds = INFO_SECONDS
        self._clear_info = QTimer(self)
        self._clear_info.setSingleShot(True)
        self._clear_info.timeout.connect(self.dismiss)
        # Room for two lines, kept when hidden: showing a message never moves what is below.
        self.setFixedHeight(2 * self.label.fontMetrics().lineSpacing() + 12)
        policy = self.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        policy.setVerticalPolicy(QSizePolicy.Policy.Fixed)
        self.setSizePolicy(policy)
        self.hide()

    def show_message(self, text: str, kind: str = "error") -> None:
        self.kind = kind
        # Fixed mid-tone colours with dark text read the same in light and dark mode.
        colours = {"error": ("#ffe3e3", "#c92a2a"), "info": ("#e7f5ff", "#1c7ed6")}
        background, edge = colours.get(kind, colours["info"])
        self.setStyleSheet(
            f"#messageBar {{ background: {background}; border: 1px solid {edge}; "
            "border-radius: 4px; } #messageBar QLabel { color: #212529; }"
            "#messageBar QToolButton { color: #212529; }"
        )
        prefix = self.tr("Error:") if kind == "error" else ""
        self.label.setText(f"<b>{prefix}</b> {_escape(text)}" if prefix else _escape(text))
        self.label.setToolTip(text)
        self.setAccessibleDescription(text)
        self.show()
        if kind == "info":
            self._clear_info.start(round(self.info_seconds * 1000))
        else:
            self._clear_info.stop()

    def show_error(self, text: str) -> None:
        """An error, in the operator's words; also logged."""
        log.info("Shown to the operator: %s", text)
        self.show_message(text, "error")

    def show_info(self, text: str) -> None:
        self.show_message(text, "info")

    def text(self) -> str:
        return self.accessibleDescription() if self.isVisible() else ""

    def dismiss(self) -> None:
        self._clear_info.stop()
        self.hide()
        self.kind = ""

    def clears_in(self) -> float | None:
        """Seconds until the message clears itself; None when it waits (an error, or nothing)."""
        if not self._clear_info.isActive():
            return None
        return self._clear_info.remainingTime() / 1000

    def action_started(self) -> None:
        """The operator did something new: an error about what they did before is over."""
        if self.kind == "error":
            self.dismiss()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
