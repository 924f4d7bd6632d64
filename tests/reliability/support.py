"""Shared parts of the reliability suite: a listener on loopback fed into a live model on an app
loop of its own, signed requests, and a tally of every input tried (printed after the run).
"""

from __future__ import annotations

import asyncio
import base64
import itertools
import threading
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

import httpx

from konnekta_desktop.core.model import LiveModel
from konnekta_desktop.domain import PbxEvent
from konnekta_desktop.konnekta import signing, translate
from konnekta_desktop.konnekta.events import UserRemoved, UserRemovedData, encode_event
from konnekta_desktop.konnekta.models import Activity, Availability, UserStatus
from konnekta_desktop.listener import ListenerThread
from konnekta_desktop.listener.server import WEBHOOK_PATH
from konnekta_desktop.simulator.tenant import generate_tenant

SECRET = signing.SECRET_PREFIX + base64.b64encode(bytes(range(100, 132))).decode()
WRONG_SECRET = signing.SECRET_PREFIX + base64.b64encode(bytes(range(32))).decode()
NOW = 1_750_000_000
WAIT_SECONDS = 10.0


def tenant_user_ids() -> list[str]:
    """The ids of the seeded tenant that `AppLoop`'s model holds."""
    return sorted(generate_tenant(12, 3, domain="reliability.example.dk").users)


# Inputs tried per kind, across the run; conftest prints them in the terminal summary, and
# docs/reliability.md quotes them.
tally: Counter[str] = Counter()
# Fault recovery times measured (fault -> seconds from the end of the fault to recovered).
recoveries: dict[str, float] = {}


class AppLoop:
    """An asyncio loop on its own thread standing in for the app's loop: each delivered batch is
    applied to a real `LiveModel` (loaded with a small tenant), as `Connector._deliver` does."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.events: list[PbxEvent] = []
        self.model_errors: list[BaseException] = []
        self.batches = 0
        self._changed = threading.Condition()
        self.model = LiveModel()
        tenant = generate_tenant(12, 3, domain="reliability.example.dk")
        self.model.load(
            tenant.users.values(),
            [
                UserStatus(user_id=uid, activity_id=None, availability=Availability.AVAILABLE)
                for uid in tenant.users
            ],
            [Activity(id="act-available", name="Available")],
        )
        self._thread = threading.Thread(target=self.loop.run_forever, name="app-loop", daemon=True)
        self._thread.start()

    def deliver(self, batch: Sequence[PbxEvent]) -> None:
        try:
            self.model.apply_all(batch)
            self.model.flush()
        except Exception as error:  # the real connector would have crashed here
            self.model_errors.append(error)
        with self._changed:
            self.events.extend(batch)
            self.batches += 1
            self._changed.notify_all()

    def wait_for(self, condition: Callable[[], bool], timeout: float = WAIT_SECONDS) -> bool:
        with self._changed:
            return self._changed.wait_for(condition, timeout)

    def close(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(5)
        self.loop.close()


@dataclass
class LiveListener:
    """A `ListenerThread` on 127.0.0.1 with a fixed clock and secret, and a client for it."""

    thread: ListenerThread
    app: AppLoop
    client: httpx.Client
    ids: Iterator[int] = field(default_factory=lambda: itertools.count(1))

    @property
    def port(self) -> int:
        return self.thread.port

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}{WEBHOOK_PATH}"

    def next_id(self) -> str:
        return f"msg_rel_{next(self.ids)}"

    def post(self, body: bytes, headers: dict[str, str]) -> httpx.Response:
        return self.client.post(self.url, content=body, headers=headers)

    def post_signed(self, body: bytes, *, secret: str = SECRET) -> httpx.Response:
        return self.post(body, signing.headers(secret, self.next_id(), NOW, body))

    def assert_still_processes_a_valid_event(self) -> None:
        """The listener is up, answers, and a valid event reaches the model."""
        marker = f"alive-{next(self.ids)}"
        event = UserRemoved(timestamp="2025-06-15T12:00:00Z", data=UserRemovedData(user_id=marker))
        response = self.post_signed(encode_event(event))
        assert response.status_code == 204, response.text
        update = translate.event(event)
        assert self.app.wait_for(lambda: update in self.app.events), "valid event not delivered"
        assert not self.app.model_errors, self.app.model_errors


@contextmanager
def live_listener() -> Iterator[LiveListener]:
    app = AppLoop()
    thread = ListenerThread("127.0.0.1", 0, app.deliver, app.loop, clock=lambda: float(NOW))
    thread.listener.set_secret(SECRET)
    thread.start()
    client = httpx.Client(timeout=WAIT_SECONDS)
    try:
        yield LiveListener(thread, app, client)
    finally:
        client.close()
        thread.stop()
        app.close()
