"""The connector: logs in, loads the tenant, listens for events, keeps the connection alive.

Start-up stages (each logged): login, activities (LogPresenceActivityIds), users and their state
(LogMonitoredNumberList), listener, webhook subscription, state sync, then a health loop that
renews the subscription and notices a dead connection within two health intervals. A lost
connection is retried with backoff; on reconnect the tenant is reloaded and states are synchronised.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from ..domain.colleagues import ModelChange
from ..domain.events import (
    CallerIdUpdate,
    CallUpdate,
    ForwardingUpdate,
    PbxEvent,
    PresenceUpdate,
    QueueUpdate,
    UserRemoval,
    UserUpdate,
)
from ..domain.numbers import NumberPlan
from ..domain.refusals import Reason, Why, english, why
from ..domain.status import Connection, ConnectionStatus
from ..domain.types import QueueStatus
from ..konnekta.api import SmgClient
from ..konnekta.auth import KonnektaAuth
from ..konnekta.errors import ConfigurationError, Forbidden, KonnektaError, NotFound
from ..konnekta.http import make_http_client
from ..konnekta.signing import new_secret
from ..konnekta.transport import HttpClient
from ..listener import ListenerThread
from ..listener.line_budget import CallLater, LineBudget
from . import logtables
from .clock import Clock, SystemClock
from .config import ConnectorConfig
from .konnekta_clock import KonnektaClock, clock_warning, local_clock_synchronised
from .model import LiveModel
from .port_owner import another_switchboard_listens
from .reconcile import missed_events, rows
from .wakeup import ResumeWatch

log = logging.getLogger(__name__)

StatusListener = Callable[[ConnectionStatus], None]

SUBSCRIPTION_FACT = "webhook_subscription"


class Facts(Protocol):
    """Where the connector keeps what must outlive a run (the store)."""

    def fact(self, name: str) -> str | None: ...
    def keep_fact(self, name: str, value: str | None) -> None: ...


_EVENT_LINES_PER_SECOND = 20  # beyond this the log says how many more came, not each one
BatchHook = Callable[[Sequence[PbxEvent]], None]


class Connector:
    """Owns the Konnekta session, the listener and the live model. Never imports Qt."""

    def __init__(
        self,
        config: ConnectorConfig,
        *,
        clock: Clock | None = None,
        http: HttpClient | None = None,
        sleep: Callable[[float], Any] = asyncio.sleep,
        facts: Facts | None = None,
        call_later: CallLater | None = None,
    ) -> None:
        self.clock: Clock = clock or SystemClock()
        self.konnekta_clock = KonnektaClock(self.clock.now)
        self._clock_synchronised = local_clock_synchronised()
        self._next_reconcile = 0.0  # monotonic time of the next read-back (`_reconcile`)
        # Events accepted when a read-back last found what no event told of; None: all well.
        self._events_missing: int | None = None
        self._facts = facts
        self.model = LiveModel()
        self._http = http or make_http_client()
        self._owns_http = http is None
        self._use(config)
        self._sleep = sleep
        self._resume = ResumeWatch(self.clock, sleep)
        self.listener: ListenerThread | None = None
        self.subscription_id: str | None = None
        self.status = ConnectionStatus(Connection.DISCONNECTED)
        self._status_listeners: list[StatusListener] = []
        self._batch_hooks: list[BatchHook] = []
        self._batch_done_hooks: list[Callable[[ModelChange | None], None]] = []
        self._connected_hooks: list[Callable[[bool], Any]] = []
        self._supervisor: asyncio.Task[None] | None = None
        self._connected = asyncio.Event()
        self._tasks: set[asyncio.Task[Any]] = set()
        self.last_event_at: float | None = None
        # The event lines' window ends on a timer (the app loop's unless given), so the count of
        # the lines held back is logged when its second ends, not with the next event.
        self._call_later = call_later
        self._event_lines: LineBudget | None = None

    def _use(self, config: ConnectorConfig) -> None:
        self.config = config
        self.plan = NumberPlan(config.international_prefix, config.international_code)
        self.auth = KonnektaAuth(
            config.issuer_uri,
            config.client_id,
            config.client_secret,
            config.user,
            config.password,
            http=self._http,
            clock=self.clock.monotonic,
        )
        self.api = SmgClient(
            config.smg_address,
            self.auth,
            http=self._http,
            backoff=config.retry_backoff,
            on_date=self.konnekta_clock.observe,
        )

    # -- observers ---------------------------------------------------------------------------

    def on_status(self, listener: StatusListener) -> None:
        self._status_listeners.append(listener)

    def on_events(self, hook: BatchHook) -> None:
        """Run `hook` for each batch of events after the model has them, before consumers hear."""
        self._batch_hooks.append(hook)

    def on_batch_done(self, hook: Callable[[ModelChange | None], None]) -> None:
        """Run `hook(change)` once each batch is in the model and its consumers have heard
        (`change` is None when the batch changed nothing)."""
        self._batch_done_hooks.append(hook)

    def on_connected(self, hook: Callable[[bool], Any]) -> None:
        """Run `hook(reconnect)` after each (re)connection; coroutines are awaited in order."""
        self._connected_hooks.append(hook)

    def _set_status(
        self,
        state: Connection,
        because: Why | None = None,
        setting: str | None = None,
        warning: Why | None = None,
    ) -> None:
        status = ConnectionStatus(state, because, setting, warning)
        if status == self.status:
            return
        self.status = status
        log.info("Connection %s%s", state.value, f": {english(because)}" if because else "")
        if warning is not None:
            log.warning("%s", english(warning))
        for listener in list(self._status_listeners):
            listener(status)

    # -- lifecycle ---------------------------------------------------------------------------

    async def start(self, *, reconnect: bool = False) -> None:
        """Start the listener and keep connecting in the background until `close()`."""
        loop = asyncio.get_running_loop()
        self.listener = ListenerThread(
            self.config.listener_host,
            self.config.listener_port,
            self._deliver,
            loop,
            clock=self.konnekta_clock.now,  # events carry Konnekta's time: check them by its clock
        )
        try:
            self.listener.start()
        except OSError as error:
            self.listener = None
            host, port = self.config.listener_host, self.config.listener_port
            if await another_switchboard_listens(self._http, host, port):
                busy = why(Reason.LISTENER_PORT_OURS, port=str(port), host=host)
            else:
                detail = str(error.strerror or error)
                busy = why(Reason.LISTENER_PORT_BUSY, port=str(port), host=host, detail=detail)
            self._set_status(Connection.DISCONNECTED, busy, "Listener Port")
            raise ConfigurationError(busy, setting="Listener Port") from None
        self._supervisor = loop.create_task(self._supervise(reconnect), name="konnekta-supervisor")

    def refuse_to_start(self, because: Why, setting: str | None = None) -> None:
        """Stay disconnected for a reason the operator must fix (shown in the status)."""
        self._set_status(Connection.DISCONNECTED, because, setting)

    async def wait_connected(self) -> None:
        await self._connected.wait()

    async def reconnect_now(self, reason: Why) -> None:
        """Log in, subscribe and synchronise again at once (after a sleep or a network change);
        a pending retry stops waiting. Returns without waiting for the new connection."""
        if self._supervisor is None:
            return
        if self._supervisor.done():  # it gave up on a setting; the change may have fixed it
            log.info("Trying to connect again: %s", english(reason))
            self._supervisor = asyncio.get_running_loop().create_task(
                self._supervise(True), name="konnekta-supervisor"
            )
            return
        self._resume.request(reason)

    async def close(self) -> None:
        await self._stop()
        if self._event_lines is not None:
            self._event_lines.close()  # the count of a second not yet over
        if self._owns_http:
            await self._http.aclose()
        self._set_status(Connection.DISCONNECTED)

    async def reconfigure(self, config: ConnectorConfig) -> None:
        """Disconnect, take new connection settings, and connect again (same model, same hooks)."""
        log.info("Reconnecting with new connection settings")
        await self._stop()
        self._use(config)
        await self.start(reconnect=True)

    async def _stop(self) -> None:
        self._connected.clear()
        if self._supervisor is not None:
            self._supervisor.cancel()
            await asyncio.gather(self._supervisor, return_exceptions=True)
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        if self.subscription_id is not None:
            try:
                await asyncio.wait_for(self.api.unsubscribe(self.subscription_id), 3)
                log.info("Webhook subscription removed")
                if self._facts is not None:
                    self._facts.keep_fact(SUBSCRIPTION_FACT, None)
            except (KonnektaError, TimeoutError) as error:
                log.warning("Could not remove the webhook subscription: %s", error)
            self.subscription_id = None
        if self.listener is not None:
            await asyncio.to_thread(self.listener.stop)
            self.listener = None
        self._supervisor = None
        await self.auth.close()

    def spawn(self, coro: Any, name: str) -> asyncio.Task[Any]:
        """Run a background task that is kept alive and cancelled on close."""
        task: asyncio.Task[Any] = asyncio.get_running_loop().create_task(coro, name=name)
        self._tasks.add(task)
        task.add_done_callback(self._task_done)
        return task

    def _task_done(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("Background task %s failed", task.get_name(), exc_info=task.exception())

    # -- connecting --------------------------------------------------------------------------

    async def _supervise(self, reconnect: bool) -> None:
        delay = self.config.reconnect_delay
        while True:
            self._set_status(Connection.RECONNECTING if reconnect else Connection.CONNECTING)
            try:
                await self._connect(reconnect)
            except ConfigurationError as error:
                # Trying again cannot help until the setting changes (see `reconfigure`).
                self._set_status(Connection.DISCONNECTED, error.why, error.setting)
                return
            except KonnektaError as error:
                self._set_status(Connection.RECONNECTING, error.why)
            else:
                delay = self.config.reconnect_delay
                self._connected.set()
                # Just loaded: the first read-back is due an interval from now.
                self._next_reconcile = self.clock.monotonic() + self.config.reconcile_interval
                self._set_status(Connection.CONNECTED, warning=self._warning())
                woke = await self._watch()
                self._connected.clear()
                self._set_status(Connection.RECONNECTING, woke or why(Reason.CONNECTION_LOST))
                if woke is not None:
                    reconnect = True
                    continue  # the connection was fine until now: no backoff
            reconnect = True
            if await self._resume.pause(delay) is not None:
                delay = self.config.reconnect_delay
                continue
            delay = min(delay * 2, self.config.reconnect_delay_max)

    async def _connect(self, reconnect: bool) -> None:
        log.info("Logging in to Konnekta at %s", self.config.issuer_uri)
        await self.auth.access_token()
        activities = await self.api.activities()
        log.info("%s", logtables.presence_activity_ids(activities))
        users = await self.api.users()
        statuses = await self.api.statuses()
        calls = await self.api.calls()
        queues = await self._queues()
        self.model.load(users, statuses, activities, calls, queues)
        log.info("%s", logtables.monitored_number_list(users))
        for warning in logtables.tenant_domain_warnings(
            self.config.tenant_domain, self.config.user, users
        ):
            log.warning("%s", warning)  # start-up goes on
        await self._subscribe()
        self.model.flush()
        for hook in list(self._connected_hooks):
            result = hook(reconnect)
            if asyncio.iscoroutine(result):
                await result

    async def _queues(self) -> list[QueueStatus]:
        """The queues; none when Konnekta refuses to list them (the switchboard works on)."""
        try:
            return await self.api.queues()
        except (Forbidden, NotFound) as error:
            log.warning("Konnekta did not list the queues, so none are shown: %s", error)
            return []

    async def _subscribe(self) -> None:
        assert self.listener is not None
        secret = new_secret()
        self.listener.listener.set_secret(secret)
        url = self.config.webhook_url(self.listener.port)
        # A run killed without closing left its subscription behind: Konnekta would keep posting
        # to it (refused, as its secret is gone) until it expires. Remove it first.
        left = self.subscription_id or (
            self._facts.fact(SUBSCRIPTION_FACT) if self._facts else None
        )
        if left is not None:
            try:
                await self.api.unsubscribe(left)
                log.info("Removed the webhook subscription %s a previous run left", left)
            except KonnektaError:
                log.info("The previous webhook subscription was already gone")
        subscription = await self.api.subscribe(url, secret, self.config.subscription_ttl)
        self.subscription_id = subscription.id
        if self._facts is not None:
            self._facts.keep_fact(SUBSCRIPTION_FACT, subscription.id)
        log.info("Subscribed to Konnekta's events at %s", url)

    async def _watch(self) -> Why | None:
        """Renew the subscription each health interval. Returns None when the connection is dead,
        or why to reconnect at once (the computer slept, `reconnect_now`).

        Each check has one deadline (half the interval), retries included, and a failed check is
        followed by a second one at once: a dead or slow API is noticed within two intervals."""
        misses = 0
        deadline = self.config.health_interval / 2
        while True:
            if misses == 0:
                woke = await self._resume.pause(self.config.health_interval)
                if woke is not None:
                    return woke
            try:
                assert self.subscription_id is not None
                async with asyncio.timeout(deadline):
                    await self.api.renew(self.subscription_id, self.config.subscription_ttl)
                misses = 0
                if self.clock.monotonic() >= self._next_reconcile:
                    await self._reconcile()
                self._set_status(Connection.CONNECTED, warning=self._warning())
            except (KonnektaError, TimeoutError) as error:
                misses += 1
                reason = error if isinstance(error, KonnektaError) else f"no answer in {deadline} s"
                log.warning("Health check failed (%d): %s", misses, reason)
                if misses >= 2:
                    return None

    async def settle(self) -> None:
        """Wait for events on their way when a read-back ended (`reconcile_grace`)."""
        await asyncio.sleep(self.config.reconcile_grace)

    async def _reconcile(self) -> None:
        """Read everyone's status and the calls in progress, and compare (`reconcile.py`): what
        differs is applied, and means Konnekta's events are not reaching the webhook address."""
        self._next_reconcile = self.clock.monotonic() + self.config.reconcile_interval
        accepted = self.listener.listener.stats.accepted if self.listener else 0
        before = rows(self.model)
        try:
            statuses = await self.api.statuses()
            calls = await self.api.calls()
        except KonnektaError as error:
            log.info("Reading back from Konnekta failed; next time: %s", error)
            return
        colleagues = {colleague.id: colleague for colleague in self.model}
        missed = missed_events(before, rows(self.model), colleagues, statuses, calls)
        if missed:
            # An event Konnekta sent just before the read may still be on its way (under a
            # steady stream there nearly always is one): what arrives meanwhile is not missed.
            await self.settle()
            colleagues = {colleague.id: colleague for colleague in self.model}
            missed = missed_events(before, rows(self.model), colleagues, statuses, calls)
        if missed:
            if self._events_missing is None:
                log.warning(
                    "Konnekta's events are not reaching %s: reading back found %d changes no "
                    "event told of; applied",
                    self.config.webhook_url(self.listener.port if self.listener else 0),
                    len(missed),
                )
            self._events_missing = accepted
            self._apply(missed)
        elif self._events_missing is not None and accepted > self._events_missing:
            log.info("Konnekta's events arrive again")
            self._events_missing = None

    def _warning(self) -> Why | None:
        if self._events_missing is not None:
            return why(Reason.EVENTS_NOT_ARRIVING)
        stats = self.listener.listener.stats if self.listener is not None else None
        return clock_warning(
            self.konnekta_clock.offset,
            stats.stale_in_a_row if stats else 0,
            stats.stale_seconds_off if stats else 0,
            self._clock_synchronised,
        )

    # -- events ------------------------------------------------------------------------------

    def _deliver(self, batch: Sequence[PbxEvent]) -> None:
        """A batch from the listener thread, on the app's loop, in arrival order."""
        self.last_event_at = self.clock.now()
        self._apply(batch)

    def _apply(self, batch: Sequence[PbxEvent]) -> None:
        """Fold a batch into the model and tell everyone who follows it, as for any events."""
        self.model.apply_all(batch)
        for hook in list(self._batch_hooks):
            try:
                hook(batch)
            except Exception:
                log.exception("Handling a batch of %d events failed", len(batch))
        change = self.model.flush()
        for done in list(self._batch_done_hooks):
            try:
                done(change)
            except Exception:
                log.exception("Finishing a batch of %d events failed", len(batch))
        if change is not None:
            self._log_change(change, batch)

    def _log_change(self, change: ModelChange, batch: Sequence[PbxEvent]) -> None:
        """One line per event, at most `_EVENT_LINES_PER_SECOND`; under load a count per second."""
        if not log.isEnabledFor(logging.INFO):
            return
        if self._event_lines is None:
            self._event_lines = LineBudget(
                log,
                logging.INFO,
                per_window=_EVENT_LINES_PER_SECOND,
                window_seconds=1.0,
                summary="... and %d more events in the last second",
                call_later=self._call_later or asyncio.get_running_loop().call_later,
            )
        for event in batch:
            if self._event_lines.admit():
                log.info("Event %s", describe(event, self.model))


def describe(event: PbxEvent, model: LiveModel) -> str:
    """One readable line for the log (no secrets ever travel in events)."""

    def name(user_id: str) -> str:
        colleague = model.get(user_id)
        return colleague.user.name if colleague else user_id

    match event:
        case CallUpdate(call=c):
            flags = (" call-back" if c.callback else "") + (" held" if c.held else "")
            if c.consultation_for:
                flags += f" consultation about {c.consultation_for}"
            queue = f" via {c.queue}" if c.queue else ""
            device = f" on {c.device}" if c.device else ""
            return (
                f"{c.state.value} {c.direction.value}{flags} call {c.call_id} for {name(c.user_id)}:"
                f" {c.caller} -> {c.called}{queue}{device}"
            )
        case PresenceUpdate() as p:
            activity = model.activity_name(p.activity_id)
            return f"presence of {name(p.user_id)}: {activity} ({p.availability.value})"
        case ForwardingUpdate() as d:
            return f"forwarding of {name(d.user_id)}: {d.number or 'off'}"
        case CallerIdUpdate() as d:
            return f"caller ID of {name(d.user_id)}: {d.number or 'default'}"
        case UserUpdate(user=u):
            return f"user added or changed: {u.name}"
        case UserRemoval() as d:
            return f"user removed: {d.user_id}"
        case QueueUpdate(queue=q):
            return (
                f"queue {q.name}: {len(q.waiting)} waiting,"
                f" {len(q.logged_in())} of {len(q.agents)} agents logged in"
            )
    return type(event).__name__
