"""Generated webhook requests against the real listener over loopback (a `ListenerThread` on port 0).

Every event type, valid and mutated, and mutated Standard Webhooks headers. The listener's answer
must agree with what `parse_event` and the signature rules say; it never answers 5xx, it stays up,
and a valid event sent afterwards still reaches the model.
"""

from __future__ import annotations

import msgspec
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from konnekta_desktop.konnekta.events import EventError, UnknownEvent, encode_event, parse_event
from tests.reliability import strategies as gen
from tests.reliability.support import NOW, SECRET, WRONG_SECRET, LiveListener, tally, tenant_user_ids

# One HTTP round trip per example; these counts keep the module to a few seconds here. The slow
# variants in test_fuzz_long.py run ten times as many.
FUZZ = settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=True,
)
KNOWN_USERS = tenant_user_ids()  # the tenant the listener fixture's model holds


def _wait_for_delivery(listener: LiveListener, count: int) -> None:
    assert listener.app.wait_for(lambda: len(listener.app.events) >= count)


def check_valid_events(listener: LiveListener, event: gen.ev.KnownEvent) -> None:
    body = encode_event(event)
    before = len(listener.app.events)
    response = listener.post_signed(body)
    tally["listener: valid event of each type"] += 1
    assert response.status_code == 204, response.text
    _wait_for_delivery(listener, before + 1)
    assert listener.app.events[before] == event
    assert not listener.app.model_errors, listener.app.model_errors


def check_mutated_body(listener: LiveListener, mutation: tuple[str, bytes]) -> None:
    _kind, body = mutation
    tally["listener: mutated payload"] += 1
    try:
        expected_event = parse_event(body)
    except EventError:
        expected_event = None
    try:
        msgspec.json.decode(body)
        is_json = True
    except msgspec.DecodeError:
        is_json = False
    before = len(listener.app.events)
    response = listener.post_signed(body)
    if expected_event is None:
        assert response.status_code == (422 if is_json else 400), response.text
    elif isinstance(expected_event, UnknownEvent):
        assert response.status_code == 202
    else:
        assert response.status_code == 204, response.text
        _wait_for_delivery(listener, before + 1)
        assert listener.app.events[before] == expected_event
    assert not listener.app.model_errors, listener.app.model_errors


def check_mutated_headers(listener: LiveListener, data: st.DataObject) -> None:
    event = data.draw(gen.events(KNOWN_USERS))
    body = encode_event(event)
    case = data.draw(gen.header_cases(body, listener.next_id(), NOW, SECRET, WRONG_SECRET))
    tally["listener: mutated headers"] += 1
    before = len(listener.app.events)
    response = listener.post(body, case.headers)
    assert response.status_code in case.expected, (case.mutation, response.text)
    if response.status_code == 204:
        _wait_for_delivery(listener, before + 1)
        assert listener.app.events[before] == event
    else:
        # Nothing refused may reach the model; a valid event after it must.
        listener.assert_still_processes_a_valid_event()
        assert event not in listener.app.events[before:]


@FUZZ
@given(event=gen.events(KNOWN_USERS))
def test_every_valid_event_type_is_accepted_and_reaches_the_model_unchanged(
    listener: LiveListener, event: gen.ev.KnownEvent
) -> None:
    check_valid_events(listener, event)


@FUZZ
@given(mutation=gen.mutated_bodies(KNOWN_USERS))
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
    response = listener.post_signed(body)
    assert 400 <= response.status_code < 500 or response.status_code in (202, 204)


def test_after_the_fuzzing_the_listener_is_up_and_processes_a_valid_event(
    listener: LiveListener,
) -> None:
    listener.assert_still_processes_a_valid_event()
    stats = listener.thread.listener.stats
    assert 500 not in stats.refused_by_status
    assert not listener.app.model_errors
