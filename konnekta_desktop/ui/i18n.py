"""The app's language: installs the translators for the language setting or the system's language.

Our strings come from resources/translations/konnekta_desktop_<lang>.qm; Qt's own (standard
buttons, context menus) from Qt's qtbase_<lang>.qm, so a Danish window has Danish OK/Cancel too.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Final

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

__all__ = [
    "LANGUAGES",
    "Translators",
    "install_translators",
    "remove_translators",
    "resolve_language",
    "translations_dir",
]

log = logging.getLogger(__name__)

CATALOGUE: Final = "konnekta_desktop"
LANGUAGES: Final = ("en", "da")
"""The languages the app ships; English is the source language, so it needs no catalogue."""


def translations_dir() -> Path:
    """Where the compiled .qm files are, from a source checkout or a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        return Path(bundle) / "resources" / "translations"
    return Path(__file__).resolve().parents[2] / "resources" / "translations"


def resolve_language(setting: str, system: QLocale | None = None) -> str:
    """The language to show: the setting ("en", "da"), or for "" the first system UI language the
    app ships (English when it ships none of them)."""
    if setting in LANGUAGES:
        return setting
    locale = system if system is not None else QLocale.system()
    for name in [*locale.uiLanguages(), locale.name()]:
        code = name.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return "en"


class Translators:
    """The translators installed on the application, so that a language change can swap them."""

    def __init__(self) -> None:
        self._installed: list[QTranslator] = []
        self.language = "en"

    def install(self, setting: str, system: QLocale | None = None) -> str:
        """Install the translators for `setting` (replacing earlier ones); returns the language."""
        app = QCoreApplication.instance()
        if app is None:
            raise RuntimeError("Create the QApplication before installing translators")
        self.remove()
        language = resolve_language(setting, system)
        self.language = language
        if language == "en":
            return language
        ours = QTranslator(app)
        if ours.load(f"{CATALOGUE}_{language}", str(translations_dir())):
            QCoreApplication.installTranslator(ours)
            self._installed.append(ours)
        else:
            log.warning(
                "No %s translation found in %s; the app stays in English",
                language,
                translations_dir(),
            )
        qt_own = QTranslator(app)
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_own.load(f"qtbase_{language}", qt_folder):
            QCoreApplication.installTranslator(qt_own)
            self._installed.append(qt_own)
        return language

    def remove(self) -> None:
        for translator in self._installed:
            QCoreApplication.removeTranslator(translator)
        self._installed.clear()
        self.language = "en"


_translators = Translators()


def install_translators(setting: str = "", system: QLocale | None = None) -> str:
    """Install the app's translators for the language setting ("" follows the system).

    Call it after creating the QApplication and before building windows; the strings of windows
    that already exist do not change. Returns the language installed ("en" or "da").
    """
    return _translators.install(setting, system)


def remove_translators() -> None:
    """Back to the source language (English) for windows built from now on."""
    _translators.remove()
