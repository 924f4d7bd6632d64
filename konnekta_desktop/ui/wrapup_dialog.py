"""The wrap-up dialog: shown when the operator's call ends, completed to become Available again.

It stays on top of other windows but never blocks the switchboard (non-modal). Closing it without
completing leaves the wrap-up pending (the operator stays Unavailable); the main window can show
it again, also after a restart, from `session.pending_wrapups()`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.interface import Switchboard
from ..domain.refusals import Refused
from ..domain.types import Direction
from ..domain.wrapups import WrapUpSession
from .calls import format_duration
from .refusal_words import words
from .settings.common import BackgroundTasks

__all__ = ["WrapUpDialog", "caller_text"]

log = logging.getLogger(__name__)


def _colleague_name(session: Switchboard, number: str) -> str | None:
    """The name of the colleague whose line (or alias) is `number`, if any."""
    plan = session.plan
    for colleague in session.colleagues:
        for line in colleague.user.lines:
            numbers = [line.number, *(alias.number for alias in line.aliases)]
            if any(plan.same(number, own) for own in numbers):
                name: str = colleague.user.name
                return name
    return None


def caller_text(session: Switchboard, number: str) -> str:
    """The other party as shown: "12 34 56 78", or "Anna Jensen (12 34 56 78)" for a colleague."""
    shown: str = session.plan.display(number) if number else ""
    name = _colleague_name(session, number) if number else None
    return f"{name} ({shown})" if name else shown


class WrapUpDialog(QDialog):
    """Wrap-up of one ended call: caller, queue, duration, note and code, and Complete.

    `completed` carries the call id once `session.complete_wrapup` has succeeded.
    """

    completed = Signal(str)

    # Codes most receptions use; the combo is editable, so any other code can be typed.
    CODES: tuple[str, ...] = tuple(
        str(code)
        for code in (
            "",
            QT_TRANSLATE_NOOP("WrapUpDialog", "Message taken"),
            QT_TRANSLATE_NOOP("WrapUpDialog", "Transferred"),
            QT_TRANSLATE_NOOP("WrapUpDialog", "Question answered"),
            QT_TRANSLATE_NOOP("WrapUpDialog", "Call back"),
            QT_TRANSLATE_NOOP("WrapUpDialog", "Wrong number"),
        )
    )

    def __init__(
        self,
        session: Switchboard,
        wrapup_session: WrapUpSession,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], float] | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._wrapup = wrapup_session
        self._clock = clock or session.now
        self._tasks = BackgroundTasks(self._failed)

        self.setObjectName("wrapUpDialog")
        self.setWindowTitle(self.tr("Wrap-up"))
        # A tool window on top of everything, but non-modal: calls keep coming in meanwhile.
        self.setWindowFlags(
            Qt.WindowType.Dialog
            | Qt.WindowType.WindowStaysOnTopHint
            | Qt.WindowType.WindowTitleHint
            | Qt.WindowType.WindowCloseButtonHint
        )
        self.setModal(False)
        self.setWindowModality(Qt.WindowModality.NonModal)

        inbound = wrapup_session.direction is Direction.INBOUND
        other_party = wrapup_session.caller if inbound else wrapup_session.called
        self.party_label = QLabel(caller_text(session, other_party) or self.tr("Unknown number"))
        self.party_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.party_label.setAccessibleName(self.tr("Caller") if inbound else self.tr("Called"))
        self.queue_label = QLabel(wrapup_session.queue or self.tr("Direct call"))
        self.queue_label.setAccessibleName(self.tr("Queue"))
        self.duration_label = QLabel(format_duration(wrapup_session.ended - wrapup_session.started))
        self.duration_label.setAccessibleName(self.tr("Call duration"))
        self.elapsed_label = QLabel()
        self.elapsed_label.setAccessibleName(self.tr("Wrap-up time"))

        # A one-line note, so that Enter completes the wrap-up from anywhere in the dialog.
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(self.tr("Optional note about the call"))
        self.note_edit.setAccessibleName(self.tr("Note"))
        self.note_edit.setMinimumWidth(320)

        self.code_combo = QComboBox()
        self.code_combo.setEditable(True)
        self.code_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.code_combo.setAccessibleName(self.tr("Code"))
        for code in self.CODES:
            shown = QCoreApplication.translate("WrapUpDialog", code) if code else ""
            self.code_combo.addItem(shown, code)
        self.code_combo.setCurrentIndex(0)

        self.error_label = QLabel()
        self.error_label.setObjectName("wrapUpError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #c62828;")
        self.error_label.setHidden(True)

        form = QFormLayout()
        form.addRow(self.tr("Caller:") if inbound else self.tr("Called:"), self.party_label)
        form.addRow(self.tr("Queue:"), self.queue_label)
        form.addRow(self.tr("Call duration:"), self.duration_label)
        form.addRow(self.tr("Wrap-up time:"), self.elapsed_label)
        form.addRow(self.tr("&Note:"), self.note_edit)
        form.addRow(self.tr("C&ode:"), self.code_combo)

        self.buttons = QDialogButtonBox()
        self.complete_button = QPushButton(self.tr("&Complete"))
        self.complete_button.setAccessibleName(self.tr("Complete wrap-up"))
        self.complete_button.setDefault(True)
        self.complete_button.setAutoDefault(True)
        self.buttons.addButton(self.complete_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.complete_button.clicked.connect(self._complete)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self._tick)
        self._tick()
        self.timer.start()
        self.complete_button.setFocus()

    @property
    def wrapup_session(self) -> WrapUpSession:
        return self._wrapup

    @property
    def call_id(self) -> str:
        return self._wrapup.call_id

    def elapsed(self) -> float:
        """Seconds since the call ended, which is how long the wrap-up has lasted."""
        return max(0.0, self._clock() - self._wrapup.ended)

    def _tick(self) -> None:
        self.elapsed_label.setText(format_duration(self.elapsed()))

    def note(self) -> str:
        return self.note_edit.text().strip()

    def code(self) -> str:
        """The chosen code: a listed one as its untranslated name, a typed one as typed."""
        text = self.code_combo.currentText().strip()
        index = self.code_combo.findText(text, Qt.MatchFlag.MatchFixedString)
        if index >= 0:
            data = self.code_combo.itemData(index)
            return str(data) if data is not None else text
        return text

    def _complete(self) -> None:
        if self._tasks.busy:
            return
        self.complete_button.setEnabled(False)
        self.error_label.setHidden(True)
        self._tasks.start(self._send(), name=f"complete wrap-up {self.call_id}")

    async def _send(self) -> None:
        await self._session.complete_wrapup(self._wrapup, self.note(), self.code())
        self.timer.stop()
        self.completed.emit(self.call_id)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        log.warning("Completing the wrap-up of call %s failed: %s", self.call_id, error)
        self.complete_button.setEnabled(True)
        detail = words(error) if isinstance(error, Refused) else str(error) or type(error).__name__
        self.error_label.setText(
            self.tr("The wrap-up could not be completed: {reason} Try again with Complete.").format(
                reason=detail if detail.endswith(".") else detail + "."
            )
        )
        self.error_label.setHidden(False)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Escape would hide the dialog and leave the operator Unavailable without noticing.
        if event.key() == Qt.Key.Key_Escape:
            event.ignore()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.timer.stop()
        super().closeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        self._tick()
        self.timer.start()
        super().showEvent(event)
