"""The window follows the model once a frame: many batches between two frames cost one grid
refresh and one call panel refresh, and a reset is shown at once, in place of what was pending."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from konnekta_desktop.core.session import Session
from konnekta_desktop.domain import (
    Call,
    CallState,
    CallUpdate,
    Direction,
    ForwardingUpdate,
    UserRemoval,
)
from konnekta_desktop.ui.colleagues import USER_ID_ROLE, ColleagueColumn
from konnekta_desktop.ui.switchboard import MainWindow
from tests.gui.gui_helpers import OPERATOR_ID, USERS


@dataclass
class Refreshes:
    """The grid's and the call panel's refreshes, as the window asks for them."""

    grid: list[set[str]] = field(default_factory=list)
    panel: int = 0


@pytest.fixture
def refreshes(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> Refreshes:
    window.flush_pending()  # whatever connecting left pending
    seen = Refreshes()
    grid, panel = window.colleague_model.refresh_users, window.call_model.refresh

    def refresh_users(user_ids: set[str]) -> None:
        seen.grid.append(set(user_ids))
        grid(user_ids)

    def refresh_panel(**options: Any) -> None:
        seen.panel += 1
        panel(**options)

    monkeypatch.setattr(window.colleague_model, "refresh_users", refresh_users)
    monkeypatch.setattr(window.call_model, "refresh", refresh_panel)
    return seen


def forward(session: Session, user_id: str, number: str | None) -> None:
    """A forwarding event arrives and is flushed, as the connector delivers each batch."""
    session.model.apply(ForwardingUpdate(user_id=user_id, number=number))
    session.model.flush()


def shown_forwarding(window: MainWindow, user_id: str) -> str | None:
    for row in range(window.proxy.rowCount()):
        if window.proxy.index(row, 0).data(USER_ID_ROLE) == user_id:
            return str(window.proxy.index(row, ColleagueColumn.FORWARDING).data())
    return None


def test_a_hundred_batches_within_a_frame_refresh_the_grid_and_the_calls_once(
    window: MainWindow, session: Session, refreshes: Refreshes, qtbot: QtBot
) -> None:
    user_ids = [colleague.id for colleague in session.model][:20]
    for n in range(100):
        if n % 10 == 0:
            call = Call(
                call_id=f"queue-{n}",
                user_id=user_ids[n % 20],
                state=CallState.RINGING,
                direction=Direction.INBOUND,
                caller="+4520000000",
                called="+4570203040",
                queue="Reception",
                started_at=0.0,
            )
            session.model.apply(CallUpdate(call=call))
            session.model.flush()
        else:
            forward(session, user_ids[n % 20], f"+45876543{n:02d}")
    window.bridge.presence_changed.emit({user_ids[0], OPERATOR_ID})
    assert refreshes.grid == []  # nothing yet: the frame has not come
    assert refreshes.panel == 0

    qtbot.waitUntil(lambda: bool(refreshes.grid))
    assert refreshes.grid == [{*user_ids, OPERATOR_ID}]
    assert refreshes.panel == 1
    assert shown_forwarding(window, user_ids[19]) == "87 65 43 99"
    assert {panel.call_id for panel in window.call_model.calls()} >= {
        f"queue-{n}" for n in range(0, 100, 10)
    }


def test_flush_pending_shows_what_is_pending_at_once(
    window: MainWindow, session: Session, refreshes: Refreshes
) -> None:
    forward(session, "user-00020", "+4587654321")
    window.flush_pending()
    assert refreshes.grid == [{"user-00020"}]
    assert shown_forwarding(window, "user-00020") == "87 65 43 21"
    window.flush_pending()  # nothing left
    assert refreshes.grid == [{"user-00020"}]


def test_a_reset_is_shown_at_once_and_replaces_the_pending_rows(
    window: MainWindow, session: Session, refreshes: Refreshes, qtbot: QtBot
) -> None:
    forward(session, "user-00020", "+4587654321")
    forward(session, "user-00021", "+4587654322")  # pending, for a colleague about to leave
    session.model.apply(UserRemoval(user_id="user-00021"))
    session.model.flush()

    # Shown without waiting for the frame: the grid never shows a row the model no longer has.
    assert window.colleague_model.rowCount() == USERS - 1
    assert window.proxy.rowCount() == USERS - 1
    assert shown_forwarding(window, "user-00021") is None
    assert shown_forwarding(window, "user-00020") == "87 65 43 21"
    assert refreshes.panel == 1
    assert str(USERS - 1) in window.count_label.text()
    window.flush_pending()
    assert refreshes.grid == []  # the reset showed them: no refresh of the old rows after it

    forward(session, "user-00020", None)  # changes after the reset are followed as before
    qtbot.waitUntil(lambda: bool(refreshes.grid))
    assert refreshes.grid == [{"user-00020"}]
    assert shown_forwarding(window, "user-00020") == ""
