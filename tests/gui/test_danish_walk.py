"""Operator polish, item 3: a walk over every window in Danish. Each visible string of a widget
(its text, title, placeholder, tooltip, header, menu entry, tab) is compared with the same
widget's string in English; one that is the same in both is an untranslated string, unless it
is a name, a number, Konnekta's data, or a word the two languages share (`SAME_IN_BOTH`)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QTableWidget,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from konnekta_desktop.core.session import Session
from konnekta_desktop.ui.bridge import Bridge
from konnekta_desktop.ui.i18n import install_translators, remove_translators
from konnekta_desktop.ui.settings.dialog import SettingsDialog
from konnekta_desktop.ui.switchboard import MainWindow

pytestmark = pytest.mark.gui

# Words Danish writes as English does (checked: the glossary's terms and product names).
SAME_IN_BOTH = frozenset(
    {
        "Konnekta",
        "Konnekta Desktop",
        "Teams",
        "Demo",
        "OK",
        "Client ID",
        "Issuer URI",
        "SMG",
        "Status",
        "Sync",
        "Tenant Domain",
        "Webhook",
        "Fri",
        "Agent",
        "Start",
        "Client Secret",  # the provider's names of the login values, as its papers write them
    }
)
# Names, numbers, keys and values the operator or Konnekta typed, not words of the app.
NOT_WORDS = re.compile(
    r"^[\d\s+:.,/()*#✕…-]*$"  # numbers, times, durations, symbols
    r"|^(F\d+|Ctrl\+.*|Shift\+.*|Alt\+.*|Esc|Enter)$"  # keys
    r"|@|https?://|\.dk\b|\.com\b"  # usernames, addresses
)

Strings = dict[str, str]


def _path(widget: QWidget) -> str:
    parts = []
    current: QWidget | None = widget
    while current is not None:
        siblings = (
            [
                w
                for w in current.parentWidget().findChildren(type(current))
                if w.parentWidget() is current.parentWidget()
            ]
            if current.parentWidget() is not None
            else [current]
        )
        index = siblings.index(current) if current in siblings else 0
        parts.append(current.objectName() or f"{type(current).__name__}[{index}]")
        current = current.parentWidget()
    return "/".join(reversed(parts))


def visible_strings(root: QWidget) -> Strings:
    found: Strings = {}

    def keep(key: str, text: str | None) -> None:
        text = (text or "").replace("&", "").strip()
        if text:
            found[key] = text

    for widget in [root, *root.findChildren(QWidget)]:
        path = _path(widget)
        keep(f"{path}#tooltip", widget.toolTip())
        keep(f"{path}#accessible", widget.accessibleName())
        if (
            isinstance(widget, QLabel) and widget.textFormat() is not Qt.TextFormat.RichText
        ) or isinstance(widget, QAbstractButton):
            keep(f"{path}#text", widget.text())
        elif isinstance(widget, QGroupBox):
            keep(f"{path}#title", widget.title())
        elif isinstance(widget, QLineEdit):
            keep(f"{path}#placeholder", widget.placeholderText())
        elif isinstance(widget, QTabWidget):
            for index in range(widget.count()):
                keep(f"{path}#tab{index}", widget.tabText(index))
        elif isinstance(widget, QTableView | QTableWidget):
            model = widget.model()
            for column in range(model.columnCount()):
                keep(
                    f"{path}#header{column}",
                    str(model.headerData(column, Qt.Orientation.Horizontal) or ""),
                )
        elif isinstance(widget, QMenu):
            for index, action in enumerate(widget.actions()):
                keep(f"{path}#action{index}", action.text().split("\t")[0])
    return found


def untranslated(english: Strings, danish: Strings) -> list[str]:
    return sorted(
        f"{key}: {text!r}"
        for key, text in danish.items()
        if english.get(key) == text
        and text.rstrip(":") not in SAME_IN_BOTH
        and not NOT_WORDS.search(text)
    )


@pytest.fixture
def in_language(qapp: QApplication) -> Iterator[Callable[[str], None]]:
    yield install_translators
    remove_translators()


def window_strings(session: Session, qtbot: QtBot) -> Strings:
    window = MainWindow(session, Bridge(session))
    qtbot.addWidget(window)
    window.show()
    menus = {
        f"menu:{action.text().replace('&', '')}": action.menu()
        for action in window.menuBar().actions()
    }
    found = visible_strings(window)
    for index, action in enumerate(window.menuBar().actions()):
        found[f"menubar#{index}"] = action.text().replace("&", "")
        menu = action.menu()
        if isinstance(menu, QMenu):
            for place, entry in enumerate(menu.actions()):
                text = entry.text().split("\t")[0].replace("&", "").strip()
                if text:
                    found[f"menu{index}#{place}"] = text
    del menus
    window.shut_down()
    return found


def settings_strings(session: Session, qtbot: QtBot) -> Strings:
    dialog = SettingsDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    found = visible_strings(dialog)
    dialog.reject()
    return found


@pytest.mark.parametrize("walk", [window_strings, settings_strings])
def test_every_visible_string_of_the_window_and_settings_is_danish_in_danish(
    session: Session,
    qtbot: QtBot,
    in_language: Callable[[str], None],
    walk: Callable[[Session, QtBot], Strings],
) -> None:
    in_language("en")
    english = walk(session, qtbot)
    in_language("da")
    danish = walk(session, qtbot)
    assert len(danish) > 40  # the walk reached the widgets
    missing = untranslated(english, danish)
    assert missing == [], "\n".join(missing)
