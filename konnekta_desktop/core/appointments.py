"""Appointments: templates scheduled for a time span, and a pure scheduler saying what to do now.

At an appointment's start the user gets the template's state, caller ID and forwarding; at its end
the state the user had before returns. Times are Unix seconds (as everywhere in the core).

The scheduler is pure: given the appointments, the appointments the app has applied (with what
they replaced, kept in the store) and `now`, it says which end and which start. So:

- an appointment that began while the app was closed and is still current starts at start-up;
- one that began and ended while the app was closed never applies;
- one that the app applied and that ended (or was deleted) while the app was closed ends at
  start-up, giving back the state it replaced, so no user is left in "Meeting" for ever;
- when appointments of one user overlap, the one that started last wins; when it ends, the
  earlier one (still current) applies again.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..domain.appointments import Appointment

__all__ = [
    "ActiveAppointment",
    "AppointmentAction",
    "EndAppointment",
    "PreviousState",
    "StartAppointment",
    "current_appointments",
    "next_change_at",
    "plan",
]


@dataclass(frozen=True, slots=True)
class PreviousState:
    """What an appointment replaced, to give back when it ends (None: the appointment did not set
    it). `caller_id` "" is the default caller ID (none chosen), `forwarding` "" no forwarding."""

    state: str | None
    caller_id: str | None = None
    forwarding: str | None = None


@dataclass(frozen=True, slots=True)
class ActiveAppointment:
    """An appointment the app has applied, and what it replaced; stored until the appointment ends."""

    appointment_id: str
    user_id: str
    previous: PreviousState
    applied_at: float


@dataclass(frozen=True, slots=True)
class StartAppointment:
    """Apply the appointment's template; first record the user's current state as `PreviousState`."""

    appointment: Appointment


@dataclass(frozen=True, slots=True)
class EndAppointment:
    """The applied appointment is over: give back `active.previous` and forget `active`."""

    active: ActiveAppointment


type AppointmentAction = StartAppointment | EndAppointment


def current_appointments(appointments: Iterable[Appointment], now: float) -> dict[str, Appointment]:
    """The appointment that applies to each user at `now`: of overlapping ones, the latest start."""
    current: dict[str, Appointment] = {}
    for appointment in appointments:
        if not appointment.current_at(now):
            continue
        held = current.get(appointment.user_id)
        if held is None or (appointment.start, appointment.id) > (held.start, held.id):
            current[appointment.user_id] = appointment
    return current


def plan(
    appointments: Iterable[Appointment], active: Iterable[ActiveAppointment], now: float
) -> list[AppointmentAction]:
    """What to do at `now`: every end first, then every start, so a start records the state that
    the ends gave back (back-to-back appointments return to the state before the first one).
    """
    current = current_appointments(appointments, now)
    applied = {entry.user_id: entry for entry in active}
    ends: list[AppointmentAction] = []
    starts: list[AppointmentAction] = []
    for user_id in sorted(set(current) | set(applied)):
        wanted = current.get(user_id)
        held = applied.get(user_id)
        if held is not None and (wanted is None or wanted.id != held.appointment_id):
            ends.append(EndAppointment(held))
        if wanted is not None and (held is None or held.appointment_id != wanted.id):
            starts.append(StartAppointment(wanted))
    return ends + starts


def next_change_at(appointments: Iterable[Appointment], now: float) -> float | None:
    """When `plan` may next have something to do (the next start or end after `now`), or None."""
    upcoming = [
        moment
        for appointment in appointments
        for moment in (appointment.start, appointment.end)
        if moment > now
    ]
    return min(upcoming, default=None)
