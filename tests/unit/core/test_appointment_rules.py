"""Appointments overlapping in any order: the one that started last applies, whatever the order
they are listed in; and an appointment that ends before it starts says so in full."""

from __future__ import annotations

import pytest

from konnekta_desktop.core.appointments import StartAppointment, current_appointments, plan
from konnekta_desktop.domain.appointments import Appointment

HOUR = 3600.0
NINE = 1_750_000_000.0


def appointment(
    id: str, start: float, end: float, template: str = "Meeting 1 hour", user_id: str = "anna"
) -> Appointment:
    return Appointment(id=id, user_id=user_id, template_name=template, start=start, end=end)


LONG = appointment("m1", NINE, NINE + 3 * HOUR)
LUNCH = appointment("l1", NINE + HOUR, NINE + 1.5 * HOUR, template="Lunch")


@pytest.mark.parametrize("listed", [[LONG, LUNCH], [LUNCH, LONG]], ids=["in-order", "reversed"])
def test_of_overlapping_appointments_the_later_start_applies_in_any_order(
    listed: list[Appointment],
) -> None:
    assert current_appointments(listed, NINE + HOUR) == {"anna": LUNCH}
    assert plan(listed, [], NINE + HOUR) == [StartAppointment(LUNCH)]


@pytest.mark.parametrize("reverse", [False, True])
def test_of_appointments_starting_together_the_same_one_applies_in_any_order(
    reverse: bool,
) -> None:
    """A tie is broken by id, so the choice does not depend on the order the store lists them."""
    first = appointment("a", NINE, NINE + HOUR)
    second = appointment("b", NINE, NINE + 2 * HOUR, template="Lunch")
    listed = [second, first] if reverse else [first, second]
    assert current_appointments(listed, NINE + 60) == {"anna": second}


def test_overlapping_appointments_of_different_users_do_not_compete() -> None:
    bo = appointment("b1", NINE + HOUR, NINE + 2 * HOUR, user_id="bo")
    assert current_appointments([bo, LONG], NINE + HOUR) == {"anna": LONG, "bo": bo}


def test_an_appointment_ending_before_it_starts_says_what_to_do() -> None:
    with pytest.raises(
        ValueError,
        match=(
            r"^Appointment 'Lunch' ends before it starts: "
            r"choose an end time after the start time$"
        ),
    ):
        appointment("l1", NINE, NINE - 1, template="Lunch")
