"""The switchboard's own vocabulary, at the bottom of the house: imports nothing of the project.

`types` holds what the switchboard knows of people, lines and calls; `events` the changes a PBX
reports. `konnekta/` translates Konnekta's wire format to and from these; `core/`, the UI and the
company connector's protocol stand on them, so a change in Konnekta's API stays in `konnekta/`.
"""

from .events import (
    CallerIdUpdate,
    CallUpdate,
    ForwardingUpdate,
    PbxEvent,
    PresenceUpdate,
    QueueUpdate,
    UserRemoval,
    UserUpdate,
)
from .types import (
    Activity,
    Alias,
    Availability,
    Call,
    CallerIds,
    CallingDevice,
    CallState,
    Direction,
    Line,
    LineRole,
    LineType,
    Presence,
    PresenceChange,
    QueueAgent,
    QueueStatus,
    Right,
    User,
    UserStatus,
    WaitingCall,
)

__all__ = [
    "Activity",
    "Alias",
    "Availability",
    "Call",
    "CallState",
    "CallUpdate",
    "CallerIdUpdate",
    "CallerIds",
    "CallingDevice",
    "Direction",
    "ForwardingUpdate",
    "Line",
    "LineRole",
    "LineType",
    "PbxEvent",
    "Presence",
    "PresenceChange",
    "PresenceUpdate",
    "QueueAgent",
    "QueueStatus",
    "QueueUpdate",
    "Right",
    "User",
    "UserRemoval",
    "UserStatus",
    "UserUpdate",
    "WaitingCall",
]
