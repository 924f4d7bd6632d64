"""Logging for every mode: stderr and a rotating file, with secrets masked on the way out.

Secrets should never reach a log call in the first place; the redacting filter is the second line
of defence, so a mistake elsewhere still cannot write a password into a file.
"""

from __future__ import annotations

import io
import logging
import logging.handlers
import os
import sys
from pathlib import Path
from typing import Final, cast

from . import private_files
from .domain.refusals import WentWrong
from .settings.paths import folder_problem

LOG_FILE: Final = "konnekta-desktop.log"
_FORMAT: Final = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"


class SecretRedactor(logging.Filter):
    """Replaces any registered secret value in a record's final message with '***'."""

    def __init__(self) -> None:
        super().__init__()
        self._secrets: set[str] = set()

    def add(self, *values: str | None) -> None:
        self._secrets.update(v for v in values if v and len(v) >= 4)

    def filter(self, record: logging.LogRecord) -> bool:
        if not self._secrets:
            return True
        message = record.getMessage()
        masked = message
        for secret in self._secrets:
            if secret in masked:
                masked = masked.replace(secret, "***")
        if masked is not message and masked != message:
            record.msg, record.args = masked, None
        if record.exc_info and record.exc_info[1] is not None:
            text = logging.Formatter().formatException(record.exc_info)
            for secret in self._secrets:
                text = text.replace(secret, "***")
            record.exc_text, record.exc_info = text, None
        return True


redactor = SecretRedactor()


class RecreatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log file, owner-only, that is made again, folder and all, when it was deleted
    while the app runs: otherwise every later line would go to a file that no longer exists."""

    def _open(self) -> io.TextIOWrapper:
        # Every file this handler starts (the first, and a new one at each rollover) is 0600.
        stream = private_files.open_file(
            self.baseFilename, self.mode, encoding=self.encoding, errors=self.errors
        )
        return cast(io.TextIOWrapper, stream)

    def emit(self, record: logging.LogRecord) -> None:
        if self.stream is not None and not os.path.exists(self.baseFilename):
            self.stream.close()
            self.stream = None
            try:
                private_files.make_folder(Path(self.baseFilename).parent)
            except OSError:
                self.handleError(record)
                return
        super().emit(record)


def setup(log_dir: Path | None, *, level: int = logging.INFO, stderr: bool = True) -> Path | None:
    """Configure the root logger once; returns the log file's path when there is one."""
    root = logging.getLogger()
    root.setLevel(level)
    for handler in list(root.handlers):
        root.removeHandler(handler)
        if getattr(handler, "_konnekta_owned", False):
            handler.close()
    formatter = logging.Formatter(_FORMAT)
    path: Path | None = None
    handlers: list[logging.Handler] = []
    if stderr and sys.stderr is not None:  # None in a windowed Windows build
        handlers.append(logging.StreamHandler(sys.stderr))
    if log_dir is not None:
        path = log_dir / LOG_FILE
        try:
            private_files.make_folder(log_dir)
            handlers.append(
                RecreatingFileHandler(
                    path, maxBytes=5 * 1024 * 1024, backupCount=5, encoding="utf-8"
                )
            )
        except OSError as error:
            raise WentWrong(folder_problem(log_dir, error)) from error
    for handler in handlers:
        handler._konnekta_owned = True  # type: ignore[attr-defined]
        handler.setFormatter(formatter)
        handler.addFilter(redactor)
        root.addHandler(handler)
    for noisy in ("httpx", "httpcore", "aiohttp.access", "asyncio"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    if log_dir is not None:
        # Rotated files an older version left readable to others.
        private_files.tighten(*log_dir.glob(f"{LOG_FILE}.*"))
    return path
