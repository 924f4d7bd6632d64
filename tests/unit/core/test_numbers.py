"""Numbers: normalising to E.164, showing and dialling in the operator's national convention."""

from __future__ import annotations

import phonenumbers
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from konnekta_desktop.domain import numbers
from konnekta_desktop.domain.numbers import NumberError, NumberPlan

DENMARK = NumberPlan(international_prefix="00", international_code="45")
FAROE = NumberPlan(international_prefix="00", international_code="298")
PLANS = [DENMARK, FAROE]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12345678", "+4512345678"),
        ("+45 12 34 56 78", "+4512345678"),
        ("004512345678", "+4512345678"),
        ("0029812345678", "+29812345678"),
        ("+298 123456", "+298123456"),
        ("00298 123456", "+298123456"),
        ("111", "111"),
        ("1818", "1818"),
        ("(+45) 32.12-34-56", "+4532123456"),
        ("  32 12 34 56 ", "+4532123456"),
        ("+49 (30) 123456", "+4930123456"),
        ("+199999999", "+199999999"),
    ],
)
def test_normalise_accepts_what_operators_type(text: str, expected: str) -> None:
    assert DENMARK.normalise(text) == expected


def test_six_digits_are_a_national_number_on_the_faroe_islands_and_short_in_denmark() -> None:
    assert FAROE.normalise("311234") == "+298311234"
    assert DENMARK.normalise("311234") == "311234"


def test_a_plan_with_a_trunk_prefix_reads_and_dials_it() -> None:
    britain = NumberPlan(international_code="44")
    assert britain.normalise("020 7946 0000") == "+442079460000"
    assert britain.display("+442079460000") == "020 7946 0000"
    assert britain.dialable("+442079460000") == "02079460000"


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("", "empty"),
        ("   ", "number_empty"),
        ("abc", "number_not_a_number"),
        ("12ab34", "number_not_a_number"),
        ("+", "number_not_a_number"),
        ("++4512345678", "number_not_a_number"),
        ("0045", r"number_too_short\("),
        ("+45 1234", "number_wrong_length.*lengths='8'"),
        ("+45 123456789", "number_wrong_length.*lengths='8'"),
        ("+999 1234567", "number_unknown_country"),
        ("1234567", "number_not_national"),
        ("+49 123456789012345", "number_too_long"),
        ("+49 12", "number_too_short_for_country"),
    ],
)
def test_normalise_refuses_junk_with_the_reason(text: str, says: str) -> None:
    with pytest.raises(NumberError, match=says):
        DENMARK.normalise(text)


def test_number_error_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="number_not_a_number"):
        DENMARK.normalise("call me")


@pytest.mark.parametrize(
    ("plan", "number", "shown"),
    [
        (DENMARK, "+4512345678", "12 34 56 78"),
        (DENMARK, "+4532123456", "32 12 34 56"),
        (DENMARK, "+298123456", "00298 123456"),
        (DENMARK, "+298311234", "00298 31 12 34"),
        (DENMARK, "+4930123456", "0049 30 123456"),
        (DENMARK, "111", "111"),
        (FAROE, "+298311234", "31 12 34"),
        (FAROE, "+4532123456", "0045 32 12 34 56"),
        (FAROE, "1818", "1818"),
    ],
)
def test_display_shows_own_country_grouped_and_foreign_with_prefix(
    plan: NumberPlan, number: str, shown: str
) -> None:
    assert plan.display(number) == shown


def test_display_shows_a_strange_number_as_it_came_instead_of_failing() -> None:
    assert DENMARK.display(" anonymous ") == "anonymous"


@pytest.mark.parametrize(
    ("plan", "number", "digits"),
    [
        (DENMARK, "+4512345678", "12345678"),
        (DENMARK, "+298123456", "00298123456"),
        (DENMARK, "111", "111"),
        (FAROE, "+298123456", "123456"),
        (FAROE, "+4512345678", "004512345678"),
    ],
)
def test_dialable_uses_the_operators_convention(plan: NumberPlan, number: str, digits: str) -> None:
    assert plan.dialable(number) == digits


def test_dialable_refuses_junk() -> None:
    with pytest.raises(NumberError):
        DENMARK.dialable("not a number")


def test_another_international_prefix_is_used_for_reading_showing_and_dialling() -> None:
    plan = NumberPlan(international_prefix="011", international_code="45")
    assert plan.normalise("011298123456") == "+298123456"
    assert plan.display("+298123456") == "011298 123456"
    assert plan.dialable("+298123456") == "011298123456"


def test_same_compares_numbers_written_differently() -> None:
    assert DENMARK.same("12 34 56 78", "+4512345678")
    assert DENMARK.same("004512345678", "+45-12-34-56-78")
    assert not DENMARK.same("12345678", "12345679")
    assert not DENMARK.same("111", "+45111")
    assert not DENMARK.same("junk", "junk")


@pytest.mark.parametrize(
    ("prefix", "code", "says"),
    [
        ("00", "999", "code_not_a_country"),
        ("00", "DK", "code_not_a_country"),
        ("+", "45", "prefix_not_digits"),
    ],
)
def test_a_wrong_number_plan_is_refused_naming_the_setting(
    prefix: str, code: str, says: str
) -> None:
    with pytest.raises(NumberError, match=says):
        NumberPlan(international_prefix=prefix, international_code=code)


def test_repeated_numbers_are_parsed_once() -> None:
    numbers._normalise.cache_clear()
    numbers._display.cache_clear()
    for _ in range(100):
        DENMARK.display("+45 32 12 34 56")
    assert numbers._normalise.cache_info().misses == 1
    assert numbers._display.cache_info().misses == 1


# --- round trips ---------------------------------------------------------------------------------

REGIONS = ["DK", "FO", "GL", "IS", "NO", "SE", "DE", "GB", "FR", "IT", "US", "PL"]
TYPES = [phonenumbers.PhoneNumberType.FIXED_LINE, phonenumbers.PhoneNumberType.MOBILE]
EXAMPLES = [
    example
    for region in REGIONS
    for kind in TYPES
    if (example := phonenumbers.example_number_for_type(region, kind)) is not None
]


@st.composite
def valid_numbers(draw: st.DrawFn) -> str:
    """Valid E.164 numbers of several countries: a country's example with its last digits drawn."""
    example = draw(st.sampled_from(EXAMPLES))
    national = phonenumbers.national_significant_number(example)
    tail = draw(st.integers(min_value=1, max_value=min(4, len(national) - 2)))
    digits = draw(st.text(alphabet="0123456789", min_size=tail, max_size=tail))
    candidate = phonenumbers.parse(f"+{example.country_code}{national[:-tail]}{digits}")
    if not phonenumbers.is_valid_number(candidate):
        return phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.E164)
    return phonenumbers.format_number(candidate, phonenumbers.PhoneNumberFormat.E164)


short_numbers = st.from_regex(r"[1-9][0-9]{1,4}", fullmatch=True)
plans = st.sampled_from(PLANS)


@given(plan=plans, number=valid_numbers() | short_numbers)
@settings(max_examples=300)
def test_dialled_digits_read_back_as_the_same_number(plan: NumberPlan, number: str) -> None:
    assert plan.normalise(plan.dialable(number)) == number


@given(plan=plans, number=valid_numbers() | short_numbers)
@settings(max_examples=300)
def test_displayed_text_reads_back_as_the_same_number(plan: NumberPlan, number: str) -> None:
    assert plan.normalise(plan.display(number)) == number


@given(plan=plans, number=valid_numbers() | short_numbers)
def test_normalising_twice_changes_nothing(plan: NumberPlan, number: str) -> None:
    assert plan.normalise(plan.normalise(number)) == number
    assert plan.same(plan.display(number), plan.dialable(number))


@given(plan=plans, number=valid_numbers())
def test_own_country_numbers_are_shown_without_country_code(plan: NumberPlan, number: str) -> None:
    own = number.startswith("+" + plan.international_code)
    shown = plan.display(number)
    assert shown.startswith(plan.international_prefix) is not own
