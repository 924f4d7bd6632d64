"""Appointments: what starts and ends when, including across the app being closed."""

from __future__ import annotations

import pytest

from konnekta_desktop.core.appointments import (
    ActiveAppointment,
    EndAppointment,
    PreviousState,
    StartAppointment,
    current_appointments,
    next_change_at,
    plan,
)
from konnekta_desktop.domain.appointments import Appointment

HOUR = 3600.0
NINE = 1_750_000_000.0


def meeting(
    start: float = NINE,
    end: float = NINE + HOUR,
    id: str = "m1",
    user_id: str = "anna",
    template: str = "Meeting 1 hour",
) -> Appointment:
    return Appointment(id=id, user_id=user_id, template_name=template, start=start, end=end)


def applied(appointment: Appointment, state: str = "Available") -> ActiveAppointment:
    return ActiveAppointment(
        appointment_id=appointment.id,
        user_id=appointment.user_id,
        previous=PreviousState(state),
        applied_at=appointment.start,
    )


class Desk:
    """Plays the connector: applies the scheduler's actions to one user's state, as the app does."""

    def __init__(self, state: str = "Available") -> None:
        self.state = state
        self.active: dict[str, ActiveAppointment] = {}
        self.templates = {"Meeting 1 hour": "Meeting", "Lunch": "Lunch"}

    def tick(self, appointments: list[Appointment], now: float) -> None:
        for action in plan(appointments, self.active.values(), now):
            if isinstance(action, EndAppointment):
                self.state = action.active.previous.state or self.state
                del self.active[action.active.user_id]
            else:
                appointment = action.appointment
                self.active[appointment.user_id] = ActiveAppointment(
                    appointment_id=appointment.id,
                    user_id=appointment.user_id,
                    previous=PreviousState(self.state),
                    applied_at=now,
                )
                self.state = self.templates[appointment.template_name]


def test_an_appointment_ending_before_it_starts_is_refused() -> None:
    with pytest.raises(ValueError, match="ends before it starts"):
        meeting(start=NINE, end=NINE)


def test_nothing_happens_before_an_appointment_starts() -> None:
    assert plan([meeting()], [], NINE - 1) == []


def test_an_appointment_starts_at_its_start_time() -> None:
    assert plan([meeting()], [], NINE) == [StartAppointment(meeting())]


def test_an_applied_appointment_that_is_still_current_needs_nothing() -> None:
    assert plan([meeting()], [applied(meeting())], NINE + 60) == []


def test_an_appointment_ends_at_its_end_time_giving_back_the_previous_state() -> None:
    held = applied(meeting(), state="Busy")
    assert plan([meeting()], [held], NINE + HOUR) == [EndAppointment(held)]


def test_an_appointment_that_began_while_the_app_was_closed_applies_at_start_up() -> None:
    assert plan([meeting()], [], NINE + 30 * 60) == [StartAppointment(meeting())]


def test_an_appointment_that_ended_while_the_app_was_closed_does_not_apply() -> None:
    assert plan([meeting()], [], NINE + 2 * HOUR) == []


def test_an_applied_appointment_that_ended_while_closed_gives_back_the_state_at_start_up() -> None:
    held = applied(meeting(), state="Working from home")
    assert plan([meeting()], [held], NINE + 5 * HOUR) == [EndAppointment(held)]


def test_a_deleted_appointment_that_was_applied_ends() -> None:
    held = applied(meeting())
    assert plan([], [held], NINE + 60) == [EndAppointment(held)]


def test_back_to_back_appointments_return_to_the_state_before_the_first() -> None:
    first = meeting()
    second = meeting(start=NINE + HOUR, end=NINE + 1.5 * HOUR, id="l1", template="Lunch")
    desk = Desk("Available")
    desk.tick([first, second], NINE)
    assert desk.state == "Meeting"
    actions = plan([first, second], desk.active.values(), NINE + HOUR)
    assert [type(a) for a in actions] == [EndAppointment, StartAppointment]
    desk.tick([first, second], NINE + HOUR)
    assert desk.state == "Lunch"
    desk.tick([first, second], NINE + 1.5 * HOUR)
    assert desk.state == "Available"
    assert desk.active == {}


def test_overlapping_appointments_the_later_start_wins_and_the_earlier_resumes() -> None:
    long = meeting(end=NINE + 3 * HOUR)
    lunch = meeting(start=NINE + HOUR, end=NINE + 1.5 * HOUR, id="l1", template="Lunch")
    assert current_appointments([long, lunch], NINE + HOUR + 1) == {"anna": lunch}
    desk = Desk("Available")
    for moment in (NINE, NINE + HOUR, NINE + 1.5 * HOUR):
        desk.tick([long, lunch], moment)
    assert desk.state == "Meeting"
    desk.tick([long, lunch], NINE + 3 * HOUR)
    assert desk.state == "Available"


def test_each_user_is_scheduled_on_their_own() -> None:
    anna = meeting()
    bo = meeting(id="m2", user_id="bo", start=NINE + HOUR, end=NINE + 2 * HOUR)
    assert plan([anna, bo], [applied(anna)], NINE + HOUR) == [
        EndAppointment(applied(anna)),
        StartAppointment(bo),
    ]


def test_next_change_is_the_next_start_or_end() -> None:
    appointments = [meeting(), meeting(id="m2", start=NINE + 2 * HOUR, end=NINE + 3 * HOUR)]
    assert next_change_at(appointments, NINE - 10) == NINE
    assert next_change_at(appointments, NINE) == NINE + HOUR
    assert next_change_at(appointments, NINE + HOUR) == NINE + 2 * HOUR
    assert next_change_at(appointments, NINE + 3 * HOUR) is None
