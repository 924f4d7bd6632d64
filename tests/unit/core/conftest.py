"""Fixtures shared by the core's unit tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from konnekta_desktop.core.store import Store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A fresh store in its own SQLite file."""
    with Store(tmp_path / "store.sqlite3") as store:
        yield store
