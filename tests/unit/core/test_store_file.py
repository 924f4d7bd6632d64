"""Opening the data file: each reason it cannot be used is named for what it is (Hardening on the
desktop, items 2, 5 and 6: a schema mismatch was reported as a folder problem, a full disk as a
disk I/O error, and another program's SQLite file was taken over silently)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from konnekta_desktop.core.store import Store, StoreError
from konnekta_desktop.core.store_file import MIGRATIONS, _problem
from konnekta_desktop.domain.refusals import Reason, english, why


def refusal(path: Path) -> StoreError:
    with pytest.raises(StoreError) as raised:
        Store(path)
    return raised.value


def test_a_damaged_file_is_said_to_be_damaged(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    path.write_bytes(b"this is not a database, it only sits where one should be" * 20)
    assert refusal(path).why.reason is Reason.STORE_DAMAGED
    assert path.read_bytes().startswith(b"this is not a database")  # left as it was


def test_another_programs_sqlite_file_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE invoices (number INTEGER)")
    assert refusal(path).why == why(Reason.STORE_FOREIGN, file=str(path))
    with sqlite3.connect(path) as db:
        assert [r[0] for r in db.execute("SELECT name FROM sqlite_master")] == ["invoices"]


def test_a_zero_byte_file_is_set_up_as_a_new_one(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    path.touch()
    with Store(path) as store:
        assert store.schema_version == len(MIGRATIONS)


def test_a_file_from_a_newer_app_names_both_versions(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    Store(path).close()
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA user_version = 99")
    said = refusal(path).why
    assert said == why(Reason.STORE_NEWER, file=str(path), found="99", known=str(len(MIGRATIONS)))


def test_a_file_another_program_holds_locked_is_said_to_be_in_use(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    Store(path).close()
    holder = sqlite3.connect(path, autocommit=True)
    holder.execute("PRAGMA journal_mode = DELETE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        assert refusal(path).why == why(Reason.STORE_LOCKED, file=str(path))
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_a_folder_that_cannot_be_made_is_said_to_be_unwritable(tmp_path: Path) -> None:
    # Running as root, permissions do not stop a write; a file where the folder should be does.
    (tmp_path / "data").write_text("a file, not a folder")
    said = refusal(tmp_path / "data" / "store.sqlite3").why
    assert said.reason is Reason.STORE_NOT_WRITABLE
    assert "Check that you may write in its folder" in english(said)


def test_a_full_disk_is_said_to_be_full_not_an_io_error(tmp_path: Path) -> None:
    """SQLite's own "database or disk is full", made real by a page limit on the file."""
    path = tmp_path / "store.sqlite3"
    db = sqlite3.connect(path)
    db.execute("PRAGMA max_page_count = 2")
    db.execute("CREATE TABLE a (x)")
    with pytest.raises(sqlite3.OperationalError) as full:
        db.executemany("INSERT INTO a VALUES (?)", [("x" * 1000,)] * 100)
    db.close()
    assert _problem(path, full.value) == why(Reason.DISK_FULL, folder=str(tmp_path))
