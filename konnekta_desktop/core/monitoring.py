"""Which number the app monitors for a user, when a line shows busy, and the phone status shown.

Rules from the vendor page, in our words:

- A line is monitored (and controlled) by its own number, unless it has exactly one alias and that
  alias is a short number: then by the short number. This holds alike for primary and secondary
  Fixed lines.
- A Fixed line shows busy whenever its user is on any call, whatever line the call came in on.
- A Mobile line (in practice a secondary line) shows busy only while the user talks on the mobile
  device itself; a call answered on the desk phone or softphone does not make it busy.
- A number registered as Mobile allows no call control.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from ..domain.refusals import Reason, Refused
from ..domain.types import Call, CallingDevice, CallState, Line, LineType, User

__all__ = [
    "PhoneStatus",
    "ensure_call_control",
    "line_busy",
    "monitored_numbers",
    "monitoring_number",
    "phone_status",
]


class PhoneStatus(StrEnum):
    """A user's telephone status as the switchboard shows it, most urgent first.

    BUSY beats RINGING (a user on a call with a second call waiting is busy), and both beat
    FORWARDED: forwarding only tells where new calls go while the user is free.
    """

    NOT_MONITORED = "not_monitored"  # the user has no line: nothing to watch
    BUSY = "busy"  # talking, on a fixed device (desk phone, softphone, Teams)
    ON_MOBILE = "on_mobile"  # talking, and every answered call is on the mobile device
    RINGING = "ringing"  # at least one call ringing, none answered
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


def phone_status(user: User, calls_of_user: Iterable[Call], diversion: str | None) -> PhoneStatus:
    """The status the switchboard shows for `user`.

    `calls_of_user` are the user's call legs in progress (ended legs are ignored); `diversion` is
    the user's current forwarding number, or None.
    """
    if not user.lines:
        return PhoneStatus.NOT_MONITORED
    calls = [call for call in calls_of_user if call.state is not CallState.ENDED]
    talking = _talking(calls)
    if talking:
        if all(call.device is CallingDevice.MOBILE for call in talking):
            return PhoneStatus.ON_MOBILE
        return PhoneStatus.BUSY
    if calls:
        return PhoneStatus.RINGING
    if diversion:
        return PhoneStatus.FORWARDED
    return PhoneStatus.IDLE


def ensure_call_control(line: Line) -> None:
    """Refuse (`Reason.MOBILE_LINE`) when `line` is registered as Mobile, which allows no call
    control."""
    if line.type is LineType.MOBILE:
        raise Refused(Reason.MOBILE_LINE, number=line.number)
