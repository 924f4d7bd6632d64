"""tel: and callto: links opened on macOS.

macOS does not start an app bundle with the link on its command line: it sends the running app
(or the one it starts for the link) an open-URL event, which Qt delivers as a `QFileOpenEvent`.
The link that launched the app comes in Qt's first pass of the event loop, long before the window
exists: `LinkOpener.listen` goes in right after the QApplication is created, and links are kept
until `deliver_to` names who dials them. Windows and Linux pass links as arguments (see
`single_instance`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QFileOpenEvent

log = logging.getLogger(__name__)

__all__ = ["LinkOpener", "link_of"]

_SCHEMES = ("tel:", "callto:")


def link_of(event: QFileOpenEvent) -> str:
    """The link an open event carries.

    Qt hands over a link it cannot parse as a URL as a local file named after it:
    `callto://+4512345678` (a number where a host name belongs) arrives as
    `file:callto://+4512345678`, and the file name is the link.
    """
    url = event.url()
    if url.isLocalFile() or not url.isValid():
        name = event.file()
        if name.strip().casefold().startswith(_SCHEMES):
            return name.strip()
    return url.toString() or event.file()


Dial = Callable[[list[str]], None]


class LinkOpener(QObject):
    """An event filter for the application object: `LinkOpener.listen(app)` installs one."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._waiting: list[str] = []
        self._dial: Dial | None = None

    @classmethod
    def listen(cls, app: QCoreApplication) -> LinkOpener:
        """A link opener that sees `app`'s open events from now on."""
        opener = cls()
        app.installEventFilter(opener)
        return opener

    def deliver_to(self, dial: Dial) -> None:
        """From now on links go to `dial`; one that came earlier goes there at once."""
        self._dial = dial
        if self._waiting:
            waiting, self._waiting = self._waiting, []
            # Logged again: it may have come before the log file was set up.
            log.info("Opened with the link %s before the window was there", waiting[-1])
            dial(waiting[-1:])  # a number dialled twice over helps nobody: the latest one counts

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.FileOpen or not isinstance(event, QFileOpenEvent):
            return False
        link = link_of(event)
        if not link:
            return False
        log.info("Opened with the link %s", link)
        if self._dial is None:
            self._waiting.append(link)
        else:
            self._dial([link])
        return True
