"""The application interface: the one door between the switchboard's UI and its core.

Read this file to know how the UI talks to the core. `core/session.py` implements it in-process
(the desktop on its own, and the demo); a client of the company connector implements it over the
network. The UI cannot tell them apart, so everything here is plain data and awaitables:

- **What is shown** is read from `colleagues`, `status`, `operator` and the other queries. It may
  be stale (`stale`): while the link to the PBX is down the last known state stays on screen.
- **Commands** are awaitable. Each carries a request id (made up when none is given) and is
  carried out at most once per id (an id names one command with its arguments: reused for
  another, it is refused with `REQUEST_ID_REUSED`); it answers with its result, or raises
  `Refused` with a code from the catalogue (`refusals.py`), which the UI words.
- **Changes** arrive as one stream of `Update`s, numbered in order (`seq`); whatever changed in a
  batch (colleagues and calls, shown states, the connection, a new pending wrap-up) is one update.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol

from .appointments import Appointment
from .colleagues import Colleague, ModelChange
from .list_edits import ListEdit
from .numbers import NumberPlan
from .refusals import Why
from .states import ShownState, State, Template
from .status import ConnectionStatus
from .types import Activity, Call, CallerIds, CallingDevice, QueueStatus
from .wrapups import WrapUpSession

__all__ = [
    "Colleagues",
    "ConnectionCheck",
    "ConnectionParameters",
    "Lifecycle",
    "Role",
    "Switchboard",
    "Update",
    "UpdateListener",
]


class Role(StrEnum):
    """What the person at this desktop may change besides their own settings."""

    OPERATOR = "operator"  # the switchboard, their own state and settings
    ADMINISTRATOR = "administrator"  # also the tenant's: states, templates, mappings


class Colleagues(Protocol):
    """Every colleague as the switchboard knows them now, in name order; read-only."""

    def __len__(self) -> int: ...
    def __iter__(self) -> Iterator[Colleague]: ...
    def get(self, user_id: str) -> Colleague | None: ...
    def at(self, row: int) -> Colleague: ...
    def row_of(self, user_id: str) -> int | None: ...
    def active_calls(self) -> list[Call]: ...
    def activity_name(self, activity_id: str | None) -> str: ...

    @property
    def activities(self) -> Mapping[str, Activity]: ...


@dataclass(frozen=True, slots=True)
class Update:
    """What changed in one batch, numbered: a client that missed a number asks for a fresh
    snapshot."""

    seq: int
    colleagues: ModelChange | None = None  # colleagues and calls
    shown: frozenset[str] = field(default_factory=frozenset)  # whose shown state changed
    status: ConnectionStatus | None = None  # the connection, when it changed
    wrapups: tuple[WrapUpSession, ...] = ()  # wrap-ups that became pending
    wrapups_done: tuple[str, ...] = ()  # call ids whose wrap-up was completed (anywhere)
    lists: bool = False  # the states, templates or appointments changed
    tenant_settings: bool = False  # the company's settings changed (numbers, mappings)
    queues: bool = False  # the queues (waiting calls, agents logged in) changed
    # Transferred calls that rang unanswered for the recall time: the operator may take them back
    # (`pick_up`); nothing was picked up by itself.
    recall: tuple[str, ...] = ()


UpdateListener = Callable[[Update], None]


@dataclass(frozen=True, slots=True)
class ConnectionParameters:
    """What it takes to log in to the PBX, as typed in Settings > Connection (not yet saved)."""

    issuer_uri: str
    client_id: str
    client_secret: str
    user: str
    password: str
    smg_address: str

    def __repr__(self) -> str:  # never show the secrets
        return f"ConnectionParameters(issuer_uri={self.issuer_uri!r}, user={self.user!r})"


@dataclass(frozen=True, slots=True)
class ConnectionCheck:
    """The answer of a connection test: how many users and activities the PBX lists."""

    users: int
    activities: int


class Lifecycle(Protocol):
    """What the app that builds a session does with it: start, wait, reconnect, close."""

    async def start(self) -> None:
        """Connect (in the background from then on); with incomplete settings, say so instead."""

    async def wait_connected(self) -> None: ...

    async def reconnect_now(self, reason: Why) -> None:
        """Connect again at once (after a sleep or a network change)."""

    def attach_client(self) -> None:
        """A switchboard client is here to run the operator's wrap-ups (the desktop's window)."""

    def detach_client(self) -> None:
        """The client went away; its pending wrap-ups wait for it, then complete by themselves."""

    async def close(self) -> None: ...


class Switchboard(Protocol):
    """Everything the UI may ask of the switchboard, and all it is told."""

    # -- what is shown -------------------------------------------------------------------------

    @property
    def demo(self) -> bool:
        """Connected to the built-in simulator: nothing reaches a real phone."""

    @property
    def through_connector(self) -> str | None:
        """The company connector's address when Konnekta is reached through one, else None."""

    @property
    def colleagues(self) -> Colleagues: ...

    @property
    def plan(self) -> NumberPlan:
        """How numbers are read and shown (the tenant's number settings)."""

    @property
    def status(self) -> ConnectionStatus: ...

    @property
    def stale(self) -> bool:
        """Whether what is shown may be out of date (not connected to the PBX)."""

    @property
    def operator(self) -> Colleague | None:
        """The person at this desktop, with their rights and calling devices; None until known."""

    @property
    def operator_user(self) -> str:
        """Who the operator said they are (a PBX username), found or not; empty when not said."""

    @property
    def role(self) -> Role: ...

    @property
    def listener_port(self) -> int | None:
        """The port this desktop receives the PBX's events on; None without a listener."""

    @property
    def last_event_at(self) -> float | None:
        """When the PBX last reported something (Unix seconds)."""

    @property
    def default_calling_device(self) -> CallingDevice: ...

    def now(self) -> float:
        """The switchboard's clock (Unix seconds)."""

    def shown_state(self, user_id: str) -> ShownState: ...
    def states(self) -> Sequence[State]: ...
    def templates(self) -> Sequence[Template]: ...
    def appointments(self) -> Sequence[Appointment]: ...
    def pending_wrapups(self) -> Sequence[WrapUpSession]: ...

    def queues(self) -> Sequence[QueueStatus]:
        """The PBX's queues now (waiting calls, longest first; agents and who is logged in)."""

    # -- changes -------------------------------------------------------------------------------

    def subscribe(self, listener: UpdateListener) -> Callable[[], None]:
        """Call `listener` with every update from now on; returns how to stop."""

    # -- commands ------------------------------------------------------------------------------

    async def dial(
        self,
        user_id: str,
        destination: str,
        device: CallingDevice,
        *,
        request_id: str | None = None,
    ) -> str:
        """Start a call from `user_id`'s `device`; answers the call id."""

    async def hang_up(self, call_id: str, *, request_id: str | None = None) -> None: ...

    async def transfer(
        self, call_id: str, destination: str, *, request_id: str | None = None
    ) -> None: ...

    async def set_forwarding(
        self, user_id: str, number: str | None, *, request_id: str | None = None
    ) -> None:
        """Forward the user's calls to `number`; None clears the forwarding."""

    async def set_caller_id(
        self, user_id: str, number: str, *, request_id: str | None = None
    ) -> None: ...

    async def caller_ids(self, user_id: str) -> CallerIds:
        """The user's caller ID now and the ones they may choose from."""

    async def set_template(
        self, user_id: str, template_name: str, *, request_id: str | None = None
    ) -> None:
        """Apply a template: its state, and its caller ID and forwarding when it has them."""

    async def complete_wrapup(
        self,
        wrapup: WrapUpSession,
        note: str = "",
        code: str = "",
        *,
        request_id: str | None = None,
    ) -> None: ...

    # -- the attendant's call commands: each acts on `user_id`'s leg of `call_id` -------------

    async def hold(self, user_id: str, call_id: str, *, request_id: str | None = None) -> None:
        """Put the far end of the user's answered leg on hold."""

    async def resume(self, user_id: str, call_id: str, *, request_id: str | None = None) -> None:
        """Take the held far end back (a call the user talks in meanwhile is held)."""

    async def answer(self, user_id: str, call_id: str, *, request_id: str | None = None) -> None:
        """Answer the user's ringing leg hands-free on their local phone."""

    async def pick_up(
        self,
        user_id: str,
        call_id: str,
        device: CallingDevice,
        *,
        request_id: str | None = None,
    ) -> None:
        """Take a colleague's ringing call, or a call waiting in a queue, to the user's device."""

    async def consult(
        self, user_id: str, call_id: str, destination: str, *, request_id: str | None = None
    ) -> str:
        """Hold the user's call and call `destination` from the same device (the first half of
        an attended transfer); answers the consultation's call id."""

    async def complete_transfer(
        self, user_id: str, call_id: str, *, request_id: str | None = None
    ) -> None:
        """Connect the held far end of `call_id` with the colleague consulted; the user leaves
        both calls. A colleague still ringing rings in the caller's call instead."""

    async def go_back(self, user_id: str, call_id: str, *, request_id: str | None = None) -> None:
        """End the consultation of `call_id`, answered or not, and take the held far end back."""

    async def set_queue_login(
        self, user_id: str, queue: str, logged_in: bool, *, request_id: str | None = None
    ) -> None:
        """Log the user in to a queue (calls of the queue ring at them) or out of it."""

    # -- the tenant's lists (administrators) ---------------------------------------------------

    async def activities(self) -> list[Activity]:
        """The PBX's presence activities, loaded afresh (for the mapping tables)."""

    async def save_lists(self, edits: list[ListEdit], *, request_id: str | None = None) -> None:
        """Carry out the Settings window's edits of the states, templates and appointments, in
        order (on a company connector: administrators only)."""

    async def save_tenant_settings(
        self, values: Mapping[str, object], *, request_id: str | None = None
    ) -> None:
        """Change company settings (option name -> value, as settings.toml writes it): numbers,
        sync and the mapping tables, not the connection; refused with the setting's reason
        when a value is wrong (on a company connector: administrators only)."""

    def save_state(self, state: State, *, renamed_from: str | None = None) -> None: ...
    def save_template(self, template: Template, *, renamed_from: str | None = None) -> None: ...
    def delete_template(self, name: str) -> None: ...
    def save_appointment(self, appointment: Appointment) -> None: ...
    def delete_appointment(self, appointment_id: str) -> None: ...

    async def check_connection(self, parameters: ConnectionParameters) -> ConnectionCheck:
        """Log in with these (unsaved) parameters and count what the PBX lists, apart from the
        running connection; refuses with `PBX_FAILED` or `PBX_REFUSED` saying what to check."""
