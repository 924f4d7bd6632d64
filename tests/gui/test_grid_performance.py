"""The grid stays fast with 20,000 colleagues: a change touches only its row, filtering is quick."""

from __future__ import annotations

import time

from konnekta_desktop.core.model import LiveModel, ModelChange
from konnekta_desktop.core.numbers import NumberPlan
from konnekta_desktop.core.presence import DEFAULT_TEMPLATES, Template
from konnekta_desktop.core.states import ShownState
from konnekta_desktop.konnekta import events as ev
from konnekta_desktop.konnekta.models import (
    Availability,
    Line,
    LineRole,
    LineType,
    User,
    UserStatus,
)
from konnekta_desktop.ui.colleagues import ColleagueFilterProxy, ColleagueTableModel

USERS = 20_000


class CountingPresence:
    """Stands in for PresenceService (no store or mappings needed): counts the rows it renders."""

    def __init__(self) -> None:
        self.calls = 0

    def templates(self) -> list[Template]:
        return list(DEFAULT_TEMPLATES)

    def shown_state(self, user_id: str) -> ShownState:
        self.calls += 1
        return ShownState("Available", True)

    async def set_template(self, user_id: str, template_name: str) -> None:
        raise NotImplementedError

    def subscribe(self, callback: object) -> None:
        return None


def big_model() -> LiveModel:
    users = [
        User(
            id=f"u{i:05d}",
            username=f"u{i}@x.dk",
            name=f"Person {i:05d}",
            department=f"Team{i % 40:02d}x",
            lines=(Line(role=LineRole.PRIMARY, type=LineType.FIXED, number=f"+4533{i:06d}"),),
        )
        for i in range(USERS)
    ]
    statuses = [
        UserStatus(user_id=u.id, activity_id=None, availability=Availability.AVAILABLE)
        for u in users
    ]
    model = LiveModel()
    model.load(users, statuses, [])
    model.flush()  # the initial load is delivered as a reset, as the connector does
    return model


def test_a_change_re_renders_only_the_changed_row_and_filtering_20000_rows_is_fast(
    qapp: object,
) -> None:
    model = big_model()
    presence = CountingPresence()
    table = ColleagueTableModel(model, NumberPlan(), presence)
    proxy = ColleagueFilterProxy()
    proxy.setSourceModel(table)
    table.reset()

    started = time.perf_counter()
    proxy.set_filter("team07x")
    first_filter = time.perf_counter() - started
    assert proxy.rowCount() == USERS // 40
    rendered = presence.calls
    assert rendered == USERS  # every row built once for the first filter

    started = time.perf_counter()
    proxy.set_filter("person 1999")
    again = time.perf_counter() - started
    assert presence.calls == rendered  # cached: no row rebuilt
    assert proxy.rowCount() == 12  # 01999, 11999, 19990..19999

    model.apply(
        ev.DiversionChanged(
            timestamp="2025-06-01T10:00:00Z",
            data=ev.DiversionData(user_id="u19995", number="+4587654321"),
        )
    )
    changed: list[tuple[int, int]] = []
    table.dataChanged.connect(lambda a, b, _roles=(): changed.append((a.row(), b.row())))
    change = model.flush()
    assert isinstance(change, ModelChange)
    table.apply_change(change)
    assert changed == [(19995, 19995)]
    proxy.set_filter("87 65 43 21")
    assert proxy.rowCount() == 1
    assert presence.calls == rendered + 1  # only the changed row was rebuilt
    # Generous bounds for a shared 2-core machine; typical is well under these.
    assert first_filter < 3.0
    assert again < 1.0
