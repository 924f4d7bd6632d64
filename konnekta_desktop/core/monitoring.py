"""Which number the app monitors for a user, when a line shows busy, and the phone status shown.

Rules from the vendor page, in our words:

- A line is monitored (and controlled) by its own number, unless it has exactly one alias and that
  alias is a short number: then by the short number. This holds alike for primary and secondary
  Fixed lines.
- A Fixed line shows busy whenever its user is on any call, whatever line the call came in on.
- A Mobile line (in practice a secondary line) shows busy only while the user talks on the mobile
  device itself; a call answered on the desk phone or softphone does not make it busy.
- A number registered as Mobile allows no call control.

The switchboard shows the primary line's status (`phone_status`) and, beside the mobile number,
whether the Mobile line is busy (`mobile_busy`); both follow the line's type, not the device alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from ..domain.refusals import Reason, Refused
from ..domain.types import Call, CallingDevice, CallState, Line, LineRole, LineType, User

__all__ = [
    "PhoneStatus",
    "ensure_call_control",
    "line_busy",
    "mobile_busy",
    "mobile_line",
    "monitored_numbers",
    "monitoring_number",
    "phone_status",
    "primary_line",
]


class PhoneStatus(StrEnum):
    """The status of a user's primary line as the switchboard shows it, most urgent first.

    BUSY beats RINGING (a user on a call with a second call waiting is busy), and both beat
    FORWARDED: forwarding only tells where new calls go while the user is free.
    """

    NOT_MONITORED = "not_monitored"  # the user has no line: nothing to watch
    BUSY = "busy"  # the line shows busy (`line_busy`)
    RINGING = "ringing"  # at least one call ringing, and the line not busy
    FORWARDED = "forwarded"  # free, with a diversion number set
    IDLE = "idle"  # free


def monitoring_number(line: Line) -> str:
    """The number used to monitor and control `line`.

    A Fixed line (primary or secondary) is monitored by its line number, unless it has exactly one
    alias and that alias is a short number; then the short number is used. Two or more aliases, or
    a single alias that is a full number, leave the line number in use.

    A Mobile line is always monitored by its own (mobile) number: the page says mobile lines are
    treated differently, aliases do not stand in for a mobile phone, and a Mobile line allows no
    call control (see `ensure_call_control`), so the short-alias rule would buy nothing there.
    """
    if line.type is LineType.FIXED and len(line.aliases) == 1 and line.aliases[0].short_number:
        return line.aliases[0].number
    return line.number


def monitored_numbers(user: User) -> tuple[str, ...]:
    """The monitoring number of each of the user's lines, in the order Konnekta lists them."""
    return tuple(monitoring_number(line) for line in user.lines)


def _talking(calls: Iterable[Call]) -> list[Call]:
    return [call for call in calls if call.state is CallState.ANSWERED]


def line_busy(line: Line, calls_of_user: Iterable[Call]) -> bool:
    """Whether `line` shows busy, given the calls (legs) of the line's user.

    A ringing call does not make a line busy (it is its own status, RINGING); an answered call does.
    A Fixed line is busy whenever the user talks on any call. A Mobile line is busy only while the
    user talks on the mobile device (an answered call whose device is mobile).
    """
    talking = _talking(calls_of_user)
    if line.type is LineType.FIXED:
        return bool(talking)
    return any(call.device is CallingDevice.MOBILE for call in talking)


def primary_line(user: User) -> Line | None:
    """The user's primary line (else their first line), or None when they have no line."""
    for line in user.lines:
        if line.role is LineRole.PRIMARY:
            return line
    return user.lines[0] if user.lines else None


def mobile_line(user: User) -> Line | None:
    """The user's first Mobile line, or None."""
    for line in user.lines:
        if line.type is LineType.MOBILE:
            return line
    return None


def phone_status(user: User, calls_of_user: Iterable[Call], diversion: str | None) -> PhoneStatus:
    """The status the switchboard shows for `user`'s primary line.

    `calls_of_user` are the user's call legs in progress; `diversion` is the user's current
    forwarding number, or None. The line is BUSY as `line_busy` says for its type: a Fixed
    primary line whenever the user talks, on any device; a Mobile one only while the user talks
    on the mobile device.
    """
    line = primary_line(user)
    if line is None:
        return PhoneStatus.NOT_MONITORED
    calls = list(calls_of_user)
    if line_busy(line, calls):
        return PhoneStatus.BUSY
    if any(call.state is CallState.RINGING for call in calls):
        return PhoneStatus.RINGING
    if diversion:
        return PhoneStatus.FORWARDED
    return PhoneStatus.IDLE


def mobile_busy(user: User, calls_of_user: Iterable[Call]) -> bool:
    """Whether `user`'s Mobile line shows busy: only while they talk on the mobile device (a
    call answered on the desk phone or softphone leaves it free). False without a Mobile line."""
    line = mobile_line(user)
    return line is not None and line_busy(line, calls_of_user)


def ensure_call_control(line: Line) -> None:
    """Refuse (`Reason.MOBILE_LINE`) when `line` is registered as Mobile, which allows no call
    control."""
    if line.type is LineType.MOBILE:
        raise Refused(Reason.MOBILE_LINE, number=line.number)
