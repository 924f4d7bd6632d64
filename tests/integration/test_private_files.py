"""Nothing a run leaves behind is readable by other users of the computer: a headless demo run,
its settings saved and a diagnostics zip, then every file and folder in its --config-dir is
walked (Hardening the connection, item 8). POSIX only: on Windows the profile folder's ACL
applies."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from konnekta_desktop import logs
from konnekta_desktop.core.store import Store
from konnekta_desktop.diagnostics import save_diagnostics
from konnekta_desktop.runtime import STORE_FILE
from konnekta_desktop.settings import AppPaths, SecretStore, Settings, save_settings

pytestmark = pytest.mark.skipif(
    sys.platform == "win32", reason="POSIX modes; on Windows the profile folder's ACL applies"
)

ROOT = Path(__file__).resolve().parents[2]
USUAL_UMASK = 0o022  # what most systems start programs with: files 0644, folders 0755


def run_demo(config_dir: Path) -> None:
    args = ["--demo", "--headless", "--exit-when-connected", "--config-dir", str(config_dir)]
    done = subprocess.run(
        [sys.executable, "-m", "konnekta_desktop", *args],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        env=dict(os.environ),
        umask=USUAL_UMASK,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def readable_to_others(folder: Path) -> list[str]:
    """Every path under `folder` (itself included) with a group or other bit, and its mode."""
    found = []
    for path in (folder, *sorted(folder.rglob("*"))):
        bits = stat.S_IMODE(path.lstat().st_mode)
        if bits & 0o077:
            found.append(f"{path.relative_to(folder.parent)} {bits:o}")
    return found


def test_every_file_and_folder_a_run_leaves_behind_is_owner_only(tmp_path: Path) -> None:
    profile = tmp_path / "profile"
    run_demo(profile)
    paths = AppPaths.for_dir(profile)
    previous = os.umask(USUAL_UMASK)
    try:
        paths.settings_file.write_text("[connection\nhand edits")  # kept as a .bak on saving
        save_settings(paths, Settings(), SecretStore())
        save_diagnostics(profile, paths)
        with Store(paths.data_dir / STORE_FILE) as store:
            store.keep_fact("probe", "1")  # -wal and -shm exist while it is open
            names = {path.relative_to(profile).as_posix() for path in profile.rglob("*")}
            assert {
                "settings.toml",
                "settings.toml.bak",
                f"data/{STORE_FILE}",
                f"data/{STORE_FILE}-wal",
                f"data/{STORE_FILE}-shm",
                f"logs/{logs.LOG_FILE}",
                "cache",
            } <= names
            assert any(name.endswith(".zip") for name in names)
            assert readable_to_others(profile) == []
    finally:
        os.umask(previous)


def test_a_profile_an_older_version_left_readable_is_made_owner_only_at_start(
    tmp_path: Path,
) -> None:
    profile = tmp_path / "profile"
    paths = AppPaths.for_dir(profile)
    with Store(paths.data_dir / STORE_FILE) as store:
        store.keep_fact("probe", "1")
    paths.cache_dir.mkdir()
    paths.log_dir.mkdir()
    paths.settings_file.write_text("")
    paths.settings_file.with_name("settings.toml.bak").write_text("[connection\n")
    for name in (logs.LOG_FILE, f"{logs.LOG_FILE}.1"):
        (paths.log_dir / name).write_text("an older version's lines\n")
    for path in (profile, *profile.rglob("*")):
        path.chmod(0o755 if path.is_dir() else 0o644)
    assert len(readable_to_others(profile)) == 9  # 4 folders, 5 files

    run_demo(profile)

    assert readable_to_others(profile) == []
