"""The one bridge from the session to Qt: its stream of updates re-emitted as Qt signals.

Updates arrive as plain callbacks on the app's loop (the GUI thread under qasync); re-emitting
them as signals keeps every handler on the GUI thread even if a callback ever comes from elsewhere,
and lets widgets connect and disconnect with Qt's usual lifetime rules. `AppSession` names what
the UI may use of a session: the application interface and the settings door, nothing else.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, Signal

from ..domain.interface import Lifecycle, Switchboard, Update
from ..domain.numbers import NumberPlan
from ..domain.states import ShownState
from ..settings.door import SettingsDoor

log = logging.getLogger(__name__)

__all__ = ["AppSession", "Bridge", "PlanSource", "ShownStates", "plan_reader"]

PlanSource = NumberPlan | Callable[[], NumberPlan]
"""A number plan, or a way to read the current one: the session replaces its plan when the
number settings change, so long-lived views read it afresh each time they format a number."""


def plan_reader(source: PlanSource) -> Callable[[], NumberPlan]:
    if isinstance(source, NumberPlan):
        return lambda: source
    return source


class ShownStates(Protocol):
    """What the grid needs to paint a colleague's state (the session, or a stand-in in tests)."""

    def shown_state(self, user_id: str) -> ShownState: ...


class AppSession(Switchboard, SettingsDoor, Lifecycle, Protocol):
    """What the UI may use of a session: the application interface (`domain/interface.py`),
    the settings door (`settings/door.py`) and, for the app that builds it, its lifecycle."""


class Bridge(QObject):
    """Subscribes to the session's one stream of updates and re-emits each part as a signal:
    colleagues and calls, shown states, the connection, a new pending wrap-up."""

    model_changed = Signal(object)  # ModelChange
    status_changed = Signal(object)  # ConnectionStatus
    presence_changed = Signal(object)  # set[str] of user ids whose shown state changed
    wrapup_pending = Signal(object)  # WrapUpSession
    recall_due = Signal(str)  # a transferred call nobody answered in time
    wrapup_done = Signal(str)  # a wrap-up completed, here or elsewhere (call id)

    def __init__(self, session: Switchboard, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._unsubscribe: Callable[[], None] | None = None

    def attach(self) -> None:
        if self._unsubscribe is None:
            self._unsubscribe = self._session.subscribe(self._on_update)

    def detach(self) -> None:
        unsubscribe, self._unsubscribe = self._unsubscribe, None
        if unsubscribe is not None:
            unsubscribe()

    def _on_update(self, update: Update) -> None:
        if self._unsubscribe is None:
            return
        if update.colleagues is not None:
            self.model_changed.emit(update.colleagues)
        if update.shown:
            self.presence_changed.emit(set(update.shown))
        if update.status is not None:
            self.status_changed.emit(update.status)
        for wrapup in update.wrapups:
            self.wrapup_pending.emit(wrapup)
        for call_id in update.recall:
            self.recall_due.emit(call_id)
        for call_id in update.wrapups_done:
            self.wrapup_done.emit(call_id)
