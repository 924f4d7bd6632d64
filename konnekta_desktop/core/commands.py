"""The one place every operator command passes through: checked against the rules, then sent.

The attendant's call commands (hold, resume, answer, pick up, consult, complete a transfer, go
back) act on one user's leg of a call, on the line that leg came in on: a Mobile line's call
is not controlled, as for hang up and transfer.

A command that breaks a rule is refused before anything reaches Konnekta; a failure from Konnekta is
refused too. Both raise `Refused` with a code from the catalogue (`domain/refusals.py`).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Protocol, TypeVar

from ..domain.colleagues import Colleague
from ..domain.numbers import NumberPlan
from ..domain.refusals import Command, Reason, Refused
from ..domain.types import Call, CallerIds, CallingDevice, CallState, Line, LineType, Right
from ..konnekta.api import SmgClient
from ..konnekta.errors import Forbidden, KonnektaError, NotFound, Unprocessable
from .model import LiveModel
from .monitoring import ensure_call_control, monitoring_number

log = logging.getLogger(__name__)

T = TypeVar("T")


class PbxLink(Protocol):
    """Who holds the client of the PBX and the number plan (the connector): read at each
    command, as a reconnect or new number settings replace them."""

    @property
    def api(self) -> SmgClient: ...
    @property
    def plan(self) -> NumberPlan: ...


class Commands:
    """Dial, hang up, transfer, the attendant's call commands, queue logins, forwarding, caller
    ID. State changes go through `PresenceService`."""

    def __init__(self, link: PbxLink, model: LiveModel) -> None:
        self._link = link
        self._model = model

    @property
    def api(self) -> SmgClient:
        return self._link.api

    @property
    def plan(self) -> NumberPlan:
        return self._link.plan

    # -- checks ------------------------------------------------------------------------------

    def colleague(self, user_id: str) -> Colleague:
        colleague = self._model.get(user_id)
        if colleague is None:
            raise Refused(Reason.USER_UNKNOWN, user=user_id)
        return colleague

    def destination(self, text: str) -> str:
        """The number to send to Konnekta for what the operator typed, in E.164 or short form;
        `NumberError` (a `Refused`) says what is wrong with it."""
        return self.plan.normalise(text)

    @staticmethod
    def controlled_line(colleague: Colleague, number: str | None = None) -> Line:
        """The line a command acts on: the one matching `number`, else the first Fixed line."""
        lines = colleague.user.lines
        if not lines:
            raise Refused(Reason.NO_PHONE_LINE, name=colleague.user.name)
        if number is not None:
            for line in lines:
                if number in (line.number, monitoring_number(line)) or any(
                    alias.number == number for alias in line.aliases
                ):
                    return line
        fixed = [line for line in lines if line.type is LineType.FIXED]
        return fixed[0] if fixed else lines[0]

    def _ensure_control(self, line: Line) -> None:
        ensure_call_control(line)

    @staticmethod
    def _ensure_device(colleague: Colleague, device: CallingDevice) -> None:
        if device not in colleague.user.devices:
            if device is CallingDevice.TEAMS:
                raise Refused(Reason.NO_TEAMS_TELEPHONY, name=colleague.user.name)
            raise Refused(Reason.NO_SUCH_DEVICE, name=colleague.user.name, device=device.value)

    def _call(self, call_id: str) -> Call:
        """The leg of the call a command checks its rules on: the answered one (whoever talks
        in it), else the first user's by id, so the answer never depends on set order."""
        legs = [call for call in self._model.active_calls() if call.call_id == call_id]
        if not legs:
            raise Refused(Reason.CALL_ENDED)
        return min(legs, key=lambda leg: (leg.state is not CallState.ANSWERED, leg.user_id))

    def _controlled_leg(self, user_id: str, call_id: str) -> tuple[Colleague, Call]:
        """The user and their leg of the call, when its line allows call control; a call the
        user has no leg in (any more) has ended for them."""
        colleague = self.colleague(user_id)
        own = colleague.calls.get(call_id)
        if own is None:
            raise Refused(Reason.CALL_ENDED)
        self._ensure_control(self.controlled_line(colleague, _own_number(own)))
        return colleague, own

    # -- commands ----------------------------------------------------------------------------

    async def dial(
        self,
        user_id: str,
        destination: str,
        device: CallingDevice,
        *,
        from_number: str | None = None,
    ) -> str:
        colleague = self.colleague(user_id)
        number = self.destination(destination)
        self._ensure_control(self.controlled_line(colleague, from_number))
        self._ensure_device(colleague, device)
        log.info("Dial %s for %s from %s", number, colleague.user.name, device.value)
        return await self._send(Command.DIAL, self.api.make_call(user_id, number, device))

    async def hang_up(self, call_id: str) -> None:
        call = self._call(call_id)
        colleague = self.colleague(call.user_id)
        self._ensure_control(self.controlled_line(colleague, _own_number(call)))
        log.info("Hang up call %s", call_id)
        await self._send(Command.HANG_UP, self.api.hang_up(call_id))

    async def transfer(self, call_id: str, destination: str) -> str:
        """Blind transfer; answers whose leg was transferred (the one talking in the call)."""
        call = self._call(call_id)
        number = self.destination(destination)
        colleague = self.colleague(call.user_id)
        self._ensure_control(self.controlled_line(colleague, _own_number(call)))
        log.info("Transfer call %s to %s", call_id, number)
        await self._send(Command.TRANSFER, self.api.transfer(call_id, number))
        return call.user_id

    # -- the attendant's call commands: each on `user_id`'s leg of `call_id` ----------------

    async def hold(self, user_id: str, call_id: str) -> None:
        colleague, _ = self._controlled_leg(user_id, call_id)
        log.info("Hold call %s of %s", call_id, colleague.user.name)
        await self._send(Command.HOLD, self.api.hold(user_id, call_id))

    async def resume(self, user_id: str, call_id: str) -> None:
        colleague, _ = self._controlled_leg(user_id, call_id)
        log.info("Resume call %s of %s", call_id, colleague.user.name)
        await self._send(Command.RESUME, self.api.resume(user_id, call_id))

    async def answer(self, user_id: str, call_id: str) -> None:
        colleague, _ = self._controlled_leg(user_id, call_id)
        log.info("Answer call %s for %s", call_id, colleague.user.name)
        await self._send(Command.ANSWER, self.api.answer(user_id, call_id))

    async def pick_up(self, user_id: str, call_id: str, device: CallingDevice) -> None:
        """A call ringing at a colleague, or waiting in a queue, to the user's `device`."""
        colleague = self.colleague(user_id)
        self._ensure_control(self.controlled_line(colleague))
        self._ensure_device(colleague, device)
        queue = self._model.waiting_call(call_id)
        if queue is None:
            ringing = self._call(call_id)  # refused when it is neither ringing nor waiting
            owner = self.colleague(ringing.user_id)
            self._ensure_control(self.controlled_line(owner, _own_number(ringing)))
        where = f"queue {queue.name}" if queue is not None else "a colleague"
        log.info("Pick up call %s from %s for %s", call_id, where, colleague.user.name)
        await self._send(Command.PICK_UP, self.api.pick_up(user_id, call_id, device))

    async def consult(self, user_id: str, call_id: str, destination: str) -> str:
        """Hold the call and call `destination`; answers the consultation's call id."""
        number = self.destination(destination)
        colleague, _ = self._controlled_leg(user_id, call_id)
        log.info("Consult %s about call %s for %s", number, call_id, colleague.user.name)
        return await self._send(Command.CONSULT, self.api.consult(user_id, call_id, number))

    async def complete_transfer(self, user_id: str, call_id: str) -> None:
        colleague, _ = self._controlled_leg(user_id, call_id)
        log.info("Complete the transfer of call %s by %s", call_id, colleague.user.name)
        await self._send(Command.COMPLETE_TRANSFER, self.api.complete_transfer(user_id, call_id))

    async def go_back(self, user_id: str, call_id: str) -> None:
        colleague, _ = self._controlled_leg(user_id, call_id)
        log.info("Go back to call %s for %s", call_id, colleague.user.name)
        await self._send(Command.GO_BACK, self.api.go_back(user_id, call_id))

    async def set_queue_login(self, user_id: str, queue: str, logged_in: bool) -> None:
        """Log the user in to `queue` or out of it; Konnekta says who may (its agents)."""
        colleague = self.colleague(user_id)
        if logged_in:
            log.info("Log %s in to queue %s", colleague.user.name, queue)
            await self._send(Command.QUEUE_LOG_IN, self.api.log_in_to_queue(user_id, queue))
        else:
            log.info("Log %s out of queue %s", colleague.user.name, queue)
            await self._send(Command.QUEUE_LOG_OUT, self.api.log_out_of_queue(user_id, queue))

    # -- forwarding and caller ID ------------------------------------------------------------

    async def set_forwarding(self, user_id: str, number: str | None) -> None:
        colleague = self.colleague(user_id)
        if number is None or not number.strip():
            log.info("Clear forwarding of %s", colleague.user.name)
            await self._send(Command.CLEAR_FORWARDING, self.api.clear_diversion(user_id))
            return
        target = self.destination(number)
        log.info("Forward %s to %s", colleague.user.name, target)
        await self._send(Command.SET_FORWARDING, self.api.set_diversion(user_id, target))

    async def caller_ids(self, user_id: str) -> CallerIds:
        """The user's caller ID now and the ones Konnekta lets them choose from."""
        self.colleague(user_id)
        return await self._send(Command.LOAD_CALLER_IDS, self.api.caller_ids(user_id))

    async def set_caller_id(self, user_id: str, number: str) -> None:
        colleague = self.colleague(user_id)
        if Right.SET_CALLER_ID not in colleague.user.rights:
            raise Refused(Reason.NO_CALLER_ID_RIGHT, name=colleague.user.name)
        wanted = self.destination(number)  # a typing mistake is refused before Konnekta is asked
        valid = (await self._send(Command.LOAD_CALLER_IDS, self.api.caller_ids(user_id))).valid
        if not any(self.plan.same(wanted, option) for option in valid):
            raise Refused(
                Reason.CALLER_ID_NOT_VALID,
                number=self.plan.display(wanted),
                name=colleague.user.name,
                valid=", ".join(self.plan.display(option) for option in valid),
            )
        chosen = next(option for option in valid if self.plan.same(wanted, option))
        log.info("Caller ID of %s -> %s", colleague.user.name, chosen)
        await self._send(Command.SET_CALLER_ID, self.api.set_caller_id(user_id, chosen))

    async def clear_caller_id(self, user_id: str) -> None:
        """Back to the default caller ID that Konnekta's configuration gives the user."""
        colleague = self.colleague(user_id)
        if Right.SET_CALLER_ID not in colleague.user.rights:
            raise Refused(Reason.NO_CALLER_ID_RIGHT, name=colleague.user.name)
        log.info("Caller ID of %s -> the default", colleague.user.name)
        await self._send(Command.CLEAR_CALLER_ID, self.api.clear_caller_id(user_id))

    async def _send(self, command: Command, request: Awaitable[T]) -> T:
        return await pbx_request(command, request)


async def pbx_request[T](command: Command, request: Awaitable[T]) -> T:
    """Await a request to the PBX; a refusal or failure becomes `Refused` for `command`."""
    try:
        return await request
    except (Forbidden, NotFound, Unprocessable) as error:
        raise Refused(Reason.PBX_REFUSED, error.why, command=command.value) from None
    except KonnektaError as error:
        raise Refused(Reason.PBX_FAILED, error.why, command=command.value) from None


def _own_number(call: Call) -> str:
    """The user's side of a call leg: the called number inbound, the caller outbound."""
    return call.called if call.direction.value == "inbound" else call.caller


Sender = Callable[[], Awaitable[None]]
