"""The Client Secret and Password, kept in the operating system's keyring and never in a file.

When there is no usable keyring, they are kept in memory for this run only and the store says so.
Entries are scoped by the Issuer URI and the client id or user they belong to, so that two tenants
(or two service accounts) on one computer do not overwrite each other's secrets.
"""

from __future__ import annotations

import contextlib
import logging
from enum import StrEnum
from typing import Final

import keyring
import keyring.backends.fail
from keyring.backend import KeyringBackend
from keyring.errors import NoKeyringError, PasswordDeleteError

from ..domain.refusals import Reason, Why, english, why
from .schema import Secret, Settings

SERVICE_NAME: Final = "konnekta-desktop"

log = logging.getLogger(__name__)


class SecretName(StrEnum):
    CLIENT_SECRET = "client_secret"
    PASSWORD = "password"


def keyring_account(name: SecretName, settings: Settings) -> str:
    """The keyring entry name for one secret: what it is, which login server, whose it is.

    The Client Secret belongs to the client id, the Password to the service account user.
    """
    owner = settings.client_id if name is SecretName.CLIENT_SECRET else settings.user
    return f"{name.value}|{settings.issuer_uri.strip().rstrip('/')}|{owner.strip()}"


class SecretStore:
    """Reads and writes the secrets of `Settings`, falling back to memory without a keyring."""

    def __init__(self, backend: KeyringBackend | None = None, *, service: str = SERVICE_NAME):
        self._service = service
        self._session: dict[str, Secret] = {}
        self._problem: Why | None = None
        if backend is None:
            try:
                backend = keyring.get_keyring()
            except Exception as error:  # a broken keyring must never stop the app
                log.warning("The system keyring could not be loaded: %s", type(error).__name__)
                backend = keyring.backends.fail.Keyring()  # type: ignore[no-untyped-call]
        self._backend = backend
        if isinstance(backend, keyring.backends.fail.Keyring):
            self._give_up(None)

    @property
    def available(self) -> bool:
        """False once the keyring is missing or failed: secrets then last for this run only."""
        return self._problem is None

    @property
    def problem(self) -> Why | None:
        """What to tell the operator when secrets cannot be saved, else None."""
        return self._problem

    def _give_up(self, error: Exception | None) -> None:
        if self._problem is not None:
            return
        if error is None or isinstance(error, NoKeyringError):
            self._problem = why(Reason.NO_KEYRING)
        else:
            # Only the kind of error: a backend's message is not ours to vouch for.
            self._problem = why(Reason.KEYRING_FAILED, kind=type(error).__name__)
        log.warning("%s", english(self._problem))

    def get(self, name: SecretName, settings: Settings) -> Secret:
        return self.read(keyring_account(name, settings))

    def put(self, name: SecretName, settings: Settings, value: Secret) -> None:
        """Keep `value` (an empty one removes the entry)."""
        self.write(keyring_account(name, settings), value)

    def read(self, account: str) -> Secret:
        """The secret kept under `account` (empty when none)."""
        if account in self._session:
            return self._session[account]
        if not self.available:
            return Secret()
        try:
            value = self._backend.get_password(self._service, account)
        except Exception as error:
            self._give_up(error)
            return Secret()
        return Secret(value or "")

    def write(self, account: str, value: Secret) -> None:
        """Keep `value` under `account` (an empty one removes the entry)."""
        self._session[account] = value
        if not self.available:
            return
        try:
            if value:
                self._backend.set_password(self._service, account, value.reveal())
            else:
                self._delete(account)
        except Exception as error:
            self._give_up(error)

    def _delete(self, account: str) -> None:
        # Nothing stored under this name means the goal is reached.
        with contextlib.suppress(PasswordDeleteError):
            self._backend.delete_password(self._service, account)

    def fill(self, settings: Settings) -> Settings:
        """`settings` with the Client Secret and Password read from the store."""
        return settings.replace(
            client_secret=self.get(SecretName.CLIENT_SECRET, settings),
            password=self.get(SecretName.PASSWORD, settings),
        )

    def save(self, settings: Settings, previous: Settings | None = None) -> None:
        """Store the secrets of `settings`; drop the entries of `previous` that no longer apply."""
        for name in SecretName:
            self.put(name, settings, getattr(settings, name.value))
            if previous is not None:
                old_account = keyring_account(name, previous)
                if old_account != keyring_account(name, settings):
                    self._session.pop(old_account, None)
                    if self.available:
                        try:
                            self._delete(old_account)
                        except Exception as error:
                            self._give_up(error)
