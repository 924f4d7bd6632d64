"""The wrap-up dialogs on their own: one per call over the window, shown again rather than opened
twice, never blocking, and forgotten once answered."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from konnekta_desktop.core.session import Session
from konnekta_desktop.domain import Direction
from konnekta_desktop.domain.wrapups import WrapUpSession
from konnekta_desktop.ui.switchboard.wrapups import WrapUps
from tests.gui.gui_helpers import OPERATOR_ID


@dataclass
class Said:
    errors: list[str] = field(default_factory=list)
    infos: list[str] = field(default_factory=list)


def pending(call_id: str) -> WrapUpSession:
    """A call to me from the Support queue, ended 30 s after it began, waiting for its wrap-up."""
    call = {"call_id": call_id, "user_id": OPERATOR_ID, "direction": Direction.INBOUND}
    parties = {"caller": "+4587654321", "called": "+4570203040", "queue": "Support"}
    return WrapUpSession(**call, **parties, started=0.0, ended=30.0)


@pytest.fixture
def window(qtbot: QtBot) -> QWidget:
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    return window


def test_nothing_pending_is_said_as_a_notice(session: Session, window: QWidget) -> None:
    said = Said()
    wrapups = WrapUps(session, said.errors.append, said.infos.append, window)
    wrapups.open_pending()
    assert said == Said(infos=["No wrap-up is pending."])
    assert wrapups.dialogs == {}


def test_one_dialog_a_call_over_the_window_until_it_is_answered(
    session: Session, window: QWidget, qtbot: QtBot
) -> None:
    said = Said()
    wrapups = WrapUps(session, said.errors.append, said.infos.append, window)
    wrapups.open(pending("c1"))
    dialog = wrapups.dialogs["c1"]
    assert dialog.parent() is window
    assert dialog.isVisible()
    assert not dialog.isModal()
    assert dialog.windowFlags() & Qt.WindowType.WindowStaysOnTopHint

    wrapups.open(pending("c1"))  # again: the same dialog, shown
    wrapups.open(pending("c2"))
    assert list(wrapups.dialogs) == ["c1", "c2"]
    assert wrapups.dialogs["c1"] is dialog

    dialog.accept()
    qtbot.waitUntil(lambda: "c1" not in wrapups.dialogs)
    assert list(wrapups.dialogs) == ["c2"]
    wrapups.dialogs["c2"].accept()
    assert said == Said()
