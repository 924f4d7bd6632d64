"""The recent updates, kept so that a client that reconnects gets what it missed.

Each update is kept as the frame that was sent, for `WINDOW_SECONDS` (10 minutes) and at most
`WINDOW_COUNT` updates and `WINDOW_BYTES` bytes, whichever ends first. A client that reconnects
with a `last_seq` still in the window gets the frames after it; otherwise it gets a snapshot.
"""

from __future__ import annotations

from collections import deque
from typing import Final

from ..core.clock import Clock

__all__ = ["WINDOW_BYTES", "WINDOW_COUNT", "WINDOW_SECONDS", "UpdateWindow"]

WINDOW_SECONDS: Final = 600.0
WINDOW_COUNT: Final = 10_000
WINDOW_BYTES: Final = 64 * 1024 * 1024


class UpdateWindow:
    """Update frames by sequence number, oldest first; the numbers have no gaps."""

    def __init__(
        self,
        clock: Clock,
        *,
        seconds: float = WINDOW_SECONDS,
        count: int = WINDOW_COUNT,
        most_bytes: int = WINDOW_BYTES,
    ) -> None:
        self._clock = clock
        self._seconds = seconds
        self._count = count
        self._most_bytes = most_bytes
        self._frames: deque[tuple[int, float, bytes]] = deque()
        self._bytes = 0
        self.seq = 0  # the last update's number (0: none yet)

    def __len__(self) -> int:
        return len(self._frames)

    def add(self, seq: int, frame: bytes) -> None:
        if seq != self.seq + 1:
            self.clear()  # a gap: what is held can no longer be replayed without loss
        self.seq = seq
        self._frames.append((seq, self._clock.monotonic(), frame))
        self._bytes += len(frame)
        while len(self._frames) > self._count or self._bytes > self._most_bytes:
            self._drop_oldest()
        self._prune()

    def clear(self) -> None:
        self._frames.clear()
        self._bytes = 0

    def since(self, last_seq: int) -> list[bytes] | None:
        """The frames after `last_seq`, or None when some of them are no longer held (or
        `last_seq` was never sent)."""
        self._prune()
        if last_seq == self.seq:
            return []
        if last_seq > self.seq or not self._frames or self._frames[0][0] > last_seq + 1:
            return None
        return [frame for seq, _, frame in self._frames if seq > last_seq]

    def _prune(self) -> None:
        oldest_kept = self._clock.monotonic() - self._seconds
        while self._frames and self._frames[0][1] < oldest_kept:
            self._drop_oldest()

    def _drop_oldest(self) -> None:
        _, _, frame = self._frames.popleft()
        self._bytes -= len(frame)
