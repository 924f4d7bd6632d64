"""Whether a switchboard client is there to run the operator's wrap-ups, and since when not.

In direct mode the desktop is its own one client: it attaches when its window is up and detaches
when it closes; `--headless` never attaches. While attached, the time is kept in the store every
`BEAT` seconds, so that after a kill or a restart the app knows how long nobody was there.
"""

from __future__ import annotations

from typing import Final, Protocol

from .clock import Clock

__all__ = ["BEAT", "Clients"]

BEAT: Final = 60.0  # seconds between the times kept while a client is there
SEEN_FACT: Final = "client_seen_at"


class Facts(Protocol):
    def fact(self, name: str) -> str | None: ...
    def keep_fact(self, name: str, value: str | None) -> None: ...


class Clients:
    """Whether a client is attached; if not, since when nobody was there."""

    def __init__(self, facts: Facts, clock: Clock) -> None:
        self._facts = facts
        self._clock = clock
        self.attached = False
        self._kept_at = -BEAT  # when the time was last kept
        seen = facts.fact(SEEN_FACT)
        # Last seen by an earlier run, else from now: a first start has no one to have missed.
        self._away_since = float(seen) if seen is not None else clock.now()

    def attach(self) -> None:
        self.attached = True
        self._kept_at = -BEAT
        self.beat()

    def detach(self) -> None:
        self._kept_at = -BEAT
        self.beat()
        self.attached = False
        self._away_since = self._clock.now()

    def beat(self) -> None:
        """Keep the time a client was last there, at most every `BEAT` seconds while attached."""
        now = self._clock.now()
        if self.attached and now - self._kept_at >= BEAT:
            self._facts.keep_fact(SEEN_FACT, repr(now))
            self._kept_at = now

    def away_for(self) -> float | None:
        """Seconds since a client was last there; None while one is."""
        return None if self.attached else self._clock.now() - self._away_since
