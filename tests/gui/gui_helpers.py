"""Shared pieces of the GUI tests: the tenant they use and a runner for coroutines under pytest-qt."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from typing import Any, TypeVar

from pytestqt.qtbot import QtBot

T = TypeVar("T")

SEED = 5
USERS = 40
OPERATOR_ID = "user-00013"  # Camilla Jeppesen: local, mobile and Teams devices; may set caller ID
NO_CALLER_ID_RIGHT = "user-00004"  # Emil Kristiansen lacks the Set Caller ID right


class Runner:
    """Runs coroutines on the qasync loop while pytest-qt spins Qt's event loop."""

    def __init__(self, loop: asyncio.AbstractEventLoop, qtbot: QtBot) -> None:
        self.loop = loop
        self.qtbot = qtbot

    def __call__(self, coro: Coroutine[Any, Any, T], timeout: int = 15_000) -> T:
        task = self.loop.create_task(coro)
        self.qtbot.waitUntil(task.done, timeout=timeout)
        return task.result()
