"""The presence mapper's words in the log for each kind of missing mapping, and its state lookup.

Reference page, Konnekta Activity Mappings and Totalview State Mappings: activities map to
templates, states to activities. What is not mapped is logged once, saying which mapping table
in Settings to fill in, since the log is where the operator finds it (as LogPresenceActivityIds).
"""

from __future__ import annotations

import logging

import pytest

from konnekta_desktop.core.presence import PresenceMapper
from konnekta_desktop.domain.states import DEFAULT_STATES, DEFAULT_TEMPLATES, State, StateClass

ACTIVITIES = {"a-avail": "Available", "a-meet": "In a meeting", "a-away": "Away"}


@pytest.fixture
def mapper() -> PresenceMapper:
    return PresenceMapper(
        activity_mappings={"a-avail": "Available", "a-meet": "Gone"},
        state_mappings={"Available": "a-avail", "Meeting": "a-deleted"},
        states=DEFAULT_STATES,
        templates=DEFAULT_TEMPLATES,
        activities=ACTIVITIES,
    )


def logged(caplog: pytest.LogCaptureFixture) -> list[tuple[int, str]]:
    return [(record.levelno, record.getMessage()) for record in caplog.records]


def test_an_activity_without_a_mapping_is_logged_naming_the_settings_table(
    mapper: PresenceMapper, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="konnekta_desktop.core.presence"):
        mapper.template_for_activity("a-away")
    assert logged(caplog) == [
        (
            logging.WARNING,
            "Presence not mapped: Konnekta activity 'Away' (no template is mapped to it in "
            "Settings > Activity mappings); it is shown as 'unmapped: Away'",
        )
    ]


def test_an_activity_mapped_to_a_missing_template_is_logged_naming_the_template(
    mapper: PresenceMapper, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="konnekta_desktop.core.presence"):
        mapper.template_for_activity("a-meet")
    assert logged(caplog) == [
        (
            logging.WARNING,
            "Presence not mapped: Konnekta activity 'In a meeting' (it maps to template 'Gone', "
            "which does not exist); it is shown as 'unmapped: In a meeting'",
        )
    ]


def test_a_state_without_a_mapping_is_logged_naming_the_settings_table(
    mapper: PresenceMapper, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="konnekta_desktop.core.presence"):
        mapper.activity_for_state(State("Sick", StateClass.OUT_OF_OFFICE))
    assert logged(caplog) == [
        (
            logging.WARNING,
            "Presence not mapped: state 'Sick' (no Konnekta activity is mapped to it in "
            "Settings > State mappings); it is shown as 'unmapped: Sick'",
        )
    ]


def test_a_state_mapped_to_an_activity_konnekta_does_not_list_is_logged_naming_the_id(
    mapper: PresenceMapper, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="konnekta_desktop.core.presence"):
        mapper.activity_for_state(State("Meeting", StateClass.BUSY))
    assert logged(caplog) == [
        (
            logging.WARNING,
            "Presence not mapped: state 'Meeting' (it maps to activity id 'a-deleted', which "
            "Konnekta does not list); it is shown as 'unmapped: Meeting'",
        )
    ]


def test_the_mapper_finds_a_state_by_its_name(mapper: PresenceMapper) -> None:
    assert mapper.state("Lunch") == State("Lunch", StateClass.OUT_OF_OFFICE)
    assert mapper.state("Nap") is None
