"""Webhook events that Konnekta posts to the listener, and their parsing.

An event is a JSON object ``{"type": ..., "timestamp": ..., "data": {...}}`` (the Standard Webhooks
envelope). Known types decode into typed structs; an unknown type decodes into `UnknownEvent` so the
listener can acknowledge and ignore it.
"""

from __future__ import annotations

from typing import Final

import msgspec

from .models import Availability, Call, QueueStatus, User


class _Event(msgspec.Struct, frozen=True, kw_only=True, tag_field="type"):
    timestamp: str  # RFC 3339, when Konnekta saw it happen


class CallRinging(_Event, frozen=True, tag="call.ringing"):
    data: Call


class CallAnswered(_Event, frozen=True, tag="call.answered"):
    data: Call


class CallEnded(_Event, frozen=True, tag="call.ended"):
    data: Call


class CallHeld(_Event, frozen=True, tag="call.held"):
    data: Call  # held: true


class CallResumed(_Event, frozen=True, tag="call.resumed"):
    data: Call  # held: false


class PresenceData(msgspec.Struct, frozen=True, kw_only=True):
    user_id: str
    activity_id: str | None
    availability: Availability


class PresenceChanged(_Event, frozen=True, tag="user.presence.changed"):
    data: PresenceData


class DiversionData(msgspec.Struct, frozen=True, kw_only=True):
    user_id: str
    number: str | None


class DiversionChanged(_Event, frozen=True, tag="user.diversion.changed"):
    data: DiversionData


class CallerIdData(msgspec.Struct, frozen=True, kw_only=True):
    user_id: str
    number: str | None


class CallerIdChanged(_Event, frozen=True, tag="user.caller_id.changed"):
    data: CallerIdData


class UserAdded(_Event, frozen=True, tag="user.added"):
    data: User


class UserChanged(_Event, frozen=True, tag="user.changed"):
    data: User


class UserRemovedData(msgspec.Struct, frozen=True, kw_only=True):
    user_id: str


class UserRemoved(_Event, frozen=True, tag="user.removed"):
    data: UserRemovedData


class QueueChanged(_Event, frozen=True, tag="queue.changed"):
    data: QueueStatus  # the whole queue as it is now


KnownEvent = (
    CallRinging
    | CallAnswered
    | CallEnded
    | CallHeld
    | CallResumed
    | PresenceChanged
    | DiversionChanged
    | CallerIdChanged
    | UserAdded
    | UserChanged
    | UserRemoved
    | QueueChanged
)

KNOWN_TYPES: Final[frozenset[str]] = frozenset(
    cls.__struct_config__.tag  # type: ignore[misc]
    for cls in (
        CallRinging,
        CallAnswered,
        CallEnded,
        CallHeld,
        CallResumed,
        PresenceChanged,
        DiversionChanged,
        CallerIdChanged,
        UserAdded,
        UserChanged,
        UserRemoved,
        QueueChanged,
    )
)


class UnknownEvent(msgspec.Struct, frozen=True, kw_only=True):
    type: str


class _Envelope(msgspec.Struct, frozen=True, kw_only=True):
    type: str


class EventError(ValueError):
    """The body is not a valid event; the message says which field is wrong."""


_known_decoder: Final[msgspec.json.Decoder[KnownEvent]] = msgspec.json.Decoder(KnownEvent)
_envelope_decoder: Final = msgspec.json.Decoder(_Envelope)


def parse_event(body: bytes) -> KnownEvent | UnknownEvent:
    """Decode and validate one webhook body. Raises `EventError` with a readable reason."""
    try:
        return _decode(body)
    except msgspec.DecodeError as error:
        raise EventError(_reason(error)) from None
    except UnicodeDecodeError:
        raise EventError("JSON is malformed: a string is not valid UTF-8") from None
    except RecursionError:
        raise EventError("JSON is malformed: nested too deeply") from None


def _decode(body: bytes) -> KnownEvent | UnknownEvent:
    try:
        return _known_decoder.decode(body)
    except msgspec.ValidationError as known_error:
        envelope = _envelope_decoder.decode(body)  # a body that is not even an envelope raises
        if envelope.type in KNOWN_TYPES:
            raise EventError(_reason(known_error)) from None
        return UnknownEvent(type=envelope.type)


def _reason(error: Exception) -> str:
    return str(error).replace("`", "'")


_encoder: Final = msgspec.json.Encoder()


def encode_event(event: KnownEvent) -> bytes:
    return _encoder.encode(event)
