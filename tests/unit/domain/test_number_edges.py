"""Numbers at their edges: one-digit short numbers, 4-digit foreign and 15-digit E.164 numbers,
and each refusal with every detail the operator is told.

Reference page, Number Settings: International prefix "Usually 00" and International code, the
"Country code. For example 45 for Denmark and 298 for Faroe Islands". Konnekta User Setup: short
numbers such as 111 are aliases, monitored as they are.
"""

from __future__ import annotations

import pytest

from konnekta_desktop.domain.numbers import MAX_SHORT_NUMBER_LENGTH, NumberError, NumberPlan
from konnekta_desktop.domain.refusals import Reason, Why, why

DENMARK = NumberPlan(international_prefix="00", international_code="45")
FAROE = NumberPlan(international_prefix="00", international_code="298")
SWEDEN = NumberPlan(international_prefix="00", international_code="46")
BRITAIN = NumberPlan(international_prefix="00", international_code="44")


def refusal(plan: NumberPlan, text: str) -> Why:
    with pytest.raises(NumberError) as raised:
        plan.normalise(text)
    return raised.value.why


# --- short numbers ------------------------------------------------------------------------------


@pytest.mark.parametrize("plan", [DENMARK, FAROE], ids=["DK", "FO"])
@pytest.mark.parametrize("digit", list("0123456789"))
def test_a_one_digit_short_number_is_kept_shown_and_dialled_as_it_is(
    plan: NumberPlan, digit: str
) -> None:
    """Konnekta User Setup: a short number is its own digits. A single digit is too short for
    libphonenumber to parse at all; it is still a short number, not an error."""
    assert plan.normalise(f" {digit} ") == digit
    assert plan.is_short(digit)
    assert plan.display(digit) == digit
    assert plan.dialable(digit) == digit
    assert plan.same(digit, f"{digit} ")


def test_six_digits_are_the_longest_short_number_and_seven_are_refused_in_full() -> None:
    """Number Settings: a number that is neither a possible national number nor short enough
    for an alias is refused, telling the lengths the country's numbers have."""
    assert MAX_SHORT_NUMBER_LENGTH == 6
    assert DENMARK.normalise("123456") == "123456"
    assert refusal(DENMARK, " 1234567 ") == why(
        Reason.NUMBER_NOT_NATIONAL,
        text="1234567",
        country="45",
        lengths="8",
        short_most="6",
        prefix="00",
    )


def test_a_country_with_several_number_lengths_names_them_all() -> None:
    assert refusal(SWEDEN, "12345678901") == why(
        Reason.NUMBER_NOT_NATIONAL,
        text="12345678901",
        country="46",
        lengths="6/7/8/9/10/12",
        short_most="6",
        prefix="00",
    )
    assert refusal(SWEDEN, "+46 12345678901") == why(
        Reason.NUMBER_WRONG_LENGTH,
        text="+46 12345678901",
        digits="11",
        country="46",
        lengths="6/7/8/9/10/12",
    )


# --- foreign numbers: at least 4 national digits ------------------------------------------------


def test_a_foreign_number_of_four_national_digits_is_kept() -> None:
    assert DENMARK.normalise("+49 1234") == "+491234"
    assert DENMARK.display("+491234") == "0049 1234"
    assert DENMARK.dialable("+491234") == "00491234"


def test_a_foreign_number_of_three_national_digits_is_refused() -> None:
    assert refusal(DENMARK, "+49 123") == why(
        Reason.NUMBER_TOO_SHORT_FOR_COUNTRY, text="+49 123", country="49"
    )


# --- E.164: at most 15 digits -------------------------------------------------------------------


@pytest.mark.parametrize("written", ["+49 1234567890 123", "0049 1234567890 123"])
def test_a_number_of_fifteen_digits_is_kept(written: str) -> None:
    assert DENMARK.normalise(written) == "+491234567890123"
    assert DENMARK.dialable("+491234567890123") == "00491234567890123"


def test_a_number_of_sixteen_digits_is_refused_naming_the_most() -> None:
    assert refusal(DENMARK, "+49 1234567890 1234") == why(
        Reason.NUMBER_TOO_LONG, text="+49 1234567890 1234", most="15"
    )


# --- the country code ---------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["+1", "+298", "+2981", "0045"])
def test_a_known_country_code_with_too_few_digits_after_it_is_too_short(text: str) -> None:
    """A country code of one digit (+1) or three (+298) is recognised, and what follows it is too
    short: the operator is told so, not that the country is unknown."""
    assert refusal(DENMARK, f" {text} ") == why(Reason.NUMBER_TOO_SHORT, text=text)


@pytest.mark.parametrize("text", ["+4", "+42"])
def test_digits_that_start_no_country_code_are_an_unknown_country(text: str) -> None:
    assert refusal(DENMARK, text) == why(Reason.NUMBER_UNKNOWN_COUNTRY, text=text)


def test_the_international_prefix_alone_has_no_digits_after_it() -> None:
    assert refusal(DENMARK, " 00 ") == why(Reason.NUMBER_NO_DIGITS_AFTER_PREFIX, text="00")


def test_an_own_country_number_of_the_wrong_length_says_which_lengths_it_has() -> None:
    assert refusal(DENMARK, "+45 1234") == why(
        Reason.NUMBER_WRONG_LENGTH, text="+45 1234", digits="4", country="45", lengths="8"
    )


def test_a_text_that_is_not_a_number_is_refused_as_typed() -> None:
    assert refusal(DENMARK, " 12ab ") == why(Reason.NUMBER_NOT_A_NUMBER, text="12ab")


# --- the number plan ----------------------------------------------------------------------------


def test_a_plan_refusal_names_the_setting_value() -> None:
    with pytest.raises(NumberError) as prefix:
        NumberPlan(international_prefix="+00", international_code="45")
    assert prefix.value.why == why(Reason.PREFIX_NOT_DIGITS, prefix="+00")
    with pytest.raises(NumberError) as code:
        NumberPlan(international_prefix="00", international_code="999")
    assert code.value.why == why(Reason.CODE_NOT_A_COUNTRY, code="999")


@pytest.mark.parametrize("code", ["800", "870", "882", "979"])
def test_a_calling_code_of_no_country_is_not_an_international_code(code: str) -> None:
    """Number Settings: the International code is a "Country code". 800 (freephone), 870
    (Inmarsat), 882 and 979 are calling codes of no country: with one of them as the own country,
    no national number could be read, and a dialled own-country number did not read back."""
    with pytest.raises(NumberError) as raised:
        NumberPlan(international_prefix="00", international_code=code)
    assert raised.value.why == why(Reason.CODE_NOT_A_COUNTRY, code=code)


# --- grouping numbers libphonenumber does not know ----------------------------------------------


@pytest.mark.parametrize(
    ("number", "shown"),
    [("+44462134430", "0462 134430"), ("+444044936", "0404 4936")],
)
def test_an_unassigned_number_is_grouped_by_the_pattern_that_fits_with_the_trunk_prefix(
    number: str, shown: str
) -> None:
    """A number of a possible length that libphonenumber does not know as assigned is grouped by
    the first of the country's patterns that fits it, with the country's trunk prefix (0 in
    Britain), so it reads as the country's numbers do, and reads back as the same number."""
    assert BRITAIN.display(number) == shown
    assert BRITAIN.normalise(shown) == number
