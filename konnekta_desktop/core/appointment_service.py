"""Carries out appointments on time: at start the template applies, at end the previous state returns.

The decisions are `appointments.plan`'s; this service performs them, remembers what each started
appointment replaced (in the store, so it survives a restart) and sleeps until the next change.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from ..domain.appointments import Appointment
from ..domain.refusals import Refused
from .appointments import (
    ActiveAppointment,
    AppointmentAction,
    EndAppointment,
    PreviousState,
    StartAppointment,
    next_change_at,
    plan,
)
from .clock import Clock
from .commands import Commands
from .states import PresenceService
from .store import Store

log = logging.getLogger(__name__)

_LONGEST_NAP = 60.0  # re-plan at least this often, in case the wall clock jumps


class AppointmentService:
    def __init__(
        self,
        store: Store,
        presence: PresenceService,
        commands: Commands,
        clock: Clock,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self._store = store
        self._presence = presence
        self._commands = commands
        self._clock = clock
        self._sleep = sleep
        self._changed = asyncio.Event()

    def appointments(self) -> list[Appointment]:
        return self._store.appointments()

    def add(self, appointment: Appointment) -> None:
        self._store.save_appointment(appointment)
        self._changed.set()

    def remove(self, appointment_id: str) -> None:
        self._store.delete_appointment(appointment_id)
        self._changed.set()

    async def apply_due(self) -> list[AppointmentAction]:
        """Perform what is due now; a failure is logged and retried at the next planning."""
        actions = plan(
            self._store.appointments(), self._store.active_appointments(), self._clock.now()
        )
        for action in actions:
            try:
                if isinstance(action, StartAppointment):
                    await self._start(action.appointment)
                else:
                    await self._end(action)
            except Refused as error:
                log.warning("Appointment could not be carried out: %s", error)
        return actions

    async def run(self) -> None:
        """Apply due appointments now and whenever one starts, ends, or the list changes."""
        while True:
            self._changed.clear()
            await self.apply_due()
            upcoming = next_change_at(self._store.appointments(), self._clock.now())
            nap = (
                _LONGEST_NAP
                if upcoming is None
                else min(_LONGEST_NAP, upcoming - self._clock.now())
            )
            sleeper = asyncio.ensure_future(self._sleep(max(nap, 0.0)))
            changed = asyncio.ensure_future(self._changed.wait())
            await asyncio.wait({sleeper, changed}, return_when=asyncio.FIRST_COMPLETED)
            sleeper.cancel()
            changed.cancel()

    async def _start(self, appointment: Appointment) -> None:
        colleague = self._commands.colleague(appointment.user_id)
        template = self._presence.template(appointment.template_name)
        local = self._presence.local_state(appointment.user_id)
        previous = PreviousState(
            state=local.state if local else None,
            caller_id=(colleague.caller_id or "") if template.caller_id else None,
            forwarding=(colleague.diversion or "") if template.forwarding else None,
        )
        self._store.save_active_appointment(
            ActiveAppointment(appointment.id, appointment.user_id, previous, self._clock.now())
        )
        log.info("Appointment starts: %s -> %s", colleague.user.name, template.name)
        await self._presence.set_template(appointment.user_id, template.name)

    async def _end(self, action: EndAppointment) -> None:
        active = action.active
        self._store.delete_active_appointment(active.user_id)
        previous = active.previous
        log.info("Appointment ends for %s; previous state %s", active.user_id, previous.state)
        if previous.state is not None:
            await self._presence.set_state(active.user_id, previous.state)
        if previous.caller_id:
            await self._commands.set_caller_id(active.user_id, previous.caller_id)
        elif previous.caller_id is not None:  # "" means: none was chosen, so the default again
            await self._commands.clear_caller_id(active.user_id)
        if previous.forwarding is not None:  # "" means: there was none, so clear it
            await self._commands.set_forwarding(active.user_id, previous.forwarding or None)
