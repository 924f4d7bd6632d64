"""The app's SVG icons, loaded from `resources/icons/` through one resolver (PyInstaller-aware)."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

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


@cache
def _on_a_chip(name: str) -> QIcon:
    """A status icon that stays readable on a selected row: in the Selected mode it sits on a
    white chip (on the selection's blue its grey and dark outline fell to 1.8-2.2:1)."""
    plain = icon(name)
    result = QIcon(plain)
    for size in (16, 20, 24, 32):
        chip = QPixmap(size, size)
        chip.fill(Qt.GlobalColor.transparent)
        painter = QPainter(chip)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#ffffff"))
        painter.drawRoundedRect(QRectF(0, 0, size, size), size / 4, size / 4)
        inset = max(1, size // 10)
        plain.paint(painter, inset, inset, size - 2 * inset, size - 2 * inset)
        painter.end()
        result.addPixmap(chip, QIcon.Mode.Selected)
    return result


def phone_status_icon(status: PhoneStatus) -> QIcon:
    return _on_a_chip(_PHONE_FILES[status])


def availability_icon(available: bool) -> QIcon:
    return _on_a_chip("dot-available" if available else "dot-unavailable")


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
