"""Where konnekta-desktop keeps its settings, data, logs and cache on this computer.

By default the platform's usual folders; with `--config-dir DIR` everything lives inside DIR.
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path
from typing import Final

from platformdirs import PlatformDirs

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
        """Create the folders that do not exist yet."""
        for folder in (self.config_dir, self.data_dir, self.log_dir, self.cache_dir):
            folder.mkdir(parents=True, exist_ok=True)
