"""Wrap-ups: a call that ended and waits for the operator's note, and the record once done."""

from __future__ import annotations

import msgspec

from .types import Direction

__all__ = ["WrapUpRecord", "WrapUpSession", "decode_session", "encode_session"]


class WrapUpSession(msgspec.Struct, frozen=True, kw_only=True):
    """A call that ended and waits for its wrap-up; stored so it survives a restart."""

    call_id: str
    user_id: str
    direction: Direction
    caller: str
    called: str
    queue: str | None
    started: float  # Unix seconds, when the call started
    ended: float  # Unix seconds, when the app saw it end


class WrapUpRecord(msgspec.Struct, frozen=True, kw_only=True):
    """A completed wrap-up, as kept in the call history."""

    call_id: str
    user_id: str
    caller: str
    queue: str | None
    started: float
    ended: float
    note: str
    code: str | None
    completed_at: float
    # True when no switchboard client came back in time to complete it, so it completed itself.
    by_itself: bool = False


def encode_session(session: WrapUpSession) -> bytes:
    """JSON for a pending session (for storage or handing to another process)."""
    return msgspec.json.encode(session)


def decode_session(data: bytes | str) -> WrapUpSession:
    """A session from `encode_session`'s JSON; raises msgspec.ValidationError if it is not one."""
    return msgspec.json.decode(data, type=WrapUpSession)
