"""The live model of the tenant: colleagues, lines, presence, forwarding, calls in progress, and
the queues (their waiting calls and agents' logins).

Built from the initial load and kept current from events in arrival order. Consumers subscribe and
receive one `ModelChange` per `flush()`, so a burst of events costs each consumer one update. Ended
calls leave the model (they are handed on in the change, for the store) so memory stays bounded.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import pairwise

import msgspec

from ..domain.colleagues import Colleague, ModelChange, name_order
from ..domain.events import (
    CallerIdUpdate,
    CallUpdate,
    ForwardingUpdate,
    PbxEvent,
    PresenceUpdate,
    QueueUpdate,
    UserRemoval,
    UserUpdate,
)
from ..domain.types import (
    Activity,
    Call,
    CallState,
    QueueStatus,
    User,
    UserStatus,
)

__all__ = [
    "LiveModel",
]

log = logging.getLogger(__name__)


Listener = Callable[[ModelChange], None]


class LiveModel:
    """Users, activities and calls in progress, with batched change notification."""

    def __init__(self) -> None:
        self._colleagues: dict[str, Colleague] = {}
        self._order: list[str] = []  # stable row order for table models
        self._row_of: dict[str, int] = {}
        self._on_call: set[str] = set()  # users with at least one call leg in progress
        self.activities: dict[str, Activity] = {}
        self._queues: dict[str, QueueStatus] = {}  # by name, in the order Konnekta lists them
        self._listeners: list[Listener] = []
        self._pending = ModelChange()

    # -- reading ---------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._order)

    def __iter__(self) -> Iterator[Colleague]:
        return (self._colleagues[user_id] for user_id in self._order)

    def __contains__(self, user_id: object) -> bool:
        return user_id in self._colleagues

    def get(self, user_id: str) -> Colleague | None:
        return self._colleagues.get(user_id)

    def at(self, row: int) -> Colleague:
        return self._colleagues[self._order[row]]

    def row_of(self, user_id: str) -> int | None:
        return self._row_of.get(user_id)

    def by_username(self, username: str) -> Colleague | None:
        wanted = username.casefold()
        for colleague in self._colleagues.values():
            if colleague.user.username.casefold() == wanted or colleague.id == username:
                return colleague
        return None

    def active_calls(self) -> list[Call]:
        """Every call leg in progress; cheap, as only colleagues on a call are visited."""
        return [
            call
            for user_id in self._on_call
            if (colleague := self._colleagues.get(user_id)) is not None
            for call in colleague.calls.values()
        ]

    def queues(self) -> list[QueueStatus]:
        """The queues as Konnekta last told, each with its waiting calls longest first."""
        return list(self._queues.values())

    def waiting_call(self, call_id: str) -> QueueStatus | None:
        """The queue `call_id` waits in, or None when it waits in none."""
        for queue in self._queues.values():
            if any(call.call_id == call_id for call in queue.waiting):
                return queue
        return None

    def activity_name(self, activity_id: str | None) -> str:
        if activity_id is None:
            return ""
        activity = self.activities.get(activity_id)
        return activity.name if activity else activity_id

    # -- subscribing -----------------------------------------------------------------------

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def flush(self) -> ModelChange | None:
        """Deliver what changed since the last flush to every consumer, once."""
        change, self._pending = self._pending, ModelChange()
        if not change and not change.ended_calls:
            return None
        for listener in list(self._listeners):
            try:
                listener(change)
            except Exception:
                log.exception("A model consumer failed on a change")
        return change

    # -- loading ---------------------------------------------------------------------------

    def load(
        self,
        users: Iterable[User],
        statuses: Iterable[UserStatus],
        activities: Iterable[Activity],
        calls: Iterable[Call] = (),
        queues: Iterable[QueueStatus] = (),
    ) -> None:
        """Replace everything with a fresh load (start-up and reconnect)."""
        self.activities = {a.id: a for a in activities}
        self._queues = {queue.name: _longest_first(queue) for queue in queues}
        self._colleagues = {u.id: Colleague(user=u) for u in users}
        self._on_call = set()
        self._reindex()
        for status in statuses:
            colleague = self._colleagues.get(status.user_id)
            if colleague is None:
                continue
            colleague.activity_id = status.activity_id
            colleague.availability = status.availability
            colleague.diversion = status.diversion
            colleague.caller_id = status.caller_id
        for call in calls:
            owner = self._colleagues.get(call.user_id)
            if owner is not None and call.state is not CallState.ENDED:
                owner.calls[call.call_id] = call
                self._on_call.add(owner.id)
        # Calls that ended before this load and were not handed on yet are still handed on.
        ended = self._pending.ended_calls
        self._pending = ModelChange(
            reset=True, calls_changed=True, ended_calls=ended, queues_changed=True
        )

    def replace_queues(self, queues: Iterable[QueueStatus]) -> None:
        """Every queue afresh (a company connector's desktop is sent them whole)."""
        fresh = {queue.name: _longest_first(queue) for queue in queues}
        if fresh != self._queues:
            self._queues = fresh
            self._pending.queues_changed = True

    def _reindex(self) -> None:
        colleagues = self._colleagues
        self._order = sorted(
            colleagues, key=lambda uid: (name_order(colleagues[uid].user.name), uid)
        )
        self._row_of = {uid: row for row, uid in enumerate(self._order)}

    # -- events ----------------------------------------------------------------------------

    def apply_all(self, events: Sequence[PbxEvent]) -> None:
        for event in events:
            self.apply(event)

    def apply(self, event: PbxEvent) -> None:
        """Fold one event into the model; unknown users are logged and skipped."""
        pending = self._pending
        pending.events += 1
        match event:
            case CallUpdate(call=call) if call.state is not CallState.ENDED:
                colleague = self._known(call.user_id, event)
                if colleague is not None:
                    colleague.calls[call.call_id] = call
                    self._on_call.add(call.user_id)
                    pending.changed.add(call.user_id)
                    pending.calls_changed = True
            case CallUpdate(call=call):
                colleague = self._known(call.user_id, event)
                if colleague is not None:
                    colleague.calls.pop(call.call_id, None)
                    if not colleague.calls:
                        self._on_call.discard(call.user_id)
                    pending.changed.add(call.user_id)
                pending.calls_changed = True
                pending.ended_calls.append(call)
            case PresenceUpdate() as data:
                colleague = self._known(data.user_id, event)
                if colleague is not None:
                    colleague.activity_id = data.activity_id
                    colleague.availability = data.availability
                    pending.changed.add(data.user_id)
            case ForwardingUpdate() as data:
                colleague = self._known(data.user_id, event)
                if colleague is not None:
                    colleague.diversion = data.number
                    pending.changed.add(data.user_id)
            case CallerIdUpdate() as data:
                colleague = self._known(data.user_id, event)
                if colleague is not None:
                    colleague.caller_id = data.number
                    pending.changed.add(data.user_id)
            case UserUpdate(user=user):
                existing = self._colleagues.get(user.id)
                if existing is None:
                    self._colleagues[user.id] = Colleague(user=user)
                    self._reindex()
                    pending.added.add(user.id)
                    pending.reset = True
                else:
                    renamed = existing.user.name != user.name
                    existing.user = user
                    if renamed:
                        self._reindex()
                        pending.reset = True
                    pending.changed.add(user.id)
            case UserRemoval() as data:
                self._on_call.discard(data.user_id)
                removed = self._colleagues.pop(data.user_id, None)
                if removed is not None:
                    # Their calls in progress end with them, and are kept in the history.
                    pending.ended_calls.extend(
                        msgspec.structs.replace(call, state=CallState.ENDED)
                        for call in removed.calls.values()
                    )
                    self._reindex()
                    pending.removed.add(data.user_id)
                    pending.reset = True
                    pending.calls_changed = True
            case QueueUpdate(queue=queue):
                queue = _longest_first(queue)
                if self._queues.get(queue.name) != queue:
                    self._queues[queue.name] = queue  # a new one goes last, as Konnekta adds it
                    pending.queues_changed = True

    def _known(self, user_id: str, event: PbxEvent) -> Colleague | None:
        colleague = self._colleagues.get(user_id)
        if colleague is None:
            log.info("Event %s for unknown user %s skipped", type(event).__name__, user_id)
        return colleague


def _longest_first(queue: QueueStatus) -> QueueStatus:
    """The queue with its waiting calls in the order they came (Konnekta's own, when it is)."""
    waiting = queue.waiting
    if all(a.waiting_since <= b.waiting_since for a, b in pairwise(waiting)):
        return queue
    ordered = tuple(sorted(waiting, key=lambda call: call.waiting_since))
    return msgspec.structs.replace(queue, waiting=ordered)
