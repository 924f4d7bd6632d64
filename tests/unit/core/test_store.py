"""The local store on real SQLite files: schema, migrations, every table's methods, and kill -9."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

import pytest

from konnekta_desktop.core.appointments import ActiveAppointment, PreviousState
from konnekta_desktop.core.clock import ManualClock
from konnekta_desktop.core.store import (
    MIGRATIONS,
    CallRecord,
    LocalState,
    PendingChange,
    Store,
    StoreError,
    migrate,
)
from konnekta_desktop.domain import Call, CallingDevice, CallState, Direction
from konnekta_desktop.domain.appointments import Appointment
from konnekta_desktop.domain.states import (
    DEFAULT_STATES,
    DEFAULT_TEMPLATES,
    State,
    StateClass,
    Template,
)
from konnekta_desktop.domain.wrapups import WrapUpRecord, WrapUpSession

NOW = 1_750_000_000.0


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(now=NOW)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "konnekta.sqlite3"


@pytest.fixture
def store(path: Path, clock: ManualClock) -> Iterator[Store]:
    with Store(path, clock=clock) as opened:
        yield opened


@contextmanager
def raw(path: Path) -> Iterator[sqlite3.Connection]:
    """A plain connection to the file, closed afterwards (sqlite3's own `with` does not close)."""
    with closing(sqlite3.connect(path, autocommit=True)) as db:
        yield db


# --- the file -------------------------------------------------------------------------------------


def test_a_new_store_is_created_with_its_folder_at_the_latest_version_in_wal_mode(
    store: Store, path: Path
) -> None:
    assert path.exists()
    assert store.schema_version == len(MIGRATIONS)
    with raw(path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_new_store_is_seeded_with_the_default_states_and_templates(store: Store) -> None:
    assert store.states() == list(DEFAULT_STATES)
    assert store.templates() == list(DEFAULT_TEMPLATES)


def test_reopening_keeps_data_and_does_not_seed_again(path: Path) -> None:
    with Store(path) as store:
        store.delete_template("Sick")
        store.delete_state("Sick")
    with Store(path) as store:
        assert "Sick" not in {state.name for state in store.states()}
        assert store.schema_version == len(MIGRATIONS)


def test_a_store_written_by_a_newer_app_is_refused_with_advice(path: Path) -> None:
    Store(path).close()
    with raw(path) as db:
        db.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    with pytest.raises(StoreError, match="Update konnekta-desktop"):
        Store(path)


def test_a_damaged_file_is_refused_with_advice(path: Path) -> None:
    path.parent.mkdir(parents=True)
    path.write_bytes(b"this is not a database at all" * 200)
    with pytest.raises(StoreError, match="move the file away"):
        Store(path)


def test_a_data_file_that_cannot_be_opened_is_refused_with_advice(tmp_path: Path) -> None:
    (tmp_path / "folder.sqlite3").mkdir()
    with pytest.raises(StoreError, match="Check that you may write in its folder"):
        Store(tmp_path / "folder.sqlite3")


@pytest.mark.parametrize("old_version", range(1, len(MIGRATIONS)))
def test_a_store_from_an_earlier_version_is_migrated_keeping_its_data(
    path: Path, old_version: int
) -> None:
    path.parent.mkdir(parents=True)
    with raw(path) as db:
        migrate(db, old_version)
        db.execute("INSERT INTO states VALUES ('Reception', 'Free', 0)")
        db.execute("INSERT INTO templates VALUES ('Reception', 'Reception', NULL, NULL, NULL, 0)")
        db.execute("INSERT INTO user_states VALUES ('anna', 'Reception', 5.0)")
        db.execute(
            "INSERT INTO pending_changes (user_id, state, made_at) VALUES ('anna', 'Reception', 5.0)"
        )
        assert db.execute("PRAGMA user_version").fetchone()[0] == old_version
    with Store(path) as store:
        assert store.schema_version == len(MIGRATIONS)
        assert store.states() == [State("Reception", StateClass.FREE)]  # not seeded over
        assert store.templates() == [Template("Reception", "Reception")]
        assert store.user_states() == {"anna": LocalState("anna", "Reception", 5.0)}
        assert [c.user_id for c in store.pending_changes()] == ["anna"]
        active = ActiveAppointment(
            appointment_id="m1", user_id="anna", previous=PreviousState("Busy"), applied_at=1.0
        )
        store.save_active_appointment(active)  # the table version 2 added
        assert store.active_appointments() == [active]


def test_a_failing_migration_leaves_the_file_at_its_old_version(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path.parent.mkdir(parents=True)
    with raw(path) as db:
        migrate(db, 1)
    broken = (*MIGRATIONS, ("CREATE TABLE fine (x)", "THIS IS NOT SQL"))
    monkeypatch.setattr("konnekta_desktop.core.store_file.MIGRATIONS", broken)
    with raw(path) as db:
        with pytest.raises(sqlite3.OperationalError):
            migrate(db)
        assert db.execute("PRAGMA user_version").fetchone()[0] == 1
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
        assert "fine" not in tables
        assert "active_appointments" not in tables


# --- states and templates -------------------------------------------------------------------------


def test_a_new_state_is_added_at_the_end_and_can_be_changed(store: Store) -> None:
    store.save_state(State("Reception desk", StateClass.FREE))
    assert store.states()[-1] == State("Reception desk", StateClass.FREE)
    store.save_state(State("Reception desk", StateClass.BUSY))
    assert store.states()[-1] == State("Reception desk", StateClass.BUSY)
    assert len(store.states()) == len(DEFAULT_STATES) + 1


def test_renaming_a_state_carries_templates_and_users_along(store: Store) -> None:
    store.set_user_state("anna", "Lunch", NOW)
    store.save_state(State("Frokost", StateClass.OUT_OF_OFFICE), renamed_from="Lunch")
    names = [state.name for state in store.states()]
    assert "Frokost" in names
    assert "Lunch" not in names
    lunch = next(t for t in store.templates() if t.name == "Lunch")
    assert lunch.state == "Frokost"
    assert store.user_state("anna") == LocalState("anna", "Frokost", NOW)


def test_renaming_a_state_onto_another_name_is_refused(store: Store) -> None:
    with pytest.raises(StoreError, match="exists already"):
        store.save_state(State("Busy", StateClass.BUSY), renamed_from="Lunch")


def test_a_state_used_by_a_template_cannot_be_deleted(store: Store) -> None:
    with pytest.raises(StoreError, match=r"used by template\(s\) Lunch: change or delete"):
        store.delete_state("Lunch")
    assert "Lunch" in {state.name for state in store.states()}


def test_templates_are_saved_renamed_and_deleted(store: Store) -> None:
    store.save_template(Template("Reception", "Available", 15, "+4570101010", "+4570202020"))
    assert store.templates()[-1] == Template(
        "Reception", "Available", 15, "+4570101010", "+4570202020"
    )
    store.save_appointment(Appointment("a1", "anna", "Reception", NOW, NOW + 60))
    store.save_template(Template("Front desk", "Busy"), renamed_from="Reception")
    assert store.templates()[-1] == Template("Front desk", "Busy")
    assert store.appointments()[0].template_name == "Front desk"
    store.delete_template("Front desk")
    assert "Front desk" not in {t.name for t in store.templates()}


def test_a_template_naming_a_missing_state_is_refused(store: Store) -> None:
    with pytest.raises(StoreError, match="state “Nowhere”, which does not exist"):
        store.save_template(Template("Gone", "Nowhere"))


# --- users' states and pending changes ------------------------------------------------------------


def test_a_state_from_konnekta_is_kept_without_becoming_pending(store: Store) -> None:
    store.set_user_state("anna", "Meeting", NOW)
    store.set_user_state("anna", "Lunch", NOW + 10)
    assert store.user_states() == {"anna": LocalState("anna", "Lunch", NOW + 10)}
    assert store.pending_changes() == []
    assert store.user_state("bo") is None


def test_a_local_change_sets_the_state_and_stays_pending_until_sent(
    store: Store, path: Path, clock: ManualClock
) -> None:
    first = store.change_user_state("anna", "Lunch", NOW)
    second_id = store.add_pending_change("bo", "Meeting", NOW + 1)
    assert store.user_state("anna") == LocalState("anna", "Lunch", NOW)
    assert store.pending_changes() == [
        PendingChange(first.id, "anna", "Lunch", NOW),
        PendingChange(second_id, "bo", "Meeting", NOW + 1),
    ]
    store.close()
    with Store(path, clock=clock) as reopened:  # a restart keeps them
        assert [c.id for c in reopened.pending_changes()] == [first.id, second_id]
        clock.advance(5)
        reopened.mark_change_sent(first.id)
        reopened.mark_sent([second_id], sent_at=NOW + 9)
        assert reopened.pending_changes() == []


def test_sent_changes_calls_and_wrapups_are_pruned_by_age(store: Store) -> None:
    old = store.change_user_state("anna", "Lunch", NOW)
    store.mark_sent([old.id], sent_at=NOW)
    unsent = store.change_user_state("anna", "Busy", NOW)
    store.add_call(leg("c-old"), ended_at=NOW)
    store.add_call(leg("c-new"), ended_at=NOW + 100)
    store.complete_wrapup(record("c-old", completed_at=NOW))
    store.prune(before=NOW + 50)
    assert [c.id for c in store.pending_changes()] == [unsent.id]
    assert [c.call_id for c in store.call_history()] == ["c-new"]
    assert store.wrapup_records() == []


# --- appointments ---------------------------------------------------------------------------------


def test_appointments_are_saved_listed_per_user_updated_and_deleted(store: Store) -> None:
    later = Appointment("a2", "anna", "Lunch", NOW + 3600, NOW + 5400)
    sooner = Appointment("a1", "anna", "Meeting 1 hour", NOW, NOW + 3600)
    other = Appointment("b1", "bo", "Holiday", NOW, NOW + 86400)
    for appointment in (later, sooner, other):
        store.save_appointment(appointment)
    assert store.appointments("anna") == [sooner, later]
    moved = Appointment("a2", "anna", "Lunch", NOW + 7200, NOW + 9000)
    store.save_appointment(moved)
    assert store.appointments() == [sooner, other, moved]
    store.delete_appointment("a1")
    assert store.appointments("anna") == [moved]


def test_the_applied_appointment_and_what_it_replaced_are_kept(store: Store) -> None:
    active = ActiveAppointment(
        appointment_id="a1",
        user_id="anna",
        previous=PreviousState("Available", caller_id="+4570101010", forwarding=None),
        applied_at=NOW,
    )
    store.save_active_appointment(active)
    assert store.active_appointments() == [active]
    store.delete_active_appointment("anna")
    assert store.active_appointments() == []


# --- call history and wrap-ups --------------------------------------------------------------------


def leg(call_id: str = "c1", user_id: str = "anna", callback: bool = False) -> Call:
    return Call(
        call_id=call_id,
        user_id=user_id,
        state=CallState.ENDED,
        direction=Direction.INBOUND,
        caller="+4570101010",
        called="Sales queue",
        queue="Sales queue",
        callback=callback,
        device=CallingDevice.LOCAL,
        started_at=NOW - 60,
        answered_at=NOW - 55,
    )


def test_ended_calls_are_kept_per_user_leg_newest_first(store: Store) -> None:
    store.add_call(leg("c1", callback=True), ended_at=NOW)
    store.add_call(leg("c1", user_id="bo"), ended_at=NOW)
    store.add_call(leg("c2"), ended_at=NOW + 10)
    store.add_call(leg("c2"), ended_at=NOW + 10)  # a repeated end event
    history = store.call_history("anna")
    assert [c.call_id for c in history] == ["c2", "c1"]
    assert history[1] == CallRecord(
        call_id="c1",
        user_id="anna",
        direction=Direction.INBOUND,
        caller="+4570101010",
        called="Sales queue",
        queue="Sales queue",
        callback=True,
        device=CallingDevice.LOCAL,
        started=NOW - 60,
        answered=NOW - 55,
        ended=NOW,
    )
    assert len(store.call_history()) == 3
    assert [c.call_id for c in store.call_history(since=NOW + 1)] == ["c2"]
    assert len(store.call_history(limit=1)) == 1


def test_a_repeated_end_event_keeps_the_first_end_time(store: Store) -> None:
    store.add_call(leg("c1"), ended_at=NOW)
    store.add_calls([leg("c1"), leg("c1")], ended_at=NOW + 3600)  # redelivered an hour later
    assert [c.ended for c in store.call_history()] == [NOW]


def session(call_id: str = "c1", ended: float = NOW) -> WrapUpSession:
    return WrapUpSession(
        call_id=call_id,
        user_id="anna",
        direction=Direction.INBOUND,
        caller="+4570101010",
        called="Sales queue",
        queue="Sales queue",
        started=ended - 60,
        ended=ended,
    )


def record(call_id: str = "c1", completed_at: float = NOW + 30) -> WrapUpRecord:
    return WrapUpRecord(
        call_id=call_id,
        user_id="anna",
        caller="+4570101010",
        queue="Sales queue",
        started=NOW - 60,
        ended=NOW,
        note="Order 1234",
        code="SALES",
        completed_at=completed_at,
    )


def test_a_pending_wrapup_survives_a_restart_until_completed(store: Store, path: Path) -> None:
    store.save_pending_wrapup(session("c2", ended=NOW + 5))
    store.save_pending_wrapup(session("c1"))
    store.close()
    with Store(path) as reopened:
        assert reopened.pending_wrapups() == [session("c1"), session("c2", ended=NOW + 5)]
        reopened.complete_wrapup(record("c1"))
        assert reopened.pending_wrapups() == [session("c2", ended=NOW + 5)]
        assert reopened.wrapup_records() == [record("c1")]


def test_a_completed_wrapup_without_a_stored_session_is_kept(store: Store) -> None:
    store.complete_wrapup(record("c9"))
    assert store.wrapup_records("anna") == [record("c9")]
    assert store.wrapup_records("bo") == []
    assert store.wrapup_records(since=NOW + 31) == []
    assert store.pending_wrapups() == []


# --- surviving kill -9 ----------------------------------------------------------------------------

WRITER = textwrap.dedent(
    """
    import sys
    from konnekta_desktop.core.store import Store

    store = Store(sys.argv[1])
    print("ready", flush=True)
    n = 0
    while True:
        change = store.change_user_state(f"user{n % 7}", f"State {n}", float(n))
        print(change.id, flush=True)
        n += 1
    """
)


@pytest.mark.slow
def test_every_committed_change_survives_the_writer_being_killed(path: Path) -> None:
    Store(path).close()
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path)],
        stdout=subprocess.PIPE,
        text=True,
    )
    committed: list[int] = []
    try:
        assert writer.stdout is not None
        assert writer.stdout.readline().strip() == "ready"
        while len(committed) < 300:
            line = writer.stdout.readline()
            assert line, f"the writer stopped early with code {writer.poll()}"
            committed.append(int(line))
    finally:
        writer.kill()  # SIGKILL on POSIX: no chance to close or checkpoint
        writer.wait()
        if writer.stdout is not None:
            writer.stdout.close()
    assert writer.returncode != 0

    with raw(path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    with Store(path) as store:
        stored = {change.id: change for change in store.pending_changes()}
        assert set(committed) <= set(stored)
        # Each change and its user's state were one transaction: no user state without its change.
        latest: dict[str, PendingChange] = {}
        for change in stored.values():
            latest[change.user_id] = change
        assert store.user_states() == {
            user: LocalState(user, change.state, change.made_at) for user, change in latest.items()
        }
