"""Owner-only files and folders: every file the app writes (settings, store, logs, diagnostics, and
any later one) is made through here, so no other user of the computer can read it.

On POSIX a folder is 0700 and a file 0600, whatever the umask; an existing one the app owns from an
older version (0755, 0644) loses its group and other bits. On Windows nothing is changed: the
per-user profile folders the app writes to already allow only their user (and the system and
administrators) by their ACL, and POSIX modes mean nothing there.

Only the app's own folders and files are tightened, never a folder above them: missing parents
are made with the system's usual mode, and a shared folder (the home folder, a root, a sticky
folder such as /tmp) given as a folder of the app is left as it is.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import stat
import sys
import tempfile
from pathlib import Path
from typing import IO, Any, Final

__all__ = [
    "FILE_MODE",
    "FOLDER_MODE",
    "copy_file",
    "make_folder",
    "open_file",
    "opener",
    "tighten",
    "write_atomically",
]

log = logging.getLogger(__name__)

FOLDER_MODE: Final = 0o700
FILE_MODE: Final = 0o600
_GROUP_AND_OTHER: Final = 0o077
# Modes mean nothing on Windows; the profile folder's ACL keeps other users out there.
_POSIX: Final = sys.platform != "win32"


def make_folder(folder: Path) -> None:
    """Create `folder` owner-only (its missing parents as the system makes them), or tighten it
    when it exists. Raises OSError when it cannot be made."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    try:
        folder.mkdir(mode=FOLDER_MODE)
    except FileExistsError:
        if not folder.is_dir():
            raise
        if not _shared(folder):
            tighten(folder)
        return
    if _POSIX:
        # mkdir's mode passes through the umask; say exactly what is meant.
        os.chmod(folder, FOLDER_MODE)


def tighten(*paths: Path) -> None:
    """Take the group and other bits off each existing path (POSIX); a path that cannot be changed
    (another user's) is logged and left, since the app can still work with it."""
    if not _POSIX:
        return
    for path in paths:
        try:
            mode = stat.S_IMODE(path.stat(follow_symlinks=False).st_mode)
            if mode & _GROUP_AND_OTHER and not path.is_symlink():
                os.chmod(path, mode & ~_GROUP_AND_OTHER)
        except FileNotFoundError:
            continue
        except OSError as error:
            log.warning("Could not make %s readable by its owner only: %s", path, error.strerror)


def opener(path: str, flags: int) -> int:
    """An `opener` for `open()`: a new file is made 0600, an existing one loses its group and
    other bits before anything is written to it."""
    descriptor = os.open(path, flags, FILE_MODE)
    if _POSIX:
        with contextlib.suppress(OSError):  # another user's file: readable to them anyway
            mode = stat.S_IMODE(os.fstat(descriptor).st_mode)
            if mode & _GROUP_AND_OTHER:
                os.fchmod(descriptor, mode & ~_GROUP_AND_OTHER)
    return descriptor


def open_file(
    file: str | os.PathLike[str],
    mode: str,
    *,
    encoding: str | None = None,
    errors: str | None = None,
) -> IO[Any]:
    """`open()` for a file the app writes (mode "w", "a", "wb", "ab", ...), owner-only."""
    return open(file, mode, encoding=encoding, errors=errors, opener=opener)


def write_atomically(file: Path, content: bytes) -> None:
    """Replace `file` with `content` all at once (a crash leaves the old file or the new one),
    owner-only: the temporary file is mkstemp's, which is 0600 by construction."""
    handle, temporary = tempfile.mkstemp(dir=file.parent, prefix=f".{file.name}.", suffix=".tmp")
    try:
        if _POSIX:
            os.fchmod(handle, FILE_MODE)  # mkstemp's 0600 already; kept so by intent, not luck
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, file)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def copy_file(source: Path, target: Path) -> None:
    """Copy `source` to `target` (its content and times), the copy owner-only whatever the
    source's mode: `shutil.copy2` would give it the source's 0644."""
    with source.open("rb") as reading, open_file(target, "wb") as writing:
        shutil.copyfileobj(reading, writing)
        times = os.fstat(reading.fileno())
    with contextlib.suppress(OSError):
        os.utime(target, ns=(times.st_atime_ns, times.st_mtime_ns))


def _shared(folder: Path) -> bool:
    """A folder others must keep using: never narrowed even when named as one of the app's."""
    if not _POSIX:
        return True
    resolved = folder.resolve()
    try:
        home = Path.home().resolve()
    except RuntimeError:  # no HOME and no password entry
        home = None
    if resolved in (Path(resolved.anchor), home):
        return True
    return bool(resolved.stat().st_mode & stat.S_ISVTX)
