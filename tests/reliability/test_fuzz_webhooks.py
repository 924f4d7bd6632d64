"""Generated webhook requests against the real listener over loopback (a `ListenerThread` on port 0).

Every event type, valid and mutated, and mutated Standard Webhooks headers. The listener's answer
must agree with what `parse_event` and the signature rules say; it never answers 5xx, it stays up,
and a valid event sent afterwards still reaches the model.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from konnekta_desktop.konnekta import translate
from konnekta_desktop.konnekta.events import (
    EventError,
    KnownEvent,
    UnknownEvent,
    encode_event,
    parse_event,
)
from tests.reliability import strategies as gen
from tests.reliability.support import (
    NOW,
    SECRET,
    WRONG_SECRET,
    LiveListener,
    tally,
    tenant_user_ids,
)

# One HTTP round trip per example; these counts keep the module to ~15 s here. The long variants
# at the end run ten times as many (KONNEKTA_FUZZ_LONG=1, about two minutes).
FUZZ = settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=True,
)
EVENTS = gen.events(tenant_user_ids())  # users of the listener fixture's model, and strangers


@pytest.fixture(autouse=True, scope="module")
def quiet_refusals() -> Iterator[None]:
    """Each refusal logs a warning (tested elsewhere); thousands of them would only slow this."""
    logger = logging.getLogger("konnekta_desktop.listener")
    level = logger.level
    logger.setLevel(logging.ERROR)
    yield
    logger.setLevel(level)


def _wait_for_delivery(listener: LiveListener, count: int) -> None:
    assert listener.app.wait_for(lambda: len(listener.app.events) >= count)


def check_valid_events(listener: LiveListener, event: KnownEvent) -> None:
    body = encode_event(event)
    before = len(listener.app.events)
    response = listener.post_signed(body)
    tally["listener: valid event of each type"] += 1
    assert response.status_code == 204, response.text
    _wait_for_delivery(listener, before + 1)
    assert listener.app.events[before] == translate.event(event)
    assert not listener.app.model_errors, listener.app.model_errors


def predicted_answer(body: bytes) -> tuple[int, KnownEvent | None]:
    """The answer docs/listener.md promises for this signed body, and the event it carries."""
    try:
        event = parse_event(body)
    except EventError:
        return 202, None  # signed and fresh: acknowledged, not used
    if isinstance(event, UnknownEvent):
        return 202, None
    return 204, event


def check_mutated_body(listener: LiveListener, mutation: tuple[str, bytes]) -> None:
    kind, body = mutation
    tally["listener: mutated payload"] += 1
    status, event = predicted_answer(body)
    before = len(listener.app.events)
    response = listener.post_signed(body)
    assert response.status_code == status, (kind, response.text)
    if event is not None:
        _wait_for_delivery(listener, before + 1)
        assert listener.app.events[before] == translate.event(event)
    assert not listener.app.model_errors, listener.app.model_errors


def check_mutated_headers(listener: LiveListener, data: st.DataObject) -> None:
    event = data.draw(EVENTS)
    body = encode_event(event)
    case = data.draw(gen.header_cases(body, listener.next_id(), NOW, SECRET, WRONG_SECRET))
    tally["listener: mutated headers"] += 1
    before = len(listener.app.events)
    response = listener.post(body, case.headers)
    assert response.status_code in case.expected, (case.mutation, response.text)
    if response.status_code == 204:
        _wait_for_delivery(listener, before + 1)
        assert listener.app.events[before] == translate.event(event)
    else:
        # Nothing refused may reach the model; a valid event after it must.
        listener.assert_still_processes_a_valid_event()
        assert translate.event(event) not in listener.app.events[before:]


@FUZZ
@given(event=EVENTS)
def test_every_valid_event_type_is_accepted_and_reaches_the_model_unchanged(
    listener: LiveListener, event: KnownEvent
) -> None:
    check_valid_events(listener, event)


@FUZZ
@given(mutation=gen.mutated_bodies(EVENTS))
def test_a_mutated_payload_gets_the_answer_parse_event_predicts_and_never_a_5xx(
    listener: LiveListener, mutation: tuple[str, bytes]
) -> None:
    check_mutated_body(listener, mutation)


@FUZZ
@given(data=st.data())
def test_mutated_signature_headers_are_refused_unless_still_valid(
    listener: LiveListener, data: st.DataObject
) -> None:
    check_mutated_headers(listener, data)


@FUZZ
@given(body=st.binary(max_size=4096))
def test_signed_random_bytes_are_refused_with_4xx(listener: LiveListener, body: bytes) -> None:
    tally["listener: signed random bytes"] += 1
    status, _event = predicted_answer(body)
    assert listener.post_signed(body).status_code == status


def test_after_the_fuzzing_the_listener_is_up_and_processes_a_valid_event(
    listener: LiveListener,
) -> None:
    listener.assert_still_processes_a_valid_event()
    stats = listener.thread.listener.stats
    assert 500 not in stats.refused_by_status
    assert not listener.app.model_errors


@pytest.mark.parametrize(
    "body",
    [
        b'{"type": "\xe4"}',
        b'{"type": "user.removed", "timestamp": "\xf5", "data": {"user_id": "u"}}',
        b'{"\xe4": 1}',
    ],
    ids=["in-the-type", "in-a-value", "in-a-key"],
)
def test_invalid_utf8_inside_a_signed_json_string_is_acknowledged_and_not_used(
    listener: LiveListener, body: bytes
) -> None:
    tally["listener: invalid UTF-8 and deep nesting probes"] += 1
    assert listener.post_signed(body).status_code == 202
    listener.assert_still_processes_a_valid_event()


@pytest.mark.parametrize("kind", ["known-type", "unknown-type"])
def test_signed_json_nested_deeper_than_the_recursion_limit_is_acknowledged_not_used(
    listener: LiveListener, kind: str
) -> None:
    tally["listener: invalid UTF-8 and deep nesting probes"] += 1
    depth = 10_000
    event_type = b"user.removed" if kind == "known-type" else b"zzz"
    body = b'{"type":"%s","timestamp":"x","data":%s1%s}' % (
        event_type,
        b'{"x":' * depth,
        b"}" * depth,
    )
    assert listener.post_signed(body).status_code == 202
    listener.assert_still_processes_a_valid_event()


LONG = settings(FUZZ, max_examples=3000)
long_fuzz = pytest.mark.skipif(
    not os.environ.get("KONNEKTA_FUZZ_LONG"), reason="set KONNEKTA_FUZZ_LONG=1 to run"
)


@pytest.mark.slow
@long_fuzz
@pytest.mark.timeout(600)
@LONG
@given(mutation=gen.mutated_bodies(EVENTS))
def test_long_a_mutated_payload_gets_the_answer_parse_event_predicts(
    listener: LiveListener, mutation: tuple[str, bytes]
) -> None:
    check_mutated_body(listener, mutation)


@pytest.mark.slow
@long_fuzz
@pytest.mark.timeout(600)
@LONG
@given(data=st.data())
def test_long_mutated_signature_headers_are_refused_unless_still_valid(
    listener: LiveListener, data: st.DataObject
) -> None:
    check_mutated_headers(listener, data)
