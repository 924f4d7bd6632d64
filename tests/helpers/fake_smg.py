"""A stand-in for the SMG client (`konnekta.api.SmgClient`) at the network edge, the only thing
the core's unit tests fake.

Each method records the request when it is made (before it is awaited, so a request built and then
dropped counts as sent too) and answers with a canned value, or raises the konnekta error put in
`failures` under the method's name. New calls get ids call-1, call-2..., so a command carried out
twice shows in its answer too.
"""

from __future__ import annotations

from collections.abc import Awaitable
from typing import Any

from konnekta_desktop.domain import Availability, CallerIds, CallingDevice, Presence, QueueAgent
from konnekta_desktop.konnekta.errors import KonnektaError


class FakeSmg:
    def __init__(self) -> None:
        self.requests: list[tuple[Any, ...]] = []
        self.failures: dict[str, KonnektaError] = {}
        self.caller_id_answer = CallerIds(current="+4533333333", valid=("+4533333333",))

    def _request(self, name: str, *args: Any, answer: Any = None) -> Awaitable[Any]:
        self.requests.append((name, *args))
        failure = self.failures.get(name)

        async def answered() -> Any:
            if failure is not None:
                raise failure
            return answer

        return answered()

    def made(self, name: str) -> list[tuple[Any, ...]]:
        return [request for request in self.requests if request[0] == name]

    def make_call(self, user_id: str, destination: str, device: CallingDevice) -> Awaitable[str]:
        call_id = f"call-{len(self.made('make_call')) + 1}"
        return self._request("make_call", user_id, destination, device, answer=call_id)

    def hang_up(self, call_id: str) -> Awaitable[None]:
        return self._request("hang_up", call_id)

    def transfer(self, call_id: str, destination: str) -> Awaitable[None]:
        return self._request("transfer", call_id, destination)

    def set_diversion(self, user_id: str, number: str) -> Awaitable[None]:
        return self._request("set_diversion", user_id, number)

    def clear_diversion(self, user_id: str) -> Awaitable[None]:
        return self._request("clear_diversion", user_id)

    def caller_ids(self, user_id: str) -> Awaitable[CallerIds]:
        return self._request("caller_ids", user_id, answer=self.caller_id_answer)

    def set_caller_id(self, user_id: str, number: str) -> Awaitable[CallerIds]:
        answer = CallerIds(current=number, valid=self.caller_id_answer.valid)
        return self._request("set_caller_id", user_id, number, answer=answer)

    def clear_caller_id(self, user_id: str) -> Awaitable[None]:
        return self._request("clear_caller_id", user_id)

    def set_presence(
        self,
        user_id: str,
        *,
        activity_id: str | None = None,
        availability: Availability | None = None,
    ) -> Awaitable[Presence]:
        answer = Presence(
            activity_id=activity_id, availability=availability or Availability.AVAILABLE
        )
        return self._request("set_presence", user_id, activity_id, availability, answer=answer)

    def hold(self, user_id: str, call_id: str) -> Awaitable[None]:
        return self._request("hold", user_id, call_id)

    def resume(self, user_id: str, call_id: str) -> Awaitable[None]:
        return self._request("resume", user_id, call_id)

    def answer(self, user_id: str, call_id: str) -> Awaitable[None]:
        return self._request("answer", user_id, call_id)

    def pick_up(self, user_id: str, call_id: str, device: CallingDevice) -> Awaitable[None]:
        return self._request("pick_up", user_id, call_id, device)

    def consult(self, user_id: str, call_id: str, destination: str) -> Awaitable[str]:
        consultation = f"consultation-{len(self.made('consult')) + 1}"
        return self._request("consult", user_id, call_id, destination, answer=consultation)

    def complete_transfer(self, user_id: str, call_id: str) -> Awaitable[None]:
        return self._request("complete_transfer", user_id, call_id)

    def go_back(self, user_id: str, call_id: str) -> Awaitable[None]:
        return self._request("go_back", user_id, call_id)

    def log_in_to_queue(self, user_id: str, queue: str) -> Awaitable[QueueAgent]:
        answer = QueueAgent(user_id=user_id, logged_in=True)
        return self._request("log_in_to_queue", user_id, queue, answer=answer)

    def log_out_of_queue(self, user_id: str, queue: str) -> Awaitable[QueueAgent]:
        answer = QueueAgent(user_id=user_id, logged_in=False)
        return self._request("log_out_of_queue", user_id, queue, answer=answer)
