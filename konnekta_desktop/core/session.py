"""A running switchboard session: the connector plus the services built on it.

`Session` implements the application interface (`domain/interface.py`) and the Settings
window's `SettingsDoor` in this process; the UI talks only to those. Its call and queue
commands are `CallCommands`' (call_commands.py), its numbered updates `UpdateStream`'s
(updates.py). Wrap-up runs for the operator while a switchboard client is attached (never
`--headless`): docs/architecture.md.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from ..domain.appointments import Appointment
from ..domain.colleagues import Colleague, ModelChange
from ..domain.events import PbxEvent, PresenceUpdate
from ..domain.interface import (
    Colleagues,
    ConnectionCheck,
    ConnectionParameters,
    Lifecycle,
    Role,
    Switchboard,
    UpdateListener,
)
from ..domain.list_edits import ListEdit, carry_out_edits
from ..domain.numbers import NumberPlan
from ..domain.refusals import Command, Reason, Refused, Why, why
from ..domain.states import ShownState, State, Template
from ..domain.status import Connection, ConnectionStatus
from ..domain.types import Activity, CallerIds, CallingDevice, QueueStatus
from ..domain.wrapups import WrapUpSession
from ..konnekta.errors import ConfigurationError, KonnektaError
from ..konnekta.transport import HttpClient
from ..listener.line_budget import CallLater
from ..settings import AppPaths, SecretStore, Settings, save_settings
from ..settings.door import SettingsDoor
from ..settings.schema import needs_reconnect
from .appointment_service import AppointmentService
from .call_commands import CallCommands
from .clients import Clients
from .clock import Clock, SystemClock
from .commands import Commands, pbx_request
from .config import ConnectorConfig
from .connection_check import check_connection
from .connector import Connector
from .history_writer import HistoryWriter, prune_history
from .requests import RequestLog
from .states import PresenceService
from .store import Store
from .sync import SyncReport, synchronise
from .tenant_settings import changed_settings
from .transfers import Transfers
from .updates import UpdateStream
from .wrapup import WrapUp
from .wrapup_service import WrapUpService

if TYPE_CHECKING:
    from ..simulator.server import Simulator

log = logging.getLogger(__name__)

HOUSEKEEPING = 5.0  # seconds between retries of a failed history write and client checks


class Session(CallCommands):
    """The switchboard in this process, built around one `Connector`."""

    def __init__(
        self,
        config: ConnectorConfig,
        store: Store,
        *,
        clock: Clock | None = None,
        settings: Settings | None = None,
        paths: AppPaths | None = None,
        simulator: Simulator | None = None,
        secrets: SecretStore | None = None,
        to_config: Callable[[Settings], ConnectorConfig] | None = None,
        settings_problems: Sequence[Why] = (),
        settings_notes: Sequence[Why] = (),
        http: HttpClient | None = None,
        call_later: CallLater | None = None,  # the recall's timers (the loop's unless given)
    ) -> None:
        self.clock: Clock = clock or SystemClock()
        self.store = store
        self.settings = settings
        self.secrets = secrets
        self._to_config = to_config
        self.settings_problems: Sequence[Why] = list(settings_problems)
        self.settings_notes: Sequence[Why] = list(settings_notes)
        self.paths = paths
        self.simulator = simulator
        self.demo = simulator is not None
        self.connector = Connector(config, clock=self.clock, http=http, facts=store)
        self.model = self.connector.model
        self.commands = Commands(self.connector, self.model)
        self._requests = RequestLog()
        self.transfers = Transfers(
            self.model,
            self.clock,
            self._on_recall,
            recall_seconds=config.recall_seconds,
            call_later=call_later,
        )
        self.updates = UpdateStream()
        self._wrapup_users: set[str] = set()  # whose wrap-ups this session runs
        # The switchboard clients here, by whose they are (None: the configured operator's, as
        # the desktop's own window), counted: two desktops of one operator are two.
        self._attached: dict[str | None, int] = {}
        self._also_close: list[Callable[[], Awaitable[None]]] = []
        self.presence = PresenceService(
            store,
            self.model,
            self.commands,
            activity_mappings=dict(config.activity_mappings),
            state_mappings=dict(config.state_mappings),
            now=self.clock.now,
        )
        self.presence.sync = config.sync_on_startup
        self.wrapup = WrapUpService(
            WrapUp(self.clock),
            store,
            self.model,
            self.commands,
            self.connector.spawn,
            self.connector.wait_connected,
        )
        self.clients = Clients(store, self.clock)
        self.history = HistoryWriter(store)
        self.appointment_service = AppointmentService(
            store, self.presence, self.commands, self.clock
        )
        self._appointments_task: object | None = None
        self.last_sync: SyncReport | None = None
        self.connector.on_events(self._on_batch)
        self.connector.on_batch_done(lambda _change: self.updates.end_batch())
        self.connector.on_connected(self._on_connected)
        self.connector.on_status(self._on_status)
        self.model.subscribe(self._on_change)
        self.presence.subscribe(self.updates.shown_changed)
        self.wrapup.subscribe(self.updates.wrapup_opened)
        self.wrapup.subscribe_done(self.updates.wrapup_done)

    @property
    def through_connector(self) -> str | None:
        return None  # this session talks to Konnekta itself

    @property
    def config(self) -> ConnectorConfig:
        return self.connector.config

    # -- what is shown -----------------------------------------------------------------------

    @property
    def colleagues(self) -> Colleagues:
        return self.model

    @property
    def plan(self) -> NumberPlan:
        return self.connector.plan

    @property
    def status(self) -> ConnectionStatus:
        return self.connector.status

    @property
    def stale(self) -> bool:
        return self.connector.status.state is not Connection.CONNECTED

    @property
    def operator(self) -> Colleague | None:
        wanted = self.config.operator_user
        return self.model.by_username(wanted) if wanted else None

    @property
    def operator_user(self) -> str:
        return self.config.operator_user

    @property
    def listener_port(self) -> int | None:
        listener = self.connector.listener
        return listener.port if listener is not None else None

    @property
    def role(self) -> Role:
        return Role.ADMINISTRATOR  # this desktop holds the tenant's settings itself

    @property
    def last_event_at(self) -> float | None:
        return self.connector.last_event_at

    @property
    def default_calling_device(self) -> CallingDevice:
        return self.config.default_calling_device

    def now(self) -> float:
        return self.clock.now()

    def shown_state(self, user_id: str) -> ShownState:
        return self.presence.shown_state(user_id)

    def states(self) -> list[State]:
        return self.store.states()

    def templates(self) -> list[Template]:
        return self.presence.templates()

    def appointments(self) -> list[Appointment]:
        return self.appointment_service.appointments()

    def pending_wrapups(self) -> list[WrapUpSession]:
        return self.wrapup.pending()

    def queues(self) -> list[QueueStatus]:
        return self.model.queues()

    def subscribe(self, listener: UpdateListener) -> Callable[[], None]:
        return self.updates.subscribe(listener)

    # -- commands (the call and queue commands: `CallCommands`) -------------------------------

    async def set_forwarding(
        self, user_id: str, number: str | None, *, request_id: str | None = None
    ) -> None:
        await self._requests.run(
            request_id, Command.SET_FORWARDING, self.commands.set_forwarding, user_id, number
        )

    async def set_caller_id(
        self, user_id: str, number: str, *, request_id: str | None = None
    ) -> None:
        await self._requests.run(
            request_id, Command.SET_CALLER_ID, self.commands.set_caller_id, user_id, number
        )

    async def caller_ids(self, user_id: str) -> CallerIds:
        return await self.commands.caller_ids(user_id)

    async def set_template(
        self, user_id: str, template_name: str, *, request_id: str | None = None
    ) -> None:
        await self._requests.run(
            request_id, Command.SET_STATE, self.presence.set_template, user_id, template_name
        )

    async def complete_wrapup(
        self,
        wrapup: WrapUpSession,
        note: str = "",
        code: str = "",
        *,
        request_id: str | None = None,
    ) -> None:
        await self._requests.run(
            request_id, Command.COMPLETE_WRAPUP, self.wrapup.complete, wrapup, note, code
        )

    # -- the tenant's lists ------------------------------------------------------------------

    async def activities(self) -> list[Activity]:
        return await pbx_request(Command.LOAD_ACTIVITIES, self.connector.api.activities())

    async def save_tenant_settings(
        self, values: Mapping[str, object], *, request_id: str | None = None
    ) -> None:
        current = self.settings
        if current is None or self.paths is None:
            raise Refused(Reason.TENANT_SETTINGS_AT_CONNECTOR)
        new = changed_settings(current, values)
        save_settings(self.paths, new, None, previous=current)  # the secrets stay where they are
        if needs_reconnect(current, new):
            await self.reconnect(new)
        else:
            self.apply_settings(new)
        self.updates.publish(tenant_settings=True)

    async def save_lists(self, edits: list[ListEdit], *, request_id: str | None = None) -> None:
        try:
            carry_out_edits(self, edits)
        finally:  # what was carried out is told, also when one edit is refused
            self.updates.publish(lists=True)

    def save_state(self, state: State, *, renamed_from: str | None = None) -> None:
        self.store.save_state(state, renamed_from=renamed_from)
        self.presence.reload()  # colleagues in a renamed state are in it by its new name

    def save_template(self, template: Template, *, renamed_from: str | None = None) -> None:
        self.store.save_template(template, renamed_from=renamed_from)
        self.presence.rebuild_mapper()

    def delete_template(self, name: str) -> None:
        self.store.delete_template(name)
        self.presence.rebuild_mapper()

    def save_appointment(self, appointment: Appointment) -> None:
        self.appointment_service.add(appointment)

    def delete_appointment(self, appointment_id: str) -> None:
        self.appointment_service.remove(appointment_id)

    async def check_connection(self, parameters: ConnectionParameters) -> ConnectionCheck:
        return await check_connection(parameters)

    # -- settings ----------------------------------------------------------------------------

    def apply_settings(self, settings: Settings) -> None:
        """Take saved settings into use that need no reconnect (numbers, mappings, wrap-up...)."""
        self.settings = settings
        if self._to_config is not None:
            self._use_config(self._to_config(settings))

    async def reconnect(self, settings: Settings) -> None:
        """Take saved settings into use, reconnecting to Konnekta with the new connection."""
        self.settings = settings
        self.settings_problems = []
        if self._to_config is None:
            raise RuntimeError("this session was built without a way to read settings")
        config = self._to_config(settings)
        self._appointments_task = None
        self._use_config(config)  # numbers and mappings apply even if the connection fails
        try:
            await self.connector.reconfigure(config)
        except KonnektaError as error:
            raise Refused(Reason.CONNECTION_NOT_STARTED, error.why) from None

    def _use_config(self, config: ConnectorConfig) -> None:
        self.connector.config = config
        self.connector.plan = NumberPlan(config.international_prefix, config.international_code)
        self.presence.set_mappings(dict(config.activity_mappings), dict(config.state_mappings))
        self.presence.sync = config.sync_on_startup
        self.transfers.recall_seconds = config.recall_seconds
        if not config.sync_on_startup:
            self.presence.drop_unsent("synchronisation on reconnect was turned off")
        self._run_wrapups()

    # -- lifecycle ---------------------------------------------------------------------------

    async def start(self) -> None:
        """Connect, unless the settings are incomplete or wrong; then the status says what to
        fix (a busy Listener Port, say), and the app stays up so that it can be fixed."""
        prune_history(self.store, self.clock.now())
        if self.settings_problems:
            self.connector.refuse_to_start(
                why(Reason.SETTINGS_INCOMPLETE, self.settings_problems[0])
            )
            return
        try:
            await self.connector.start()
        except ConfigurationError as error:
            log.error("Not connecting: %s", error)

    async def wait_connected(self) -> None:
        await self.connector.wait_connected()

    def attach_client(self, user_id: str | None = None) -> None:
        """A switchboard client is here: the desktop's window (the configured operator's), or
        a desktop of the company connector (`user_id`: its operator's). That operator's
        wrap-ups run, and those that waited too long for any client completed by themselves
        first."""
        self.check_clients()
        self._attached[user_id] = self._attached.get(user_id, 0) + 1
        self.clients.attach()
        self._run_wrapups()

    def detach_client(self, user_id: str | None = None) -> None:
        """The client went away: no new wrap-ups for its operator unless another of theirs is
        here; the pending ones wait for one to come back."""
        count = self._attached.get(user_id, 0) - 1
        if count > 0:
            self._attached[user_id] = count
        else:
            self._attached.pop(user_id, None)
        if not self._attached:
            self.clients.detach()
        self._run_wrapups()

    def check_clients(self) -> None:
        """Keep the time a client was last here, or complete the wrap-ups nobody came back for."""
        self.clients.beat()
        away = self.clients.away_for()
        if away is not None and away >= self.config.wrap_up_timeout:
            self.wrapup.complete_by_itself()

    async def _housekeeping(self) -> None:
        while True:
            await asyncio.sleep(HOUSEKEEPING)
            self.history.flush()
            self.check_clients()

    async def reconnect_now(self, reason: Why) -> None:
        await self.connector.reconnect_now(reason)

    def close_with(self, closer: Callable[[], Awaitable[None]]) -> None:
        """Close this too, after the session (the demo's simulator: the session still removes
        its webhook subscription there)."""
        self._also_close.append(closer)

    async def close(self) -> None:
        self.transfers.close()
        await self.connector.close()
        if not self.history.flush():
            log.error(
                "Closing with %d ended call legs that could not be kept in the call history",
                self.history.waiting,
            )
        self.store.close()
        for closer in self._also_close:
            await closer()

    # -- reactions ---------------------------------------------------------------------------

    def _on_status(self, status: ConnectionStatus) -> None:
        self.presence.connected = status.state is Connection.CONNECTED
        self.updates.publish(status=status)

    async def _on_connected(self, reconnect: bool) -> None:
        self.presence.rebuild_mapper()
        operator = self.operator
        if operator is None:
            if self.config.operator_user:
                log.warning(
                    "Operator user %r is not in Konnekta's user list", self.config.operator_user
                )
        else:
            log.info("Operator: %s (%s)", operator.user.name, operator.user.username)
        self._run_wrapups()
        self.wrapup.reconcile()  # a call whose end was lost while disconnected ends now
        self.check_clients()
        self.presence.connected = True
        if self.config.sync_on_startup:
            self.last_sync = await synchronise(
                self.config.sync_direction,
                self.presence,
                self.model,
                held=self.wrapup.machine.in_progress,
            )
        else:
            # Off: nothing is compared or pushed; what was set here offline stays out of step.
            self.presence.drop_unsent("synchronisation on reconnect is off")
        if self._appointments_task is None:
            self._appointments_task = self.connector.spawn(
                self.appointment_service.run(), "appointments"
            )
            self.connector.spawn(self._housekeeping(), "housekeeping")

    def _on_batch(self, batch: Sequence[PbxEvent]) -> None:
        self.updates.begin_batch()  # what changes now goes out with the model's change
        presence_users = {e.user_id for e in batch if isinstance(e, PresenceUpdate)}
        if presence_users:
            for user_id, template in self.presence.on_presence_events(presence_users):
                # The activity mapped to a template with a caller ID or forwarding: set them too.
                self.connector.spawn(
                    self.presence.apply_template_settings(user_id, template, logged=True),
                    "template settings",
                )
        self.wrapup.on_events(batch)

    def _run_wrapups(self) -> None:
        """Wrap-up runs for each operator with a switchboard client here, when Konnekta's flag
        and the wrap-up setting are both on (a new configured operator takes it over)."""
        wanted: set[str] = set()
        for key in self._attached:
            colleague = self.operator if key is None else self.model.get(key)
            if colleague is not None and colleague.user.wrap_up and self.config.wrap_up:
                wanted.add(colleague.id)
        for user_id in self._wrapup_users - wanted:
            self.wrapup.machine.set_enabled(user_id, False)
        for user_id in wanted:
            self.wrapup.machine.set_enabled(user_id, True)
        self._wrapup_users = wanted

    def _on_change(self, change: ModelChange) -> None:
        if change.ended_calls:
            self.history.add(change.ended_calls, ended_at=self.clock.now())
        if change.calls_changed:
            self.transfers.on_calls_changed()
        self.updates.model_changed(change)

    def _on_recall(self, call_ids: tuple[str, ...]) -> None:
        self.updates.publish(recall=call_ids)  # a timer's: never during a batch


def _implements(session: Session) -> tuple[Switchboard, SettingsDoor, Lifecycle]:
    """Where mypy checks that `Session` is a `Switchboard`, a `SettingsDoor` and a `Lifecycle`."""
    return session, session, session
