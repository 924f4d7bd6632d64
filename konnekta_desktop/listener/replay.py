"""Remembers recent webhook ids so that a redelivered message is recognised.

The memory is allocated once, when the guard is made, and never grows or shrinks afterwards: an
id is kept as a 64-bit fingerprint in a fixed ring (oldest first, with the time it was seen) and
in a fixed open-addressing table for lookup. A dict of strings would do the same job, but under a
steady stream it compacts itself every few hundred thousand ids, and each compaction moves the
process's memory up a step that is never given back (11 MiB at 200,000 ids, measured by the
60-minute soak in docs/reliability.md).

Fingerprints are keyed with a random per-process key, so two different ids share one with a
chance of about one in 2**64 / 200,000 per id: such an id would be taken for a redelivery,
acknowledged and not applied.
"""

from __future__ import annotations

import hashlib
import os
from array import array

_FINGERPRINT_BYTES = 8


class ReplayGuard:
    """Ids seen within a window, bounded by age and by count (the newest `max_ids` are kept)."""

    def __init__(self, window_seconds: float, max_ids: int = 200_000) -> None:
        if max_ids < 1:
            raise ValueError("max_ids must be at least 1")
        self._window = window_seconds
        self._key = os.urandom(16)
        # The ring: fingerprints and times in arrival order, from `_head` for `_count` entries.
        self._ring_ids = array("Q", bytes(8 * max_ids))
        self._ring_times = array("d", bytes(8 * max_ids))
        self._head = 0
        self._count = 0
        # The table: at most half full, so a lookup probes one or two slots; 0 marks a free slot.
        size = 1 << (2 * max_ids - 1).bit_length()
        self._table = array("Q", bytes(8 * size))
        self._mask = size - 1

    def __len__(self) -> int:
        return self._count

    def first_time(self, webhook_id: str, now: float) -> bool:
        """Record the id; False when it was seen within the window."""
        self._forget_older_than(now - self._window)
        fingerprint = self._fingerprint(webhook_id)
        slot = self._slot_of(fingerprint)
        if self._table[slot] == fingerprint:
            return False
        capacity = len(self._ring_ids)
        if self._count == capacity:
            self._forget_oldest()
            slot = self._slot_of(fingerprint)
        self._table[slot] = fingerprint
        tail = (self._head + self._count) % capacity
        self._ring_ids[tail] = fingerprint
        self._ring_times[tail] = now
        self._count += 1
        return True

    def _fingerprint(self, webhook_id: str) -> int:
        digest = hashlib.blake2b(
            webhook_id.encode("utf-8", "surrogatepass"),
            digest_size=_FINGERPRINT_BYTES,
            key=self._key,
        ).digest()
        return int.from_bytes(digest, "little") or 1

    def _slot_of(self, fingerprint: int) -> int:
        """The slot holding `fingerprint`, or the free slot where it would go."""
        table, mask = self._table, self._mask
        slot = fingerprint & mask
        while table[slot] not in (0, fingerprint):
            slot = (slot + 1) & mask
        return slot

    def _forget_older_than(self, cutoff: float) -> None:
        while self._count and self._ring_times[self._head] < cutoff:
            self._forget_oldest()

    def _forget_oldest(self) -> None:
        self._remove(self._ring_ids[self._head])
        self._head = (self._head + 1) % len(self._ring_ids)
        self._count -= 1

    def _remove(self, fingerprint: int) -> None:
        """Empty its slot and pull later entries of the same probe run back over the gap, so
        lookups never need markers for removed entries."""
        table, mask = self._table, self._mask
        gap = self._slot_of(fingerprint)
        table[gap] = 0
        slot = gap
        while True:
            slot = (slot + 1) & mask
            moved = table[slot]
            if moved == 0:
                return
            home = moved & mask
            # `moved` may fill the gap unless its home lies cyclically after the gap, up to `slot`.
            if (home - gap - 1) & mask < (slot - gap) & mask:
                continue
            table[gap] = moved
            table[slot] = 0
            gap = slot
