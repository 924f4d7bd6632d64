"""Hypothesis strategies for Konnekta's webhook events (every type in konnekta/events.py), for
mutations of their JSON bodies, and for mutations of the Standard Webhooks headers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import msgspec
from hypothesis import strategies as st

from konnekta_desktop.konnekta import events as ev
from konnekta_desktop.konnekta import signing
from konnekta_desktop.konnekta.models import (
    Alias,
    Availability,
    Call,
    CallingDevice,
    CallState,
    Direction,
    Line,
    LineRole,
    LineType,
    QueueAgent,
    QueueStatus,
    Right,
    User,
    WaitingCall,
)

# Text as Konnekta may send it: any Unicode that UTF-8 can carry (no lone surrogates).
text = st.text(st.characters(codec="utf-8"), max_size=40)
numbers = st.from_regex(r"\+?[0-9]{2,15}", fullmatch=True) | text
timestamps = (
    st.from_regex(
        r"20[0-9]{2}-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]Z", fullmatch=True
    )
    | text
)
seconds = st.floats(min_value=0, max_value=4e9, allow_nan=False, allow_infinity=False)


def user_ids(known: Sequence[str]) -> st.SearchStrategy[str]:
    """Mostly users the model knows, sometimes strangers (which the model must skip)."""
    return st.sampled_from(list(known)) | text if known else text


def calls(ids: st.SearchStrategy[str]) -> st.SearchStrategy[Call]:
    return st.builds(
        Call,
        call_id=st.sampled_from(["call-1", "call-2", "call-3"]) | text,
        user_id=ids,
        state=st.sampled_from(CallState),
        direction=st.sampled_from(Direction),
        caller=numbers,
        called=numbers,
        queue=st.none() | text,
        callback=st.booleans(),
        device=st.none() | st.sampled_from(CallingDevice),
        started_at=seconds,
        answered_at=st.none() | seconds,
        held=st.booleans(),
        consultation_for=st.none() | st.sampled_from(["call-1", "call-2"]) | text,
    )


def queues(ids: st.SearchStrategy[str]) -> st.SearchStrategy[QueueStatus]:
    return st.builds(
        QueueStatus,
        name=st.sampled_from(["Reception", "Support"]) | text,
        number=numbers,
        agents=st.lists(
            st.builds(QueueAgent, user_id=ids, logged_in=st.booleans()), max_size=4
        ).map(tuple),
        waiting=st.lists(
            st.builds(
                WaitingCall,
                call_id=text,
                caller=numbers,
                callback=st.booleans(),
                waiting_since=seconds,
            ),
            max_size=4,
        ).map(tuple),
    )


def users(ids: st.SearchStrategy[str]) -> st.SearchStrategy[User]:
    line = st.builds(
        Line,
        role=st.sampled_from(LineRole),
        type=st.sampled_from(LineType),
        number=numbers,
        aliases=st.lists(
            st.builds(Alias, number=numbers, short_number=st.booleans()), max_size=3
        ).map(tuple),
    )
    return st.builds(
        User,
        id=ids,
        username=text,
        name=text,
        department=text,
        email=text,
        lines=st.lists(line, max_size=3).map(tuple),
        devices=st.lists(st.sampled_from(CallingDevice), max_size=3, unique=True).map(tuple),
        rights=st.lists(st.sampled_from(Right), max_size=1).map(tuple),
        wrap_up=st.booleans(),
    )


def events(known_users: Sequence[str] = ()) -> st.SearchStrategy[ev.KnownEvent]:
    """A valid event of any known type."""
    ids = user_ids(known_users)
    call = calls(ids)
    return st.one_of(
        st.builds(ev.CallRinging, timestamp=timestamps, data=call),
        st.builds(ev.CallAnswered, timestamp=timestamps, data=call),
        st.builds(ev.CallEnded, timestamp=timestamps, data=call),
        st.builds(ev.CallHeld, timestamp=timestamps, data=call),
        st.builds(ev.CallResumed, timestamp=timestamps, data=call),
        st.builds(ev.QueueChanged, timestamp=timestamps, data=queues(ids)),
        st.builds(
            ev.PresenceChanged,
            timestamp=timestamps,
            data=st.builds(
                ev.PresenceData,
                user_id=ids,
                activity_id=st.none() | text,
                availability=st.sampled_from(Availability),
            ),
        ),
        st.builds(
            ev.DiversionChanged,
            timestamp=timestamps,
            data=st.builds(ev.DiversionData, user_id=ids, number=st.none() | numbers),
        ),
        st.builds(
            ev.CallerIdChanged,
            timestamp=timestamps,
            data=st.builds(ev.CallerIdData, user_id=ids, number=st.none() | numbers),
        ),
        st.builds(ev.UserAdded, timestamp=timestamps, data=users(ids)),
        st.builds(ev.UserChanged, timestamp=timestamps, data=users(ids)),
        st.builds(
            ev.UserRemoved, timestamp=timestamps, data=st.builds(ev.UserRemovedData, user_id=ids)
        ),
    )


json_values: st.SearchStrategy[Any] = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | text,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(text, inner, max_size=4),
    max_leaves=12,
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every key path into a decoded JSON value (the root excluded)."""
    found: list[tuple[Any, ...]] = []
    if isinstance(value, dict):
        for key, inner in value.items():
            found.append((*prefix, key))
            found.extend(_paths(inner, (*prefix, key)))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            found.append((*prefix, index))
            found.extend(_paths(inner, (*prefix, index)))
    return found


def _parent(document: Any, path: tuple[Any, ...]) -> Any:
    for step in path[:-1]:
        document = document[step]
    return document


@st.composite
def mutated_bodies(
    draw: st.DrawFn, valid_events: st.SearchStrategy[ev.KnownEvent]
) -> tuple[str, bytes]:
    """(mutation name, body): a valid event's JSON changed in one way, at the JSON or byte level.

    The result may still be a valid event (an extra field, a value that happens to fit); the test
    asks `parse_event` what it is and expects the listener to agree.
    """
    event = draw(valid_events)
    body = ev.encode_event(event)
    document = msgspec.json.decode(body)
    paths = _paths(document)
    kind = draw(
        st.sampled_from(
            [
                "drop a field",
                "replace a value",
                "add a field",
                "change the type",
                "swap the data",
                "truncate",
                "flip a byte",
                "insert bytes",
                "wrap in a list",
                "nest deeply",
            ]
        )
    )
    if kind == "drop a field":
        path = draw(st.sampled_from(paths))
        parent = _parent(document, path)
        del parent[path[-1]]
    elif kind == "replace a value":
        path = draw(st.sampled_from(paths))
        _parent(document, path)[path[-1]] = draw(json_values)
    elif kind == "add a field":
        document[draw(text)] = draw(json_values)
        if isinstance(document.get("data"), dict):
            document["data"][draw(text)] = draw(json_values)
    elif kind == "change the type":
        document["type"] = draw(st.sampled_from(sorted(ev.KNOWN_TYPES)) | text | json_values)
    elif kind == "swap the data":
        other = msgspec.json.decode(ev.encode_event(draw(valid_events)))
        document["data"] = other["data"]
    elif kind == "wrap in a list":
        document = [document]
    if kind == "nest deeply":
        # Built as bytes: msgspec cannot encode what is deeper than Python's recursion limit.
        depth = draw(st.integers(10, 20_000))
        data = msgspec.json.encode(document.pop("data"))
        head = msgspec.json.encode(document)[:-1]
        separator = b"," if len(head) > 1 else b""
        return kind, head + separator + b'"data":' + b'{"x":' * depth + data + b"}" * depth + b"}"
    if kind in {"truncate", "flip a byte", "insert bytes"}:
        position = draw(st.integers(0, len(body)))
        if kind == "truncate":
            return kind, body[:position]
        if kind == "flip a byte":
            if not body:
                return kind, body
            position = min(position, len(body) - 1)
            flipped = body[position] ^ draw(st.integers(1, 255))
            return kind, body[:position] + bytes([flipped]) + body[position + 1 :]
        return kind, body[:position] + draw(st.binary(min_size=1, max_size=16)) + body[position:]
    return kind, msgspec.json.encode(document)


@dataclass(frozen=True, slots=True)
class HeaderCase:
    """Headers to send, and the answer they must get: an exact status, or a set to choose from."""

    mutation: str
    headers: dict[str, str]
    expected: frozenset[int]

    @property
    def accepted(self) -> bool:
        return self.expected == frozenset({204})


_visible_ascii = st.text(
    st.characters(min_codepoint=33, max_codepoint=126), min_size=1, max_size=60
)


@st.composite
def header_cases(
    draw: st.DrawFn, body: bytes, webhook_id: str, now: int, secret: str, wrong_secret: str
) -> HeaderCase:
    """Valid Standard Webhooks headers for `body` with one mutation, and the expected answer."""
    good = signing.headers(secret, webhook_id, now, body)
    kind = draw(
        st.sampled_from(
            [
                "untouched",
                "drop a header",
                "wrong secret",
                "signed then re-timed",
                "signed with a skewed timestamp",
                "timestamp not a number",
                "signature version",
                "garbled signature",
                "several signatures, one good",
                "several signatures, none good",
                "other content type",
                "content type with parameters",
                "huge header",
                "odd webhook-id",
            ]
        )
    )
    headers = dict(good)
    refused = frozenset({401})
    if kind == "untouched":
        return HeaderCase(kind, headers, frozenset({204}))
    if kind == "drop a header":
        name = draw(st.sampled_from(["webhook-id", "webhook-timestamp", "webhook-signature"]))
        del headers[name]
        return HeaderCase(f"{kind} ({name})", headers, refused)
    if kind == "wrong secret":
        return HeaderCase(kind, signing.headers(wrong_secret, webhook_id, now, body), refused)
    if kind == "signed then re-timed":
        offset = draw(st.integers(-10_000, 10_000).filter(bool))
        headers["webhook-timestamp"] = str(now + offset)
        return HeaderCase(kind, headers, refused)
    if kind == "signed with a skewed timestamp":
        offset = draw(st.integers(-2 * signing.TOLERANCE_SECONDS, 2 * signing.TOLERANCE_SECONDS))
        headers = signing.headers(secret, webhook_id, now + offset, body)
        within = abs(offset) <= signing.TOLERANCE_SECONDS
        return HeaderCase(kind, headers, frozenset({204}) if within else refused)
    if kind == "timestamp not a number":
        headers["webhook-timestamp"] = draw(_visible_ascii.filter(lambda s: not s.isdigit()))
        return HeaderCase(kind, headers, refused)
    if kind == "signature version":
        version = draw(st.sampled_from(["v2", "v1a", "V1", "", "v0"]))
        headers["webhook-signature"] = headers["webhook-signature"].replace("v1,", f"{version},", 1)
        return HeaderCase(kind, headers, refused)
    if kind == "garbled signature":
        headers["webhook-signature"] = draw(_visible_ascii)
        return HeaderCase(kind, headers, refused)
    if kind == "several signatures, one good":
        others = draw(st.lists(_visible_ascii, min_size=1, max_size=4))
        entries = [*others, good["webhook-signature"]]
        order = draw(st.permutations(entries))
        headers["webhook-signature"] = " ".join(order)
        return HeaderCase(kind, headers, frozenset({204}))
    if kind == "several signatures, none good":
        others = draw(st.lists(_visible_ascii, min_size=1, max_size=4))
        wrong = signing.sign(wrong_secret, webhook_id, now, body)
        headers["webhook-signature"] = " ".join([*others, wrong])
        return HeaderCase(kind, headers, refused)
    if kind == "other content type":
        headers["content-type"] = draw(
            st.sampled_from(
                ["text/plain", "application/xml", "application/jsonx", "multipart/form-data"]
            )
        )
        return HeaderCase(kind, headers, frozenset({415}))
    if kind == "content type with parameters":
        headers["content-type"] = "application/json; charset=utf-8"
        return HeaderCase(kind, headers, frozenset({204}))
    if kind == "huge header":
        name = draw(st.sampled_from(["webhook-id", "webhook-signature", "x-padding"]))
        headers[name] = "a" * draw(st.integers(9_000, 40_000))
        # aiohttp refuses an over-long header line itself (400 or 431).
        return HeaderCase(f"{kind} ({name})", headers, frozenset({400, 401, 431}))
    # "odd webhook-id": any visible text is a valid id when it is signed as such.
    odd_id = draw(_visible_ascii)
    # Seen before (hypothesis repeats ids): acknowledged again (200), not applied twice.
    return HeaderCase(kind, signing.headers(secret, odd_id, now, body), frozenset({204, 200}))
