"""Operator polish, item 10: a walk over the switchboard window and Settings, on a light and a
dark palette. It fails on a table that traps Tab, an interactive control a screen reader cannot
name, or text below WCAG AA (4.5:1) in the colours the app sets itself."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from konnekta_desktop.core.session import Session
from konnekta_desktop.ui.bridge import Bridge
from konnekta_desktop.ui.colours import contrast, text_colour
from konnekta_desktop.ui.settings.dialog import SettingsDialog
from konnekta_desktop.ui.switchboard import MainWindow

pytestmark = pytest.mark.gui

AA_TEXT = 4.5
INTERACTIVE = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractItemView)


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#2b2b2b"),
        (QPalette.ColorRole.WindowText, "#f0f0f0"),
        (QPalette.ColorRole.Base, "#1e1e1e"),
        (QPalette.ColorRole.Text, "#f0f0f0"),
        (QPalette.ColorRole.Button, "#3a3a3a"),
        (QPalette.ColorRole.ButtonText, "#f0f0f0"),
    ):
        palette.setColor(role, QColor(colour))
    return palette


@pytest.fixture(params=["light", "dark"])
def palette(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[QPalette]:
    before = qapp.palette()
    chosen = dark_palette() if request.param == "dark" else qapp.style().standardPalette()
    qapp.setPalette(chosen)
    yield chosen
    qapp.setPalette(before)


def windows(session: Session, qtbot: QtBot) -> list[QWidget]:
    window = MainWindow(session, Bridge(session))
    qtbot.addWidget(window)
    window.show()
    window.message_bar.show_message("A refusal in the message bar", "error")
    settings = SettingsDialog(session, window)
    qtbot.addWidget(settings)
    settings.show()
    return [window, settings]


def named(control: QWidget, buddies: set[QWidget]) -> bool:
    if control.accessibleName().strip() or control in buddies:
        return True
    return isinstance(control, QAbstractButton) and bool(control.text().replace("&", "").strip())


def test_no_table_traps_tab_and_every_control_has_a_name(
    session: Session, qtbot: QtBot, palette: QPalette
) -> None:
    for top in windows(session, qtbot):
        widgets = top.findChildren(QWidget)
        buddies = {label.buddy() for label in top.findChildren(QLabel) if label.buddy()}
        traps = [
            view.objectName() or type(view).__name__
            for view in top.findChildren(QAbstractItemView)
            if view.tabKeyNavigation() and view.isVisibleTo(top)
        ]
        assert traps == [], f"{top.objectName()}: Tab stays in {traps}"
        nameless = [
            f"{type(w).__name__} {w.objectName()!r}"
            for w in widgets
            if isinstance(w, INTERACTIVE)
            and w.isVisibleTo(top)
            and w.focusPolicy() != 0  # Qt.NoFocus: not reached from the keyboard
            and not isinstance(w.parentWidget(), QComboBox | QAbstractSpinBox)
            and type(w).__name__ not in {"QCalendarWidget", "QToolButton"}
            and not named(w, buddies)
        ]
        assert nameless == [], f"{top.objectName()}: no accessible name: {nameless}"


def test_the_colours_the_app_sets_keep_aa_contrast(
    session: Session, qtbot: QtBot, palette: QPalette
) -> None:
    window_colour = palette.color(QPalette.ColorRole.Window)
    for meaning in ("problem", "good"):
        shade = QColor(text_colour(meaning, palette))  # type: ignore[arg-type]
        assert contrast(shade, window_colour) >= AA_TEXT, meaning
    # Boxes that set their own background and text (message bar, demo marks, notices).
    pair = re.compile(r"background: (#[0-9a-fA-F]{6}).*?color: (#[0-9a-fA-F]{6})", re.DOTALL)
    checked = 0
    for top in windows(session, qtbot):
        for widget in [top, *top.findChildren(QWidget)]:
            for background, foreground in pair.findall(widget.styleSheet()):
                ratio = contrast(QColor(background), QColor(foreground))
                assert ratio >= AA_TEXT, f"{widget.objectName()}: {foreground} on {background}"
                checked += 1
    assert checked >= 3  # the message bar, the demo marks
