"""Fixtures for the settings tests: an in-memory keyring and a settings folder in tmp_path."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest

from konnekta_desktop.settings import AppPaths
from tests.helpers.keyring_backend import InMemoryKeyring


@pytest.fixture
def memory_keyring() -> Iterator[InMemoryKeyring]:
    """The in-memory keyring, installed as keyring's backend for the duration of the test."""
    previous = keyring.get_keyring()
    backend = InMemoryKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def app_paths(tmp_path: Path) -> AppPaths:
    return AppPaths.for_dir(tmp_path / "konnekta")
