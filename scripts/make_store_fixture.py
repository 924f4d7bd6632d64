"""Write the store file of konnekta-desktop 0.1 (schema version 3), to keep as a test fixture.

    uv run python scripts/make_store_fixture.py tests/fixtures/store-v0.1.sqlite3

People upgrading from 0.1 have such a file, with their own states, templates, appointments, unsent
changes and wrap-ups. tests/unit/core/test_store_v01_fixture.py opens the committed file with the
current code and checks that every row below is still there, so a later schema migration that
loses or alters one fails there.

The committed file is never regenerated. The constants below describe it, so they stay as they
are; and once the store has more migrations than 0.1 had, this script refuses to run. A later
version's file gets its own script and fixture next to these.

Everything goes through the public `Store` methods, with fixed times and a `ManualClock`, so the
file's content does not depend on when or where the script runs.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from contextlib import closing
from pathlib import Path
from typing import Final

from konnekta_desktop.core.appointments import ActiveAppointment, PreviousState
from konnekta_desktop.core.clock import ManualClock
from konnekta_desktop.core.store import (
    MIGRATIONS,
    CallRecord,
    LocalState,
    PendingChange,
    Store,
)
from konnekta_desktop.domain.appointments import Appointment
from konnekta_desktop.domain.states import State, StateClass, Template
from konnekta_desktop.domain.wrapups import WrapUpRecord, WrapUpSession
from konnekta_desktop.konnekta.models import Call, CallingDevice, CallState, Direction

SCHEMA_VERSION: Final = 3
"""The schema version konnekta-desktop 0.1 writes (`PRAGMA user_version` of the file)."""

NOW: Final = 1_750_000_000.0
"""The moment the file is written (2025-06-15 15:06:40 UTC); every time below is relative to it."""

# --- what the script changes, on top of the file a new store seeds ------------------------------

RENAMED_STATES: Final = {"Lunch": State("Frokost", StateClass.OUT_OF_OFFICE)}
ADDED_STATES: Final = (
    State("Reception", StateClass.FREE),
    State("Kundebesøg", StateClass.WORKING_ELSEWHERE),
)
ADDED_TEMPLATES: Final = (
    Template("Reception desk", "Reception", 120, "+4570101010", "+4570202020"),
    Template("Kundebesøg", "Kundebesøg", 240, None, "+4520304050"),
)
STATES_FROM_KONNEKTA: Final = (
    LocalState("u-anna", "Available", NOW - 7200),
    LocalState("u-bo", "Available", NOW - 7200),
    LocalState("u-carl", "Available", NOW - 7200),
    LocalState("u-dora", "Working from home", NOW - 7200),
)
COMPLETED_SESSION: Final = WrapUpSession(
    call_id="c-1002",
    user_id="u-bo",
    direction=Direction.INBOUND,
    caller="+4533445566",
    called="+4570303030",
    queue="Support",
    started=NOW - 1600,
    ended=NOW - 1500,
)
"""Stored as pending, then completed by the first of `WRAPUP_RECORDS`."""

# --- the file's content, as the Store lists it ---------------------------------------------------

STATES: Final = (
    State("Available", StateClass.FREE),
    State("Busy", StateClass.BUSY),
    State("Meeting", StateClass.BUSY),
    State("Tentative meeting", StateClass.TENTATIVE),
    State("Frokost", StateClass.OUT_OF_OFFICE),
    State("Wrap-up", StateClass.BUSY),
    State("Working from home", StateClass.WORKING_ELSEWHERE),
    State("Travelling", StateClass.WORKING_ELSEWHERE),
    State("Course", StateClass.WORKING_ELSEWHERE),
    State("Out of office", StateClass.OUT_OF_OFFICE),
    State("Holiday", StateClass.OUT_OF_OFFICE),
    State("Sick", StateClass.OUT_OF_OFFICE),
    *ADDED_STATES,
)
"""0.1's default states (written out: later defaults may differ), "Lunch" renamed, two added."""

TEMPLATES: Final = (
    Template("Available", "Available"),
    Template("Busy", "Busy"),
    Template("Meeting 30 min", "Meeting", duration_minutes=30),
    Template("Meeting 1 hour", "Meeting", duration_minutes=60),
    Template("Tentative meeting", "Tentative meeting"),
    Template("Lunch", "Frokost", duration_minutes=30),
    Template("Wrap-up", "Wrap-up"),
    Template("Working from home", "Working from home"),
    Template("Travelling", "Travelling"),
    Template("Course", "Course"),
    Template("Out of office", "Out of office"),
    Template("Holiday", "Holiday"),
    Template("Sick", "Sick"),
    *ADDED_TEMPLATES,
)
"""0.1's default templates ("Lunch" follows its renamed state), then the two added."""

PENDING_CHANGES: Final = (
    PendingChange(1, "u-anna", "Frokost", NOW - 3600, sent_at=NOW - 3599),
    PendingChange(2, "u-anna", "Reception", NOW - 1800, sent_at=NOW - 1799.5),
    PendingChange(3, "u-bo", "Meeting", NOW - 900),
    PendingChange(4, "u-carl", "Holiday", NOW - 60),
)
"""Local state changes in the order made; the first two Konnekta has accepted."""

USER_STATES: Final = (
    LocalState("u-anna", "Reception", NOW - 1800),
    LocalState("u-bo", "Meeting", NOW - 900),
    LocalState("u-carl", "Holiday", NOW - 60),
    LocalState("u-dora", "Working from home", NOW - 7200),
)

APPOINTMENTS: Final = (
    Appointment(
        "6f1d0c2a9b8e4f7a8c3d2e1f0a9b8c7d", "u-bo", "Meeting 1 hour", NOW - 900, NOW + 2700
    ),
    Appointment("0c9e8d7f6a5b4c3d2e1f0a9b8c7d6e5f", "u-carl", "Holiday", NOW - 60, NOW + 604_800),
    Appointment("9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d", "u-anna", "Lunch", NOW + 3600, NOW + 5400),
)

ACTIVE_APPOINTMENTS: Final = (
    ActiveAppointment(
        appointment_id=APPOINTMENTS[0].id,
        user_id="u-bo",
        previous=PreviousState("Available", caller_id="+4570303030"),
        applied_at=NOW - 900,
    ),
    ActiveAppointment(
        appointment_id=APPOINTMENTS[1].id,
        user_id="u-carl",
        previous=PreviousState("Available", forwarding="+4520304050"),
        applied_at=NOW - 60,
    ),
)

CALL_HISTORY: Final = (
    CallRecord(
        call_id="c-1004",
        user_id="u-anna",
        direction=Direction.OUTBOUND,
        caller="+4570101010",
        called="+4586123456",
        queue=None,
        callback=False,
        device=CallingDevice.MOBILE,
        started=NOW - 400,
        answered=NOW - 390,
        ended=NOW - 50,
    ),
    CallRecord(
        call_id="c-1003",
        user_id="u-bo",
        direction=Direction.INBOUND,
        caller="+4540506070",
        called="+4570303030",
        queue="Support",
        callback=True,
        device=None,
        started=NOW - 700,
        answered=NOW - 690,
        ended=NOW - 100,
    ),
    CallRecord(
        call_id="c-1002",
        user_id="u-bo",
        direction=Direction.INBOUND,
        caller="+4533445566",
        called="+4570303030",
        queue="Support",
        callback=False,
        device=None,
        started=NOW - 1600,
        answered=NOW - 1590,
        ended=NOW - 1500,
    ),
    CallRecord(
        call_id="c-1002",
        user_id="u-anna",
        direction=Direction.INBOUND,
        caller="+4533445566",
        called="+4570303030",
        queue="Support",
        callback=False,
        device=None,
        started=NOW - 1600,
        answered=None,
        ended=NOW - 1590,
    ),
    CallRecord(
        call_id="c-0999",
        user_id="u-carl",
        direction=Direction.OUTBOUND,
        caller="+4570404040",
        called="+4598765432",
        queue=None,
        callback=False,
        device=CallingDevice.TEAMS,
        started=NOW - 5000,
        answered=NOW - 4990,
        ended=NOW - 4800,
    ),
)
"""Ended call legs, newest first: a call-back queue call, and a queue call with a missed leg."""

PENDING_WRAPUPS: Final = (
    WrapUpSession(
        call_id="c-1003",
        user_id="u-bo",
        direction=Direction.INBOUND,
        caller="+4540506070",
        called="+4570303030",
        queue="Support",
        started=NOW - 700,
        ended=NOW - 100,
    ),
    WrapUpSession(
        call_id="c-1004",
        user_id="u-anna",
        direction=Direction.OUTBOUND,
        caller="+4570101010",
        called="+4586123456",
        queue=None,
        started=NOW - 400,
        ended=NOW - 50,
    ),
)
"""Wrap-ups still open, oldest first."""

WRAPUP_RECORDS: Final = (
    WrapUpRecord(
        call_id="c-1002",
        user_id="u-bo",
        caller="+4533445566",
        queue="Support",
        started=NOW - 1600,
        ended=NOW - 1500,
        note="Printer jammed; sent a technician",
        code="SUPPORT",
        completed_at=NOW - 1400,
    ),
    WrapUpRecord(
        call_id="c-0999",
        user_id="u-carl",
        caller="+4570404040",
        queue=None,
        started=NOW - 5000,
        ended=NOW - 4800,
        note="",
        code=None,
        completed_at=NOW - 4700,
    ),
)
"""Completed wrap-ups, newest first: one from a stored session, one stored only on completion."""


def leg(record: CallRecord) -> Call:
    """The ended call event that the store keeps as `record`."""
    return Call(
        call_id=record.call_id,
        user_id=record.user_id,
        state=CallState.ENDED,
        direction=record.direction,
        caller=record.caller,
        called=record.called,
        queue=record.queue,
        callback=record.callback,
        device=record.device,
        started_at=record.started,
        answered_at=record.answered,
    )


def fill(store: Store) -> None:
    """Write the rows above, as the app would have over an afternoon."""
    for old_name, state in RENAMED_STATES.items():
        store.save_state(state, renamed_from=old_name)
    for state in ADDED_STATES:
        store.save_state(state)
    for template in ADDED_TEMPLATES:
        store.save_template(template)

    store.set_user_states(STATES_FROM_KONNEKTA)
    for change in PENDING_CHANGES:
        made = store.change_user_state(change.user_id, change.state, change.made_at)
        if made.id != change.id:
            raise RuntimeError(f"change {change} got id {made.id}: start from a new file")
        if change.sent_at is not None:
            store.mark_sent([made.id], sent_at=change.sent_at)

    for appointment in APPOINTMENTS:
        store.save_appointment(appointment)
    for active in ACTIVE_APPOINTMENTS:
        store.save_active_appointment(active)

    for record in reversed(CALL_HISTORY):
        store.add_call(leg(record), ended_at=record.ended)
    store.save_pending_wrapup(COMPLETED_SESSION)
    for session in PENDING_WRAPUPS:
        store.save_pending_wrapup(session)
    for wrapup in WRAPUP_RECORDS:
        store.complete_wrapup(wrapup)


def check(store: Store) -> None:
    """Fail unless the store lists exactly the constants above (which the test compares with)."""
    found: dict[str, object] = {
        "states": store.states(),
        "templates": store.templates(),
        "user states": store.user_states(),
        "unsent changes": store.pending_changes(),
        "appointments": store.appointments(),
        "active appointments": store.active_appointments(),
        "call history": store.call_history(),
        "pending wrap-ups": store.pending_wrapups(),
        "wrap-up records": store.wrapup_records(),
    }
    expected: dict[str, object] = {
        "states": list(STATES),
        "templates": list(TEMPLATES),
        "user states": {state.user_id: state for state in USER_STATES},
        "unsent changes": [change for change in PENDING_CHANGES if change.sent_at is None],
        "appointments": list(APPOINTMENTS),
        "active appointments": list(ACTIVE_APPOINTMENTS),
        "call history": list(CALL_HISTORY),
        "pending wrap-ups": list(PENDING_WRAPUPS),
        "wrap-up records": list(WRAPUP_RECORDS),
    }
    for what, rows in expected.items():
        if found[what] != rows:
            raise RuntimeError(f"the store lists other {what} than written:\n{found[what]}")


def write(path: Path) -> None:
    """Write the fixture to a new file at `path`, complete without its -wal and -shm files."""
    if len(MIGRATIONS) != SCHEMA_VERSION:
        raise SystemExit(
            f"The store is now at schema version {len(MIGRATIONS)}, not 0.1's {SCHEMA_VERSION}: "
            "the 0.1 fixture is never regenerated; write a new fixture for the new version"
        )
    with Store(path, clock=ManualClock(NOW)) as store:
        fill(store)
        check(store)
        if store.schema_version != SCHEMA_VERSION:
            raise RuntimeError(f"the file has schema version {store.schema_version}")
    # Closing the last connection checkpoints already; checkpointing again makes sure of it.
    with closing(sqlite3.connect(path, autocommit=True)) as db:
        busy, _, _ = db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        if busy:
            raise RuntimeError(f"{path} is in use elsewhere: the checkpoint could not finish")
    leftovers = [p for p in (Path(f"{path}-wal"), Path(f"{path}-shm")) if p.exists()]
    if leftovers:
        raise RuntimeError(f"{', '.join(map(str, leftovers))} left behind: {path} is incomplete")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "path", type=Path, help="the new file, e.g. tests/fixtures/store-v0.1.sqlite3"
    )
    path: Path = parser.parse_args(argv).path
    if path.exists():
        print(f"{path} exists already: the script never overwrites a fixture", file=sys.stderr)
        return 1
    write(path)
    print(f"wrote {path} ({path.stat().st_size} bytes, schema version {SCHEMA_VERSION})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
