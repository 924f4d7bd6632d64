"""The data file itself: its schema's migration chain, and opening it with a clear reason when
it cannot be used (damaged, another program's, newer, locked, not writable, a full disk)."""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Final

from .. import private_files
from ..domain.refusals import Reason, WentWrong, Why, why
from ..domain.states import DEFAULT_STATES, DEFAULT_TEMPLATES

__all__ = [
    "DEFAULT_FILE_NAME",
    "MIGRATIONS",
    "StoreError",
    "Transactions",
    "migrate",
    "open_file",
]


class StoreError(WentWrong):
    """The store refused a change or cannot be used; `why` says what to do."""


DEFAULT_FILE_NAME: Final = "konnekta-desktop.sqlite3"

type Migration = tuple[str, ...]

MIGRATIONS: Final[tuple[Migration, ...]] = (
    # 1: the first schema.
    (
        """CREATE TABLE states (
            name TEXT PRIMARY KEY,
            state_class TEXT NOT NULL,
            position INTEGER NOT NULL)""",
        """CREATE TABLE templates (
            name TEXT PRIMARY KEY,
            state TEXT NOT NULL REFERENCES states(name) ON UPDATE CASCADE ON DELETE RESTRICT,
            duration_minutes INTEGER,
            caller_id TEXT,
            forwarding TEXT,
            position INTEGER NOT NULL)""",
        """CREATE TABLE user_states (
            user_id TEXT PRIMARY KEY,
            state TEXT NOT NULL,
            since REAL NOT NULL)""",
        """CREATE TABLE pending_changes (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            user_id TEXT NOT NULL,
            state TEXT NOT NULL,
            made_at REAL NOT NULL,
            sent_at REAL)""",
        """CREATE TABLE appointments (
            id TEXT PRIMARY KEY,
            user_id TEXT NOT NULL,
            template TEXT NOT NULL,
            starts_at REAL NOT NULL,
            ends_at REAL NOT NULL,
            CHECK (ends_at > starts_at))""",
        """CREATE TABLE call_history (
            call_id TEXT NOT NULL,
            user_id TEXT NOT NULL,
            direction TEXT NOT NULL,
            caller TEXT NOT NULL,
            called TEXT NOT NULL,
            queue TEXT,
            callback INTEGER NOT NULL,
            device TEXT,
            started REAL NOT NULL,
            answered REAL,
            ended REAL NOT NULL,
            PRIMARY KEY (call_id, user_id))""",
        """CREATE TABLE wrapups (
            call_id TEXT NOT NULL,
            user_id TEXT NOT NULL,
            direction TEXT,
            caller TEXT NOT NULL,
            called TEXT,
            queue TEXT,
            started REAL NOT NULL,
            ended REAL NOT NULL,
            note TEXT,
            code TEXT,
            completed_at REAL,
            PRIMARY KEY (call_id, user_id))""",
    ),
    # 2: remember which appointment is applied and what it replaced; index what is pruned by age.
    (
        """CREATE TABLE active_appointments (
            user_id TEXT PRIMARY KEY,
            appointment_id TEXT NOT NULL,
            previous_state TEXT,
            previous_caller_id TEXT,
            previous_forwarding TEXT,
            applied_at REAL NOT NULL)""",
        "CREATE INDEX call_history_by_end ON call_history(ended)",
        "CREATE INDEX pending_changes_unsent ON pending_changes(id) WHERE sent_at IS NULL",
        "CREATE INDEX wrapups_by_completion ON wrapups(completed_at)",
    ),
    # 3: find a user's unsent changes without reading them all (state sync marks them per user).
    (
        "CREATE INDEX pending_changes_unsent_by_user ON pending_changes(user_id) WHERE sent_at IS NULL",
    ),
    # 4: small facts kept between runs (the webhook subscription a run leaves behind).
    ("CREATE TABLE facts (name TEXT PRIMARY KEY, value TEXT NOT NULL)",),
    # 5: a wrap-up that completed by itself, because no switchboard client came back for it.
    ("ALTER TABLE wrapups ADD COLUMN by_itself INTEGER NOT NULL DEFAULT 0",),
    # 6: a state change made with a template keeps the template's caller ID and forwarding ("" for
    # none), so that a change made while disconnected sends them too.
    (
        "ALTER TABLE pending_changes ADD COLUMN caller_id TEXT",
        "ALTER TABLE pending_changes ADD COLUMN forwarding TEXT",
    ),
    # 7: the company connector's operators (a hash of each device token, never the token), the
    # enrolment codes not yet used (hashed too), and the audit of every command a desktop sent.
    (
        """CREATE TABLE operators (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            username TEXT NOT NULL,
            role TEXT NOT NULL,
            device TEXT NOT NULL DEFAULT '',
            token_hash BLOB UNIQUE,
            invited_at REAL NOT NULL,
            enrolled_at REAL,
            revoked_at REAL)""",
        """CREATE TABLE enrolments (
            code_hash BLOB PRIMARY KEY,
            operator_id INTEGER NOT NULL REFERENCES operators(id) ON DELETE CASCADE,
            expires_at REAL NOT NULL)""",
        """CREATE TABLE audit (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at REAL NOT NULL,
            operator_id INTEGER NOT NULL,
            username TEXT NOT NULL,
            command TEXT NOT NULL,
            arguments TEXT NOT NULL,
            outcome TEXT NOT NULL)""",
        "CREATE INDEX audit_by_time ON audit(at)",
    ),
)
"""Schema changes in order; version N is the file after the first N. Append, never edit."""


def migrate(connection: sqlite3.Connection, target: int | None = None) -> int:
    """Bring the file up to version `target` (default: the latest) and return the version it had.

    All pending migrations run in one transaction: a file is at one version or the next, never in
    between. A new file (version 0) brought to the latest version gets the default states and
    templates in that same transaction.
    """
    latest = len(MIGRATIONS)
    target = latest if target is None else target
    found: int = connection.execute("PRAGMA user_version").fetchone()[0]
    file = connection.execute("PRAGMA database_list").fetchone()[2] or ":memory:"
    if found > latest:
        raise StoreError(why(Reason.STORE_NEWER, file=file, found=str(found), known=str(latest)))
    if found == 0 and connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
        # Tables, but none of ours: another program's file, not to be taken over. (An empty
        # file, even of zero bytes, is new and is set up.)
        raise StoreError(why(Reason.STORE_FOREIGN, file=file))
    if found >= target:
        return found
    connection.execute("BEGIN IMMEDIATE")
    try:
        for version in range(found + 1, target + 1):
            for statement in MIGRATIONS[version - 1]:
                connection.execute(statement)
        if found == 0 and target == latest:
            _seed(connection)
        # user_version lives in the file header and is written in the same transaction.
        connection.execute(f"PRAGMA user_version = {target:d}")
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    return found


def _seed(connection: sqlite3.Connection) -> None:
    connection.executemany(
        "INSERT INTO states (name, state_class, position) VALUES (?, ?, ?)",
        [(s.name, s.state_class.value, i) for i, s in enumerate(DEFAULT_STATES)],
    )
    connection.executemany(
        "INSERT INTO templates (name, state, duration_minutes, caller_id, forwarding, position)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [
            (t.name, t.state, t.duration_minutes, t.caller_id, t.forwarding, i)
            for i, t in enumerate(DEFAULT_TEMPLATES)
        ],
    )


BUSY_TIMEOUT_MS: Final = 50  # the longest a store call waits for a lock held by another program

# Below this much free space, an I/O error while opening is taken to be a full disk.
_NEARLY_FULL: Final = 1 << 20


def open_file(path: Path) -> sqlite3.Connection:
    """Open (or create) the data file at `path`, owner-only, and bring it to the latest schema."""
    try:
        private_files.make_folder(path.parent)
        # SQLite would make the file 0644 (under the usual umask); made here first, it is 0600 (an
        # empty file is a new store), and SQLite gives the -wal and -shm files the data file's mode.
        os.close(private_files.opener(str(path), os.O_RDONLY | os.O_CREAT))
        db = sqlite3.connect(path, autocommit=True)
    except (OSError, sqlite3.Error) as error:
        raise StoreError(_problem(path, error)) from error
    try:
        # A lock held elsewhere is waited for this long, no more: the event loop must not stall.
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS:d}")
        mode = db.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if mode != "wal":
            raise StoreError(why(Reason.STORE_NO_WAL, file=str(path)))
        # Companions an older version (or a run that was killed) left readable to others.
        private_files.tighten(*(path.with_name(path.name + end) for end in ("-wal", "-shm")))
        db.execute("PRAGMA synchronous = NORMAL")
        db.execute("PRAGMA foreign_keys = ON")
        migrate(db)
    except (OSError, sqlite3.Error) as error:
        db.close()
        raise StoreError(_problem(path, error)) from error
    except BaseException:
        db.close()
        raise
    return db


def _problem(path: Path, error: OSError | sqlite3.Error) -> Why:
    """Why the file at `path` cannot be used, from the error: each cause named for what it is."""
    file = str(path)
    if isinstance(error, OSError):
        if error.errno == errno.ENOSPC:
            return why(Reason.DISK_FULL, folder=str(path.parent))
        return why(Reason.STORE_NOT_WRITABLE, file=file, detail=str(error.strerror or error))
    code = getattr(error, "sqlite_errorcode", 0) & 0xFF
    if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return why(Reason.STORE_LOCKED, file=file)
    if code == sqlite3.SQLITE_FULL or (code == sqlite3.SQLITE_IOERR and _nearly_full(path)):
        return why(Reason.DISK_FULL, folder=str(path.parent))
    if code in (sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT) or not isinstance(
        error, sqlite3.OperationalError
    ):
        return why(Reason.STORE_DAMAGED, file=file, detail=str(error))
    return why(Reason.STORE_NOT_WRITABLE, file=file, detail=str(error))


def _nearly_full(path: Path) -> bool:
    try:
        return shutil.disk_usage(path.parent).free < _NEARLY_FULL
    except OSError:
        return False


class Transactions:
    """One short write transaction at a time over `_db` (opened by `open_file`)."""

    _db: sqlite3.Connection

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        # IMMEDIATE takes the write lock at the start, so a change never fails half-way on a lock.
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
            self._db.execute("COMMIT")  # a full disk may refuse even this: then roll back
        except BaseException:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            raise
