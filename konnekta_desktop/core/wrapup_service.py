"""Runs the wrap-up machine for the operator: performs its actions and keeps sessions in the store."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from typing import Any, Protocol

from ..domain.events import CallUpdate, PbxEvent
from ..domain.refusals import Command, Refused
from ..domain.types import Availability
from ..domain.wrapups import WrapUpRecord, WrapUpSession
from .commands import Commands, pbx_request
from .model import LiveModel
from .wrapup import SetAvailability, ShowWrapUp, WrapUp, WrapUpAction, WrapUpDone

log = logging.getLogger(__name__)

Spawn = Callable[[Coroutine[Any, Any, Any], str], object]
WrapUpListener = Callable[[WrapUpSession], None]


class WrapUpStore(Protocol):
    def save_pending_wrapup(self, session: WrapUpSession) -> None: ...
    def pending_wrapups(self) -> list[WrapUpSession]: ...
    def complete_wrapup(self, record: WrapUpRecord) -> None: ...


class WrapUpService:
    """Feeds call events to `WrapUp`, sets availability in Konnekta, and tells the UI."""

    def __init__(
        self,
        machine: WrapUp,
        store: WrapUpStore,
        model: LiveModel,
        commands: Commands,
        spawn: Spawn,
        wait_connected: Callable[[], Awaitable[None]],
    ) -> None:
        self.machine = machine
        self._store = store
        self._model = model
        self._commands = commands
        self._spawn = spawn
        self._wait_connected = wait_connected
        self._listeners: list[WrapUpListener] = []
        self._done_listeners: list[Callable[[str], None]] = []
        machine.restore(store.pending_wrapups())

    def subscribe(self, listener: WrapUpListener) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def subscribe_done(self, listener: Callable[[str], None]) -> None:
        """Call `listener` with the call id of every wrap-up completed, by whoever."""
        self._done_listeners.append(listener)

    def pending(self) -> list[WrapUpSession]:
        return self.machine.pending()

    def on_events(self, batch: Sequence[PbxEvent]) -> None:
        for event in batch:
            if isinstance(event, CallUpdate):
                call = event.call
                self._perform(self.machine.on_call(call, self._availability(call.user_id)))

    def reconcile(self) -> None:
        """After a (re)connect: take the calls Konnekta reports now as the truth, so that a call
        whose end was lost opens its wrap-up, and one that started meanwhile holds its user."""
        self._perform(self.machine.reconcile(self._model.active_calls(), self._availability))

    def complete_by_itself(self) -> None:
        """Complete every pending wrap-up that no switchboard client came back for: kept in the
        records as completed by itself, and the user made Available."""
        pending = self.machine.pending()
        if pending:
            log.warning(
                "No switchboard client came back in time: %d wrap-up(s) completed by themselves",
                len(pending),
            )
            self._perform(self.machine.complete_all(by_itself=True))

    def _availability(self, user_id: str) -> Availability | None:
        colleague = self._model.get(user_id)
        return colleague.availability if colleague else None

    async def complete(self, session: WrapUpSession, note: str = "", code: str = "") -> None:
        """The operator finished the wrap-up: record it, and make them Available."""
        actions = self.machine.complete(session.user_id, session.call_id, note, code or None)
        try:
            for action in actions:
                if isinstance(action, SetAvailability):
                    await self._set_availability(action.user_id, action.availability)
        except Refused:
            self.machine.restore([session])  # still pending: the operator can try again
            raise
        self._perform([a for a in actions if not isinstance(a, SetAvailability)])

    def _perform(self, actions: list[WrapUpAction]) -> None:
        for action in actions:
            match action:
                case SetAvailability(user_id=user_id, availability=availability):
                    self._spawn(
                        self._set_availability_logged(user_id, availability), "wrap-up availability"
                    )
                case ShowWrapUp(session=session):
                    self._store.save_pending_wrapup(session)
                    log.info("Wrap-up pending for call %s of %s", session.call_id, session.user_id)
                    for listener in list(self._listeners):
                        listener(session)
                case WrapUpDone(record=record):
                    self._store.complete_wrapup(record)
                    log.info("Wrap-up completed for call %s", record.call_id)
                    for done in list(self._done_listeners):
                        done(record.call_id)

    async def _set_availability(self, user_id: str, availability: Availability) -> None:
        await pbx_request(
            Command.SET_AVAILABILITY,
            self._commands.api.set_presence(user_id, availability=availability),
        )
        log.info("Wrap-up: %s is now %s", user_id, availability.value)

    async def _set_availability_logged(self, user_id: str, availability: Availability) -> None:
        await self._wait_connected()  # a wrap-up that completed itself at start-up, say
        try:
            await self._set_availability(user_id, availability)
        except Refused as error:
            log.warning("Wrap-up could not set %s %s: %s", user_id, availability.value, error)
