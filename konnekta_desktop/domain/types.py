"""People, lines, presence and calls as the switchboard knows them.

Frozen msgspec structs: cheap to build at thousands a second, hashable, and encoded as they are
for the store and for the company connector's clients. The enums' values are what the settings
file and the store hold, so they never change once released.
"""

from __future__ import annotations

from enum import StrEnum

import msgspec


class LineType(StrEnum):
    FIXED = "Fixed"
    MOBILE = "Mobile"  # allows no call control


class LineRole(StrEnum):
    PRIMARY = "primary"
    SECONDARY = "secondary"


class CallingDevice(StrEnum):
    """Where a call made on a user's behalf starts."""

    LOCAL = "local"  # desk phone, then softphone, then web softphone; hands-free
    MOBILE = "mobile"  # click-to-dial on the mobile phone
    TEAMS = "teams"  # Microsoft Teams


class Availability(StrEnum):
    AVAILABLE = "available"  # green
    UNAVAILABLE = "unavailable"  # red


class Right(StrEnum):
    SET_CALLER_ID = "SetCallerId"


class Direction(StrEnum):
    INBOUND = "inbound"
    OUTBOUND = "outbound"


class CallState(StrEnum):
    RINGING = "ringing"
    ANSWERED = "answered"
    ENDED = "ended"


class Alias(msgspec.Struct, frozen=True, kw_only=True):
    number: str
    short_number: bool = False


class Line(msgspec.Struct, frozen=True, kw_only=True):
    role: LineRole
    type: LineType
    number: str
    aliases: tuple[Alias, ...] = ()


class User(msgspec.Struct, frozen=True, kw_only=True):
    """A colleague as the PBX knows them: identity, lines, devices and rights."""

    id: str
    username: str
    name: str
    department: str = ""
    email: str = ""
    lines: tuple[Line, ...] = ()
    devices: tuple[CallingDevice, ...] = ()
    rights: tuple[Right, ...] = ()
    wrap_up: bool = False


class Activity(msgspec.Struct, frozen=True, kw_only=True):
    """A presence activity of the PBX (what the state mappings map to and from)."""

    id: str
    name: str


class Presence(msgspec.Struct, frozen=True, kw_only=True):
    activity_id: str | None
    availability: Availability


class PresenceChange(msgspec.Struct, frozen=True, kw_only=True):
    """What to set of a user's presence: an activity (None keeps the current one) and an
    availability."""

    activity_id: str | None = None
    availability: Availability


class CallerIds(msgspec.Struct, frozen=True, kw_only=True):
    """A user's outbound caller ID now, and the ones they may choose from."""

    current: str | None
    valid: tuple[str, ...]


class Call(msgspec.Struct, frozen=True, kw_only=True):
    """One user's leg of a call. A call offered to several users has one leg per user, sharing
    the call id."""

    call_id: str
    user_id: str
    state: CallState
    direction: Direction
    caller: str
    called: str
    queue: str | None = None
    callback: bool = False
    device: CallingDevice | None = None
    started_at: float  # Unix seconds
    answered_at: float | None = None


class UserStatus(msgspec.Struct, frozen=True, kw_only=True):
    """One user's live settings, as loaded for the whole tenant at once."""

    user_id: str
    activity_id: str | None
    availability: Availability
    diversion: str | None = None
    caller_id: str | None = None
