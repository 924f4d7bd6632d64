"""One log line per malformed HTTP request, rate-limited, instead of aiohttp's traceback each.

aiohttp logs a request it cannot parse with the whole traceback (at ERROR for some kinds, DEBUG
for others), one per request: a scanner sending garbage to the listener port filled the log. A
malformed request is the sender's fault, answered 400 by aiohttp; the log gets one WARNING line
naming the peer and what was wrong, at most `per_minute` a minute, then a count of the rest.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from aiohttp.http_exceptions import HttpProcessingError

__all__ = ["MalformedHttpLog", "install"]

AIOHTTP_SERVER_LOGGER = "aiohttp.server"


class MalformedHttpLog(logging.Filter):
    def __init__(self, per_minute: int = 10, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__()
        self._per_minute = per_minute
        self._clock = clock
        self._window_start = clock()
        self._lines = 0
        self._skipped = 0

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        if not isinstance(error, HttpProcessingError):
            return True
        now = self._clock()
        if now - self._window_start >= 60:
            if self._skipped:
                self._emit(record, f"... and {self._skipped} more malformed requests")
            self._window_start, self._lines, self._skipped = now, 0, 0
        if self._lines >= self._per_minute:
            self._skipped += 1
            return False
        self._lines += 1
        reason = (error.message or type(error).__name__).strip().splitlines()[0]
        peer = record.getMessage().removeprefix("Error handling request").strip()
        self._emit(record, f"Refused malformed HTTP {peer} ({error.code}): {reason}")
        return False

    @staticmethod
    def _emit(record: logging.LogRecord, message: str) -> None:
        logging.getLogger(record.name).handle(
            logging.LogRecord(
                record.name, logging.WARNING, record.pathname, record.lineno, message, None, None
            )
        )


_installed: MalformedHttpLog | None = None


def install() -> None:
    """Put the filter on aiohttp's server logger, once per process."""
    global _installed
    if _installed is None:
        _installed = MalformedHttpLog()
        logging.getLogger(AIOHTTP_SERVER_LOGGER).addFilter(_installed)
