"""Every file and folder the app writes is owner-only on POSIX (0600, 0700), new or left readable
by an older version, whatever the umask (Hardening the connection, item 8)."""

from __future__ import annotations

import logging
import os
import stat
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from konnekta_desktop import logs, private_files
from konnekta_desktop.core.store import Store
from konnekta_desktop.diagnostics import save_diagnostics
from konnekta_desktop.settings import AppPaths, SecretStore, Settings, load_settings, save_settings

pytestmark = pytest.mark.skipif(
    sys.platform == "win32", reason="POSIX modes; on Windows the profile folder's ACL applies"
)

STORE = "konnekta-desktop.sqlite3"


@pytest.fixture(autouse=True)
def usual_umask() -> Iterator[None]:
    """The umask most systems start programs with, so these files would be 0644 unless made
    owner-only on purpose."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def mode(path: Path) -> str:
    """The permission bits in octal, as `ls -l` and chmod speak of them: "600"."""
    return format(stat.S_IMODE(path.stat().st_mode), "o")


def left_open(*paths: Path) -> None:
    """What an older version left: folders 0755, files 0644."""
    for path in paths:
        path.chmod(0o755 if path.is_dir() else 0o644)


def record(message: str) -> logging.LogRecord:
    return logging.LogRecord("test", logging.INFO, __file__, 0, message, None, None)


# --- the helper ----------------------------------------------------------------------------------


def test_a_new_folder_is_owner_only_and_its_missing_parents_are_made_as_usual(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "parent" / "app"
    private_files.make_folder(folder)
    assert mode(folder) == "700"
    assert mode(folder.parent) == "755"


def test_a_file_opened_for_writing_is_new_owner_only_or_tightened(tmp_path: Path) -> None:
    new, old = tmp_path / "new.txt", tmp_path / "old.txt"
    old.write_text("before")
    left_open(old)
    with private_files.open_file(new, "w", encoding="utf-8") as stream:
        stream.write("written")
    with private_files.open_file(old, "a", encoding="utf-8") as stream:
        stream.write(", after")
    assert (mode(new), mode(old)) == ("600", "600")
    assert old.read_text() == "before, after"


def test_an_atomic_write_leaves_an_owner_only_file(tmp_path: Path) -> None:
    file = tmp_path / "written.toml"
    file.write_text("old")
    left_open(file)
    private_files.write_atomically(file, b"new")
    assert file.read_bytes() == b"new"
    assert mode(file) == "600"
    assert [path.name for path in tmp_path.iterdir()] == ["written.toml"]


def test_a_shared_folder_named_as_the_apps_is_left_as_it_is(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)  # like /tmp
    AppPaths.for_dir(shared).create()
    assert mode(shared) == "1777"
    assert mode(shared / "data") == "700"


# --- the app's folders and settings --------------------------------------------------------------


def test_the_app_folders_are_made_owner_only(tmp_path: Path) -> None:
    paths = AppPaths.for_dir(tmp_path / "profile")
    paths.create()
    for folder in (paths.config_dir, paths.data_dir, paths.log_dir, paths.cache_dir):
        assert mode(folder) == "700", folder


def test_app_folders_an_older_version_left_open_are_tightened(tmp_path: Path) -> None:
    paths = AppPaths.for_dir(tmp_path / "profile")
    folders = (paths.config_dir, paths.data_dir, paths.log_dir, paths.cache_dir)
    for folder in folders:
        folder.mkdir(parents=True, exist_ok=True)
    left_open(*folders)
    paths.create()
    assert [mode(folder) for folder in folders] == ["700"] * 4


def test_the_settings_file_and_the_copy_of_an_unreadable_one_are_owner_only(
    tmp_path: Path,
) -> None:
    paths = AppPaths.for_dir(tmp_path / "profile")
    paths.create()
    paths.settings_file.write_text("[connection\nhand edits")
    left_open(paths.settings_file)
    save_settings(paths, Settings(), SecretStore())
    copy = paths.settings_file.with_name("settings.toml.bak")
    assert copy.read_text() == "[connection\nhand edits"
    assert (mode(paths.settings_file), mode(copy)) == ("600", "600")


def test_settings_files_an_older_version_left_readable_are_tightened_when_read(
    tmp_path: Path,
) -> None:
    paths = AppPaths.for_dir(tmp_path / "profile")
    paths.create()
    copy = paths.settings_file.with_name("settings.toml.bak")
    paths.settings_file.write_text("")
    copy.write_text("")
    left_open(paths.settings_file, copy)
    load_settings(paths)
    assert (mode(paths.settings_file), mode(copy)) == ("600", "600")


# --- the store -----------------------------------------------------------------------------------


def store_files(path: Path) -> list[Path]:
    return [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]


def test_the_store_and_its_wal_files_are_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "data" / STORE
    with Store(path) as store:
        store.keep_fact("probe", "1")
        assert [mode(file) for file in store_files(path)] == ["600"] * 3
    assert mode(path.parent) == "700"


def test_a_store_an_older_version_left_readable_is_tightened_with_its_wal_files(
    tmp_path: Path,
) -> None:
    path = tmp_path / "data" / STORE
    with Store(path) as first:
        first.keep_fact("probe", "1")  # holds -wal and -shm, as a killed run leaves them
        left_open(path.parent, *store_files(path))
        with Store(path):
            assert [mode(file) for file in store_files(path)] == ["600"] * 3
            assert mode(path.parent) == "700"


# --- the log files -------------------------------------------------------------------------------


def test_every_log_file_a_rotation_starts_is_owner_only(tmp_path: Path) -> None:
    folder = tmp_path / "logs"
    private_files.make_folder(folder)
    handler = logs.RecreatingFileHandler(
        folder / logs.LOG_FILE, maxBytes=100, backupCount=3, encoding="utf-8"
    )
    try:
        for number in range(20):
            handler.emit(record(f"line {number} of a log that rotates after a line or two"))
    finally:
        handler.close()
    files = sorted(folder.iterdir())
    assert [file.name for file in files] == [logs.LOG_FILE] + [
        f"{logs.LOG_FILE}.{n}" for n in (1, 2, 3)
    ]
    assert [mode(file) for file in files] == ["600"] * 4


def test_a_log_folder_deleted_while_running_comes_back_owner_only(tmp_path: Path) -> None:
    folder = tmp_path / "logs"
    private_files.make_folder(folder)
    file = folder / logs.LOG_FILE
    handler = logs.RecreatingFileHandler(file, encoding="utf-8")
    try:
        handler.emit(record("before"))
        file.unlink()
        folder.rmdir()
        handler.emit(record("after"))
    finally:
        handler.close()
    assert (mode(folder), mode(file)) == ("700", "600")
    assert "after" in file.read_text()


@pytest.mark.usefixtures("restore_logging")
def test_log_files_an_older_version_left_readable_are_tightened_at_setup(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "logs"
    folder.mkdir()
    old = [folder / logs.LOG_FILE, folder / f"{logs.LOG_FILE}.1", folder / f"{logs.LOG_FILE}.2"]
    for file in old:
        file.write_text("an older version's lines\n")
    left_open(folder, *old)
    logs.setup(folder, stderr=False)
    logging.getLogger("test").info("a line")
    assert [mode(file) for file in (folder, *old)] == ["700", "600", "600", "600"]


# --- diagnostics ---------------------------------------------------------------------------------


def test_the_diagnostics_zip_is_owner_only_in_a_folder_left_as_it_was(tmp_path: Path) -> None:
    paths = AppPaths.for_dir(tmp_path / "profile")
    paths.create()
    (paths.log_dir / logs.LOG_FILE).write_text("Call from +4512345678\n")
    chosen = tmp_path / "Desktop"  # the operator's folder, not the app's
    chosen.mkdir()
    left_open(chosen)
    zip_file = save_diagnostics(chosen, paths)
    assert mode(zip_file) == "600"
    assert mode(chosen) == "755"
    with zipfile.ZipFile(zip_file) as archive:
        assert "logs/konnekta-desktop.log" in archive.namelist()
