"""Which line the Phone column follows: the primary line, else the first line Konnekta lists.

Reference page, Fixed and Mobile Lines: "Same rules apply for primary and secondary lines"; the
switchboard shows one status per user, that of the primary line, and a user whose lines Konnekta
lists without a primary one is still watched, by the first of them.
"""

from __future__ import annotations

from konnekta_desktop.core.monitoring import PhoneStatus, phone_status, primary_line
from konnekta_desktop.domain import (
    Call,
    CallingDevice,
    CallState,
    Direction,
    Line,
    LineRole,
    LineType,
    User,
)

DESK = Line(role=LineRole.SECONDARY, type=LineType.FIXED, number="+4532123456")
MOBILE = Line(role=LineRole.SECONDARY, type=LineType.MOBILE, number="+4520304050")
PRIMARY = Line(role=LineRole.PRIMARY, type=LineType.FIXED, number="+4532999999")


def user(*lines: Line) -> User:
    return User(id="anna", username="anna@x.dk", name="Anna", lines=lines)


def talking_on_the_desk_phone() -> list[Call]:
    return [
        Call(
            call_id="c1",
            user_id="anna",
            state=CallState.ANSWERED,
            direction=Direction.INBOUND,
            caller="+4570101010",
            called="+4532123456",
            device=CallingDevice.LOCAL,
            started_at=1_750_000_000.0,
            answered_at=1_750_000_005.0,
        )
    ]


def test_the_primary_line_is_followed_wherever_konnekta_lists_it() -> None:
    assert primary_line(user(MOBILE, DESK, PRIMARY)) is PRIMARY


def test_without_a_primary_line_the_first_line_listed_is_followed() -> None:
    assert primary_line(user(DESK, MOBILE)) is DESK
    assert primary_line(user(MOBILE, DESK)) is MOBILE


def test_a_user_without_lines_has_no_primary_line() -> None:
    assert primary_line(user()) is None


def test_the_phone_status_of_a_user_without_a_primary_line_follows_the_first_line() -> None:
    """Listed first, the Fixed line shows busy for a call on the desk phone; listed first, the
    Mobile line does not (Fixed and Mobile Lines)."""
    calls = talking_on_the_desk_phone()
    assert phone_status(user(DESK, MOBILE), calls, None) is PhoneStatus.BUSY
    assert phone_status(user(MOBILE, DESK), calls, None) is PhoneStatus.IDLE
