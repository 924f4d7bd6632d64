"""Webhook signatures (Standard Webhooks): what is refused, the 300 s tolerance and its exact edges.

The reference page says only that Konnekta sends telephony and user events to the webhook
(Parameters > Webhook Address); how they are signed is our model of Konnekta
(docs/konnekta-openapi.yaml). Every refusal is a `SignatureError` whose words the listener logs
and answers with its 401, so the words are pinned too.
"""

from __future__ import annotations

import base64
import re

import pytest

from konnekta_desktop.konnekta import signing
from konnekta_desktop.konnekta.signing import SignatureError, Verifier

# The example of the Standard Webhooks specification: a signature computed by another implementation.
SPEC_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
SPEC_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek"
SPEC_TIMESTAMP = 1614265330
SPEC_BODY = b'{"test": 2432232314}'
SPEC_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="

SECRET = signing.SECRET_PREFIX + base64.b64encode(bytes(range(32))).decode()
OTHER_SECRET = signing.SECRET_PREFIX + base64.b64encode(bytes(range(1, 33))).decode()
NOW = 1_750_000_000
BODY = b'{"type": "user.removed"}'


def refused_with(words: str) -> pytest.RaisesExc[SignatureError]:
    """A `SignatureError` with exactly these words (what the listener logs and answers)."""
    return pytest.raises(SignatureError, match=f"^{re.escape(words)}$")


def verify_signed(
    sent_at: int, now: float, *, secret: str = SECRET, verifier: Verifier | None = None
) -> None:
    """Sign a message as sent at `sent_at` and verify it at `now`."""
    headers = signing.headers(secret, "msg_1", sent_at, BODY)
    (verifier or Verifier(SECRET)).verify(
        headers["webhook-id"],
        headers["webhook-timestamp"],
        headers["webhook-signature"],
        BODY,
        now,
    )


# --- the signature itself ---------------------------------------------------------------------


def test_the_signature_is_the_standard_webhooks_one() -> None:
    """HMAC-SHA256 over "{id}.{timestamp}.{body}" with the secret's decoded key, as the
    specification's own example has it: a peer implementing the standard verifies ours."""
    assert signing.sign(SPEC_SECRET, SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY) == SPEC_SIGNATURE
    Verifier(SPEC_SECRET).verify(
        SPEC_ID, str(SPEC_TIMESTAMP), SPEC_SIGNATURE, SPEC_BODY, SPEC_TIMESTAMP
    )


def test_the_headers_of_a_signed_message() -> None:
    assert signing.headers(SPEC_SECRET, SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY) == {
        "webhook-id": SPEC_ID,
        "webhook-timestamp": "1614265330",
        "webhook-signature": SPEC_SIGNATURE,
        "content-type": "application/json",
    }


def test_a_new_secret_is_whsec_and_32_random_bytes() -> None:
    secret = signing.new_secret()
    assert secret.startswith("whsec_")
    assert len(base64.b64decode(secret.removeprefix("whsec_"), validate=True)) == 32
    assert signing.new_secret() != secret
    verify_signed(NOW, NOW, secret=secret, verifier=Verifier(secret))


def test_a_secret_without_the_whsec_prefix_is_read_as_its_key() -> None:
    """As the reference library reads it (tests/unit/konnekta/test_signing_reference.py)."""
    verify_signed(NOW, NOW, verifier=Verifier(SECRET.removeprefix(signing.SECRET_PREFIX)))


# --- refusals -----------------------------------------------------------------------------------


@pytest.mark.parametrize("missing", ["webhook-id", "webhook-timestamp", "webhook-signature"])
@pytest.mark.parametrize("absent", [None, ""])
def test_a_message_missing_any_one_header_is_refused(missing: str, absent: str | None) -> None:
    headers: dict[str, str | None] = dict(signing.headers(SECRET, "msg_1", NOW, BODY))
    headers[missing] = absent
    with refused_with("missing webhook-id, webhook-timestamp or webhook-signature"):
        Verifier(SECRET).verify(
            headers["webhook-id"],
            headers["webhook-timestamp"],
            headers["webhook-signature"],
            BODY,
            NOW,
        )


def test_a_timestamp_that_is_not_whole_seconds_is_refused_in_words() -> None:
    with refused_with("webhook-timestamp is not a whole number of seconds"):
        Verifier(SECRET).verify("msg_1", "1750000000.5", "v1,abc", BODY, NOW)


def test_a_twelve_digit_timestamp_is_read_and_a_thirteen_digit_one_is_not() -> None:
    """Twelve digits is the longest a timestamp may be (seconds until the year 33658): it is read
    as a time (and then far off); one more digit is not even read."""
    twelve = 10**11
    signature = signing.sign(SECRET, "msg_1", twelve, BODY)
    with pytest.raises(SignatureError, match=r"^webhook-timestamp is -98250000000 s off"):
        Verifier(SECRET).verify("msg_1", str(twelve), signature, BODY, NOW)
    with refused_with("webhook-timestamp is not a whole number of seconds"):
        Verifier(SECRET).verify("msg_1", str(twelve * 10), signature, BODY, NOW)


@pytest.mark.parametrize(
    ("what", "signature"),
    [
        ("another secret", signing.sign(OTHER_SECRET, "msg_1", NOW, BODY)),
        ("another body", signing.sign(SECRET, "msg_1", NOW, BODY + b" ")),
        ("another id", signing.sign(SECRET, "msg_2", NOW, BODY)),
        ("another time", signing.sign(SECRET, "msg_1", NOW - 1, BODY)),
        ("a version other than v1", "v2," + signing.sign(SECRET, "msg_1", NOW, BODY)[3:]),
        ("no version", signing.sign(SECRET, "msg_1", NOW, BODY)[3:]),
        ("v1 with a digest of nothing", "v1,"),
        ("only a version", "v1"),
    ],
)
def test_a_signature_that_does_not_match_is_refused(what: str, signature: str) -> None:
    with refused_with("webhook-signature does not match"):
        Verifier(SECRET).verify("msg_1", str(NOW), signature, BODY, NOW)


def test_one_matching_entry_among_several_is_enough_while_a_secret_is_rotated() -> None:
    """The header holds space-separated entries; any v1 entry that matches accepts the message."""
    old = signing.sign(OTHER_SECRET, "msg_1", NOW, BODY)
    new = signing.sign(SECRET, "msg_1", NOW, BODY)
    Verifier(SECRET).verify("msg_1", str(NOW), f"{old} {new}", BODY, NOW)
    Verifier(SECRET).verify("msg_1", str(NOW), f"{new} {old}", BODY, NOW)
    with refused_with("webhook-signature does not match"):
        Verifier(SECRET).verify("msg_1", str(NOW), f"{old} v2,{new[3:]}", BODY, NOW)


# --- the tolerance: 300 s either way ------------------------------------------------------------


def test_the_tolerance_is_five_minutes() -> None:
    assert signing.TOLERANCE_SECONDS == 300


@pytest.mark.parametrize("offset", [0, 1, 299, 300, -1, -299, -300])
def test_a_message_sent_within_300_s_either_way_is_accepted(offset: int) -> None:
    """The edges themselves, 300 s before and after now, are still accepted."""
    verify_signed(NOW - offset, NOW)


@pytest.mark.parametrize(
    ("sent_at", "now", "words"),
    [
        (NOW - 301, NOW, "webhook-timestamp is 301 s off (tolerance 300 s)"),
        (NOW + 301, NOW, "webhook-timestamp is -301 s off (tolerance 300 s)"),
        (NOW - 300, NOW + 0.5, "webhook-timestamp is 300 s off (tolerance 300 s)"),
        (NOW - 3600, NOW, "webhook-timestamp is 3600 s off (tolerance 300 s)"),
    ],
    ids=["301-s-old", "301-s-ahead", "half-a-second-past-the-edge", "an-hour-old"],
)
def test_a_message_more_than_300_s_off_is_refused_saying_how_far(
    sent_at: int, now: float, words: str
) -> None:
    with refused_with(words):
        verify_signed(sent_at, now)


@pytest.mark.parametrize(("sent_at", "seconds_off"), [(NOW - 301, 301), (NOW + 400, -400)])
def test_a_stale_refusal_tells_how_far_off_the_senders_time_is(
    sent_at: int, seconds_off: int
) -> None:
    """Positive when the message is older than now, negative when it is from the future; the
    listener passes it on, so that the status can say how far off the events are."""
    with pytest.raises(signing.StaleTimestamp) as raised:
        verify_signed(sent_at, NOW)
    assert raised.value.seconds_off == seconds_off


def test_a_stale_message_is_refused_even_when_well_signed() -> None:
    """A message signed with the secret but sent more than 300 s ago is refused for its time: a
    message recorded and replayed later does not get through."""
    with pytest.raises(SignatureError, match="s off"):
        verify_signed(NOW - 301, NOW)


def test_a_verifier_with_its_own_tolerance_keeps_to_it() -> None:
    verifier = Verifier(SECRET, tolerance=10)
    verify_signed(NOW - 10, NOW, verifier=verifier)
    with refused_with("webhook-timestamp is 11 s off (tolerance 10 s)"):
        verify_signed(NOW - 11, NOW, verifier=verifier)
