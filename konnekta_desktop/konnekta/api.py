"""Client for Konnekta's SMG REST API: every endpoint of docs/architecture.md, typed both ways.

Retry policy: GET, PUT and DELETE are repeated (with exponential backoff) after a 5xx, a timeout or
a broken connection, because sending them twice leaves the same result: PUT sets a value (a hold,
a queue login), DELETE removes a thing (a hold, a consultation; a 404 on a repeated DELETE whose
first attempt may have gone through counts as done). POST (dial, transfer, answer, pick up,
consult, complete a transfer, subscribe) is never repeated once it may have reached the server, so
no command is carried out twice; it is repeated only when no connection could be opened at all.
A 401 renews the access token and repeats the request once, whatever the method: Konnekta did not
act on a request it did not authorise.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import Counter
from collections.abc import Awaitable, Callable
from typing import Final, NamedTuple, Protocol
from urllib.parse import quote, urlsplit

import httpx
import msgspec

from ..domain import types as domain
from ..domain.refusals import Reason, Server, why
from . import translate
from .errors import (
    BadRequest,
    ConfigurationError,
    Forbidden,
    KonnektaError,
    NotFound,
    ProtocolError,
    RequestRefused,
    Unauthorized,
    Unavailable,
    Unprocessable,
)
from .http import make_http_client, require_secure_url, scrub, translate_transport_error
from .models import (
    Activity,
    ApiError,
    Availability,
    Call,
    CallCreated,
    CallerIds,
    CallerIdUpdate,
    CallingDevice,
    Consultation,
    Diversion,
    MakeCall,
    PickUp,
    Presence,
    PresenceUpdate,
    QueueAgent,
    QueueLogin,
    QueueStatus,
    Transfer,
    User,
    UserStatus,
    WebhookSubscription,
    WebhookSubscriptionRequest,
)
from .transport import HttpClient, Reply

log = logging.getLogger(__name__)

SMG_ADDRESS: Final = "SMG Address"
_REPEATABLE_METHODS: Final = frozenset({"GET", "PUT", "DELETE"})
_LONGEST_RETRY_AFTER: Final = 10.0  # seconds; a longer wait is the connector's business


class TokenSource(Protocol):
    """What the client needs from the login (`auth.KonnektaAuth` is one)."""

    async def access_token(self) -> str: ...

    def invalidate(self, refused_token: str | None = None) -> None: ...


type RequestHook = Callable[[str, str, int | None], None]
"""Called after every HTTP attempt with method, path template and status (None: no answer)."""


class _NumberBody(msgspec.Struct, frozen=True):
    number: str


class _Answer(NamedTuple):
    method: str
    url: str
    content: bytes


class _RenewBody(msgspec.Struct, frozen=True):
    ttl_seconds: int


_USERS = msgspec.json.Decoder(list[User])
_USER = msgspec.json.Decoder(User)
_STATUSES = msgspec.json.Decoder(list[UserStatus])
_ACTIVITIES = msgspec.json.Decoder(list[Activity])
_PRESENCE = msgspec.json.Decoder(Presence)
_DIVERSION = msgspec.json.Decoder(Diversion)
_CALLER_IDS = msgspec.json.Decoder(CallerIds)
_CALLS = msgspec.json.Decoder(list[Call])
_CALL_CREATED = msgspec.json.Decoder(CallCreated)
_QUEUES = msgspec.json.Decoder(list[QueueStatus])
_QUEUE_AGENT = msgspec.json.Decoder(QueueAgent)
_SUBSCRIPTION = msgspec.json.Decoder(WebhookSubscription)
_API_ERROR = msgspec.json.Decoder(ApiError)


class SmgClient:
    """Typed access to the SMG API at the SMG Address, authorised by `auth`.

    Failures raise the types in `errors`. `request_counts` counts HTTP attempts per
    "METHOD /path/{template}", and `on_request` (if given) hears about each one, so callers can
    measure how chatty a feature is.
    """

    def __init__(
        self,
        smg_address: str,
        auth: TokenSource,
        *,
        http: HttpClient | None = None,
        retries: int = 3,
        backoff: float = 0.2,
        sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
        on_request: RequestHook | None = None,
        on_date: Callable[[str | None], None] | None = None,
    ) -> None:
        # Reported at the first request, so a client can be built from incomplete settings.
        self._address_problem: ConfigurationError | None = None
        try:
            self._base = str(require_secure_url(smg_address, setting=SMG_ADDRESS)).rstrip("/")
        except ConfigurationError as problem:
            self._base, self._address_problem = smg_address.rstrip("/"), problem
        self._auth = auth
        self._owns_http = http is None
        self._http = http if http is not None else make_http_client()
        self._retries = retries
        self._backoff = backoff
        self._sleep = sleep
        self._on_request = on_request
        self._on_date = on_date  # hears each answer's Date header: Konnekta's clock
        self.request_counts: Counter[str] = Counter()

    def __repr__(self) -> str:
        return f"SmgClient({self._base!r})"

    async def close(self) -> None:
        """Close the HTTP client if this object made it."""
        if self._owns_http:
            await self._http.aclose()

    # Users and their live settings

    async def users(self) -> list[domain.User]:
        response = await self._request("GET", "/users", action="load the user list")
        return translate.users(self._decode(response, _USERS))

    async def user(self, user_id: str) -> domain.User:
        response = await self._request(
            "GET", "/users/{user_id}", user_id=user_id, action=f"load user {user_id}"
        )
        return translate.user(self._decode(response, _USER))

    async def statuses(self) -> list[domain.UserStatus]:
        response = await self._request("GET", "/users/status", action="load the users' status")
        return translate.statuses(self._decode(response, _STATUSES))

    async def activities(self) -> list[domain.Activity]:
        response = await self._request(
            "GET", "/presence/activities", action="load the presence activities"
        )
        return translate.activities(self._decode(response, _ACTIVITIES))

    async def presence(self, user_id: str) -> domain.Presence:
        response = await self._request(
            "GET",
            "/users/{user_id}/presence",
            user_id=user_id,
            action=f"load the presence of user {user_id}",
        )
        return translate.presence(self._decode(response, _PRESENCE))

    async def set_presence(
        self,
        user_id: str,
        *,
        activity_id: str | None = None,
        availability: Availability | None = None,
    ) -> domain.Presence:
        if activity_id is None and availability is None:
            raise ValueError("set_presence needs an activity_id, an availability, or both")
        body = PresenceUpdate(activity_id=activity_id, availability=availability)
        response = await self._request(
            "PUT",
            "/users/{user_id}/presence",
            user_id=user_id,
            body=msgspec.json.encode(body),
            action=f"set the presence of user {user_id}",
        )
        return translate.presence(self._decode(response, _PRESENCE))

    async def diversion(self, user_id: str) -> Diversion:
        response = await self._request(
            "GET",
            "/users/{user_id}/diversion",
            user_id=user_id,
            action=f"load the forwarding of user {user_id}",
        )
        return self._decode(response, _DIVERSION)

    async def set_diversion(self, user_id: str, number: str) -> Diversion:
        response = await self._request(
            "PUT",
            "/users/{user_id}/diversion",
            user_id=user_id,
            body=msgspec.json.encode(_NumberBody(number)),
            action=f"forward user {user_id} to {number}",
        )
        return self._decode(response, _DIVERSION)

    async def clear_diversion(self, user_id: str) -> None:
        await self._request(
            "DELETE",
            "/users/{user_id}/diversion",
            user_id=user_id,
            action=f"clear the forwarding of user {user_id}",
        )

    async def caller_ids(self, user_id: str) -> domain.CallerIds:
        response = await self._request(
            "GET",
            "/users/{user_id}/caller-ids",
            user_id=user_id,
            action=f"load the caller IDs of user {user_id}",
        )
        return translate.caller_ids(self._decode(response, _CALLER_IDS))

    async def set_caller_id(self, user_id: str, number: str) -> domain.CallerIds:
        response = await self._request(
            "PUT",
            "/users/{user_id}/caller-id",
            user_id=user_id,
            body=msgspec.json.encode(CallerIdUpdate(number=number)),
            action=f"set the caller ID of user {user_id} to {number}",
            forbidden=Reason.CALLER_ID_NOT_ALLOWED,
        )
        return translate.caller_ids(self._decode(response, _CALLER_IDS))

    async def clear_caller_id(self, user_id: str) -> None:
        """Back to the default caller ID (Konnekta's configuration for the user)."""
        await self._request(
            "DELETE",
            "/users/{user_id}/caller-id",
            user_id=user_id,
            action=f"restore the default caller ID of user {user_id}",
            forbidden=Reason.CALLER_ID_NOT_ALLOWED,
        )

    # Calls

    async def calls(self) -> list[domain.Call]:
        response = await self._request("GET", "/calls", action="load the calls in progress")
        return translate.calls(self._decode(response, _CALLS))

    async def make_call(self, user_id: str, destination: str, device: CallingDevice) -> str:
        """Start a call from `user_id`'s `device` to `destination`; returns the call id."""
        response = await self._request(
            "POST",
            "/users/{user_id}/calls",
            user_id=user_id,
            body=msgspec.json.encode(MakeCall(destination=destination, device=device)),
            action=f"dial {destination} for user {user_id} from the {device.value} device",
        )
        return self._decode(response, _CALL_CREATED).call_id

    async def hang_up(self, call_id: str) -> None:
        await self._request(
            "DELETE", "/calls/{call_id}", call_id=call_id, action=f"hang up call {call_id}"
        )

    async def transfer(self, call_id: str, destination: str) -> None:
        await self._request(
            "POST",
            "/calls/{call_id}/transfer",
            call_id=call_id,
            body=msgspec.json.encode(Transfer(destination=destination)),
            action=f"transfer call {call_id} to {destination}",
        )

    # The attendant's call features: hold, answer, pick up, attended transfer

    async def hold(self, user_id: str, call_id: str) -> None:
        """Put the far end of `user_id`'s leg of `call_id` on hold (a held leg stays as it is)."""
        await self._request(
            "PUT",
            "/users/{user_id}/calls/{call_id}/hold",
            user_id=user_id,
            call_id=call_id,
            action=f"hold call {call_id} of user {user_id}",
        )

    async def resume(self, user_id: str, call_id: str) -> None:
        """Take `user_id`'s leg of `call_id` off hold; Konnekta holds the user's other call."""
        await self._request(
            "DELETE",
            "/users/{user_id}/calls/{call_id}/hold",
            user_id=user_id,
            call_id=call_id,
            action=f"resume call {call_id} of user {user_id}",
        )

    async def answer(self, user_id: str, call_id: str) -> None:
        """Answer the call ringing at `user_id` on their local device, hands-free."""
        await self._request(
            "POST",
            "/users/{user_id}/calls/{call_id}/answer",
            user_id=user_id,
            call_id=call_id,
            action=f"answer call {call_id} for user {user_id}",
        )

    async def pick_up(
        self, user_id: str, call_id: str, device: CallingDevice = CallingDevice.LOCAL
    ) -> None:
        """Bring `call_id`, ringing at a colleague or waiting in a queue, to `user_id`'s
        `device`: answered at once on the local device, ringing on the mobile or in Teams."""
        await self._request(
            "POST",
            "/users/{user_id}/calls/{call_id}/pickup",
            user_id=user_id,
            call_id=call_id,
            body=msgspec.json.encode(PickUp(device=device)),
            action=f"pick up call {call_id} for user {user_id} on the {device.value} device",
        )

    async def consult(self, user_id: str, call_id: str, destination: str) -> str:
        """Hold `user_id`'s leg of `call_id` and call `destination` from the same device; returns
        the consultation call's id."""
        response = await self._request(
            "POST",
            "/users/{user_id}/calls/{call_id}/consultation",
            user_id=user_id,
            call_id=call_id,
            body=msgspec.json.encode(Consultation(destination=destination)),
            action=f"consult {destination} for user {user_id} about call {call_id}",
        )
        return self._decode(response, _CALL_CREATED).call_id

    async def complete_transfer(self, user_id: str, call_id: str) -> None:
        """Connect the far end of the held `call_id` with the person `user_id` consulted; the
        user leaves both calls."""
        await self._request(
            "POST",
            "/users/{user_id}/calls/{call_id}/consultation/complete",
            user_id=user_id,
            call_id=call_id,
            action=f"complete the transfer of call {call_id} by user {user_id}",
        )

    async def go_back(self, user_id: str, call_id: str) -> None:
        """Hang up `user_id`'s consultation (if it still goes on) and resume the held `call_id`."""
        await self._request(
            "DELETE",
            "/users/{user_id}/calls/{call_id}/consultation",
            user_id=user_id,
            call_id=call_id,
            action=f"go back to call {call_id} for user {user_id}",
        )

    # Queues

    async def queues(self) -> list[domain.QueueStatus]:
        response = await self._request("GET", "/queues", action="load the queues")
        return translate.queues(self._decode(response, _QUEUES))

    async def log_in_to_queue(self, user_id: str, queue: str) -> domain.QueueAgent:
        return await self._queue_login(user_id, queue, logged_in=True)

    async def log_out_of_queue(self, user_id: str, queue: str) -> domain.QueueAgent:
        return await self._queue_login(user_id, queue, logged_in=False)

    async def _queue_login(self, user_id: str, queue: str, *, logged_in: bool) -> domain.QueueAgent:
        way = "in to" if logged_in else "out of"
        response = await self._request(
            "PUT",
            "/queues/{queue}/agents/{user_id}",
            queue=queue,
            user_id=user_id,
            body=msgspec.json.encode(QueueLogin(logged_in=logged_in)),
            action=f"log user {user_id} {way} queue {queue}",
            forbidden=Reason.QUEUE_AGENTS_ONLY,
        )
        return translate.queue_agent(self._decode(response, _QUEUE_AGENT))

    # Webhook subscriptions

    async def subscribe(
        self, url: str, secret: str, ttl_seconds: int = 3600
    ) -> WebhookSubscription:
        """Ask Konnekta to post events to `url`, signed with `secret` ("whsec_" + base64)."""
        body = WebhookSubscriptionRequest(url=url, secret=secret, ttl_seconds=ttl_seconds)
        response = await self._request(
            "POST",
            "/webhooks",
            body=msgspec.json.encode(body),
            action=f"subscribe to events at the Webhook Address {url}",
            secrets=(secret,),
        )
        return self._decode(response, _SUBSCRIPTION)

    async def renew(self, subscription_id: str, ttl_seconds: int) -> WebhookSubscription:
        response = await self._request(
            "PUT",
            "/webhooks/{subscription_id}",
            subscription_id=subscription_id,
            body=msgspec.json.encode(_RenewBody(ttl_seconds)),
            action=f"renew webhook subscription {subscription_id}",
        )
        return self._decode(response, _SUBSCRIPTION)

    async def unsubscribe(self, subscription_id: str) -> None:
        await self._request(
            "DELETE",
            "/webhooks/{subscription_id}",
            subscription_id=subscription_id,
            action=f"end webhook subscription {subscription_id}",
        )

    # The one place requests are sent

    async def _request(
        self,
        method: str,
        template: str,
        *,
        action: str,
        body: bytes | None = None,
        forbidden: Reason = Reason.NOT_ALLOWED,
        secrets: tuple[str, ...] = (),
        **path_params: str,
    ) -> _Answer:
        if self._address_problem is not None:
            raise ConfigurationError(self._address_problem.why, setting=SMG_ADDRESS)
        path = template.format(**{k: quote(v, safe="") for k, v in path_params.items()})
        url = self._base + path
        name = f"{method} {template}"
        repeatable = method in _REPEATABLE_METHODS
        headers = {"Accept": "application/json"}
        if body is not None:
            headers["Content-Type"] = "application/json"
        retries_left = self._retries
        pauses = 0
        renewed_token = False
        may_have_applied = False  # an earlier attempt may have reached Konnekta
        while True:
            token = await self._auth.access_token()
            headers["Authorization"] = f"Bearer {token}"
            self.request_counts[name] += 1
            try:
                response = await self._http.request(method, url, content=body, headers=headers)
            except httpx.TransportError as error:
                log.debug("%s %s -> %s", method, path, type(error).__name__)
                self._heard(method, template, None)
                nothing_sent = isinstance(error, httpx.ConnectError | httpx.ConnectTimeout)
                if retries_left > 0 and (repeatable or nothing_sent):
                    may_have_applied = may_have_applied or not nothing_sent
                    retries_left -= 1
                    await self._pause(pauses, None)
                    pauses += 1
                    continue
                raise translate_transport_error(
                    error, url=httpx.URL(url), server=Server.KONNEKTA, setting=SMG_ADDRESS
                ) from None
            status = response.status_code
            log.debug("%s %s -> %d", method, path, status)
            if self._on_date is not None:
                self._on_date(response.headers.get("Date"))
            self._heard(method, template, status)
            if status == 401 and not renewed_token:
                self._auth.invalidate(token)
                renewed_token = True
                continue
            if status >= 500 and repeatable and retries_left > 0:
                may_have_applied = True
                retries_left -= 1
                await self._pause(pauses, response.headers.get("Retry-After"))
                pauses += 1
                continue
            if status == 404 and method == "DELETE" and may_have_applied:
                log.debug("%s %s: already gone after an unanswered attempt; done", method, path)
                return _Answer(method, url, response.content)
            if response.is_success:
                return _Answer(method, url, response.content)
            failure = self._failure(response, forbidden=forbidden, secrets=(token, *secrets))
            log.info("Could not %s: %s", action, failure)
            raise failure

    def _heard(self, method: str, template: str, status: int | None) -> None:
        if self._on_request is not None:
            self._on_request(method, template, status)

    async def _pause(self, pauses_so_far: int, retry_after: str | None) -> None:
        delay = self._backoff * 2**pauses_so_far
        if retry_after is not None:
            # An HTTP-date Retry-After is ignored; the backoff will do.
            with contextlib.suppress(ValueError):
                delay = max(delay, min(float(retry_after), _LONGEST_RETRY_AFTER))
        await self._sleep(delay)

    def _decode[T](self, answer: _Answer, decoder: msgspec.json.Decoder[T]) -> T:
        try:
            return decoder.decode(answer.content)
        except msgspec.DecodeError as error:
            request = f"{answer.method} {urlsplit(answer.url).path}"
            raise ProtocolError(
                why(Reason.API_ANSWER_UNEXPECTED, request=request, detail=str(error)[:300])
            ) from None

    def _failure(
        self,
        response: Reply,
        *,
        forbidden: Reason,
        secrets: tuple[str, ...],
    ) -> KonnektaError:
        status = response.status_code
        api_error: ApiError | None
        try:
            api_error = _API_ERROR.decode(response.content)
        except msgspec.DecodeError:
            api_error = None
        said = scrub(api_error.message, secrets)[:300] if api_error else None
        code = api_error.code if api_error else None
        quoted = said or ""
        if status >= 500 or status == 429:
            return Unavailable(
                why(Reason.KONNEKTA_UNAVAILABLE, status=str(status), said=quoted), status=status
            )
        kind: type[RequestRefused] = RequestRefused
        setting: str | None = None
        if status == 400:
            kind, reason = BadRequest, why(Reason.REQUEST_MALFORMED, said=quoted)
        elif status == 401:
            kind, setting = Unauthorized, SMG_ADDRESS
            reason = why(Reason.TOKEN_REFUSED, said=quoted)
        elif status == 403:
            kind, reason = Forbidden, why(forbidden, said=quoted)
        elif status == 404 and api_error is None:
            # No ApiError body: the path itself is unknown, so the address is wrong.
            kind, setting = NotFound, SMG_ADDRESS
            reason = why(Reason.NO_API_THERE, address=self._base)
        elif status == 404:
            kind, reason = NotFound, why(Reason.NOT_KNOWN_TO_KONNEKTA, said=quoted)
        elif status == 422:
            kind, reason = Unprocessable, why(Reason.KONNEKTA_COULD_NOT, said=quoted)
        else:
            reason = why(Reason.KONNEKTA_REFUSED, status=str(status), said=quoted)
        return kind(reason, status=status, code=code, server_message=said, setting=setting)
