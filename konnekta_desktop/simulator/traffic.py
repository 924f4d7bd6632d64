"""Automatic demo traffic: calls of every kind and some presence changes, driven by a seeded RNG.

Each `step` is one tick; the same seed and the same number of steps give the same events.
"""

from __future__ import annotations

import asyncio
import logging
import random
from dataclasses import dataclass

from konnekta_desktop.konnekta.models import CallingDevice, CallState, Direction

from .engine import CallEngine
from .errors import SimulatorError
from .tenant import external_number, mobile_number, primary_number

log = logging.getLogger(__name__)

KINDS = ("direct", "queue", "callback", "mobile", "internal")
_KIND_WEIGHTS = (40, 25, 10, 10, 15)


@dataclass(slots=True)
class _Playing:
    kind: str
    age: int = 0


class AutoTraffic:
    def __init__(self, engine: CallEngine, seed: int, *, max_calls: int = 8) -> None:
        self._engine = engine
        self._tenant = engine.tenant
        self._rng = random.Random(f"traffic-{seed}")
        self._max_calls = max(1, min(max_calls, len(self._tenant.users) // 3))
        self._playing: dict[str, _Playing] = {}

    def step(self) -> list[str]:
        """Advance every call it started, maybe start one and maybe change someone's presence."""
        done: list[str] = []
        try:
            self._advance(done)
            if len(self._playing) < self._max_calls and self._rng.random() < 0.6:
                self._start(done)
            if self._rng.random() < 0.25:
                self._change_presence(done)
        except SimulatorError as error:  # the app or an operator changed something under us
            log.debug("auto traffic step skipped: %s", error)
        return done

    async def run(self, interval: float) -> None:
        while True:
            await asyncio.sleep(interval)
            self.step()

    def _advance(self, done: list[str]) -> None:
        for call_id, playing in list(self._playing.items()):
            if not self._tenant.in_progress(call_id):
                del self._playing[call_id]
                continue
            legs = self._tenant.calls.get(call_id, {})
            playing.age += 1
            ringing = any(leg.state is CallState.RINGING for leg in legs.values())
            waiting_alone = not legs  # in a queue with no agent free: rings nobody yet
            if (ringing or waiting_alone) and playing.age > 4:
                self._engine.hang_up(call_id)
                done.append(f"{call_id} unanswered")
            elif ringing and self._rng.random() < 0.5:
                device = CallingDevice.MOBILE if playing.kind == "mobile" else CallingDevice.LOCAL
                self._engine.answer(call_id, device=device)
                done.append(f"{call_id} answered")
            elif not ringing and not waiting_alone and self._rng.random() < 0.35:
                self._engine.hang_up(call_id)
                done.append(f"{call_id} ended")
            else:
                continue
            if not self._tenant.in_progress(call_id):
                del self._playing[call_id]

    def _idle_user(self) -> str | None:
        busy = {leg.user_id for leg in self._tenant.legs()}
        user_id = self._rng.choice(list(self._tenant.users))
        return None if user_id in busy else user_id

    def _start(self, done: list[str]) -> None:
        kind = self._rng.choices(KINDS, _KIND_WEIGHTS)[0]
        caller = external_number(self._rng)
        call_id: str | None = None
        if kind in {"queue", "callback"}:
            queues = [q for q in self._tenant.queues.values() if q.agents]
            if queues:
                queue = self._rng.choice(queues).name
                call_id = self._engine.ring_queue(queue, caller, callback=kind == "callback")
        else:
            user_id = self._idle_user()
            if user_id is None:
                return
            user = self._tenant.users[user_id]
            if kind == "direct":
                call_id = self._engine.ring(user_id, caller)
            elif kind == "mobile":
                mobile = mobile_number(user)
                if mobile is not None:
                    call_id = self._engine.ring(user_id, caller, called=mobile)
            else:
                callee = self._idle_user()
                if callee is not None and callee != user_id:
                    destination = primary_number(self._tenant.users[callee])
                    call_id = self._engine.make_call(user_id, destination, CallingDevice.LOCAL)
        if call_id is not None:
            self._playing[call_id] = _Playing(kind)
            done.append(f"{call_id} {kind}")

    def _change_presence(self, done: list[str]) -> None:
        in_call = {
            leg.user_id for leg in self._tenant.legs() if leg.direction is not Direction.OUTBOUND
        }
        user_id = self._rng.choice(list(self._tenant.users))
        if user_id in in_call:
            return
        activity = self._rng.choice(self._tenant.activities)
        availability = self._tenant.activity_availability[activity.id]
        self._engine.set_presence(user_id, activity.id, availability)
        done.append(f"{user_id} {activity.id}")
