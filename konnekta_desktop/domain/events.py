"""What a PBX reports as it happens, in the switchboard's own terms.

Each update says what is true now (a call leg's state, a user's presence), so applying one twice
changes nothing the second time.
"""

from __future__ import annotations

import msgspec

from .types import Availability, Call, QueueStatus, User


class CallUpdate(msgspec.Struct, frozen=True, kw_only=True):
    """A call leg rang, was answered, was held or resumed, or ended (its state and `held` say
    which)."""

    call: Call


class PresenceUpdate(msgspec.Struct, frozen=True, kw_only=True):
    user_id: str
    activity_id: str | None
    availability: Availability


class ForwardingUpdate(msgspec.Struct, frozen=True, kw_only=True):
    user_id: str
    number: str | None  # None: not forwarded


class CallerIdUpdate(msgspec.Struct, frozen=True, kw_only=True):
    user_id: str
    number: str | None


class UserUpdate(msgspec.Struct, frozen=True, kw_only=True):
    """A user was added, or changed (name, lines, devices, rights)."""

    user: User


class UserRemoval(msgspec.Struct, frozen=True, kw_only=True):
    user_id: str


class QueueUpdate(msgspec.Struct, frozen=True, kw_only=True):
    """A queue's waiting calls or its agents' logins changed: the whole queue as it is now."""

    queue: QueueStatus


PbxEvent = (
    CallUpdate
    | PresenceUpdate
    | ForwardingUpdate
    | CallerIdUpdate
    | UserUpdate
    | UserRemoval
    | QueueUpdate
)
