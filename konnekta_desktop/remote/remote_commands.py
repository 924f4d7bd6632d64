"""`RemoteSession`'s commands: each sent to the company connector with its request id and its
arguments (`commands.py`), and its answer read back.

Call commands (dial, hang up, transfer and the attendant's) are refused here while the switchboard
is stale (`CALLS_WAIT_UNTIL_LIVE`): what it shows may be out of date. Any command is refused while
the connector cannot be reached (`client.py`).
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

import msgspec

from ..domain.list_edits import ListEdit
from ..domain.refusals import Command, Reason, Refused
from ..domain.types import Activity, CallerIds, CallingDevice
from ..domain.wrapups import WrapUpSession
from .client import ConnectorLink
from .commands import (
    ActivitiesArguments,
    CallerIdsArguments,
    CallLegArguments,
    CompleteWrapupArguments,
    ConsultArguments,
    DialArguments,
    HangUpArguments,
    PickUpArguments,
    SaveListsArguments,
    SaveTenantSettingsArguments,
    SetCallerIdArguments,
    SetForwardingArguments,
    SetQueueLoginArguments,
    SetTemplateArguments,
    TransferArguments,
)
from .mirror import Mirror

__all__ = ["RemoteCommands"]


class RemoteCommands:
    """The application interface's commands over the client API, for `RemoteSession`."""

    _link: ConnectorLink
    _mirror: Mirror

    @property
    def address(self) -> str:
        """The client API's address (ws://host:port/client)."""
        return self._link.address

    @property
    def stale(self) -> bool:
        raise NotImplementedError  # the session's

    async def _run(
        self,
        command: Command,
        name: str,
        arguments: msgspec.Struct,
        request_id: str | None,
        *,
        call: bool = False,
    ) -> Any:
        if call and self.stale:
            raise Refused(Reason.CALLS_WAIT_UNTIL_LIVE, command=command.value)
        wire = msgspec.to_builtins(arguments)
        return await self._link.request(name, wire, command, request_id or uuid.uuid4().hex)

    def _value[T](self, value: Any, kind: type[T], command: Command) -> T:
        try:
            return msgspec.convert(value, kind)
        except msgspec.ValidationError as error:
            detail = f"{command.value}: {error}"[:200]
            raise Refused(
                Reason.CONNECTOR_ANSWER_UNEXPECTED, address=self.address, detail=detail
            ) from None

    async def dial(
        self,
        user_id: str,
        destination: str,
        device: CallingDevice,
        *,
        request_id: str | None = None,
    ) -> str:
        arguments = DialArguments(user_id=user_id, destination=destination, device=device)
        value = await self._run(Command.DIAL, "dial", arguments, request_id, call=True)
        return self._value(value, str, Command.DIAL)

    async def hang_up(self, call_id: str, *, request_id: str | None = None) -> None:
        arguments = HangUpArguments(call_id=call_id)
        await self._run(Command.HANG_UP, "hang_up", arguments, request_id, call=True)

    async def transfer(
        self, call_id: str, destination: str, *, request_id: str | None = None
    ) -> None:
        arguments = TransferArguments(call_id=call_id, destination=destination)
        await self._run(Command.TRANSFER, "transfer", arguments, request_id, call=True)

    # -- the attendant's call commands -------------------------------------------------------

    async def _on_leg(
        self, command: Command, name: str, user_id: str, call_id: str, request_id: str | None
    ) -> None:
        arguments = CallLegArguments(user_id=user_id, call_id=call_id)
        await self._run(command, name, arguments, request_id, call=True)

    async def hold(self, user_id: str, call_id: str, *, request_id: str | None = None) -> None:
        await self._on_leg(Command.HOLD, "hold", user_id, call_id, request_id)

    async def resume(self, user_id: str, call_id: str, *, request_id: str | None = None) -> None:
        await self._on_leg(Command.RESUME, "resume", user_id, call_id, request_id)

    async def answer(self, user_id: str, call_id: str, *, request_id: str | None = None) -> None:
        await self._on_leg(Command.ANSWER, "answer", user_id, call_id, request_id)

    async def pick_up(
        self,
        user_id: str,
        call_id: str,
        device: CallingDevice,
        *,
        request_id: str | None = None,
    ) -> None:
        arguments = PickUpArguments(user_id=user_id, call_id=call_id, device=device)
        await self._run(Command.PICK_UP, "pick_up", arguments, request_id, call=True)

    async def consult(
        self, user_id: str, call_id: str, destination: str, *, request_id: str | None = None
    ) -> str:
        arguments = ConsultArguments(user_id=user_id, call_id=call_id, destination=destination)
        value = await self._run(Command.CONSULT, "consult", arguments, request_id, call=True)
        return self._value(value, str, Command.CONSULT)

    async def complete_transfer(
        self, user_id: str, call_id: str, *, request_id: str | None = None
    ) -> None:
        await self._on_leg(
            Command.COMPLETE_TRANSFER, "complete_transfer", user_id, call_id, request_id
        )

    async def go_back(self, user_id: str, call_id: str, *, request_id: str | None = None) -> None:
        await self._on_leg(Command.GO_BACK, "go_back", user_id, call_id, request_id)

    async def set_queue_login(
        self, user_id: str, queue: str, logged_in: bool, *, request_id: str | None = None
    ) -> None:
        command = Command.QUEUE_LOG_IN if logged_in else Command.QUEUE_LOG_OUT
        arguments = SetQueueLoginArguments(user_id=user_id, queue=queue, logged_in=logged_in)
        await self._run(command, "set_queue_login", arguments, request_id)

    async def save_tenant_settings(
        self, values: Mapping[str, object], *, request_id: str | None = None
    ) -> None:
        arguments = SaveTenantSettingsArguments(values=dict(values))
        await self._run(Command.SAVE_TENANT_SETTINGS, "save_tenant_settings", arguments, request_id)

    async def save_lists(self, edits: list[ListEdit], *, request_id: str | None = None) -> None:
        arguments = SaveListsArguments(edits=edits)
        await self._run(Command.SAVE_LISTS, "save_lists", arguments, request_id)

    # -- forwarding, caller ID, states, wrap-ups ---------------------------------------------

    async def set_forwarding(
        self, user_id: str, number: str | None, *, request_id: str | None = None
    ) -> None:
        arguments = SetForwardingArguments(user_id=user_id, number=number)
        await self._run(Command.SET_FORWARDING, "set_forwarding", arguments, request_id)

    async def set_caller_id(
        self, user_id: str, number: str, *, request_id: str | None = None
    ) -> None:
        arguments = SetCallerIdArguments(user_id=user_id, number=number)
        await self._run(Command.SET_CALLER_ID, "set_caller_id", arguments, request_id)

    async def caller_ids(self, user_id: str) -> CallerIds:
        arguments = CallerIdsArguments(user_id=user_id)
        value = await self._run(Command.LOAD_CALLER_IDS, "caller_ids", arguments, None)
        return self._value(value, CallerIds, Command.LOAD_CALLER_IDS)

    async def set_template(
        self, user_id: str, template_name: str, *, request_id: str | None = None
    ) -> None:
        arguments = SetTemplateArguments(user_id=user_id, template_name=template_name)
        await self._run(Command.SET_STATE, "set_template", arguments, request_id)

    async def complete_wrapup(
        self,
        wrapup: WrapUpSession,
        note: str = "",
        code: str = "",
        *,
        request_id: str | None = None,
    ) -> None:
        arguments = CompleteWrapupArguments(wrapup=wrapup, note=note, code=code)
        await self._run(Command.COMPLETE_WRAPUP, "complete_wrapup", arguments, request_id)
        self._mirror.wrapups.pop(wrapup.call_id, None)

    async def activities(self) -> list[Activity]:
        arguments = ActivitiesArguments()
        value = await self._run(Command.LOAD_ACTIVITIES, "activities", arguments, None)
        return self._value(value, list[Activity], Command.LOAD_ACTIVITIES)
