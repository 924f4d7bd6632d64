"""The connection's state as the operator sees it (tray icon, status bar)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from .refusals import Why


class Connection(StrEnum):
    CONNECTING = "connecting"
    CONNECTED = "connected"
    RECONNECTING = "reconnecting"
    DISCONNECTED = "disconnected"


@dataclass(frozen=True, slots=True)
class ConnectionStatus:
    state: Connection
    why: Why | None = None  # why not connected, or why reconnecting (None when all is well)
    setting: str | None = None  # the setting to check, when the cause is a setting
    warning: Why | None = None  # connected, but something to know (the clocks disagree)
