"""The client API's messages, each defined once: JSON objects with a `type` tag, in domain terms.

A desktop says `hello`; the connector answers `welcome`, then a `snapshot` (or, resuming, the
`update`s it missed), then every `update` as the session publishes it. Commands go as `command`
and come back as `result` or `refused`; a frame the connector cannot use gets an `error`.
Everything that went wrong is a code of `domain/refusals.py`, sent as `WhyMessage`. The types
inside (users, calls, states, templates...) are the domain's own; Konnekta's wire format never
appears here. docs/client-api.md shows each message's JSON schema (`schema.py` generates them).
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Final

import msgspec

from ..domain.appointments import Appointment
from ..domain.interface import Role
from ..domain.numbers import NumberPlan
from ..domain.refusals import Reason, Why
from ..domain.states import ShownState, State, Template
from ..domain.status import Connection, ConnectionStatus
from ..domain.types import Activity, Availability, Call, CallingDevice, QueueStatus, User
from ..domain.wrapups import WrapUpSession
from ..settings.checks import CONNECTOR_PORT

__all__ = [
    "CLIENT_MESSAGES",
    "CLOSE_NO_HELLO",
    "CLOSE_RECONNECT",
    "CLOSE_REVOKED",
    "CLOSE_VERSION",
    "DEFAULT_PORT",
    "MAX_FRAME",
    "PROTOCOL",
    "SERVER_MESSAGES",
    "ClientMessage",
    "ColleagueState",
    "CommandRefused",
    "CommandRequest",
    "CommandResult",
    "EnrolAnswer",
    "EnrolRequest",
    "ErrorMessage",
    "Health",
    "Hello",
    "LinkStatus",
    "Mappings",
    "ServerMessage",
    "Snapshot",
    "UpdateMessage",
    "Welcome",
    "WhyMessage",
    "agreed_version",
    "domain_why",
    "link_status",
    "parse_version",
    "wire_why",
]

PROTOCOL: Final = "1.1"
"""The client protocol this connector speaks, "major.minor". Versions one minor apart work
together (a minor version adds only optional fields and new commands); any other pair is refused.
1.1 added the attendant's commands (hold ... set_queue_login), the queues (`Snapshot.queues`,
`UpdateMessage.queues`) and the recalls of transferred calls (`UpdateMessage.recall`)."""

DEFAULT_PORT: Final = CONNECTOR_PORT
"""The client API's TCP port unless told otherwise."""

MAX_FRAME: Final = 1024 * 1024
"""The longest message (UTF-8 bytes) the connector reads; a longer one gets an `error`."""

CLOSE_VERSION: Final = 4001  # the protocol versions do not work together
CLOSE_RECONNECT: Final = 4002  # the client fell behind: connect again (with last_seq)
CLOSE_NO_HELLO: Final = 4003  # no hello in time
CLOSE_REVOKED: Final = 4004  # the operator was revoked: the device token is no longer taken

_VERSION = re.compile(r"(\d{1,6})\.(\d{1,6})")

_REASONS: Final = {reason.value: reason for reason in Reason}

RequestId = Annotated[str, msgspec.Meta(min_length=1, max_length=200)]


class _Message(msgspec.Struct, frozen=True, kw_only=True, tag_field="type"):
    """Every message is a JSON object whose `type` names it."""


# -- reasons -------------------------------------------------------------------------------------


class WhyMessage(msgspec.Struct, frozen=True, kw_only=True):
    """A reason of the catalogue: its code, its parameters by name, and the reason behind it."""

    code: str
    params: dict[str, str] = {}
    cause: WhyMessage | None = None


def wire_why(said: Why) -> WhyMessage:
    cause = wire_why(said.cause) if said.cause is not None else None
    return WhyMessage(code=said.reason.value, params=dict(said.params), cause=cause)


def domain_why(message: WhyMessage) -> Why | None:
    """The reason as the domain knows it; None for a code (or parameters) this version lacks."""
    try:
        cause = domain_why(message.cause) if message.cause is not None else None
        if message.cause is not None and cause is None:
            return None
        reason = _REASONS.get(message.code)
        if reason is None:
            return None
        return Why(reason, dict(message.params), cause)
    except (ValueError, TypeError):
        return None


# -- what is shown -------------------------------------------------------------------------------


class LinkStatus(msgspec.Struct, frozen=True, kw_only=True):
    """The connector's link to Konnekta: its state, why it is not well, and a warning."""

    state: Connection
    why: WhyMessage | None = None
    setting: str | None = None  # the setting to check, when the cause is a setting
    warning: WhyMessage | None = None  # connected, but something to know (clocks disagree)


def link_status(status: ConnectionStatus) -> LinkStatus:
    return LinkStatus(
        state=status.state,
        why=wire_why(status.why) if status.why is not None else None,
        setting=status.setting,
        warning=wire_why(status.warning) if status.warning is not None else None,
    )


class ColleagueState(msgspec.Struct, frozen=True, kw_only=True):
    """One colleague: the PBX's user (lines, devices, rights), presence, forwarding, caller ID,
    calls in progress (one leg per call), and the state the switchboard shows for them."""

    user: User
    activity_id: str | None
    availability: Availability
    diversion: str | None
    caller_id: str | None
    calls: list[Call]
    shown: ShownState


class Mappings(msgspec.Struct, frozen=True, kw_only=True):
    """The tenant's mapping tables: activity id -> template name, state name -> activity id."""

    activities: dict[str, str]
    states: dict[str, str]


# -- client to connector -------------------------------------------------------------------------


class Hello(_Message, frozen=True, kw_only=True, tag="hello"):
    """The first message of a client. `last_seq` and `stream` (both from the connector) ask to
    resume after that update; without them, or when the connector no longer holds what came
    after it, a snapshot comes instead."""

    protocol: str  # "major.minor"
    client: str  # the client's own version, for the log
    last_seq: int | None = None
    stream: str | None = None


class CommandRequest(_Message, frozen=True, kw_only=True, tag="command"):
    """A command (docs/client-api.md lists them with their arguments). The request id is the
    client's: a command is carried out once per id, so a client that lost the answer sends the
    same command with the same id again."""

    request_id: RequestId
    name: str
    arguments: dict[str, Any] = {}


ClientMessage = Hello | CommandRequest
CLIENT_MESSAGES: Final = frozenset({"hello", "command"})


# -- connector to client -------------------------------------------------------------------------


class Welcome(_Message, frozen=True, kw_only=True, tag="welcome"):
    """The answer to hello: the protocol version both speak, the connector's version, the id of
    its update stream, and whether the missed updates follow (`resumed`) or a snapshot does."""

    protocol: str
    server: str
    stream: str
    resumed: bool


class Snapshot(_Message, frozen=True, kw_only=True, tag="snapshot"):
    """Everything the switchboard shows, as of update `seq`; updates from `seq + 1` follow."""

    seq: int
    stream: str
    demo: bool
    status: LinkStatus
    stale: bool
    colleagues: list[ColleagueState]  # in name order
    activities: list[Activity]
    states: list[State]
    templates: list[Template]
    appointments: list[Appointment]
    mappings: Mappings
    plan: NumberPlan
    operator_user: str  # who the operator is said to be (a PBX username); empty when not said
    operator_id: str | None  # that colleague's user id, when found
    role: Role
    default_calling_device: CallingDevice
    pending_wrapups: list[WrapUpSession]
    last_event_at: float | None
    queues: list[QueueStatus] = []  # since 1.1; in Konnekta's order, waiting calls longest first


class UpdateMessage(_Message, frozen=True, kw_only=True, tag="update", omit_defaults=True):
    """What changed in one numbered update of the session. `colleagues` holds each colleague who
    changed, was added or whose shown state changed, whole; with `reset`, it holds everyone (drop
    whoever is missing) and `activities` the PBX's activities afresh. `queues`, when they
    changed, holds every queue afresh; `recall` the transferred calls nobody answered in time."""

    seq: int
    reset: bool = False
    colleagues: list[ColleagueState] = []
    removed: list[str] = []
    activities: list[Activity] | None = None
    ended_calls: list[Call] = []
    status: LinkStatus | None = None
    wrapups: list[WrapUpSession] = []  # wrap-ups that became pending
    wrapups_done: list[str] = []  # call ids whose wrap-up was completed (on any desktop)
    queues: list[QueueStatus] | None = None  # since 1.1: every queue, when any changed
    recall: list[str] = []  # since 1.1: call ids of transferred calls rung unanswered too long
    # Since 1.1: the tenant's lists, whole, when an administrator changed them.
    states: list[State] | None = None
    templates: list[Template] | None = None
    appointments: list[Appointment] | None = None
    # Since 1.1: the company's numbers and mapping tables, when an administrator changed them.
    mappings: Mappings | None = None
    plan: NumberPlan | None = None


class CommandResult(_Message, frozen=True, kw_only=True, tag="result"):
    """A command carried out: its value (see each command), null for most."""

    request_id: str
    value: Any = None


class CommandRefused(_Message, frozen=True, kw_only=True, tag="refused"):
    """A command that was not carried out, and why."""

    request_id: str
    why: WhyMessage


class ErrorMessage(_Message, frozen=True, kw_only=True, tag="error"):
    """A message the connector could not use (or a version it cannot speak), and why; with the
    request id when the message was a command whose id could be read."""

    why: WhyMessage
    request_id: str | None = None


ServerMessage = Welcome | Snapshot | UpdateMessage | CommandResult | CommandRefused | ErrorMessage
SERVER_MESSAGES: Final = frozenset({"welcome", "snapshot", "update", "result", "refused", "error"})


class EnrolRequest(msgspec.Struct, frozen=True, kw_only=True):
    """POST /enrol: the one-time code from the administrator, and what the desktop calls itself
    (its computer's name, for `list-operators`)."""

    code: Annotated[str, msgspec.Meta(min_length=1, max_length=100)]
    device: Annotated[str, msgspec.Meta(max_length=100)] = ""


class EnrolAnswer(msgspec.Struct, frozen=True, kw_only=True):
    """The device token (sent as `Authorization: Bearer` when connecting; shown this once), and
    whom it stands for."""

    token: str
    username: str
    role: Role


class Health(msgspec.Struct, frozen=True, kw_only=True):
    """GET /health: the link to Konnekta and the clients served (always HTTP 200 while up)."""

    konnekta: LinkStatus
    said: str  # the link's reason in English words, as the log says it; empty when all is well
    clients: int
    seq: int
    demo: bool
    protocol: str
    version: str


# -- versions ------------------------------------------------------------------------------------


def parse_version(text: str) -> tuple[int, int] | None:
    match = _VERSION.fullmatch(text)
    return (int(match[1]), int(match[2])) if match else None


def agreed_version(client: str, server: str = PROTOCOL) -> str | None:
    """The version both speak (the lower), or None when they do not work together: another
    major version, or minor versions more than one apart."""
    theirs, ours = parse_version(client), parse_version(server)
    if theirs is None or ours is None or theirs[0] != ours[0] or abs(theirs[1] - ours[1]) > 1:
        return None
    lower = min(theirs, ours)
    return f"{lower[0]}.{lower[1]}"
