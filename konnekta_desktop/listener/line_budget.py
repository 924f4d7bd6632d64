"""At most so many log lines a window; the rest are counted, and the count is logged when the
window closes, on time, rather than whenever the next line happens to come (which may be never).

The window runs on an injected `call_later` (the loop's, or a test's fake timer), so nothing here
reads a clock.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Protocol

__all__ = ["CallLater", "LineBudget"]


class Cancellable(Protocol):
    def cancel(self) -> None: ...


CallLater = Callable[[float, Callable[[], None]], Cancellable]


class LineBudget:
    """Logs `line(...)` at `level`, at most `per_window` lines per `window_seconds`; a window
    opens with the first line after a quiet spell, and `summary % count` ends it if any were
    held back."""

    def __init__(
        self,
        logger: logging.Logger,
        level: int,
        *,
        per_window: int,
        window_seconds: float,
        summary: str,
        call_later: CallLater,
    ) -> None:
        self._logger = logger
        self._level = level
        self._per_window = per_window
        self._window_seconds = window_seconds
        self._summary = summary
        self._call_later = call_later
        self._window: Cancellable | None = None
        self._lines = 0
        self._held_back = 0

    def line(self, message: str, *args: object) -> bool:
        """Log the line if the window has room; otherwise count it. True if it was logged."""
        if not self.admit():
            return False
        self._logger.log(self._level, message, *args)
        return True

    def admit(self) -> bool:
        """True if one more line fits in this window (the caller logs it, when building the line
        costs something); False if it was counted for the summary instead."""
        if self._window is None:
            self._window = self._call_later(self._window_seconds, self._window_closed)
            self._lines = 0
        if self._lines >= self._per_window:
            self._held_back += 1
            return False
        self._lines += 1
        return True

    def close(self) -> None:
        """End the window now, saying the count if any were held back (the owner stops)."""
        if self._window is not None:
            self._window.cancel()
            self._window_closed()

    def _window_closed(self) -> None:
        self._window = None
        held_back, self._held_back = self._held_back, 0
        if held_back:
            self._logger.log(self._level, self._summary, held_back)
