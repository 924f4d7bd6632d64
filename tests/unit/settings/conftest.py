"""Fixtures for the settings tests: a settings folder in tmp_path (the keyring is in tests/conftest.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from konnekta_desktop.settings import AppPaths


@pytest.fixture
def app_paths(tmp_path: Path) -> AppPaths:
    return AppPaths.for_dir(tmp_path / "konnekta")
