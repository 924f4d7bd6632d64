"""Reconnect at once when the network comes back or changes, instead of at the next failed
health check. The operating system reports it through Qt's network information backend (Network
List Manager on Windows, SystemConfiguration on macOS, NetworkManager or GLib on Linux); without
a backend the connector's health checks still notice, only later.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtNetwork import QNetworkInformation

from ..domain.refusals import Reason, Why, why

log = logging.getLogger(__name__)

__all__ = ["NetworkWatch"]

Reachability = QNetworkInformation.Reachability
Medium = QNetworkInformation.TransportMedium


class NetworkWatch(QObject):
    """Calls `reconnect(reason)` when the computer is online again, or online on another medium
    (Wi-Fi to cable): connections and the webhook route made before may be gone."""

    def __init__(self, reconnect: Callable[[Why], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._reconnect = reconnect
        self._reachability = Reachability.Unknown
        self._medium = Medium.Unknown
        info = self._backend()
        if info is None:
            log.info("No network information from the system: reconnecting after health checks")
            return
        log.info("Following network changes through the %s backend", info.backendName())
        self._reachability = info.reachability()
        self._medium = info.transportMedium()
        info.reachabilityChanged.connect(self.on_reachability)
        info.transportMediumChanged.connect(self.on_medium)

    @staticmethod
    def _backend() -> QNetworkInformation | None:
        if not QNetworkInformation.loadBackendByFeatures(QNetworkInformation.Feature.Reachability):
            return None
        return QNetworkInformation.instance()

    def on_reachability(self, reachability: QNetworkInformation.Reachability) -> None:
        was, self._reachability = self._reachability, reachability
        if reachability is Reachability.Online and was is not Reachability.Online:
            log.info("The network is back: reconnecting")
            self._reconnect(why(Reason.NETWORK_BACK))
        elif reachability is not Reachability.Online and was is Reachability.Online:
            log.info("The network is gone (%s)", reachability.name)

    def on_medium(self, medium: QNetworkInformation.TransportMedium) -> None:
        was, self._medium = self._medium, medium
        known = Medium.Unknown not in (was, medium)
        if known and medium is not was and self._reachability is Reachability.Online:
            log.info("The network changed from %s to %s: reconnecting", was.name, medium.name)
            self._reconnect(why(Reason.NETWORK_CHANGED))
