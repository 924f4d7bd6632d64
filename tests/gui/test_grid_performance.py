"""The grid stays fast with 20,000 colleagues: filtering renders no row, a change touches only
its row, and the views hear only of rows they have painted."""

from __future__ import annotations

import time

from PySide6.QtCore import QModelIndex

from konnekta_desktop.domain import ForwardingUpdate
from konnekta_desktop.domain.colleagues import ModelChange
from konnekta_desktop.domain.numbers import NumberPlan
from konnekta_desktop.ui.colleague_filter import ColleagueFilterProxy
from konnekta_desktop.ui.colleagues import ColleagueTableModel
from tests.gui.gui_helpers import CountingPresence, numbered_colleagues

USERS = 20_000


def forward(user_id: str, number: str | None) -> ForwardingUpdate:
    return ForwardingUpdate(user_id=user_id, number=number)


def test_filtering_20000_rows_renders_none_and_a_change_re_renders_only_its_row(
    qapp: object,
) -> None:
    model = numbered_colleagues(USERS)
    presence = CountingPresence()
    table = ColleagueTableModel(model, NumberPlan(), presence)
    proxy = ColleagueFilterProxy()
    proxy.setSourceModel(table)

    started = time.perf_counter()
    proxy.set_filter("team07x")
    first_filter = time.perf_counter() - started
    assert proxy.rowCount() == USERS // 40
    assert presence.calls == 0  # the searchable texts were built with the load

    started = time.perf_counter()
    proxy.set_filter("person 1999")
    again = time.perf_counter() - started
    assert proxy.rowCount() == 12  # 01999, 11999, 19990..19999
    shown = [proxy.index(row, 0).data() for row in range(proxy.rowCount())]
    assert presence.calls == 12  # only the rows read were built

    model.apply(forward("u19995", "+4587654321"))
    changed: list[tuple[int, int]] = []
    table.dataChanged.connect(lambda a, b, _roles=(): changed.append((a.row(), b.row())))
    change = model.flush()
    assert isinstance(change, ModelChange)
    table.apply_change(change)
    assert changed == [(19995, 19995)]
    assert [proxy.index(row, 0).data() for row in range(proxy.rowCount())] == shown
    assert presence.calls == 13  # the changed row, built again when read
    proxy.set_filter("87 65 43 21")
    assert proxy.rowCount() == 1
    # Generous bounds for a shared 2-core machine; typical is a few milliseconds.
    assert first_filter < 1.0
    assert again < 1.0


def test_a_change_to_a_row_no_view_has_painted_sends_no_data_changed(qapp: object) -> None:
    model = numbered_colleagues(100)
    table = ColleagueTableModel(model, NumberPlan(), CountingPresence())
    table.index(5, 0).data()  # painted
    changed: list[tuple[int, int]] = []
    table.dataChanged.connect(lambda a, b, _roles=(): changed.append((a.row(), b.row())))

    for user_id in ("u00005", "u00006", "u00050"):
        model.apply(forward(user_id, "+4587654321"))
    change = model.flush()
    assert change is not None
    table.apply_change(change)
    assert changed == [(5, 5)]
    assert table.index(50, 5).data() == "87 65 43 21"  # read afresh when it is painted

    changed.clear()
    model.apply(forward("u00050", None))
    table.refresh_users({"u00050"})
    assert changed == [(50, 50)]  # painted since its last change: told again
    assert table.index(50, 5).data() == ""


def test_a_filtered_proxy_forwards_changes_of_its_rows_only(qapp: object) -> None:
    model = numbered_colleagues(100)
    table = ColleagueTableModel(model, NumberPlan(), CountingPresence())
    proxy = ColleagueFilterProxy()
    proxy.setSourceModel(table)
    proxy.set_filter("team01x")  # rows 1, 41, 81
    for row in range(table.rowCount()):
        table.index(row, 0).data()
    forwarded: list[tuple[int, int]] = []
    proxy.dataChanged.connect(lambda a, b, _roles=(): forwarded.append((a.row(), b.row())))

    table.refresh_users({"u00041", "u00042", "u00081"})
    assert forwarded == [(1, 1), (2, 2)]
    assert proxy.mapToSource(proxy.index(2, 0)).row() == 81
    assert proxy.mapFromSource(table.index(42, 0)) == QModelIndex()
