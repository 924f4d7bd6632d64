"""Operator polish, item 10: every main button, the Me box's labels and the menus have an
Alt+letter, and no two of one window (or one menu) share a letter, in English and in Danish."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QMenu
from pytestqt.qtbot import QtBot

from konnekta_desktop.core.session import Session
from konnekta_desktop.ui.bridge import Bridge
from konnekta_desktop.ui.i18n import install_translators, remove_translators
from konnekta_desktop.ui.switchboard import MainWindow
from tests.gui.conftest import delete_now


def mnemonic(text: str) -> str | None:
    key = QKeySequence.mnemonic(text)
    return key.toString().removeprefix("Alt+").lower() if not key.isEmpty() else None


@pytest.fixture(params=["en", "da"])
def language_window(
    request: pytest.FixtureRequest, session: Session, qtbot: QtBot, qapp: QApplication
) -> Iterator[MainWindow]:
    install_translators(request.param)
    bridge = Bridge(session)
    window = MainWindow(session, bridge)
    qtbot.addWidget(window)
    try:
        yield window
    finally:
        delete_now(window)
        remove_translators()


def window_level_letters(window: MainWindow) -> list[str]:
    """The letters Alt reaches anywhere in the window: the menu bar, buttons, buddied labels."""
    texts = [action.text() for action in window.menuBar().actions()]
    texts += [button.text() for button in window.findChildren(QAbstractButton)]
    texts += [label.text() for label in window.findChildren(QLabel) if label.buddy() is not None]
    return [letter for text in texts if (letter := mnemonic(text)) is not None]


def test_the_main_buttons_and_the_me_labels_have_distinct_alt_letters(
    language_window: MainWindow,
) -> None:
    window = language_window
    for name in ("dialButton", "hangUpButton", "transferButton"):
        button = window.findChild(QAbstractButton, name)
        assert button is not None, name
        assert mnemonic(button.text()), f"{name} has no Alt+letter: {button.text()!r}"
    me = window.me_panel
    for button in (me.forward_set_button, me.forward_clear_button):
        assert mnemonic(button.text())
    buddies = {label.buddy() for label in me.findChildren(QLabel) if label.buddy() is not None}
    assert {me.state_combo, me.caller_id_combo, me.forward_edit} <= buddies
    letters = Counter(window_level_letters(window))
    assert [letter for letter, count in letters.items() if count > 1] == []


def test_no_menu_has_two_entries_on_one_letter(language_window: MainWindow) -> None:
    window = language_window
    menus = [action.menu() for action in window.menuBar().actions()]
    colleague = next(iter(window.session.colleagues), None)
    if colleague is not None:
        menus.append(window.grid_panel.colleague_menu(colleague))
    for menu in menus:
        assert isinstance(menu, QMenu)
        letters = Counter(
            letter
            for action in menu.actions()
            if not action.isSeparator() and (letter := mnemonic(action.text())) is not None
        )
        clashes = [letter for letter, count in letters.items() if count > 1]
        assert clashes == [], f"{menu.title() or 'context menu'}: {clashes}"
