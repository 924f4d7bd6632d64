"""The switchboard of a company connector, as the desktop's window uses it (`--connect URL`).

`RemoteSession` implements what the UI needs of a session (`Switchboard`, `SettingsDoor`,
`Lifecycle`; `ui/bridge.py`'s `AppSession`) over the client API, so the window cannot tell it
from the in-process `Session`. The desktop runs no webhook listener and holds no Konnekta secret:
the connector does both.

- **What is shown** is the connector's snapshot kept in step by its updates (`mirror.py`). Each
  update is published as an `Update` with the connector's `seq`; a fresh snapshot is published as
  a reset (after the connector restarted, its numbers start again). A change of this desktop's
  own link (lost, back) is published with the number of the last update it applied.
- **Stale** while the link to the connector is down (it starts so) or the connector's own link
  to Konnekta is; the status then says why. Call commands (dial, hang up, transfer and the
  attendant's) are refused while stale (`CALLS_WAIT_UNTIL_LIVE`), any command while the
  connector cannot be reached.
- **Commands** (`remote_commands.py`) carry their request ids to the connector, which carries
  each out once per id; an answer lost with the connection is asked for again with the same id
  (`client.py`).
- **Settings**: the operator's own (calling device, language, notifications) are this desktop's
  settings file; the tenant's are the connector's, shown read-only (the role is operator) and
  refused when changed (`TENANT_SETTINGS_AT_CONNECTOR`).
- **Wrap-up** runs at the connector, for its operator, while a desktop is connected.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from typing import Any, Final

from ..core.clock import Clock, SystemClock
from ..core.updates import tell, update_of
from ..domain.appointments import Appointment
from ..domain.colleagues import Colleague, ModelChange
from ..domain.interface import (
    Colleagues,
    ConnectionCheck,
    ConnectionParameters,
    Lifecycle,
    Role,
    Switchboard,
    UpdateListener,
)
from ..domain.numbers import NumberPlan
from ..domain.refusals import Reason, Refused, WentWrong, Why, english, why
from ..domain.states import ShownState, State, Template
from ..domain.status import Connection, ConnectionStatus
from ..domain.types import CallingDevice, QueueStatus
from ..domain.wrapups import WrapUpSession
from ..settings import AppPaths, SecretStore, Settings
from ..settings.door import SettingsDoor
from ..settings.schema import Secret
from .client import ConnectorLink, refusal
from .device import DeviceTokens, enrol
from .mirror import Mirror
from .protocol import LinkStatus, Snapshot, UpdateMessage
from .remote_commands import RemoteCommands
from .snapshot_cache import SnapshotCache

__all__ = ["RemoteSession"]

log = logging.getLogger(__name__)

_OWN: Final = (
    "connector_address",
    "default_calling_device",
    "recall_seconds",
    "wrap_up",
    "language",
    "mute_notifications",
)
"""The operator's own settings this desktop keeps (who the operator is, the connector says)."""


class RemoteSession(RemoteCommands):
    """One desktop's switchboard on a company connector, from `start()` to `close()`."""

    def __init__(
        self,
        address: str,
        *,
        settings: Settings | None = None,
        paths: AppPaths | None = None,
        settings_notes: Sequence[Why] = (),
        clock: Clock | None = None,
        token: str = "",
        enrol_code: str | None = None,
        tokens: DeviceTokens | None = None,
        enrolled: Callable[[], None] | None = None,
        **link_options: float,
    ) -> None:
        """`address` is the connector's (http://host:port); `settings` this desktop's own
        (read without the keyring: none of its Konnekta secrets are used); the device token is
        `token`, else the one `enrol_code` is exchanged for at start (and kept in `tokens`),
        else the one kept in `tokens`; `enrolled` is called once it has one; `link_options` the
        link's pauses and deadlines (`ConnectorLink`)."""
        self.clock: Clock = clock or SystemClock()
        self._mirror = Mirror()
        self._link = ConnectorLink(address, self, token=token, **link_options)
        self._enrol_code = enrol_code
        self._tokens = tokens
        self._enrolled = enrolled
        self._cache = SnapshotCache(paths.cache_dir, self.address) if paths is not None else None
        self._refused: Why | None = None  # why it does not connect at all (not enrolled)
        self._own = settings
        self.paths = paths
        self.settings_notes: Sequence[Why] = list(settings_notes)
        self._listeners: list[UpdateListener] = []
        self._up = False  # the stream is in step with the connector's
        self._ever_up = False
        self._link_why: Why | None = None
        self._connector_status = ConnectionStatus(Connection.CONNECTING)
        self._published_status = self.status
        self._live = asyncio.Event()
        self._last_event_at: float | None = None
        self._clients = 0

    # -- what is shown -----------------------------------------------------------------------

    @property
    def demo(self) -> bool:
        return self._mirror.demo

    @property
    def through_connector(self) -> str | None:
        return self._link.address

    @property
    def colleagues(self) -> Colleagues:
        return self._mirror.model

    @property
    def plan(self) -> NumberPlan:
        return self._mirror.plan

    @property
    def status(self) -> ConnectionStatus:
        if self._refused is not None:
            return ConnectionStatus(Connection.DISCONNECTED, why=self._refused)
        if not self._up:
            state = Connection.RECONNECTING if self._ever_up else Connection.CONNECTING
            return ConnectionStatus(state, why=self._link_why)
        return self._connector_status

    @property
    def stale(self) -> bool:
        return not self._up or self._connector_status.state is not Connection.CONNECTED

    @property
    def operator(self) -> Colleague | None:
        model = self._mirror.model
        if self._mirror.operator_id is not None:
            return model.get(self._mirror.operator_id)
        wanted = self._mirror.operator_user
        return model.by_username(wanted) if wanted else None

    @property
    def operator_user(self) -> str:
        return self._mirror.operator_user

    @property
    def role(self) -> Role:
        return Role.OPERATOR  # the tenant's settings are the connector's

    @property
    def listener_port(self) -> int | None:
        return None  # Konnekta's events arrive at the connector

    @property
    def last_event_at(self) -> float | None:
        return self._last_event_at or self._mirror.last_event_at

    @property
    def default_calling_device(self) -> CallingDevice:
        if self._own is not None:
            return CallingDevice(self._own.default_calling_device)
        return self._mirror.default_calling_device

    def now(self) -> float:
        return self.clock.now()

    def shown_state(self, user_id: str) -> ShownState:
        return self._mirror.shown_state(user_id)

    def states(self) -> list[State]:
        return list(self._mirror.states)

    def templates(self) -> list[Template]:
        return list(self._mirror.templates)

    def appointments(self) -> list[Appointment]:
        return list(self._mirror.appointments)

    def pending_wrapups(self) -> list[WrapUpSession]:
        return list(self._mirror.wrapups.values())

    def queues(self) -> list[QueueStatus]:
        return self._mirror.model.queues()

    def subscribe(self, listener: UpdateListener) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    # -- what the connector says (the link's handler) ----------------------------------------

    def on_snapshot(self, snapshot: Snapshot) -> None:
        change, shown, wrapups = self._mirror.load(snapshot)
        self._last_event_at = None  # the snapshot's is the connector's own
        self._connector_status = _status(snapshot.status)
        self._went_up()
        if self._cache is not None:
            self._cache.save(snapshot)
        log.info(
            "Company connector: snapshot of %d colleagues as of update %d",
            len(snapshot.colleagues),
            snapshot.seq,
        )
        self._publish(snapshot.seq, change, shown, status=self.status, wrapups=wrapups)

    def on_resumed(self) -> None:
        self._went_up()
        log.info("Company connector: resumed after update %s", self._link.last_seq)
        self._publish(self._seq(), status=self.status)

    def on_update(self, update: UpdateMessage) -> None:
        change, shown, wrapups = self._mirror.apply(update)
        if change is not None:
            self._last_event_at = self.clock.now()
        status = None
        if update.status is not None:
            self._connector_status = _status(update.status)
            status = self.status
        self._publish(
            update.seq,
            change,
            shown,
            status=status,
            wrapups=wrapups,
            recall=tuple(update.recall),
            wrapups_done=tuple(update.wrapups_done),
            lists=update.states is not None
            or update.templates is not None
            or update.appointments is not None,
            tenant_settings=update.mappings is not None or update.plan is not None,
        )

    def on_down(self, said: Why) -> None:
        self._up = False
        self._link_why = said
        self._follow_live()
        if self.status != self._published_status:
            self._publish(self._seq(), status=self.status)

    def _went_up(self) -> None:
        self._up = self._ever_up = True
        self._link_why = None
        self._follow_live()

    def _follow_live(self) -> None:
        if self.stale:
            self._live.clear()
        else:
            self._live.set()

    def _seq(self) -> int:
        return self._link.last_seq or 0

    def _publish(
        self,
        seq: int,
        colleagues: ModelChange | None = None,
        shown: frozenset[str] = frozenset(),
        *,
        status: ConnectionStatus | None = None,
        **told: Any,
    ) -> None:
        self._follow_live()
        if status is not None:
            self._published_status = status
        tell(self._listeners, update_of(seq, colleagues, shown, status=status, **told))

    # -- the tenant's lists: the connector's -------------------------------------------------

    def save_state(self, state: State, *, renamed_from: str | None = None) -> None:
        raise WentWrong(why(Reason.TENANT_SETTINGS_AT_CONNECTOR))

    def save_template(self, template: Template, *, renamed_from: str | None = None) -> None:
        raise WentWrong(why(Reason.TENANT_SETTINGS_AT_CONNECTOR))

    def delete_template(self, name: str) -> None:
        raise WentWrong(why(Reason.TENANT_SETTINGS_AT_CONNECTOR))

    def save_appointment(self, appointment: Appointment) -> None:
        raise WentWrong(why(Reason.TENANT_SETTINGS_AT_CONNECTOR))

    def delete_appointment(self, appointment_id: str) -> None:
        raise WentWrong(why(Reason.TENANT_SETTINGS_AT_CONNECTOR))

    async def check_connection(self, parameters: ConnectionParameters) -> ConnectionCheck:
        raise Refused(Reason.TENANT_SETTINGS_AT_CONNECTOR)

    # -- settings: the operator's own --------------------------------------------------------

    @property
    def settings(self) -> Settings | None:
        """This desktop's settings, with the tenant's that the connector told of in their place
        (numbers, mappings, who the operator is): for the Settings window to show."""
        own = self._own
        if own is None or not self._mirror.loaded:
            return own
        mirror = self._mirror
        return own.replace(
            international_prefix=mirror.plan.international_prefix,
            international_code=mirror.plan.international_code,
            activity_mappings=dict(mirror.mappings.activities),
            state_mappings=dict(mirror.mappings.states),
            operator_user=mirror.operator_user,
        )

    @property
    def secrets(self) -> SecretStore | None:
        return None  # this desktop keeps no Konnekta secret

    @property
    def settings_problems(self) -> Sequence[Why]:
        return ()  # nothing to fill in: the connector holds the connection

    def apply_settings(self, settings: Settings) -> None:
        """Take the operator's own settings into use; the tenant's stay the connector's."""
        own = self._own if self._own is not None else Settings()
        self._own = own.replace(**{name: getattr(settings, name) for name in _OWN})

    async def reconnect(self, settings: Settings) -> None:
        self.apply_settings(settings)
        self._link.reconnect_now()

    # -- lifecycle ---------------------------------------------------------------------------

    async def start(self) -> None:
        """Show the snapshot kept from the last run (stale); enrol first when given a code; then
        connect in the background, stale (and saying so) until the snapshot is in. Not enrolled,
        it does not connect and the status says so."""
        kept = self._cache.load() if self._cache is not None else None
        if kept is not None:
            change, shown, _ = self._mirror.load(kept)
            log.info("Showing the %d colleagues kept from the last run", len(kept.colleagues))
            self._publish(0, change, shown, status=self.status)
        if not self._link.token:
            self._link.token = await self._device_token()
        if not self._link.token:
            self._refused = self._refused or why(Reason.CLIENT_NOT_ENROLLED, address=self.address)
            log.warning("Not connecting: %s", english(self._refused))
            self._publish(self._seq(), status=self.status)
            return
        if self._enrolled is not None:
            self._enrolled()
        log.info("Connecting to the company connector at %s", self.address)
        self._link.start()

    async def _device_token(self) -> str:
        if self._enrol_code:
            try:
                answer = await enrol(self.address, self._enrol_code)
            except WentWrong as problem:
                self._refused = problem.why
                return ""
            log.info("Enrolled at %s as %s (%s)", self.address, answer.username, answer.role)
            if self._tokens is not None:
                note = self._tokens.keep(self.address, Secret(answer.token))
                if note is not None:
                    self.settings_notes = [*self.settings_notes, note]
            return answer.token
        return self._tokens.get(self.address).reveal() if self._tokens is not None else ""

    async def wait_connected(self) -> None:
        """Until the stream is in step and the connector is connected to Konnekta."""
        await self._live.wait()

    async def reconnect_now(self, reason: Why) -> None:
        log.info("Reconnecting to the company connector: %s", reason)
        self._link.reconnect_now()

    def attach_client(self) -> None:
        """The window is here. The connector runs wrap-ups while a desktop is connected to it,
        so nothing is sent: being connected is being attached."""
        self._clients += 1

    def detach_client(self) -> None:
        self._clients = max(0, self._clients - 1)

    async def close(self) -> None:
        await self._link.close()


def _status(link: LinkStatus) -> ConnectionStatus:
    """The connector's link to Konnekta. A setting that stops it is the connector's to fix, not
    this desktop's, so none is named here."""
    return ConnectionStatus(
        link.state,
        why=refusal(link.why).why if link.why is not None else None,
        warning=refusal(link.warning).why if link.warning is not None else None,
    )


def _implements(session: RemoteSession) -> tuple[Switchboard, SettingsDoor, Lifecycle]:
    """Where mypy checks that `RemoteSession` is what the UI needs of a session."""
    return session, session, session
