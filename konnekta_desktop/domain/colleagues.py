"""A colleague as the switchboard sees them, and what changed among them.

`Colleague` joins the PBX's user with their live presence, forwarding, caller ID and calls.
`ModelChange` is what one batch of updates changed; consumers get one per batch.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from .types import Availability, Call, Presence, User

__all__ = ["Colleague", "ModelChange", "name_order"]


def name_order(name: str) -> str:
    """The key that puts names in the order a Danish phone list has them: case ignored,
    accents ignored (Émile with the Es), Æ, Ø and Å after Z. Those three become the characters
    that follow "z", before accents are stripped (Å would otherwise become A)."""
    if name.isascii():
        return name.lower()
    folded = name.casefold().replace("æ", "{").replace("ø", "|").replace("å", "}")
    if folded.isascii():  # Danish letters only: no accents to strip
        return folded
    separated = unicodedata.normalize("NFKD", folded)
    return "".join(c for c in separated if not unicodedata.combining(c))


@dataclass(slots=True)
class Colleague:
    """One Konnekta user as the switchboard sees them."""

    user: User
    activity_id: str | None = None
    availability: Availability = Availability.AVAILABLE
    diversion: str | None = None
    caller_id: str | None = None
    calls: dict[str, Call] = field(default_factory=dict)  # this user's legs, by call id

    @property
    def id(self) -> str:
        return self.user.id

    @property
    def presence(self) -> Presence:
        return Presence(activity_id=self.activity_id, availability=self.availability)


@dataclass(slots=True)
class ModelChange:
    """What changed since the last flush. `reset` means: reload everything."""

    reset: bool = False
    changed: set[str] = field(default_factory=set)  # user ids whose row changed
    added: set[str] = field(default_factory=set)
    removed: set[str] = field(default_factory=set)
    calls_changed: bool = False
    ended_calls: list[Call] = field(default_factory=list)
    queues_changed: bool = False  # a queue's waiting calls or agents' logins
    events: int = 0

    def __bool__(self) -> bool:
        return bool(
            self.reset
            or self.changed
            or self.added
            or self.removed
            or self.calls_changed
            or self.queues_changed
        )
