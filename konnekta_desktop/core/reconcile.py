"""Reading back what Konnekta says now, to notice events that never arrive.

Every few minutes the connector reads everyone's status and the calls in progress and compares
them with the model as it was when the read began. A user whose row changed during the read had
an event meanwhile, which explains any difference, so only users untouched during the read are
compared. What differs is turned into the events that would have said so, to be applied as
events are; a difference means Konnekta's events are not reaching the webhook address.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Final

import msgspec

from ..domain.colleagues import Colleague
from ..domain.events import CallerIdUpdate, CallUpdate, ForwardingUpdate, PbxEvent, PresenceUpdate
from ..domain.types import Call, CallState, UserStatus

__all__ = ["Row", "missed_events", "rows"]

type Row = tuple[object, ...]
"""What is compared of one colleague: status, forwarding, caller ID, and each call's state and
whether it is held."""

_NO_CALLS: Final[tuple[tuple[str, CallState, bool], ...]] = ()


def _row(colleague: Colleague) -> Row:
    calls = tuple(sorted((c.call_id, c.state, c.held) for c in colleague.calls.values()))
    return (
        colleague.activity_id,
        colleague.availability,
        colleague.diversion,
        colleague.caller_id,
        calls or _NO_CALLS,
    )


def rows(colleagues: Iterable[Colleague]) -> dict[str, Row]:
    """The compared part of every colleague, by user id."""
    return {colleague.id: _row(colleague) for colleague in colleagues}


def missed_events(
    before: Mapping[str, Row],
    after: Mapping[str, Row],
    colleagues: Mapping[str, Colleague],
    statuses: Iterable[UserStatus],
    calls: Iterable[Call],
) -> list[PbxEvent]:
    """The events that would have brought the model to what Konnekta read, for the users whose
    rows did not change while it was read (`before` and `after` the read)."""
    by_user: dict[str, dict[str, Call]] = {}
    for call in calls:
        if call.state is not CallState.ENDED:
            by_user.setdefault(call.user_id, {})[call.call_id] = call
    missed: list[PbxEvent] = []
    for status in statuses:
        user_id = status.user_id
        colleague = colleagues.get(user_id)
        if colleague is None or before.get(user_id) != after.get(user_id):
            continue  # unknown here (a user event will say), or an event came in the meantime
        if (status.activity_id, status.availability) != (
            colleague.activity_id,
            colleague.availability,
        ):
            missed.append(
                PresenceUpdate(
                    user_id=user_id,
                    activity_id=status.activity_id,
                    availability=status.availability,
                )
            )
        if status.diversion != colleague.diversion:
            missed.append(ForwardingUpdate(user_id=user_id, number=status.diversion))
        if status.caller_id != colleague.caller_id:
            missed.append(CallerIdUpdate(user_id=user_id, number=status.caller_id))
        read = by_user.get(user_id, {})
        for call_id, call in colleague.calls.items():
            if call_id not in read:
                missed.append(CallUpdate(call=msgspec.structs.replace(call, state=CallState.ENDED)))
        for call_id, call in read.items():
            known = colleague.calls.get(call_id)
            if known is None or known.state is not call.state or known.held != call.held:
                missed.append(CallUpdate(call=call))
    return missed
