"""Remembers recent webhook ids so that a replayed message is refused."""

from __future__ import annotations

from collections import OrderedDict


class ReplayGuard:
    """Ids seen within the signature tolerance; older ones are already refused as stale.

    Bounded twice: by age, and by count so a flood of unique ids cannot grow memory without end.
    """

    def __init__(self, window_seconds: float, max_ids: int = 200_000) -> None:
        self._window = window_seconds
        self._max_ids = max_ids
        self._seen: OrderedDict[str, float] = OrderedDict()

    def __len__(self) -> int:
        return len(self._seen)

    def first_time(self, webhook_id: str, now: float) -> bool:
        """Record the id; False when it was seen within the window."""
        self._forget_older_than(now - self._window)
        if webhook_id in self._seen:
            return False
        self._seen[webhook_id] = now
        if len(self._seen) > self._max_ids:
            self._seen.popitem(last=False)
        return True

    def _forget_older_than(self, cutoff: float) -> None:
        seen = self._seen
        while seen:
            oldest_id, seen_at = next(iter(seen.items()))
            if seen_at >= cutoff:
                return
            del seen[oldest_id]
