"""The operator's words for every refusal code of `domain/refusals.py`.

Each wording is written out in a `QT_TRANSLATE_NOOP("Refusal", ...)` so that lupdate collects it,
and translated when shown; the parameters fill the named fields. A test checks that every code
and every command has a wording, with exactly its parameters, in every language.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ..domain.refusals import Command, Reason, Refused
from ..domain.types import CallingDevice
from .texts import device_label

__all__ = ["COMMAND_WORDS", "REASON_WORDS", "words"]

CONTEXT: Final = "Refusal"


def _t(marked: object) -> str:
    return str(marked)


REASON_WORDS: Final[dict[Reason, str]] = {
    Reason.USER_UNKNOWN: _t(QT_TRANSLATE_NOOP("Refusal", "User {user} is not in Konnekta's user list (any more).")),
    Reason.NO_PHONE_LINE: _t(QT_TRANSLATE_NOOP("Refusal", "{name} has no phone line in Konnekta.")),
    Reason.CALL_ENDED: _t(QT_TRANSLATE_NOOP("Refusal", "That call has already ended.")),
    Reason.NO_SUCH_DEVICE: _t(QT_TRANSLATE_NOOP("Refusal", "{name} has no calling device “{device}”. Choose another calling device.")),
    Reason.NO_TEAMS_TELEPHONY: _t(QT_TRANSLATE_NOOP("Refusal", "{name} cannot call from Teams: Teams telephony must be enabled for them in Konnekta's user administration. Choose another calling device meanwhile.")),
    Reason.MOBILE_LINE: _t(QT_TRANSLATE_NOOP("Refusal", "{number} is a mobile line, and Konnekta allows no call control on mobile lines. Dial, transfer or hang up from the fixed line instead, or let the user handle the call on the mobile phone.")),
    Reason.NO_CALLER_ID_RIGHT: _t(QT_TRANSLATE_NOOP("Refusal", "{name} lacks the Set Caller ID right in Konnekta, so the outbound caller ID cannot be changed. An administrator can grant it.")),
    Reason.CALLER_ID_NOT_VALID: _t(QT_TRANSLATE_NOOP("Refusal", "{number} is not a valid caller ID for {name}. Valid caller IDs in Konnekta: {valid}.")),
    Reason.NUMBER_EMPTY: _t(QT_TRANSLATE_NOOP("Refusal", "The number is empty: type digits, optionally starting with + or 00.")),
    Reason.NUMBER_NOT_A_NUMBER: _t(QT_TRANSLATE_NOOP("Refusal", "“{text}” is not a phone number: use digits, optionally starting with + or 00.")),
    Reason.NUMBER_NO_DIGITS_AFTER_PREFIX: _t(QT_TRANSLATE_NOOP("Refusal", "“{text}” has no digits after the international prefix.")),
    Reason.NUMBER_TOO_SHORT: _t(QT_TRANSLATE_NOOP("Refusal", "“{text}” is too short: digits are missing.")),
    Reason.NUMBER_TOO_LONG: _t(QT_TRANSLATE_NOOP("Refusal", "“{text}” is too long: an international number has at most {most} digits.")),
    Reason.NUMBER_UNKNOWN_COUNTRY: _t(QT_TRANSLATE_NOOP("Refusal", "“{text}” does not start with a known country code (such as 45 or 298).")),
    Reason.NUMBER_TOO_SHORT_FOR_COUNTRY: _t(QT_TRANSLATE_NOOP("Refusal", "“{text}” is too short for a number in country +{country}.")),
    Reason.NUMBER_NOT_NATIONAL: _t(QT_TRANSLATE_NOOP("Refusal", "“{text}” is neither a number in country +{country} ({lengths} digits) nor a short number (at most {short_most} digits); for a foreign number type {prefix} or + and the country code.")),
    Reason.NUMBER_WRONG_LENGTH: _t(QT_TRANSLATE_NOOP("Refusal", "“{text}” has {digits} digits after +{country}; numbers there have {lengths} digits.")),
    Reason.PREFIX_NOT_DIGITS: _t(QT_TRANSLATE_NOOP("Refusal", "The International prefix “{prefix}” must be digits, usually 00: check Settings > Numbers.")),
    Reason.CODE_NOT_A_COUNTRY: _t(QT_TRANSLATE_NOOP("Refusal", "The International code “{code}” is not a country code (for example 45 for Denmark, 298 for the Faroe Islands): check Settings > Numbers.")),
    Reason.NO_SUCH_TEMPLATE: _t(QT_TRANSLATE_NOOP("Refusal", "There is no template called “{name}”; see Settings > States.")),
    Reason.NO_SUCH_STATE: _t(QT_TRANSLATE_NOOP("Refusal", "There is no state called “{name}”; see Settings > States.")),
    Reason.PBX_REFUSED: _t(QT_TRANSLATE_NOOP("Refusal", "{command}: Konnekta refused it. {detail}")),
    Reason.PBX_FAILED: _t(QT_TRANSLATE_NOOP("Refusal", "{command} failed: {detail}")),
    Reason.CONNECTION_NOT_STARTED: _t(QT_TRANSLATE_NOOP("Refusal", "The connection to Konnekta could not start: {detail}")),
    Reason.REQUEST_ID_REUSED: _t(QT_TRANSLATE_NOOP("Refusal", "{command} was not carried out: its request id {request_id} already belongs to another command. Try again.")),
}  # fmt: skip

_NONE: Final = _t(QT_TRANSLATE_NOOP("Refusal", "none"))  # no valid caller IDs at all

COMMAND_WORDS: Final[dict[Command, str]] = {
    Command.DIAL: _t(QT_TRANSLATE_NOOP("Refusal", "Dialling")),
    Command.HANG_UP: _t(QT_TRANSLATE_NOOP("Refusal", "Hanging up")),
    Command.TRANSFER: _t(QT_TRANSLATE_NOOP("Refusal", "Transferring")),
    Command.SET_FORWARDING: _t(QT_TRANSLATE_NOOP("Refusal", "Setting forwarding")),
    Command.CLEAR_FORWARDING: _t(QT_TRANSLATE_NOOP("Refusal", "Clearing forwarding")),
    Command.SET_CALLER_ID: _t(QT_TRANSLATE_NOOP("Refusal", "Setting the caller ID")),
    Command.LOAD_CALLER_IDS: _t(QT_TRANSLATE_NOOP("Refusal", "Loading the caller IDs")),
    Command.SET_STATE: _t(QT_TRANSLATE_NOOP("Refusal", "Setting the state")),
    Command.SET_AVAILABILITY: _t(QT_TRANSLATE_NOOP("Refusal", "Setting the availability")),
    Command.COMPLETE_WRAPUP: _t(QT_TRANSLATE_NOOP("Refusal", "Completing the wrap-up")),
    Command.LOAD_ACTIVITIES: _t(QT_TRANSLATE_NOOP("Refusal", "Loading the activities")),
    Command.CHECK_CONNECTION: _t(QT_TRANSLATE_NOOP("Refusal", "Testing the connection")),
}


def words(refused: Refused) -> str:
    """The refusal as the operator reads it, in the app's language."""
    params = dict(refused.params)
    if "command" in params:
        params["command"] = QCoreApplication.translate(
            CONTEXT, COMMAND_WORDS[Command(params["command"])]
        )
    if "device" in params:
        params["device"] = device_label(CallingDevice(params["device"]))
    if params.get("valid") == "":
        params["valid"] = QCoreApplication.translate(CONTEXT, _NONE)
    return QCoreApplication.translate(CONTEXT, REASON_WORDS[refused.reason]).format(**params)
