"""POST /enrol: a desktop exchanges its one-time enrolment code for a device token.

Wrong codes are rate-limited, per address and overall, so that guessing is slow even from many
addresses (a code has 160 bits; the limit is there so that a flood costs nothing either): after
`PER_ADDRESS` wrong codes from one address, or `OVERALL` from all, within `WINDOW` seconds, that
address (or everyone) waits until the oldest of them is out of the window. A right code is always
taken when not blocked. Answers are JSON: 200 `EnrolAnswer`; 400, 403 and 429 an `ErrorMessage`
with its code (429 with Retry-After).
"""

from __future__ import annotations

import logging
import math
from collections import deque
from typing import Final

import msgspec
from aiohttp import web

from ..core.clock import Clock
from ..domain.refusals import Reason, Refused, Why, english, why
from .operators import Operators
from .protocol import EnrolAnswer, EnrolRequest, ErrorMessage, wire_why

__all__ = ["OVERALL", "PER_ADDRESS", "WINDOW", "Enrolment", "Guesses", "refusal_response"]

log = logging.getLogger(__name__)

PER_ADDRESS: Final = 5
OVERALL: Final = 30
WINDOW: Final = 600.0  # seconds
MOST_BODY: Final = 4096
MOST_ADDRESSES: Final = 10_000  # addresses remembered; beyond it the oldest is forgotten
_encoder: Final = msgspec.json.Encoder()


class Guesses:
    """The times of recent wrong codes, per address and overall."""

    def __init__(
        self, clock: Clock, *, per_address: int = PER_ADDRESS, overall: int = OVERALL
    ) -> None:
        self._clock = clock
        self._per_address = per_address
        self._all: deque[float] = deque(maxlen=overall)
        self._by_address: dict[str, deque[float]] = {}

    def wait(self, address: str) -> float:
        """Seconds `address` must wait before its next try; 0 when it may try now."""
        now = self._clock.now()
        waits = [0.0]
        for times in (self._all, self._by_address.get(address)):
            if times is not None and len(times) == times.maxlen:
                waits.append(times[0] + WINDOW - now)
        return max(waits)

    def wrong(self, address: str) -> None:
        now = self._clock.now()
        self._all.append(now)
        times = self._by_address.pop(address, None)
        if times is None:
            times = deque(maxlen=self._per_address)
            if len(self._by_address) >= MOST_ADDRESSES:
                del self._by_address[next(iter(self._by_address))]
        times.append(now)
        self._by_address[address] = times  # the most recent last, so the oldest goes first


class Enrolment:
    """The /enrol handler over the operators' table."""

    def __init__(self, operators: Operators, clock: Clock) -> None:
        self._operators = operators
        self.guesses = Guesses(clock)

    async def handle(self, request: web.Request, address: str) -> web.Response:
        """Answer one POST /enrol from the desktop at `address`."""
        wait = self.guesses.wait(address)
        if wait > 0:
            minutes = str(max(1, math.ceil(wait / 60)))
            said = why(Reason.ENROLMENT_TOO_MANY_TRIES, minutes=minutes)
            log.warning("Enrolment from %s refused: %s", address, english(said))
            headers = {"Retry-After": str(math.ceil(wait))}
            return refusal_response(429, said, headers)
        body = await request.content.read(MOST_BODY + 1)
        try:
            if len(body) > MOST_BODY:
                raise msgspec.ValidationError(f"longer than {MOST_BODY} bytes")
            asked = msgspec.json.decode(body, type=EnrolRequest)
        except (msgspec.ValidationError, msgspec.DecodeError) as error:
            said = why(Reason.MESSAGE_FIELDS_WRONG, detail=str(error)[:200])
            log.info("Enrolment from %s refused: %s", address, english(said))
            return refusal_response(400, said)
        try:
            token, operator = self._operators.enrol(asked.code, asked.device)
        except Refused as refused:
            self.guesses.wrong(address)
            log.warning("Enrolment from %s refused: %s", address, english(refused.why))
            return refusal_response(403, refused.why)
        log.info(
            "Operator %d (%s, %s) enrolled from %s as %r",
            operator.id,
            operator.username,
            operator.role.value,
            address,
            operator.device,
        )
        answer = EnrolAnswer(token=token, username=operator.username, role=operator.role)
        return web.Response(body=_encoder.encode(answer), content_type="application/json")


def refusal_response(status: int, said: Why, headers: dict[str, str] | None = None) -> web.Response:
    """An HTTP refusal: `said` as an `ErrorMessage` in JSON."""
    body = _encoder.encode(ErrorMessage(why=wire_why(said)))
    return web.Response(status=status, body=body, content_type="application/json", headers=headers)
