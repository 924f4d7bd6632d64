"""Reading and writing settings.toml: tolerant on reading, atomic on writing, secrets never written.

A wrong value in the file falls back to its default (with an error naming the field and the file)
so that the app still starts and the settings window can show what to fix.
"""

from __future__ import annotations

import logging
import tomllib
from enum import StrEnum
from pathlib import Path
from typing import Any, Final

import tomli_w

from .. import private_files
from ..domain.refusals import Reason, WentWrong, Why, why
from .paths import AppPaths
from .schema import OPTIONS, Option, Section, Settings
from .secret_store import SecretStore
from .validation import SettingError, convert_value, value_problem

__all__ = ["SettingsSaveError", "load_settings", "save_settings"]

log = logging.getLogger(__name__)

_HEADER: Final = (
    "# konnekta-desktop settings. The Client Secret and Password are kept in the system keyring,\n"
    "# never in this file. Edit with the app closed, or use the settings window.\n\n"
)
_BY_PLACE: Final = {(o.section.value, o.name): o for o in OPTIONS}
_BY_NAME: Final = {o.name: o for o in OPTIONS}
# The migration of older files: settings this version no longer has, by place. Reading skips them
# (logged, not reported as unknown settings) and the next save does not write them back.
# [ui] start_at_login: start at login is the system's login item now (autostart.py). The old value
# decides nothing: the old version rewrote the item at every start while it was on, so the item
# holds the operator's choice, and where they differ it was changed since (installer, system).
_RETIRED: Final = frozenset({("ui", "start_at_login")})


class SettingsSaveError(WentWrong):
    """The settings file could not be written; `why` says where and what to do."""


def _describe(value: Any) -> str:
    if isinstance(value, StrEnum):
        return repr(value.value)
    return repr(value)


_SHOWN_CHARACTERS = 200


def shown_value(value: Any) -> str:
    """A value from the settings file as a message quotes it: cut to a few hundred characters,
    so a huge value cannot make a line of megabytes in the log."""
    text = repr(value)
    if len(text) <= _SHOWN_CHARACTERS:
        return text
    return f"{text[:_SHOWN_CHARACTERS]}… ({len(text)} characters)"


def _cut(text: str) -> str:
    return text if len(text) <= _SHOWN_CHARACTERS else text[:_SHOWN_CHARACTERS] + "…"


def _read_value(option: Option, value: Any, file: Path) -> tuple[Any, SettingError | None]:
    problem = value_problem(option, value, require=False)
    if problem is None:
        converted, _ = convert_value(option, value)
        return converted, None
    # A check may quote the value itself (a path, a code): cut like the value.
    problem = Why(problem.reason, {key: _cut(text) for key, text in problem.params.items()})
    said = why(
        Reason.FILE_VALUE_WRONG,
        problem,
        file=str(file),
        value=shown_value(value),
        default=_describe(option.default),
        section=option.section.heading,
    )
    return option.default, SettingError(option.name, said)


def _where(option: Option) -> str:
    return f"[{option.section.value}] {option.name}"


def load_settings(
    paths: AppPaths, secrets: SecretStore | None = None
) -> tuple[Settings, list[SettingError]]:
    """The settings in `paths.settings_file` (defaults where missing or wrong) and its problems.

    With `secrets`, the Client Secret and Password are filled in from it. A missing file is not a
    problem: it means a first start.
    """
    file = paths.settings_file
    # One an older version left readable to others (0644) is made owner-only as it is read.
    private_files.tighten(file, backup_file(file))
    values: dict[str, Any] = {}
    errors: list[SettingError] = []
    try:
        document = tomllib.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        document = {}
    except UnicodeDecodeError as error:
        line = file.read_bytes()[: error.start].count(b"\n") + 1
        unreadable = SettingError(None, why(Reason.FILE_NOT_UTF8, file=str(file), line=str(line)))
        log.error("%s", unreadable.message)
        document = {}
        errors.append(unreadable)
    except (OSError, tomllib.TOMLDecodeError) as error:
        # tomllib's messages give only line and column, never the file's content.
        reason = error.strerror if isinstance(error, OSError) else str(error)
        unreadable = SettingError(
            None, why(Reason.FILE_UNREADABLE, file=str(file), detail=str(reason))
        )
        log.error("%s", unreadable.message)
        document = {}
        errors.append(unreadable)

    unknown: list[str] = []
    for section_name, table in document.items():
        if not isinstance(table, dict):
            option = _BY_NAME.get(section_name)
            unknown.append(
                f"{section_name} (belongs in {_where(option)})" if option else section_name
            )
            continue
        for name, value in table.items():
            if (section_name, name) in _RETIRED:
                log.info(
                    "Settings file: [%s] %s is no longer a setting; dropped", section_name, name
                )
                continue
            option = _BY_PLACE.get((section_name, name))
            if option is None:
                misplaced = _BY_NAME.get(name)
                hint = f" (belongs in {_where(misplaced)})" if misplaced else ""
                unknown.append(f"[{section_name}] {name}{hint}")
                continue
            if option.secret:
                said = why(
                    Reason.FILE_HOLDS_SECRET,
                    setting=option.label,
                    file=str(file),
                    section=option.section.heading,
                )
                errors.append(SettingError(option.name, said))
                continue
            values[option.name], problem = _read_value(option, value, file)
            if problem is not None:
                log.error("%s", problem.message)
                errors.append(problem)

    if unknown:
        said = why(Reason.FILE_UNKNOWN_SETTINGS, file=str(file), names=", ".join(unknown))
        errors.append(SettingError(None, said, warning=True))
        log.warning("%s", errors[-1].message)

    settings = Settings(**values)
    if secrets is not None:
        settings = secrets.fill(settings)
    return settings, errors


def _to_toml(value: Any) -> Any:
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, dict):
        return dict(value)
    return value


def settings_document(settings: Settings) -> dict[str, dict[str, Any]]:
    """What settings.toml holds for `settings`: every option except the secrets, by section."""
    document: dict[str, dict[str, Any]] = {section.value: {} for section in Section}
    for option in OPTIONS:
        if not option.secret:
            document[option.section.value][option.name] = _to_toml(getattr(settings, option.name))
    return document


def _unknown_entries(file: Path) -> dict[str, Any]:
    """What the settings file holds that this version does not know (a newer version's settings,
    by section), to be written back as it was; nothing when the file cannot be read."""
    try:
        document = tomllib.loads(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return {}
    kept: dict[str, Any] = {}
    for section, table in document.items():
        if not isinstance(table, dict):
            if section not in _BY_NAME:
                kept[section] = table
            continue
        for name, value in table.items():
            place = (section, name)
            if place not in _BY_PLACE and place not in _RETIRED and name not in _BY_NAME:
                kept.setdefault(section, {})[name] = value
    return kept


def _keep_unreadable_copy(file: Path) -> None:
    """Keep a copy of a file we could not read before it is replaced: it may hold hand edits."""
    if not file.is_file():
        return
    try:
        tomllib.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        private_files.copy_file(file, backup_file(file))


def backup_file(file: Path) -> Path:
    """Where the copy of an unreadable settings file is kept."""
    return file.with_name(file.name + ".bak")


def save_settings(
    paths: AppPaths,
    settings: Settings,
    secrets: SecretStore | None,
    *,
    previous: Settings | None = None,
) -> None:
    """Write settings.toml atomically and put the secrets in `secrets` (never in the file);
    with None, the secrets go nowhere (the company connector's come from its own secrets file,
    environment or keyring).

    `previous`, when given, lets keyring entries that no longer apply (another issuer or user) be
    removed. Raises `SettingsSaveError` when the file cannot be written.
    """
    file = paths.settings_file
    document: dict[str, Any] = settings_document(settings)
    for section, entries in _unknown_entries(file).items():
        # A newer version's settings, kept as they were for when it runs again.
        if isinstance(entries, dict) and isinstance(document.get(section), dict):
            document[section] = {**entries, **document[section]}
        else:
            document.setdefault(section, entries)
    content = _HEADER + tomli_w.dumps(document)
    try:
        private_files.make_folder(file.parent)
        _keep_unreadable_copy(file)
        private_files.write_atomically(file, content.encode("utf-8"))
    except OSError as error:
        detail = str(error.strerror or error)
        raise SettingsSaveError(
            why(Reason.FILE_NOT_SAVED, file=str(file), detail=detail)
        ) from error
    if secrets is not None:
        secrets.save(settings, previous)
