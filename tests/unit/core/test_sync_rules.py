"""State sync on start-up and reconnect, both directions, against a scripted API (no network).

Reference page, State Settings > Startup/Reconnect Behavior: "If set, connector will synchronize
states between the systems on startup/reconnect", in the chosen Direction, "Totalview to
Konnekta, or Konnekta to Totalview" (here: local -> Konnekta or Konnekta -> local), so that "the
systems get back in sync" after state changes were lost while disconnected.
"""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from types import SimpleNamespace

import pytest

from konnekta_desktop.core import sync as sync_module
from konnekta_desktop.core.commands import Commands
from konnekta_desktop.core.model import LiveModel
from konnekta_desktop.core.states import PresenceService
from konnekta_desktop.core.store import Store
from konnekta_desktop.core.sync import SyncReport, synchronise
from konnekta_desktop.domain import Activity, Availability, CallerIds, Right, User, UserStatus
from konnekta_desktop.domain.numbers import NumberPlan
from konnekta_desktop.domain.refusals import Reason, why
from konnekta_desktop.domain.states import SyncDirection
from konnekta_desktop.konnekta.errors import Unavailable

AVAILABLE = Availability.AVAILABLE
UNAVAILABLE = Availability.UNAVAILABLE
ACTIVITIES = [
    Activity(id="act-available", name="Available"),
    Activity(id="act-meeting", name="In a meeting"),
    Activity(id="act-lunch", name="Lunch"),
]
ACTIVITY_MAPPINGS = {
    "act-available": "Available",
    "act-meeting": "Meeting 1 hour",
    "act-lunch": "Lunch",
}
STATE_MAPPINGS = {"Available": "act-available", "Meeting": "act-meeting", "Lunch": "act-lunch"}
DOWN = Unavailable(why(Reason.KONNEKTA_UNAVAILABLE, status="503", said=""), status=503)
MAIN_NUMBER = "+4570101010"
SUPPORT_NUMBER = "+4570202020"
TO_KONNEKTA = SyncDirection.LOCAL_TO_KONNEKTA
FROM_KONNEKTA = SyncDirection.KONNEKTA_TO_LOCAL


class ScriptedApi:
    """Takes presence PUTs; `failures[user]` PUTs of that user fail first. Each PUT yields once,
    so that requests sent together are in flight together."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, str | None, Availability | None]] = []
        self.settings: list[tuple[str, str, str | None]] = []  # (user, what, number)
        self.tries: Counter[str] = Counter()
        self.failures: dict[str, int] = {}
        self.in_flight = 0
        self.most_in_flight = 0

    async def caller_ids(self, user_id: str) -> CallerIds:
        return CallerIds(current=None, valid=(MAIN_NUMBER, SUPPORT_NUMBER))

    async def set_caller_id(self, user_id: str, number: str) -> None:
        self.settings.append((user_id, "caller ID", number))

    async def set_diversion(self, user_id: str, number: str) -> None:
        self.settings.append((user_id, "forwarding", number))

    async def clear_diversion(self, user_id: str) -> None:
        self.settings.append((user_id, "forwarding", None))

    async def set_presence(
        self, user_id: str, *, activity_id: str | None, availability: Availability | None
    ) -> None:
        self.tries[user_id] += 1
        self.in_flight += 1
        self.most_in_flight = max(self.most_in_flight, self.in_flight)
        try:
            await asyncio.sleep(0)
            if self.failures.get(user_id, 0) > 0:
                self.failures[user_id] -= 1
                raise DOWN
            self.sent.append((user_id, activity_id, availability))
        finally:
            self.in_flight -= 1


class Pauses:
    """The sync's `sleep`: records the pauses between retries instead of waiting them out."""

    def __init__(self) -> None:
        self.seconds: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.seconds.append(seconds)


def status(user_id: str, activity_id: str | None, availability: Availability) -> UserStatus:
    return UserStatus(user_id=user_id, activity_id=activity_id, availability=availability)


def tenant(*statuses: UserStatus, may_set_caller_id: bool = True) -> LiveModel:
    """A model with one colleague ("User 1" for u1, ...) per status."""
    model = LiveModel()
    rights = (Right.SET_CALLER_ID,) if may_set_caller_id else ()
    users = [
        User(
            id=s.user_id, username=f"{s.user_id}@x.dk", name=f"User {s.user_id[1:]}", rights=rights
        )
        for s in statuses
    ]
    model.load(users, statuses, ACTIVITIES)
    return model


def presence_service(store: Store, api: ScriptedApi, model: LiveModel) -> PresenceService:
    commands = Commands(SimpleNamespace(api=api, plan=NumberPlan()), model)  # type: ignore[arg-type]
    return PresenceService(
        store,
        model,
        commands,
        activity_mappings=ACTIVITY_MAPPINGS,
        state_mappings=STATE_MAPPINGS,
        now=lambda: 1000.0,
    )


async def changed_offline(presence: PresenceService, changes: dict[str, str]) -> None:
    """These colleagues' states were set while disconnected; then the connection is back."""
    presence.connected = False
    for user_id, state in changes.items():
        await presence.set_state(user_id, state)
    presence.connected = True


async def template_set_offline(
    presence: PresenceService, user_id: str, state: str, caller_id: str, forwarding: str
) -> None:
    """A template with a caller ID and forwarding was set while disconnected."""
    presence.connected = False
    await presence.set_state(user_id, state, caller_id=caller_id, forwarding=forwarding)
    presence.connected = True


@pytest.fixture
def api() -> ScriptedApi:
    return ScriptedApi()


@pytest.fixture
def pauses() -> Pauses:
    return Pauses()


def everyone_available(count: int) -> LiveModel:
    return tenant(*(status(f"u{i}", "act-available", AVAILABLE) for i in range(1, count + 1)))


# --- Konnekta -> local --------------------------------------------------------------------------


async def test_konnekta_to_local_makes_local_states_follow_konnekta_and_drops_unsent_changes(
    store: Store, api: ScriptedApi
) -> None:
    """Direction Konnekta to Totalview: Konnekta wins. Local states follow the activity mapping,
    a change made here while disconnected is dropped, and nothing is sent to Konnekta."""
    model = tenant(
        status("u1", "act-meeting", UNAVAILABLE),
        status("u2", "act-lunch", UNAVAILABLE),
        status("u3", None, AVAILABLE),  # no activity in Konnekta: nothing to follow
    )
    presence = presence_service(store, api, model)
    await changed_offline(presence, {"u1": "Available", "u2": "Available"})

    report = await synchronise(FROM_KONNEKTA, presence, model)

    assert api.sent == []
    assert {u: presence.local_state(u).state for u in ("u1", "u2")} == {  # type: ignore[union-attr]
        "u1": "Meeting",
        "u2": "Lunch",
    }
    assert store.pending_changes() == []
    assert (report.direction, report.changed, report.unchanged, report.failed) == (
        FROM_KONNEKTA,
        2,
        1,
        {},
    )


# --- local -> Konnekta --------------------------------------------------------------------------


async def test_local_to_konnekta_sends_the_mapped_activity_and_the_availability_of_the_state(
    store: Store, api: ScriptedApi, pauses: Pauses
) -> None:
    """Totalview State Mappings: the state's activity, and available only for state class Free."""
    model = everyone_available(2)
    presence = presence_service(store, api, model)
    await changed_offline(presence, {"u1": "Lunch", "u2": "Meeting"})

    report = await synchronise(TO_KONNEKTA, presence, model, sleep=pauses)

    assert sorted(api.sent) == [
        ("u1", "act-lunch", UNAVAILABLE),
        ("u2", "act-meeting", UNAVAILABLE),
    ]
    assert (report.changed, report.unchanged, report.held) == (2, 0, 0)
    assert store.pending_changes() == []


async def test_local_to_konnekta_puts_back_a_state_konnekta_changed_while_disconnected(
    store: Store, api: ScriptedApi
) -> None:
    """A colleague with no unsent change whose Konnekta activity moved away from the local state
    (the event was lost while disconnected) gets the local state's activity again."""
    store.set_user_state("u1", "Available", 900.0)
    model = tenant(status("u1", "act-lunch", UNAVAILABLE), status("u2", "act-available", AVAILABLE))
    presence = presence_service(store, api, model)
    presence.connected = True

    report = await synchronise(TO_KONNEKTA, presence, model)

    assert api.sent == [("u1", "act-available", AVAILABLE)]
    assert (report.changed, report.unchanged) == (1, 1)
    assert store.pending_changes() == []


async def test_an_offline_change_already_in_step_is_not_sent_and_no_longer_pending(
    store: Store, api: ScriptedApi
) -> None:
    """A state set while disconnected that Konnekta already shows (someone set the same there)
    needs no request, and is settled: the next sync does not send it again."""
    model = everyone_available(2)
    presence = presence_service(store, api, model)
    await changed_offline(presence, {"u1": "Available", "u2": "Available"})

    report = await synchronise(TO_KONNEKTA, presence, model)

    assert api.sent == []
    assert (report.changed, report.unchanged) == (0, 2)
    assert store.pending_changes() == []


async def test_every_colleague_held_by_a_call_or_wrap_up_is_counted_and_left_alone(
    store: Store, api: ScriptedApi
) -> None:
    model = everyone_available(3)
    presence = presence_service(store, api, model)
    await changed_offline(presence, {"u1": "Lunch", "u2": "Lunch", "u3": "Lunch"})

    report = await synchronise(TO_KONNEKTA, presence, model, held=lambda u: u != "u3")

    assert api.sent == [("u3", "act-lunch", UNAVAILABLE)]
    assert (report.changed, report.held) == (1, 2)
    assert sorted(change.user_id for change in store.pending_changes()) == ["u1", "u2"]


# --- caller ID and forwarding set with a state while disconnected -----------------------------


async def test_the_newest_caller_id_and_forwarding_set_offline_follow_the_state(
    store: Store, api: ScriptedApi
) -> None:
    """Outbound Caller ID settings: the caller ID changes "by changing state"; a template set
    while disconnected brings its caller ID and forwarding to Konnekta with the state. Of several
    offline changes, the newest caller ID and the newest forwarding that were set win."""
    model = everyone_available(2)
    presence = presence_service(store, api, model)
    await template_set_offline(presence, "u1", "Meeting", MAIN_NUMBER, "+4511111111")
    await template_set_offline(presence, "u1", "Lunch", SUPPORT_NUMBER, "")

    report = await synchronise(TO_KONNEKTA, presence, model)

    assert api.sent == [("u1", "act-lunch", UNAVAILABLE)]
    assert api.settings == [
        ("u1", "caller ID", SUPPORT_NUMBER),
        ("u1", "forwarding", "+4511111111"),
    ]
    assert (report.changed, report.failed) == (1, {})
    assert store.pending_changes() == []


async def test_a_caller_id_set_offline_with_a_state_already_in_step_is_still_set(
    store: Store, api: ScriptedApi
) -> None:
    model = everyone_available(1)
    presence = presence_service(store, api, model)
    await template_set_offline(presence, "u1", "Available", MAIN_NUMBER, "+4511111111")

    report = await synchronise(TO_KONNEKTA, presence, model)

    assert api.sent == []
    assert api.settings == [("u1", "caller ID", MAIN_NUMBER), ("u1", "forwarding", "+4511111111")]
    assert report.unchanged == 1
    assert store.pending_changes() == []


async def test_a_refused_caller_id_is_logged_and_the_rest_of_the_sync_goes_on(
    store: Store, api: ScriptedApi, caplog: pytest.LogCaptureFixture
) -> None:
    """The user may not set a caller ID (no "Set Caller ID" right): the forwarding is still set,
    the state is settled, and the log says what could not be set for whom."""
    model = tenant(status("u1", "act-available", AVAILABLE), may_set_caller_id=False)
    presence = presence_service(store, api, model)
    await template_set_offline(presence, "u1", "Lunch", MAIN_NUMBER, "+4511111111")

    with caplog.at_level(logging.WARNING, logger="konnekta_desktop.core.sync"):
        report = await synchronise(TO_KONNEKTA, presence, model)

    assert api.sent == [("u1", "act-lunch", UNAVAILABLE)]
    assert api.settings == [("u1", "forwarding", "+4511111111")]
    assert (report.changed, report.failed) == (1, {})
    assert store.pending_changes() == []
    refused = why(Reason.NO_CALLER_ID_RIGHT, name="User 1")
    sync_log = [r for r in caplog.records if r.name == "konnekta_desktop.core.sync"]
    assert [(r.levelno, r.getMessage()) for r in sync_log] == [
        (logging.WARNING, f"State sync could not set u1's caller ID or forwarding: {refused}")
    ]


# --- retries ------------------------------------------------------------------------------------


async def test_a_failing_colleague_is_tried_three_times_with_growing_pauses_then_reported(
    store: Store, api: ScriptedApi, pauses: Pauses
) -> None:
    model = everyone_available(2)
    presence = presence_service(store, api, model)
    await changed_offline(presence, {"u1": "Lunch", "u2": "Lunch"})
    api.failures["u2"] = 99

    report = await synchronise(TO_KONNEKTA, presence, model, sleep=pauses)

    assert api.tries == {"u1": 1, "u2": 3}
    assert pauses.seconds == [0.4, 0.8]  # 0.2 s doubled per attempt; none after the last
    assert report.failed == {"User 2": str(DOWN)}
    assert [change.user_id for change in store.pending_changes()] == ["u2"]


async def test_the_pause_between_tries_doubles_each_time(
    store: Store, api: ScriptedApi, pauses: Pauses
) -> None:
    model = everyone_available(1)
    presence = presence_service(store, api, model)
    await changed_offline(presence, {"u1": "Lunch"})
    api.failures["u1"] = 99

    await synchronise(TO_KONNEKTA, presence, model, attempts=5, sleep=pauses)

    assert api.tries == {"u1": 5}
    assert pauses.seconds == [0.4, 0.8, 1.6, 3.2]


async def test_a_colleague_through_at_the_third_try_is_changed_and_settled(
    store: Store, api: ScriptedApi, pauses: Pauses
) -> None:
    model = everyone_available(1)
    presence = presence_service(store, api, model)
    await changed_offline(presence, {"u1": "Lunch"})
    api.failures["u1"] = 2

    report = await synchronise(TO_KONNEKTA, presence, model, sleep=pauses)

    assert api.tries == {"u1": 3}
    assert (report.changed, report.failed) == (1, {})
    assert store.pending_changes() == []


async def test_each_retry_is_logged_with_the_attempt_and_the_reason(
    store: Store, api: ScriptedApi, pauses: Pauses, caplog: pytest.LogCaptureFixture
) -> None:
    model = everyone_available(1)
    presence = presence_service(store, api, model)
    await changed_offline(presence, {"u1": "Lunch"})
    api.failures["u1"] = 2

    with caplog.at_level(logging.INFO, logger="konnekta_desktop.core.sync"):
        await synchronise(TO_KONNEKTA, presence, model, sleep=pauses)

    retries = [r.getMessage() for r in caplog.records if "retrying" in r.getMessage()]
    assert retries == [
        f"State sync for User 1 failed (attempt 1), retrying: {DOWN}",
        f"State sync for User 1 failed (attempt 2), retrying: {DOWN}",
    ]


async def test_at_most_32_requests_are_in_flight_at_once(store: Store, api: ScriptedApi) -> None:
    model = everyone_available(40)
    presence = presence_service(store, api, model)
    await changed_offline(presence, {f"u{i}": "Lunch" for i in range(1, 41)})

    report = await synchronise(TO_KONNEKTA, presence, model)

    assert report.changed == 40
    assert api.most_in_flight == 32


# --- what the sync reports ----------------------------------------------------------------------


def test_the_summary_counts_everything_and_names_the_failed_in_order() -> None:
    report = SyncReport(
        TO_KONNEKTA,
        changed=2,
        unchanged=5,
        held=1,
        failed={"Bo": "Konnekta did not answer", "Anna": "refused"},
        seconds=1.234,
    )
    assert report.summary() == (
        "State sync (local_to_konnekta): 2 changed, 5 already in step, "
        "1 held by a call or wrap-up, 2 failed in 1.23 s; "
        "failed: Anna (refused), Bo (Konnekta did not answer)"
    )
    assert SyncReport(FROM_KONNEKTA, changed=3).summary() == (
        "State sync (konnekta_to_local): 3 changed, 0 already in step, "
        "0 held by a call or wrap-up, 0 failed in 0.00 s"
    )


@pytest.mark.parametrize(("failing", "level"), [(False, logging.INFO), (True, logging.WARNING)])
async def test_the_summary_is_logged_as_a_warning_only_when_a_colleague_failed(
    store: Store,
    api: ScriptedApi,
    pauses: Pauses,
    caplog: pytest.LogCaptureFixture,
    failing: bool,
    level: int,
) -> None:
    model = everyone_available(1)
    presence = presence_service(store, api, model)
    await changed_offline(presence, {"u1": "Lunch"})
    if failing:
        api.failures["u1"] = 99

    with caplog.at_level(logging.INFO, logger="konnekta_desktop.core.sync"):
        report = await synchronise(TO_KONNEKTA, presence, model, sleep=pauses)

    last = caplog.records[-1]
    assert (last.levelno, last.getMessage()) == (level, report.summary())


async def test_the_report_says_how_long_the_sync_took(
    store: Store, api: ScriptedApi, monkeypatch: pytest.MonkeyPatch
) -> None:
    model = everyone_available(1)
    presence = presence_service(store, api, model)
    readings = iter([100.0, 102.5])
    monkeypatch.setattr(sync_module, "time", SimpleNamespace(perf_counter=lambda: next(readings)))

    report = await synchronise(FROM_KONNEKTA, presence, model)

    assert report.seconds == 2.5
