"""Shared test set-up: Qt runs offscreen, and no test touches the real keyring or config folders."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator

import keyring
import pytest

from tests.helpers.keyring_backend import InMemoryKeyring

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[InMemoryKeyring]:
    """An in-memory keyring for every test: this machine has no OS keyring, and tests must not
    touch a developer's real one."""
    previous = keyring.get_keyring()
    backend = InMemoryKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def restore_logging() -> Iterator[None]:
    """A run of the app configures the root logger (stderr and the log file, `logs.setup`); put
    pytest's handlers and level back afterwards, closing the app's."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in list(root.handlers):
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    for handler in handlers:
        if handler not in root.handlers:
            root.addHandler(handler)
    root.setLevel(level)
