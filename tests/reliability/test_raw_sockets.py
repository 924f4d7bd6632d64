"""The listener at the TCP level: random bytes, half-sent requests, 500 idle connections, and memory
that stays bounded under a long stream of bad requests.

After each: the listener is up, answers 4xx (never 5xx), and a valid event sent afterwards
reaches the model.
"""

from __future__ import annotations

import gc
import logging
import socket
import time
import tracemalloc
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from konnekta_desktop.konnekta import signing
from konnekta_desktop.konnekta.events import UserRemoved, UserRemovedData, encode_event
from konnekta_desktop.listener.server import MAX_BODY_BYTES
from konnekta_desktop.listener.thread import SHUTDOWN_SECONDS
from tests.reliability.support import (
    NOW,
    WRONG_SECRET,
    LiveListener,
    live_listener,
    tally,
)

RAW = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=True,
)
SOCKET_TIMEOUT = 5.0


@pytest.fixture(autouse=True, scope="module")
def quiet_refusals() -> Iterator[None]:
    """Each refusal logs a warning (tested elsewhere); thousands of them would only slow this."""
    logger = logging.getLogger("konnekta_desktop.listener")
    level = logger.level
    logger.setLevel(logging.ERROR)
    yield
    logger.setLevel(level)


def _connect(port: int) -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", port), timeout=SOCKET_TIMEOUT)
    sock.settimeout(SOCKET_TIMEOUT)
    return sock


def _exchange(port: int, data: bytes) -> bytes:
    """Send `data`, say we are done writing, and read whatever comes back until the server closes."""
    with _connect(port) as sock:
        sock.sendall(data)
        sock.shutdown(socket.SHUT_WR)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


def _statuses(answer: bytes) -> list[int]:
    """Status codes of every HTTP response in the bytes read (pipelined garbage may get several)."""
    found = []
    for line in answer.split(b"\r\n"):
        if line.startswith(b"HTTP/1."):
            found.append(int(line.split()[1]))
    return found


request_starts = st.sampled_from(
    [
        b"",
        b"POST /webhook HTTP/1.1\r\n",
        b"POST /webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n",
        b"POST /webhook HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n",
        b"GET /health HTTP/1.1\r\n",
    ]
)


@RAW
@given(start=request_starts, noise=st.binary(min_size=1, max_size=2048))
def test_random_bytes_on_a_raw_socket_get_4xx_or_a_closed_connection_never_5xx(
    listener: LiveListener, start: bytes, noise: bytes
) -> None:
    tally["raw socket: random bytes"] += 1
    answer = _exchange(listener.port, start + noise)
    assert all(status < 500 for status in _statuses(answer)), answer[:300]


@RAW
@given(body=st.binary(max_size=4096), declared_extra=st.integers(-50, 50))
def test_a_wrong_content_length_never_gets_5xx(
    listener: LiveListener, body: bytes, declared_extra: int
) -> None:
    tally["raw socket: wrong Content-Length"] += 1
    length = max(0, len(body) + declared_extra)
    head = (
        b"POST /webhook HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        b"Content-Length: %d\r\n\r\n" % length
    )
    answer = _exchange(listener.port, head + body)
    assert all(status < 500 for status in _statuses(answer)), answer[:300]


def test_after_the_raw_fuzzing_a_valid_event_is_processed(listener: LiveListener) -> None:
    listener.assert_still_processes_a_valid_event()


HALF_SENT = {
    "request line cut": b"POS",
    "headers not finished": b"POST /webhook HTTP/1.1\r\nHost: x\r\nContent-Type: applic",
    "body shorter than Content-Length": (
        b"POST /webhook HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        b'Content-Length: 1000\r\n\r\n{"type": "user.'
    ),
    "chunk cut": (
        b"POST /webhook HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        b'Transfer-Encoding: chunked\r\n\r\n400\r\n{"type"'
    ),
}


def test_half_sent_requests_do_not_block_events_or_shutdown() -> None:
    with live_listener() as fresh:
        held: list[socket.socket] = []
        try:
            for data in HALF_SENT.values():
                for _ in range(25):
                    sock = _connect(fresh.port)
                    sock.sendall(data)
                    held.append(sock)
                    tally["raw socket: half-sent request"] += 1
            fresh.assert_still_processes_a_valid_event()
            started = time.monotonic()
            fresh.thread.stop()
            # stop() gives requests in progress SHUTDOWN_SECONDS, then drops them.
            assert time.monotonic() - started < SHUTDOWN_SECONDS + 3
            assert not fresh.thread.addresses or not _port_open(fresh.port)
        finally:
            for sock in held:
                sock.close()


def _port_open(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
    except OSError:
        return False
    return True


def _traced_bytes() -> int:
    gc.collect()
    return tracemalloc.get_traced_memory()[0]


# What 500 idle connections may cost in the listener: aiohttp's protocol, transport and parser
# objects per connection, measured at ~6 KiB each here (3 MiB in all). 16 KiB each (8 MiB) would
# mean something buffers per connection.
IDLE_CONNECTIONS = 500
IDLE_BOUND_BYTES = 8 * 1024 * 1024
# After they are closed everything they held must be released, up to allocator noise.
RELEASED_BOUND_BYTES = 512 * 1024


def test_500_idle_connections_cost_bounded_memory_and_events_still_flow() -> None:
    with live_listener() as fresh:
        fresh.assert_still_processes_a_valid_event()
        tracemalloc.start()
        try:
            baseline = _traced_bytes()
            idle = [_connect(fresh.port) for _ in range(IDLE_CONNECTIONS)]
            tally["raw socket: idle connection"] += len(idle)
            fresh.assert_still_processes_a_valid_event()
            assert fresh.client.get(f"http://127.0.0.1:{fresh.port}/health").status_code == 200
            held = _traced_bytes() - baseline
            for sock in idle:
                sock.shutdown(socket.SHUT_WR)
            for sock in idle:
                # The server closing its side is what tells us it let go of the connection.
                assert sock.recv(1) == b""
                sock.close()
            fresh.assert_still_processes_a_valid_event()
            released = _traced_bytes() - baseline
        finally:
            tracemalloc.stop()
    print(
        f"500 idle connections: {held / 1024:.0f} KiB held "
        f"({held / IDLE_CONNECTIONS:.0f} B each), {released / 1024:.0f} KiB left after closing"
    )
    assert held < IDLE_BOUND_BYTES
    assert released < RELEASED_BOUND_BYTES


def _bad_requests(listener: LiveListener, round_number: int) -> None:
    """One round: 50 each of garbage, bad signatures, oversize bodies, unknown types, plus 50 valid
    events with fresh ids (those are remembered by the replay guard, by design)."""
    event = encode_event(
        UserRemoved(timestamp="2025-06-15T12:00:00Z", data=UserRemovedData(user_id="nobody"))
    )
    oversize = b"{" + b" " * (MAX_BODY_BYTES + 10) + b"}"
    for i in range(50):
        listener.post_signed(b"\x00garbage" * (i + 1))
        listener.post(event, signing.headers(WRONG_SECRET, listener.next_id(), NOW, event))
        assert listener.post_signed(oversize).status_code == 413
        listener.post_signed(b'{"type": "no.such.type", "data": {"pad": "%d"}}' % i)
        assert listener.post_signed(event).status_code == 204
    tally["memory rounds: requests"] += 250


# Per round the listener may keep 50 replay ids (~200 B each with the OrderedDict entry) and the
# log-once set; anything proportional to the bytes received (50 MiB of oversize bodies a round)
# or to the refused requests would exceed this by orders of magnitude.
GROWTH_BOUND_BYTES = 1024 * 1024


def test_memory_stays_bounded_under_rounds_of_bad_requests() -> None:
    with live_listener() as fresh:
        tracemalloc.start()
        try:
            _bad_requests(fresh, 0)  # warm-up: lazy imports, caches, the connection pool
            fresh.app.events.clear()
            after_first = _traced_bytes()
            for round_number in range(1, 5):
                _bad_requests(fresh, round_number)
                fresh.app.events.clear()  # our stand-in app keeps events; the real model does not
            growth = _traced_bytes() - after_first
        finally:
            tracemalloc.stop()
        fresh.assert_still_processes_a_valid_event()
    print(f"4 rounds of 250 bad and valid requests: {growth / 1024:.0f} KiB growth")
    assert growth < GROWTH_BOUND_BYTES
