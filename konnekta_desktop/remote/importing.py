"""`konnekta-desktop server import`: moving from direct mode, a desktop's store and settings
become the company connector's.

What is the tenant's is taken: states and templates (the desktop's replace the connector's),
users' local states, appointments, call history and completed wrap-ups (added; what the
connector has already is kept), and the tenant's settings (numbers, sync, mappings, connection
but for the secrets, which the connector takes from its own secrets file, environment or
keyring). The desktop's files are only read, so that it can go back to direct mode; the
operator's own settings (calling device, language...) stay the desktop's. Run it with the
connector stopped.
"""

from __future__ import annotations

import dataclasses
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from .. import private_files
from ..core.store import DEFAULT_FILE_NAME, Store
from ..settings import AppPaths, Settings, load_settings, save_settings
from ..settings.schema import OPTIONS, Owner

__all__ = ["Imported", "import_desktop"]

# table -> how its rows come over: the desktop's replace ("REPLACE") or are added ("IGNORE").
_TABLES: Final = (
    ("states", "REPLACE"),
    ("templates", "REPLACE"),
    ("user_states", "REPLACE"),
    ("appointments", "IGNORE"),
    ("call_history", "IGNORE"),
    ("wrapups", "IGNORE"),
)


@dataclass(frozen=True, slots=True)
class Imported:
    rows: dict[str, int]  # table -> rows taken
    settings: tuple[str, ...]  # the tenant's options taken from the desktop


def _tenant_settings(desktop: Settings, connector: Settings) -> tuple[Settings, tuple[str, ...]]:
    taken = tuple(
        option.name
        for option in OPTIONS
        if option.owner is Owner.TENANT
        and not option.secret
        and getattr(desktop, option.name) != getattr(connector, option.name)
    )
    return dataclasses.replace(connector, **{name: getattr(desktop, name) for name in taken}), taken


def import_desktop(desktop: AppPaths, connector: AppPaths) -> Imported:
    source = desktop.data_dir / DEFAULT_FILE_NAME
    if not source.exists():
        raise FileNotFoundError(f"no desktop store at {source}")
    with Store(connector.data_dir / DEFAULT_FILE_NAME):  # made, or brought to the latest version
        pass
    # A copy is read, with its write-ahead log: SQLite would leave files of its own beside the
    # desktop's even when only reading it.
    with tempfile.TemporaryDirectory(prefix="konnekta-import-") as folder:
        copy = Path(folder) / DEFAULT_FILE_NAME
        private_files.copy_file(source, copy)
        log = source.with_name(source.name + "-wal")
        if log.exists():
            private_files.copy_file(log, copy.with_name(copy.name + "-wal"))
        rows = _copy_tables(copy, connector.data_dir / DEFAULT_FILE_NAME)
    desktop_settings, _ = load_settings(desktop)
    connector_settings, _ = load_settings(connector)
    merged, taken = _tenant_settings(desktop_settings, connector_settings)
    if taken:
        save_settings(connector, merged, None)  # nothing secret is taken over
    return Imported(rows, taken)


def _copy_tables(source: Path, target: Path) -> dict[str, int]:
    db = sqlite3.connect(target, autocommit=True)
    try:
        db.execute("PRAGMA busy_timeout = 5000")
        db.execute("ATTACH DATABASE ? AS desktop", (str(source),))
        version = db.execute("PRAGMA desktop.user_version").fetchone()[0]
        ours = db.execute("PRAGMA main.user_version").fetchone()[0]
        if version > ours:
            raise ValueError(f"the desktop's store is from a newer version ({version} > {ours})")
        rows: dict[str, int] = {}
        db.execute("BEGIN IMMEDIATE")
        try:
            for table, how in _TABLES:
                columns = [row[1] for row in db.execute(f"PRAGMA desktop.table_info({table})")]
                names = ", ".join(columns)
                cursor = db.execute(
                    f"INSERT OR {how} INTO main.{table} ({names}) "
                    f"SELECT {names} FROM desktop.{table}"
                )
                rows[table] = cursor.rowcount
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        return rows
    finally:
        db.close()
