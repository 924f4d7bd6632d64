"""The commands a client may send, each with its arguments, the catalogue word it is refused
under, and the switchboard call that carries it out (`Switchboard` in domain/interface.py).

A request id goes through to the switchboard unchanged: the session carries a command out once
per id, whichever connection it came on, so a client that lost the answer sends it again safely.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Final

import msgspec

from ..domain.interface import Role, Switchboard
from ..domain.list_edits import ListEdit
from ..domain.refusals import Command, Reason, Refused, Why, why
from ..domain.types import Activity, CallerIds, CallingDevice
from ..domain.wrapups import WrapUpSession
from .protocol import CommandRefused, CommandRequest, CommandResult, ErrorMessage, wire_why

__all__ = ["COMMANDS", "Caller", "CommandSpec", "carry_out"]

log = logging.getLogger(__name__)

_DETAIL_MOST = 200


class DialArguments(msgspec.Struct, frozen=True, kw_only=True):
    user_id: str
    destination: str
    device: CallingDevice


class HangUpArguments(msgspec.Struct, frozen=True, kw_only=True):
    call_id: str


class TransferArguments(msgspec.Struct, frozen=True, kw_only=True):
    call_id: str
    destination: str


class CallLegArguments(msgspec.Struct, frozen=True, kw_only=True):
    """The user's leg of a call: hold, resume, answer, complete_transfer and go_back."""

    user_id: str
    call_id: str


class PickUpArguments(msgspec.Struct, frozen=True, kw_only=True):
    user_id: str  # who takes the call
    call_id: str  # ringing at a colleague, or waiting in a queue
    device: CallingDevice


class ConsultArguments(msgspec.Struct, frozen=True, kw_only=True):
    user_id: str
    call_id: str  # the call held meanwhile
    destination: str


class SetQueueLoginArguments(msgspec.Struct, frozen=True, kw_only=True):
    user_id: str
    queue: str  # the queue's name
    logged_in: bool


class SaveTenantSettingsArguments(msgspec.Struct, frozen=True, kw_only=True):
    values: dict[str, Any]  # option name -> value, as settings.toml writes it


class SaveListsArguments(msgspec.Struct, frozen=True, kw_only=True):
    edits: list[ListEdit]  # carried out in order


class SetForwardingArguments(msgspec.Struct, frozen=True, kw_only=True):
    user_id: str
    number: str | None  # null clears the forwarding


class SetCallerIdArguments(msgspec.Struct, frozen=True, kw_only=True):
    user_id: str
    number: str


class SetTemplateArguments(msgspec.Struct, frozen=True, kw_only=True):
    user_id: str
    template_name: str


class CompleteWrapupArguments(msgspec.Struct, frozen=True, kw_only=True):
    wrapup: WrapUpSession  # as the snapshot or an update listed it
    note: str = ""
    code: str = ""


class CallerIdsArguments(msgspec.Struct, frozen=True, kw_only=True):
    user_id: str


class ActivitiesArguments(msgspec.Struct, frozen=True, kw_only=True):
    pass


Runner = Callable[[Switchboard, Any, str], Awaitable[object]]


@dataclass(frozen=True, slots=True)
class CommandSpec:
    arguments: type[msgspec.Struct]
    result: Any  # the type of `result.value` (for the documented schema)
    command: Command  # how a refusal names it
    run: Runner
    owner: Callable[[Any], str] | None = None  # the user whose own command it is, if anyone's
    administrators: bool = False  # only for administrators (the tenant's lists and settings)


@dataclass(frozen=True, slots=True)
class Caller:
    """Who sent a command: the operator's role and user id (None when not in Konnekta)."""

    role: Role
    user_id: str | None


async def _dial(board: Switchboard, a: DialArguments, rid: str) -> str:
    return await board.dial(a.user_id, a.destination, a.device, request_id=rid)


async def _hang_up(board: Switchboard, a: HangUpArguments, rid: str) -> None:
    await board.hang_up(a.call_id, request_id=rid)


async def _transfer(board: Switchboard, a: TransferArguments, rid: str) -> None:
    await board.transfer(a.call_id, a.destination, request_id=rid)


async def _hold(board: Switchboard, a: CallLegArguments, rid: str) -> None:
    await board.hold(a.user_id, a.call_id, request_id=rid)


async def _resume(board: Switchboard, a: CallLegArguments, rid: str) -> None:
    await board.resume(a.user_id, a.call_id, request_id=rid)


async def _answer(board: Switchboard, a: CallLegArguments, rid: str) -> None:
    await board.answer(a.user_id, a.call_id, request_id=rid)


async def _pick_up(board: Switchboard, a: PickUpArguments, rid: str) -> None:
    await board.pick_up(a.user_id, a.call_id, a.device, request_id=rid)


async def _consult(board: Switchboard, a: ConsultArguments, rid: str) -> str:
    return await board.consult(a.user_id, a.call_id, a.destination, request_id=rid)


async def _complete_transfer(board: Switchboard, a: CallLegArguments, rid: str) -> None:
    await board.complete_transfer(a.user_id, a.call_id, request_id=rid)


async def _go_back(board: Switchboard, a: CallLegArguments, rid: str) -> None:
    await board.go_back(a.user_id, a.call_id, request_id=rid)


async def _set_queue_login(board: Switchboard, a: SetQueueLoginArguments, rid: str) -> None:
    await board.set_queue_login(a.user_id, a.queue, a.logged_in, request_id=rid)


async def _save_tenant_settings(
    board: Switchboard, a: SaveTenantSettingsArguments, rid: str
) -> None:
    await board.save_tenant_settings(a.values, request_id=rid)


async def _save_lists(board: Switchboard, a: SaveListsArguments, rid: str) -> None:
    await board.save_lists(a.edits, request_id=rid)


async def _set_forwarding(board: Switchboard, a: SetForwardingArguments, rid: str) -> None:
    await board.set_forwarding(a.user_id, a.number, request_id=rid)


async def _set_caller_id(board: Switchboard, a: SetCallerIdArguments, rid: str) -> None:
    await board.set_caller_id(a.user_id, a.number, request_id=rid)


async def _set_template(board: Switchboard, a: SetTemplateArguments, rid: str) -> None:
    await board.set_template(a.user_id, a.template_name, request_id=rid)


async def _complete_wrapup(board: Switchboard, a: CompleteWrapupArguments, rid: str) -> None:
    await board.complete_wrapup(a.wrapup, a.note, a.code, request_id=rid)


async def _caller_ids(board: Switchboard, a: CallerIdsArguments, _rid: str) -> CallerIds:
    return await board.caller_ids(a.user_id)


async def _activities(board: Switchboard, _a: ActivitiesArguments, _rid: str) -> list[Activity]:
    return await board.activities()


COMMANDS: Final[dict[str, CommandSpec]] = {
    "dial": CommandSpec(DialArguments, str, Command.DIAL, _dial),
    "hang_up": CommandSpec(HangUpArguments, None, Command.HANG_UP, _hang_up),
    "transfer": CommandSpec(TransferArguments, None, Command.TRANSFER, _transfer),
    "hold": CommandSpec(CallLegArguments, None, Command.HOLD, _hold),
    "resume": CommandSpec(CallLegArguments, None, Command.RESUME, _resume),
    "answer": CommandSpec(CallLegArguments, None, Command.ANSWER, _answer),
    "pick_up": CommandSpec(PickUpArguments, None, Command.PICK_UP, _pick_up),
    "consult": CommandSpec(ConsultArguments, str, Command.CONSULT, _consult),
    "complete_transfer": CommandSpec(
        CallLegArguments, None, Command.COMPLETE_TRANSFER, _complete_transfer
    ),
    "go_back": CommandSpec(CallLegArguments, None, Command.GO_BACK, _go_back),
    "set_queue_login": CommandSpec(
        SetQueueLoginArguments, None, Command.QUEUE_LOG_IN, _set_queue_login
    ),
    "set_forwarding": CommandSpec(
        SetForwardingArguments, None, Command.SET_FORWARDING, _set_forwarding
    ),
    "save_lists": CommandSpec(
        SaveListsArguments, None, Command.SAVE_LISTS, _save_lists, administrators=True
    ),
    "save_tenant_settings": CommandSpec(
        SaveTenantSettingsArguments,
        None,
        Command.SAVE_TENANT_SETTINGS,
        _save_tenant_settings,
        administrators=True,
    ),
    "set_caller_id": CommandSpec(SetCallerIdArguments, None, Command.SET_CALLER_ID, _set_caller_id),
    "set_template": CommandSpec(SetTemplateArguments, None, Command.SET_STATE, _set_template),
    "complete_wrapup": CommandSpec(
        CompleteWrapupArguments,
        None,
        Command.COMPLETE_WRAPUP,
        _complete_wrapup,
        owner=lambda a: a.wrapup.user_id,
    ),
    "caller_ids": CommandSpec(CallerIdsArguments, CallerIds, Command.LOAD_CALLER_IDS, _caller_ids),
    "activities": CommandSpec(
        ActivitiesArguments, list[Activity], Command.LOAD_ACTIVITIES, _activities
    ),
}
"""Every command by name. Operators may send each of them, for colleagues too; a command with an
`owner` only for that user (a wrap-up by its own operator). The tenant's lists (states,
templates, appointments, mappings) are not offered yet: they will be `administrators` only."""

Answer = CommandResult | CommandRefused | ErrorMessage


def _cut(text: str) -> str:
    return text if len(text) <= _DETAIL_MOST else text[:_DETAIL_MOST] + "…"


def _not_allowed(spec: CommandSpec, arguments: Any, caller: Caller) -> Why | None:
    if spec.administrators and caller.role is not Role.ADMINISTRATOR:
        return why(Reason.ADMINISTRATORS_ONLY, command=spec.command.value)
    if spec.owner is not None:
        owner = spec.owner(arguments)
        if owner != caller.user_id:
            return why(Reason.WRAPUP_NOT_YOURS, user=owner)
    return None


async def carry_out(board: Switchboard, request: CommandRequest, caller: Caller) -> Answer:
    """Carry `request` out on `board` for `caller` and say how it went; never raises (but when
    cancelled)."""
    rid = request.request_id
    spec = COMMANDS.get(request.name)
    if spec is None:
        said = why(Reason.COMMAND_UNKNOWN, name=_cut(request.name))
        return ErrorMessage(why=wire_why(said), request_id=rid)
    try:
        arguments = msgspec.convert(request.arguments, spec.arguments)
    except msgspec.ValidationError as error:
        said = why(Reason.MESSAGE_FIELDS_WRONG, detail=_cut(f"arguments: {error}"))
        return ErrorMessage(why=wire_why(said), request_id=rid)
    refusal = _not_allowed(spec, arguments, caller)
    if refusal is not None:
        return CommandRefused(request_id=rid, why=wire_why(refusal))
    try:
        value = await spec.run(board, arguments, rid)
    except Refused as refused:
        return CommandRefused(request_id=rid, why=wire_why(refused.why))
    except Exception:
        log.exception("Command %s (request %s) failed", request.name, rid)
        said = why(Reason.CONNECTOR_FAULT, command=spec.command.value)
        return CommandRefused(request_id=rid, why=wire_why(said))
    return CommandResult(request_id=rid, value=value)
