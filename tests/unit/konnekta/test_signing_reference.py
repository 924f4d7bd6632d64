"""Webhook signatures against the reference Standard Webhooks library (`standardwebhooks`).

What one signs the other verifies, for every form of secret the reference library reads: with or
without the "whsec_" prefix, with or without base64 padding. An empty key is refused by both,
since anyone could sign with it. The reference library verifies against the wall clock, so the
messages here are signed at the current time.
"""

from __future__ import annotations

import base64
import time
from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st
from standardwebhooks import Webhook
from standardwebhooks.webhooks import EmptyWebhookSecretError

from konnekta_desktop.konnekta import signing
from konnekta_desktop.konnekta.signing import Verifier

BODY = '{"type": "user.removed", "data": {"user_id": "user-00001"}}'


def _forms(key: bytes) -> dict[str, str]:
    """The ways one key can be written as a secret."""
    padded = base64.b64encode(key).decode()
    unpadded = padded.rstrip("=")
    return {
        "whsec_ and padding": f"whsec_{padded}",
        "whsec_ without padding": f"whsec_{unpadded}",
        "bare base64": padded,
        "bare base64 without padding": unpadded,
    }


KEY = bytes(range(7, 38))  # 31 bytes: its base64 ends in padding
FORMS = _forms(KEY)


def _reference_headers(secret: str, webhook_id: str, sent_at: int) -> dict[str, str]:
    signature = Webhook(secret).sign(webhook_id, datetime.fromtimestamp(sent_at, UTC), BODY)
    return {
        "webhook-id": webhook_id,
        "webhook-timestamp": str(sent_at),
        "webhook-signature": signature,
    }


@pytest.mark.parametrize("secret", FORMS.values(), ids=FORMS.keys())
def test_what_we_sign_the_reference_library_verifies(secret: str) -> None:
    headers = signing.headers(secret, "msg_1", int(time.time()), BODY.encode())
    assert Webhook(secret).verify(BODY, headers) == {
        "type": "user.removed",
        "data": {"user_id": "user-00001"},
    }


@pytest.mark.parametrize("secret", FORMS.values(), ids=FORMS.keys())
def test_what_the_reference_library_signs_we_verify(secret: str) -> None:
    now = int(time.time())
    headers = _reference_headers(secret, "msg_1", now)
    Verifier(secret).verify(
        headers["webhook-id"],
        headers["webhook-timestamp"],
        headers["webhook-signature"],
        BODY.encode(),
        now,
    )


@given(key=st.binary(min_size=1, max_size=64), form=st.sampled_from(list(FORMS)))
def test_any_key_in_any_form_signs_the_same_as_the_reference_library(key: bytes, form: str) -> None:
    secret = _forms(key)[form]
    sent_at = 1_750_000_000
    assert (
        signing.sign(secret, "msg_7", sent_at, BODY.encode())
        == _reference_headers(secret, "msg_7", sent_at)["webhook-signature"]
    )


@pytest.mark.parametrize("secret", ["whsec_", "", "whsec_="], ids=["whsec_ alone", "nothing", "="])
def test_an_empty_key_is_refused_as_the_reference_library_refuses_it(secret: str) -> None:
    with pytest.raises(EmptyWebhookSecretError):
        Webhook(secret)
    with pytest.raises(ValueError, match=r"^a webhook secret's key is empty$"):
        Verifier(secret)
    with pytest.raises(ValueError, match=r"^a webhook secret's key is empty$"):
        signing.sign(secret, "msg_1", 1_750_000_000, BODY.encode())


def test_a_secret_that_is_not_base64_is_refused_in_words() -> None:
    with pytest.raises(ValueError, match=r"^a webhook secret is base64 after 'whsec_'$"):
        Verifier("whsec_abcde")
