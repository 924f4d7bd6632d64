"""Only what the operator has (Operator polish, item 5): the dial bar and the colleague menu
offered Mobile and Teams to an operator with neither, which failed only after trying."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from konnekta_desktop.domain import CallingDevice
from konnekta_desktop.simulator.server import Simulator
from konnekta_desktop.ui.switchboard import MainWindow

LOCAL_ONLY = "user-00004"  # Emil Kristiansen: a desk phone, no mobile, no Teams


@pytest.fixture
def operator_id() -> str:
    return LOCAL_ONLY


def test_an_operator_with_only_a_desk_phone_is_offered_only_the_desk_phone(
    window: MainWindow, simulator: Simulator, qtbot: QtBot
) -> None:
    assert simulator.tenant.users[LOCAL_ONLY].devices == (CallingDevice.LOCAL,)
    combo = window.dial_bar.device_combo
    qtbot.waitUntil(lambda: combo.count() == 1)
    assert combo.itemData(0) == CallingDevice.LOCAL
    assert window.dial_bar.current_device() is CallingDevice.LOCAL

    colleague = window.session.model.get("user-00020")
    assert colleague is not None
    names = [action.objectName() for action in window.colleague_menu(colleague).actions()]
    assert "dial_local" in names
    assert "dial_mobile" not in names
    assert "dial_teams" not in names
