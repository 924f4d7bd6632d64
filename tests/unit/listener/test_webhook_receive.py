"""WebhookListener.receive without HTTP: the status for each kind of message, and no crash on any."""

from __future__ import annotations

import base64

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from konnekta_desktop.domain import PbxEvent, UserRemoval
from konnekta_desktop.konnekta import signing
from konnekta_desktop.konnekta.events import UserRemoved, UserRemovedData, encode_event
from konnekta_desktop.listener import WebhookListener

SECRET = signing.SECRET_PREFIX + base64.b64encode(bytes(range(32))).decode()
NOW = 1_750_000_000


def _listener(received: list[PbxEvent]) -> WebhookListener:
    return WebhookListener(received.append, secret=SECRET, clock=lambda: float(NOW))


def _signed(body: bytes, webhook_id: str = "msg_1") -> tuple[str, str, str]:
    headers = signing.headers(SECRET, webhook_id, NOW, body)
    return headers["webhook-id"], headers["webhook-timestamp"], headers["webhook-signature"]


def test_a_signed_event_is_handed_on_with_204_as_the_update_it_reports() -> None:
    received: list[PbxEvent] = []
    event = UserRemoved(timestamp="2025-06-15T12:00:00Z", data=UserRemovedData(user_id="u1"))
    body = encode_event(event)
    assert _listener(received).receive(*_signed(body), body).status == 204
    assert received == [UserRemoval(user_id="u1")]


@pytest.mark.parametrize(
    "body",
    [b'{"type": "user.removed", "timestamp": "x", "data": {', b"", b"not json", b"\xff\xfe"],
    ids=["truncated", "empty", "garbage", "not-utf8"],
)
def test_a_signed_body_that_is_not_json_is_acknowledged_and_not_used(body: bytes) -> None:
    """Signed and fresh means Konnekta sent it; a refusal would stall the events behind it."""
    received: list[PbxEvent] = []
    listener = _listener(received)
    assert listener.receive(*_signed(body), body).status == 202
    assert received == []
    assert listener.stats.unusable == 1


@pytest.mark.parametrize(
    "body",
    [
        b"[1, 2]",
        b'{"type": 7}',
        b'{"timestamp": "x", "data": {}}',
        b'{"type": "user.removed", "timestamp": "x", "data": {}}',
        b'{"type": "user.removed", "timestamp": "x", "data": {"user_id": 5}}',
    ],
    ids=["array", "type-not-text", "no-type", "missing-field", "wrong-field-type"],
)
def test_signed_json_that_is_not_a_valid_event_is_acknowledged_and_not_used(body: bytes) -> None:
    received: list[PbxEvent] = []
    listener = _listener(received)
    assert listener.receive(*_signed(body), body).status == 202
    assert received == []
    assert listener.stats.unusable == 1


def test_a_redelivered_event_is_acknowledged_and_applied_once() -> None:
    """Hardening the connection, item 1: a redelivery (our 2xx was lost) was refused with 409,
    and the sender, retrying in order, held every later event behind it for good."""
    received: list[PbxEvent] = []
    listener = _listener(received)
    body = encode_event(
        UserRemoved(timestamp="2025-06-15T12:00:00Z", data=UserRemovedData(user_id="u1"))
    )
    assert listener.receive(*_signed(body, "msg_7"), body).status == 204
    assert 200 <= listener.receive(*_signed(body, "msg_7"), body).status < 300
    assert received == [UserRemoval(user_id="u1")]
    assert listener.stats.redelivered == 1


def test_setting_the_same_secret_twice_keeps_the_previous_one_valid() -> None:
    old = SECRET
    new = signing.SECRET_PREFIX + base64.b64encode(bytes(32)).decode()
    listener = WebhookListener(lambda _: None, secret=old, clock=lambda: float(NOW))
    listener.set_secret(new)
    listener.set_secret(new)  # a renewal that re-sends the same secret
    body = encode_event(
        UserRemoved(timestamp="2025-06-15T12:00:00Z", data=UserRemovedData(user_id="u1"))
    )
    assert listener.receive(*_signed(body), body).status == 204


def test_the_listener_repr_shows_no_secret() -> None:
    listener = _listener([])
    assert SECRET not in repr(listener)
    assert SECRET.removeprefix(signing.SECRET_PREFIX) not in repr(listener)


@settings(max_examples=200, deadline=None)
@given(
    webhook_id=st.one_of(st.none(), st.text(max_size=20)),
    timestamp=st.one_of(st.none(), st.text(max_size=12), st.integers().map(str)),
    signature=st.one_of(st.none(), st.text(max_size=60)),
    body=st.binary(max_size=200),
)
def test_no_message_makes_the_listener_fail_or_answer_5xx(
    webhook_id: str | None, timestamp: str | None, signature: str | None, body: bytes
) -> None:
    status = _listener([]).receive(webhook_id, timestamp, signature, body).status
    assert 200 <= status < 500


@settings(max_examples=100, deadline=None)
@given(body=st.binary(max_size=300))
def test_signed_arbitrary_bodies_never_answer_5xx(body: bytes) -> None:
    status = _listener([]).receive(*_signed(body), body).status
    assert status in {202, 204, 400, 422}


def test_signed_events_refused_for_their_time_are_counted_in_a_row_until_one_is_taken() -> None:
    """Hardening the connection, item 3: refusals for time showed only as log warnings; three in
    a row now reach the status (`core/konnekta_clock.clock_warning`). An unsigned request with a
    stale time is not Konnekta's, and does not count."""
    listener = _listener([])
    body = encode_event(
        UserRemoved(timestamp="2025-06-15T12:00:00Z", data=UserRemovedData(user_id="u1"))
    )
    stale = NOW - 900
    for number in range(3):
        headers = signing.headers(SECRET, f"old_{number}", stale, body)
        answer = listener.receive(
            headers["webhook-id"], headers["webhook-timestamp"], headers["webhook-signature"], body
        )
        assert answer.status == 401
    forged = listener.receive("forged", str(stale), "v1,bm90IGEgc2lnbmF0dXJl", body)
    assert forged.status == 401
    assert (listener.stats.stale_in_a_row, listener.stats.stale_seconds_off) == (3, 900)

    assert listener.receive(*_signed(body, "fresh"), body).status == 204
    assert listener.stats.stale_in_a_row == 0
