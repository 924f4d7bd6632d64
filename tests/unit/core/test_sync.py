"""Reconnect sync local -> Konnekta, against a scripted API (no network): what it settles."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace

import pytest

from konnekta_desktop.core.commands import Commands
from konnekta_desktop.core.model import LiveModel
from konnekta_desktop.core.states import PresenceService
from konnekta_desktop.core.store import Store
from konnekta_desktop.core.sync import synchronise
from konnekta_desktop.domain import Activity, Availability, User, UserStatus
from konnekta_desktop.domain.numbers import NumberPlan
from konnekta_desktop.domain.refusals import Reason, why
from konnekta_desktop.domain.states import SyncDirection
from konnekta_desktop.konnekta.errors import Unavailable

ACTIVITIES = [Activity(id="act-available", name="Available"), Activity(id="act-out", name="Out")]
STATES = {"Available": "act-available", "Meeting": "act-out"}


class HeldApi:
    """Answers each presence PUT only when the test lets it through; `refuse` fails users."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, str | None]] = []
        self.refuse: set[str] = set()
        self.gate = asyncio.Event()
        self.gate.set()
        self.arrived = asyncio.Event()

    async def set_presence(
        self, user_id: str, *, activity_id: str | None, availability: Availability | None
    ) -> None:
        self.arrived.set()
        await self.gate.wait()
        if user_id in self.refuse:
            raise Unavailable(why(Reason.KONNEKTA_UNAVAILABLE, status="503", said=""), status=503)
        self.sent.append((user_id, activity_id))


@pytest.fixture
def api() -> HeldApi:
    return HeldApi()


@pytest.fixture
def model() -> LiveModel:
    model = LiveModel()
    users = [User(id=f"u{i}", username=f"u{i}@x.dk", name=f"User {i}") for i in (1, 2, 3)]
    available = [
        UserStatus(user_id=u.id, activity_id="act-available", availability=Availability.AVAILABLE)
        for u in users
    ]
    model.load(users, available, ACTIVITIES)
    return model


@pytest.fixture
def presence(store: Store, api: HeldApi, model: LiveModel) -> PresenceService:
    commands = Commands(SimpleNamespace(api=api, plan=NumberPlan()), model)
    service = PresenceService(
        store,
        model,
        commands,
        activity_mappings={"act-available": "Available", "act-out": "Meeting"},
        state_mappings=STATES,
        now=lambda: 1000.0,
    )
    service.connected = False
    return service


async def no_pause(_: float) -> None:
    return None


async def changed_offline(presence: PresenceService, *user_ids: str) -> None:
    """These colleagues go to Meeting while disconnected; then the connection is back."""
    for user_id in user_ids:
        await presence.set_state(user_id, "Meeting")
    presence.connected = True


async def test_pushes_offline_changes_and_settles_them(
    presence: PresenceService, api: HeldApi, store: Store, model: LiveModel
) -> None:
    await changed_offline(presence, "u1", "u2")

    report = await synchronise(SyncDirection.LOCAL_TO_KONNEKTA, presence, model, sleep=no_pause)

    assert sorted(api.sent) == [("u1", "act-out"), ("u2", "act-out")]
    assert (report.changed, report.unchanged, report.failed) == (2, 1, {})
    assert store.pending_changes() == []


async def test_a_change_made_during_the_sync_stays_pending(
    presence: PresenceService, api: HeldApi, store: Store, model: LiveModel
) -> None:
    await changed_offline(presence, "u1")
    api.gate.clear()
    sync = asyncio.ensure_future(
        synchronise(SyncDirection.LOCAL_TO_KONNEKTA, presence, model, sleep=no_pause)
    )
    await api.arrived.wait()
    # The operator changes u1 again while the sync's request is on its way; offline, so it is kept.
    presence.connected = False
    await presence.set_state("u1", "Available")
    api.gate.set()
    await sync

    assert [change.state for change in store.pending_changes()] == ["Available"]


async def test_a_colleague_that_keeps_failing_is_reported_and_stays_pending(
    presence: PresenceService, api: HeldApi, store: Store, model: LiveModel
) -> None:
    await changed_offline(presence, "u1", "u2")
    api.refuse.add("u2")

    report = await synchronise(SyncDirection.LOCAL_TO_KONNEKTA, presence, model, sleep=no_pause)

    assert list(report.failed) == ["User 2"]
    assert [change.user_id for change in store.pending_changes()] == ["u2"]


async def test_a_sync_cut_short_settles_what_was_sent(
    presence: PresenceService, api: HeldApi, store: Store, model: LiveModel
) -> None:
    await changed_offline(presence, "u1", "u2")
    api.refuse.add("u2")
    pauses = asyncio.Event()

    async def endless_pause(_: float) -> None:
        pauses.set()
        await asyncio.Event().wait()

    sync = asyncio.ensure_future(
        synchronise(SyncDirection.LOCAL_TO_KONNEKTA, presence, model, sleep=endless_pause)
    )
    await pauses.wait()  # u1 is through; u2 failed once and waits to retry
    sync.cancel()
    with pytest.raises(asyncio.CancelledError):
        await sync

    assert [change.user_id for change in store.pending_changes()] == ["u2"]


async def test_a_pending_wrap_up_wins_over_a_local_to_konnekta_sync(
    presence: PresenceService, api: HeldApi, store: Store, model: LiveModel
) -> None:
    """Reference-page fidelity, defect 2 (wrap-up: "call ends -> wrap-up dialog; wrap-up
    completed -> Available"): a reconnect sync pushed the local state, Available, over the
    Unavailable of a user whose wrap-up was still pending. The wrap-up wins; the user's offline
    change stays unsent for the next sync."""
    await changed_offline(presence, "u1", "u2")

    report = await synchronise(
        SyncDirection.LOCAL_TO_KONNEKTA,
        presence,
        model,
        sleep=no_pause,
        held=lambda user_id: user_id == "u1",  # u1's wrap-up is pending
    )

    assert api.sent == [("u2", "act-out")]
    assert (report.changed, report.held) == (1, 1)
    assert [change.user_id for change in store.pending_changes()] == ["u1"]
