"""Moved to `konnekta_desktop.domain.status`; this name goes once every import uses it."""

from ..domain.status import Connection, ConnectionStatus

__all__ = ["Connection", "ConnectionStatus"]
