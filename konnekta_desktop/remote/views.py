"""What a client is told of the session: the snapshot, and each update made whole.

The session's `Update` names what changed (user ids); a client far away needs the new values,
so each update is turned into an `UpdateMessage` at once, when it is published, with the
colleagues as they are then. Replayed later, the frames give the same states in the same order.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..core.session import Session
from ..domain.colleagues import Colleague
from ..domain.interface import Role, Update
from .protocol import ColleagueState, Mappings, Snapshot, UpdateMessage, link_status

__all__ = ["colleague_state", "snapshot", "update_message"]


def colleague_state(session: Session, colleague: Colleague) -> ColleagueState:
    return ColleagueState(
        user=colleague.user,
        activity_id=colleague.activity_id,
        availability=colleague.availability,
        diversion=colleague.diversion,
        caller_id=colleague.caller_id,
        calls=list(colleague.calls.values()),
        shown=session.shown_state(colleague.id),
    )


def _colleagues(session: Session, user_ids: Iterable[str]) -> list[ColleagueState]:
    """The colleagues with these ids that are there, in the switchboard's (name) order."""
    board = session.colleagues
    rows = sorted(
        (row, user_id) for user_id in set(user_ids) if (row := board.row_of(user_id)) is not None
    )
    return [colleague_state(session, board.at(row)) for row, _ in rows]


def snapshot(session: Session, seq: int, stream: str, operator_user: str, role: Role) -> Snapshot:
    """Everything the switchboard of the operator `operator_user` (a PBX username) shows now,
    as of update `seq`."""
    operator = session.model.by_username(operator_user) if operator_user else None
    return Snapshot(
        seq=seq,
        stream=stream,
        demo=session.demo,
        status=link_status(session.status),
        stale=session.stale,
        colleagues=[colleague_state(session, colleague) for colleague in session.colleagues],
        activities=list(session.colleagues.activities.values()),
        states=list(session.states()),
        templates=list(session.templates()),
        appointments=list(session.appointments()),
        mappings=_mappings(session),
        plan=session.plan,
        operator_user=operator_user,
        operator_id=operator.id if operator is not None else None,
        role=role,
        default_calling_device=session.default_calling_device,
        pending_wrapups=[
            w for w in session.pending_wrapups() if operator and w.user_id == operator.id
        ],
        last_event_at=session.last_event_at,
        queues=session.queues(),
    )


def update_message(session: Session, update: Update) -> UpdateMessage:
    """`update` with the values a client needs to apply it."""
    change = update.colleagues
    reset = change is not None and change.reset
    if reset:
        colleagues = [colleague_state(session, colleague) for colleague in session.colleagues]
        removed: list[str] = []
    else:
        touched = set(update.shown)
        if change is not None:
            touched |= change.changed | change.added
        colleagues = _colleagues(session, touched)
        removed = sorted(change.removed) if change is not None else []
    status = update.status
    return UpdateMessage(
        seq=update.seq,
        reset=reset,
        colleagues=colleagues,
        removed=removed,
        activities=list(session.colleagues.activities.values()) if reset else None,
        ended_calls=list(change.ended_calls) if change is not None else [],
        status=link_status(status) if status is not None else None,
        wrapups=list(update.wrapups),
        wrapups_done=list(update.wrapups_done),
        queues=session.queues() if update.queues else None,
        recall=list(update.recall),
        states=list(session.states()) if update.lists else None,
        templates=list(session.templates()) if update.lists else None,
        appointments=list(session.appointments()) if update.lists else None,
        mappings=_mappings(session) if update.tenant_settings else None,
        plan=session.plan if update.tenant_settings else None,
    )


def _mappings(session: Session) -> Mappings:
    config = session.config
    return Mappings(activities=dict(config.activity_mappings), states=dict(config.state_mappings))
