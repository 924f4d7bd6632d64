"""Pauses the connector can cut short, and a check that notices the computer slept during one.

After a sleep the Konnekta session, the webhook subscription and the presence picture are stale,
so the connector reconnects at once instead of waiting for two failed health checks. A sleep shows
as a pause that ran far longer than asked: on Linux and macOS the wall clock jumps while the
monotonic clock stood still; on Windows the monotonic clock counts the sleep too, so the pause's
own timer overran.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any, Final

from ..domain.refusals import Reason, Why, why
from .clock import Clock

__all__ = ["MINIMUM_JUMP", "ResumeWatch"]

log = logging.getLogger(__name__)

MINIMUM_JUMP: Final = 5.0
"""Seconds a pause must overrun before it counts as a sleep: a busy computer stalls for less."""


class ResumeWatch:
    """Interruptible pauses for the connector's health checks and retries.

    `pause(seconds)` returns None after an ordinary pause, or why the connector should reconnect
    now: a `request(reason)` came in (a network change, the operator), or the computer slept.
    """

    def __init__(
        self,
        clock: Clock,
        sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep,
        *,
        factor: float = 2.0,
        minimum_jump: float = MINIMUM_JUMP,
        timer: Callable[[], float] | None = None,
    ) -> None:
        self._clock = clock
        self._sleep = sleep
        self._factor = factor
        self._minimum_jump = minimum_jump
        self._timer = timer  # None: the running loop's own clock, which times asyncio.sleep
        self._requested = asyncio.Event()
        self._reason = why(Reason.NETWORK_CHANGED)

    def request(self, reason: Why) -> None:
        """End the current (or next) pause now with `reason`; requests in a burst count once."""
        self._reason = reason
        self._requested.set()

    @property
    def requested(self) -> bool:
        return self._requested.is_set()

    async def pause(self, seconds: float) -> Why | None:
        """Pause for `seconds`; None, or the reason to reconnect now."""
        timer = self._timer or asyncio.get_running_loop().time
        wall, monotonic, started = self._clock.now(), self._clock.monotonic(), timer()
        if not self._requested.is_set():
            await self._sleep_unless_requested(seconds)
        if self._requested.is_set():
            self._requested.clear()
            return self._reason
        slept = self.slept(
            seconds,
            wall_elapsed=self._clock.now() - wall,
            monotonic_elapsed=self._clock.monotonic() - monotonic,
            timer_elapsed=timer() - started,
        )
        if slept is None:
            return None
        log.info("The computer was asleep or stalled for about %.0f s", slept)
        return why(Reason.AWOKE, minutes=str(max(1, round(slept / 60))))

    def slept(
        self,
        asked: float,
        *,
        wall_elapsed: float,
        monotonic_elapsed: float,
        timer_elapsed: float,
    ) -> float | None:
        """How long the computer was away during a pause of `asked` seconds, or None if it was not."""
        threshold = max(self._factor * asked, self._minimum_jump)
        clock_gap = wall_elapsed - monotonic_elapsed  # Linux, macOS: the wall clock moved on alone
        overrun = timer_elapsed - asked  # Windows: the pause's timer counted the sleep
        away = max(clock_gap, overrun)
        return away if away > threshold else None

    async def _sleep_unless_requested(self, seconds: float) -> None:
        sleeper = asyncio.ensure_future(self._sleep(seconds))
        waker = asyncio.ensure_future(self._requested.wait())
        try:
            await asyncio.wait({sleeper, waker}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for task in (sleeper, waker):
                task.cancel()
            await asyncio.gather(sleeper, waker, return_exceptions=True)
