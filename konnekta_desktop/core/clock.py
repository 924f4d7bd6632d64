"""Injected time: the app runs on `SystemClock`; tests drive a `ManualClock` instead of sleeping."""

from __future__ import annotations

import time
from typing import Protocol, runtime_checkable


@runtime_checkable
class Clock(Protocol):
    """Where the domain asks for the time."""

    def now(self) -> float:
        """Wall-clock time in Unix seconds (for timestamps people read and that are stored)."""
        ...

    def monotonic(self) -> float:
        """Seconds from an arbitrary start that never go back (for timeouts and durations)."""
        ...


class SystemClock:
    """The real clock."""

    def now(self) -> float:
        return time.time()

    def monotonic(self) -> float:
        return time.monotonic()


class ManualClock:
    """A clock that moves only when a test moves it; `now()` and `monotonic()` advance together."""

    def __init__(self, now: float = 1_750_000_000.0) -> None:
        self._now = now
        self._monotonic = 0.0

    def now(self) -> float:
        return self._now

    def monotonic(self) -> float:
        return self._monotonic

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError(f"a clock cannot go back: advance({seconds}) is negative")
        self._now += seconds
        self._monotonic += seconds

    def set(self, now: float) -> None:
        """Jump the wall clock (as an NTP correction would); the monotonic clock does not move."""
        self._now = now

    def __repr__(self) -> str:
        return f"ManualClock(now={self._now!r}, monotonic={self._monotonic!r})"
