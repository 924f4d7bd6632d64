"""The wrap-up panel on its own: docked in its window, one entry a pending call, never opened twice,
the note a transfer suggests (never over one typed), F10 from entry to entry, Enter completing with
a notice, and back to where the operator was."""

from __future__ import annotations

from dataclasses import dataclass, field
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMainWindow
from pytestqt.qtbot import QtBot

from konnekta_desktop.domain import Direction
from konnekta_desktop.domain.numbers import NumberPlan
from konnekta_desktop.domain.wrapups import WrapUpSession
from konnekta_desktop.ui.switchboard.wrapups import WrapUps
from tests.gui.gui_helpers import OPERATOR_ID

ANNA = "+4570203041"


def pending(call_id: str, caller: str = "+4587654321") -> WrapUpSession:
    """A call to me from the Support queue, ended 30 s after it began, waiting for its wrap-up."""
    call = {"call_id": call_id, "user_id": OPERATOR_ID, "direction": Direction.INBOUND}
    parties = {"caller": caller, "called": "+4570203040", "queue": "Support"}
    return WrapUpSession(**call, **parties, started=0.0, ended=30.0)


@dataclass
class FakeSession:
    """What the panel asks of the session: the pending wrap-ups, completing one, the colleagues."""

    pending: list[WrapUpSession] = field(default_factory=list)
    completed: list[tuple[str, str, str]] = field(default_factory=list)
    plan: NumberPlan = field(default_factory=NumberPlan)
    colleagues: list[SimpleNamespace] = field(
        default_factory=lambda: [
            SimpleNamespace(
                user=SimpleNamespace(
                    name="Anna Jensen", lines=[SimpleNamespace(number=ANNA, aliases=[])]
                )
            )
        ]
    )

    def now(self) -> float:
        return 40.0

    def pending_wrapups(self) -> list[WrapUpSession]:
        return list(self.pending)

    async def complete_wrapup(self, session: WrapUpSession, note: str = "", code: str = "") -> None:
        self.completed.append((session.call_id, note, code))
        self.pending = [p for p in self.pending if p.call_id != session.call_id]


@dataclass
class Panel:
    window: QMainWindow
    wrapups: WrapUps
    session: FakeSession
    infos: list[str]
    elsewhere: QLineEdit  # a field of the window outside the panel


@pytest.fixture
def panel(qtbot: QtBot) -> Panel:
    window = QMainWindow()
    qtbot.addWidget(window)
    elsewhere = QLineEdit()
    window.setCentralWidget(elsewhere)
    session = FakeSession()
    infos: list[str] = []
    wrapups = WrapUps(session, infos.append, window)  # type: ignore[arg-type]
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, wrapups)
    window.resize(1000, 600)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return Panel(window, wrapups, session, infos, elsewhere)


def test_nothing_pending_is_said_as_a_notice_and_the_panel_stays_hidden(panel: Panel) -> None:
    panel.wrapups.open_pending()
    assert panel.infos == ["No wrap-up is pending."]
    assert panel.wrapups.entries == {}
    assert not panel.wrapups.isVisible()


def test_the_panel_is_docked_and_cannot_be_closed_or_floated(panel: Panel) -> None:
    wrapups = panel.wrapups
    assert panel.window.dockWidgetArea(wrapups) is Qt.DockWidgetArea.RightDockWidgetArea
    assert not wrapups.features() & wrapups.DockWidgetFeature.DockWidgetClosable
    assert not wrapups.features() & wrapups.DockWidgetFeature.DockWidgetFloatable
    assert wrapups.windowTitle() == "Wrap-up (F10)"


def test_two_pending_wrap_ups_show_at_once_one_entry_a_call(panel: Panel, qtbot: QtBot) -> None:
    wrapups = panel.wrapups
    wrapups.open(pending("c1"))
    wrapups.open(pending("c2", caller="+4512345678"))
    wrapups.open(pending("c1"))  # again: the same entry

    assert list(wrapups.entries) == ["c1", "c2"]
    qtbot.waitUntil(lambda: all(e.isVisible() for e in wrapups.entries.values()))
    first, second = wrapups.entries.values()
    assert first.party_label.text() == "87 65 43 21"
    assert second.party_label.text() == "12 34 56 78"
    assert first.queue_label.text() == "Support"
    assert first.duration_label.text() == "0:30"
    assert first.elapsed_label.text() == "0:10"
    assert first.complete_button.text() == "Complete"  # Alt+C is the window's Call menu
    assert wrapups.isVisible()


def test_a_transfer_suggests_the_note_of_a_wrap_up_not_open_yet(panel: Panel) -> None:
    panel.wrapups.transferred("c1", ANNA, "Anna Jensen")
    panel.wrapups.transferred("c2", "+4533445566", "33 44 55 66")

    panel.wrapups.open(pending("c1"))
    panel.wrapups.open(pending("c2"))

    notes = [entry.note_edit.text() for entry in panel.wrapups.entries.values()]
    assert notes == ["Transferred to Anna Jensen", "Transferred to 33 44 55 66"]


def test_a_typed_number_of_a_colleague_is_named_in_the_suggested_note(panel: Panel) -> None:
    panel.wrapups.open(pending("c1"))
    panel.wrapups.transferred("c1", "70 20 30 41", "70 20 30 41")  # typed in the dial bar
    assert panel.wrapups.entries["c1"].note_edit.text() == "Transferred to Anna Jensen"


def test_the_wrap_up_key_adds_to_a_suggested_note_rather_than_replacing_it(
    panel: Panel, qtbot: QtBot
) -> None:
    panel.session.pending = [pending("c1")]
    panel.wrapups.transferred("c1", ANNA, "Anna Jensen")

    panel.wrapups.open_pending()
    entry = panel.wrapups.entries["c1"]
    qtbot.waitUntil(entry.note_edit.hasFocus)
    qtbot.keyClicks(entry.note_edit, "; wants a quote")

    assert entry.note_edit.text() == "Transferred to Anna Jensen; wants a quote"


def test_a_typed_note_is_never_overwritten_by_a_suggestion(panel: Panel, qtbot: QtBot) -> None:
    panel.wrapups.open(pending("c1"))
    entry = panel.wrapups.entries["c1"]
    qtbot.keyClicks(entry.note_edit, "Wants a quote")

    panel.wrapups.transferred("c1", ANNA, "Anna Jensen")
    assert entry.note_edit.text() == "Wants a quote"

    qtbot.keyClick(entry.note_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(entry.note_edit, Qt.Key.Key_Backspace)  # deleted by the operator: still theirs
    assert entry.note_edit.text() == ""
    panel.wrapups.transferred("c1", ANNA, "Anna Jensen")
    assert entry.note_edit.text() == ""


def test_the_wrap_up_key_goes_from_entry_to_entry_and_enter_completes_with_a_notice(
    panel: Panel, qtbot: QtBot, qasync_loop: object
) -> None:
    wrapups, session = panel.wrapups, panel.session
    session.pending = [pending("c1"), pending("c2", caller="+4512345678")]
    panel.elsewhere.setFocus()
    qtbot.waitUntil(panel.elsewhere.hasFocus)

    wrapups.open_pending()
    first, second = wrapups.entries.values()
    qtbot.waitUntil(first.note_edit.hasFocus)
    wrapups.open_pending()  # again: the next one
    qtbot.waitUntil(second.note_edit.hasFocus)
    wrapups.open_pending()  # and round
    qtbot.waitUntil(first.note_edit.hasFocus)

    qtbot.keyClicks(first.note_edit, "Call back Monday")
    qtbot.keyClick(first.note_edit, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: "c1" not in wrapups.entries)
    assert session.completed == [("c1", "Call back Monday", "")]
    assert panel.infos == ["Wrap-up of the call with 87 65 43 21 saved."]
    qtbot.waitUntil(second.note_edit.hasFocus)  # on to the next one

    second.code_combo.setFocus()
    qtbot.waitUntil(second.code_combo.hasFocus)
    qtbot.keyClick(second.code_combo, Qt.Key.Key_Enter)  # Enter in the code completes too

    qtbot.waitUntil(lambda: wrapups.entries == {})
    assert [c[0] for c in session.completed] == ["c1", "c2"]
    assert panel.infos[-1] == "Wrap-up of the call with 12 34 56 78 saved."
    assert not wrapups.isVisible()
    qtbot.waitUntil(panel.elsewhere.hasFocus)  # back where F10 came from


def test_a_wrap_up_opening_takes_no_focus(panel: Panel, qtbot: QtBot) -> None:
    panel.elsewhere.setFocus()
    qtbot.waitUntil(panel.elsewhere.hasFocus)
    panel.wrapups.open(pending("c1"))
    qtbot.waitUntil(panel.wrapups.isVisible)
    assert panel.elsewhere.hasFocus()
