"""The wrap-up dialogs over the window: one per call, opened when a wrap-up is pending (or on the
operator's asking), never blocking the window, and forgotten when answered.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QDialog, QWidget

from ...domain.wrapups import WrapUpSession
from ..bridge import AppSession

log = logging.getLogger(__name__)

__all__ = ["WrapUps"]

# The texts keep the translation context of the window they were written for: lupdate collects the
# literal calls of `translate("MainWindow", text)`.
translate = QCoreApplication.translate


class WrapUps(QObject):
    """The open wrap-up dialogs by call id. Its parent is the window, the dialogs' parent."""

    def __init__(
        self,
        session: AppSession,
        show_error: Callable[[str], None],
        show_info: Callable[[str], None],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self._show_error = show_error
        self._show_info = show_info
        self._dialogs: dict[str, QDialog] = {}

    def open(self, wrapup_session: WrapUpSession) -> None:
        """Show the dialog of this pending wrap-up, opening it if it is not open yet."""
        call_id = wrapup_session.call_id
        existing = self._dialogs.get(call_id)
        if existing is not None:
            existing.show()
            existing.raise_()
            return
        try:
            from ..wrapup_dialog import WrapUpDialog
        except ImportError as error:
            log.warning("Wrap-up dialog unavailable: %s", error)
            self._show_error(
                translate("MainWindow", "A wrap-up is pending, but the wrap-up window is missing.")
            )
            return
        window = self.parent()
        assert isinstance(window, QWidget)
        dialog = WrapUpDialog(self.session, wrapup_session, window)
        dialog.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, True)
        dialog.setModal(False)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self._dialogs[call_id] = dialog
        dialog.finished.connect(lambda _result, c=call_id: self._dialogs.pop(c, None))
        dialog.show()
        dialog.raise_()

    def open_pending(self) -> None:
        pending = list(self.session.pending_wrapups())
        if not pending:
            self._show_info(translate("MainWindow", "No wrap-up is pending."))
            return
        for wrapup_session in pending:
            self.open(wrapup_session)

    @property
    def dialogs(self) -> dict[str, QDialog]:
        """The open dialogs by call id (a copy)."""
        return dict(self._dialogs)
