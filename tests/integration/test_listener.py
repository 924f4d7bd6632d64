"""The webhook listener over real loopback HTTP, on its own thread, with real signatures.

Each bad request gets its 4xx and exactly one log line, and the valid event sent right after it is
still delivered. Events reach the app's loop in arrival order, a burst in few `deliver` calls.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import gc
import io
import itertools
import logging
import socket
import threading
import warnings
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import aiohttp
import msgspec
import pytest

from konnekta_desktop.domain import PbxEvent
from konnekta_desktop.konnekta import signing, translate
from konnekta_desktop.konnekta.events import (
    CallAnswered,
    CallEnded,
    CallerIdChanged,
    CallerIdData,
    CallRinging,
    DiversionChanged,
    DiversionData,
    KnownEvent,
    PresenceChanged,
    PresenceData,
    UserAdded,
    UserChanged,
    UserRemoved,
    UserRemovedData,
    encode_event,
)
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
    User,
)
from konnekta_desktop.listener import ListenerThread
from konnekta_desktop.listener.server import MAX_BODY_BYTES, WEBHOOK_PATH
from konnekta_desktop.serving import address_option

SECRET = signing.SECRET_PREFIX + base64.b64encode(bytes(range(32))).decode()
OTHER_SECRET = signing.SECRET_PREFIX + base64.b64encode(bytes(range(32, 64))).decode()
THIRD_SECRET = signing.SECRET_PREFIX + base64.b64encode(bytes(range(64, 96))).decode()
START = 1_750_000_000.0
WAIT_SECONDS = 5


class FakeClock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> float:
        return self.now


def _call(state: CallState, call_id: str = "c1") -> Call:
    return Call(
        call_id=call_id,
        user_id="u1",
        state=state,
        direction=Direction.INBOUND,
        caller="+4570000001",
        called="+4533000000",
        queue="+4533000010",
        callback=True,
        device=CallingDevice.LOCAL,
        started_at=START - 5,
        answered_at=START - 2 if state is not CallState.RINGING else None,
    )


def _user(name: str) -> User:
    line = Line(
        role=LineRole.PRIMARY,
        type=LineType.FIXED,
        number="+4533000001",
        aliases=(Alias(number="201", short_number=True),),
    )
    return User(id="u2", username="anna", name=name, lines=(line,), devices=(CallingDevice.LOCAL,))


WHEN = "2025-06-15T12:00:00Z"
EVERY_EVENT_TYPE: list[KnownEvent] = [
    CallRinging(timestamp=WHEN, data=_call(CallState.RINGING)),
    CallAnswered(timestamp=WHEN, data=_call(CallState.ANSWERED)),
    CallEnded(timestamp=WHEN, data=_call(CallState.ENDED)),
    PresenceChanged(
        timestamp=WHEN,
        data=PresenceData(user_id="u1", activity_id="a7", availability=Availability.UNAVAILABLE),
    ),
    DiversionChanged(timestamp=WHEN, data=DiversionData(user_id="u1", number="+4520000000")),
    CallerIdChanged(timestamp=WHEN, data=CallerIdData(user_id="u1", number=None)),
    UserAdded(timestamp=WHEN, data=_user("Anna")),
    UserChanged(timestamp=WHEN, data=_user("Anna B.")),
    UserRemoved(timestamp=WHEN, data=UserRemovedData(user_id="u2")),
]


def _presence(number: int) -> PresenceChanged:
    return PresenceChanged(
        timestamp=WHEN,
        data=PresenceData(
            user_id=f"u{number}", activity_id=None, availability=Availability.AVAILABLE
        ),
    )


def updates(*events: KnownEvent) -> list[PbxEvent]:
    """What the listener hands on for these webhook events: the updates they report."""
    return [translate.event(event) for event in events]


@dataclass
class Inbox:
    """What `deliver` hands the app's loop; a test awaits a count instead of sleeping."""

    batches: list[list[PbxEvent]] = field(default_factory=list)
    _arrived: asyncio.Event = field(default_factory=asyncio.Event)

    def deliver(self, batch: Sequence[PbxEvent]) -> None:
        self.batches.append(list(batch))
        self._arrived.set()

    @property
    def events(self) -> list[PbxEvent]:
        return [event for batch in self.batches for event in batch]

    async def wait_for(self, count: int) -> list[PbxEvent]:
        async with asyncio.timeout(WAIT_SECONDS):
            while len(self.events) < count:
                self._arrived.clear()
                await self._arrived.wait()
        return self.events


@dataclass
class Sender:
    """Posts webhook messages the way Konnekta does, with a fresh webhook-id each time."""

    session: aiohttp.ClientSession
    url: str
    clock: FakeClock
    ids: Iterator[int] = field(default_factory=itertools.count)

    def next_id(self) -> str:
        return f"msg_{next(self.ids)}"

    async def post(
        self,
        body: bytes,
        *,
        secret: str = SECRET,
        webhook_id: str | None = None,
        sent_at: int | None = None,
        headers: dict[str, str] | None = None,
    ) -> int:
        if headers is None:
            stamp = int(self.clock()) if sent_at is None else sent_at
            headers = signing.headers(secret, webhook_id or self.next_id(), stamp, body)
        async with self.session.post(self.url, data=body, headers=headers) as response:
            await response.read()
            return response.status

    async def send(self, event: KnownEvent, **options: object) -> int:
        return await self.post(encode_event(event), **options)  # type: ignore[arg-type]


@dataclass
class Running:
    thread: ListenerThread
    inbox: Inbox
    sender: Sender
    clock: FakeClock


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


async def _start(clock: FakeClock, secret: str | None) -> AsyncIterator[Running]:
    inbox = Inbox()
    thread = ListenerThread("127.0.0.1", 0, inbox.deliver, asyncio.get_running_loop(), clock)
    thread.start()
    if secret is not None:
        thread.listener.set_secret(secret)
    try:
        async with aiohttp.ClientSession() as session:
            url = f"http://127.0.0.1:{thread.port}{WEBHOOK_PATH}"
            yield Running(thread, inbox, Sender(session, url, clock), clock)
    finally:
        thread.stop()


@pytest.fixture
async def running(clock: FakeClock) -> AsyncIterator[Running]:
    async for ready in _start(clock, SECRET):
        yield ready


@pytest.fixture
async def without_secret(clock: FakeClock) -> AsyncIterator[Running]:
    async for ready in _start(clock, None):
        yield ready


async def test_an_event_of_every_type_is_delivered_in_order(running: Running) -> None:
    for event in EVERY_EVENT_TYPE:
        assert await running.sender.send(event) == 204
    assert await running.inbox.wait_for(len(EVERY_EVENT_TYPE)) == updates(*EVERY_EVENT_TYPE)
    assert running.thread.listener.stats.accepted == len(EVERY_EVENT_TYPE)


async def test_a_burst_reaches_a_busy_app_loop_in_one_call_in_arrival_order(
    clock: FakeClock,
) -> None:
    # The app's loop runs on its own thread here so that it can be held busy (as a long paint
    # would hold it) while the burst arrives; sending one after another over one keep-alive
    # connection makes the arrival order the sending order.
    app_loop = asyncio.new_event_loop()
    app_thread = threading.Thread(target=app_loop.run_forever, name="app-loop")
    app_thread.start()
    busy = threading.Event()
    app_loop.call_soon_threadsafe(busy.wait)
    test_loop = asyncio.get_running_loop()
    burst = [_presence(number) for number in range(50)]
    calls: list[list[PbxEvent]] = []
    all_delivered = test_loop.create_future()

    def deliver(batch: Sequence[PbxEvent]) -> None:
        calls.append(list(batch))
        if sum(map(len, calls)) == len(burst):
            test_loop.call_soon_threadsafe(all_delivered.set_result, None)

    thread = ListenerThread("127.0.0.1", 0, deliver, app_loop, clock)
    thread.start()
    thread.listener.set_secret(SECRET)
    try:
        connector = aiohttp.TCPConnector(limit=1)
        async with aiohttp.ClientSession(connector=connector) as session:
            sender = Sender(session, f"http://127.0.0.1:{thread.port}{WEBHOOK_PATH}", clock)
            for event in burst:
                assert await sender.send(event) == 204
        busy.set()
        async with asyncio.timeout(WAIT_SECONDS):
            await all_delivered
    finally:
        busy.set()
        thread.stop()
        app_loop.call_soon_threadsafe(app_loop.stop)
        app_thread.join()
        app_loop.close()
    assert len(calls) < len(burst)
    assert len(calls) == 1
    assert [event for batch in calls for event in batch] == updates(*burst)


async def test_concurrent_events_all_arrive_once_on_the_app_loop(running: Running) -> None:
    burst = [_presence(number) for number in range(200)]
    statuses = await asyncio.gather(*(running.sender.send(event) for event in burst))
    assert set(statuses) == {204}
    delivered = await running.inbox.wait_for(len(burst))
    assert sorted(e.user_id for e in delivered) == sorted(e.data.user_id for e in burst)  # type: ignore[union-attr]
    assert all(running.inbox.batches)


# Each bad request, given the running listener's sender; returns the status it got.
BadRequest = Callable[[Sender], Awaitable[int]]
VALID_BODY = encode_event(EVERY_EVENT_TYPE[0])


async def _malformed_json(sender: Sender) -> int:
    return await sender.post(b'{"type": "call.ringing", "timestamp": ')


async def _wrong_content_type(sender: Sender) -> int:
    headers = signing.headers(SECRET, sender.next_id(), int(sender.clock()), VALID_BODY)
    headers["content-type"] = "text/plain"
    return await sender.post(VALID_BODY, headers=headers)


def _oversized_body() -> bytes:
    padding = "x" * MAX_BODY_BYTES
    return msgspec.json.encode({"type": "user.removed", "timestamp": WHEN, "padding": padding})


async def _body_over_one_mebibyte(sender: Sender) -> int:
    body = _oversized_body()
    headers = signing.headers(SECRET, sender.next_id(), int(sender.clock()), body)
    # A file-like body keeps aiohttp from warning about large raw bytes; its length is still sent.
    async with sender.session.post(sender.url, data=io.BytesIO(body), headers=headers) as response:
        assert response.request_info.headers["Content-Length"] == str(len(body))
        return response.status


async def _chunked_body_over_one_mebibyte(sender: Sender) -> int:
    body = _oversized_body()
    headers = signing.headers(SECRET, sender.next_id(), int(sender.clock()), body)

    async def chunks() -> AsyncIterator[bytes]:
        for start in range(0, len(body), 64 * 1024):
            yield body[start : start + 64 * 1024]

    async with sender.session.post(sender.url, data=chunks(), headers=headers) as response:
        return response.status


async def _missing_field(sender: Sender) -> int:
    return await sender.post(
        b'{"type": "user.removed", "timestamp": "%s", "data": {}}' % WHEN.encode()
    )


async def _field_of_wrong_type(sender: Sender) -> int:
    body = b'{"type": "user.removed", "timestamp": "%s", "data": {"user_id": 42}}' % WHEN.encode()
    return await sender.post(body)


async def _bad_signature(sender: Sender) -> int:
    return await sender.post(VALID_BODY, secret=OTHER_SECRET)


async def _tampered_body(sender: Sender) -> int:
    headers = signing.headers(SECRET, sender.next_id(), int(sender.clock()), VALID_BODY)
    return await sender.post(VALID_BODY.replace(b"u1", b"u9"), headers=headers)


async def _missing_signature_headers(sender: Sender) -> int:
    return await sender.post(VALID_BODY, headers={"content-type": "application/json"})


async def _stale_timestamp(sender: Sender) -> int:
    return await sender.post(VALID_BODY, sent_at=int(sender.clock()) - 5 * 60 - 1)


async def _timestamp_from_the_future(sender: Sender) -> int:
    return await sender.post(VALID_BODY, sent_at=int(sender.clock()) + 5 * 60 + 1)


async def _replayed_webhook_id(sender: Sender) -> int:
    assert await sender.post(encode_event(_presence(99)), webhook_id="msg_replayed") == 204
    return await sender.post(encode_event(_presence(99)), webhook_id="msg_replayed")


BAD_REQUESTS: list[tuple[BadRequest, int]] = [
    (_wrong_content_type, 415),
    (_body_over_one_mebibyte, 413),
    (_chunked_body_over_one_mebibyte, 413),
    (_bad_signature, 401),
    (_tampered_body, 401),
    (_missing_signature_headers, 401),
    (_stale_timestamp, 401),
    (_timestamp_from_the_future, 401),
]

# Signed and fresh, so sent by Konnekta: acknowledged (a refusal would stall every later event,
# as the sender retries in order), logged, and not applied.
ACKNOWLEDGED: list[tuple[BadRequest, int]] = [
    (_malformed_json, 202),
    (_missing_field, 202),
    (_field_of_wrong_type, 202),
    (_replayed_webhook_id, 200),
]


@pytest.mark.parametrize(
    ("request_", "status"), ACKNOWLEDGED, ids=[bad.__name__.strip("_") for bad, _ in ACKNOWLEDGED]
)
async def test_a_signed_event_that_cannot_be_used_is_acknowledged_and_the_next_is_processed(
    running: Running, caplog: pytest.LogCaptureFixture, request_: BadRequest, status: int
) -> None:
    caplog.set_level(logging.INFO)
    before = len(running.inbox.events)
    assert await request_(running.sender) == status
    assert running.thread.listener.stats.refused_by_status == {}
    stats = running.thread.listener.stats
    assert stats.unusable + stats.redelivered == 1
    assert "acknowledged" in caplog.text
    follow_up = _presence(1000)
    assert await running.sender.send(follow_up) == 204
    delivered = await running.inbox.wait_for(before + 1)
    assert delivered[-1] == translate.event(follow_up)
    # The replayed one was applied once, at its first delivery.
    assert delivered.count(translate.event(_presence(99))) <= 1


@pytest.mark.parametrize(
    ("bad_request", "status"),
    BAD_REQUESTS,
    ids=[bad.__name__.strip("_") for bad, _ in BAD_REQUESTS],
)
async def test_a_bad_request_is_refused_once_logged_and_the_next_event_is_processed(
    running: Running, caplog: pytest.LogCaptureFixture, bad_request: BadRequest, status: int
) -> None:
    caplog.set_level(logging.DEBUG)
    caplog.clear()
    before = len(running.inbox.events)
    assert await bad_request(running.sender) == status
    refusals = [r for r in caplog.records if "Refused" in r.getMessage()]
    assert len(refusals) == 1, caplog.text
    assert f"({status})" in refusals[0].getMessage()
    assert len(caplog.records) == 1, caplog.text
    assert running.thread.listener.stats.refused_by_status == {status: 1}

    caplog.clear()
    follow_up = _presence(1000)
    assert await running.sender.send(follow_up) == 204
    delivered = await running.inbox.wait_for(before + 1)
    assert delivered[-1] == translate.event(follow_up)
    assert caplog.records == []


async def test_a_stale_event_is_refused_when_the_clock_moves_on(
    running: Running, caplog: pytest.LogCaptureFixture
) -> None:
    body = encode_event(_presence(1))
    headers = signing.headers(SECRET, "msg_late", int(running.clock()), body)
    running.clock.now += 5 * 60 + 1  # the message sat in a queue for over five minutes
    caplog.clear()
    assert await running.sender.post(body, headers=headers) == 401
    assert len(caplog.records) == 1
    assert "webhook-timestamp" in caplog.records[0].getMessage()
    assert await running.sender.send(_presence(2)) == 204
    assert await running.inbox.wait_for(1) == updates(_presence(2))


async def test_without_a_secret_events_are_refused_until_one_is_set(
    without_secret: Running, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.clear()
    assert await without_secret.sender.send(_presence(1)) == 401
    assert len(caplog.records) == 1
    assert "no webhook subscription" in caplog.records[0].getMessage()
    without_secret.thread.listener.set_secret(SECRET)
    assert await without_secret.sender.send(_presence(2)) == 204
    assert await without_secret.inbox.wait_for(1) == updates(_presence(2))


async def test_unknown_event_types_are_acknowledged_logged_once_and_ignored(
    running: Running, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    caplog.clear()
    unknown = b'{"type": "user.mood.changed", "timestamp": "%s", "data": {}}' % WHEN.encode()
    first, second = await running.sender.post(unknown), await running.sender.post(unknown)
    assert 200 <= first < 300
    assert 200 <= second < 300
    assert len(caplog.records) == 1
    assert "user.mood.changed" in caplog.records[0].getMessage()
    assert await running.sender.send(_presence(1)) == 204
    assert await running.inbox.wait_for(1) == updates(_presence(1))
    assert running.thread.listener.stats.ignored_unknown == 2


async def test_events_signed_with_the_previous_secret_are_accepted_after_rotation(
    running: Running,
) -> None:
    running.thread.listener.set_secret(OTHER_SECRET)
    assert await running.sender.send(_presence(1), secret=SECRET) == 204
    assert await running.sender.send(_presence(2), secret=OTHER_SECRET) == 204
    assert await running.inbox.wait_for(2) == updates(_presence(1), _presence(2))


async def test_only_the_one_previous_secret_stays_valid(running: Running) -> None:
    running.thread.listener.set_secret(OTHER_SECRET)
    running.thread.listener.set_secret(THIRD_SECRET)
    assert await running.sender.send(_presence(1), secret=SECRET) == 401
    assert await running.sender.send(_presence(2), secret=OTHER_SECRET) == 204
    assert await running.sender.send(_presence(3), secret=THIRD_SECRET) == 204


async def test_secrets_never_appear_in_the_log(
    running: Running, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    await running.sender.send(_presence(1), secret=OTHER_SECRET)
    await running.sender.post(b"garbage")
    for secret in (SECRET, OTHER_SECRET):
        assert secret.removeprefix(signing.SECRET_PREFIX) not in caplog.text


async def test_the_listener_binds_only_the_loopback_address_it_was_given(
    running: Running,
) -> None:
    port = running.thread.port
    assert running.thread.addresses == [("127.0.0.1", port)]
    # Bound to 127.0.0.1 alone, not to every address: another loopback address is refused.
    with pytest.raises(ConnectionRefusedError):
        await asyncio.open_connection("127.0.0.2", port)


async def test_a_port_in_use_raises_oserror_in_the_caller(clock: FakeClock) -> None:
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        thread = ListenerThread("127.0.0.1", port, Inbox().deliver, asyncio.get_running_loop())
        with pytest.raises(OSError, match=r"(?i)address already in use"):
            thread.start()
    assert not [t for t in threading.enumerate() if t.name == "webhook-listener"]


async def test_a_restart_right_after_deliveries_binds_the_same_port_again(
    clock: FakeClock,
) -> None:
    """Hardening on the desktop, item 1: the listener closes each delivery's connection first
    (`Connection: close`), so the port is held in TIME_WAIT after it stops; a restart within the
    minute must bind it anyway (it failed every time without SO_REUSEADDR)."""
    first = ListenerThread("127.0.0.1", 0, Inbox().deliver, asyncio.get_running_loop(), clock)
    first.start()
    first.listener.set_secret(SECRET)
    port = first.port
    try:
        for number in range(3):
            body = encode_event(_presence(number))
            headers = signing.headers(SECRET, f"msg_{number}", int(clock()), body)
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            head = "".join(f"{name}: {value}\r\n" for name, value in headers.items())
            writer.write(
                f"POST {WEBHOOK_PATH} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                f"Content-Length: {len(body)}\r\n"
                f"{head}\r\n".encode()
                + body
            )
            await writer.drain()
            assert (await reader.read()).startswith(b"HTTP/1.1 204")  # the server closed first
            writer.close()
            await writer.wait_closed()
    finally:
        first.stop()

    again = ListenerThread("127.0.0.1", port, Inbox().deliver, asyncio.get_running_loop(), clock)
    again.start()
    try:
        assert again.port == port
    finally:
        again.stop()


@pytest.mark.parametrize(
    ("platform", "expected"),
    [("linux", "SO_REUSEADDR"), ("darwin", "SO_REUSEADDR"), ("win32", "SO_EXCLUSIVEADDRUSE")],
)
def test_the_listening_socket_reuses_its_address_on_posix_and_holds_it_exclusively_on_windows(
    platform: str, expected: str
) -> None:
    """On Windows SO_REUSEADDR would let another program share the port: ask for exclusive use
    there. (Windows itself cannot run here; the choice is what is tested.)"""
    level, option, name = address_option(platform)
    assert (level, name) == (socket.SOL_SOCKET, expected)
    if expected == "SO_REUSEADDR":
        assert option == socket.SO_REUSEADDR
    else:
        assert option != socket.SO_REUSEADDR


async def test_stop_is_clean_leaves_no_thread_and_closes_the_port(clock: FakeClock) -> None:
    threads_before = set(threading.enumerate())
    inbox = Inbox()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        thread = ListenerThread("127.0.0.1", 0, inbox.deliver, asyncio.get_running_loop(), clock)
        thread.start()
        thread.listener.set_secret(SECRET)
        # A keep-alive connection is still open when the listener stops.
        async with aiohttp.ClientSession() as session:
            sender = Sender(session, f"http://127.0.0.1:{thread.port}{WEBHOOK_PATH}", clock)
            assert await sender.send(_presence(1)) == 204
            await inbox.wait_for(1)
            thread.stop()
        thread.stop()  # a second stop does nothing
        gc.collect()
    assert [str(w.message) for w in caught] == []
    assert set(threading.enumerate()) == threads_before
    with pytest.raises(ConnectionRefusedError):
        await asyncio.open_connection("127.0.0.1", thread.port)


async def test_connections_arriving_as_the_listener_stops_are_closed_not_leaked(
    clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Konnekta may post just as the app quits. A connection accepted in the loop turn in which
    # the stop begins must be closed with the others, not dropped half set up with its socket
    # open (CPython gh-109564). To make the accept and the stop meet in one turn, the listener's
    # loop is held inside a request (its clock waits) while connections queue up and the stop
    # is queued behind it.
    held, release, stop_queued = threading.Event(), threading.Event(), threading.Event()

    def held_clock() -> float:
        held.set()
        release.wait(WAIT_SECONDS)
        return clock()

    real_run_coroutine_threadsafe = asyncio.run_coroutine_threadsafe

    def noting_the_stop(coro: Any, loop: asyncio.AbstractEventLoop) -> Any:
        future = real_run_coroutine_threadsafe(coro, loop)
        stop_queued.set()
        return future

    inbox = Inbox()
    thread = ListenerThread("127.0.0.1", 0, inbox.deliver, asyncio.get_running_loop(), held_clock)
    thread.start()
    thread.listener.set_secret(SECRET)
    clients: list[socket.socket] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            async with aiohttp.ClientSession() as session:
                sender = Sender(session, f"http://127.0.0.1:{thread.port}{WEBHOOK_PATH}", clock)
                in_progress = asyncio.create_task(sender.send(_presence(1)))
                assert await asyncio.to_thread(held.wait, WAIT_SECONDS)
                for _ in range(20):  # connected in the kernel, not yet accepted by the loop
                    clients.append(socket.create_connection(("127.0.0.1", thread.port)))
                monkeypatch.setattr(asyncio, "run_coroutine_threadsafe", noting_the_stop)
                stopping = asyncio.create_task(asyncio.to_thread(thread.stop))
                assert await asyncio.to_thread(stop_queued.wait, WAIT_SECONDS)
                release.set()
                await stopping
                assert await in_progress == 204  # the request in progress is still answered
            for client in clients:
                client.settimeout(WAIT_SECONDS)
                # Closed: an end of stream, or a reset had it not been accepted yet.
                with contextlib.suppress(ConnectionResetError):
                    assert client.recv(1) == b""
        finally:
            release.set()
            thread.stop()
            for client in clients:
                client.close()
        gc.collect()
    assert [str(w.message) for w in caught] == []


async def test_stopping_while_a_refused_upload_lingers_leaves_no_task_behind(
    clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    # An upload over 1 MiB is refused before its body is read, and aiohttp then keeps reading
    # (and dropping) the rest for up to 10 s; a sender that hangs up meanwhile leaves that
    # reading waiting. The stop must end it rather than leave it pending on a closed loop.
    thread = ListenerThread("127.0.0.1", 0, Inbox().deliver, asyncio.get_running_loop(), clock)
    thread.start()
    try:
        with socket.create_connection(("127.0.0.1", thread.port), timeout=WAIT_SECONDS) as client:
            client.sendall(
                f"POST {WEBHOOK_PATH} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                f"Content-Type: application/json\r\nContent-Length: {MAX_BODY_BYTES + 1}\r\n"
                "\r\n{".encode()
            )
            answer = await asyncio.to_thread(client.recv, 4096)
            assert answer.startswith(b"HTTP/1.1 413 ")
    finally:
        thread.stop()
    gc.collect()
    assert [r.getMessage() for r in caplog.records if r.name == "asyncio"] == []


async def test_the_listener_can_start_again_after_stop(clock: FakeClock) -> None:
    inbox = Inbox()
    thread = ListenerThread("127.0.0.1", 0, inbox.deliver, asyncio.get_running_loop(), clock)
    thread.start()
    thread.stop()
    thread.start()
    try:
        thread.listener.set_secret(SECRET)
        async with aiohttp.ClientSession() as session:
            sender = Sender(session, f"http://127.0.0.1:{thread.port}{WEBHOOK_PATH}", clock)
            assert await sender.send(_presence(1)) == 204
        assert await inbox.wait_for(1) == updates(_presence(1))
    finally:
        thread.stop()


async def test_a_malformed_request_is_one_warning_line_not_a_traceback(
    running: Running, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    caplog.clear()
    port = running.thread.port
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(
        f"POST {WEBHOOK_PATH} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}".encode()
    )
    await writer.drain()
    assert (await reader.read()).startswith(b"HTTP/1.0 400")
    writer.close()
    await writer.wait_closed()
    server_records = [r for r in caplog.records if r.name.startswith("aiohttp.server")]
    assert [(r.levelno, r.exc_info) for r in server_records] == [(logging.WARNING, None)]
    assert "Refused malformed HTTP from 127.0.0.1" in server_records[0].getMessage()
