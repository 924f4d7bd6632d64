"""What the Settings window needs of a running session besides the application interface:
the settings file, the keyring and the folders of this desktop, and taking new settings into use."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from ..domain.refusals import Why
from .paths import AppPaths
from .schema import Settings
from .secret_store import SecretStore

__all__ = ["SettingsDoor"]


class SettingsDoor(Protocol):
    @property
    def settings(self) -> Settings | None:
        """The settings in use (None for a session built without a settings file)."""

    @property
    def secrets(self) -> SecretStore | None: ...

    @property
    def paths(self) -> AppPaths | None: ...

    @property
    def settings_problems(self) -> Sequence[Why]:
        """Why the saved settings cannot be used yet (first run: what to fill in)."""

    @property
    def settings_notes(self) -> Sequence[Why]:
        """What was wrong in the settings file as it was read (a value of the wrong type, keys
        this version does not know): the defaults were used instead, and the operator is told."""

    def apply_settings(self, settings: Settings) -> None:
        """Take saved settings into use that need no reconnect (numbers, mappings, wrap-up...)."""

    async def reconnect(self, settings: Settings) -> None:
        """Take saved settings into use, reconnecting to the PBX with the new connection."""
