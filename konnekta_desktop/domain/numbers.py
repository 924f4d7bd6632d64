"""Phone numbers in the operator's number plan: E.164 inside, national convention on screen and dial.

Every number the app compares is first normalised: E.164 (``+4512345678``) for numbers reachable
from the public network, plain digits (``111``) for short numbers such as extensions and aliases.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import phonenumbers
from phonenumbers import NumberFormat, NumberParseException, PhoneNumber, PhoneNumberFormat

from .refusals import Reason, Refused

__all__ = ["MAX_SHORT_NUMBER_LENGTH", "NumberError", "NumberPlan"]

MAX_SHORT_NUMBER_LENGTH = 6
"""Longest digit string taken as a short number when it is not a valid length for the own country."""

_MAX_E164_DIGITS = 15
_MIN_FOREIGN_NATIONAL_DIGITS = 4
# What people type between digits: spaces (also non-breaking), dashes, dots, slashes, brackets.
_SEPARATORS = re.compile(r"[\s\-./()\u00a0\u2011\u2012\u2013]+")
_DIGITS = re.compile(r"\+?\d+")
# No such calling code, and calling codes of no country (800 freephone, 870 Inmarsat, 882, 979...):
# with one of these as the own country no national number could be read or shown.
_NO_COUNTRY = frozenset({phonenumbers.UNKNOWN_REGION, phonenumbers.REGION_CODE_FOR_NON_GEO_ENTITY})


class NumberError(Refused, ValueError):
    """A text that is not a phone number (or number settings that cannot be used); the reason
    says what is wrong."""


@dataclass(frozen=True, slots=True)
class NumberPlan:
    """The operator's number settings: International prefix (usually 00) and International code.

    Hashable, so parsed results are cached per plan; the grid shows thousands of numbers.
    """

    international_prefix: str = "00"
    international_code: str = "45"

    def __post_init__(self) -> None:
        if not self.international_prefix.isdigit():
            raise NumberError(Reason.PREFIX_NOT_DIGITS, prefix=self.international_prefix)
        if not self.international_code.isdigit() or self.region in _NO_COUNTRY:
            raise NumberError(Reason.CODE_NOT_A_COUNTRY, code=self.international_code)

    @property
    def region(self) -> str:
        """The ISO region of the own country ("DK" for 45, "FO" for 298)."""
        if not self.international_code.isdigit():
            return "ZZ"
        region: str = phonenumbers.region_code_for_country_code(int(self.international_code))
        return region

    def normalise(self, text: str) -> str:
        """E.164 for public numbers, digits for short numbers; raises `NumberError` for junk.

        Accepted: ``12345678``, ``+45 12 34 56 78``, ``004512345678``, ``0029812345678``,
        ``+298 123456``, ``111``, with spaces, dashes, dots, slashes and brackets anywhere.
        """
        return _normalise(self, text)

    def is_short(self, number: str) -> bool:
        """Whether a normalised number is a short number (no country code)."""
        return not number.startswith("+")

    def display(self, number: str) -> str:
        """How the number is shown: own country without country code and grouped as usual there
        ("12 34 56 78"), foreign with the international prefix ("00298 123456"), short unchanged.

        A text that is not a number is shown as it came (stripped) rather than raising: the grid
        shows what the PBX reports, and a strange number is better seen than hidden.
        """
        try:
            return _display(self, _normalise(self, number))
        except NumberError:
            return number.strip()

    def dialable(self, number: str) -> str:
        """The digits to dial in the operator's convention ("12345678", "00298123456", "111")."""
        return _dialable(self, _normalise(self, number))

    def same(self, a: str, b: str) -> bool:
        """Whether two texts are the same number; a text that is not a number equals nothing."""
        try:
            return _normalise(self, a) == _normalise(self, b)
        except NumberError:
            return False


def _clean(text: str) -> str:
    cleaned = _SEPARATORS.sub("", text.strip())
    if not cleaned:
        raise NumberError(Reason.NUMBER_EMPTY)
    if not _DIGITS.fullmatch(cleaned):
        raise NumberError(Reason.NUMBER_NOT_A_NUMBER, text=text.strip())
    return cleaned


@lru_cache(maxsize=65_536)
def _normalise(plan: NumberPlan, text: str) -> str:
    cleaned = _clean(text)
    if cleaned.startswith("+"):
        return _international(plan, cleaned[1:], text)
    if cleaned.startswith(plan.international_prefix):
        return _international(plan, cleaned[len(plan.international_prefix) :], text)
    return _national(plan, cleaned, text)


def _international(plan: NumberPlan, digits: str, text: str) -> str:
    shown = text.strip()
    if not digits:
        raise NumberError(Reason.NUMBER_NO_DIGITS_AFTER_PREFIX, text=shown)
    if len(digits) > _MAX_E164_DIGITS:
        raise NumberError(Reason.NUMBER_TOO_LONG, text=shown, most=str(_MAX_E164_DIGITS))
    try:
        parsed = phonenumbers.parse("+" + digits, None)
    except NumberParseException:
        if any(
            phonenumbers.region_code_for_country_code(int(digits[:n])) != "ZZ"
            for n in (1, 2, 3)
            if len(digits) >= n
        ):
            raise NumberError(Reason.NUMBER_TOO_SHORT, text=shown) from None
        raise NumberError(Reason.NUMBER_UNKNOWN_COUNTRY, text=shown) from None
    if str(parsed.country_code) == plan.international_code:
        # Own-country numbers must have a valid length: they are shown without the country code
        # and read back as national numbers, which only works for numbers of a possible length.
        return _own_country(plan, parsed, shown)
    national = phonenumbers.national_significant_number(parsed)
    if len(national) < _MIN_FOREIGN_NATIONAL_DIGITS:
        raise NumberError(
            Reason.NUMBER_TOO_SHORT_FOR_COUNTRY, text=shown, country=str(parsed.country_code)
        )
    # Foreign numbers are kept even when their length is unusual for the country: the operator
    # may know numbers that libphonenumber does not, and they are always shown with the prefix.
    return f"+{parsed.country_code}{national}"


def _national(plan: NumberPlan, digits: str, text: str) -> str:
    try:
        parsed = phonenumbers.parse(digits, plan.region)
    except NumberParseException:
        parsed = None
    if parsed is not None and phonenumbers.is_possible_number(parsed):
        return phonenumbers.format_number(parsed, PhoneNumberFormat.E164)
    if len(digits) <= MAX_SHORT_NUMBER_LENGTH:
        return digits
    raise NumberError(
        Reason.NUMBER_NOT_NATIONAL,
        text=text.strip(),
        country=plan.international_code,
        lengths=_lengths(plan),
        short_most=str(MAX_SHORT_NUMBER_LENGTH),
        prefix=plan.international_prefix,
    )


def _own_country(plan: NumberPlan, parsed: PhoneNumber, shown: str) -> str:
    if not phonenumbers.is_possible_number(parsed):
        national = phonenumbers.national_significant_number(parsed)
        raise NumberError(
            Reason.NUMBER_WRONG_LENGTH,
            text=shown,
            digits=str(len(national)),
            country=plan.international_code,
            lengths=_lengths(plan),
        )
    return phonenumbers.format_number(parsed, PhoneNumberFormat.E164)


def _lengths(plan: NumberPlan) -> str:
    metadata = phonenumbers.PhoneMetadata.metadata_for_region(plan.region)
    lengths: set[int] = set()
    if metadata is not None and metadata.general_desc is not None:
        lengths = set(metadata.general_desc.possible_length or ())
    return "/".join(str(n) for n in sorted(lengths)) or "?"


@lru_cache(maxsize=65_536)
def _parsed(number: str) -> PhoneNumber:
    return phonenumbers.parse(number, None)


@lru_cache(maxsize=65_536)
def _display(plan: NumberPlan, number: str) -> str:
    if plan.is_short(number):
        return number
    parsed = _parsed(number)
    if str(parsed.country_code) == plan.international_code:
        return _grouped_national(plan, parsed)
    international = phonenumbers.format_number(parsed, PhoneNumberFormat.INTERNATIONAL)
    return plan.international_prefix + international.removeprefix("+")


def _grouped_national(plan: NumberPlan, parsed: PhoneNumber) -> str:
    formatted: str = phonenumbers.format_number(parsed, PhoneNumberFormat.NATIONAL)
    national = phonenumbers.national_significant_number(parsed)
    if formatted != national:
        return formatted
    # A number of the right length that is not (yet) valid, such as a test number 12345678 in
    # Denmark, gets no grouping from libphonenumber; group it by the country's first pattern
    # that fits its length so it still reads as the country's numbers do.
    metadata = phonenumbers.PhoneMetadata.metadata_for_region(plan.region)
    for number_format in metadata.number_format if metadata is not None else ():
        if number_format.pattern and re.fullmatch(number_format.pattern, national):
            loose = NumberFormat(
                pattern=number_format.pattern,
                format=number_format.format,
                national_prefix_formatting_rule=number_format.national_prefix_formatting_rule,
            )
            grouped: str = phonenumbers.format_by_pattern(
                parsed, PhoneNumberFormat.NATIONAL, [loose]
            )
            return grouped
    return formatted


@lru_cache(maxsize=65_536)
def _dialable(plan: NumberPlan, number: str) -> str:
    if plan.is_short(number):
        return number
    parsed = _parsed(number)
    if str(parsed.country_code) == plan.international_code:
        national = phonenumbers.format_number(parsed, PhoneNumberFormat.NATIONAL)
        return re.sub(r"\D", "", national)
    return (
        plan.international_prefix
        + str(parsed.country_code)
        + phonenumbers.national_significant_number(parsed)
    )
