"""Reading a client's frame: the message it holds, or the error that says what is wrong with it.

A frame that is too long, not JSON, of an unknown type or with fields of the wrong type is
answered, never raised: the connection stays usable and the connector lives on.
"""

from __future__ import annotations

from typing import Final

import msgspec

from ..domain.refusals import Reason, Why, why
from .protocol import (
    CLIENT_MESSAGES,
    MAX_FRAME,
    ClientMessage,
    CommandRequest,
    ErrorMessage,
    Hello,
    wire_why,
)

__all__ = ["read_frame"]

_decoder: Final = msgspec.json.Decoder[Hello | CommandRequest](ClientMessage)
_any: Final = msgspec.json.Decoder()
_SHOWN_MOST = 200  # characters of a client's text quoted back in a reason
_TOO_DEEP = "nested too deeply"


def _cut(text: str) -> str:
    return text if len(text) <= _SHOWN_MOST else text[:_SHOWN_MOST] + "…"


def read_frame(data: bytes, most: int = MAX_FRAME) -> ClientMessage | ErrorMessage:
    """The message in one text frame (UTF-8 JSON), or an `error` to send back."""
    if len(data) > most:
        return _error(why(Reason.MESSAGE_TOO_LARGE, size=str(len(data)), most=str(most)))
    try:
        message: Hello | CommandRequest = _decoder.decode(data)
    except msgspec.ValidationError as error:
        return _wrong_shape(data, str(error))
    except msgspec.DecodeError:
        return _error(why(Reason.MESSAGE_NOT_JSON))
    except RecursionError:
        return _error(why(Reason.MESSAGE_FIELDS_WRONG, detail=_TOO_DEEP))
    return message


def not_text() -> ErrorMessage:
    """The answer to a binary frame: messages are JSON in text frames."""
    return _error(why(Reason.MESSAGE_NOT_JSON))


def _wrong_shape(data: bytes, error: str) -> ErrorMessage:
    """Not a message: not JSON after all (the typed reading stops at the first wrong value),
    of an unknown type, or with wrong fields (naming the first)."""
    try:
        value = _any.decode(data)
    except msgspec.DecodeError:
        return _error(why(Reason.MESSAGE_NOT_JSON))
    except RecursionError:
        return _error(why(Reason.MESSAGE_FIELDS_WRONG, detail=_TOO_DEEP))
    if not isinstance(value, dict) or not isinstance(value.get("type"), str):
        return _error(why(Reason.MESSAGE_FIELDS_WRONG, detail=_cut(error)))
    request_id = value.get("request_id")
    rid = request_id if isinstance(request_id, str) and 0 < len(request_id) <= 200 else None
    if value["type"] not in CLIENT_MESSAGES:
        return _error(why(Reason.MESSAGE_TYPE_UNKNOWN, type=_cut(value["type"])), rid)
    return _error(why(Reason.MESSAGE_FIELDS_WRONG, detail=_cut(error)), rid)


def _error(said: Why, request_id: str | None = None) -> ErrorMessage:
    return ErrorMessage(why=wire_why(said), request_id=request_id)
