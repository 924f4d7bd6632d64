"""Commands carried out at most once per request id.

A client that sent a command and lost the answer sends it again with the same id; it gets the
first answer instead of a second call placed or a second transfer. Ids are remembered for the
last `keep` commands, which covers any retry a client makes.

An id names one command with its arguments. The same id with another command (a client that
reuses ids) is refused, never answered with the first command's result: a hang-up must not be
reported done because a dial once had its id.
"""

from __future__ import annotations

import asyncio
import uuid
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from typing import Any

from ..domain.refusals import Command, Reason, Refused

__all__ = ["RequestLog"]


class RequestLog:
    def __init__(self, keep: int = 1024) -> None:
        self._keep = keep
        self._seen: OrderedDict[str, tuple[tuple[object, ...], asyncio.Future[Any]]] = OrderedDict()

    def __len__(self) -> int:
        return len(self._seen)

    async def run[*Args, T](
        self,
        request_id: str | None,
        command: Command,
        action: Callable[[*Args], Awaitable[T]],
        *args: *Args,
    ) -> T:
        """Carry out `action(*args)` unless `request_id` was seen; then answer as it was answered
        (its result, or the same refusal). No id: a new one, so the command always runs.
        `REQUEST_ID_REUSED` when the id was seen with another command or other arguments."""
        key = request_id or uuid.uuid4().hex
        what = (command, *args)
        seen = self._seen.get(key)
        if seen is None:
            seen = (what, asyncio.ensure_future(action(*args)))
            self._seen[key] = seen
            while len(self._seen) > self._keep:
                self._seen.popitem(last=False)
        elif seen[0] != what:
            raise Refused(Reason.REQUEST_ID_REUSED, command=command.value, request_id=key)
        result: T = await asyncio.shield(seen[1])
        return result
