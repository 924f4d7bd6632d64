"""Transferred calls followed until a colleague answers them.

After a blind transfer, or an attended one completed while the colleague still rings, the call is
followed for `recall_seconds`. A colleague who answers ends the following; when the time is up and
the call still rings (or waits in a queue) unanswered, the operator is told (`Update.recall`) so
they can take it back with one key. Nothing is picked up by itself: the operator may be talking.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from ..domain.types import CallState
from ..listener.line_budget import CallLater, Cancellable
from .clock import Clock
from .model import LiveModel

__all__ = ["RECALL_SECONDS", "TransferredCall", "Transfers"]

log = logging.getLogger(__name__)

RECALL_SECONDS: Final = 30.0
"""How long a transferred call may ring unanswered before the operator is told."""


@dataclass(frozen=True, slots=True)
class TransferredCall:
    call_id: str
    by: str  # the user whose leg was transferred (the operator, or the colleague they act for)
    recall_at: float  # Unix seconds: when the operator is told if nobody answered


class Transfers:
    """The transferred calls followed now, each with its timer."""

    def __init__(
        self,
        model: LiveModel,
        clock: Clock,
        on_recall: Callable[[tuple[str, ...]], None],
        *,
        recall_seconds: float = RECALL_SECONDS,
        call_later: CallLater | None = None,
    ) -> None:
        self._model = model
        self._clock = clock
        self._on_recall = on_recall
        self.recall_seconds = recall_seconds
        self.call_later = call_later  # the timers (the loop's unless given)
        self._followed: dict[str, tuple[TransferredCall, Cancellable]] = {}

    def following(self) -> list[TransferredCall]:
        return [followed for followed, _ in self._followed.values()]

    def follow(self, call_id: str, by: str) -> None:
        """Follow `call_id`, just transferred away from `by`'s leg (again from now, if it was)."""
        self._stop(call_id)
        if self.recall_seconds <= 0:
            return  # the operator turned recalls off
        if self._answered(call_id, by):
            return  # the colleague answered before Konnekta answered the transfer
        call_later = self.call_later or asyncio.get_running_loop().call_later
        followed = TransferredCall(call_id, by, self._clock.now() + self.recall_seconds)
        timer = call_later(self.recall_seconds, lambda: self._time_up(call_id))
        self._followed[call_id] = (followed, timer)
        log.info("Following transferred call %s for %.0f s", call_id, self.recall_seconds)

    def on_calls_changed(self) -> None:
        """A colleague answered a followed call: it needs no recall."""
        for followed in self.following():
            if self._answered(followed.call_id, followed.by):
                log.info("Transferred call %s was answered", followed.call_id)
                self._stop(followed.call_id)

    def close(self) -> None:
        for call_id in list(self._followed):
            self._stop(call_id)

    def _time_up(self, call_id: str) -> None:
        entry = self._followed.pop(call_id, None)
        if entry is None:
            return
        followed = entry[0]
        if self._answered(call_id, followed.by):
            return
        if not self._still_there(call_id, followed.by):
            # Ended, or rings outside the tenant where no leg of it is seen: nothing to take back.
            log.info("Transferred call %s no longer rings at anyone here", call_id)
            return
        log.info("Transferred call %s unanswered after %.0f s", call_id, self.recall_seconds)
        self._on_recall((call_id,))

    def _stop(self, call_id: str) -> None:
        entry = self._followed.pop(call_id, None)
        if entry is not None:
            entry[1].cancel()

    def _legs(self, call_id: str, by: str) -> list[CallState]:
        return [
            leg.state
            for leg in self._model.active_calls()
            if leg.call_id == call_id and leg.user_id != by
        ]

    def _answered(self, call_id: str, by: str) -> bool:
        return CallState.ANSWERED in self._legs(call_id, by)

    def _still_there(self, call_id: str, by: str) -> bool:
        """Ringing at someone, or waiting in a queue."""
        return bool(self._legs(call_id, by)) or self._model.waiting_call(call_id) is not None
