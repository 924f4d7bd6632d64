"""Standard Webhooks signatures (webhook-id, webhook-timestamp, webhook-signature; HMAC-SHA256).

The signed content is ``f"{id}.{timestamp}.{body}"``; the signature header holds one or more
space-separated ``v1,<base64 digest>`` entries (several while a secret is being rotated).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import secrets
from typing import Final

SECRET_PREFIX: Final = "whsec_"
TOLERANCE_SECONDS: Final = 5 * 60


class SignatureError(ValueError):
    """The request's signature headers are missing, malformed, stale or do not match."""


class StaleTimestamp(SignatureError):
    """Signed with the secret, but sent longer ago (or later) than the tolerance allows."""

    def __init__(self, seconds_off: int, tolerance: int) -> None:
        super().__init__(f"webhook-timestamp is {seconds_off} s off (tolerance {tolerance} s)")
        self.seconds_off = seconds_off


def new_secret() -> str:
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(32)).decode()


def _key(secret: str) -> bytes:
    """The HMAC key: the base64 after 'whsec_', read as the reference library reads it.

    The prefix and the base64 padding may be left out; an empty key is refused, since anyone
    could sign with it.
    """
    try:
        # Padding added to unpadded base64 completes it; after padded base64 it is ignored.
        key = base64.b64decode(secret.removeprefix(SECRET_PREFIX) + "==")
    except binascii.Error:
        raise ValueError("a webhook secret is base64 after 'whsec_'") from None
    if not key:
        raise ValueError("a webhook secret's key is empty")
    return key


def sign(secret: str, webhook_id: str, timestamp: int, body: bytes) -> str:
    """The value of the webhook-signature header for this message."""
    return "v1," + _digest(_key(secret), webhook_id, timestamp, body)


def _digest(key: bytes, webhook_id: str, timestamp: int, body: bytes) -> str:
    content = b"%s.%d.%s" % (webhook_id.encode(), timestamp, body)
    return base64.b64encode(hmac.new(key, content, hashlib.sha256).digest()).decode()


def headers(secret: str, webhook_id: str, timestamp: int, body: bytes) -> dict[str, str]:
    return {
        "webhook-id": webhook_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": sign(secret, webhook_id, timestamp, body),
        "content-type": "application/json",
    }


_MOST_DIGITS = 12  # seconds until the year 33658


class Verifier:
    """Checks a message's headers against one secret; the key is decoded once."""

    def __init__(self, secret: str, tolerance: int = TOLERANCE_SECONDS) -> None:
        self._key = _key(secret)
        self._tolerance = tolerance

    def verify(
        self,
        webhook_id: str | None,
        timestamp: str | None,
        signature: str | None,
        body: bytes,
        now: float,
    ) -> None:
        if not webhook_id or not timestamp or not signature:
            raise SignatureError("missing webhook-id, webhook-timestamp or webhook-signature")
        # Unix seconds in ASCII digits; a longer number than any time (or `int()`'s leniency with
        # spaces, underscores and other scripts' digits) is refused before any arithmetic.
        if not (timestamp.isascii() and timestamp.isdigit() and len(timestamp) <= _MOST_DIGITS):
            raise SignatureError("webhook-timestamp is not a whole number of seconds")
        sent_at = int(timestamp)
        expected = _digest(self._key, webhook_id, sent_at, body)
        signed = any(
            version == "v1" and hmac.compare_digest(value, expected)
            for version, _, value in (entry.partition(",") for entry in signature.split())
        )
        if not signed:
            raise SignatureError("webhook-signature does not match")
        if abs(now - sent_at) > self._tolerance:
            # Signed, so it is the sender's: its clock and ours disagree (or it is a replay).
            raise StaleTimestamp(int(now - sent_at), self._tolerance)
