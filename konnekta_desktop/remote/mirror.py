"""The connector's switchboard as a desktop holds it: a `LiveModel` kept in step with the
snapshot and the updates (colleagues, calls and queues), and what the snapshot says besides
(shown states, states, templates, appointments, the number plan, the operator).

The reverse of `views.py`: a snapshot loads the model afresh (the same `LiveModel` object, so the
UI's table models keep reading it); an update's colleagues, whole as they are now, are compared
with the model and only what differs is applied, as the PBX's own events would be; the change
that makes is the `ModelChange` the UI gets, as in direct mode.
"""

from __future__ import annotations

from collections.abc import Iterable

import msgspec

from ..core.model import LiveModel
from ..domain.appointments import Appointment
from ..domain.colleagues import ModelChange
from ..domain.events import (
    CallerIdUpdate,
    CallUpdate,
    ForwardingUpdate,
    PbxEvent,
    PresenceUpdate,
    UserRemoval,
    UserUpdate,
)
from ..domain.interface import Role
from ..domain.numbers import NumberPlan
from ..domain.states import ShownState, State, Template
from ..domain.types import Activity, Call, CallingDevice, CallState, QueueStatus, UserStatus
from ..domain.wrapups import WrapUpSession
from .protocol import ColleagueState, Mappings, Snapshot, UpdateMessage

__all__ = ["UNKNOWN", "Mirror"]

UNKNOWN = ShownState("", available=False)  # the shown state of a colleague not (yet) known


class Mirror:
    """What the connector's switchboard shows, as of the last snapshot and update applied."""

    def __init__(self) -> None:
        self.model = LiveModel()
        self.loaded = False
        self.shown: dict[str, ShownState] = {}
        self.states: list[State] = []
        self.templates: list[Template] = []
        self.appointments: list[Appointment] = []
        self.mappings = Mappings(activities={}, states={})
        self.plan = NumberPlan()
        self.demo = False
        self.operator_user = ""
        self.operator_id: str | None = None
        self.role = Role.OPERATOR
        self.default_calling_device = CallingDevice.LOCAL
        self.last_event_at: float | None = None
        self.wrapups: dict[str, WrapUpSession] = {}  # pending, by call id

    def shown_state(self, user_id: str) -> ShownState:
        return self.shown.get(user_id, UNKNOWN)

    # -- a snapshot --------------------------------------------------------------------------

    def load(
        self, snapshot: Snapshot
    ) -> tuple[ModelChange | None, frozenset[str], tuple[WrapUpSession, ...]]:
        """Everything afresh: the model's change (a reset), whose shown state changed, and the
        pending wrap-ups not known before."""
        self._load_model(snapshot.colleagues, snapshot.activities, snapshot.queues)
        shown = self._take_shown(snapshot.colleagues, everyone=True)
        self.states = list(snapshot.states)
        self.templates = list(snapshot.templates)
        self.appointments = list(snapshot.appointments)
        self.mappings = snapshot.mappings
        self.plan = snapshot.plan
        self.demo = snapshot.demo
        self.operator_user = snapshot.operator_user
        self.operator_id = snapshot.operator_id
        self.role = snapshot.role
        self.default_calling_device = snapshot.default_calling_device
        self.last_event_at = snapshot.last_event_at
        known = self.wrapups
        self.wrapups = {w.call_id: w for w in snapshot.pending_wrapups}
        new = tuple(w for w in snapshot.pending_wrapups if w.call_id not in known)
        self.loaded = True
        return self.model.flush(), shown, new

    def _load_model(
        self,
        colleagues: list[ColleagueState],
        activities: Iterable[Activity],
        queues: Iterable[QueueStatus],
    ) -> None:
        statuses = [
            UserStatus(
                user_id=state.user.id,
                activity_id=state.activity_id,
                availability=state.availability,
                diversion=state.diversion,
                caller_id=state.caller_id,
            )
            for state in colleagues
        ]
        calls = [call for state in colleagues for call in state.calls]
        self.model.load(
            [state.user for state in colleagues],
            statuses,
            list(activities),
            calls,
            list(queues),
        )

    # -- an update ---------------------------------------------------------------------------

    def apply(
        self, update: UpdateMessage
    ) -> tuple[ModelChange | None, frozenset[str], tuple[WrapUpSession, ...]]:
        """One update: the model's change, whose shown state changed, the new pending wrap-ups."""
        model = self.model
        # The legs that ended go first: a colleague's calls below are then the ones in progress.
        for call in update.ended_calls:
            ended = call if call.state is CallState.ENDED else _ended(call)
            if model.get(call.user_id) is not None:
                model.apply(CallUpdate(call=ended))
        if update.reset:
            activities = update.activities
            self._load_model(
                update.colleagues,
                activities if activities is not None else model.activities.values(),
                update.queues if update.queues is not None else model.queues(),
            )
            shown = self._take_shown(update.colleagues, everyone=True)
        else:
            for user_id in update.removed:
                model.apply(UserRemoval(user_id=user_id))
                self.shown.pop(user_id, None)
            for state in update.colleagues:
                model.apply_all(_differences(model, state))
            shown = self._take_shown(update.colleagues, everyone=False)
            shown |= frozenset(update.removed)
            if update.queues is not None:
                model.replace_queues(update.queues)
        # The connector sends every wrap-up that opens; this operator's switchboard runs its own.
        mine = tuple(w for w in update.wrapups if w.user_id == self.operator_id)
        for wrapup in mine:
            self.wrapups[wrapup.call_id] = wrapup
        for call_id in update.wrapups_done:  # completed here, on another desktop, or by itself
            self.wrapups.pop(call_id, None)
        if update.states is not None:
            self.states = list(update.states)
        if update.templates is not None:
            self.templates = list(update.templates)
        if update.appointments is not None:
            self.appointments = list(update.appointments)
        if update.mappings is not None:
            self.mappings = update.mappings
        if update.plan is not None:
            self.plan = update.plan
        return model.flush(), shown, mine

    def _take_shown(self, colleagues: list[ColleagueState], *, everyone: bool) -> frozenset[str]:
        """Keep each colleague's shown state; whose changed. With `everyone`, the colleagues
        given are all there are."""
        before = self.shown
        now = {state.user.id: state.shown for state in colleagues}
        changed = {uid for uid, shown in now.items() if before.get(uid) != shown}
        if everyone:
            changed |= set(before) - set(now)
            self.shown = now
        else:
            self.shown.update(now)
        return frozenset(changed)


def _ended(call: Call) -> Call:
    return msgspec.structs.replace(call, state=CallState.ENDED)


def _differences(model: LiveModel, state: ColleagueState) -> list[PbxEvent]:
    """The events that make the model's colleague what `state` says (nothing when equal)."""
    user = state.user
    existing = model.get(user.id)
    events: list[PbxEvent] = []
    if existing is None or existing.user != user:
        events.append(UserUpdate(user=user))
    if existing is None or (existing.activity_id, existing.availability) != (
        state.activity_id,
        state.availability,
    ):
        events.append(
            PresenceUpdate(
                user_id=user.id, activity_id=state.activity_id, availability=state.availability
            )
        )
    if existing is None or existing.diversion != state.diversion:
        events.append(ForwardingUpdate(user_id=user.id, number=state.diversion))
    if existing is None or existing.caller_id != state.caller_id:
        events.append(CallerIdUpdate(user_id=user.id, number=state.caller_id))
    calls = {call.call_id: call for call in state.calls}
    before = dict(existing.calls) if existing is not None else {}
    # A leg gone without an end in `ended_calls` (the connector lost its end) ends here too.
    events.extend(CallUpdate(call=_ended(call)) for cid, call in before.items() if cid not in calls)
    events.extend(CallUpdate(call=call) for cid, call in calls.items() if before.get(cid) != call)
    return events
