"""Help > Save diagnostics: a zip of the logs, the settings file and the versions, secrets removed.

Made for sending to support. Every file passes through `redact`, which removes the values the app
knows are secret (client secret, password, anything registered with `logs.redactor`) and anything
that looks like one (tokens, webhook secrets, `password = ...` lines), so a zip is safe to email.
"""

from __future__ import annotations

import importlib.metadata
import logging
import platform
import re
import sys
import time
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Final

from . import __version__, logs, private_files
from .settings import AppPaths

__all__ = ["MASK", "default_file_name", "redact", "save_diagnostics", "versions"]

log = logging.getLogger(__name__)

MASK: Final = "***"

# Names whose values are secret wherever they appear: TOML keys, form fields, JSON, log text.
_SECRET_NAME: Final = (
    r"[\w.-]*(?:password|passwd|secret|token|authorization|api[_-]?key|credential)[\w.-]*"
)
_PATTERNS: Final[tuple[tuple[re.Pattern[str], str], ...]] = (
    # settings.toml and similar: client_secret = "..." (the whole value; an empty one stays empty)
    (re.compile(rf"(?im)^(\s*{_SECRET_NAME}\s*=\s*+)(?!\"\"\s*$).+$"), rf'\1"{MASK}"'),
    # JSON and reprs: "refresh_token": "...", 'password': '...'
    (
        re.compile(rf"(?i)([\"']{_SECRET_NAME}[\"']\s*:\s*)([\"'])(?:\\.|(?!\2).)*\2"),
        rf"\1\2{MASK}\2",
    ),
    # form bodies and query strings: password=...&refresh_token=...
    (re.compile(rf"(?i)\b({_SECRET_NAME})(\s*=\s*)(?!\*\*\*)[^\s&,;\"')}}\]]+"), rf"\1\2{MASK}"),
    # log text: "token: abcdefgh..." (long enough to be a value, not the next word of a sentence)
    (re.compile(rf"(?i)\b({_SECRET_NAME})(:\s*)(?!\*\*\*)[^\s&,;\"')}}\]]{{8,}}"), rf"\1\2{MASK}"),
    # HTTP credentials: "Authorization: Basic ..." (client_secret_basic) and bearer tokens
    (
        re.compile(r"(?i)(authorization[\"']?\s*[:=]\s*[\"']?)(Basic|Bearer|Digest)\s+[^\s\"',]+"),
        rf"\1\2 {MASK}",
    ),
    (re.compile(r"(?i)\bBearer\s+[\w\-.~+/=]{8,}"), f"Bearer {MASK}"),
    (re.compile(r"whsec_[A-Za-z0-9+/=_-]+"), f"whsec_{MASK}"),
    # a JSON Web Token anywhere (access and refresh tokens from Keycloak are JWTs)
    (re.compile(r"eyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]*"), MASK),
)


def redact(text: str, secrets: Iterable[str] = ()) -> str:
    """`text` without the given secrets, the ones registered with `logs.redactor`, or secret-looking
    values."""
    # Longest first, so a secret that contains another is removed whole.
    for secret in sorted({s for s in secrets if s and len(s) >= 4}, key=len, reverse=True):
        text = text.replace(secret, MASK)
    text = _registered_redacted(text)
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


def _registered_redacted(text: str) -> str:
    # The redactor's own filter does the masking, so its list of secrets stays private to it.
    record = logging.LogRecord("diagnostics", logging.INFO, __file__, 0, "%s", (text,), None)
    logs.redactor.filter(record)
    return record.getMessage()


def versions(qt_version: str | None = None) -> dict[str, str]:
    """The versions support asks for first."""
    found = {
        "konnekta-desktop": __version__,
        "Python": f"{platform.python_version()} ({platform.python_implementation()})",
        "Qt": qt_version or _qt_version(),
        "PySide6": _package_version("PySide6-Essentials") or _package_version("PySide6") or "",
        "OS": platform.platform(),
        "Machine": platform.machine(),
        "Installed build": "yes" if getattr(sys, "frozen", False) else "no (running from source)",
    }
    for package in ("httpx", "aiohttp", "authlib", "keyring", "msgspec", "phonenumbers", "qasync"):
        found[package] = _package_version(package) or "not found"
    return found


def _qt_version() -> str:
    # Only asks Qt when the app has loaded it already: diagnostics never starts Qt by itself.
    qtcore = sys.modules.get("PySide6.QtCore")
    if qtcore is not None:
        return str(qtcore.qVersion())
    return "not loaded"


def _package_version(name: str) -> str | None:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return None


def default_file_name(clock: Callable[[], float] = time.time) -> str:
    stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(clock()))
    return f"konnekta-desktop-diagnostics-{stamp}.zip"


def save_diagnostics(
    destination: Path,
    paths: AppPaths,
    *,
    secrets: Iterable[str] = (),
    qt_version: str | None = None,
    clock: Callable[[], float] = time.time,
) -> Path:
    """Write the zip to `destination` (a file, or a folder to put a dated file in); returns it.

    `secrets` are values to remove beyond those registered with `logs.redactor` (the settings'
    client secret and password, for example). Raises OSError when the zip cannot be written.
    """
    if destination.is_dir():
        destination = destination / default_file_name(clock)
    known = [s for s in secrets if s]
    temporary = destination.with_name(destination.name + ".part")
    # Owner-only: the logs name callers and colleagues, wherever the operator puts the zip.
    with (
        private_files.open_file(temporary, "wb") as stream,
        zipfile.ZipFile(stream, "w", compression=zipfile.ZIP_DEFLATED) as archive,
    ):
        archive.writestr("versions.txt", _versions_text(versions(qt_version), clock))
        settings_file = paths.settings_file
        if settings_file.is_file():
            archive.writestr("settings.toml", redact(_read_text(settings_file), known))
        log_files = (
            sorted(paths.log_dir.glob(f"{logs.LOG_FILE}*")) if paths.log_dir.is_dir() else []
        )
        for file in log_files:
            archive.writestr(f"logs/{file.name}", redact(_read_text(file), known))
        archive.writestr("files.txt", redact(_listing(paths), known))
    temporary.replace(destination)
    log.info("Diagnostics saved to %s (%d log files)", destination, len(log_files))
    return destination


def _versions_text(found: dict[str, str], clock: Callable[[], float]) -> str:
    written = time.strftime("%Y-%m-%d %H:%M:%S %z", time.localtime(clock()))
    width = max(len(name) for name in found)
    lines = [f"{name:<{width}}  {value}" for name, value in found.items()]
    return f"konnekta-desktop diagnostics, written {written}\n\n" + "\n".join(lines) + "\n"


def _listing(paths: AppPaths) -> str:
    """Which files the app has, with sizes: tells support whether a store or log is missing."""
    lines = []
    for label, folder in (
        ("config", paths.config_dir),
        ("data", paths.data_dir),
        ("logs", paths.log_dir),
        ("cache", paths.cache_dir),
    ):
        lines.append(f"{label}: {folder}")
        if folder.is_dir():
            for file in sorted(folder.iterdir()):
                if file.is_file():
                    lines.append(f"  {file.name}  {file.stat().st_size} bytes")
    return "\n".join(lines) + "\n"


def _read_text(file: Path) -> str:
    return file.read_bytes().decode("utf-8", errors="replace")
