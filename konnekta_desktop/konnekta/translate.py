"""Konnekta's wire format to the switchboard's own types (`domain/`), and back.

The one place that knows both. Where the two have the same shape, msgspec copies the fields in C;
where Konnekta's API turns out to differ from our model of it, the difference is written here.
"""

from __future__ import annotations

from typing import Any

import msgspec

from ..domain import events as domain_events
from ..domain import types as domain
from . import events as wire_events
from . import models as wire

__all__ = [
    "activities",
    "call",
    "caller_ids",
    "calls",
    "event",
    "presence",
    "queue",
    "queue_agent",
    "queues",
    "statuses",
    "user",
    "users",
]


def _convert[T](value: Any, into: type[T]) -> T:
    return msgspec.convert(value, into, from_attributes=True)


def user(found: wire.User) -> domain.User:
    return _convert(found, domain.User)


def users(found: list[wire.User]) -> list[domain.User]:
    return _convert(found, list[domain.User])


def statuses(found: list[wire.UserStatus]) -> list[domain.UserStatus]:
    return _convert(found, list[domain.UserStatus])


def activities(found: list[wire.Activity]) -> list[domain.Activity]:
    return _convert(found, list[domain.Activity])


def presence(found: wire.Presence) -> domain.Presence:
    return _convert(found, domain.Presence)


def caller_ids(found: wire.CallerIds) -> domain.CallerIds:
    return _convert(found, domain.CallerIds)


def call(found: wire.Call) -> domain.Call:
    return _convert(found, domain.Call)


def calls(found: list[wire.Call]) -> list[domain.Call]:
    return _convert(found, list[domain.Call])


def queue(found: wire.QueueStatus) -> domain.QueueStatus:
    return _convert(found, domain.QueueStatus)


def queues(found: list[wire.QueueStatus]) -> list[domain.QueueStatus]:
    return _convert(found, list[domain.QueueStatus])


def queue_agent(found: wire.QueueAgent) -> domain.QueueAgent:
    return _convert(found, domain.QueueAgent)


def event(found: wire_events.KnownEvent) -> domain_events.PbxEvent:
    """A webhook event as the update it reports."""
    match found:
        case (
            wire_events.CallRinging(data=leg)
            | wire_events.CallAnswered(data=leg)
            | wire_events.CallEnded(data=leg)
            | wire_events.CallHeld(data=leg)
            | wire_events.CallResumed(data=leg)
        ):
            return domain_events.CallUpdate(call=call(leg))
        case wire_events.PresenceChanged(data=data):
            return domain_events.PresenceUpdate(
                user_id=data.user_id, activity_id=data.activity_id, availability=data.availability
            )
        case wire_events.DiversionChanged(data=data):
            return domain_events.ForwardingUpdate(user_id=data.user_id, number=data.number)
        case wire_events.CallerIdChanged(data=data):
            return domain_events.CallerIdUpdate(user_id=data.user_id, number=data.number)
        case wire_events.UserAdded(data=found_user) | wire_events.UserChanged(data=found_user):
            return domain_events.UserUpdate(user=user(found_user))
        case wire_events.UserRemoved(data=data):
            return domain_events.UserRemoval(user_id=data.user_id)
        case wire_events.QueueChanged(data=data):
            return domain_events.QueueUpdate(queue=queue(data))
    raise TypeError(f"not a Konnekta event: {found!r}")
