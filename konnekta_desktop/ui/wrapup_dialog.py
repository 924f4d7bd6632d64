"""The wrap-up of one ended call: who and which queue, how long, a note and a code, and Complete,
which makes the operator Available again.

`WrapUpForm` is the wrap-up itself; the switchboard window shows one per pending wrap-up in its
wrap-up panel (`switchboard/wrapups.py`). `WrapUpDialog` shows one form in a window of its own,
over the others but never blocking them, for code that has no switchboard window to dock it in.
Leaving a wrap-up without completing it leaves it pending (the operator stays Unavailable); it
comes back, also after a restart, from `session.pending_wrapups()`.

The texts keep the translation context "WrapUpDialog" they were first written in: lupdate collects
the literal calls of `translate("WrapUpDialog", text)`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
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
from .colours import text_style
from .refusal_words import words
from .settings.common import BackgroundTasks

__all__ = ["WrapUpDialog", "WrapUpForm", "caller_text", "colleague_name"]

log = logging.getLogger(__name__)

translate = QCoreApplication.translate

_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def _without_mnemonic(text: str) -> str:
    """ "&Note:" as "Note:": no Alt+letter shortcut, "&&" still an ampersand."""
    return "&".join(part.replace("&", "") for part in text.split("&&"))


def colleague_name(session: Switchboard, number: str) -> str | None:
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
    name = colleague_name(session, number) if number else None
    return f"{name} ({shown})" if name else shown


class WrapUpForm(QFrame):
    """Wrap-up of one ended call: caller, queue, duration, note and code, and Complete.

    Enter anywhere in the form completes it. `completed` carries the call id once
    `session.complete_wrapup` has succeeded; whoever shows the form then takes it away.
    `mnemonics` gives the labels and Complete their Alt+letter keys: only in a window of their own,
    as the switchboard's menu bar owns those letters (Alt+C is its Call menu).
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
        mnemonics: bool = False,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._wrapup = wrapup_session
        self._clock = clock or session.now
        self._tasks = BackgroundTasks(self._failed)

        self.setObjectName("wrapUpForm")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(translate("WrapUpDialog", "Wrap-up"))

        inbound = wrapup_session.direction is Direction.INBOUND
        other_party = wrapup_session.caller if inbound else wrapup_session.called
        self.party_label = QLabel(
            caller_text(session, other_party) or translate("WrapUpDialog", "Unknown number")
        )
        self.party_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.party_label.setWordWrap(True)
        self.party_label.setAccessibleName(
            translate("WrapUpDialog", "Caller") if inbound else translate("WrapUpDialog", "Called")
        )
        self.queue_label = QLabel(wrapup_session.queue or translate("WrapUpDialog", "Direct call"))
        self.queue_label.setAccessibleName(translate("WrapUpDialog", "Queue"))
        self.duration_label = QLabel(format_duration(wrapup_session.ended - wrapup_session.started))
        self.duration_label.setAccessibleName(translate("WrapUpDialog", "Call duration"))
        self.elapsed_label = QLabel()
        self.elapsed_label.setAccessibleName(translate("WrapUpDialog", "Wrap-up time"))

        # A one-line note, so that Enter completes the wrap-up from anywhere in the form.
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(translate("WrapUpDialog", "Optional note about the call"))
        self.note_edit.setAccessibleName(translate("WrapUpDialog", "Note"))

        self.code_combo = QComboBox()
        self.code_combo.setEditable(True)
        self.code_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.code_combo.setAccessibleName(translate("WrapUpDialog", "Code"))
        for code in self.CODES:
            shown = translate("WrapUpDialog", code) if code else ""
            self.code_combo.addItem(shown, code)
        self.code_combo.setCurrentIndex(0)

        self.error_label = QLabel()
        self.error_label.setObjectName("wrapUpError")
        self.error_label.setWordWrap(True)
        text_style(self.error_label, "problem")
        self.error_label.setHidden(True)

        def label(text: str) -> str:
            return text if mnemonics else _without_mnemonic(text)

        form = QFormLayout()
        form.addRow(
            translate("WrapUpDialog", "Caller:")
            if inbound
            else translate("WrapUpDialog", "Called:"),
            self.party_label,
        )
        form.addRow(translate("WrapUpDialog", "Queue:"), self.queue_label)
        form.addRow(translate("WrapUpDialog", "Call duration:"), self.duration_label)
        form.addRow(translate("WrapUpDialog", "Wrap-up time:"), self.elapsed_label)
        # Note and code under their labels, as wide as the form: a narrow panel shows the note.
        note_label = QLabel(label(translate("WrapUpDialog", "&Note:")))
        note_label.setBuddy(self.note_edit)
        code_label = QLabel(label(translate("WrapUpDialog", "C&ode:")))
        code_label.setBuddy(self.code_combo)

        self.complete_button = QPushButton(label(translate("WrapUpDialog", "&Complete")))
        self.complete_button.setAccessibleName(translate("WrapUpDialog", "Complete wrap-up"))
        self.complete_button.setDefault(True)
        self.complete_button.clicked.connect(self.complete)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.complete_button)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        for widget in (note_label, self.note_edit, code_label, self.code_combo, self.error_label):
            layout.addWidget(widget)
        layout.addLayout(buttons)

        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self._tick)
        self._tick()
        self.timer.start()

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

    def suggest_note(self, text: str) -> bool:
        """Put `text` in the note if the note is still untouched and empty: a note the operator
        typed (or cleared) is theirs. Says whether it did."""
        if self.note_edit.isModified() or self.note_edit.text().strip():
            return False
        self.note_edit.setText(text)
        return True

    def code(self) -> str:
        """The chosen code: a listed one as its untranslated name, a typed one as typed."""
        text = self.code_combo.currentText().strip()
        index = self.code_combo.findText(text, Qt.MatchFlag.MatchFixedString)
        if index >= 0:
            data = self.code_combo.itemData(index)
            return str(data) if data is not None else text
        return text

    def focus(self) -> None:
        """Put the cursor at the end of the note, where the operator writes and Enter completes:
        a suggested note is added to, not replaced by the first key."""
        self.note_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.note_edit.deselect()
        self.note_edit.end(False)

    @property
    def completing(self) -> bool:
        """Sent to be completed here, and not answered yet."""
        return self._tasks.busy

    def complete(self) -> None:
        if self._tasks.busy:
            return
        self.complete_button.setEnabled(False)
        self.error_label.setHidden(True)
        self._tasks.start(self._send(), name=f"complete wrap-up {self.call_id}")

    async def _send(self) -> None:
        await self._session.complete_wrapup(self._wrapup, self.note(), self.code())
        self.timer.stop()
        self.completed.emit(self.call_id)

    def _failed(self, error: BaseException) -> None:
        log.warning("Completing the wrap-up of call %s failed: %s", self.call_id, error)
        self.complete_button.setEnabled(True)
        detail = words(error) if isinstance(error, Refused) else str(error) or type(error).__name__
        self.error_label.setText(
            translate(
                "WrapUpDialog",
                "The wrap-up could not be completed: {reason} Try again with Complete.",
            ).format(reason=detail if detail.endswith(".") else detail + ".")
        )
        self.error_label.setHidden(False)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # The note, the code and the button leave Enter to the form: it completes this wrap-up.
        if event.key() in _ENTER_KEYS:
            event.accept()
            self.complete()
            return
        super().keyPressEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        self._tick()
        self.timer.start()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self.timer.stop()
        super().hideEvent(event)


class WrapUpDialog(QDialog):
    """One `WrapUpForm` in a window of its own: on top of other windows but non-modal, as calls
    keep coming in meanwhile. It closes once the wrap-up is completed; Escape does not close it.

    `completed` carries the call id once `session.complete_wrapup` has succeeded.
    """

    completed = Signal(str)
    CODES = WrapUpForm.CODES

    def __init__(
        self,
        session: Switchboard,
        wrapup_session: WrapUpSession,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], float] | None = None,
    ) -> None:
        super().__init__(parent)
        self.form = form = WrapUpForm(session, wrapup_session, self, clock=clock, mnemonics=True)
        # The form's controls, read through the dialog too.
        self.party_label, self.queue_label = form.party_label, form.queue_label
        self.duration_label, self.elapsed_label = form.duration_label, form.elapsed_label
        self.note_edit, self.code_combo = form.note_edit, form.code_combo
        self.error_label, self.complete_button = form.error_label, form.complete_button
        self.timer = form.timer

        self.setObjectName("wrapUpDialog")
        self.setWindowTitle(self.tr("Wrap-up"))
        self.setWindowFlags(
            Qt.WindowType.Dialog
            | Qt.WindowType.WindowStaysOnTopHint
            | Qt.WindowType.WindowTitleHint
            | Qt.WindowType.WindowCloseButtonHint
        )
        self.setModal(False)
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.note_edit.setMinimumWidth(320)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(form)
        form.completed.connect(self._completed)
        self.complete_button.setFocus()

    @property
    def wrapup_session(self) -> WrapUpSession:
        return self.form.wrapup_session

    @property
    def call_id(self) -> str:
        return self.form.call_id

    def _completed(self, call_id: str) -> None:
        self.completed.emit(call_id)
        self.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Escape would hide the dialog and leave the operator Unavailable without noticing.
        if event.key() == Qt.Key.Key_Escape:
            event.ignore()
            return
        super().keyPressEvent(event)
