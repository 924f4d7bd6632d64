"""Every refusal code of the catalogue (domain/refusals.py) is worded for the operator, with exactly
its parameters, in English and in Danish."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from konnekta_desktop.domain.numbers import NumberError, NumberPlan
from konnekta_desktop.domain.refusals import PARAMETERS, Command, Reason, Refused
from konnekta_desktop.ui.i18n import install_translators, remove_translators
from konnekta_desktop.ui.refusal_words import COMMAND_WORDS, REASON_WORDS, words

PLACEHOLDER = re.compile(r"\{(\w+)\}")


@pytest.fixture
def danish(qapp: QApplication) -> Iterator[None]:
    install_translators("da")
    yield
    remove_translators()


def example(reason: Reason) -> Refused:
    values = {name: f"<{name}>" for name in PARAMETERS[reason]}
    if "command" in values:
        values["command"] = Command.DIAL.value
    if "device" in values:
        values["device"] = "teams"
    return Refused(reason, **values)


def test_every_reason_and_command_has_a_wording_with_exactly_its_parameters() -> None:
    assert set(REASON_WORDS) == set(Reason)
    assert set(COMMAND_WORDS) == set(Command)
    for reason, text in REASON_WORDS.items():
        assert set(PLACEHOLDER.findall(text)) == PARAMETERS[reason], reason


def test_a_refusal_with_other_parameters_than_its_code_takes_is_a_programming_error() -> None:
    with pytest.raises(TypeError, match="no_phone_line takes"):
        Refused(Reason.NO_PHONE_LINE, user="u1")


@pytest.mark.parametrize("reason", list(Reason))
def test_every_reason_reads_in_danish_with_its_parameters_filled_in(
    danish: None, reason: Reason
) -> None:
    english = REASON_WORDS[reason]
    shown = words(example(reason))
    assert shown != english
    assert "{" not in shown
    for name in PARAMETERS[reason] - {"command", "device"}:
        assert f"<{name}>" in shown


def test_a_number_typed_wrong_reads_as_a_sentence_naming_it(qapp: QApplication) -> None:
    with pytest.raises(NumberError) as raised:
        NumberPlan().normalise("12ab34")
    assert words(raised.value) == (
        "“12ab34” is not a phone number: use digits, optionally starting with + or 00."
    )


def test_the_pbx_refusal_names_the_command_in_the_operators_language(danish: None) -> None:
    refused = Refused(Reason.PBX_REFUSED, command=Command.TRANSFER.value, detail="busy")
    assert words(refused) == "Omstilling: Konnekta afviste det. busy"
