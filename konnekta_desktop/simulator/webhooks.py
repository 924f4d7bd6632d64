"""Webhook subscriptions and the signed event sender of the simulator.

Each subscription gets every event once, signed per Standard Webhooks, one at a time and in order; a
failed delivery is retried with backoff (the same webhook-id each time) until it succeeds, the
subscription is deleted, or it expires.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import contextlib
import itertools
import logging
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Final

import aiohttp
from yarl import URL

from konnekta_desktop.konnekta import signing
from konnekta_desktop.konnekta.events import KnownEvent, encode_event
from konnekta_desktop.konnekta.models import WebhookSubscription

from .errors import NotFound, Unprocessable

log = logging.getLogger(__name__)

MAX_PENDING_EVENTS: Final = 10_000  # per subscription, while deliveries fail

MAX_TTL_SECONDS = 7 * 24 * 3600


@dataclass(slots=True, eq=False)
class _Subscription:
    id: str
    url: str
    secret: str = field(repr=False)
    expires_at: float
    pending: deque[tuple[str, bytes]] = field(default_factory=deque, repr=False)
    dropped: int = 0  # events forgotten because the queue was full
    worker: asyncio.Task[None] | None = field(default=None, repr=False)

    def public(self) -> WebhookSubscription:
        return WebhookSubscription(id=self.id, url=self.url, expires_at=self.expires_at)


class WebhookSender:
    """Owns the subscriptions and delivers events to them."""

    def __init__(
        self,
        clock: Callable[[], float],
        outage: Callable[[], bool],
        *,
        losing: Callable[[], bool] = lambda: False,
        dropping: Callable[[], bool] = lambda: False,
        first_retry_delay: float = 0.1,
        max_retry_delay: float = 5.0,
        timeout: float = 10.0,
    ) -> None:
        self._clock = clock
        self._outage = outage
        self._losing = losing
        self._dropping = dropping  # True: this delivery's answer is lost on the way back
        self.lost = 0
        self._first_retry_delay = first_retry_delay
        self._max_retry_delay = max_retry_delay
        self._timeout = timeout
        self._subscriptions: dict[str, _Subscription] = {}
        self._sub_numbers = itertools.count(1)
        self._msg_numbers = itertools.count(1)
        self._session: aiohttp.ClientSession | None = None
        self._idle = asyncio.Event()
        self._idle.set()
        self._wake = asyncio.Event()
        self.failed_attempts = 0
        self._failure_waiters: list[asyncio.Future[None]] = []

    # -- subscriptions ----------------------------------------------------------------------

    def subscribe(self, url: str, secret: str, ttl_seconds: int) -> WebhookSubscription:
        _check_url(url)
        _check_secret(secret)
        ttl = _check_ttl(ttl_seconds)
        sub = _Subscription(
            id=f"sub-{next(self._sub_numbers)}",
            url=url,
            secret=secret,
            expires_at=self._clock() + ttl,
        )
        self._subscriptions[sub.id] = sub
        log.info("webhook subscription %s for %s", sub.id, url)
        return sub.public()

    def renew(self, subscription_id: str, ttl_seconds: int) -> WebhookSubscription:
        sub = self._live(subscription_id)
        sub.expires_at = self._clock() + _check_ttl(ttl_seconds)
        return sub.public()

    def unsubscribe(self, subscription_id: str) -> None:
        sub = self._live(subscription_id)
        self._drop(sub)

    def require(self, subscription_id: str) -> str:
        return self._live(subscription_id).id

    def subscriptions(self) -> list[WebhookSubscription]:
        self._expire()
        return [sub.public() for sub in self._subscriptions.values()]

    def _live(self, subscription_id: str) -> _Subscription:
        self._expire()
        sub = self._subscriptions.get(subscription_id)
        if sub is None:
            raise NotFound(f"no webhook subscription with id {subscription_id!r}")
        return sub

    def _expire(self) -> None:
        now = self._clock()
        for sub in [s for s in self._subscriptions.values() if now >= s.expires_at]:
            log.info("webhook subscription %s expired", sub.id)
            self._drop(sub)

    def _drop(self, sub: _Subscription) -> None:
        del self._subscriptions[sub.id]
        if sub.worker is not None:
            sub.worker.cancel()
            sub.worker = None
        sub.pending.clear()
        self._update_idle()

    # -- delivery ---------------------------------------------------------------------------

    def publish(self, event: KnownEvent) -> None:
        """Queue one event for every live subscription (synchronous: order is the call order)."""
        self._expire()
        if not self._subscriptions:
            return
        if self._losing():
            self.lost += 1  # never queued: no retry will bring it
            return
        message = (f"msg_{next(self._msg_numbers)}", encode_event(event))
        for sub in self._subscriptions.values():
            if len(sub.pending) >= MAX_PENDING_EVENTS:
                # A long outage: forget the oldest, as a PBX with a bounded queue would; the app
                # catches up by reloading and synchronising when it reconnects.
                sub.pending.popleft()
                sub.dropped += 1
            sub.pending.append(message)
            if sub.worker is None:
                sub.worker = asyncio.get_running_loop().create_task(self._deliver_all(sub))
        self._idle.clear()

    async def delivered(self) -> None:
        """Resolves once every queued event has been delivered (or its subscription is gone)."""
        await self._idle.wait()

    async def next_failure(self) -> None:
        """Resolves at the next failed delivery attempt (lets tests see an outage bite)."""
        waiter = asyncio.get_running_loop().create_future()
        self._failure_waiters.append(waiter)
        await waiter

    def wake(self) -> None:
        """Retry now instead of after the backoff (e.g. the outage has been cleared)."""
        self._wake.set()

    async def close(self) -> None:
        for sub in list(self._subscriptions.values()):
            self._drop(sub)
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def _deliver_all(self, sub: _Subscription) -> None:
        try:
            while sub.pending:
                webhook_id, body = sub.pending[0]
                delay = self._first_retry_delay
                while not await self._post(sub, webhook_id, body):
                    self._note_failure()
                    await self._backoff(delay)
                    delay = min(delay * 2, self._max_retry_delay)
                    if self._clock() >= sub.expires_at:
                        self._expire()
                        return
                sub.pending.popleft()
        finally:
            if sub.worker is asyncio.current_task():
                sub.worker = None
            self._update_idle()

    async def _post(self, sub: _Subscription, webhook_id: str, body: bytes) -> bool:
        if self._outage():
            return False
        if self._session is None:
            self._session = aiohttp.ClientSession(
                timeout=aiohttp.ClientTimeout(total=self._timeout)
            )
        headers = signing.headers(sub.secret, webhook_id, int(self._clock()), body)
        try:
            async with self._session.post(sub.url, data=body, headers=headers) as response:
                await response.read()
                if self._dropping():
                    log.info("webhook %s: the answer is lost on the way; redelivering", webhook_id)
                    return False
                if 200 <= response.status < 300:
                    return True
                log.warning(
                    "webhook %s to %s answered %d; retrying", webhook_id, sub.url, response.status
                )
        except (aiohttp.ClientError, TimeoutError) as error:
            log.warning("webhook %s to %s failed (%s); retrying", webhook_id, sub.url, error)
        return False

    def _note_failure(self) -> None:
        self.failed_attempts += 1
        waiters, self._failure_waiters = self._failure_waiters, []
        for waiter in waiters:
            if not waiter.done():
                waiter.set_result(None)

    async def _backoff(self, delay: float) -> None:
        self._wake.clear()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._wake.wait(), delay)

    def _update_idle(self) -> None:
        if any(sub.pending for sub in self._subscriptions.values()):
            self._idle.clear()
        else:
            self._idle.set()


def _check_url(url: str) -> None:
    parsed = URL(url)
    if parsed.scheme not in {"http", "https"} or not parsed.host:
        raise Unprocessable(f"{url!r} is not an http(s) address the events can be posted to")


def _check_secret(secret: str) -> None:
    if not secret.startswith(signing.SECRET_PREFIX):
        raise Unprocessable("the secret must be 'whsec_' followed by base64")
    try:
        key = base64.b64decode(secret.removeprefix(signing.SECRET_PREFIX), validate=True)
    except binascii.Error:
        raise Unprocessable("the secret must be 'whsec_' followed by base64") from None
    if len(key) < 24:
        raise Unprocessable("the secret is too short: use at least 24 random bytes")


def _check_ttl(ttl_seconds: int) -> int:
    if not 0 < ttl_seconds <= MAX_TTL_SECONDS:
        raise Unprocessable(f"ttl_seconds must be between 1 and {MAX_TTL_SECONDS}")
    return ttl_seconds
