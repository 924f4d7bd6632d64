"""The webhook listener: verifies, validates and hands on Konnekta's events, in arrival order.

Every request is answered at once; bad input gets a 4xx and one log line, never a 5xx. Verified
events go to `on_event` one at a time, in the order they arrived.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Final

from aiohttp import web

from ..domain.events import PbxEvent
from ..konnekta import translate
from ..konnekta.events import EventError, UnknownEvent, parse_event
from ..konnekta.signing import TOLERANCE_SECONDS, SignatureError, StaleTimestamp, Verifier
from .replay import ReplayGuard

log = logging.getLogger(__name__)

# How long an id is remembered: a sender whose 2xx was lost delivers the same id again. Standard
# Webhooks senders give up within about a day and a half; the count bound of `ReplayGuard` caps
# memory first under load (200,000 ids: 33 minutes at 100 events/s).
REDELIVERY_SECONDS = 36 * 3600

MAX_BODY_BYTES: Final = 1024 * 1024
WEBHOOK_PATH: Final = "/webhook"


@dataclass
class ListenerStats:
    accepted: int = 0
    refused: int = 0
    ignored_unknown: int = 0
    redelivered: int = 0  # acknowledged again, not applied again
    unusable: int = 0  # signed and fresh, but not an event this app can read: acknowledged
    refused_by_status: dict[int, int] = field(default_factory=dict)
    # Signed events refused for their time stamp since the last one taken, and how far off the
    # last was (seconds, positive when it was sent in the past as our clock sees it).
    stale_in_a_row: int = 0
    stale_seconds_off: int = 0


class WebhookListener:
    """An aiohttp application that turns signed webhook requests into events.

    `on_event` is called on the loop that runs the listener, with one event per call; the thread
    wrapper batches them across to the app's loop.
    """

    def __init__(
        self,
        on_event: Callable[[PbxEvent], None],
        *,
        secret: str | None = None,
        clock: Callable[[], float] = time.time,
        tolerance: int = TOLERANCE_SECONDS,
    ) -> None:
        self._on_event = on_event
        self._clock = clock
        self._tolerance = tolerance
        # (fingerprint, verifier): the current secret first, then the previous one. Only a
        # fingerprint is kept to recognise a repeated secret; the secret itself is not stored.
        self._verifiers: list[tuple[bytes, Verifier]] = []
        self._replays = ReplayGuard(window_seconds=REDELIVERY_SECONDS)
        self._unknown_types_logged: set[str] = set()
        self.stats = ListenerStats()
        if secret is not None:
            self.set_secret(secret)

    def __repr__(self) -> str:
        return f"<WebhookListener secrets={len(self._verifiers)} accepted={self.stats.accepted}>"

    def set_secret(self, secret: str) -> None:
        """Use a new signing secret; the previous one stays valid, for events signed before the
        subscription was renewed that are still on their way. Setting the current secret again
        changes nothing. Thread-safe: the list is replaced, never changed in place."""
        fingerprint = hashlib.sha256(secret.encode()).digest()
        if self._verifiers and self._verifiers[0][0] == fingerprint:
            return
        self._verifiers = [(fingerprint, Verifier(secret, self._tolerance)), *self._verifiers[:1]]

    def application(self) -> web.Application:
        app = web.Application(client_max_size=MAX_BODY_BYTES)
        app.router.add_post(WEBHOOK_PATH, self._handle)
        app.router.add_get("/health", self._health)
        return app

    async def _health(self, request: web.Request) -> web.Response:
        return web.json_response({"status": "ok", "accepted": self.stats.accepted})

    async def _handle(self, request: web.Request) -> web.Response:
        if request.content_type != "application/json":
            return self._refuse(request, 415, f"content type {request.content_type!r} is not JSON")
        length = request.content_length
        if length is not None and length > MAX_BODY_BYTES:
            return self._refuse(request, 413, f"body of {length} bytes is over 1 MiB")
        try:
            body = await request.read()
        except web.HTTPRequestEntityTooLarge:
            return self._refuse(request, 413, "body is over 1 MiB")
        return self.receive(
            request.headers.get("webhook-id"),
            request.headers.get("webhook-timestamp"),
            request.headers.get("webhook-signature"),
            body,
            peer=request.remote,
        )

    def receive(
        self,
        webhook_id: str | None,
        timestamp: str | None,
        signature: str | None,
        body: bytes,
        *,
        peer: str | None = None,
    ) -> web.Response:
        """Check one message and hand its event on; the answer says what happened."""
        now = self._clock()
        if not self._verifiers:
            return self._refuse_peer(peer, 401, "no webhook subscription is active yet")
        try:
            self._verify(webhook_id, timestamp, signature, body, now)
        except StaleTimestamp as error:
            self.stats.stale_in_a_row += 1
            self.stats.stale_seconds_off = error.seconds_off
            return self._refuse_peer(peer, 401, str(error))
        except SignatureError as error:
            return self._refuse_peer(peer, 401, str(error))
        self.stats.stale_in_a_row = 0
        assert webhook_id is not None  # verified above
        if not self._replays.first_time(webhook_id, now):
            # Our answer to the first delivery was lost on the way: the sender tries again, in
            # order, and waits for a 2xx before sending anything else. Acknowledge; apply once.
            self.stats.redelivered += 1
            log.info("Webhook %r was delivered again; acknowledged, not applied twice", webhook_id)
            return web.Response(status=200)
        try:
            event = parse_event(body)
        except EventError as error:
            # Signed and fresh, so Konnekta sent it: refusing would stall every later event
            # behind it, as the sender retries in order. Acknowledge, and say what was wrong.
            self.stats.unusable += 1
            log.warning("Webhook %r acknowledged but not used: %s", webhook_id, error)
            return web.Response(status=202)
        if isinstance(event, UnknownEvent):
            self.stats.ignored_unknown += 1
            if event.type not in self._unknown_types_logged:
                self._unknown_types_logged.add(event.type)
                log.info("Ignoring webhook events of unknown type %r", event.type)
            return web.Response(status=202)
        self.stats.accepted += 1
        self._on_event(translate.event(event))
        return web.Response(status=204)

    def _verify(
        self,
        webhook_id: str | None,
        timestamp: str | None,
        signature: str | None,
        body: bytes,
        now: float,
    ) -> None:
        error: SignatureError | None = None
        for _, verifier in self._verifiers:
            try:
                verifier.verify(webhook_id, timestamp, signature, body, now)
            except SignatureError as refused:
                # Signed with this secret but stale says more than "does not match" with another.
                if error is None or isinstance(refused, StaleTimestamp):
                    error = refused
            else:
                return
        assert error is not None
        raise error

    def _refuse(self, request: web.Request, status: int, reason: str) -> web.Response:
        return self._refuse_peer(request.remote, status, reason)

    def _refuse_peer(self, peer: str | None, status: int, reason: str) -> web.Response:
        self.stats.refused += 1
        self.stats.refused_by_status[status] = self.stats.refused_by_status.get(status, 0) + 1
        log.warning("Refused a webhook request from %s (%d): %s", peer or "?", status, reason)
        return web.json_response({"error": reason}, status=status)
