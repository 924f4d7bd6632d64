"""Edits of the tenant's lists (states, templates, appointments), as the Settings window makes
them and a session carries them out, in order: the same edits whether the session is the
desktop's own or a company connector's (where only administrators make them)."""

from __future__ import annotations

from typing import Protocol

import msgspec

from .appointments import Appointment
from .states import State, Template

__all__ = [
    "DeleteAppointment",
    "DeleteTemplate",
    "ListEdit",
    "ListsTarget",
    "SaveAppointment",
    "SaveState",
    "SaveTemplate",
    "carry_out_edits",
]


class _Edit(msgspec.Struct, frozen=True, kw_only=True, tag_field="edit"):
    pass


class SaveState(_Edit, frozen=True, kw_only=True, tag="save_state"):
    state: State
    renamed_from: str | None = None


class SaveTemplate(_Edit, frozen=True, kw_only=True, tag="save_template"):
    template: Template
    renamed_from: str | None = None


class DeleteTemplate(_Edit, frozen=True, kw_only=True, tag="delete_template"):
    name: str


class SaveAppointment(_Edit, frozen=True, kw_only=True, tag="save_appointment"):
    appointment: Appointment


class DeleteAppointment(_Edit, frozen=True, kw_only=True, tag="delete_appointment"):
    appointment_id: str


ListEdit = SaveState | SaveTemplate | DeleteTemplate | SaveAppointment | DeleteAppointment


class ListsTarget(Protocol):
    def save_state(self, state: State, *, renamed_from: str | None = None) -> None: ...
    def save_template(self, template: Template, *, renamed_from: str | None = None) -> None: ...
    def delete_template(self, name: str) -> None: ...
    def save_appointment(self, appointment: Appointment) -> None: ...
    def delete_appointment(self, appointment_id: str) -> None: ...


def carry_out_edits(target: ListsTarget, edits: list[ListEdit]) -> None:
    """Each edit on `target`, oldest first; one it refuses stops there (it raises)."""
    for edit in edits:
        match edit:
            case SaveState(state=state, renamed_from=renamed_from):
                target.save_state(state, renamed_from=renamed_from)
            case SaveTemplate(template=template, renamed_from=renamed_from):
                target.save_template(template, renamed_from=renamed_from)
            case DeleteTemplate(name=name):
                target.delete_template(name)
            case SaveAppointment(appointment=appointment):
                target.save_appointment(appointment)
            case DeleteAppointment(appointment_id=appointment_id):
                target.delete_appointment(appointment_id)
