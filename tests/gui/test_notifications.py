"""Notifications: a new call ringing for me, and the connection lost and restored."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from konnekta_desktop.core.session import Session
from konnekta_desktop.domain.refusals import Reason, why
from konnekta_desktop.domain.status import Connection, ConnectionStatus
from konnekta_desktop.simulator.server import Simulator
from konnekta_desktop.ui.switchboard import APP_NAME, MainWindow
from konnekta_desktop.ui.tray import Notifier
from tests.gui.gui_helpers import OPERATOR_ID, Runner


def test_a_call_ringing_for_me_is_announced_once_with_the_apps_name(
    window: MainWindow, session: Session, simulator: Simulator, run: Runner, qtbot: QtBot
) -> None:
    notifier = Notifier(session, window.bridge, window)
    run(simulator.ring("user-00020", "+4587654320"))  # not mine: no notification
    call_id = run(simulator.ring(OPERATOR_ID, "+4587654321"))
    qtbot.waitUntil(lambda: bool(notifier.sent))
    assert [(n.title, n.text) for n in notifier.sent] == [
        (APP_NAME, "Incoming call from 87 65 43 21")
    ]
    run(simulator.answer(call_id))
    # The call panel follows the model at its next update, after the notification.
    qtbot.waitUntil(
        lambda: any(panel.call.answered_at is not None for panel in window.call_model.calls())
    )
    assert len(notifier.sent) == 1


def test_connection_lost_and_restored_are_announced(window: MainWindow, session: Session) -> None:
    notifier = Notifier(session, window.bridge, window)
    notifier.muted = True  # muted still decides, it only does not show
    window.bridge.status_changed.emit(
        ConnectionStatus(Connection.RECONNECTING, why(Reason.CONNECTION_LOST))
    )
    window.bridge.status_changed.emit(ConnectionStatus(Connection.CONNECTED))
    assert [n.text for n in notifier.sent] == [
        "The connection to Konnekta was lost; reconnecting. Lost the connection to Konnekta",
        "The connection to Konnekta is back.",
    ]
    # Good news carries no warning sign (Operator polish, item 9).
    assert [n.good for n in notifier.sent] == [False, True]


def test_a_connection_stopped_by_a_setting_is_announced_as_stopped_not_as_reconnecting(
    window: MainWindow, session: Session
) -> None:
    notifier = Notifier(session, window.bridge, window)
    notifier.muted = True
    window.bridge.status_changed.emit(
        ConnectionStatus(
            Connection.DISCONNECTED,
            why(Reason.LOGIN_USER_REFUSED, user="svc", said=""),
            "Password",
        )
    )
    assert [n.text for n in notifier.sent] == [
        "The connection to Konnekta stopped: Konnekta refused the login for user svc: check "
        "User and Password in Settings > Connection."
    ]
