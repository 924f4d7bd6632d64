"""The company connector's operators: who may connect, as what, and what each of them did.

An admin invites an operator (`konnekta-desktop server add-operator`) and gets a one-time
enrolment code; the operator's desktop exchanges it for a device token. Only hashes of codes and
tokens are kept (SHA-256: both are random, 160 and 256 bits, so a slow hash would add nothing).
A code is single-use and expires; a revoked operator's token no longer opens a connection, and
the running connector closes its open streams (it notices through `changed`). Every command a
desktop sends is kept in the audit, as long as the call history.

The tables live in the connector's store file (migration 7); the command line opens the same file
while the connector runs, so each call here is one short transaction.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, Self

from ..core.clock import Clock, SystemClock
from ..core.store_file import Transactions, open_file
from ..domain.interface import Role
from ..domain.refusals import Reason, Refused

__all__ = [
    "CODE_BYTES",
    "ENROLMENT_HOURS",
    "AuditEntry",
    "Invitation",
    "Operator",
    "Operators",
    "normal_code",
]

ENROLMENT_HOURS: Final = 24.0
CODE_BYTES: Final = 20  # 160 bits, written as 32 letters and digits in groups of four
TOKEN_BYTES: Final = 32
_WAIT_FOR_LOCK_MS: Final = 5_000  # the command line may wait for the running connector


@dataclass(frozen=True, slots=True)
class Operator:
    id: int
    username: str  # the Konnekta username the admin named
    role: Role
    device: str  # what the desktop called itself when it enrolled
    invited_at: float
    enrolled_at: float | None
    revoked_at: float | None

    @property
    def state(self) -> str:
        if self.revoked_at is not None:
            return "revoked"
        return "enrolled" if self.enrolled_at is not None else "invited"


@dataclass(frozen=True, slots=True)
class Invitation:
    operator: Operator
    code: str  # shown once, to the admin; only its hash is kept
    expires_at: float


@dataclass(frozen=True, slots=True)
class AuditEntry:
    at: float
    operator_id: int
    username: str
    command: str
    arguments: str  # JSON
    outcome: str  # "done", or the catalogue code it was refused with


def normal_code(code: str) -> str:
    """A code as typed (any case, spaces or dashes between groups) in its one written form."""
    return "".join(c for c in code.upper() if c.isalnum())


def _hash(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()


def _grouped(code: str) -> str:
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


_COLUMNS: Final = "id, username, role, device, invited_at, enrolled_at, revoked_at"


def _operator(row: Sequence[Any]) -> Operator:
    return Operator(row[0], row[1], Role(row[2]), row[3], row[4], row[5], row[6])


class Operators(Transactions):
    """The operators table of one store file. Synchronous; each call one short transaction."""

    def __init__(self, db: sqlite3.Connection, clock: Clock | None = None) -> None:
        self._db = db
        self._clock: Clock = clock or SystemClock()
        self._data_version = self._version()

    @classmethod
    def open(cls, path: Path, clock: Clock | None = None, *, patient: bool = False) -> Self:
        """Open the store file at `path`; `patient` waits up to 5 s for a lock (the command line
        beside a running connector) instead of the event loop's 50 ms."""
        db = open_file(path)
        if patient:
            db.execute(f"PRAGMA busy_timeout = {_WAIT_FOR_LOCK_MS:d}")
        return cls(db, clock)

    def close(self) -> None:
        self._db.close()

    # -- the admin's side --------------------------------------------------------------------

    def invite(self, username: str, role: Role, hours: float = ENROLMENT_HOURS) -> Invitation:
        username = username.strip()
        if not username:
            raise ValueError("a Konnekta username is needed")
        now = self._clock.now()
        code = base64.b32encode(secrets.token_bytes(CODE_BYTES)).decode().rstrip("=")
        with self._write():
            cursor = self._db.execute(
                "INSERT INTO operators (username, role, invited_at) VALUES (?, ?, ?)",
                (username, role.value, now),
            )
            operator_id = cursor.lastrowid
            assert operator_id is not None
            self._db.execute(
                "INSERT INTO enrolments (code_hash, operator_id, expires_at) VALUES (?, ?, ?)",
                (_hash(code), operator_id, now + hours * 3600),
            )
        found = self.get(operator_id)
        assert found is not None
        return Invitation(found, _grouped(code), now + hours * 3600)

    def all(self) -> list[Operator]:
        rows = self._db.execute(f"SELECT {_COLUMNS} FROM operators ORDER BY id").fetchall()
        return [_operator(row) for row in rows]

    def get(self, operator_id: int) -> Operator | None:
        row = self._db.execute(
            f"SELECT {_COLUMNS} FROM operators WHERE id = ?", (operator_id,)
        ).fetchone()
        return _operator(row) if row is not None else None

    def revoke(self, who: str) -> list[Operator]:
        """Revoke the operator with this id, or every operator with this username; the ones
        revoked now (none when nothing matched or all were revoked already)."""
        now = self._clock.now()
        key = who.strip()
        with self._write():
            rows = self._db.execute(
                f"SELECT {_COLUMNS} FROM operators WHERE revoked_at IS NULL"
                " AND (CAST(id AS TEXT) = ? OR username = ? COLLATE NOCASE)",
                (key, key),
            ).fetchall()
            ids = [row[0] for row in rows]
            self._db.executemany(
                "UPDATE operators SET revoked_at = ?, token_hash = NULL WHERE id = ?",
                [(now, i) for i in ids],
            )
            self._db.executemany(
                "DELETE FROM enrolments WHERE operator_id = ?", [(i,) for i in ids]
            )
        return [found for i in ids if (found := self.get(i)) is not None]

    # -- the desktop's side ------------------------------------------------------------------

    def enrol(self, code: str, device: str) -> tuple[str, Operator]:
        """Exchange a code for a device token (shown once; only its hash is kept).

        Refused with ENROLMENT_CODE_WRONG for a code that is unknown or used already, and with
        ENROLMENT_CODE_EXPIRED for one past its time (which is then forgotten)."""
        now = self._clock.now()
        code_hash = _hash(normal_code(code))
        token = secrets.token_urlsafe(TOKEN_BYTES)
        with self._write():
            row = self._db.execute(
                "SELECT operator_id, expires_at FROM enrolments WHERE code_hash = ?", (code_hash,)
            ).fetchone()
            if row is None:
                raise Refused(Reason.ENROLMENT_CODE_WRONG)
            self._db.execute("DELETE FROM enrolments WHERE code_hash = ?", (code_hash,))
            if row[1] <= now:
                expired = Refused(Reason.ENROLMENT_CODE_EXPIRED)
            else:
                expired = None
                self._db.execute(
                    "UPDATE operators SET token_hash = ?, enrolled_at = ?, device = ?"
                    " WHERE id = ? AND revoked_at IS NULL",
                    (_hash(token), now, device.strip()[:100], row[0]),
                )
        if expired is not None:
            raise expired
        operator = self.get(row[0])
        if operator is None or operator.revoked_at is not None:
            raise Refused(Reason.ENROLMENT_CODE_WRONG)
        return token, operator

    def identify(self, token: str) -> Operator | None:
        """The operator whose device holds `token`, unless revoked."""
        if not token:
            return None
        row = self._db.execute(
            f"SELECT {_COLUMNS} FROM operators WHERE token_hash = ? AND revoked_at IS NULL",
            (_hash(token),),
        ).fetchone()
        return _operator(row) if row is not None else None

    # -- the running connector ---------------------------------------------------------------

    def _version(self) -> int:
        value: int = self._db.execute("PRAGMA data_version").fetchone()[0]
        return value

    def changed(self) -> bool:
        """Whether another connection (the command line) changed the file since last asked."""
        version = self._version()
        changed, self._data_version = version != self._data_version, version
        return changed

    def revoked_among(self, ids: set[int]) -> set[int]:
        if not ids:
            return set()
        marks = ",".join("?" * len(ids))
        rows = self._db.execute(
            f"SELECT id FROM operators WHERE id IN ({marks}) AND revoked_at IS NOT NULL",
            sorted(ids),
        ).fetchall()
        return {row[0] for row in rows}

    # -- the audit ---------------------------------------------------------------------------

    def record(
        self, operator: Operator, command: str, arguments: dict[str, Any], outcome: str
    ) -> None:
        text = json.dumps(arguments, ensure_ascii=False, sort_keys=True, default=str)
        with self._write():
            self._db.execute(
                "INSERT INTO audit (at, operator_id, username, command, arguments, outcome)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (self._clock.now(), operator.id, operator.username, command, text, outcome),
            )

    def audit(self, since: float | None = None, most: int = 1_000) -> list[AuditEntry]:
        """The newest `most` entries from `since` on, oldest first."""
        rows = self._db.execute(
            "SELECT at, operator_id, username, command, arguments, outcome FROM audit"
            " WHERE at >= ? ORDER BY id DESC LIMIT ?",
            (since if since is not None else float("-inf"), most),
        ).fetchall()
        return [AuditEntry(*row) for row in reversed(rows)]

    def newest_record_at(self) -> float | None:
        value: float | None = self._db.execute("SELECT max(at) FROM audit").fetchone()[0]
        return value

    def prune(self, *, before: float) -> None:
        """Forget audit entries older than `before` (as the call history is pruned, by
        `prune_history`), and enrolment codes that expired before then."""
        with self._write():
            self._db.execute("DELETE FROM audit WHERE at < ?", (before,))
            self._db.execute("DELETE FROM enrolments WHERE expires_at < ?", (before,))
