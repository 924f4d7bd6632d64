"""A `call_later` that only records: the test fires a timer when its time has come."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Timer:
    seconds: float
    callback: Callable[[], None]
    cancelled: bool = False

    def cancel(self) -> None:
        self.cancelled = True


@dataclass
class FakeTimers:
    started: list[Timer] = field(default_factory=list)

    def call_later(self, seconds: float, callback: Callable[[], None]) -> Timer:
        timer = Timer(seconds, callback)
        self.started.append(timer)
        return timer

    def pending(self) -> list[Timer]:
        return [timer for timer in self.started if not timer.cancelled]

    def fire(self) -> None:
        """Run the one pending timer, as its time has come."""
        (timer,) = self.pending()
        timer.cancelled = True
        timer.callback()
