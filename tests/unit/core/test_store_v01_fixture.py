"""A store file written by konnekta-desktop 0.1 opens with today's code and keeps every row.

Why the fixture exists: people upgrading from 0.1 have such a file, with their own states and
templates, appointments, changes Konnekta has not yet accepted, and wrap-ups. Every later schema
migration must open a 0.1 file and keep every row, with its values. tests/fixtures/
store-v0.1.sqlite3 was written once by scripts/make_store_fixture.py, whose constants describe it
and are what these tests expect. The fixture is never regenerated, only added to: a later version's
file goes next to it, with its own test.

Each test works on a copy in tmp_path: opening the committed file would migrate it in place.
"""

from __future__ import annotations

import importlib.util
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from types import ModuleType

import pytest

from konnekta_desktop.core.clock import ManualClock
from konnekta_desktop.core.store import MIGRATIONS, PendingChange, Store

ROOT = Path(__file__).resolve().parents[3]
FIXTURE = ROOT / "tests" / "fixtures" / "store-v0.1.sqlite3"
V01_SCHEMA_VERSION = 3


def load_script() -> ModuleType:
    """The script that wrote the fixture, for the values it wrote (scripts/ is not a package)."""
    path = ROOT / "scripts" / "make_store_fixture.py"
    spec = importlib.util.spec_from_file_location("make_store_fixture", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


written = load_script()


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """The fixture copied alone (no -wal or -shm file), as a user's data folder would hold it."""
    target = tmp_path / "konnekta-desktop.sqlite3"
    shutil.copyfile(FIXTURE, target)
    return target


@pytest.fixture
def store(copy: Path) -> Iterator[Store]:
    with Store(copy, clock=ManualClock(written.NOW)) as opened:
        yield opened


def user_version(path: Path) -> int:
    with closing(sqlite3.connect(path, autocommit=True)) as db:
        version: int = db.execute("PRAGMA user_version").fetchone()[0]
    return version


def test_the_fixture_is_a_0_1_file_and_opens_at_the_latest_version(copy: Path) -> None:
    assert written.SCHEMA_VERSION == V01_SCHEMA_VERSION
    assert user_version(copy) == V01_SCHEMA_VERSION
    with Store(copy) as store:
        assert store.schema_version == len(MIGRATIONS)
    with closing(sqlite3.connect(copy, autocommit=True)) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_states_and_templates_are_kept_in_order(store: Store) -> None:
    assert store.states() == list(written.STATES)
    assert store.templates() == list(written.TEMPLATES)


def test_users_states_are_kept(store: Store) -> None:
    assert store.user_states() == {state.user_id: state for state in written.USER_STATES}


def test_unsent_changes_are_kept_and_still_pending(store: Store) -> None:
    unsent = [change for change in written.PENDING_CHANGES if change.sent_at is None]
    assert store.pending_changes() == unsent


def test_sent_changes_are_kept(store: Store, copy: Path) -> None:
    """The store lists only unsent changes, so the sent ones are read from the migrated table.

    A migration that moves them must move this query along, not drop the check.
    """
    store.close()
    with closing(sqlite3.connect(copy, autocommit=True)) as db:
        rows = db.execute(
            "SELECT id, user_id, state, made_at, sent_at FROM pending_changes ORDER BY id"
        ).fetchall()
    assert [PendingChange(*row) for row in rows] == list(written.PENDING_CHANGES)


def test_appointments_and_what_they_replaced_are_kept(store: Store) -> None:
    assert store.appointments() == list(written.APPOINTMENTS)
    assert store.active_appointments() == list(written.ACTIVE_APPOINTMENTS)


def test_call_history_is_kept(store: Store) -> None:
    assert store.call_history() == list(written.CALL_HISTORY)


def test_pending_and_completed_wrapups_are_kept(store: Store) -> None:
    assert store.pending_wrapups() == list(written.PENDING_WRAPUPS)
    assert store.wrapup_records() == list(written.WRAPUP_RECORDS)
