"""The tray icon (connection and my availability at a glance), its menu, and notifications.

Notifications are decided by `NotificationPolicy` (plain Python, testable without a tray) and sent by
`Notifier`: as tray balloons when there is a tray, else by flashing the window in the task bar.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon

from ..domain.colleagues import ModelChange
from ..domain.interface import Colleagues
from ..domain.status import Connection, ConnectionStatus
from ..domain.types import CallState, Direction
from .bridge import AppSession, Bridge, PlanSource, plan_reader
from .icons import tray_icon
from .refusal_words import words
from .state_names import shown_name
from .switchboard import APP_NAME, MainWindow
from .texts import menu_safe

log = logging.getLogger(__name__)

__all__ = ["Notification", "NotificationPolicy", "Notifier", "Tray"]


# lupdate collects the literal calls of `translate(context, text)`.
translate = QCoreApplication.translate


@dataclass(frozen=True, slots=True)
class Notification:
    title: str
    text: str
    urgent: bool = False  # an incoming call, rather than news about the connection
    good: bool = False  # good news (the connection is back): no warning sign


class NotificationPolicy:
    """What deserves a notification: a new call ringing for me, and the connection lost or back."""

    def __init__(
        self, model: Colleagues, plan: PlanSource, operator_id: Callable[[], str | None]
    ) -> None:
        self._model = model
        self._plan = plan_reader(plan)
        self._operator_id = operator_id
        self._announced: set[str] = set()
        self._was_connected = False
        self._lost = False

    def on_change(self, change: ModelChange) -> list[Notification]:
        operator_id = self._operator_id()
        if not (change.calls_changed or change.reset) or operator_id is None:
            return []
        me = self._model.get(operator_id)
        if me is None:
            return []
        notes: list[Notification] = []
        ringing = {
            call.call_id: call
            for call in me.calls.values()
            if call.state is CallState.RINGING and call.direction is Direction.INBOUND
        }
        for call_id, call in ringing.items():
            if call_id in self._announced:
                continue
            caller = self._caller_name(call.caller)
            if call.callback:
                text = translate("Tray", "Call-back for {queue}: call {caller}").format(
                    queue=call.queue or "", caller=caller
                )
            elif call.queue:
                text = translate("Tray", "Incoming call from {caller} via {queue}").format(
                    caller=caller, queue=call.queue
                )
            else:
                text = translate("Tray", "Incoming call from {caller}").format(caller=caller)
            notes.append(Notification(APP_NAME, text, urgent=True))
        self._announced = set(ringing) | (self._announced & set(me.calls))
        return notes

    def _caller_name(self, number: str) -> str:
        plan = self._plan()
        shown = plan.display(number)
        for colleague in self._model:
            for line in colleague.user.lines:
                if plan.same(line.number, number):
                    return f"{colleague.user.name} ({shown})"
        return shown

    def on_status(self, status: ConnectionStatus) -> list[Notification]:
        notes: list[Notification] = []
        connected = status.state is Connection.CONNECTED
        if connected and self._lost:
            notes.append(
                Notification(
                    APP_NAME, translate("Tray", "The connection to Konnekta is back."), good=True
                )
            )
            self._lost = False
        elif self._was_connected and status.setting is not None:
            # A setting stops the connection (wrong password, say): no retry until it is fixed.
            notes.append(
                Notification(
                    APP_NAME,
                    translate("Tray", "The connection to Konnekta stopped: {reason}").format(
                        reason=words(status.why) if status.why else ""
                    ),
                )
            )
            self._lost = True
        elif self._was_connected and not connected:
            reason = f" {words(status.why)}" if status.why else ""
            notes.append(
                Notification(
                    APP_NAME,
                    translate(
                        "Tray", "The connection to Konnekta was lost; reconnecting.{reason}"
                    ).format(reason=reason),
                )
            )
            self._lost = True
        self._was_connected = connected
        return notes


class Notifier(QObject):
    """Sends what the policy decides, unless muted; `sent` keeps the last few for the UI/tests."""

    notified = Signal(object)  # Notification

    def __init__(
        self,
        session: AppSession,
        bridge: Bridge,
        window: MainWindow,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.policy = NotificationPolicy(
            session.colleagues, lambda: session.plan, lambda: window.operator_id
        )
        self.window = window
        self.tray: QSystemTrayIcon | None = None
        self.muted = False
        self.sent: list[Notification] = []
        bridge.model_changed.connect(lambda change: self._send(self.policy.on_change(change)))
        bridge.status_changed.connect(lambda status: self._send(self.policy.on_status(status)))
        self.policy.on_status(session.status)

    def _send(self, notes: list[Notification]) -> None:
        for note in notes:
            self.sent = [*self.sent[-19:], note]
            self.notified.emit(note)
            if self.muted:
                continue
            if self.tray is not None and self.tray.isVisible():
                icon = (
                    QSystemTrayIcon.MessageIcon.Information
                    if note.urgent or note.good
                    else QSystemTrayIcon.MessageIcon.Warning
                )
                self.tray.showMessage(note.title, note.text, icon, 8000)
            elif note.urgent:
                QApplication.alert(self.window, 0)


class Tray(QObject):
    """The tray icon and its menu; exists only when the desktop has a system tray."""

    def __init__(
        self,
        session: AppSession,
        bridge: Bridge,
        window: MainWindow,
        notifier: Notifier,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.window = window
        self.notifier = notifier
        self.icon = QSystemTrayIcon(self)
        self.menu = QMenu()
        self._build_menu()
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)
        bridge.status_changed.connect(lambda _status: self.refresh())
        bridge.presence_changed.connect(lambda _ids: self.refresh())
        bridge.model_changed.connect(lambda _change: self.refresh())
        notifier.tray = self.icon
        self.refresh()

    def _build_menu(self) -> None:
        menu = self.menu
        open_action = menu.addAction(translate("Tray", "&Open the switchboard"))
        open_action.triggered.connect(self.window.bring_to_front)
        self.states_menu = menu.addMenu(translate("Tray", "My &state"))
        self.states_menu.aboutToShow.connect(self._fill_states)
        dial = menu.addAction(translate("Tray", "&Dial the number on the clipboard"))
        dial.triggered.connect(self._dial_clipboard)
        menu.addSeparator()
        self.mute_action = QAction(translate("Tray", "&Mute notifications"), menu)
        self.mute_action.setCheckable(True)
        self.mute_action.toggled.connect(self._set_muted)
        menu.addAction(self.mute_action)
        settings = menu.addAction(translate("Tray", "S&ettings…"))
        settings.triggered.connect(lambda _checked=False: self.window.open_settings())
        menu.addSeparator()
        quit_action = menu.addAction(translate("Tray", "&Quit"))
        quit_action.triggered.connect(self.window.quit_requested.emit)

    def _fill_states(self) -> None:
        self.states_menu.clear()
        for template in self.session.templates():
            action = self.states_menu.addAction(menu_safe(shown_name(template.name)))
            action.triggered.connect(
                lambda _c=False, name=template.name: self.window.set_my_template(name)
            )

    def _dial_clipboard(self) -> None:
        self.window.bring_to_front()
        self.window.dial_clipboard()

    def _set_muted(self, muted: bool) -> None:
        self.notifier.muted = muted

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            if self.window.isVisible() and not self.window.isMinimized():
                self.window.hide()
            else:
                self.window.bring_to_front()

    def refresh(self) -> None:
        status = self.session.status
        operator_id = self.window.operator_id
        available = self.session.shown_state(operator_id).available if operator_id else True
        self.icon.setIcon(tray_icon(status.state, available))
        state_text = {
            Connection.CONNECTED: translate("Tray", "connected"),
            Connection.CONNECTING: translate("Tray", "connecting"),
            Connection.RECONNECTING: translate("Tray", "reconnecting"),
            Connection.DISCONNECTED: translate("Tray", "not connected"),
        }[status.state]
        me = translate("Tray", "available") if available else translate("Tray", "unavailable")
        self.icon.setToolTip(f"{APP_NAME}: {state_text}, {me}")

    def show(self) -> None:
        self.icon.show()

    def hide(self) -> None:
        self.icon.hide()
        self.notifier.tray = None
