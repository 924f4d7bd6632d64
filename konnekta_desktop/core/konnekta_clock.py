"""Konnekta's clock, as its HTTP answers tell it (`Date`), and what to say when it and this
computer's clock disagree.

Signed events carry Konnekta's time; they are checked against Konnekta's clock as measured here,
so a computer clock that is off (or a PBX that is) does not refuse them. When the two clocks
differ by more than `WARN_AFTER` seconds the operator is told, naming which clock is off when this
computer can tell that its own is synchronised.
"""

from __future__ import annotations

import statistics
from collections import deque
from collections.abc import Callable
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Final

from ..domain.refusals import Reason, Why, why

__all__ = ["WARN_AFTER", "KonnektaClock", "clock_warning", "local_clock_synchronised"]

WARN_AFTER: Final = 60.0  # seconds of difference the operator is told about
_NOISE: Final = 2.0  # a Date header has whole seconds: differences this small are no difference
_SAMPLES: Final = 9  # the offset is the median of the last few answers


class KonnektaClock:
    """This computer's clock, corrected by the offset Konnekta's answers show."""

    def __init__(self, local: Callable[[], float]) -> None:
        self._local = local
        self._samples: deque[float] = deque(maxlen=_SAMPLES)

    def observe(self, date: str | None) -> None:
        """Take one answer's `Date` header (ignored when missing or not a date)."""
        if not date:
            return
        try:
            konnekta = parsedate_to_datetime(date).timestamp()
        except (TypeError, ValueError, IndexError, OverflowError):
            return
        self._samples.append(konnekta - self._local())

    @property
    def offset(self) -> float:
        """Seconds Konnekta's clock is ahead of this computer's (negative: behind)."""
        if not self._samples:
            return 0.0
        offset = statistics.median(self._samples)
        return 0.0 if abs(offset) < _NOISE else offset

    def now(self) -> float:
        return self._local() + self.offset


def local_clock_synchronised() -> bool | None:
    """Whether this computer says its clock is synchronised over the network: True or False where
    it tells (systemd's timesyncd on Linux), None where it does not."""
    marker = Path("/run/systemd/timesync/synchronized")
    if not Path("/run/systemd/system").exists():
        return None
    return marker.exists()


def clock_warning(
    offset: float, stale_in_a_row: int, stale_seconds_off: int, synced: bool | None
) -> Why | None:
    """What to tell the operator about the clocks, or None: signed events refused for their time
    three times in a row come first, then clocks more than a minute apart."""
    if stale_in_a_row >= 3:
        return why(Reason.EVENTS_REFUSED_FOR_TIME, minutes=_minutes(stale_seconds_off))
    if abs(offset) <= WARN_AFTER:
        return None
    minutes = _minutes(offset)
    if synced:
        reason = Reason.KONNEKTA_CLOCK_AHEAD if offset > 0 else Reason.KONNEKTA_CLOCK_BEHIND
        return why(reason, minutes=minutes)
    return why(Reason.CLOCKS_DIFFER, minutes=minutes)


def _minutes(seconds: float) -> str:
    return str(max(1, round(abs(seconds) / 60)))
