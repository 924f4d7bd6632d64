"""The window follows new settings and the connection's state: numbers reformatted with the new
number plan, and a connection stopped by a setting said in the message bar."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from konnekta_desktop.core.session import Session
from konnekta_desktop.domain.numbers import NumberPlan
from konnekta_desktop.domain.refusals import Reason, why
from konnekta_desktop.domain.status import Connection, ConnectionStatus
from konnekta_desktop.ui.colleagues import ColleagueColumn
from konnekta_desktop.ui.switchboard import MainWindow


def test_a_new_number_plan_reformats_the_grid_without_a_restart(
    window: MainWindow, session: Session, qtbot: QtBot
) -> None:
    model = window.colleague_model
    row = next(r for r in range(model.rowCount()) if model.index(r, ColleagueColumn.NUMBER).data())
    colleague = model.colleague_at(row)
    number = next(line.number for line in colleague.user.lines if line.number.startswith("+45"))
    shown = model.index(row, ColleagueColumn.NUMBER).data()
    assert shown == NumberPlan("00", "45").display(number)

    # What Session.apply_settings does for a new International Code: a new plan object.
    session.connector.plan = NumberPlan("00", "298")
    window.on_settings_applied(session.settings)

    assert model.colleague_at(row).id == colleague.id  # sorted by name: the same row
    assert model.index(row, ColleagueColumn.NUMBER).data() == NumberPlan("00", "298").display(
        number
    )
    assert model.index(row, ColleagueColumn.NUMBER).data() != shown


def test_a_connection_stopped_by_a_setting_is_shown_in_the_message_bar_once(
    window: MainWindow,
) -> None:
    stopped = ConnectionStatus(
        Connection.DISCONNECTED,
        why(Reason.LOGIN_USER_REFUSED, user="svc", said=""),
        "Password",
    )
    window.bridge.status_changed.emit(stopped)
    assert window.message_bar.kind == "error"
    assert "check User and Password" in window.message_bar.text()
    assert "check User and Password" in window.connection_label.text()

    window.dismiss_message()
    window.bridge.status_changed.emit(stopped)  # the same status again: not shown again
    assert not window.message_bar.isVisible()


def test_a_lost_connection_that_retries_stays_in_the_status_bar_only(window: MainWindow) -> None:
    window.bridge.status_changed.emit(
        ConnectionStatus(Connection.RECONNECTING, why(Reason.CONNECTION_LOST))
    )
    assert not window.message_bar.isVisible()
    assert window.connection_label.text() == (
        "Reconnecting to Konnekta: Lost the connection to Konnekta"
    )


def test_messages_show_their_text_as_written(window: MainWindow) -> None:
    window.show_info("Open Settings > Connection & fill in <User>.")
    shown = window.message_bar.label
    assert shown.textFormat() is Qt.TextFormat.RichText
    assert shown.text() == "Open Settings &gt; Connection &amp; fill in &lt;User&gt;."
