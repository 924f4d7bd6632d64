"""The app's SVG icons, loaded from `resources/icons/` through one resolver (PyInstaller-aware)."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

from PySide6.QtGui import QIcon

from ..core.monitoring import PhoneStatus
from ..domain.status import Connection

__all__ = [
    "app_icon",
    "availability_icon",
    "callback_icon",
    "direction_icon",
    "icon",
    "icon_path",
    "phone_status_icon",
    "resources_dir",
    "tray_icon",
]

_PHONE_FILES = {
    PhoneStatus.IDLE: "phone-idle",
    PhoneStatus.RINGING: "phone-ringing",
    PhoneStatus.BUSY: "phone-busy",
    PhoneStatus.NOT_MONITORED: "phone-not-monitored",
    PhoneStatus.FORWARDED: "phone-forwarded",
}


def resources_dir() -> Path:
    """The folder holding `icons/` (and translations): in a PyInstaller bundle, its data folder;
    otherwise `resources/` at the repository root, next to the package."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def icon_path(name: str) -> Path:
    path = resources_dir() / "icons" / f"{name}.svg"
    if not path.is_file():
        raise FileNotFoundError(f"The icon {path} is missing: the installation is incomplete.")
    return path


@cache
def icon(name: str) -> QIcon:
    """The named icon; SVG, so crisp at any scale. Cached: the grid asks for icons per cell."""
    return QIcon(str(icon_path(name)))


def app_icon() -> QIcon:
    return icon("app")


def callback_icon() -> QIcon:
    return icon("callback")


def phone_status_icon(status: PhoneStatus) -> QIcon:
    return icon(_PHONE_FILES[status])


def availability_icon(available: bool) -> QIcon:
    return icon("dot-available" if available else "dot-unavailable")


def direction_icon(inbound: bool) -> QIcon:
    return icon("direction-in" if inbound else "direction-out")


def tray_icon(connection: Connection, available: bool) -> QIcon:
    """The tray shows the connection (badge) over my availability (colour)."""
    match connection:
        case Connection.CONNECTED:
            state = "connected"
        case Connection.RECONNECTING | Connection.CONNECTING:
            state = "reconnecting"
        case _:
            state = "disconnected"
    return icon(f"tray-{state}-{'available' if available else 'unavailable'}")
