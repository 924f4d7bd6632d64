"""Webhook signature checks refuse every malformed timestamp header with a `SignatureError`
(a 401 at the listener), never another exception (a 500)."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from konnekta_desktop.konnekta import signing
from konnekta_desktop.konnekta.signing import SignatureError, Verifier

SECRET = signing.new_secret()
NOW = 1_750_000_000


@pytest.mark.parametrize(
    "timestamp",
    [
        "9" * 400,  # once an OverflowError before the signature was checked: a 500
        "1" + "0" * 5000,  # past int()'s digit limit: a ValueError of its own
        "１７５００００００００",  # fullwidth digits, which int() reads
        "1_750_000_000",
        " 1750000000",
        "-1750000000",
        "1750000000.5",
    ],
)
def test_a_malformed_timestamp_is_refused_as_a_bad_signature(timestamp: str) -> None:
    with pytest.raises(SignatureError, match="webhook-timestamp"):
        Verifier(SECRET).verify("msg_1", timestamp, "v1,abc", b"{}", NOW)


@given(timestamp=st.one_of(st.text(), st.text(alphabet="0123456789", max_size=5000)))
def test_a_timestamp_header_raises_nothing_but_a_signature_error(timestamp: str) -> None:
    with contextlib.suppress(SignatureError):
        Verifier(SECRET).verify("msg_1", timestamp, "v1,abc", b"{}", NOW)


def test_a_well_signed_event_at_the_edge_of_the_tolerance_is_accepted() -> None:
    sent = NOW - signing.TOLERANCE_SECONDS
    headers = signing.headers(SECRET, "msg_1", sent, b"{}")
    Verifier(SECRET).verify(
        "msg_1", headers["webhook-timestamp"], headers["webhook-signature"], b"{}", NOW
    )
    with pytest.raises(SignatureError, match="off"):
        Verifier(SECRET).verify(
            "msg_1", headers["webhook-timestamp"], headers["webhook-signature"], b"{}", NOW + 1
        )
