"""The dial bar: the number as it will be dialled, the calling device, and Enter or Dial asking to
dial; in the window against the simulator, and on its own."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from konnekta_desktop.core.session import Session
from konnekta_desktop.domain import CallingDevice
from konnekta_desktop.simulator.server import Simulator
from konnekta_desktop.ui.switchboard import MainWindow
from konnekta_desktop.ui.switchboard.dial_bar import DialBar
from konnekta_desktop.ui.texts import DEVICES


def test_dial_refused_by_konnekta_shows_plain_words_in_the_message_bar(
    window: MainWindow, simulator: Simulator, qtbot: QtBot
) -> None:
    window.number_edit.setText("1")  # one digit: Konnekta answers 422, cannot be dialled
    window.dial_current(None)
    qtbot.waitUntil(lambda: window.message_bar.isVisible() and window.message_bar.kind == "error")
    assert "refused" in window.message_bar.text().lower() or "number" in window.message_bar.text()
    window.dismiss_message()
    assert not window.message_bar.isVisible()


def test_dial_bar_shows_the_number_as_it_will_be_dialled(window: MainWindow) -> None:
    window.number_edit.setText("0045 33 12 34 56")
    assert window.number_hint.text().endswith("33 12 34 56")
    window.number_edit.setText("33x")
    assert "not a number" in window.number_hint.text()


# -- the dial bar on its own --------------------------------------------------------------------------


def dial_bar(session: Session, qtbot: QtBot) -> DialBar:
    bar = DialBar(session)
    qtbot.addWidget(bar)
    return bar


def test_the_hint_says_how_the_typed_number_will_be_dialled(session: Session, qtbot: QtBot) -> None:
    bar = dial_bar(session, qtbot)
    assert bar.number_hint.text() == "Enter dials, Esc clears"
    bar.number_edit.setText("0045 33 12 34 56")
    assert bar.number_hint.text() == "→ 33 12 34 56"
    assert bar.number_hint.toolTip() == f"Dials {session.plan.dialable('+4533123456')}"
    bar.number_edit.setText("33x")
    assert bar.number_hint.text() == "⚠ not a number yet"
    assert bar.number_hint.toolTip()  # why, in the operator's words


def test_enter_and_the_dial_button_ask_to_dial(session: Session, qtbot: QtBot) -> None:
    bar = dial_bar(session, qtbot)
    bar.number_edit.setText("87 65 43 21")
    with qtbot.waitSignal(bar.dial_requested, timeout=1000):
        bar.number_edit.returnPressed.emit()
    with qtbot.waitSignal(bar.dial_requested, timeout=1000):
        bar.dial_button.click()
    assert bar.number_edit.text() == "87 65 43 21"  # cleared only once the call is placed


def test_the_calling_device_starts_at_the_default_and_returns_to_it_with_new_settings(
    session: Session, qtbot: QtBot
) -> None:
    bar = dial_bar(session, qtbot)
    default = session.connector.config.default_calling_device
    assert bar.device_combo.currentIndex() == DEVICES.index(default)
    other = next(device for device in DEVICES if device is not default)
    bar.device_combo.setCurrentIndex(DEVICES.index(other))
    bar.follow_settings()
    assert bar.device_combo.currentIndex() == DEVICES.index(default)


def test_the_chosen_calling_device_is_the_one_dialled_from(session: Session, qtbot: QtBot) -> None:
    """Qt hands the combo's item data back as a plain string: it was read as "not a device",
    so every dial went from the local phone whatever the operator chose."""
    bar = dial_bar(session, qtbot)
    for device in (CallingDevice.MOBILE, CallingDevice.TEAMS, CallingDevice.LOCAL):
        bar.device_combo.setCurrentIndex(DEVICES.index(device))
        assert bar.current_device() is device
