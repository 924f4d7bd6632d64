"""The status bar on its own: the connection in words (with the settings to fill in on a first
run), the listener's port, the last event's age and the demo mark."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from konnekta_desktop.core.session import Session
from konnekta_desktop.domain.refusals import Reason, why
from konnekta_desktop.domain.status import Connection, ConnectionStatus
from konnekta_desktop.ui.switchboard.status_bar import StatusBar, settings_to_fill_in


@pytest.fixture
def bar(session: Session, qtbot: QtBot) -> Iterator[StatusBar]:
    bar = StatusBar(session)
    qtbot.addWidget(bar)
    bar.start()
    yield bar
    bar.stop()


@pytest.mark.parametrize(
    ("status", "shown"),
    [
        (ConnectionStatus(Connection.CONNECTED), "Connected to Konnekta"),
        (ConnectionStatus(Connection.CONNECTING), "Connecting to Konnekta…"),
        (
            ConnectionStatus(Connection.RECONNECTING, why(Reason.CONNECTION_LOST)),
            "Reconnecting to Konnekta: Lost the connection to Konnekta",
        ),
        (ConnectionStatus(Connection.DISCONNECTED), "Not connected to Konnekta"),
    ],
)
def test_the_connection_is_said_in_words(
    bar: StatusBar, status: ConnectionStatus, shown: str
) -> None:
    bar.show_connection(status, [])
    assert bar.connection_label.text() == shown
    assert bar.connection_label.toolTip() == shown
    assert not bar.connection_icon.pixmap().isNull()


def test_settings_to_fill_in_are_named_a_few_at_a_time(bar: StatusBar) -> None:
    stopped = ConnectionStatus(
        Connection.DISCONNECTED,
        why(Reason.SETTINGS_INCOMPLETE, why(Reason.NOT_TEXT, setting="User")),
    )
    bar.show_connection(stopped, ["A", "B", "C", "D"])
    assert bar.connection_label.text() == (
        "Not connected to Konnekta: the settings are incomplete. Open Settings > Connection (F9) "
        "and fill in A, B, C, D."
    )
    bar.show_connection(stopped, ["A", "B", "C", "D", "E", "F", "G"])
    assert bar.connection_label.text().endswith("fill in A, B, C and 4 more.")


def test_a_session_with_complete_settings_has_none_to_fill_in(session: Session) -> None:
    assert settings_to_fill_in(session) == []


def test_before_the_start_there_is_no_listener_and_no_event(
    bar: StatusBar, session: Session
) -> None:
    bar.show_connection(session.connector.status, [])
    assert bar.last_event_label.toolTip() == "No listener yet: Konnekta's events cannot arrive"
    assert bar.last_event_label.text() == "No events yet"
    assert bar.demo_label.isVisibleTo(bar) is session.demo
