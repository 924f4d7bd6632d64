"""Small pieces shared by the settings window and the wrap-up dialog: background tasks started
from Qt slots, and the red inline message shown under a field.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtWidgets import QLabel, QWidget

from ..colours import text_style

log = logging.getLogger(__name__)

ErrorHandler = Callable[[BaseException], None]


class BackgroundTasks:
    """Coroutines started from Qt slots, kept alive until done, failures handed to `on_error`.

    `qasync.asyncSlot` fails on signals without arguments under PySide6, so slots start
    coroutines here instead. A task is kept in a set: asyncio holds tasks only weakly.
    """

    def __init__(self, on_error: ErrorHandler) -> None:
        self._on_error = on_error
        self._tasks: set[asyncio.Task[object]] = set()

    def start[T](self, coro: Coroutine[Any, Any, T], name: str) -> asyncio.Task[T]:
        task = asyncio.get_running_loop().create_task(coro, name=name)
        self._tasks.add(task)
        task.add_done_callback(self._done)
        return task

    @property
    def busy(self) -> bool:
        return bool(self._tasks)

    def cancel_all(self) -> None:
        for task in list(self._tasks):
            task.cancel()

    def _done(self, task: asyncio.Task[object]) -> None:
        self._tasks.discard(task)
        if task.cancelled():
            return
        error = task.exception()
        if error is not None:
            if not isinstance(error, Exception):
                log.error("Task %s stopped", task.get_name(), exc_info=error)
            self._on_error(error)


class FieldMessage(QLabel):
    """The message under a field that says what is wrong with it; hidden while the field is fine."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        text_style(self, "problem")
        self.setVisible(False)

    def show_message(self, message: str | None) -> None:
        self.setText(message or "")
        # isHidden rather than isVisible: the field may sit on a tab that is not shown yet.
        self.setHidden(not message)
