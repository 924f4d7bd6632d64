"""The status bar: the connection to Konnekta (and, on a first run, which settings to fill in),
how long ago the last event came, the listener's port, and the demo mark.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from ...domain.status import Connection, ConnectionStatus
from ...settings import get_option, validate
from ..bridge import AppSession
from ..icons import tray_icon
from ..refusal_words import words
from ..settings.labels import option_label

__all__ = ["StatusBar", "settings_to_fill_in"]

# The texts keep the translation context of the window they were written for: lupdate collects the
# literal calls of `translate("MainWindow", text)`.
translate = QCoreApplication.translate


def settings_to_fill_in(session: AppSession) -> list[str]:
    """The labels of the options that keep the session from connecting (first run)."""
    settings = session.settings
    if not session.settings_problems or settings is None:
        return []
    return [
        option_label(get_option(error.field))
        for error in validate(settings)
        if error.field is not None and not error.warning
    ]


def _some_of(names: list[str], shown: int = 3) -> str:
    """A short list for the status bar: "A, B, C and 4 more"."""
    if len(names) <= shown + 1:
        return ", ".join(names)
    return translate("MainWindow", "{names} and {count} more").format(
        names=", ".join(names[:shown]), count=len(names) - shown
    )


class StatusBar(QStatusBar):
    """Follows the connection when told (`show_connection`); the last event's age by itself."""

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.connection_icon = QLabel()
        self.connection_label = QLabel()
        self.connection_label.setAccessibleName(translate("MainWindow", "Connection"))
        self.last_event_label = QLabel()
        self.last_event_label.setAccessibleName(translate("MainWindow", "Last event"))
        self.demo_label = QLabel(translate("MainWindow", "Demo"))
        self.demo_label.setObjectName("demoMark")
        self.demo_label.setStyleSheet(
            "#demoMark { background: #b35900; color: #ffffff; font-weight: bold;"  # 4.8:1
            " border-radius: 3px; padding: 0 6px; }"
        )
        self.demo_label.setVisible(session.demo)
        self.addWidget(self.connection_icon)
        self.addWidget(self.connection_label, 1)
        self.addPermanentWidget(self.last_event_label)
        self.addPermanentWidget(self.demo_label)
        self._clock_timer = QTimer(self)
        self._clock_timer.setInterval(1000)
        self._clock_timer.timeout.connect(self.update_last_event)

    def start(self) -> None:
        """Follow the last event's age, once a second."""
        self._clock_timer.start()
        self.update_last_event()

    def stop(self) -> None:
        self._clock_timer.stop()

    def show_connection(self, status: ConnectionStatus, missing: list[str]) -> None:
        """Say how the connection is; `missing` names the settings to fill in, if any."""
        match status.state:
            case Connection.CONNECTED:
                text = translate("MainWindow", "Connected to Konnekta")
            case Connection.CONNECTING:
                text = translate("MainWindow", "Connecting to Konnekta…")
            case Connection.RECONNECTING:
                text = translate("MainWindow", "Reconnecting to Konnekta…")
            case _:
                text = translate("MainWindow", "Not connected to Konnekta")
        if self.session.through_connector is not None:
            text = translate("MainWindow", "{connection} (through the company connector)").format(
                connection=text.rstrip("…")
            )
        if missing:
            # The session's own message lists raw problems; name the fields and where they are.
            text = (
                text.rstrip("…")
                + ": "
                + translate(
                    "MainWindow",
                    "the settings are incomplete. Open Settings > Connection (F9) and fill in {fields}.",
                ).format(fields=_some_of(missing))
            )
        elif status.why:
            text = f"{text.rstrip('…')}: {words(status.why)}"
        elif status.warning:
            text = f"{text}: {words(status.warning)}"
        self.connection_label.setText(text)
        self.connection_label.setToolTip(text)
        self.connection_icon.setPixmap(
            tray_icon(status.state, status.state is Connection.CONNECTED).pixmap(16, 16)
        )
        self.update_port()

    def update_port(self) -> None:
        """Where the events arrive, for whoever asks (a tooltip: the port means nothing to an
        operator, and much to an administrator)."""
        port = self.session.listener_port
        connector = self.session.through_connector
        if connector is not None:
            self.last_event_label.setToolTip(
                translate(
                    "MainWindow",
                    "Konnekta's events come through the company connector at {address}",
                ).format(address=connector)
            )
            return
        self.last_event_label.setToolTip(
            translate("MainWindow", "Konnekta's events arrive on listener port {port}").format(
                port=port
            )
            if port
            else translate("MainWindow", "No listener yet: Konnekta's events cannot arrive")
        )

    def update_last_event(self) -> None:
        last = self.session.last_event_at
        if last is None:
            self.last_event_label.setText(translate("MainWindow", "No events yet"))
            return
        age = max(0, int(self.session.now() - last))
        if age < 120:
            text = translate("MainWindow", "Last event {seconds} s ago").format(seconds=age)
        else:
            text = translate("MainWindow", "Last event {minutes} min ago").format(minutes=age // 60)
        self.last_event_label.setText(text)
