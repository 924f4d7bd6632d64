"""Start-up logs each settings problem once, and never a line of megabytes
(issue "Hardening on the desktop", item 7)."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest

from konnekta_desktop import logs
from konnekta_desktop.runtime import LaunchOptions, open_session
from konnekta_desktop.settings import AppPaths


@pytest.mark.usefixtures("restore_logging")  # start-up sets up the app's own logging
async def test_each_settings_problem_is_logged_once_and_a_huge_value_is_cut(
    tmp_path: Path,
) -> None:
    paths = AppPaths.for_dir(tmp_path)
    paths.create()
    huge = "x" * 10_000_000
    paths.settings_file.write_text(
        f'[connection]\nsmg_address = "{huge}"\nlistener_port = "not a number"\n',
        encoding="utf-8",
    )
    session = await open_session(
        LaunchOptions(config_dir=tmp_path, log_to_stderr=False), strict=False
    )
    await session.close()
    [log_file] = paths.log_dir.glob("*.log")
    lines = log_file.read_text(encoding="utf-8").splitlines()
    assert max(len(line) for line in lines) < 2_000
    about_port = [line for line in lines if "Listener Port" in line and "not a number" in line]
    about_address = [line for line in lines if "SMG Address" in line and "xxxx" in line]
    assert len(about_port) == 1, about_port
    assert len(about_address) == 1
    assert "(10000002 characters)" in about_address[0]


@pytest.mark.usefixtures("restore_logging")
def test_a_log_folder_deleted_while_the_app_runs_is_made_again(tmp_path: Path) -> None:
    """Hardening on the desktop, item 7: every later line was lost until a restart."""
    folder = tmp_path / "logs"
    file = logs.setup(folder, stderr=False)
    assert file is not None
    logging.getLogger("konnekta_desktop.test").info("before")
    shutil.rmtree(folder)

    logging.getLogger("konnekta_desktop.test").info("after the folder went")

    assert "after the folder went" in file.read_text(encoding="utf-8")
