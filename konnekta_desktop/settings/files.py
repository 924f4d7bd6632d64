"""Reading and writing settings.toml: tolerant on reading, atomic on writing, secrets never written.

A wrong value in the file falls back to its default (with an error naming the field and the file)
so that the app still starts and the settings window can show what to fix.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import tomllib
from enum import StrEnum
from pathlib import Path
from typing import Any, Final

import tomli_w

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


class SettingsSaveError(Exception):
    """The settings file could not be written; the message says where and what to do."""


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


def _read_value(option: Option, value: Any, file: Path) -> tuple[Any, SettingError | None]:
    problem = value_problem(option, value, require=False)
    if problem is None:
        converted, _ = convert_value(option, value)
        return converted, None
    if len(problem) > _SHOWN_CHARACTERS:  # a check may quote the value itself
        problem = problem[:_SHOWN_CHARACTERS] + "…"
    message = (
        f"{option.label} in {file} {problem}; the file says {shown_value(value)}. The default "
        f"({_describe(option.default)}) is used until you correct it in Settings > "
        f"{option.section.heading}."
    )
    return option.default, SettingError(option.name, message)


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
    values: dict[str, Any] = {}
    errors: list[SettingError] = []
    try:
        document = tomllib.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        document = {}
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        # tomllib's messages give only line and column, never the file's content.
        reason = error.strerror if isinstance(error, OSError) else str(error)
        message = (
            f"The settings file {file} could not be read ({reason}), so the app starts with "
            "default settings. Correct the file, or save the settings window to replace it (the "
            "old file is kept beside it as settings.toml.bak)."
        )
        log.error("%s", message)
        document = {}
        errors.append(SettingError(None, message))

    unknown: list[str] = []
    for section_name, table in document.items():
        if not isinstance(table, dict):
            option = _BY_NAME.get(section_name)
            unknown.append(
                f"{section_name} (belongs in {_where(option)})" if option else section_name
            )
            continue
        for name, value in table.items():
            option = _BY_PLACE.get((section_name, name))
            if option is None:
                misplaced = _BY_NAME.get(name)
                hint = f" (belongs in {_where(misplaced)})" if misplaced else ""
                unknown.append(f"[{section_name}] {name}{hint}")
                continue
            if option.secret:
                errors.append(
                    SettingError(
                        option.name,
                        f"{option.label} is not read from {file}: secrets belong in the system "
                        f"keyring. Remove it from the file and enter it in Settings > "
                        f"{option.section.heading}.",
                    )
                )
                continue
            values[option.name], problem = _read_value(option, value, file)
            if problem is not None:
                log.error("%s", problem.message)
                errors.append(problem)

    if unknown:
        message = (
            f"The settings file {file} has settings this version does not know, which are "
            f"ignored: {', '.join(unknown)}."
        )
        log.warning("%s", message)
        errors.append(SettingError(None, message, warning=True))

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


def _write_atomically(file: Path, content: bytes) -> None:
    file.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=file.parent, prefix=f".{file.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, file)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _keep_unreadable_copy(file: Path) -> None:
    """Keep a copy of a file we could not read before it is replaced: it may hold hand edits."""
    if not file.is_file():
        return
    try:
        tomllib.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        shutil.copy2(file, file.with_name(file.name + ".bak"))


def save_settings(
    paths: AppPaths,
    settings: Settings,
    secrets: SecretStore,
    *,
    previous: Settings | None = None,
) -> None:
    """Write settings.toml atomically and put the secrets in `secrets` (never in the file).

    `previous`, when given, lets keyring entries that no longer apply (another issuer or user) be
    removed. Raises `SettingsSaveError` when the file cannot be written.
    """
    file = paths.settings_file
    content = _HEADER + tomli_w.dumps(settings_document(settings))
    try:
        _keep_unreadable_copy(file)
        _write_atomically(file, content.encode("utf-8"))
    except OSError as error:
        raise SettingsSaveError(
            f"The settings could not be saved to {file} ({error.strerror or error}). Check that "
            "the folder exists and that you may write to it, then save again."
        ) from error
    secrets.save(settings, previous)
