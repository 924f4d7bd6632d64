"""The message bar on its own: errors and notices in plain words, shown as written, until closed."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from konnekta_desktop.ui.switchboard.message_bar import MessageBar


@pytest.fixture
def bar(qtbot: QtBot) -> Iterator[MessageBar]:
    """The bar in a shown window, as at the top of the switchboard."""
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    yield MessageBar(window)
    window.close()


def test_nothing_is_shown_until_there_is_something_to_say(bar: MessageBar) -> None:
    assert not bar.isVisible()
    assert bar.text() == ""
    assert bar.kind == ""


def test_an_error_is_marked_as_one_escaped_and_logged(
    bar: MessageBar, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO):
        bar.show_error("Konnekta refused <this> & that.")
    assert bar.isVisible()
    assert bar.kind == "error"
    assert bar.text() == "Konnekta refused <this> & that."
    assert bar.label.text() == "<b>Error:</b> Konnekta refused &lt;this&gt; &amp; that."
    assert "Shown to the operator: Konnekta refused <this> & that." in caplog.text


def test_a_notice_has_no_mark_and_the_close_button_dismisses_it(bar: MessageBar) -> None:
    bar.show_info("Calling 87 65 43 21.")
    assert bar.kind == "info"
    assert bar.label.text() == "Calling 87 65 43 21."
    bar.close_button.click()
    assert not bar.isVisible()
    assert bar.text() == ""
    assert bar.kind == ""


def test_a_new_message_replaces_the_one_shown(bar: MessageBar) -> None:
    bar.show_error("First.")
    bar.show_info("Second.")
    assert bar.text() == "Second."
    assert bar.kind == "info"


def test_a_notice_clears_itself_and_an_error_waits_for_the_next_action(
    bar: MessageBar, qtbot: QtBot
) -> None:
    """Operator polish, item 2: the bar never cleared ("There is no call to hang up" stayed while
    three calls rang), and successes were silent."""
    bar.info_seconds = 0.05
    bar.show_info("Calling Bo Holm from my local phone.")
    qtbot.waitUntil(lambda: bar.text() == "")

    bar.show_error("There is no call to hang up.")
    assert bar.clears_in() is None  # an error does not go by itself
    assert bar.text() == "There is no call to hang up."
    bar.action_started()
    assert bar.text() == ""

    bar.show_info("Done.")
    bar.action_started()  # a notice is not an error: it keeps its few seconds
    assert bar.text() == "Done."
    assert bar.clears_in() is not None


def test_showing_a_message_moves_nothing_below_it(qtbot: QtBot) -> None:
    page = QWidget()
    column = QVBoxLayout(page)
    bar, below = MessageBar(), QLabel("the grid")
    column.addWidget(bar)
    column.addWidget(below)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    before = below.geometry()

    bar.show_error("A long message " * 40)
    qtbot.waitUntil(bar.isVisible)
    assert below.geometry() == before
    assert bar.label.toolTip().startswith("A long message")  # the whole text, when cut
    bar.dismiss()
    assert below.geometry() == before
