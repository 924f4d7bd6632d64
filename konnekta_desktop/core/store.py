"""The local store: one SQLite file with states, templates, users' states, changes not yet sent,
appointments, call history and wrap-ups. Every change is one small transaction; it survives kill -9.

Durability: WAL journal with ``synchronous=NORMAL``. A committed transaction is in the WAL file
(in the operating system's cache) before `commit` returns, so a crash or kill of the app loses
nothing; only a power cut or OS crash may lose the last few commits, and never corrupts the file.
FULL would add an fsync to every change, and the store is called from the event loop that also
runs the GUI: a state change must not freeze the window for a slow disk's fsync.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Final, Self

from ..domain.appointments import Appointment
from ..domain.refusals import Reason, why
from ..domain.states import State, StateClass, Template
from .appointments import ActiveAppointment, PreviousState
from .clock import Clock, SystemClock
from .store_file import DEFAULT_FILE_NAME, MIGRATIONS, StoreError, migrate, open_file
from .store_records import CallRecord, RecordTables

__all__ = [
    "DEFAULT_FILE_NAME",
    "MIGRATIONS",
    "CallRecord",
    "LocalState",
    "PendingChange",
    "Store",
    "StoreError",
    "migrate",
]


@dataclass(frozen=True, slots=True)
class LocalState:
    """A user's current local state and since when (Unix seconds)."""

    user_id: str
    state: str
    since: float


@dataclass(frozen=True, slots=True)
class PendingChange:
    """A local state change; `sent_at` stays None until Konnekta has accepted it."""

    id: int
    user_id: str
    state: str
    made_at: float
    sent_at: float | None = None
    caller_id: str | None = None  # set with the state (a template's), None: not part of it
    forwarding: str | None = None  # likewise; "" clears the forwarding


class Store(RecordTables):
    """The app's local data file. Synchronous: each call is one short transaction.

    Opening creates the file (and its folder) when missing, applies pending migrations and, for a
    new file, seeds the default states and templates. Use from one thread (the event loop's).
    """

    def __init__(self, path: Path | str, *, clock: Clock | None = None) -> None:
        self.path = Path(path)
        self._clock: Clock = clock or SystemClock()
        self._db = open_file(self.path)

    # --- plumbing -------------------------------------------------------------------------------

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({str(self.path)!r})"

    @property
    def schema_version(self) -> int:
        version: int = self._db.execute("PRAGMA user_version").fetchone()[0]
        return version

    # --- states ---------------------------------------------------------------------------------

    def states(self) -> list[State]:
        return self._read(
            "SELECT name, state_class FROM states ORDER BY position, name",
            (),
            lambda name, state_class: State(name, StateClass(state_class)),
        )

    def save_state(self, state: State, *, renamed_from: str | None = None) -> None:
        """Add or change a state; renaming carries templates and users' current states along."""
        if not state.name.strip():
            raise StoreError(why(Reason.STATE_WITHOUT_NAME))
        old = renamed_from if renamed_from is not None else state.name
        try:
            with self._write() as db:
                updated = db.execute(
                    "UPDATE states SET name = ?, state_class = ? WHERE name = ?",
                    (state.name, state.state_class.value, old),
                ).rowcount
                if not updated:
                    db.execute(
                        "INSERT INTO states (name, state_class, position)"
                        " VALUES (?, ?, (SELECT coalesce(max(position), -1) + 1 FROM states))",
                        (state.name, state.state_class.value),
                    )
                elif old != state.name:
                    db.execute(
                        "UPDATE user_states SET state = ? WHERE state = ?", (state.name, old)
                    )
        except sqlite3.IntegrityError:
            raise StoreError(why(Reason.STATE_EXISTS, name=state.name)) from None

    def delete_state(self, name: str) -> None:
        users = [template.name for template in self.templates() if template.state == name]
        if users:
            raise StoreError(why(Reason.STATE_IN_USE, name=name, templates=", ".join(users)))
        with self._write() as db:
            db.execute("DELETE FROM states WHERE name = ?", (name,))

    # --- templates ------------------------------------------------------------------------------

    def templates(self) -> list[Template]:
        return self._read(
            "SELECT name, state, duration_minutes, caller_id, forwarding FROM templates"
            " ORDER BY position, name",
            (),
            Template,
        )

    def save_template(self, template: Template, *, renamed_from: str | None = None) -> None:
        if not template.name.strip():
            raise StoreError(why(Reason.TEMPLATE_WITHOUT_NAME))
        old = renamed_from if renamed_from is not None else template.name
        values = (
            template.name,
            template.state,
            template.duration_minutes,
            template.caller_id,
            template.forwarding,
        )
        try:
            with self._write() as db:
                updated = db.execute(
                    "UPDATE templates SET name = ?, state = ?, duration_minutes = ?,"
                    " caller_id = ?, forwarding = ? WHERE name = ?",
                    (*values, old),
                ).rowcount
                if not updated:
                    db.execute(
                        "INSERT INTO templates (name, state, duration_minutes, caller_id,"
                        " forwarding, position) VALUES (?, ?, ?, ?, ?,"
                        " (SELECT coalesce(max(position), -1) + 1 FROM templates))",
                        values,
                    )
                elif old != template.name:
                    db.execute(
                        "UPDATE appointments SET template = ? WHERE template = ?",
                        (template.name, old),
                    )
        except sqlite3.IntegrityError:
            if template.state not in {state.name for state in self.states()}:
                raise StoreError(
                    why(Reason.TEMPLATE_STATE_UNKNOWN, name=template.name, state=template.state)
                ) from None
            raise StoreError(why(Reason.TEMPLATE_EXISTS, name=template.name)) from None

    def delete_template(self, name: str) -> None:
        with self._write() as db:
            db.execute("DELETE FROM templates WHERE name = ?", (name,))

    # --- users' states and changes not yet sent ------------------------------------------------

    def user_states(self) -> dict[str, LocalState]:
        rows = self._read("SELECT user_id, state, since FROM user_states", (), LocalState)
        return {row.user_id: row for row in rows}

    def user_state(self, user_id: str) -> LocalState | None:
        rows = self._read(
            "SELECT user_id, state, since FROM user_states WHERE user_id = ?",
            (user_id,),
            LocalState,
        )
        return rows[0] if rows else None

    def set_user_state(self, user_id: str, state: str, since: float) -> None:
        """Record a state that came from Konnekta (nothing to send back)."""
        self.set_user_states([LocalState(user_id, state, since)])

    def forget_user_states(self, user_ids: Iterable[str]) -> None:
        """These users have no local state any more (their activity maps to none)."""
        with self._write() as db:
            db.executemany("DELETE FROM user_states WHERE user_id = ?", ((u,) for u in user_ids))

    def set_user_states(self, states: Iterable[LocalState]) -> None:
        """Record many states that came from Konnekta in one transaction (start-up sync)."""
        with self._write() as db:
            db.executemany(_UPSERT_USER_STATE, [(s.user_id, s.state, s.since) for s in states])

    def change_user_state(
        self,
        user_id: str,
        state: str,
        at: float,
        *,
        caller_id: str | None = None,
        forwarding: str | None = None,
    ) -> PendingChange:
        """Record a local state change (with a template's caller ID and forwarding, if any) and
        queue it for Konnekta, in one transaction."""
        with self._write() as db:
            db.execute(_UPSERT_USER_STATE, (user_id, state, at))
            cursor = db.execute(
                "INSERT INTO pending_changes (user_id, state, made_at, caller_id, forwarding)"
                " VALUES (?, ?, ?, ?, ?)",
                (user_id, state, at, caller_id, forwarding),
            )
        assert cursor.lastrowid is not None
        return PendingChange(
            cursor.lastrowid, user_id, state, at, caller_id=caller_id, forwarding=forwarding
        )

    def pending_changes(self) -> list[PendingChange]:
        """Changes not yet accepted by Konnekta, oldest first."""
        return self._read(
            "SELECT id, user_id, state, made_at, sent_at, caller_id, forwarding"
            " FROM pending_changes WHERE sent_at IS NULL ORDER BY id",
            (),
            PendingChange,
        )

    def add_pending_change(self, user_id: str, state: str, made_at: float) -> int:
        """Queue a local state change for Konnekta; returns its id for `mark_change_sent`."""
        with self._write() as db:
            cursor = db.execute(
                "INSERT INTO pending_changes (user_id, state, made_at) VALUES (?, ?, ?)",
                (user_id, state, made_at),
            )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def mark_change_sent(self, change_id: int) -> None:
        """Konnekta has the change (or it was superseded): it is no longer pending."""
        self.mark_sent([change_id])

    def mark_sent(self, change_ids: Iterable[int], sent_at: float | None = None) -> None:
        """Mark several changes sent in one transaction (`sent_at` defaults to the clock's now)."""
        moment = self._clock.now() if sent_at is None else sent_at
        with self._write() as db:
            db.executemany(
                "UPDATE pending_changes SET sent_at = ? WHERE id = ? AND sent_at IS NULL",
                [(moment, change_id) for change_id in change_ids],
            )

    # --- appointments ---------------------------------------------------------------------------

    def appointments(self, user_id: str | None = None) -> list[Appointment]:
        sql = "SELECT id, user_id, template, starts_at, ends_at FROM appointments"
        if user_id is None:
            return self._read(sql + " ORDER BY starts_at, id", (), Appointment)
        return self._read(
            sql + " WHERE user_id = ? ORDER BY starts_at, id", (user_id,), Appointment
        )

    def save_appointment(self, appointment: Appointment) -> None:
        with self._write() as db:
            db.execute(
                "INSERT INTO appointments (id, user_id, template, starts_at, ends_at)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET user_id = excluded.user_id,"
                " template = excluded.template, starts_at = excluded.starts_at,"
                " ends_at = excluded.ends_at",
                (
                    appointment.id,
                    appointment.user_id,
                    appointment.template_name,
                    appointment.start,
                    appointment.end,
                ),
            )

    def delete_appointment(self, appointment_id: str) -> None:
        with self._write() as db:
            db.execute("DELETE FROM appointments WHERE id = ?", (appointment_id,))

    def active_appointments(self) -> list[ActiveAppointment]:
        return self._read(
            "SELECT appointment_id, user_id, previous_state, previous_caller_id,"
            " previous_forwarding, applied_at FROM active_appointments ORDER BY user_id",
            (),
            lambda appointment_id, user_id, state, caller_id, forwarding, applied_at: (
                ActiveAppointment(
                    appointment_id=appointment_id,
                    user_id=user_id,
                    previous=PreviousState(state, caller_id, forwarding),
                    applied_at=applied_at,
                )
            ),
        )

    def save_active_appointment(self, active: ActiveAppointment) -> None:
        with self._write() as db:
            db.execute(
                "INSERT OR REPLACE INTO active_appointments (user_id, appointment_id,"
                " previous_state, previous_caller_id, previous_forwarding, applied_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (
                    active.user_id,
                    active.appointment_id,
                    active.previous.state,
                    active.previous.caller_id,
                    active.previous.forwarding,
                    active.applied_at,
                ),
            )

    def delete_active_appointment(self, user_id: str) -> None:
        with self._write() as db:
            db.execute("DELETE FROM active_appointments WHERE user_id = ?", (user_id,))

    # --- call history ---------------------------------------------------------------------------

    def fact(self, name: str) -> str | None:
        """A fact kept between runs, or None."""
        row = self._db.execute("SELECT value FROM facts WHERE name = ?", (name,)).fetchone()
        value: str | None = row[0] if row else None
        return value

    def keep_fact(self, name: str, value: str | None) -> None:
        """Keep a fact between runs (None forgets it)."""
        with self._write() as db:
            if value is None:
                db.execute("DELETE FROM facts WHERE name = ?", (name,))
            else:
                db.execute(
                    "INSERT INTO facts (name, value) VALUES (?, ?)"
                    " ON CONFLICT(name) DO UPDATE SET value = excluded.value",
                    (name, value),
                )


_UPSERT_USER_STATE: Final = (
    "INSERT INTO user_states (user_id, state, since) VALUES (?, ?, ?)"
    " ON CONFLICT (user_id) DO UPDATE SET state = excluded.state, since = excluded.since"
)
