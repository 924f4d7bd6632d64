"""The application's name, and the switchboard window's title."""

from __future__ import annotations

import sys
from typing import Final

from PySide6.QtCore import QCoreApplication

__all__ = ["APP_NAME", "window_title"]

APP_NAME: Final = "Konnekta Desktop"


def window_title(demo: bool) -> str:
    """The window's title. Qt adds the application's name after it on Linux and Windows (a
    title of "Konnekta Desktop — Demo" read "Konnekta Desktop — Demo — Konnekta Desktop"); on
    macOS the title is shown as given."""
    demo_mark = QCoreApplication.translate("MainWindow", "Demo") if demo else ""
    if sys.platform == "darwin":
        return f"{APP_NAME} — {demo_mark}" if demo else APP_NAME
    return demo_mark
