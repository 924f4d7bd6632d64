"""Where the connector service finds the Client Secret and Password: a secrets file, the
environment, else the OS keyring as the desktop does; never the settings file.

Per secret, the first that has it wins: the file given with --secrets-file, then the environment
variables KONNEKTA_CLIENT_SECRET and KONNEKTA_PASSWORD, then the keyring. The file holds lines
`NAME=value` (blank lines and lines starting with # are skipped). On POSIX it is refused when
another user could change it (writable by group or others, or owned by another user than this
one or root), and when others could read it, unless it lies under /run/secrets or
/run/credentials, where container runtimes and systemd mount secrets read-only.

The secrets reach the session through its own `SecretStore` (`secret_store`), whose backend,
`SuppliedSecrets`, answers the session's two entries with what was supplied and asks the OS
keyring for the rest; the process's keyring is left as it is.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Final

import keyring
from keyring.backend import KeyringBackend
from keyring.compat import properties

from ..domain.refusals import Reason, WentWrong, why
from ..settings.secret_store import SERVICE_NAME, SecretName, SecretStore

__all__ = [
    "ENVIRONMENT",
    "SHARED_PLACES",
    "SuppliedSecrets",
    "read_secrets_file",
    "secret_store",
    "supplied_secrets",
]

ENVIRONMENT: Final[dict[str, SecretName]] = {
    "KONNEKTA_CLIENT_SECRET": SecretName.CLIENT_SECRET,
    "KONNEKTA_PASSWORD": SecretName.PASSWORD,
}
SHARED_PLACES: Final = (Path("/run/secrets"), Path("/run/credentials"))
_MOST_BYTES: Final = 64 * 1024


def _mounted_read_only(path: Path) -> bool:
    resolved = path.resolve()
    return any(resolved.is_relative_to(place) for place in SHARED_PLACES)


def check_secrets_file(path: Path, *, posix: bool = sys.platform != "win32") -> None:
    """Raise `WentWrong` when `path` could be changed, or read, by other users (see above)."""
    try:
        info = path.stat()
    except OSError as error:
        detail = error.strerror or type(error).__name__
        raise WentWrong(
            why(Reason.SECRETS_FILE_UNREADABLE, file=str(path), detail=detail)
        ) from None
    if not stat.S_ISREG(info.st_mode):
        detail = "not a file"
        raise WentWrong(why(Reason.SECRETS_FILE_UNREADABLE, file=str(path), detail=detail))
    if not posix:
        return  # Windows: the folder's access control list decides, not mode bits
    others_write = info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
    other_owner = info.st_uid not in (os.getuid(), 0)
    if others_write or other_owner:
        raise WentWrong(why(Reason.SECRETS_FILE_WRITABLE, file=str(path)))
    if info.st_mode & (stat.S_IRGRP | stat.S_IROTH) and not _mounted_read_only(path):
        raise WentWrong(why(Reason.SECRETS_FILE_READABLE, file=str(path)))


def read_secrets_file(path: Path) -> dict[SecretName, str]:
    """The secrets in `path`, after `check_secrets_file`; a wrong line is named by its number
    only (it may hold a secret)."""
    check_secrets_file(path)
    try:
        with path.open("rb") as file:
            data = file.read(_MOST_BYTES + 1)
        if len(data) > _MOST_BYTES:
            raise ValueError("longer than 64 KiB")
        text = data.decode("utf-8")
    except (OSError, ValueError) as error:
        detail = getattr(error, "strerror", None) or str(error) or type(error).__name__
        if isinstance(error, UnicodeDecodeError):
            detail = "not UTF-8 text"
        raise WentWrong(
            why(Reason.SECRETS_FILE_UNREADABLE, file=str(path), detail=detail)
        ) from None
    found: dict[SecretName, str] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        name, sep, value = stripped.partition("=")
        name = name.strip().removeprefix("export ").strip()
        if not sep or name not in ENVIRONMENT:
            raise WentWrong(why(Reason.SECRETS_FILE_LINE_WRONG, file=str(path), line=str(number)))
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        if value:
            found[ENVIRONMENT[name]] = value
    return found


def supplied_secrets(
    secrets_file: Path | None, environ: Mapping[str, str] = os.environ
) -> dict[SecretName, str]:
    """The secrets from the file (when given) and the environment; the file wins."""
    found = {
        secret: environ[variable]
        for variable, secret in ENVIRONMENT.items()
        if environ.get(variable)
    }
    if secrets_file is not None:
        found.update(read_secrets_file(secrets_file))
    return found


class SuppliedSecrets(KeyringBackend):
    """A keyring that answers the session's Client Secret and Password with supplied values and
    hands everything else to the keyring it stands in front of."""

    @properties.classproperty
    def priority(cls) -> float:
        # Never chosen by keyring's auto-detection: handed to a SecretStore by `secret_store`.
        raise RuntimeError("given to the connector service's SecretStore, never auto-detected")

    def __init__(self, supplied: Mapping[SecretName, str], behind: KeyringBackend) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self._supplied = dict(supplied)
        self._behind = behind

    def _value(self, service: str, username: str) -> str | None:
        if service != SERVICE_NAME:
            return None
        kind = username.partition("|")[0]
        for name, value in self._supplied.items():
            if kind == name.value:
                return value
        return None

    def get_password(self, service: str, username: str) -> str | None:
        value = self._value(service, username)
        return value if value is not None else self._behind.get_password(service, username)

    def set_password(self, service: str, username: str, password: str) -> None:
        if self._value(service, username) is None:
            self._behind.set_password(service, username, password)

    def delete_password(self, service: str, username: str) -> None:
        if self._value(service, username) is None:
            self._behind.delete_password(service, username)


def secret_store(supplied: Mapping[SecretName, str]) -> SecretStore:
    """The session's secret store: `supplied` first, the OS keyring for the rest."""
    if not supplied:
        return SecretStore()
    return SecretStore(SuppliedSecrets(supplied, keyring.get_keyring()))
