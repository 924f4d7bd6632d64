"""The wrap-up panel: docked beside the grid and the call list rather than over them, one entry
(`WrapUpForm`) per pending wrap-up, shown while any is pending and gone when the last is completed.

It never takes the keyboard from the operator: the wrap-up key (F10, `ui/shortcuts.py`) goes to the
next entry's note, and Enter there completes it, which the message bar confirms. A transfer made
here suggests the note of the call's wrap-up ("Transferred to Anna Jensen"), whichever comes first:
Konnekta's answer to the transfer or the end of the call that opens the wrap-up.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFrame,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...domain.wrapups import WrapUpSession
from ..bridge import AppSession
from ..shortcuts import key_sequences
from ..wrapup_dialog import WrapUpForm, colleague_name

log = logging.getLogger(__name__)

__all__ = ["WrapUps"]

# The texts keep the translation context of the window they were written for: lupdate collects the
# literal calls of `translate("MainWindow", text)` (and "WrapUpDialog" for the form's own words).
translate = QCoreApplication.translate

# Notes suggested for calls whose wrap-up has not opened (yet): a colleague's call transferred from
# here opens none for the operator, so only the latest few are kept.
_SUGGESTIONS_KEPT = 20


class WrapUps(QDockWidget):
    """The pending wrap-ups by call id, as a dock widget of the window (its parent)."""

    def __init__(
        self, session: AppSession, show_info: Callable[[str], None], parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.session = session
        self._show_info = show_info
        self._entries: dict[str, WrapUpForm] = {}
        self._suggested: dict[str, str] = {}  # call id -> note, until its wrap-up opens
        self._focus_before: QWidget | None = None  # where F10 came from, to go back there

        self.setObjectName("wrapUpPanel")
        keys = key_sequences("wrap_up")[0].toString(QKeySequence.SequenceFormat.NativeText)
        title = translate("WrapUpDialog", "Wrap-up")
        self.setWindowTitle(f"{title} ({keys})")
        # Docked only, and not closable: a wrap-up out of sight leaves the operator Unavailable.
        self.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self.setAllowedAreas(
            Qt.DockWidgetArea.RightDockWidgetArea
            | Qt.DockWidgetArea.LeftDockWidgetArea
            | Qt.DockWidgetArea.BottomDockWidgetArea
        )
        entries = QWidget()
        self._list = QVBoxLayout(entries)
        self._list.setContentsMargins(4, 4, 4, 4)
        self._list.addStretch(1)
        self._scroll = QScrollArea()
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._scroll.setWidgetResizable(True)
        self._scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._scroll.setWidget(entries)
        # Room for the note without squeezing: the grid and the call list give way instead.
        self._scroll.setMinimumWidth(self.fontMetrics().averageCharWidth() * 44)
        self.setWidget(self._scroll)
        self.hide()

    # -- showing -------------------------------------------------------------------------------

    def open(self, wrapup_session: WrapUpSession) -> None:
        """Show the entry of this pending wrap-up, adding it if it is not there yet."""
        call_id = wrapup_session.call_id
        if call_id in self._entries:
            self.show()
            return
        entry = WrapUpForm(self.session, wrapup_session)
        entry.completed.connect(self._completed)
        note = self._suggested.pop(call_id, None)
        if note is not None:
            entry.suggest_note(note)
        self._entries[call_id] = entry
        self._list.insertWidget(self._list.count() - 1, entry)  # above the stretch
        self.show()
        window = self.window()
        if window.isMinimized() or not window.isVisible():
            # As the wrap-up dialog came up over everything, the panel brings its window back.
            window.showNormal()
        QApplication.alert(window)

    def open_pending(self) -> None:
        """The wrap-up key: go to the next pending wrap-up's note (the first, from elsewhere)."""
        for wrapup_session in self.session.pending_wrapups():
            self.open(wrapup_session)
        entries = list(self._entries.values())
        if not entries:
            self._show_info(translate("MainWindow", "No wrap-up is pending."))
            return
        focused = QApplication.focusWidget()
        current = next((i for i, e in enumerate(entries) if _holds(e, focused)), None)
        if current is None:
            self._focus_before = focused
        target = entries[0] if current is None else entries[(current + 1) % len(entries)]
        self.show()
        self.raise_()
        target.focus()
        self._scroll.ensureWidgetVisible(target)

    def transferred(self, call_id: str, number: str, target: str) -> None:
        """A transfer made here went through: suggest "Transferred to <colleague>" (the number
        as shown when no colleague has it) as the note of the call's wrap-up."""
        name = colleague_name(self.session, number) or target
        note = translate("MainWindow", "Transferred to {name}").format(name=name)
        entry = self._entries.get(call_id)
        if entry is not None:
            entry.suggest_note(note)
            return
        self._suggested[call_id] = note
        while len(self._suggested) > _SUGGESTIONS_KEPT:
            del self._suggested[next(iter(self._suggested))]

    def done_elsewhere(self, call_id: str) -> None:
        """A wrap-up completed on another desktop of this operator (or by itself): its entry
        goes, without a word about saving it here. One being completed here says so itself."""
        entry = self._entries.get(call_id)
        if entry is not None and not entry.completing:
            self._remove(call_id, said=False)

    def _completed(self, call_id: str) -> None:
        self._remove(call_id, said=True)

    def _remove(self, call_id: str, *, said: bool) -> None:
        entry = self._entries.pop(call_id, None)
        if entry is None:
            return
        had_focus = _holds(entry, QApplication.focusWidget())
        party = entry.party_label.text()
        self._list.removeWidget(entry)
        entry.hide()
        entry.deleteLater()
        if said:
            self._show_info(
                translate("MainWindow", "Wrap-up of the call with {party} saved.").format(
                    party=party
                )
            )
        if not self._entries:
            self.hide()
        if had_focus:
            self._focus_after_completing()

    def _focus_after_completing(self) -> None:
        """On to the next wrap-up, else back to where the operator came from with F10."""
        if self._entries:
            next(iter(self._entries.values())).focus()
            return
        before, self._focus_before = self._focus_before, None
        if before is not None and shiboken6.isValid(before) and before.isVisible():
            before.setFocus(Qt.FocusReason.OtherFocusReason)

    @property
    def entries(self) -> dict[str, WrapUpForm]:
        """The shown wrap-ups by call id, in the order they opened (a copy)."""
        return dict(self._entries)


def _holds(entry: QWidget, widget: QWidget | None) -> bool:
    return widget is not None and (widget is entry or entry.isAncestorOf(widget))
