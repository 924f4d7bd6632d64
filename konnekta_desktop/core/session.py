"""A running switchboard session: the connector plus the services built on it.

The composition roots (headless and the Qt app) build one `Session` and talk only to it. Wrap-up
runs for the operator's own user while the app runs, when the wrap-up setting is on.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

from ..domain.events import PbxEvent, PresenceUpdate
from ..konnekta.transport import HttpClient
from .appointment_service import AppointmentService
from .clock import Clock, SystemClock
from .commands import Commands
from .config import ConnectorConfig
from .connector import Connector
from .model import Colleague, ModelChange
from .numbers import NumberPlan
from .states import PresenceService
from .status import Connection, ConnectionStatus
from .store import Store
from .sync import SyncReport, synchronise
from .wrapup import WrapUp
from .wrapup_service import WrapUpService

log = logging.getLogger(__name__)

HISTORY_DAYS = 90  # call history, wrap-up records and sent changes older than this are forgotten


class Session:
    """Everything the UI needs, built around one `Connector`."""

    def __init__(
        self,
        config: ConnectorConfig,
        store: Store,
        *,
        clock: Clock | None = None,
        settings: Any = None,
        paths: Any = None,
        simulator: Any = None,
        secrets: Any = None,
        to_config: Callable[[Any], ConnectorConfig] | None = None,
        settings_problems: Sequence[str] = (),
        http: HttpClient | None = None,
    ) -> None:
        self.clock: Clock = clock or SystemClock()
        self.store = store
        self.settings = settings
        self.secrets = secrets
        self._to_config = to_config
        self.settings_problems = list(settings_problems)
        self.paths = paths
        self.simulator = simulator
        self.demo = simulator is not None
        self.connector = Connector(config, clock=self.clock, http=http)
        self.model = self.connector.model
        self.plan = self.connector.plan
        self.commands = Commands(self.connector.api, self.model, self.plan)
        self.presence = PresenceService(
            store,
            self.model,
            self.commands,
            activity_mappings=dict(config.activity_mappings),
            state_mappings=dict(config.state_mappings),
            now=self.clock.now,
        )
        self.wrapup = WrapUpService(
            WrapUp(self.clock), store, self.model, self.commands, self.connector.spawn
        )
        self.appointments = AppointmentService(store, self.presence, self.commands, self.clock)
        self._appointments_task: object | None = None
        self.last_sync: SyncReport | None = None
        self.connector.on_events(self._on_batch)
        self.connector.on_connected(self._on_connected)
        self.connector.on_status(self._on_status)
        self.model.subscribe(self._on_change)

    @property
    def config(self) -> ConnectorConfig:
        return self.connector.config

    @property
    def operator(self) -> Colleague | None:
        wanted = self.config.operator_user
        return self.model.by_username(wanted) if wanted else None

    # -- settings ----------------------------------------------------------------------------

    def apply_settings(self, settings: Any) -> None:
        """Take saved settings into use that need no reconnect (numbers, mappings, wrap-up...)."""
        self.settings = settings
        if self._to_config is not None:
            self._use_config(self._to_config(settings))

    async def reconnect(self, settings: Any) -> None:
        """Take saved settings into use, reconnecting to Konnekta with the new connection."""
        self.settings = settings
        self.settings_problems = []
        if self._to_config is None:
            raise RuntimeError("this session was built without a way to read settings")
        config = self._to_config(settings)
        self._appointments_task = None
        self._use_config(config)  # numbers and mappings apply even if the connection fails
        await self.connector.reconfigure(config)
        self._use_config(config)

    def _use_config(self, config: ConnectorConfig) -> None:
        self.connector.config = config
        self.connector.plan = self.plan = self.commands.plan = NumberPlan(
            config.international_prefix, config.international_code
        )
        self.commands.api = self.connector.api
        self.presence.set_mappings(dict(config.activity_mappings), dict(config.state_mappings))
        operator = self.operator
        if operator is not None:
            self.wrapup.machine.set_enabled(operator.id, config.wrap_up)

    # -- lifecycle ---------------------------------------------------------------------------

    async def start(self) -> None:
        """Connect, unless the settings are incomplete; then the status says what to fix."""
        self.store.prune(before=self.clock.now() - HISTORY_DAYS * 86_400)
        if self.settings_problems:
            self.connector.refuse_to_start(
                "The settings are incomplete: " + "; ".join(self.settings_problems)
            )
            return
        await self.connector.start()

    async def close(self) -> None:
        await self.connector.close()
        self.store.close()

    # -- reactions ---------------------------------------------------------------------------

    def _on_status(self, status: ConnectionStatus) -> None:
        self.presence.connected = status.state is Connection.CONNECTED

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
            self.wrapup.machine.set_enabled(operator.id, self.config.wrap_up)
        self.presence.connected = True
        if self.config.sync_on_startup:
            self.last_sync = await synchronise(
                self.config.sync_direction, self.presence, self.model
            )
        else:
            self.presence.on_presence_events(c.id for c in self.model)
        if self._appointments_task is None:
            self._appointments_task = self.connector.spawn(self.appointments.run(), "appointments")

    def _on_batch(self, batch: Sequence[PbxEvent]) -> None:
        presence_users = {e.user_id for e in batch if isinstance(e, PresenceUpdate)}
        if presence_users:
            self.presence.on_presence_events(presence_users)
        self.wrapup.on_events(batch)

    def _on_change(self, change: ModelChange) -> None:
        if change.ended_calls:
            self.store.add_calls(change.ended_calls, ended_at=self.clock.now())
