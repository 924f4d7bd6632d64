"""People, lines, presence and calls as the switchboard knows them.

Frozen msgspec structs: cheap to build at thousands a second, hashable, and encoded as they are
for the store and for the company connector's clients. The enums' values are what the settings
file and the store hold, so they never change once released.
"""

from __future__ import annotations

from collections.abc import Iterable
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
    the call id.

    A held leg is still answered (`state` stays ANSWERED, so its user stays busy and a wrap-up
    still follows it); `held` says that this user put the far end on hold. A consultation call
    (the first half of an attended transfer) names, in `consultation_for`, the call its
    consulting user holds meanwhile."""

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
    held: bool = False
    consultation_for: str | None = None


class UserStatus(msgspec.Struct, frozen=True, kw_only=True):
    """One user's live settings, as loaded for the whole tenant at once."""

    user_id: str
    activity_id: str | None
    availability: Availability
    diversion: str | None = None
    caller_id: str | None = None


class QueueAgent(msgspec.Struct, frozen=True, kw_only=True):
    """One agent of a queue (an administrator makes a user an agent) and whether they are logged
    in to it; only logged-in agents are offered the queue's calls."""

    user_id: str
    logged_in: bool


class WaitingCall(msgspec.Struct, frozen=True, kw_only=True):
    """A call in a queue that no agent has answered yet (it may be ringing some of them)."""

    call_id: str
    caller: str
    callback: bool = False  # a queue call-back: the caller asked to be called back
    waiting_since: float  # Unix seconds, Konnekta's clock; the wait is now minus this


class QueueStatus(msgspec.Struct, frozen=True, kw_only=True):
    """A queue (ACD or attendant group) now: its agents and the calls waiting in it, longest
    waiting first.

    Which agents are free is not reported with the queue: a logged-in agent is free while they
    talk in no call (a ringing call leaves them free, as it leaves their line idle), which the
    calls of the agents tell (`free_agents`)."""

    name: str
    number: str
    agents: tuple[QueueAgent, ...] = ()
    waiting: tuple[WaitingCall, ...] = ()

    def logged_in(self) -> tuple[str, ...]:
        """The user ids of the agents logged in, in the queue's order."""
        return tuple(agent.user_id for agent in self.agents if agent.logged_in)

    def free_agents(self, calls: Iterable[Call]) -> tuple[str, ...]:
        """The logged-in agents that talk in none of `calls` (every leg in progress will do)."""
        talking = {call.user_id for call in calls if call.state is CallState.ANSWERED}
        return tuple(user_id for user_id in self.logged_in() if user_id not in talking)

    def longest_waiting_since(self) -> float | None:
        """When the call that has waited longest came in, or None when none waits."""
        return min((call.waiting_since for call in self.waiting), default=None)

    def callbacks_waiting(self) -> int:
        return sum(1 for call in self.waiting if call.callback)
