"""Every reason of the catalogue (domain/refusals.py) is worded for the operator, with exactly
its parameters, in English and in Danish: command refusals, setting checks, the settings file
and the connection's status alike."""

from __future__ import annotations

import string
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from konnekta_desktop.domain.numbers import NumberError, NumberPlan
from konnekta_desktop.domain.refusals import (
    PARAMETERS,
    Command,
    Reason,
    Refused,
    Server,
    Why,
    english,
    why,
)
from konnekta_desktop.ui.i18n import install_translators, remove_translators
from konnekta_desktop.ui.refusal_words import words


def fields(text: str) -> set[str]:
    """The names a wording fills in ("{{" is a brace of its own, not a field)."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.fixture
def danish(qapp: QApplication) -> Iterator[None]:
    install_translators("da")
    yield
    remove_translators()


CATALOGUE_WORDS = {"command", "device", "server", "setting", "section", "said"}
"""Parameters whose values are words of a catalogue, shown in the reader's language."""


def example(reason: Reason) -> Why:
    values = {name: f"<{name}>" for name in PARAMETERS[reason]}
    if "command" in values:
        values["command"] = Command.DIAL.value
    if "device" in values:
        values["device"] = "teams"
    if "server" in values:
        values["server"] = Server.LOGIN.value
    for name in ("setting", "section") & values.keys():
        values[name] = "Listener Port" if name == "setting" else "Connection"
    cause = why(Reason.CALL_ENDED) if "{cause}" in reason.english else None
    return Why(reason, values, cause)


def test_every_reason_is_worded_in_danish_with_exactly_the_fields_of_its_english(
    danish: None,
) -> None:
    for reason in Reason:
        translated = QApplication.translate("Refusal", reason.english)
        assert fields(translated) == fields(reason.english), reason
        assert fields(reason.english) - {"cause"} == PARAMETERS[reason]


def test_a_refusal_with_other_parameters_than_its_code_takes_is_a_programming_error() -> None:
    with pytest.raises(TypeError, match="no_phone_line takes"):
        Refused(Reason.NO_PHONE_LINE, user="u1")


@pytest.mark.parametrize("reason", list(Reason))
def test_every_reason_reads_in_danish_with_its_parameters_filled_in(
    danish: None, reason: Reason
) -> None:
    said = example(reason)
    shown = words(said)
    assert shown != english(said)
    assert "{" not in shown.replace("{server}", "").replace("{realm}", "")
    for name in PARAMETERS[reason] - CATALOGUE_WORDS:
        assert f"<{name}>" in shown
    if said.cause is not None:
        assert words(said.cause) in shown


def test_catalogue_words_in_the_parameters_are_translated_too(danish: None) -> None:
    said = why(
        Reason.SERVER_TIMEOUT, server=Server.LOGIN.value, address="a:443", setting="Issuer URI"
    )
    assert words(said) == (
        "Konnektas login-server på a:443 svarede ikke i tide. Kontrollér Issuer URI i "
        "Indstillinger > Forbindelse og netværksforbindelsen."
    )
    port = why(Reason.PORT_OUT_OF_RANGE, setting="Listener Port")
    assert words(port).startswith("Lytteport skal være et portnummer")


def test_a_setting_problem_reads_in_english_outside_the_ui_too() -> None:
    port = why(Reason.PORT_OUT_OF_RANGE, setting="Listener Port")
    assert english(port) == (
        "Listener Port must be a port number from 1024 to 65535 (8470 unless it is taken), or "
        "empty to have one chosen automatically."
    )


def test_a_number_typed_wrong_reads_as_a_sentence_naming_it(qapp: QApplication) -> None:
    with pytest.raises(NumberError) as raised:
        NumberPlan().normalise("12ab34")
    assert words(raised.value) == (
        "“12ab34” is not a phone number: use digits, optionally starting with + or 00."
    )


def test_the_pbx_refusal_names_the_command_and_its_cause_in_the_operators_language(
    danish: None,
) -> None:
    cause = why(Reason.NOT_KNOWN_TO_KONNEKTA, said="no call c1")
    refused = Refused(Reason.PBX_REFUSED, cause, command=Command.TRANSFER.value)
    assert words(refused) == (
        "Omstilling: Konnekta kender det ikke (“no call c1”). Det kan være fjernet eller "
        "allerede afsluttet."
    )
    assert (
        str(refused)
        == "pbx_refused(command='transfer') <- not_known_to_konnekta(said='no call c1')"
    )


def test_a_reason_worded_with_a_cause_needs_one() -> None:
    with pytest.raises(TypeError, match="cause"):
        Refused(Reason.PBX_FAILED, command=Command.DIAL.value)
