"""Network changes reported by the system make the connector reconnect at once.

The system's network backend cannot be switched off and on here, so the tests call the watch's
slots with the values the backend would report; everything after that is real.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtNetwork import QNetworkInformation
from pytestqt.qtbot import QtBot

from konnekta_desktop.domain.refusals import Reason, Why, why
from konnekta_desktop.domain.status import Connection, ConnectionStatus
from konnekta_desktop.simulator.server import Simulator
from konnekta_desktop.ui.network_watch import NetworkWatch
from tests.gui.gui_helpers import Runner
from tests.gui.test_app_start import booted

Reachability = QNetworkInformation.Reachability
Medium = QNetworkInformation.TransportMedium


def watch_with_log() -> tuple[NetworkWatch, list[Why]]:
    reasons: list[Why] = []
    watch = NetworkWatch(reasons.append)
    watch.on_reachability(Reachability.Disconnected)
    watch.on_medium(Medium.WiFi)
    return watch, reasons


def test_coming_back_online_reconnects_once(qtbot: QtBot) -> None:
    watch, reasons = watch_with_log()
    watch.on_reachability(Reachability.Local)
    assert reasons == []
    watch.on_reachability(Reachability.Online)
    watch.on_reachability(Reachability.Online)
    assert reasons == [why(Reason.NETWORK_BACK)]


def test_another_medium_while_online_reconnects_but_not_while_offline(qtbot: QtBot) -> None:
    watch, reasons = watch_with_log()
    watch.on_medium(Medium.Ethernet)  # offline: nothing to reconnect to yet
    watch.on_reachability(Reachability.Online)
    watch.on_medium(Medium.Unknown)
    watch.on_medium(Medium.WiFi)  # from an unknown medium: nothing is known to have changed
    watch.on_medium(Medium.Ethernet)
    assert reasons == [why(Reason.NETWORK_BACK), why(Reason.NETWORK_CHANGED)]


def test_the_app_reconnects_when_the_network_is_back(
    simulator: Simulator, tmp_path: Path, run: Runner, qtbot: QtBot
) -> None:
    app, session = booted(simulator, tmp_path, run, use_tray=False)
    connector = session.connector
    qtbot.waitUntil(lambda: connector.status.state is Connection.CONNECTED)
    seen: list[ConnectionStatus] = []
    connector.on_status(seen.append)
    assert app.network is not None

    app.network.on_reachability(Reachability.Disconnected)
    app.network.on_reachability(Reachability.Online)

    qtbot.waitUntil(lambda: any(s.why == why(Reason.NETWORK_BACK) for s in seen))
    qtbot.waitUntil(lambda: connector.status.state is Connection.CONNECTED)
    run(app.close())
