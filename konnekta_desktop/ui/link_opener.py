"""tel: and callto: links opened on macOS.

macOS does not start an app bundle with the link on its command line: it sends the running app
(or the one it starts for the link) an open-URL event, which Qt delivers as a `QFileOpenEvent`.
The event may come before the window exists, so links are kept until `deliver_to` names who
dials them. Windows and Linux pass links as arguments (see `single_instance`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFileOpenEvent

log = logging.getLogger(__name__)

__all__ = ["LinkOpener"]

Dial = Callable[[list[str]], None]


class LinkOpener(QObject):
    """An event filter for the application object; install it with `installEventFilter`."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._waiting: list[str] = []
        self._dial: Dial | None = None

    def deliver_to(self, dial: Dial) -> None:
        """From now on links go to `dial`; one that came earlier goes there at once."""
        self._dial = dial
        if self._waiting:
            waiting, self._waiting = self._waiting, []
            dial(waiting[-1:])  # a number dialled twice over helps nobody: the latest one counts

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.FileOpen or not isinstance(event, QFileOpenEvent):
            return False
        link = event.url().toString() or event.file()
        if not link:
            return False
        log.info("Opened with the link %s", link)
        if self._dial is None:
            self._waiting.append(link)
        else:
            self._dial([link])
        return True
