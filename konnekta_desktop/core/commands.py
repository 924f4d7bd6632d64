"""The one place every operator command passes through: checked against the rules, then sent.

A command that breaks a rule is refused before anything reaches Konnekta; a failure from Konnekta is
turned into words an operator understands. Both raise `CommandRefused`.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import TypeVar

from ..konnekta.api import SmgClient
from ..konnekta.errors import Forbidden, KonnektaError, NotFound, Unprocessable
from ..konnekta.models import Call, CallingDevice, Line, LineType, Right
from .model import Colleague, LiveModel
from .monitoring import CallControlRefused, ensure_call_control, monitoring_number
from .numbers import NumberError, NumberPlan

log = logging.getLogger(__name__)

T = TypeVar("T")

DEVICE_LABELS = {
    CallingDevice.LOCAL: "Local phone",
    CallingDevice.MOBILE: "Mobile phone",
    CallingDevice.TEAMS: "Teams",
}


class CommandRefused(Exception):
    """A command that was not carried out; the message says why and what to do."""


class Commands:
    """Dial, hang up, transfer, forwarding, caller ID. State changes go through `PresenceService`."""

    def __init__(self, api: SmgClient, model: LiveModel, plan: NumberPlan) -> None:
        self.api = api
        self._model = model
        self.plan = plan

    # -- checks ------------------------------------------------------------------------------

    def colleague(self, user_id: str) -> Colleague:
        colleague = self._model.get(user_id)
        if colleague is None:
            raise CommandRefused(f"User {user_id} is not in Konnekta's user list (any more).")
        return colleague

    def destination(self, text: str) -> str:
        """The number to send to Konnekta for what the operator typed, in E.164 or short form."""
        try:
            return self.plan.normalise(text)
        except NumberError as error:
            raise CommandRefused(str(error)) from None

    @staticmethod
    def controlled_line(colleague: Colleague, number: str | None = None) -> Line:
        """The line a command acts on: the one matching `number`, else the first Fixed line."""
        lines = colleague.user.lines
        if not lines:
            raise CommandRefused(f"{colleague.user.name} has no phone line in Konnekta.")
        if number is not None:
            for line in lines:
                if number in (line.number, monitoring_number(line)) or any(
                    alias.number == number for alias in line.aliases
                ):
                    return line
        fixed = [line for line in lines if line.type is LineType.FIXED]
        return fixed[0] if fixed else lines[0]

    def _ensure_control(self, line: Line) -> None:
        try:
            ensure_call_control(line)
        except CallControlRefused as error:
            raise CommandRefused(str(error)) from None

    def _call(self, call_id: str) -> Call:
        for call in self._model.active_calls():
            if call.call_id == call_id:
                return call
        raise CommandRefused("That call has already ended.")

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
        if device not in colleague.user.devices:
            raise CommandRefused(
                f"{colleague.user.name} has no {DEVICE_LABELS[device]} to call from. "
                f"Choose another calling device."
            )
        log.info("Dial %s for %s from %s", number, colleague.user.name, device.value)
        return await self._send(
            f"Calling {self.plan.display(number)}", self.api.make_call(user_id, number, device)
        )

    async def hang_up(self, call_id: str) -> None:
        call = self._call(call_id)
        colleague = self.colleague(call.user_id)
        self._ensure_control(self.controlled_line(colleague, _own_number(call)))
        log.info("Hang up call %s", call_id)
        await self._send("Hanging up", self.api.hang_up(call_id))

    async def transfer(self, call_id: str, destination: str) -> None:
        call = self._call(call_id)
        number = self.destination(destination)
        colleague = self.colleague(call.user_id)
        self._ensure_control(self.controlled_line(colleague, _own_number(call)))
        log.info("Transfer call %s to %s", call_id, number)
        await self._send(
            f"Transferring to {self.plan.display(number)}", self.api.transfer(call_id, number)
        )

    async def set_forwarding(self, user_id: str, number: str | None) -> None:
        colleague = self.colleague(user_id)
        if number is None or not number.strip():
            log.info("Clear forwarding of %s", colleague.user.name)
            await self._send("Clearing forwarding", self.api.clear_diversion(user_id))
            return
        target = self.destination(number)
        log.info("Forward %s to %s", colleague.user.name, target)
        await self._send("Setting forwarding", self.api.set_diversion(user_id, target))

    async def set_caller_id(self, user_id: str, number: str) -> None:
        colleague = self.colleague(user_id)
        if Right.SET_CALLER_ID not in colleague.user.rights:
            raise CommandRefused(
                f"{colleague.user.name} lacks the Set Caller ID right in Konnekta, so the outbound "
                "caller ID cannot be changed. An administrator can grant it."
            )
        valid = (await self._send("Loading caller IDs", self.api.caller_ids(user_id))).valid
        wanted = self.destination(number)
        if not any(self.plan.same(wanted, option) for option in valid):
            shown = ", ".join(self.plan.display(option) for option in valid) or "none"
            raise CommandRefused(
                f"{self.plan.display(wanted)} is not a valid caller ID for {colleague.user.name}. "
                f"Valid caller IDs in Konnekta: {shown}."
            )
        chosen = next(option for option in valid if self.plan.same(wanted, option))
        log.info("Caller ID of %s -> %s", colleague.user.name, chosen)
        await self._send("Setting caller ID", self.api.set_caller_id(user_id, chosen))

    async def _send(self, what: str, request: Awaitable[T]) -> T:
        try:
            return await request
        except (Forbidden, NotFound, Unprocessable) as error:
            raise CommandRefused(f"{what}: Konnekta refused it. {error}") from None
        except KonnektaError as error:
            raise CommandRefused(f"{what} failed: {error}") from None


def _own_number(call: Call) -> str:
    """The user's side of a call leg: the called number inbound, the caller outbound."""
    return call.called if call.direction.value == "inbound" else call.caller


Sender = Callable[[], Awaitable[None]]
