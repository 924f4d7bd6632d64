"""Running coroutines from Qt slots: tasks kept alive in a set, failures shown in the window.

`qasync.asyncSlot` fails on signals without arguments under PySide6, so slots call `TaskRunner.run`.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import QCoreApplication

from ..domain.refusals import Refused
from .refusal_words import words

log = logging.getLogger(__name__)

__all__ = ["Failure", "TaskRunner"]

Report = Callable[[str], None]


class Failure(Exception):
    """An action of the window's own that failed, with the reason already in the operator's
    words (a refusal of the core is a `Refused`, worded by `refusal_words`)."""


class TaskRunner:
    """Starts coroutines on the running loop and reports what went wrong through `report`.

    A `key` names a repeatable action: starting it again cancels the run still in flight (the
    operator changed their mind), so only the latest choice reaches Konnekta.
    """

    def __init__(self, report: Report) -> None:
        self._report = report
        self._tasks: set[asyncio.Task[object]] = set()
        self._keyed: dict[str, asyncio.Task[object]] = {}

    def __len__(self) -> int:
        return len(self._tasks)

    def run[T](
        self,
        coro: Coroutine[Any, Any, T],
        *,
        key: str | None = None,
        on_success: Callable[[T], None] | None = None,
    ) -> asyncio.Task[T]:
        if key is not None and (previous := self._keyed.get(key)) is not None:
            previous.cancel()
        task = asyncio.get_running_loop().create_task(coro)
        self._tasks.add(task)
        if key is not None:
            self._keyed[key] = task
        task.add_done_callback(lambda done: self._finished(done, key, on_success))
        return task

    def _finished[T](
        self, task: asyncio.Task[T], key: str | None, on_success: Callable[[T], None] | None
    ) -> None:
        self._tasks.discard(task)
        if key is not None and self._keyed.get(key) is task:
            del self._keyed[key]
        if task.cancelled():
            return
        error = task.exception()
        if error is None:
            if on_success is not None:
                on_success(task.result())
            return
        if isinstance(error, Refused):
            log.info("Command refused: %s", error)
            self._report(words(error))
            return
        if isinstance(error, Failure):
            log.info("Action failed: %s", error)
            self._report(str(error))
            return
        log.error("An action failed", exc_info=error)
        self._report(
            QCoreApplication.translate(
                "TaskRunner",
                "Something went wrong: {error}. Try again; if it keeps happening, "
                "send the log file to your administrator.",
            ).format(error=error or type(error).__name__)
        )

    async def cancel_all(self) -> None:
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
