"""Wrap-up after calls, as a pure state machine: it is given call events and returns actions.

For users with wrap-up enabled, and only for the calls this app sees while it runs:

- a call starts (ringing or answered, direct or from a queue, in or out): set availability
  Unavailable at once, so queues stop offering the user calls;
- an answered call ends: a `WrapUpSession` is pending and the dialog shows (`ShowWrapUp`);
- the user completes the wrap-up (optional note and code): a `WrapUpRecord` is produced
  (`WrapUpDone`) and availability is set Available, also when the user was Unavailable before the
  call came in.

Decisions the vendor page leaves open:

- A ``call.ended`` for a call the machine never saw start (it began while the app was closed or
  disconnected) opens no wrap-up: the machine only acts on calls it saw from the start. Calls in
  progress at start-up may be fed in as started by the caller, and then get a wrap-up.
- A call that ends without being answered (missed, or answered by another agent of the queue)
  opens no wrap-up: there is nothing to wrap up. The availability the user had when the first call
  arrived is restored (Available when unknown), unless other calls or wrap-ups are still open.
- A second call during a pending wrap-up keeps the user Unavailable; the pending wrap-up stays
  open, and if the second call is answered, its wrap-up queues behind the first. Only the last
  completion, with no call in progress, sets the user Available.
- A user whose wrap-up is switched off keeps the wrap-ups already pending and may complete them.
- After a disconnect, `reconcile` rebuilds the state from the calls Konnekta reports: a call seen
  before and gone now ended meanwhile (its end event was lost), so it is ended as any call is, and
  its wrap-up opens if it was answered; a call of an enabled user that started meanwhile is taken
  as started.
- A wrap-up nobody completes in time (no switchboard client came back for it) completes by itself
  (`complete_all(by_itself=True)`), so that nobody stays Unavailable overnight.

The caller performs the actions (PUT the presence, show the dialog, store sessions and records)
and stores pending sessions so they survive a restart (`restore`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import msgspec

from ..domain.types import Availability, Call, CallState, User
from ..domain.wrapups import WrapUpRecord, WrapUpSession
from .clock import Clock

__all__ = [
    "SetAvailability",
    "ShowWrapUp",
    "WrapUp",
    "WrapUpAction",
    "WrapUpDone",
]


@dataclass(frozen=True, slots=True)
class SetAvailability:
    """Set the user's availability (green/red) in Konnekta."""

    user_id: str
    availability: Availability


@dataclass(frozen=True, slots=True)
class ShowWrapUp:
    """Keep this session (store it) and show the wrap-up dialog for it."""

    session: WrapUpSession


@dataclass(frozen=True, slots=True)
class WrapUpDone:
    """Store this record, drop the pending session and close its dialog."""

    record: WrapUpRecord


type WrapUpAction = SetAvailability | ShowWrapUp | WrapUpDone


@dataclass(slots=True)
class _UserWrapUp:
    active: dict[str, Call] = field(default_factory=dict)  # calls in progress, by call id
    pending: dict[str, WrapUpSession] = field(default_factory=dict)  # in the order they ended
    # The availability when the first call of a run of calls arrived, to restore after a miss.
    before: Availability | None = None

    @property
    def idle(self) -> bool:
        return not self.active and not self.pending


class WrapUp:
    """The wrap-up state of every user; feed it call events, perform the actions it returns."""

    def __init__(self, clock: Clock, enabled_users: Iterable[str] = ()) -> None:
        self._clock = clock
        self._enabled = set(enabled_users)
        self._users: dict[str, _UserWrapUp] = {}

    def set_users(self, users: Iterable[User]) -> None:
        """Take who has wrap-up enabled from the users' settings in Konnekta."""
        self._enabled = {user.id for user in users if user.wrap_up}

    def set_enabled(self, user_id: str, enabled: bool) -> None:
        if enabled:
            self._enabled.add(user_id)
        else:
            self._enabled.discard(user_id)

    def enabled(self, user_id: str) -> bool:
        return user_id in self._enabled

    def on_call(self, call: Call, availability: Availability | None = None) -> list[WrapUpAction]:
        """Feed one call event (a user's leg); `availability` is the user's current one, if known."""
        if call.state is CallState.ENDED:
            return self._ended(call)
        return self._started(call, availability)

    def complete(
        self,
        user_id: str,
        call_id: str,
        note: str = "",
        code: str | None = None,
        *,
        by_itself: bool = False,
    ) -> list[WrapUpAction]:
        """The user finished the wrap-up of `call_id` (or it completed `by_itself`); nothing
        happens if it is not pending."""
        user = self._users.get(user_id)
        session = user.pending.pop(call_id, None) if user is not None else None
        if user is None or session is None:
            return []
        record = WrapUpRecord(
            call_id=session.call_id,
            user_id=session.user_id,
            caller=session.caller,
            queue=session.queue,
            started=session.started,
            ended=session.ended,
            note=note.strip(),
            code=code or None,
            completed_at=self._clock.now(),
            by_itself=by_itself,
        )
        actions: list[WrapUpAction] = [WrapUpDone(record)]
        if user.idle:
            del self._users[user_id]
            actions.append(SetAvailability(user_id, Availability.AVAILABLE))
        return actions

    def complete_all(self, *, by_itself: bool) -> list[WrapUpAction]:
        """Complete every pending wrap-up, with no note."""
        actions: list[WrapUpAction] = []
        for session in self.pending():
            actions += self.complete(session.user_id, session.call_id, by_itself=by_itself)
        return actions

    def reconcile(
        self, calls: Iterable[Call], availability: Callable[[str], Availability | None]
    ) -> list[WrapUpAction]:
        """Bring the state in step with the calls Konnekta reports in progress (after a
        reconnect): what ended or started while events could not arrive is taken as ended or
        started. `availability(user_id)` is a user's current one, if known."""
        current = {(call.user_id, call.call_id): call for call in calls}
        actions: list[WrapUpAction] = []
        for user_id, user in list(self._users.items()):
            for call_id, seen in list(user.active.items()):
                if (user_id, call_id) not in current:
                    gone = msgspec.structs.replace(seen, state=CallState.ENDED)
                    actions += self._ended(gone)
        for call in current.values():
            actions += self._started(call, availability(call.user_id))
        return actions

    def pending(self, user_id: str | None = None) -> list[WrapUpSession]:
        """Pending sessions (of one user, or of everyone), oldest first per user."""
        if user_id is None:
            users = list(self._users.values())
        else:
            users = [self._users[user_id]] if user_id in self._users else []
        return [session for user in users for session in user.pending.values()]

    def restore(self, sessions: Iterable[WrapUpSession]) -> None:
        """Put back the sessions that were pending when the app last stopped (from the store)."""
        for session in sorted(sessions, key=lambda s: s.ended):
            user = self._users.setdefault(session.user_id, _UserWrapUp())
            user.pending.setdefault(session.call_id, session)

    def in_progress(self, user_id: str) -> bool:
        """Whether the user is held Unavailable by wrap-up (a call or a wrap-up is open)."""
        return user_id in self._users

    def _started(self, call: Call, availability: Availability | None) -> list[WrapUpAction]:
        user = self._users.get(call.user_id)
        if user is not None and call.call_id in user.active:
            user.active[call.call_id] = call  # answered after ringing: already Unavailable
            return []
        if call.user_id not in self._enabled:
            return []
        if user is None:
            user = self._users[call.user_id] = _UserWrapUp(before=availability)
        user.active[call.call_id] = call
        # Sent for each new call, even when already Unavailable by a previous one: someone may
        # have set the user Available in between, and one more PUT per call is cheap.
        return [SetAvailability(call.user_id, Availability.UNAVAILABLE)]

    def _ended(self, call: Call) -> list[WrapUpAction]:
        user = self._users.get(call.user_id)
        seen = user.active.pop(call.call_id, None) if user is not None else None
        if user is None or seen is None:
            return []
        if call.answered_at is not None or seen.state is CallState.ANSWERED:
            session = WrapUpSession(
                call_id=call.call_id,
                user_id=call.user_id,
                direction=call.direction,
                caller=call.caller,
                called=call.called,
                queue=call.queue,
                started=call.started_at,
                ended=self._clock.now(),
            )
            user.pending[call.call_id] = session
            return [ShowWrapUp(session)]
        if not user.idle:
            return []
        del self._users[call.user_id]
        if user.before is Availability.UNAVAILABLE:
            return []  # still Unavailable, as before the call
        return [SetAvailability(call.user_id, Availability.AVAILABLE)]
