"""Monitoring number, busy lines, phone status and the refusal of call control on mobile lines."""

from __future__ import annotations

import pytest

from konnekta_desktop.core.monitoring import (
    PhoneStatus,
    ensure_call_control,
    line_busy,
    mobile_busy,
    monitored_numbers,
    monitoring_number,
    phone_status,
    primary_line,
)
from konnekta_desktop.domain import (
    Alias,
    Call,
    CallingDevice,
    CallState,
    Direction,
    Line,
    LineRole,
    LineType,
    User,
)
from konnekta_desktop.domain.refusals import Reason, Refused

# The vendor page's table: line number, then (number, short?) for up to two aliases, then the
# number that must be monitored.
MONITORING_TABLE: list[tuple[str, tuple[tuple[str, bool], ...], str]] = [
    ("+199999999", (), "+199999999"),
    ("+199999999", (("111", True),), "111"),
    ("+199999999", (("+111111111", False),), "+199999999"),
    ("+199999999", (("111", True), ("+122222222", False)), "+199999999"),
    ("+199999999", (("+112211111", False), ("222", True)), "+199999999"),
    ("+199999999", (("111", True), ("222", True)), "+199999999"),
    ("+199999999", (("+111111111", False), ("+122222222", False)), "+199999999"),
]


@pytest.mark.parametrize("role", list(LineRole))
@pytest.mark.parametrize(("line_number", "aliases", "expected"), MONITORING_TABLE)
def test_monitoring_number_follows_the_reference_table_for_fixed_lines(
    role: LineRole, line_number: str, aliases: tuple[tuple[str, bool], ...], expected: str
) -> None:
    line = Line(
        role=role,
        type=LineType.FIXED,
        number=line_number,
        aliases=tuple(Alias(number=n, short_number=short) for n, short in aliases),
    )
    assert monitoring_number(line) == expected


def test_mobile_line_is_monitored_by_its_own_number_even_with_one_short_alias() -> None:
    mobile = Line(
        role=LineRole.SECONDARY,
        type=LineType.MOBILE,
        number="+4520304050",
        aliases=(Alias(number="111", short_number=True),),
    )
    assert monitoring_number(mobile) == "+4520304050"


def fixed(role: LineRole = LineRole.PRIMARY) -> Line:
    return Line(role=role, type=LineType.FIXED, number="+4532123456")


MOBILE = Line(role=LineRole.SECONDARY, type=LineType.MOBILE, number="+4520304050")


def call(
    state: CallState, device: CallingDevice | None = None, call_id: str = "c1", user_id: str = "u1"
) -> Call:
    return Call(
        call_id=call_id,
        user_id=user_id,
        state=state,
        direction=Direction.INBOUND,
        caller="+4570101010",
        called="+4532123456",
        device=device,
        started_at=1000.0,
        answered_at=1005.0 if state is not CallState.RINGING else None,
    )


def user(*lines: Line) -> User:
    return User(id="u1", username="anna@firma.dk", name="Anna Holm", lines=lines)


def test_monitored_numbers_lists_each_line_and_the_start_up_table_names_everyone() -> None:
    anna = user(
        Line(
            role=LineRole.PRIMARY,
            type=LineType.FIXED,
            number="+4532123456",
            aliases=(Alias(number="201", short_number=True),),
        ),
        MOBILE,
    )
    assert monitored_numbers(anna) == ("201", "+4520304050")


@pytest.mark.parametrize("role", list(LineRole))
@pytest.mark.parametrize("device", [CallingDevice.LOCAL, CallingDevice.MOBILE, None])
def test_fixed_line_is_busy_on_any_answered_call(role: LineRole, device: CallingDevice) -> None:
    assert line_busy(fixed(role), [call(CallState.ANSWERED, device)])


def test_fixed_line_is_not_busy_while_a_call_only_rings_or_without_calls() -> None:
    assert not line_busy(fixed(), [call(CallState.RINGING)])
    assert not line_busy(fixed(), [])


def test_mobile_line_is_busy_only_while_talking_on_the_mobile_device() -> None:
    assert line_busy(MOBILE, [call(CallState.ANSWERED, CallingDevice.MOBILE)])
    assert not line_busy(MOBILE, [call(CallState.ANSWERED, CallingDevice.LOCAL)])
    assert not line_busy(MOBILE, [call(CallState.ANSWERED, CallingDevice.TEAMS)])
    assert not line_busy(MOBILE, [call(CallState.RINGING, CallingDevice.MOBILE)])


def test_mobile_line_is_busy_when_one_of_several_answered_calls_is_on_the_mobile() -> None:
    calls = [
        call(CallState.ANSWERED, CallingDevice.LOCAL, "c1"),
        call(CallState.ANSWERED, CallingDevice.MOBILE, "c2"),
    ]
    assert line_busy(MOBILE, calls)


@pytest.mark.parametrize(
    ("calls", "diversion", "status"),
    [
        ([], None, PhoneStatus.IDLE),
        ([], "+4570707070", PhoneStatus.FORWARDED),
        ([call(CallState.RINGING)], "+4570707070", PhoneStatus.RINGING),
        ([call(CallState.ANSWERED, CallingDevice.LOCAL)], "+4570707070", PhoneStatus.BUSY),
        ([call(CallState.ANSWERED, CallingDevice.MOBILE)], None, PhoneStatus.BUSY),
        (
            [call(CallState.ANSWERED, CallingDevice.MOBILE, "c1"), call(CallState.RINGING)],
            None,
            PhoneStatus.BUSY,
        ),
        (
            [
                call(CallState.ANSWERED, CallingDevice.MOBILE, "c1"),
                call(CallState.ANSWERED, CallingDevice.LOCAL, "c2"),
            ],
            None,
            PhoneStatus.BUSY,
        ),
        (
            [call(CallState.RINGING, None, "c1"), call(CallState.ANSWERED, None, "c2")],
            None,
            PhoneStatus.BUSY,
        ),
        ([call(CallState.ENDED)], None, PhoneStatus.IDLE),
    ],
)
def test_phone_status_puts_talking_before_ringing_before_forwarding(
    calls: list[Call], diversion: str | None, status: PhoneStatus
) -> None:
    assert phone_status(user(fixed(), MOBILE), calls, diversion) == status


# "Fixed and Mobile Lines": the grid shows the primary line's status in the Phone column and the
# Mobile line's busy state in the Mobile column, each by its line type's rule.


@pytest.mark.parametrize("device", [CallingDevice.LOCAL, CallingDevice.MOBILE, CallingDevice.TEAMS])
def test_fixed_and_mobile_lines_a_fixed_primary_line_shows_busy_on_any_device(
    device: CallingDevice,
) -> None:
    """Fixed lines show busy whenever the user is on the phone, the mobile device included."""
    calls = [call(CallState.ANSWERED, device)]
    assert phone_status(user(fixed(), MOBILE), calls, None) is PhoneStatus.BUSY


def test_fixed_and_mobile_lines_a_mobile_line_is_busy_only_while_talking_on_the_mobile() -> None:
    """A secondary Mobile line shows busy only while the user talks on the mobile device; a call
    answered on the desk phone or softphone leaves it free."""
    anna = user(fixed(), MOBILE)
    assert mobile_busy(anna, [call(CallState.ANSWERED, CallingDevice.MOBILE)])
    assert not mobile_busy(anna, [call(CallState.ANSWERED, CallingDevice.LOCAL)])
    assert not mobile_busy(anna, [call(CallState.ANSWERED, CallingDevice.TEAMS)])
    assert not mobile_busy(anna, [call(CallState.RINGING, CallingDevice.MOBILE)])
    assert not mobile_busy(anna, [])


def test_fixed_and_mobile_lines_no_mobile_line_is_never_mobile_busy() -> None:
    assert not mobile_busy(user(fixed()), [call(CallState.ANSWERED, CallingDevice.MOBILE)])


def test_fixed_and_mobile_lines_a_mobile_primary_line_follows_the_mobile_rule() -> None:
    """The rule goes by the line's type: a user whose primary line is Mobile does not show busy
    for a call answered on the desk phone, and does while talking on the mobile."""
    only_mobile = user(Line(role=LineRole.PRIMARY, type=LineType.MOBILE, number="+4520304050"))
    desk = [call(CallState.ANSWERED, CallingDevice.LOCAL)]
    assert phone_status(only_mobile, desk, None) is PhoneStatus.IDLE
    assert phone_status(only_mobile, desk, "+4570707070") is PhoneStatus.FORWARDED
    on_mobile = [call(CallState.ANSWERED, CallingDevice.MOBILE)]
    assert phone_status(only_mobile, on_mobile, None) is PhoneStatus.BUSY


def test_the_phone_column_follows_the_primary_line_wherever_konnekta_lists_it() -> None:
    anna = user(MOBILE, fixed())
    assert primary_line(anna) == fixed()
    assert phone_status(anna, [call(CallState.ANSWERED, CallingDevice.MOBILE)], None) is (
        PhoneStatus.BUSY
    )
    assert primary_line(user()) is None


def test_user_without_lines_is_not_monitored() -> None:
    assert phone_status(user(), [call(CallState.ANSWERED)], None) is PhoneStatus.NOT_MONITORED


def test_call_control_on_a_mobile_line_is_refused_with_a_reason_and_a_way_out() -> None:
    with pytest.raises(Refused) as refused:
        ensure_call_control(MOBILE)
    assert refused.value == Refused(Reason.MOBILE_LINE, number="+4520304050")


@pytest.mark.parametrize("role", list(LineRole))
def test_call_control_on_a_fixed_line_is_allowed(role: LineRole) -> None:
    ensure_call_control(fixed(role))
