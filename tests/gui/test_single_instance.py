"""One switchboard per user and config folder: a second launch hands its number to the first."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from konnekta_desktop.simulator.server import Simulator
from konnekta_desktop.ui.single_instance import SingleInstance, instance_key, parse_dial_target
from konnekta_desktop.ui.switchboard import MainWindow
from tests.gui.gui_helpers import OPERATOR_ID


@pytest.mark.parametrize(
    ("argument", "number"),
    [
        ("tel:+4512345678", "+4512345678"),
        ("TEL:+45-12-34-56-78", "+4512345678"),
        ("tel:12345678;phone-context=+45", "+4512345678"),
        ("tel:12345678;phone-context=example.com", "12345678"),
        ("tel:+298%20123456", "+298123456"),
        ("callto:+4512345678", "+4512345678"),
        ("callto://+4512345678", "+4512345678"),
        ("callto:12 34 56 78", "12345678"),
        ("12 34 56 78", "12345678"),
        ("+45 (12) 34.56.78", "+4512345678"),
        ("111", "111"),
    ],
)
def test_dial_targets_are_read_from_numbers_and_links(argument: str, number: str) -> None:
    assert parse_dial_target(argument) == number


@pytest.mark.parametrize(
    "argument", ["", "--demo", "hello", "tel:", "mailto:a@b.dk", "1", "tel:+45abc"]
)
def test_arguments_that_are_not_numbers_give_nothing_to_dial(argument: str) -> None:
    assert parse_dial_target(argument) is None


def test_key_differs_per_config_folder_and_for_the_demo(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    assert instance_key(a) == instance_key(a)
    assert instance_key(a) != instance_key(b)
    assert instance_key(a) != instance_key(a, demo=True)


def test_second_launch_hands_its_arguments_to_the_running_one(tmp_path: Path, qtbot: QtBot) -> None:
    key = instance_key(tmp_path)
    running = SingleInstance(key)
    assert running.listen()
    second = SingleInstance(key)
    try:
        with qtbot.waitSignal(running.arguments_received, timeout=5000) as received:
            assert second.hand_off(["tel:+4587654321"])
        assert received.args == [["tel:+4587654321"]]
    finally:
        running.close()
        second.close()


def test_a_launch_with_no_running_switchboard_keeps_its_arguments(tmp_path: Path) -> None:
    alone = SingleInstance(instance_key(tmp_path / "nobody"))
    assert not alone.hand_off(["12345678"], timeout_ms=200)


def test_handed_tel_link_is_dialled_from_my_default_calling_device(
    window: MainWindow, simulator: Simulator, tmp_path: Path, qtbot: QtBot
) -> None:
    key = instance_key(tmp_path)
    running = SingleInstance(key)
    assert running.listen()
    running.arguments_received.connect(window.dial_targets)
    try:
        assert SingleInstance(key).hand_off(["tel:87654321;phone-context=+45"])
        qtbot.waitUntil(
            lambda: any(
                c.path == f"/users/{OPERATOR_ID}/calls"
                and c.body
                == {
                    "destination": "+4587654321",
                    "device": window.session.connector.config.default_calling_device.value,
                }
                for c in simulator.received
            )
        )
    finally:
        running.close()


def test_handed_text_that_is_not_a_number_is_reported_in_the_window(window: MainWindow) -> None:
    window.dial_targets(["mailto:someone@example.dk"])
    assert window.message_bar.kind == "error"
    assert "not a number to dial" in window.message_bar.text()
