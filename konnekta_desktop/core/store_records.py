"""The records the data file keeps for a while: ended calls (the call history), wrap-ups pending
and completed, and the prune that forgets what is older than the history keeps. A base of `Store`,
with the plumbing both share: one short transaction per write, rows read into values."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from ..domain.types import Call, CallingDevice, Direction
from ..domain.wrapups import WrapUpRecord, WrapUpSession
from .store_file import Transactions

__all__ = ["CallRecord", "RecordTables"]


@dataclass(frozen=True, slots=True)
class CallRecord:
    """One user's leg of an ended call."""

    call_id: str
    user_id: str
    direction: Direction
    caller: str
    called: str
    queue: str | None
    callback: bool
    device: CallingDevice | None
    started: float
    answered: float | None
    ended: float


class RecordTables(Transactions):
    """Call history and wrap-ups over `_db`, which the `Store` opens."""

    def _read[T](self, sql: str, parameters: Sequence[object], row: Callable[..., T]) -> list[T]:
        return [row(*values) for values in self._db.execute(sql, parameters)]

    def add_call(self, call: Call, ended_at: float) -> None:
        """Keep one user's leg of an ended call; a repeated end event changes nothing, so the
        first end time recorded stays (a late redelivery must not move a call in the history)."""
        self.add_calls([call], ended_at)

    def add_calls(self, calls: Iterable[Call], ended_at: float) -> None:
        """Keep several ended call legs in one transaction (one batch of events)."""
        with self._write() as db:
            db.executemany(
                "INSERT INTO call_history (call_id, user_id, direction, caller,"
                " called, queue, callback, device, started, answered, ended)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (call_id, user_id) DO NOTHING",
                [
                    (
                        call.call_id,
                        call.user_id,
                        call.direction.value,
                        call.caller,
                        call.called,
                        call.queue,
                        int(call.callback),
                        call.device.value if call.device is not None else None,
                        call.started_at,
                        call.answered_at,
                        ended_at,
                    )
                    for call in calls
                ],
            )

    def call_history(
        self, user_id: str | None = None, *, since: float | None = None, limit: int = 500
    ) -> list[CallRecord]:
        """Ended calls, newest first."""
        where, parameters = _filters(user_id=user_id, since=("ended", since))
        return self._read(
            "SELECT call_id, user_id, direction, caller, called, queue, callback, device,"
            f" started, answered, ended FROM call_history{where}"
            " ORDER BY ended DESC, call_id LIMIT ?",
            [*parameters, limit],
            _call_record,
        )

    # --- wrap-ups -------------------------------------------------------------------------------

    def save_pending_wrapup(self, session: WrapUpSession) -> None:
        with self._write() as db:
            db.execute(
                "INSERT OR IGNORE INTO wrapups (call_id, user_id, direction, caller, called,"
                " queue, started, ended) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    session.call_id,
                    session.user_id,
                    session.direction.value,
                    session.caller,
                    session.called,
                    session.queue,
                    session.started,
                    session.ended,
                ),
            )

    def pending_wrapups(self) -> list[WrapUpSession]:
        """Wrap-ups not completed, oldest first (to `WrapUp.restore` at start-up)."""
        return self._read(
            "SELECT call_id, user_id, direction, caller, called, queue, started, ended"
            " FROM wrapups WHERE completed_at IS NULL ORDER BY ended, call_id",
            (),
            lambda call_id, user_id, direction, caller, called, queue, started, ended: (
                WrapUpSession(
                    call_id=call_id,
                    user_id=user_id,
                    direction=Direction(direction or Direction.INBOUND),
                    caller=caller,
                    called=called or "",
                    queue=queue,
                    started=started,
                    ended=ended,
                )
            ),
        )

    def complete_wrapup(self, record: WrapUpRecord) -> None:
        """Keep a completed wrap-up (its pending session, if stored, becomes completed)."""
        with self._write() as db:
            db.execute(
                "INSERT INTO wrapups (call_id, user_id, caller, queue, started, ended, note,"
                " code, completed_at, by_itself) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (call_id, user_id) DO UPDATE SET note = excluded.note,"
                " code = excluded.code, completed_at = excluded.completed_at,"
                " by_itself = excluded.by_itself",
                (
                    record.call_id,
                    record.user_id,
                    record.caller,
                    record.queue,
                    record.started,
                    record.ended,
                    record.note,
                    record.code,
                    record.completed_at,
                    record.by_itself,
                ),
            )

    def wrapup_records(
        self, user_id: str | None = None, *, since: float | None = None
    ) -> list[WrapUpRecord]:
        """Completed wrap-ups, newest first."""
        where, parameters = _filters(user_id=user_id, since=("completed_at", since))
        where = (where + " AND" if where else " WHERE") + " completed_at IS NOT NULL"
        return self._read(
            "SELECT call_id, user_id, caller, queue, started, ended, note, code, completed_at,"
            f" by_itself FROM wrapups{where} ORDER BY completed_at DESC, call_id",
            parameters,
            lambda call_id, user_id, caller, queue, started, ended, note, code, completed_at, by: (
                WrapUpRecord(
                    call_id=call_id,
                    user_id=user_id,
                    caller=caller,
                    queue=queue,
                    started=started,
                    ended=ended,
                    note=note or "",
                    code=code,
                    completed_at=completed_at,
                    by_itself=bool(by),
                )
            ),
        )

    # --- housekeeping ---------------------------------------------------------------------------

    def newest_record_at(self) -> float | None:
        """When the newest change, ended call or completed wrap-up was recorded (None: none)."""
        row = self._db.execute(
            "SELECT max(t) FROM ("
            " SELECT max(made_at) AS t FROM pending_changes"
            " UNION ALL SELECT max(sent_at) FROM pending_changes"
            " UNION ALL SELECT max(ended) FROM call_history"
            " UNION ALL SELECT max(completed_at) FROM wrapups)"
        ).fetchone()
        newest: float | None = row[0]
        return newest

    def prune(self, before: float) -> None:
        """Forget sent changes, ended calls and completed wrap-ups older than `before`."""
        with self._write() as db:
            db.execute("DELETE FROM pending_changes WHERE sent_at < ?", (before,))
            db.execute("DELETE FROM call_history WHERE ended < ?", (before,))
            db.execute("DELETE FROM wrapups WHERE completed_at < ?", (before,))


def _call_record(
    call_id: str,
    user_id: str,
    direction: str,
    caller: str,
    called: str,
    queue: str | None,
    callback: int,
    device: str | None,
    started: float,
    answered: float | None,
    ended: float,
) -> CallRecord:
    return CallRecord(
        call_id=call_id,
        user_id=user_id,
        direction=Direction(direction),
        caller=caller,
        called=called,
        queue=queue,
        callback=bool(callback),
        device=CallingDevice(device) if device is not None else None,
        started=started,
        answered=answered,
        ended=ended,
    )


def _filters(*, user_id: str | None, since: tuple[str, float | None]) -> tuple[str, list[object]]:
    clauses: list[str] = []
    parameters: list[object] = []
    if user_id is not None:
        clauses.append("user_id = ?")
        parameters.append(user_id)
    column, moment = since
    if moment is not None:
        clauses.append(f"{column} >= ?")
        parameters.append(moment)
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), parameters
