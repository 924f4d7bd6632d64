"""Where konnekta-desktop keeps its settings, data, logs and cache on this computer.

By default the platform's usual folders; with `--config-dir DIR` everything lives inside DIR.
"""

from __future__ import annotations

import dataclasses
import errno
import os
from pathlib import Path
from typing import Final

from platformdirs import PlatformDirs

from .. import private_files
from ..domain.refusals import Reason, WentWrong, Why, why

APP_NAME: Final = "konnekta-desktop"
SETTINGS_FILE_NAME: Final = "settings.toml"


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class AppPaths:
    config_dir: Path
    data_dir: Path
    log_dir: Path
    cache_dir: Path

    @classmethod
    def default(cls) -> AppPaths:
        """The operating system's usual per-user folders for the app."""
        # appauthor=False: on Windows, no extra "konnekta-desktop\konnekta-desktop" level.
        dirs = PlatformDirs(APP_NAME, appauthor=False)
        return cls(
            config_dir=Path(dirs.user_config_dir),
            data_dir=Path(dirs.user_data_dir),
            log_dir=Path(dirs.user_log_dir),
            cache_dir=Path(dirs.user_cache_dir),
        )

    @classmethod
    def for_dir(cls, folder: str | os.PathLike[str]) -> AppPaths:
        """Everything inside one folder (for `--config-dir`, portable installs and tests)."""
        base = Path(folder).expanduser().resolve()
        return cls(
            config_dir=base,
            data_dir=base / "data",
            log_dir=base / "logs",
            cache_dir=base / "cache",
        )

    @property
    def settings_file(self) -> Path:
        return self.config_dir / SETTINGS_FILE_NAME

    def create(self) -> None:
        """Create the folders that do not exist yet, owner-only, and tighten those an older
        version left readable to others; raises `WentWrong` naming the one that cannot be made
        and why."""
        for folder in (self.config_dir, self.data_dir, self.log_dir, self.cache_dir):
            try:
                private_files.make_folder(folder)
            except OSError as error:
                raise WentWrong(folder_problem(folder, error)) from error


def folder_problem(folder: Path, error: OSError) -> Why:
    """Why `folder` cannot be written to: a full disk, or anything else the OS said."""
    if error.errno == errno.ENOSPC:
        return why(Reason.DISK_FULL, folder=str(folder))
    return why(Reason.FOLDER_NOT_WRITABLE, folder=str(folder), detail=str(error.strerror or error))
