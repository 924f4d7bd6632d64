"""Translations: the language follows the setting or the system, and the compiled Danish catalogue
loads and changes what the windows show (ours and Qt's own standard buttons)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from konnekta_desktop.core.numbers import NumberPlan
from konnekta_desktop.core.wrapup import WrapUpSession
from konnekta_desktop.konnekta.models import Direction
from konnekta_desktop.ui.i18n import (
    install_translators,
    remove_translators,
    resolve_language,
    translations_dir,
)
from konnekta_desktop.ui.wrapup_dialog import WrapUpDialog

pytestmark = pytest.mark.gui


@pytest.fixture
def english_afterwards(qapp: QApplication) -> Iterator[None]:
    yield
    remove_translators()


def wrapup_dialog(qtbot: QtBot) -> WrapUpDialog:
    session = SimpleNamespace(plan=NumberPlan(), model=[], wrapup=None)
    pending = WrapUpSession(
        call_id="c1",
        user_id="u1",
        direction=Direction.INBOUND,
        caller="+4533123456",
        called="+4533000000",
        queue=None,
        started=0.0,
        ended=30.0,
    )
    dialog = WrapUpDialog(session, pending, clock=lambda: 40.0)
    qtbot.addWidget(dialog)
    return dialog


@pytest.mark.parametrize(
    ("setting", "system", "language"),
    [
        ("da", "en_GB", "da"),
        ("en", "da_DK", "en"),
        ("", "da_DK", "da"),
        ("", "fo_FO", "en"),
        ("", "en_US", "en"),
    ],
)
def test_language_follows_the_setting_else_the_system(
    setting: str, system: str, language: str
) -> None:
    assert resolve_language(setting, QLocale(system)) == language


def test_compiled_catalogues_are_shipped() -> None:
    for language in ("en", "da"):
        assert (translations_dir() / f"konnekta_desktop_{language}.qm").is_file()


def test_danish_translation_changes_the_visible_strings(
    qtbot: QtBot, english_afterwards: None
) -> None:
    assert wrapup_dialog(qtbot).complete_button.text() == "&Complete"

    assert install_translators("da") == "da"

    dialog = wrapup_dialog(qtbot)
    assert dialog.windowTitle() == "Efterbehandling"
    assert dialog.complete_button.text() == "&Afslut"
    assert dialog.queue_label.text() == "Direkte opkald"
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(buttons)
    cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel is not None
    assert cancel.text().replace("&", "") == "Annuller"  # Qt's own catalogue is installed too


def test_system_language_danish_is_followed_and_english_removes_it(
    qtbot: QtBot, english_afterwards: None
) -> None:
    assert install_translators("", QLocale("da_DK")) == "da"
    assert wrapup_dialog(qtbot).complete_button.text() == "&Afslut"

    assert install_translators("en") == "en"
    assert wrapup_dialog(qtbot).complete_button.text() == "&Complete"


def test_every_danish_string_is_translated() -> None:
    """The Danish catalogue has no unfinished entries (the lead's CI runs the same check)."""
    import importlib.util

    script = Path(__file__).resolve().parents[2] / "scripts" / "translations.py"
    spec = importlib.util.spec_from_file_location("translations_script", script)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.untranslated("da") == []
