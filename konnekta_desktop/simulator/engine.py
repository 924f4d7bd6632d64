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
    CallHeld,
    CallResumed,
    CallRinging,
    DiversionChanged,
    DiversionData,
    KnownEvent,
    PresenceChanged,
    PresenceData,
    QueueChanged,
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
    QueueAgent,
    Right,
    User,
)

from .errors import Forbidden, NotFound, Unprocessable
from .tenant import ConsultationOf, QueueCall, Tenant, is_diallable, normalise, primary_number

type Emit = Callable[[KnownEvent], None]
type _LegEvent = type[CallRinging] | type[CallAnswered] | type[CallHeld] | type[CallResumed]


def iso_timestamp(seconds: float) -> str:
    return datetime.fromtimestamp(seconds, UTC).isoformat().replace("+00:00", "Z")


class CallEngine:
    def __init__(self, tenant: Tenant, clock: Callable[[], float], emit: Emit) -> None:
        self.tenant = tenant
        self._clock = clock
        self._emit = emit
        self._call_numbers = itertools.count(1)
        self._freed: list[str] = []  # users whose answered leg ended: maybe free for the queues

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
        """Offer an incoming call to one user; ``called`` defaults to the queue's or user's number.

        A call with ``queue`` waits in that queue (`queue.changed`) until an agent answers it.
        """
        user = self.tenant.user(user_id)
        if queue is not None:
            called = called or self.tenant.queue(queue).number
        elif callback:
            raise Unprocessable("a call-back call comes from a queue: name the queue")
        call_id = call_id or self._new_call_id()
        if user_id in self.tenant.calls.get(call_id, {}):
            raise Unprocessable(f"{user.name} already has a leg in call {call_id}")
        if queue is not None and call_id not in self.tenant.queue_calls:
            self._wait(call_id, queue, caller, callback)
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
                consultation_for=self._consultation_for(call_id),
            )
        )
        return call_id

    def ring_queue(self, queue: str, caller: str, *, callback: bool = False) -> str:
        """A queue call (or call-back) comes in: it waits in the queue and rings every free,
        logged-in agent at once; with none free it waits ringing nobody."""
        if not self.tenant.queue(queue).agents:
            raise Unprocessable(f"queue {queue!r} has no agents")
        call_id = self._new_call_id()
        self._wait(call_id, queue, caller, callback)
        self._offer(call_id)
        return call_id

    def answer(
        self,
        call_id: str,
        *,
        user_id: str | None = None,
        device: CallingDevice = CallingDevice.LOCAL,
    ) -> None:
        """The call is answered by one ringing user (first one if not named) or the far end.

        Other users' ringing legs of the same call end, as when one agent takes a queue call,
        and a queue call leaves its queue.
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
        if taker is not None:
            self._leave_queue(call_id)

    def no_answer(self, call_id: str) -> None:
        """Nobody answers: the call stops ringing at every user (their ring time ran out).

        A queue call goes on waiting in its queue, ringing nobody (it rings an agent again when
        one logs in or becomes free, and can be picked up); any other call is over, and the
        dialling leg of a user who made it ends too (a consultation nobody answered)."""
        legs = self.tenant.calls.get(call_id)
        if not legs:
            if call_id in self.tenant.queue_calls:
                raise Unprocessable(f"call {call_id} waits in its queue ringing nobody")
            raise NotFound(f"no call with id {call_id!r} is in progress")
        ringing_in = [
            leg
            for leg in legs.values()
            if leg.state is CallState.RINGING and leg.direction is Direction.INBOUND
        ]
        if not ringing_in:
            raise Unprocessable(f"call {call_id} is not ringing at anyone")
        for leg in ringing_in:
            self._end(leg)
        if call_id not in self.tenant.queue_calls:
            for leg in list(self.tenant.calls.get(call_id, {}).values()):
                if leg.state is CallState.RINGING:
                    self._end(leg)

    def hang_up(self, call_id: str) -> None:
        """Every leg ends; a call waiting in a queue leaves it (the caller gave up)."""
        legs = self.tenant.calls.get(call_id)
        if not legs and call_id not in self.tenant.queue_calls:
            raise NotFound(f"no call with id {call_id!r} is in progress")
        for leg in list((legs or {}).values()):
            self._end(leg)
        self._leave_queue(call_id)
        self._offer_freed()

    def make_call(self, user_id: str, destination: str, device: CallingDevice) -> str:
        """The user's device rings first; a tenant user at the destination rings too."""
        user = self.tenant.user(user_id)
        self._check_dial(user, destination, device)
        call_id = self._new_call_id()
        self._dial(user, destination, device, call_id)
        return call_id

    def transfer(self, call_id: str, destination: str) -> None:
        """Blind transfer: the transferring leg ends and the destination rings in its place."""
        legs = self.tenant.calls.get(call_id)
        if not legs and call_id in self.tenant.queue_calls:
            raise Unprocessable(f"call {call_id} waits in its queue: pick it up first")
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
        self._move(call_id, leaving, destination)
        self._offer_freed()

    # -- the attendant's features: hold, answer, pick up, attended transfer ------------------

    def hold(self, user_id: str, call_id: str) -> None:
        """The user's answered leg is held (`call.held`); a held leg stays as it is."""
        leg = self._leg_of(user_id, call_id)
        if leg.state is not CallState.ANSWERED:
            name = self.tenant.users[user_id].name
            raise Unprocessable(f"{name} has not answered call {call_id}: it cannot be held")
        if not leg.held:
            self._put(msgspec.structs.replace(leg, held=True), CallHeld)

    def resume(self, user_id: str, call_id: str) -> None:
        """The user's held leg is taken off hold (`call.resumed`), and their other call in
        progress is held, as a phone swaps between two calls; a leg not held stays as it is."""
        leg = self._leg_of(user_id, call_id)
        if leg.held:
            self._hold_others(user_id, call_id)
            self._put(msgspec.structs.replace(leg, held=False), CallResumed)

    def answer_hands_free(self, user_id: str, call_id: str) -> None:
        """An answer request: the call ringing at the user is answered on their local device,
        hands-free; a call the user talks in meanwhile is held."""
        user = self.tenant.user(user_id)
        leg = self._leg_of(user_id, call_id)
        if leg.state is not CallState.RINGING or leg.direction is not Direction.INBOUND:
            raise Unprocessable(f"call {call_id} is not ringing at {user.name}")
        if leg.device not in (None, CallingDevice.LOCAL):
            raise Unprocessable(
                f"call {call_id} rings on {user.name}'s {leg.device} device: answer it there"
            )
        if CallingDevice.LOCAL not in user.devices:
            raise Unprocessable(f"{user.name} has no local device to answer on hands-free")
        self._hold_others(user_id, call_id)
        self.answer(call_id, user_id=user_id, device=CallingDevice.LOCAL)

    def pick_up(self, user_id: str, call_id: str, device: CallingDevice) -> None:
        """The call ringing at a colleague (or waiting in a queue) comes to the user's device.

        The picker's leg rings on ``device``; on the local device it is answered at once,
        hands-free (a call the picker talks in is held), on the mobile or in Teams it rings
        there until answered. Everyone else's ringing stops, and a queue call leaves its queue.
        """
        picker = self.tenant.user(user_id)
        if device not in picker.devices:
            raise Unprocessable(
                f"{picker.name} has no {device.value} device; choose another calling device"
            )
        legs = dict(self.tenant.calls.get(call_id, {}))
        waiting = self.tenant.queue_calls.get(call_id)
        if not legs and waiting is None:
            raise NotFound(f"no call with id {call_id!r} is in progress")
        if user_id in legs:
            raise Unprocessable(f"{picker.name} is in call {call_id} already: answer it instead")
        ringing_in = [
            leg
            for leg in legs.values()
            if leg.state is CallState.RINGING and leg.direction is Direction.INBOUND
        ]
        queue_name: str | None
        if waiting is not None:  # the far end waits in the queue, perhaps ringing agents
            queue_name, caller, callback = waiting.queue, waiting.caller, waiting.callback
            called = self.tenant.queue(waiting.queue).number
        elif ringing_in:
            first = ringing_in[0]
            queue_name, caller, callback = first.queue, first.caller, first.callback
            called = first.called
        else:
            raise Unprocessable(f"call {call_id} rings at nobody any more: it cannot be picked up")
        self._put(
            Call(
                call_id=call_id,
                user_id=user_id,
                state=CallState.RINGING,
                direction=Direction.INBOUND,
                caller=caller,
                called=called,
                queue=queue_name,
                callback=callback,
                device=device,
                started_at=self._clock(),
                consultation_for=self._consultation_for(call_id),
            )
        )
        for leg in ringing_in:
            self._end(leg)
        self._leave_queue(call_id)
        if device is CallingDevice.LOCAL:
            self._hold_others(user_id, call_id)
            self.answer(call_id, user_id=user_id, device=device)

    def consult(self, user_id: str, call_id: str, destination: str) -> str:
        """The first half of an attended transfer: the user's leg of ``call_id`` is held and a
        new call (the consultation) goes from the same device to ``destination``; its legs name
        the held call in `consultation_for`. Returns the consultation's call id."""
        user = self.tenant.user(user_id)
        leg = self._leg_of(user_id, call_id)
        if leg.state is not CallState.ANSWERED:
            raise Unprocessable(
                f"{user.name} has not answered call {call_id}: only a call in progress can be held"
            )
        if leg.consultation_for is not None:
            raise Unprocessable(
                f"call {call_id} is a consultation itself: complete that transfer or go back first"
            )
        if self._consultation_of(user_id, call_id) is not None:
            raise Unprocessable(
                f"{user.name} is consulting about call {call_id} already: "
                "complete the transfer or go back first"
            )
        device = leg.device or CallingDevice.LOCAL
        self._check_dial(user, destination, device)
        target = self.tenant.user_by_number(destination)
        if target is not None and target.id in self.tenant.calls.get(call_id, {}):
            raise Unprocessable(f"{target.name} is in call {call_id} already")
        if not leg.held:
            self._put(msgspec.structs.replace(leg, held=True), CallHeld)
        self._hold_others(user_id, call_id)
        consultation_id = self._new_call_id()
        self.tenant.consultations[consultation_id] = ConsultationOf(user_id, call_id)
        self._dial(user, destination, device, consultation_id)
        return consultation_id

    def complete_transfer(self, user_id: str, call_id: str) -> None:
        """The second half of an attended transfer: the far end of the held ``call_id`` is
        connected with the person the user consulted, and the user leaves both calls.

        A colleague who answered the consultation joins ``call_id`` talking (`call.answered`);
        one still ringing rings in ``call_id`` instead (the caller now waits for them, as after
        a blind transfer); an outside number is connected outside the tenant's view."""
        user = self.tenant.user(user_id)
        leg = self._leg_of(user_id, call_id)
        consultation_id = self._consultation_of(user_id, call_id)
        consultation = dict(self.tenant.calls.get(consultation_id or "", {}))
        own = consultation.get(user_id)
        if consultation_id is None or own is None:
            raise Unprocessable(
                f"{user.name} is consulting nobody about call {call_id}: call the colleague "
                "first, or transfer the call blind"
            )
        answered_by = next(
            (
                other
                for other in consultation.values()
                if other.user_id != user_id and other.state is CallState.ANSWERED
            ),
            None,
        )
        if answered_by is not None:
            if answered_by.user_id in self.tenant.calls.get(call_id, {}):
                raise Unprocessable(f"the consulted colleague is in call {call_id} already")
            now = self._clock()
            self._put(
                Call(
                    call_id=call_id,
                    user_id=answered_by.user_id,
                    state=CallState.ANSWERED,
                    direction=Direction.INBOUND,
                    caller=_far_end(leg),
                    called=answered_by.called,
                    queue=leg.queue,
                    callback=leg.callback,
                    device=answered_by.device,
                    started_at=now,
                    answered_at=now,
                )
            )
            for other in consultation.values():
                self._end(other)
            self._end(leg)
        else:
            for other in consultation.values():
                self._end(other)
            self._leave_queue(consultation_id)
            self._move(call_id, [leg], own.called)
        self.tenant.consultations.pop(consultation_id, None)
        self._offer_freed()

    def go_back(self, user_id: str, call_id: str) -> None:
        """The consultation (if it still goes on) is hung up and the held call resumed."""
        self._leg_of(user_id, call_id)
        consultation_id = self._consultation_of(user_id, call_id)
        if consultation_id is not None:
            self.hang_up(consultation_id)
            self.tenant.consultations.pop(consultation_id, None)
        self.resume(user_id, call_id)

    # -- queues -----------------------------------------------------------------------------

    def set_queue_login(self, queue: str, user_id: str, logged_in: bool) -> QueueAgent:
        """An agent logs in to a queue (its waiting calls ring them, if free) or out of it
        (its calls stop ringing at them); `queue.changed` tells of it."""
        found = self.tenant.queue(queue)
        user = self.tenant.user(user_id)
        if user_id not in found.agents:
            raise Forbidden(
                f"{user.name} is not an agent of queue {queue}; an administrator can make them one"
            )
        agents = self.tenant.logged_in.setdefault(queue, set())
        if logged_in and user_id not in agents:
            agents.add(user_id)
            self._emit_queue(queue)
            if user_id not in self._talking():
                self._offer_waiting_to(user_id)
        elif not logged_in and user_id in agents:
            agents.discard(user_id)
            for waiting_id, waiting in list(self.tenant.queue_calls.items()):
                leg = self.tenant.calls.get(waiting_id, {}).get(user_id)
                if waiting.queue == queue and leg is not None and leg.state is CallState.RINGING:
                    self._end(leg)
            self._emit_queue(queue)
        return QueueAgent(user_id=user_id, logged_in=logged_in)

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
        self._offer_freed()

    # -- helpers ----------------------------------------------------------------------------

    def _new_call_id(self) -> str:
        while True:
            call_id = f"call-{next(self._call_numbers)}"
            if not self.tenant.in_progress(call_id) and call_id not in self.tenant.consultations:
                return call_id

    def _check_dial(self, user: User, destination: str, device: CallingDevice) -> None:
        if device not in user.devices:
            raise Unprocessable(
                f"{user.name} has no {device.value} device; choose another calling device"
            )
        if not is_diallable(destination):
            raise Unprocessable(f"{destination!r} is not a number that can be dialled")
        target = self.tenant.user_by_number(destination)
        if target is not None and target.id == user.id:
            raise Unprocessable(f"{destination!r} is {user.name}'s own number")

    def _dial(self, user: User, destination: str, device: CallingDevice, call_id: str) -> None:
        own_number = primary_number(user)
        self._put(
            Call(
                call_id=call_id,
                user_id=user.id,
                state=CallState.RINGING,
                direction=Direction.OUTBOUND,
                caller=own_number,
                called=normalise(destination),
                device=device,
                started_at=self._clock(),
                consultation_for=self._consultation_for(call_id),
            )
        )
        target = self.tenant.user_by_number(destination)
        if target is not None:
            self.ring(target.id, own_number, called=destination, call_id=call_id)
        else:
            self._ring_queue_at(destination, own_number, call_id)

    def _move(self, call_id: str, leaving: list[Call], destination: str) -> None:
        """``leaving`` ends and ``destination`` rings in its place with the far end as caller."""
        far_end = _far_end(leaving[0])
        legs = self.tenant.calls.get(call_id, {})
        target = self.tenant.user_by_number(destination)
        if target is not None and target.id in legs and legs[target.id] not in leaving:
            raise Unprocessable(f"{target.name} is already in call {call_id}")
        for leg in leaving:
            self._end(leg)
        self._leave_queue(call_id)  # sent on: it no longer waits for the queue's agents
        if target is not None:
            self.ring(target.id, far_end, called=destination, call_id=call_id)
        else:
            self._ring_queue_at(destination, far_end, call_id)

    def _ring_queue_at(self, number: str, caller: str, call_id: str) -> None:
        """A call put through to a queue's number waits in the queue and rings its free agents."""
        queue = self.tenant.queue_by_number(number)
        if queue is None:
            return
        if call_id not in self.tenant.queue_calls:
            self._wait(call_id, queue.name, caller, callback=False)
        self._offer(call_id)

    def _wait(self, call_id: str, queue: str, caller: str, callback: bool) -> None:
        self.tenant.queue_calls[call_id] = QueueCall(
            queue, normalise(caller), callback, self._clock()
        )
        self._emit_queue(queue)

    def _leave_queue(self, call_id: str) -> None:
        waiting = self.tenant.queue_calls.pop(call_id, None)
        if waiting is not None:
            self._emit_queue(waiting.queue)

    def _offer(self, call_id: str) -> None:
        """The waiting call rings every free, logged-in agent of its queue not yet rung."""
        waiting = self.tenant.queue_calls[call_id]
        logged_in = self.tenant.logged_in.get(waiting.queue, set())
        talking = self._talking()
        for agent in self.tenant.queue(waiting.queue).agents:
            if (
                agent in logged_in
                and agent not in talking
                and agent not in self.tenant.calls.get(call_id, {})
            ):
                self.ring(
                    agent,
                    waiting.caller,
                    queue=waiting.queue,
                    callback=waiting.callback,
                    call_id=call_id,
                )

    def _offer_waiting_to(self, user_id: str) -> None:
        """Every call waiting in a queue the user is logged in to rings them, oldest first."""
        waiting_calls = sorted(self.tenant.queue_calls.items(), key=lambda item: item[1].since)
        for call_id, waiting in waiting_calls:
            if user_id in self.tenant.logged_in.get(
                waiting.queue, ()
            ) and user_id not in self.tenant.calls.get(call_id, {}):
                self.ring(
                    user_id,
                    waiting.caller,
                    queue=waiting.queue,
                    callback=waiting.callback,
                    call_id=call_id,
                )

    def _offer_freed(self) -> None:
        """Agents whose call ended and who talk in no other are offered the waiting calls."""
        freed, self._freed = self._freed, []
        if not freed or not self.tenant.queue_calls:
            return
        talking = self._talking()
        for user_id in dict.fromkeys(freed):
            if user_id in self.tenant.users and user_id not in talking:
                self._offer_waiting_to(user_id)

    def _talking(self) -> set[str]:
        return {leg.user_id for leg in self.tenant.legs() if leg.state is CallState.ANSWERED}

    def _hold_others(self, user_id: str, call_id: str) -> None:
        """The user's other calls in progress are held: a phone talks in one call at a time."""
        for other_id, legs in list(self.tenant.calls.items()):
            leg = legs.get(user_id)
            if (
                other_id != call_id
                and leg is not None
                and leg.state is CallState.ANSWERED
                and not leg.held
            ):
                self._put(msgspec.structs.replace(leg, held=True), CallHeld)

    def _consultation_for(self, call_id: str) -> str | None:
        consultation = self.tenant.consultations.get(call_id)
        return consultation.held_call_id if consultation is not None else None

    def _consultation_of(self, user_id: str, held_call_id: str) -> str | None:
        """The consultation call ``user_id`` makes about ``held_call_id``, while it goes on."""
        for call_id, consultation in self.tenant.consultations.items():
            if (
                consultation.user_id == user_id
                and consultation.held_call_id == held_call_id
                and self.tenant.in_progress(call_id)
            ):
                return call_id
        return None

    def _emit_queue(self, queue: str) -> None:
        self._emit(QueueChanged(timestamp=self._now(), data=self.tenant.queue_status(queue)))

    def require_call(self, call_id: str) -> str:
        if not self.tenant.in_progress(call_id):
            raise NotFound(f"no call with id {call_id!r} is in progress")
        return call_id

    def _legs(self, call_id: str) -> dict[str, Call]:
        legs = self.tenant.calls.get(call_id)
        if not legs:
            raise NotFound(f"no call with id {call_id!r} is in progress")
        return legs

    def _leg_of(self, user_id: str, call_id: str) -> Call:
        user = self.tenant.user(user_id)
        self.require_call(call_id)
        leg = self.tenant.calls.get(call_id, {}).get(user_id)
        if leg is None:
            raise NotFound(f"{user.name} has no leg in call {call_id}")
        return leg

    def _now(self) -> str:
        return iso_timestamp(self._clock())

    def _put(self, leg: Call, kind: _LegEvent | None = None) -> None:
        self.tenant.calls.setdefault(leg.call_id, {})[leg.user_id] = leg
        if kind is None:
            kind = CallRinging if leg.state is CallState.RINGING else CallAnswered
        self._emit(kind(timestamp=self._now(), data=leg))

    def _end(self, leg: Call) -> None:
        legs = self.tenant.calls[leg.call_id]
        del legs[leg.user_id]
        if not legs:
            del self.tenant.calls[leg.call_id]
            if leg.call_id not in self.tenant.queue_calls:
                self.tenant.consultations.pop(leg.call_id, None)
        if leg.state is CallState.ANSWERED:
            self._freed.append(leg.user_id)
        ended = msgspec.structs.replace(leg, state=CallState.ENDED)
        self._emit(CallEnded(timestamp=self._now(), data=ended))


def _far_end(leg: Call) -> str:
    return leg.caller if leg.direction is Direction.INBOUND else leg.called


def _answered(leg: Call, now: float, device: CallingDevice | None) -> Call:
    return msgspec.structs.replace(leg, state=CallState.ANSWERED, answered_at=now, device=device)
