"""Presence: state classes, default states and templates, and mapping both ways with Konnekta."""

from __future__ import annotations

import logging

import pytest

from konnekta_desktop.core.presence import PresenceMapper, Unmapped
from konnekta_desktop.domain import Availability, PresenceChange
from konnekta_desktop.domain.states import (
    DEFAULT_STATES,
    DEFAULT_TEMPLATES,
    State,
    StateClass,
    Template,
    availability_of,
)

ACTIVITIES = {
    "a-avail": "Available",
    "a-lunch": "Lunch",
    "a-meet": "In a meeting",
    "a-away": "Away",
}


def mapper(**overrides: object) -> PresenceMapper:
    arguments: dict[str, object] = {
        "activity_mappings": {"a-avail": "Available", "a-lunch": "Lunch", "a-meet": "Gone"},
        "state_mappings": {"Available": "a-avail", "Lunch": "a-lunch", "Meeting": "a-deleted"},
        "states": DEFAULT_STATES,
        "templates": DEFAULT_TEMPLATES,
        "activities": ACTIVITIES,
    }
    arguments.update(overrides)
    return PresenceMapper(**arguments)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("state_class", "availability"),
    [
        (StateClass.FREE, Availability.AVAILABLE),
        (StateClass.TENTATIVE, Availability.UNAVAILABLE),
        (StateClass.BUSY, Availability.UNAVAILABLE),
        (StateClass.OUT_OF_OFFICE, Availability.UNAVAILABLE),
        (StateClass.WORKING_ELSEWHERE, Availability.UNAVAILABLE),
    ],
)
def test_only_free_is_available(state_class: StateClass, availability: Availability) -> None:
    assert availability_of(state_class) is availability


def test_defaults_cover_every_state_class_and_every_template_names_a_default_state() -> None:
    names = {state.name for state in DEFAULT_STATES}
    assert len(names) == len(DEFAULT_STATES)
    assert {state.state_class for state in DEFAULT_STATES} == set(StateClass)
    assert {template.state for template in DEFAULT_TEMPLATES} <= names
    assert len({template.name for template in DEFAULT_TEMPLATES}) == len(DEFAULT_TEMPLATES)


def test_a_template_refuses_a_duration_that_is_not_positive() -> None:
    with pytest.raises(ValueError, match="positive number of minutes"):
        Template("Lunch", "Lunch", duration_minutes=0)


def test_a_mapped_activity_gives_its_template() -> None:
    lunch = mapper().template_for_activity("a-lunch")
    assert isinstance(lunch, Template)
    assert (lunch.name, lunch.state, lunch.duration_minutes) == ("Lunch", "Lunch", 30)


def test_an_unmapped_activity_is_named_for_the_ui_and_logged_once(
    caplog: pytest.LogCaptureFixture,
) -> None:
    presence = mapper()
    with caplog.at_level(logging.WARNING, logger="konnekta_desktop.core.presence"):
        first = presence.template_for_activity("a-away")
        second = presence.template_for_activity("a-away")
    assert first == second == Unmapped("activity", "Away")
    assert first.label == "unmapped: Away"
    assert len(caplog.records) == 1
    assert "'Away'" in caplog.records[0].getMessage()
    assert "Settings > Activity mappings" in caplog.records[0].getMessage()
    assert presence.unmapped == (Unmapped("activity", "Away"),)


def test_an_activity_mapped_to_a_missing_template_is_unmapped_and_says_why(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.WARNING):
        result = mapper().template_for_activity("a-meet")
    assert result == Unmapped("activity", "In a meeting")
    assert "'Gone', which does not exist" in caplog.text


def test_an_activity_konnekta_never_listed_is_shown_by_its_id() -> None:
    assert mapper().template_for_activity("a-new") == Unmapped("activity", "a-new")


def test_a_mapped_state_sends_its_activity_and_the_availability_of_its_class() -> None:
    presence = mapper()
    assert presence.konnekta_for_state(State("Available", StateClass.FREE)) == PresenceChange(
        activity_id="a-avail", availability=Availability.AVAILABLE
    )
    assert presence.konnekta_for_state(State("Lunch", StateClass.OUT_OF_OFFICE)) == PresenceChange(
        activity_id="a-lunch", availability=Availability.UNAVAILABLE
    )


def test_an_unmapped_state_still_sends_its_availability_and_is_listed_once(
    caplog: pytest.LogCaptureFixture,
) -> None:
    presence = mapper()
    sick = State("Sick", StateClass.OUT_OF_OFFICE)
    with caplog.at_level(logging.WARNING):
        updates = [presence.konnekta_for_state(sick) for _ in range(3)]
    assert updates == [PresenceChange(availability=Availability.UNAVAILABLE)] * 3
    assert presence.activity_for_state(sick) == Unmapped("state", "Sick")
    assert presence.unmapped == (Unmapped("state", "Sick"),)
    assert len(caplog.records) == 1


def test_a_state_mapped_to_an_activity_konnekta_does_not_list_is_unmapped() -> None:
    presence = mapper()
    meeting = State("Meeting", StateClass.BUSY)
    assert presence.activity_for_state(meeting) == Unmapped("state", "Meeting")
    assert presence.konnekta_for_state(meeting).activity_id is None


def test_before_activities_are_fetched_a_mapped_state_is_trusted() -> None:
    presence = mapper(activities={})
    assert presence.activity_for_state(State("Meeting", StateClass.BUSY)) == "a-deleted"


def test_unmapped_activity_and_state_of_the_same_name_are_both_listed() -> None:
    presence = mapper(activities={"x": "Lunch"}, activity_mappings={}, state_mappings={})
    presence.template_for_activity("x")
    presence.activity_for_state(State("Lunch", StateClass.OUT_OF_OFFICE))
    assert presence.unmapped == (Unmapped("activity", "Lunch"), Unmapped("state", "Lunch"))
