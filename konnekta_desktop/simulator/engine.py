"""The call engine: plays calls leg by leg and applies commands to the tenant as a PBX would.

Every change is reported through ``emit`` as the webhook event Konnekta would post: a call involving
several users gives one event per user leg, all sharing the call id.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import UTC, datetime

import msgspec

from konnekta_desktop.konnekta.events import (
    CallAnswered,
    CallEnded,
    CallerIdChanged,
    CallerIdData,
    CallRinging,
    DiversionChanged,
    DiversionData,
    KnownEvent,
    PresenceChanged,
    PresenceData,
    UserAdded,
    UserChanged,
    UserRemoved,
    UserRemovedData,
)
from konnekta_desktop.konnekta.models import (
    Availability,
    Call,
    CallerIds,
    CallingDevice,
    CallState,
    Direction,
    Presence,
    Right,
    User,
)

from .errors import Forbidden, NotFound, Unprocessable
from .tenant import Tenant, is_diallable, normalise, primary_number

type Emit = Callable[[KnownEvent], None]


def iso_timestamp(seconds: float) -> str:
    return datetime.fromtimestamp(seconds, UTC).isoformat().replace("+00:00", "Z")


class CallEngine:
    def __init__(self, tenant: Tenant, clock: Callable[[], float], emit: Emit) -> None:
        self.tenant = tenant
        self._clock = clock
        self._emit = emit
        self._call_numbers = itertools.count(1)

    # -- calls ------------------------------------------------------------------------------

    def ring(
        self,
        user_id: str,
        caller: str,
        *,
        called: str | None = None,
        queue: str | None = None,
        callback: bool = False,
        call_id: str | None = None,
    ) -> str:
        """Offer an incoming call to one user; ``called`` defaults to the queue's or user's number."""
        user = self.tenant.user(user_id)
        if queue is not None:
            if queue not in self.tenant.queues:
                raise NotFound(f"no queue named {queue!r}")
            called = called or self.tenant.queues[queue].number
        elif callback:
            raise Unprocessable("a call-back call comes from a queue: name the queue")
        call_id = call_id or self._new_call_id()
        legs = self.tenant.calls.setdefault(call_id, {})
        if user_id in legs:
            raise Unprocessable(f"{user.name} already has a leg in call {call_id}")
        self._put(
            Call(
                call_id=call_id,
                user_id=user_id,
                state=CallState.RINGING,
                direction=Direction.INBOUND,
                caller=normalise(caller),
                called=normalise(called or primary_number(user)),
                queue=queue,
                callback=callback,
                started_at=self._clock(),
            )
        )
        return call_id

    def ring_queue(self, queue: str, caller: str, *, callback: bool = False) -> str:
        """Offer a queue call (or a queue call-back) to every agent of the queue at once."""
        if queue not in self.tenant.queues:
            raise NotFound(f"no queue named {queue!r}")
        agents = self.tenant.queues[queue].agents
        if not agents:
            raise Unprocessable(f"queue {queue!r} has no agents")
        call_id = self._new_call_id()
        for agent in agents:
            self.ring(agent, caller, queue=queue, callback=callback, call_id=call_id)
        return call_id

    def answer(
        self,
        call_id: str,
        *,
        user_id: str | None = None,
        device: CallingDevice = CallingDevice.LOCAL,
    ) -> None:
        """The call is answered by one ringing user (first one if not named) or the far end.

        Other users' ringing legs of the same call end, as when one agent takes a queue call.
        """
        legs = self._legs(call_id)
        if not any(leg.state is CallState.RINGING for leg in legs.values()):
            raise Unprocessable(f"call {call_id} is not ringing")
        ringing_in = [
            leg
            for leg in legs.values()
            if leg.state is CallState.RINGING and leg.direction is Direction.INBOUND
        ]
        if user_id is not None:
            taker = legs.get(user_id)
            if taker is None or taker not in ringing_in:
                raise Unprocessable(f"user {user_id!r} has no ringing leg in call {call_id}")
        else:
            taker = ringing_in[0] if ringing_in else None
        if taker is not None and device not in self.tenant.user(taker.user_id).devices:
            raise Unprocessable(f"user {taker.user_id!r} has no {device.value} device")
        now = self._clock()
        if taker is not None:
            self._put(_answered(taker, now, device))
        for leg in list(legs.values()):
            if leg is taker or leg.state is not CallState.RINGING:
                continue
            if leg.direction is Direction.OUTBOUND:
                self._put(_answered(leg, now, leg.device))
            else:
                self._end(leg)

    def hang_up(self, call_id: str) -> None:
        for leg in list(self._legs(call_id).values()):
            self._end(leg)

    def make_call(self, user_id: str, destination: str, device: CallingDevice) -> str:
        """The user's device rings first; a tenant user at the destination rings too."""
        user = self.tenant.user(user_id)
        if device not in user.devices:
            raise Unprocessable(
                f"{user.name} has no {device.value} device; choose another calling device"
            )
        if not is_diallable(destination):
            raise Unprocessable(f"{destination!r} is not a number that can be dialled")
        target = self.tenant.user_by_number(destination)
        if target is not None and target.id == user_id:
            raise Unprocessable(f"{destination!r} is {user.name}'s own number")
        call_id = self._new_call_id()
        own_number = primary_number(user)
        self.tenant.calls[call_id] = {}
        self._put(
            Call(
                call_id=call_id,
                user_id=user_id,
                state=CallState.RINGING,
                direction=Direction.OUTBOUND,
                caller=own_number,
                called=normalise(destination),
                device=device,
                started_at=self._clock(),
            )
        )
        if target is not None:
            self.ring(target.id, own_number, called=destination, call_id=call_id)
        else:
            self._ring_queue_at(destination, own_number, call_id)
        return call_id

    def transfer(self, call_id: str, destination: str) -> None:
        """Blind transfer: the transferring leg ends and the destination rings in its place."""
        legs = self._legs(call_id)
        if not is_diallable(destination):
            raise Unprocessable(f"{destination!r} is not a number that can be dialled")
        answered_in = [
            leg
            for leg in legs.values()
            if leg.state is CallState.ANSWERED and leg.direction is Direction.INBOUND
        ]
        answered_out = [leg for leg in legs.values() if leg.state is CallState.ANSWERED]
        ringing = [leg for leg in legs.values() if leg.state is CallState.RINGING]
        leaving = answered_in[:1] or answered_out[:1] or ringing
        if not leaving:
            raise Unprocessable(f"call {call_id} has no leg to transfer")
        first = leaving[0]
        far_end = first.caller if first.direction is Direction.INBOUND else first.called
        target = self.tenant.user_by_number(destination)
        if target is not None and target.id in legs and legs[target.id] not in leaving:
            raise Unprocessable(f"{target.name} is already in call {call_id}")
        for leg in leaving:
            self._end(leg)
        if target is not None:
            self.ring(target.id, far_end, called=destination, call_id=call_id)
        else:
            self._ring_queue_at(destination, far_end, call_id)

    # -- user settings ----------------------------------------------------------------------

    def set_presence(
        self, user_id: str, activity_id: str | None, availability: Availability | None
    ) -> Presence:
        self.tenant.user(user_id)
        if activity_id is not None and activity_id not in self.tenant.activity_availability:
            raise Unprocessable(f"no presence activity with id {activity_id!r}")
        old = self.tenant.presence[user_id]
        presence = Presence(
            activity_id=activity_id if activity_id is not None else old.activity_id,
            availability=availability if availability is not None else old.availability,
        )
        self.tenant.presence[user_id] = presence
        self._emit(
            PresenceChanged(
                timestamp=self._now(),
                data=PresenceData(
                    user_id=user_id,
                    activity_id=presence.activity_id,
                    availability=presence.availability,
                ),
            )
        )
        return presence

    def set_diversion(self, user_id: str, number: str | None) -> str | None:
        self.tenant.user(user_id)
        if number is not None:
            if not is_diallable(number):
                raise Unprocessable(f"{number!r} is not a number calls can be forwarded to")
            number = normalise(number)
        self.tenant.diversion[user_id] = number
        self._emit(
            DiversionChanged(
                timestamp=self._now(), data=DiversionData(user_id=user_id, number=number)
            )
        )
        return number

    def set_caller_id(self, user_id: str, number: str) -> CallerIds:
        user = self.tenant.user(user_id)
        if Right.SET_CALLER_ID not in user.rights:
            raise Forbidden(f"{user.name} lacks the Set Caller ID right in Konnekta")
        ids = self.tenant.caller_ids[user_id]
        wanted = normalise(number)
        if wanted not in ids.valid:
            raise Unprocessable(f"{number!r} is not one of {user.name}'s valid caller IDs")
        ids = CallerIds(current=wanted, valid=ids.valid)
        self.tenant.caller_ids[user_id] = ids
        self._emit(
            CallerIdChanged(
                timestamp=self._now(), data=CallerIdData(user_id=user_id, number=wanted)
            )
        )
        return ids

    def clear_caller_id(self, user_id: str) -> CallerIds:
        """Back to the default caller ID: none is chosen any more (`current` null)."""
        user = self.tenant.user(user_id)
        if Right.SET_CALLER_ID not in user.rights:
            raise Forbidden(f"{user.name} lacks the Set Caller ID right in Konnekta")
        ids = CallerIds(current=None, valid=self.tenant.caller_ids[user_id].valid)
        self.tenant.caller_ids[user_id] = ids
        self._emit(
            CallerIdChanged(timestamp=self._now(), data=CallerIdData(user_id=user_id, number=None))
        )
        return ids

    def add_user(self, user: User, presence: Presence, caller_ids: CallerIds) -> None:
        if user.id in self.tenant.users:
            raise Unprocessable(f"a user with id {user.id!r} exists")
        self.tenant.put_user(user)
        self.tenant.presence[user.id] = presence
        self.tenant.caller_ids[user.id] = caller_ids
        self.tenant.diversion[user.id] = None
        self._emit(UserAdded(timestamp=self._now(), data=user))

    def change_user(self, user_id: str, **changes: object) -> User:
        user = msgspec.structs.replace(self.tenant.user(user_id), **changes)
        self.tenant.put_user(user)
        self._emit(UserChanged(timestamp=self._now(), data=user))
        return user

    def remove_user(self, user_id: str) -> None:
        self.tenant.user(user_id)
        for legs in list(self.tenant.calls.values()):
            if user_id in legs:
                self._end(legs[user_id])
        self.tenant.drop_user(user_id)
        self._emit(UserRemoved(timestamp=self._now(), data=UserRemovedData(user_id=user_id)))

    # -- helpers ----------------------------------------------------------------------------

    def _new_call_id(self) -> str:
        while True:
            call_id = f"call-{next(self._call_numbers)}"
            if call_id not in self.tenant.calls:
                return call_id

    def _ring_queue_at(self, number: str, caller: str, call_id: str) -> None:
        """A call put through to a queue's number rings the queue's agents not yet in the call."""
        queue = self.tenant.queue_by_number(number)
        if queue is None:
            return
        legs = self.tenant.calls.get(call_id, {})
        for agent in queue.agents:
            if agent not in legs:
                self.ring(agent, caller, queue=queue.name, call_id=call_id)

    def require_call(self, call_id: str) -> str:
        self._legs(call_id)
        return call_id

    def _legs(self, call_id: str) -> dict[str, Call]:
        legs = self.tenant.calls.get(call_id)
        if not legs:
            raise NotFound(f"no call with id {call_id!r} is in progress")
        return legs

    def _now(self) -> str:
        return iso_timestamp(self._clock())

    def _put(self, leg: Call) -> None:
        self.tenant.calls.setdefault(leg.call_id, {})[leg.user_id] = leg
        event: KnownEvent
        if leg.state is CallState.RINGING:
            event = CallRinging(timestamp=self._now(), data=leg)
        else:
            event = CallAnswered(timestamp=self._now(), data=leg)
        self._emit(event)

    def _end(self, leg: Call) -> None:
        legs = self.tenant.calls[leg.call_id]
        del legs[leg.user_id]
        if not legs:
            del self.tenant.calls[leg.call_id]
        ended = msgspec.structs.replace(leg, state=CallState.ENDED)
        self._emit(CallEnded(timestamp=self._now(), data=ended))


def _answered(leg: Call, now: float, device: CallingDevice | None) -> Call:
    return msgspec.structs.replace(leg, state=CallState.ANSWERED, answered_at=now, device=device)
