"""The one bridge from the Qt-free core to Qt: core callbacks re-emitted as Qt signals.

Core events arrive as plain callbacks on the app's loop (the GUI thread under qasync); re-emitting
them as signals keeps every handler on the GUI thread even if a callback ever comes from elsewhere,
and lets widgets connect and disconnect with Qt's usual lifetime rules. `UiSession` names exactly
what the UI uses of the core's `Session`, so the UI can be tested against any object that has it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from PySide6.QtCore import QObject, Signal

from ..core.commands import Commands
from ..core.connector import Connector
from ..core.model import Colleague, LiveModel
from ..core.presence import Template
from ..domain.interface import Update
from ..domain.numbers import NumberPlan

log = logging.getLogger(__name__)

__all__ = [
    "Bridge",
    "PlanSource",
    "PresenceLike",
    "ShownStateLike",
    "UiSession",
    "WrapUpLike",
    "operator_of",
    "plan_reader",
]

PlanSource = NumberPlan | Callable[[], NumberPlan]
"""A number plan, or a way to read the current one: the session replaces its plan when the
number settings change, so long-lived views read it afresh each time they format a number."""


def plan_reader(source: PlanSource) -> Callable[[], NumberPlan]:
    if isinstance(source, NumberPlan):
        return lambda: source
    return source


class ShownStateLike(Protocol):
    @property
    def label(self) -> str: ...
    @property
    def available(self) -> bool: ...
    @property
    def unmapped(self) -> bool: ...


class PresenceLike(Protocol):
    def templates(self) -> Sequence[Template]: ...
    def shown_state(self, user_id: str) -> ShownStateLike: ...
    async def set_template(self, user_id: str, template_name: str) -> None: ...
    def subscribe(self, callback: Callable[[set[str]], None]) -> Any: ...


class WrapUpLike(Protocol):
    def pending(self) -> Sequence[Any]: ...
    def subscribe(self, callback: Callable[[Any], None]) -> Any: ...


class UiSession(Protocol):
    """What the UI needs from `core.session.Session`."""

    @property
    def connector(self) -> Connector: ...
    @property
    def model(self) -> LiveModel: ...
    @property
    def plan(self) -> NumberPlan: ...
    @property
    def commands(self) -> Commands: ...
    @property
    def presence(self) -> PresenceLike: ...
    @property
    def wrapup(self) -> WrapUpLike: ...
    @property
    def demo(self) -> bool: ...
    @property
    def operator(self) -> Colleague | None: ...
    def subscribe(self, listener: Callable[[Update], None]) -> Callable[[], None]: ...


def operator_of(session: UiSession) -> Colleague | None:
    """The operator's own colleague entry, as the model holds it now (a reload replaces entries)."""
    operator = session.operator
    if operator is None:
        return None
    return session.model.get(operator.id) or operator


class Bridge(QObject):
    """Subscribes to the session's one stream of updates and re-emits each part as a signal:
    colleagues and calls, shown states, the connection, a new pending wrap-up."""

    model_changed = Signal(object)  # ModelChange
    status_changed = Signal(object)  # ConnectionStatus
    presence_changed = Signal(object)  # set[str] of user ids whose shown state changed
    wrapup_pending = Signal(object)  # WrapUpSession

    def __init__(self, session: UiSession, parent: QObject | None = None) -> None:
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
        if update.wrapup is not None:
            self.wrapup_pending.emit(update.wrapup)
