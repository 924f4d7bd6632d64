"""Each colleague's local state, and presence mapped both ways between it and Konnekta.

Konnekta -> local: an incoming activity becomes the template it is mapped to (activity mapping),
with the template's caller ID and forwarding, if it has them.
Local -> Konnekta: a state set here becomes the mapped activity, with the availability of its
state class (state mapping). A change made here is kept as pending in the store until Konnekta has
it, with a template's caller ID and forwarding, so a change made while disconnected is not lost.
With synchronisation on reconnect off (`sync`), nothing waits for a reconnect: a change made while
disconnected changes the local state only, and shows as out of step with Konnekta until the next
change.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import Protocol

from ..domain.colleagues import Colleague
from ..domain.refusals import Command, Reason, Refused
from ..domain.states import ShownState, State, Template, availability_of
from ..domain.types import Availability, PresenceChange
from ..konnekta.api import SmgClient
from .commands import Commands, pbx_request
from .model import LiveModel
from .presence import PresenceMapper, Unmapped
from .store import LocalState, PendingChange

log = logging.getLogger(__name__)


class StateStore(Protocol):
    """The part of the store this service uses."""

    def states(self) -> list[State]: ...
    def templates(self) -> list[Template]: ...
    def user_states(self) -> dict[str, LocalState]: ...
    def set_user_states(self, states: Iterable[LocalState]) -> None: ...
    def forget_user_states(self, user_ids: Iterable[str]) -> None: ...
    def change_user_state(
        self,
        user_id: str,
        state: str,
        at: float,
        *,
        caller_id: str | None = None,
        forwarding: str | None = None,
    ) -> PendingChange: ...
    def pending_changes(self) -> list[PendingChange]: ...
    def mark_change_sent(self, change_id: int) -> None: ...
    def mark_sent(self, change_ids: Iterable[int]) -> None: ...


StateListener = Callable[[set[str]], None]


class PresenceService:
    """Local states of every colleague, kept in step with Konnekta through the mapping tables."""

    def __init__(
        self,
        store: StateStore,
        model: LiveModel,
        commands: Commands,
        *,
        activity_mappings: dict[str, str],
        state_mappings: dict[str, str],
        now: Callable[[], float],
    ) -> None:
        self._store = store
        self._model = model
        self._commands = commands
        self._activity_mappings = activity_mappings
        self._state_mappings = state_mappings
        self._now = now
        self._local: dict[str, LocalState] = store.user_states()
        self._listeners: list[StateListener] = []
        self._out_of_step: set[str] = set()
        self.connected = False
        self.sync = True  # synchronise on (re)connect: a change made offline waits for it
        self.rebuild_mapper()

    # -- configuration -----------------------------------------------------------------------

    def rebuild_mapper(self) -> None:
        """Take new mappings, states, templates or activities into use."""
        self._states = {s.name: s for s in self._store.states()}
        self._templates = self._store.templates()
        self.mapper = PresenceMapper(
            activity_mappings=self._activity_mappings,
            state_mappings=self._state_mappings,
            states=list(self._states.values()),
            templates=self._templates,
            activities={a.id: a.name for a in self._model.activities.values()},
        )

    def reload(self) -> None:
        """Take states, templates and every colleague's local state afresh from the store (a
        state renamed there is renamed for the colleagues in it)."""
        self._local = self._store.user_states()
        self.rebuild_mapper()
        self._notify({c.id for c in self._model})

    def set_mappings(
        self, activity_mappings: dict[str, str], state_mappings: dict[str, str]
    ) -> None:
        self._activity_mappings = activity_mappings
        self._state_mappings = state_mappings
        self.rebuild_mapper()
        self._notify({c.id for c in self._model})

    def templates(self) -> list[Template]:
        return list(self._templates)

    def template(self, name: str) -> Template:
        for template in self._templates:
            if template.name == name:
                return template
        raise Refused(Reason.NO_SUCH_TEMPLATE, name=name)

    def subscribe(self, listener: StateListener) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def _notify(self, user_ids: set[str]) -> None:
        if not user_ids:
            return
        for listener in list(self._listeners):
            listener(user_ids)

    @property
    def api(self) -> SmgClient:
        return self._commands.api

    # -- reading -----------------------------------------------------------------------------

    def local_state(self, user_id: str) -> LocalState | None:
        return self._local.get(user_id)

    def shown_state(self, user_id: str) -> ShownState:
        """The state's name as chosen here (or mapped from Konnekta), and the red/green dot.

        The dot is Konnekta's availability when known, since that is what routes calls: during a
        wrap-up a colleague in "Available" shows red until the wrap-up is completed.
        """
        local = self._local.get(user_id)
        colleague = self._model.get(user_id)
        in_konnekta = None if colleague is None else colleague.availability is _AVAILABLE
        if local is not None:
            state = self._states.get(local.state)
            if state is None:
                return ShownState(f"unmapped: {local.state}", bool(in_konnekta), unmapped=True)
            by_class = availability_of(state.state_class) is _AVAILABLE
            return ShownState(
                local.state,
                by_class if in_konnekta is None else in_konnekta,
                out_of_step=user_id in self._out_of_step,
            )
        if colleague is None:
            return ShownState("", available=False)
        available = bool(in_konnekta)
        if colleague.activity_id is None:
            return ShownState("Available" if available else "Unavailable", available)
        mapped = self.mapper.template_for_activity(colleague.activity_id)
        if isinstance(mapped, Unmapped):
            return ShownState(mapped.label, available, unmapped=True)
        return ShownState(mapped.state, available)

    # -- Konnekta -> local -------------------------------------------------------------------

    def on_presence_events(self, user_ids: Iterable[str]) -> list[tuple[str, Template]]:
        """Konnekta reported new activities: local states follow the activity mapping. Returns
        the users put in a template that also sets a caller ID or forwarding, for
        `apply_template_settings`."""
        applied: list[tuple[str, Template]] = []
        self._notify(self._follow_konnekta(user_ids, applied))
        return [(user_id, t) for user_id, t in applied if t.caller_id or t.forwarding]

    def _follow_konnekta(
        self, user_ids: Iterable[str], applied: list[tuple[str, Template]] | None = None
    ) -> set[str]:
        """Apply the activity mapping to these users; their new states are stored in one go, and
        the templates they were put in are added to `applied`."""
        touched: set[str] = set()
        remembered: list[LocalState] = []
        forgotten: list[str] = []
        since = self._now()
        for user_id in user_ids:
            colleague = self._model.get(user_id)
            if colleague is None or colleague.activity_id is None:
                continue
            touched.add(user_id)
            self._out_of_step.discard(user_id)  # a change in Konnekta: in step again
            local = self._local.get(user_id)
            if local is not None:
                state = self._states.get(local.state)
                # Our own change coming back: keep the state the operator chose, which may be
                # one of several that map to the same activity.
                if (
                    state is not None
                    and self.mapper.activity_for_state(state) == colleague.activity_id
                ):
                    continue
            mapped = self.mapper.template_for_activity(colleague.activity_id)
            if isinstance(mapped, Unmapped):
                if self._local.pop(user_id, None) is not None:
                    forgotten.append(user_id)
            elif local is None or local.state != mapped.state:
                remembered.append(LocalState(user_id, mapped.state, since))
                if applied is not None:
                    applied.append((user_id, mapped))
        for entry in remembered:
            self._local[entry.user_id] = entry
        if remembered:
            self._store.set_user_states(remembered)
        if forgotten:
            # Also in the store: kept there, a restart's local -> Konnekta sync pushed the stale
            # state over the activity the user really has.
            self._store.forget_user_states(forgotten)
        return touched

    def adopt_konnekta(self) -> int:
        """Sync Konnekta -> local: every local state follows Konnekta; pending changes are dropped
        (a template's caller ID and forwarding with them)."""
        self.drop_unsent("Konnekta wins")
        changed = self._follow_konnekta([c.id for c in self._model])
        self._notify(changed)
        return len(changed)

    # -- local -> Konnekta -------------------------------------------------------------------

    async def set_template(self, user_id: str, template_name: str) -> None:
        """Put a colleague in a template's state (and its caller ID and forwarding, if any);
        while disconnected, all of it waits for the reconnect's sync."""
        template = self.template(template_name)
        sent = await self.set_state(
            user_id, template.state, caller_id=template.caller_id, forwarding=template.forwarding
        )
        if sent:
            await self.apply_template_settings(user_id, template)

    async def apply_template_settings(
        self, user_id: str, template: Template, *, logged: bool = False
    ) -> None:
        """Set the template's caller ID and forwarding, those it has, in Konnekta; `logged`: a
        refusal is logged rather than raised (nobody waits for the answer)."""
        try:
            await self.apply_settings(user_id, template.caller_id, template.forwarding)
        except Refused as error:
            if not logged:
                raise
            log.warning("Template %s: caller ID or forwarding not set: %s", template.name, error)

    async def apply_settings(
        self, user_id: str, caller_id: str | None, forwarding: str | None
    ) -> None:
        """Set these, each on its own: a caller ID refused (no right, say) still lets the
        forwarding through; the first refusal is raised after both were tried."""
        refused: Refused | None = None
        if caller_id:
            try:
                await self._commands.set_caller_id(user_id, caller_id)
            except Refused as error:
                refused = error
        if forwarding:
            await self._commands.set_forwarding(user_id, forwarding)
        if refused is not None:
            raise refused

    async def set_state(
        self,
        user_id: str,
        state_name: str,
        *,
        caller_id: str | None = None,
        forwarding: str | None = None,
    ) -> bool:
        """Set a colleague's local state and send it to Konnekta; False when it was not sent
        (kept for the reconnect's sync, or, with synchronisation off, kept here only)."""
        colleague = self._commands.colleague(user_id)
        state = self._states.get(state_name)
        if state is None:
            raise Refused(Reason.NO_SUCH_STATE, name=state_name)
        since = self._now()
        local = LocalState(user_id, state.name, since)
        self._local[user_id] = local
        if not self.connected and not self.sync:
            self._store.set_user_states([local])
            self._out_of_step.add(user_id)
            self._notify({user_id})
            log.info(
                "Offline, with synchronisation off: %s's state %s is set here only",
                colleague.user.name,
                state.name,
            )
            return False
        self._out_of_step.discard(user_id)
        change = self._store.change_user_state(
            user_id, state.name, since, caller_id=caller_id, forwarding=forwarding
        )
        self._notify({user_id})
        if not self.connected:
            log.info(
                "Offline: %s's state %s is kept until reconnect", colleague.user.name, state.name
            )
            return False
        await self.send_state(colleague, state, change.id)
        return True

    async def send_state(self, colleague: Colleague, state: State, change_id: int | None) -> None:
        update = self.mapper.konnekta_for_state(state)
        await pbx_request(
            Command.SET_STATE,
            self.api.set_presence(
                colleague.id, activity_id=update.activity_id, availability=update.availability
            ),
        )
        if change_id is not None:
            self._store.mark_change_sent(change_id)

    def desired_update(self, user_id: str) -> PresenceChange | None:
        """What Konnekta should show for the user's local state, or None when already so."""
        local = self._local.get(user_id)
        colleague = self._model.get(user_id)
        if local is None or colleague is None:
            return None
        state = self._states.get(local.state)
        if state is None:
            return None
        update = self.mapper.konnekta_for_state(state)
        same_activity = update.activity_id is None or update.activity_id == colleague.activity_id
        if same_activity and update.availability == colleague.availability:
            return None
        return update

    def unsent_changes(self) -> dict[str, list[PendingChange]]:
        """The changes not yet in Konnekta, by user, oldest first."""
        by_user: dict[str, list[PendingChange]] = {}
        for change in self._store.pending_changes():
            by_user.setdefault(change.user_id, []).append(change)
        return by_user

    def drop_unsent(self, why: str) -> None:
        """Forget every change still waiting for Konnekta, saying why in the log."""
        dropped = self._store.pending_changes()
        for change in dropped:
            log.info("Dropping an unsent state change of %s (%s)", change.user_id, why)
        self._store.mark_sent(change.id for change in dropped)

    def mark_sent(self, change_ids: Iterable[int]) -> None:
        """These changes are in Konnekta now (or superseded), all in one transaction."""
        self._store.mark_sent(change_ids)


_AVAILABLE = Availability.AVAILABLE
