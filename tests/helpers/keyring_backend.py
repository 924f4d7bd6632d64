"""Keyring backends for tests: an in-memory keyring, and one that is present but locked.

The in-memory backend stands in for the OS keyring, which a headless test machine does not have.
For "no keyring at all" use keyring's own `keyring.backends.fail.Keyring`.
"""

from __future__ import annotations

from keyring.backend import KeyringBackend
from keyring.compat import properties
from keyring.errors import KeyringLocked, PasswordDeleteError


class InMemoryKeyring(KeyringBackend):
    """A keyring that keeps entries in a dict, visible to tests as `entries`."""

    @properties.classproperty
    def priority(cls) -> float:
        # keyring registers every backend class it sees; a priority that raises makes this one
        # "not viable", so auto-detection never picks it outside the tests that install it.
        raise RuntimeError("a test backend: install it with keyring.set_keyring()")

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        try:
            del self.entries[(service, username)]
        except KeyError:
            raise PasswordDeleteError(f"no entry for {username!r}") from None


class LockedKeyring(InMemoryKeyring):
    """A keyring that exists but refuses every operation, like a locked desktop keyring."""

    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringLocked("the keyring is locked")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise KeyringLocked("the keyring is locked")

    def delete_password(self, service: str, username: str) -> None:
        raise KeyringLocked("the keyring is locked")
