"""Ended calls on their way into the call history, kept in memory while the store cannot take them.

A store that is locked by another program or on a full disk refuses the write at once (it waits
at most `BUSY_TIMEOUT_MS`); the calls wait here, in the order they ended, and go in at the next
try. At most `WAITING_MOST` call legs wait: beyond that the oldest are dropped, with a log line.
What a kill loses is what waits here at that moment.
"""

from __future__ import annotations

import logging
import sqlite3
from collections import deque
from collections.abc import Iterable
from typing import Final, Protocol

from ..domain.types import Call
from .store_file import StoreError

__all__ = ["HISTORY_DAYS", "WAITING_MOST", "HistoryWriter", "prune_history"]

log = logging.getLogger(__name__)

WAITING_MOST: Final = 10_000  # call legs: a day's calls of a large switchboard
HISTORY_DAYS: Final = 90  # call history, wrap-up records and sent changes older are forgotten


class CallStore(Protocol):
    def add_calls(self, calls: Iterable[Call], ended_at: float) -> None: ...


class PrunedStore(Protocol):
    def newest_record_at(self) -> float | None: ...
    def prune(self, *, before: float) -> None: ...


class HistoryWriter:
    """Puts ended call legs into the store, keeping them while it cannot be written."""

    def __init__(self, store: CallStore) -> None:
        self._store = store
        self._waiting: deque[tuple[Call, float]] = deque()
        self._failing = False

    @property
    def waiting(self) -> int:
        return len(self._waiting)

    def add(self, calls: Iterable[Call], ended_at: float) -> None:
        """Keep these legs, ended at `ended_at`, and write what waits."""
        self._waiting.extend((call, ended_at) for call in calls)
        dropped = 0
        while len(self._waiting) > WAITING_MOST:
            self._waiting.popleft()
            dropped += 1
        if dropped:
            log.error(
                "Call history: %d ended call legs dropped, the store is still failing", dropped
            )
        self.flush()

    def flush(self) -> bool:
        """Write what waits, oldest first; False when the store still refuses (it stays)."""
        while self._waiting:
            ended_at = self._waiting[0][1]
            batch = []
            while self._waiting and self._waiting[0][1] == ended_at:
                batch.append(self._waiting.popleft()[0])
            try:
                self._store.add_calls(batch, ended_at)
            except (StoreError, sqlite3.Error) as error:
                self._waiting.extendleft((call, ended_at) for call in reversed(batch))
                if not self._failing:
                    log.warning(
                        "Call history cannot be written now (%s): %d ended call legs are kept "
                        "and written when it can",
                        error,
                        len(self._waiting),
                    )
                self._failing = True
                return False
        if self._failing:
            log.info("Call history written again")
            self._failing = False
        return True


def prune_history(store: PrunedStore, now: float) -> None:
    """Forget what is older than `HISTORY_DAYS`, unless the clock says more time than that has
    passed since the newest record: a computer clock set a year ahead must not delete the
    history a right clock keeps. Then nothing is pruned until the clock and the records agree
    again, and the log says why."""
    keep = HISTORY_DAYS * 86_400
    newest = store.newest_record_at()
    if newest is not None and now - newest > keep:
        log.warning(
            "Not pruning the history: the clock says %d days have passed since the newest "
            "record, more than the %d days kept (is the computer's clock right?)",
            (now - newest) // 86_400,
            HISTORY_DAYS,
        )
        return
    store.prune(before=now - keep)
