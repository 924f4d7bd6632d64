"""The application interface's call and queue commands, as `Session` carries them out: the rules
and Konnekta's part are `Commands`' (commands.py); here each is carried out once per request id
(`requests.py`), and a transfer starts its follow-up (`transfers.py`).
"""

from __future__ import annotations

from ..domain.refusals import Command
from ..domain.types import CallingDevice
from .commands import Commands
from .requests import RequestLog
from .transfers import Transfers

__all__ = ["CallCommands"]


class CallCommands:
    """Dial, hang up, transfer, the attendant's commands and queue logins, for `Session`."""

    commands: Commands
    transfers: Transfers
    _requests: RequestLog

    async def dial(
        self,
        user_id: str,
        destination: str,
        device: CallingDevice,
        *,
        request_id: str | None = None,
    ) -> str:
        return await self._requests.run(
            request_id, Command.DIAL, self.commands.dial, user_id, destination, device
        )

    async def hang_up(self, call_id: str, *, request_id: str | None = None) -> None:
        await self._requests.run(request_id, Command.HANG_UP, self.commands.hang_up, call_id)

    async def transfer(
        self, call_id: str, destination: str, *, request_id: str | None = None
    ) -> None:
        await self._requests.run(request_id, Command.TRANSFER, self._transfer, call_id, destination)

    async def _transfer(self, call_id: str, destination: str) -> None:
        by = await self.commands.transfer(call_id, destination)
        self.transfers.follow(call_id, by)

    async def hold(self, user_id: str, call_id: str, *, request_id: str | None = None) -> None:
        await self._requests.run(request_id, Command.HOLD, self.commands.hold, user_id, call_id)

    async def resume(self, user_id: str, call_id: str, *, request_id: str | None = None) -> None:
        await self._requests.run(request_id, Command.RESUME, self.commands.resume, user_id, call_id)

    async def answer(self, user_id: str, call_id: str, *, request_id: str | None = None) -> None:
        await self._requests.run(request_id, Command.ANSWER, self.commands.answer, user_id, call_id)

    async def pick_up(
        self,
        user_id: str,
        call_id: str,
        device: CallingDevice,
        *,
        request_id: str | None = None,
    ) -> None:
        await self._requests.run(
            request_id, Command.PICK_UP, self.commands.pick_up, user_id, call_id, device
        )

    async def consult(
        self, user_id: str, call_id: str, destination: str, *, request_id: str | None = None
    ) -> str:
        return await self._requests.run(
            request_id, Command.CONSULT, self.commands.consult, user_id, call_id, destination
        )

    async def complete_transfer(
        self, user_id: str, call_id: str, *, request_id: str | None = None
    ) -> None:
        await self._requests.run(
            request_id, Command.COMPLETE_TRANSFER, self._complete_transfer, user_id, call_id
        )

    async def _complete_transfer(self, user_id: str, call_id: str) -> None:
        await self.commands.complete_transfer(user_id, call_id)
        self.transfers.follow(call_id, user_id)

    async def go_back(self, user_id: str, call_id: str, *, request_id: str | None = None) -> None:
        await self._requests.run(
            request_id, Command.GO_BACK, self.commands.go_back, user_id, call_id
        )

    async def set_queue_login(
        self, user_id: str, queue: str, logged_in: bool, *, request_id: str | None = None
    ) -> None:
        command = Command.QUEUE_LOG_IN if logged_in else Command.QUEUE_LOG_OUT
        await self._requests.run(
            request_id, command, self.commands.set_queue_login, user_id, queue, logged_in
        )
