"""The Numbers tab: the live example follows the international prefix and code as typed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from konnekta_desktop.domain.numbers import NumberPlan
from konnekta_desktop.settings import SecretStore
from konnekta_desktop.ui.settings.dialog import SettingsDialog
from tests.gui.settings.settings_helpers import make_session, valid_settings
from tests.helpers.keyring_backend import InMemoryKeyring

pytestmark = pytest.mark.gui


def test_numbers_example_follows_prefix_and_code_as_typed(
    dialog_for: Callable[..., SettingsDialog], tmp_path: Path, memory_keyring: InMemoryKeyring
) -> None:
    dialog = dialog_for(
        make_session(tmp_path, valid_settings(), secrets=SecretStore(memory_keyring))
    )
    page = dialog.numbers
    danish = NumberPlan("00", "45")
    assert f"shows as {danish.display('+298123456')}" in page.example.text()
    assert "00298 123456" in page.example.text()

    page.fields["international_code"].set_text("298")
    faroese = NumberPlan("00", "298")
    assert f"+45 33 12 34 56 shows as {faroese.display('+4533123456')}" in page.example.text()
    assert "0045" in page.example.text()

    page.fields["international_prefix"].set_text("011")
    assert NumberPlan("011", "298").display("+4533123456") in page.example.text()
    assert "01145" in page.example.text().replace(" ", "")

    page.fields["international_code"].set_text("9x")
    assert "correct the fields" in page.example.text()
    assert not page.fields["international_code"].message.isHidden()
