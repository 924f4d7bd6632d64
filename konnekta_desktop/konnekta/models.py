"""Konnekta's resources as they travel over the wire (our model of the SMG API).

These are the shapes the SMG API returns and accepts. They are decoded and validated with msgspec,
so a payload with a missing field or a field of the wrong type is refused with a message naming it.
Only `konnekta/` uses them: `translate.py` turns them into the switchboard's own types
(`domain/`), whose enums they share while the values on the wire are the same.
"""

from __future__ import annotations

import msgspec

from ..domain.types import (
    Availability,
    CallingDevice,
    CallState,
    Direction,
    LineRole,
    LineType,
    Right,
)

__all__ = [
    "Activity",
    "Alias",
    "ApiError",
    "Availability",
    "Call",
    "CallCreated",
    "CallState",
    "CallerIdUpdate",
    "CallerIds",
    "CallingDevice",
    "Consultation",
    "Direction",
    "Diversion",
    "Line",
    "LineRole",
    "LineType",
    "MakeCall",
    "PickUp",
    "Presence",
    "PresenceUpdate",
    "QueueAgent",
    "QueueLogin",
    "QueueStatus",
    "Right",
    "Transfer",
    "User",
    "UserStatus",
    "WaitingCall",
    "WebhookSubscription",
    "WebhookSubscriptionRequest",
]


class Alias(msgspec.Struct, frozen=True, kw_only=True):
    number: str
    short_number: bool = False


class Line(msgspec.Struct, frozen=True, kw_only=True):
    role: LineRole
    type: LineType
    number: str
    aliases: tuple[Alias, ...] = ()


class User(msgspec.Struct, frozen=True, kw_only=True):
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
    id: str
    name: str


class Presence(msgspec.Struct, frozen=True, kw_only=True):
    activity_id: str | None
    availability: Availability


class PresenceUpdate(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    activity_id: str | None = None
    availability: Availability | None = None


class Diversion(msgspec.Struct, frozen=True, kw_only=True):
    number: str | None


class CallerIds(msgspec.Struct, frozen=True, kw_only=True):
    current: str | None
    valid: tuple[str, ...]


class CallerIdUpdate(msgspec.Struct, frozen=True, kw_only=True):
    number: str


class MakeCall(msgspec.Struct, frozen=True, kw_only=True):
    destination: str
    device: CallingDevice


class Transfer(msgspec.Struct, frozen=True, kw_only=True):
    destination: str


class Call(msgspec.Struct, frozen=True, kw_only=True):
    """One user's leg of a call, as reported by the PBX."""

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
    held: bool = False  # this user put the far end on hold; the leg stays answered
    consultation_for: str | None = None  # a consultation call: the call its user holds meanwhile


class PickUp(msgspec.Struct, frozen=True, kw_only=True):
    """Pick up a call ringing at a colleague, or waiting in a queue, on the picker's device."""

    device: CallingDevice


class Consultation(msgspec.Struct, frozen=True, kw_only=True):
    """Consult someone while the user's call is held (the first half of an attended transfer)."""

    destination: str


class CallCreated(msgspec.Struct, frozen=True, kw_only=True):
    call_id: str


class WebhookSubscriptionRequest(msgspec.Struct, frozen=True, kw_only=True):
    url: str
    secret: str  # "whsec_" + base64; Konnekta signs every event with it
    ttl_seconds: int = 3600


class WebhookSubscription(msgspec.Struct, frozen=True, kw_only=True):
    id: str
    url: str
    expires_at: float


class ApiError(msgspec.Struct, frozen=True, kw_only=True):
    code: str
    message: str


class UserStatus(msgspec.Struct, frozen=True, kw_only=True):
    """One user's live settings, for loading the whole tenant in one request."""

    user_id: str
    activity_id: str | None
    availability: Availability
    diversion: str | None = None
    caller_id: str | None = None


class QueueAgent(msgspec.Struct, frozen=True, kw_only=True):
    user_id: str
    logged_in: bool


class WaitingCall(msgspec.Struct, frozen=True, kw_only=True):
    """A queue call no agent has answered yet."""

    call_id: str
    caller: str
    callback: bool = False
    waiting_since: float  # Unix seconds


class QueueStatus(msgspec.Struct, frozen=True, kw_only=True):
    """A queue with its agents and its waiting calls (longest waiting first)."""

    name: str
    number: str
    agents: tuple[QueueAgent, ...] = ()
    waiting: tuple[WaitingCall, ...] = ()


class QueueLogin(msgspec.Struct, frozen=True, kw_only=True):
    logged_in: bool
