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
from ..core.model import Colleague, LiveModel, ModelChange
from ..core.numbers import NumberPlan
from ..core.presence import Template
from ..core.status import ConnectionStatus

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


def operator_of(session: UiSession) -> Colleague | None:
    """The operator's own colleague entry, as the model holds it now (a reload replaces entries)."""
    operator = session.operator
    if operator is None:
        return None
    return session.model.get(operator.id) or operator


class Bridge(QObject):
    """Subscribes to the core once and re-emits: model changes, connection status, shown states,
    new pending wrap-ups."""

    model_changed = Signal(object)  # ModelChange
    status_changed = Signal(object)  # ConnectionStatus
    presence_changed = Signal(object)  # set[str] of user ids
    wrapup_pending = Signal(object)  # WrapUpSession

    def __init__(self, session: UiSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._unsubscribe: list[Callable[[], object]] = []
        self._attached = False

    def attach(self) -> None:
        if self._attached:
            return
        self._attached = True
        session = self._session
        self._unsubscribe.append(session.model.subscribe(self._on_model))
        # The connector offers no unsubscribe for status; `_attached` silences it after detach.
        session.connector.on_status(self._on_status)
        for remove in (
            session.presence.subscribe(self._on_presence),
            session.wrapup.subscribe(self._on_wrapup),
        ):
            if callable(remove):
                self._unsubscribe.append(remove)

    def detach(self) -> None:
        self._attached = False
        for remove in self._unsubscribe:
            try:
                remove()
            except ValueError:
                log.debug("A core subscription was already gone")
        self._unsubscribe.clear()

    def _on_model(self, change: ModelChange) -> None:
        if self._attached:
            self.model_changed.emit(change)

    def _on_status(self, status: ConnectionStatus) -> None:
        if self._attached:
            self.status_changed.emit(status)

    def _on_presence(self, user_ids: set[str]) -> None:
        if self._attached:
            self.presence_changed.emit(set(user_ids))

    def _on_wrapup(self, wrapup_session: Any) -> None:
        if self._attached:
            self.wrapup_pending.emit(wrapup_session)
