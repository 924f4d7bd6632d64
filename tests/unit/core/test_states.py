"""Local states and presence mapped both ways (the parts that need no Konnekta)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from konnekta_desktop.core.commands import Commands
from konnekta_desktop.core.model import LiveModel
from konnekta_desktop.core.states import PresenceService
from konnekta_desktop.core.store import Store
from konnekta_desktop.domain import Activity, Availability, PresenceUpdate, User, UserStatus
from konnekta_desktop.domain.numbers import NumberPlan

ACTIVITIES = [
    Activity(id="act-available", name="Available"),
    Activity(id="act-meeting", name="In a meeting"),
    Activity(id="act-yoga", name="Yoga"),
]
ACTIVITY_MAPPINGS = {"act-available": "Available", "act-meeting": "Meeting 1 hour"}
STATE_MAPPINGS = {"Available": "act-available", "Meeting": "act-meeting", "Busy": "act-meeting"}


@pytest.fixture
def model() -> LiveModel:
    model = LiveModel()
    users = [User(id=f"u{i}", username=f"u{i}@x.dk", name=f"User {i}") for i in (1, 2)]
    statuses = [
        UserStatus(user_id="u1", activity_id="act-meeting", availability=Availability.UNAVAILABLE),
        UserStatus(user_id="u2", activity_id="act-yoga", availability=Availability.AVAILABLE),
    ]
    model.load(users, statuses, ACTIVITIES)
    return model


@pytest.fixture
def presence(store: Store, model: LiveModel) -> PresenceService:
    # No API calls happen in these tests: the service is offline (connected is False).
    commands = Commands(SimpleNamespace(api=None, plan=NumberPlan()), model)
    return PresenceService(
        store,
        model,
        commands,
        activity_mappings=ACTIVITY_MAPPINGS,
        state_mappings=STATE_MAPPINGS,
        now=lambda: 1000.0,
    )


def presence_event(user_id: str, activity_id: str, availability: Availability) -> PresenceUpdate:
    return PresenceUpdate(user_id=user_id, activity_id=activity_id, availability=availability)


def test_konnekta_activity_is_shown_through_the_activity_mapping(presence: PresenceService) -> None:
    shown = presence.shown_state("u1")
    assert (shown.label, shown.available, shown.unmapped) == ("Meeting", False, False)


def test_an_unmapped_activity_is_shown_as_unmapped_with_its_name(presence: PresenceService) -> None:
    shown = presence.shown_state("u2")
    assert (shown.label, shown.unmapped) == ("unmapped: Yoga", True)


def test_incoming_activity_sets_the_local_state_and_tells_subscribers(
    presence: PresenceService, model: LiveModel, store: Store
) -> None:
    heard: list[set[str]] = []
    presence.subscribe(heard.append)
    model.apply(presence_event("u2", "act-available", Availability.AVAILABLE))
    presence.on_presence_events({"u2"})
    assert presence.shown_state("u2").label == "Available"
    assert store.user_state("u2").state == "Available"  # type: ignore[union-attr]
    assert heard == [{"u2"}]
    assert store.pending_changes() == []  # it came from Konnekta: nothing to send back


async def test_a_change_made_offline_is_kept_as_pending(
    presence: PresenceService, store: Store
) -> None:
    sent = await presence.set_state("u1", "Lunch")
    assert sent is False
    assert presence.shown_state("u1").label == "Lunch"
    assert [(c.user_id, c.state) for c in store.pending_changes()] == [("u1", "Lunch")]


async def test_own_change_coming_back_keeps_the_chosen_state(
    presence: PresenceService, model: LiveModel
) -> None:
    await presence.set_state("u2", "Busy")  # maps to act-meeting, as Meeting does
    model.apply(presence_event("u2", "act-meeting", Availability.UNAVAILABLE))
    presence.on_presence_events({"u2"})
    assert presence.shown_state("u2").label == "Busy"


def test_the_dot_follows_konnekta_availability_during_wrap_up(
    presence: PresenceService, model: LiveModel, store: Store
) -> None:
    store.set_user_state("u2", "Available", 900.0)
    fresh = PresenceService(
        store,
        model,
        Commands(SimpleNamespace(api=None, plan=NumberPlan()), model),
        activity_mappings=ACTIVITY_MAPPINGS,
        state_mappings=STATE_MAPPINGS,
        now=lambda: 1000.0,
    )
    assert fresh.shown_state("u2").available is True
    model.apply(presence_event("u2", "act-yoga", Availability.UNAVAILABLE))
    assert fresh.shown_state("u2").label == "Available"
    assert fresh.shown_state("u2").available is False


def test_sync_from_konnekta_drops_unsent_local_changes(
    presence: PresenceService, store: Store
) -> None:
    store.change_user_state("u1", "Lunch", 999.0)
    changed = presence.adopt_konnekta()
    assert changed == 2
    assert store.pending_changes() == []
    assert presence.shown_state("u1").label == "Meeting"


def test_an_activity_that_maps_to_nothing_drops_the_local_state_in_the_store_too(
    presence: PresenceService, store: Store, model: LiveModel
) -> None:
    """Reference-page fidelity, defect 4 (activity mapping): the local state was dropped only in
    memory; after a restart the store's stale state was pushed over the user's real activity."""
    presence.on_presence_events({"u1"})  # act-meeting -> "Meeting"
    assert store.user_state("u1") is not None

    model.apply(presence_event("u1", "act-yoga", Availability.AVAILABLE))  # mapped to nothing
    presence.on_presence_events({"u1"})

    assert presence.local_state("u1") is None
    assert store.user_state("u1") is None
    restarted = PresenceService(
        store,
        model,
        Commands(SimpleNamespace(api=None, plan=NumberPlan()), model),
        activity_mappings=ACTIVITY_MAPPINGS,
        state_mappings=STATE_MAPPINGS,
        now=lambda: 2000.0,
    )
    assert restarted.desired_update("u1") is None  # nothing stale to push after a restart
