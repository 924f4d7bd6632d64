"""The tenant's lists (states, templates, appointments) as the Settings window shows them: the
session's, with the edits made since the window opened. OK and Apply give the edits to the
session, in the order they were made; Cancel drops them. So every tab follows one rule.

Qt-free. An edit is checked here as the store would check it (a name given and free, a template's
state known), so a wrong one is refused at once, beside the field, not only at OK.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Protocol

from ...domain.appointments import Appointment
from ...domain.interface import Colleagues
from ...domain.list_edits import (
    DeleteAppointment,
    DeleteTemplate,
    ListEdit,
    SaveAppointment,
    SaveState,
    SaveTemplate,
)
from ...domain.numbers import NumberPlan
from ...domain.refusals import Reason, WentWrong, why
from ...domain.states import State, Template
from ...domain.types import Activity

__all__ = ["Lists", "ListsDraft", "ListsSession"]


class Lists(Protocol):
    """What the Settings window's list tabs read and change: a session, or its draft."""

    @property
    def plan(self) -> NumberPlan: ...
    @property
    def colleagues(self) -> Colleagues: ...
    def now(self) -> float: ...
    async def activities(self) -> list[Activity]: ...
    def states(self) -> Sequence[State]: ...
    def templates(self) -> Sequence[Template]: ...
    def appointments(self) -> Sequence[Appointment]: ...
    def save_state(self, state: State, *, renamed_from: str | None = None) -> None: ...
    def save_template(self, template: Template, *, renamed_from: str | None = None) -> None: ...
    def delete_template(self, name: str) -> None: ...
    def save_appointment(self, appointment: Appointment) -> None: ...
    def delete_appointment(self, appointment_id: str) -> None: ...


class ListsSession(Lists, Protocol):
    """A session: it also carries out a draft's edits."""

    async def save_lists(self, edits: list[ListEdit], *, request_id: str | None = None) -> None: ...


def _refused(reason: Reason, **params: str) -> WentWrong:
    return WentWrong(why(reason, **params))


class ListsDraft:
    """The session's lists with the edits not yet applied."""

    def __init__(self, session: ListsSession) -> None:
        self._session = session
        self._edits: list[ListEdit] = []
        self._load()

    def _load(self) -> None:
        self._states = list(self._session.states())
        self._templates = list(self._session.templates())
        self._appointments = list(self._session.appointments())

    @property
    def pending(self) -> bool:
        return bool(self._edits)

    async def apply(self) -> None:
        """Give the edits to the session (on a company connector: to the connector), oldest
        first, then show the session's lists again; when the session refuses one, the window
        shows the session's lists as they then are."""
        edits, self._edits = self._edits, []
        try:
            if edits:
                await self._session.save_lists(edits)
        finally:
            self._load()

    def discard(self) -> None:
        self._edits.clear()
        self._load()

    # -- read through to the session ---------------------------------------------------------

    @property
    def plan(self) -> NumberPlan:
        return self._session.plan

    @property
    def colleagues(self) -> Colleagues:
        return self._session.colleagues

    def now(self) -> float:
        return self._session.now()

    async def activities(self) -> list[Activity]:
        return await self._session.activities()

    def states(self) -> list[State]:
        return list(self._states)

    def templates(self) -> list[Template]:
        return list(self._templates)

    def appointments(self) -> list[Appointment]:
        return list(self._appointments)

    # -- edits -------------------------------------------------------------------------------

    def save_state(self, state: State, *, renamed_from: str | None = None) -> None:
        if not state.name.strip():
            raise _refused(Reason.STATE_WITHOUT_NAME)
        old = renamed_from if renamed_from is not None else state.name
        if state.name != old and any(s.name == state.name for s in self._states):
            raise _refused(Reason.STATE_EXISTS, name=state.name)
        names = [s.name for s in self._states]
        if old in names:
            self._states[names.index(old)] = state
            self._templates = [
                dataclasses.replace(t, state=state.name) if t.state == old else t
                for t in self._templates
            ]
        else:
            self._states.append(state)
        self._edits.append(SaveState(state=state, renamed_from=renamed_from))

    def save_template(self, template: Template, *, renamed_from: str | None = None) -> None:
        if not template.name.strip():
            raise _refused(Reason.TEMPLATE_WITHOUT_NAME)
        if template.state not in {s.name for s in self._states}:
            raise _refused(Reason.TEMPLATE_STATE_UNKNOWN, name=template.name, state=template.state)
        old = renamed_from if renamed_from is not None else template.name
        names = [t.name for t in self._templates]
        if template.name != old and template.name in names:
            raise _refused(Reason.TEMPLATE_EXISTS, name=template.name)
        if old in names:
            self._templates[names.index(old)] = template
            self._appointments = [
                dataclasses.replace(a, template_name=template.name) if a.template_name == old else a
                for a in self._appointments
            ]
        else:
            self._templates.append(template)
        self._edits.append(SaveTemplate(template=template, renamed_from=renamed_from))

    def delete_template(self, name: str) -> None:
        self._templates = [t for t in self._templates if t.name != name]
        self._edits.append(DeleteTemplate(name=name))

    def save_appointment(self, appointment: Appointment) -> None:
        self._appointments = [a for a in self._appointments if a.id != appointment.id]
        self._appointments.append(appointment)
        self._edits.append(SaveAppointment(appointment=appointment))

    def delete_appointment(self, appointment_id: str) -> None:
        self._appointments = [a for a in self._appointments if a.id != appointment_id]
        self._edits.append(DeleteAppointment(appointment_id=appointment_id))
