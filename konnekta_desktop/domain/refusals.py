"""Why a command was not carried out: one catalogue of codes, each with named parameters.

The core refuses with a code and its parameters, never with a sentence; the UI words each code in
the operator's language (`ui/refusal_words.py`), and the company connector sends codes to its
desktops as they are. A new reason is a new member here, with its parameters in the comment,
and a wording in the UI (a test checks that every code has one, in every language).
"""

from __future__ import annotations

from enum import StrEnum

__all__ = ["PARAMETERS", "Command", "Reason", "Refused"]


class Command(StrEnum):
    """What the operator asked for, as the refusals name it."""

    DIAL = "dial"
    HANG_UP = "hang_up"
    TRANSFER = "transfer"
    SET_FORWARDING = "set_forwarding"
    CLEAR_FORWARDING = "clear_forwarding"
    SET_CALLER_ID = "set_caller_id"
    LOAD_CALLER_IDS = "load_caller_ids"
    SET_STATE = "set_state"
    SET_AVAILABILITY = "set_availability"
    COMPLETE_WRAPUP = "complete_wrapup"
    LOAD_ACTIVITIES = "load_activities"
    CHECK_CONNECTION = "check_connection"


class Reason(StrEnum):
    """Every reason a command is refused. Parameters in brackets."""

    USER_UNKNOWN = "user_unknown"  # [user]: not in the PBX's user list (any more)
    NO_PHONE_LINE = "no_phone_line"  # [name]: the user has no line at all
    CALL_ENDED = "call_ended"  # the call ended before the command reached it
    NO_SUCH_DEVICE = "no_such_device"  # [name, device]: the user lacks that calling device
    NO_TEAMS_TELEPHONY = "no_teams_telephony"  # [name]: Teams telephony is off for the user
    MOBILE_LINE = "mobile_line"  # [number]: a Mobile line allows no call control
    NO_CALLER_ID_RIGHT = "no_caller_id_right"  # [name]: lacks the Set Caller ID right
    CALLER_ID_NOT_VALID = "caller_id_not_valid"  # [number, name, valid]: not among the valid
    NUMBER_EMPTY = "number_empty"  # nothing to dial was typed
    NUMBER_NOT_A_NUMBER = "number_not_a_number"  # [text]: letters or stray signs
    NUMBER_NO_DIGITS_AFTER_PREFIX = "number_no_digits_after_prefix"  # [text]
    NUMBER_TOO_SHORT = "number_too_short"  # [text]: digits are missing
    NUMBER_TOO_LONG = "number_too_long"  # [text, most]: more digits than any number has
    NUMBER_UNKNOWN_COUNTRY = "number_unknown_country"  # [text]: no such country code
    NUMBER_TOO_SHORT_FOR_COUNTRY = "number_too_short_for_country"  # [text, country]
    # [text, country, lengths, short_most, prefix]: neither a national nor a short number
    NUMBER_NOT_NATIONAL = "number_not_national"
    NUMBER_WRONG_LENGTH = "number_wrong_length"  # [text, digits, country, lengths]
    PREFIX_NOT_DIGITS = "prefix_not_digits"  # [prefix]: the International prefix setting
    CODE_NOT_A_COUNTRY = "code_not_a_country"  # [code]: the International code setting
    NO_SUCH_TEMPLATE = "no_such_template"  # [name]
    NO_SUCH_STATE = "no_such_state"  # [name]
    PBX_REFUSED = "pbx_refused"  # [command, detail]: the PBX answered no (detail: its words)
    PBX_FAILED = "pbx_failed"  # [command, detail]: the PBX could not be reached or failed
    CONNECTION_NOT_STARTED = "connection_not_started"  # [detail]: e.g. the listener port is busy
    # [command, request_id]: the id already named another command, which was not repeated either
    REQUEST_ID_REUSED = "request_id_reused"


PARAMETERS: dict[Reason, frozenset[str]] = {
    Reason.USER_UNKNOWN: frozenset({"user"}),
    Reason.NO_PHONE_LINE: frozenset({"name"}),
    Reason.CALL_ENDED: frozenset(),
    Reason.NO_SUCH_DEVICE: frozenset({"name", "device"}),
    Reason.NO_TEAMS_TELEPHONY: frozenset({"name"}),
    Reason.MOBILE_LINE: frozenset({"number"}),
    Reason.NO_CALLER_ID_RIGHT: frozenset({"name"}),
    Reason.CALLER_ID_NOT_VALID: frozenset({"number", "name", "valid"}),
    Reason.NUMBER_EMPTY: frozenset(),
    Reason.NUMBER_NOT_A_NUMBER: frozenset({"text"}),
    Reason.NUMBER_NO_DIGITS_AFTER_PREFIX: frozenset({"text"}),
    Reason.NUMBER_TOO_SHORT: frozenset({"text"}),
    Reason.NUMBER_TOO_LONG: frozenset({"text", "most"}),
    Reason.NUMBER_UNKNOWN_COUNTRY: frozenset({"text"}),
    Reason.NUMBER_TOO_SHORT_FOR_COUNTRY: frozenset({"text", "country"}),
    Reason.NUMBER_NOT_NATIONAL: frozenset({"text", "country", "lengths", "short_most", "prefix"}),
    Reason.NUMBER_WRONG_LENGTH: frozenset({"text", "digits", "country", "lengths"}),
    Reason.PREFIX_NOT_DIGITS: frozenset({"prefix"}),
    Reason.CODE_NOT_A_COUNTRY: frozenset({"code"}),
    Reason.NO_SUCH_TEMPLATE: frozenset({"name"}),
    Reason.NO_SUCH_STATE: frozenset({"name"}),
    Reason.PBX_REFUSED: frozenset({"command", "detail"}),
    Reason.PBX_FAILED: frozenset({"command", "detail"}),
    Reason.CONNECTION_NOT_STARTED: frozenset({"detail"}),
    Reason.REQUEST_ID_REUSED: frozenset({"command", "request_id"}),
}
"""The parameters each reason carries, by name."""


class Refused(Exception):
    """A command that was not carried out, with the reason's code and its parameters.

    `str()` gives the code and parameters, for logs; the operator sees the UI's wording."""

    def __init__(self, reason: Reason, **params: str) -> None:
        if params.keys() != PARAMETERS[reason]:
            raise TypeError(
                f"{reason.value} takes {sorted(PARAMETERS[reason])}, not {sorted(params)}"
            )
        super().__init__(reason, params)
        self.reason = reason
        self.params = params

    def __str__(self) -> str:
        shown = ", ".join(f"{key}={value!r}" for key, value in self.params.items())
        return f"{self.reason.value}({shown})"

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, Refused)
            and other.reason is self.reason
            and other.params == self.params
        )

    def __hash__(self) -> int:
        return hash((self.reason, tuple(sorted(self.params.items()))))
