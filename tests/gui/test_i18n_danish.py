"""Translations: the language follows the setting or the system, and the compiled Danish catalogue
loads and changes what the windows show (ours and Qt's own standard buttons)."""

from __future__ import annotations

import importlib.util
import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType, SimpleNamespace

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from konnekta_desktop.core.model import LiveModel
from konnekta_desktop.core.monitoring import PhoneStatus
from konnekta_desktop.domain import CallingDevice, Direction
from konnekta_desktop.domain.numbers import NumberPlan
from konnekta_desktop.domain.wrapups import WrapUpSession
from konnekta_desktop.ui.calls import CallColumn, CallTableModel
from konnekta_desktop.ui.colleagues import MOBILE_BUSY_TEXT, phone_status_text
from konnekta_desktop.ui.i18n import (
    install_translators,
    remove_translators,
    resolve_language,
    translations_dir,
)
from konnekta_desktop.ui.shortcuts import SHORTCUTS, shortcut_rows
from konnekta_desktop.ui.texts import device_label, dial_from_text
from konnekta_desktop.ui.wrapup_dialog import WrapUpDialog

pytestmark = pytest.mark.gui


@pytest.fixture
def english_afterwards(qapp: QApplication) -> Iterator[None]:
    yield
    remove_translators()


def wrapup_dialog(qtbot: QtBot) -> WrapUpDialog:
    session = SimpleNamespace(plan=NumberPlan(), colleagues=[])
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


def translations_script() -> ModuleType:
    script = Path(__file__).resolve().parents[2] / "scripts" / "translations.py"
    spec = importlib.util.spec_from_file_location("translations_script", script)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_danish_string_is_translated() -> None:
    """The Danish catalogue has no unfinished entries (the lead's CI runs the same check)."""
    assert translations_script().untranslated("da") == []


PLACEHOLDER = re.compile(r"\{[^{}]*\}")
MARKUP = re.compile(r"</?[a-z0-9]+>")


def test_danish_translations_keep_every_placeholder_and_tag() -> None:
    """A lost or renamed {name} would raise KeyError at .format(); lost tags break the layout."""
    tree = ElementTree.parse(translations_script().ts_file("da"))
    broken = []
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.findtext("translation") or ""
        for pattern in (PLACEHOLDER, MARKUP):
            if sorted(pattern.findall(source)) != sorted(pattern.findall(translation)):
                broken.append((source, translation))
    assert broken == []


def test_lupdate_collected_every_string_under_its_own_context() -> None:
    """No message whose source is a context name: that is lupdate misreading an alias."""
    tree = ElementTree.parse(translations_script().ts_file("da"))
    contexts = {context.findtext("name") for context in tree.iter("context")}
    assert "" not in contexts
    sources = {message.findtext("source") for message in tree.iter("message")}
    assert not sources & {"Shortcuts", "CallTableModel", "SettingsPage", "Tray"}


def test_danish_grid_calls_devices_and_shortcuts(qtbot: QtBot, english_afterwards: None) -> None:
    install_translators("da")
    assert device_label(CallingDevice.LOCAL) == "Lokal telefon"
    assert dial_from_text(CallingDevice.MOBILE, "Anne") == "Ring op til Anne fra min &mobiltelefon"
    assert (
        dial_from_text(CallingDevice.LOCAL, "A & B") == "&Ring op til A && B fra min lokale telefon"
    )
    # Phone words apart from the presence words (docs/glossary.md): "Ledig" and "Optaget" are
    # states, the phone is "Fri" or "I samtale".
    assert phone_status_text(PhoneStatus.BUSY) == ("I samtale", "I samtale: linjen er optaget")
    assert phone_status_text(PhoneStatus.IDLE)[0] == "Fri"
    assert QCoreApplication.translate("PhoneStatus", MOBILE_BUSY_TEXT) == "I samtale på mobilen"
    rows = dict(shortcut_rows())
    english = {entry.description for entry in SHORTCUTS}
    assert not english & set(rows.values())  # every description shown in Danish
    model = CallTableModel(LiveModel(), NumberPlan(), lambda: None, lambda: 0.0)
    assert model.headerData(CallColumn.CALLER, Qt.Orientation.Horizontal) == "Opkalder"
