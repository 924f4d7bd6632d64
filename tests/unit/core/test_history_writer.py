"""Ended calls are kept while the store cannot be written, and written when it can (Hardening on
the desktop, item 3: with the store locked or the disk full, ended calls were dropped and each
failed write held the event loop for 2 s)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from konnekta_desktop.core.history_writer import WAITING_MOST, HistoryWriter
from konnekta_desktop.core.store import Store
from konnekta_desktop.domain import Call, CallState, Direction


def ended(call_id: str) -> Call:
    return Call(
        call_id=call_id,
        user_id="anna",
        state=CallState.ENDED,
        direction=Direction.INBOUND,
        caller="+4512345678",
        called="+4533333333",
        started_at=1000.0,
        answered_at=1005.0,
    )


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "store.sqlite3") as opened:
        yield opened


def kept(store: Store) -> list[str]:
    return sorted(record.call_id for record in store.call_history())


def test_calls_ended_while_another_program_locks_the_store_are_written_once_it_is_free(
    store: Store,
) -> None:
    writer = HistoryWriter(store)
    holder = sqlite3.connect(store.path, autocommit=True)
    holder.execute("BEGIN IMMEDIATE")  # another program writing, for as long as it likes

    writer.add([ended("c1"), ended("c2")], ended_at=1100.0)
    writer.add([ended("c3")], ended_at=1200.0)
    assert writer.waiting == 3
    assert not writer.flush()

    holder.execute("COMMIT")
    holder.close()
    assert writer.flush()
    assert writer.waiting == 0
    assert kept(store) == ["c1", "c2", "c3"]
    ends = {r.call_id: r.ended for r in store.call_history()}
    assert ends == {"c1": 1100.0, "c2": 1100.0, "c3": 1200.0}  # each keeps its own end


def test_calls_ended_on_a_full_disk_are_written_once_there_is_room(store: Store) -> None:
    """A real "database or disk is full" from SQLite, made by a page limit on the file."""
    writer = HistoryWriter(store)
    pages = store._db.execute("PRAGMA page_count").fetchone()[0]
    store._db.execute(f"PRAGMA max_page_count = {pages}")

    writer.add([ended(f"c{i}") for i in range(200)], ended_at=1100.0)
    assert writer.waiting == 200
    assert kept(store) == []  # the failed write left nothing half-done

    store._db.execute("PRAGMA max_page_count = 1073741823")
    assert writer.flush()
    assert len(kept(store)) == 200


def test_a_store_that_stays_locked_keeps_the_newest_calls_up_to_the_bound() -> None:
    """A stand-in store that always refuses: a real lock costs its busy timeout per try, and this
    needs ten thousand tries."""

    class Refusing:
        def add_calls(self, calls: object, ended_at: float) -> None:
            raise sqlite3.OperationalError("database is locked")

    writer = HistoryWriter(Refusing())
    for i in range(WAITING_MOST + 5):
        writer.add([ended(f"c{i}")], ended_at=float(i))
    assert writer.waiting == WAITING_MOST
