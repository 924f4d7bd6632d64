"""The simulated SMG API, served under the SMG Address exactly as docs/konnekta-openapi.yaml says.

Strict like a real server: bearer tokens are checked on every request, bodies are decoded into the
wire models with msgspec, and every refusal carries an ApiError body.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any, Final

import msgspec
from aiohttp import web

from konnekta_desktop.konnekta.models import (
    ApiError,
    CallCreated,
    CallerIdUpdate,
    Consultation,
    Diversion,
    MakeCall,
    PickUp,
    PresenceUpdate,
    QueueLogin,
    Transfer,
    WebhookSubscriptionRequest,
)

from .control import Faults
from .engine import CallEngine
from .errors import SimulatorError
from .keycloak import TokenIssuer
from .webhooks import WebhookSender

log = logging.getLogger(__name__)


class DiversionUpdate(msgspec.Struct, frozen=True, kw_only=True):
    number: str


class WebhookRenewal(msgspec.Struct, frozen=True, kw_only=True):
    ttl_seconds: int


class ReceivedCommand(msgspec.Struct, frozen=True, kw_only=True):
    """One changing request the SMG API received, for tests and support to look at."""

    method: str
    path: str  # relative to the SMG Address, e.g. "/users/user-00001/presence"
    user_id: str | None
    body: Any
    status: int


_encoder: Final = msgspec.json.Encoder()
_MAX_RECEIVED: Final = 10_000

type Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class BadRequest(SimulatorError):
    status = 400
    code = "bad_request"


class SmgApi:
    def __init__(
        self,
        prefix: str,
        engine: CallEngine,
        issuer: TokenIssuer,
        sender: WebhookSender,
        faults: Faults,
        received: list[ReceivedCommand],
    ) -> None:
        self.prefix = prefix
        self._engine = engine
        self._tenant = engine.tenant
        self._issuer = issuer
        self._sender = sender
        self._faults = faults
        self._received = received

    def routes(self) -> list[web.RouteDef]:
        p = self.prefix
        return [
            web.get(f"{p}/users", self.list_users),
            web.get(f"{p}/users/status", self.list_status),
            web.get(f"{p}/users/{{user_id}}", self.get_user),
            web.get(f"{p}/presence/activities", self.list_activities),
            web.get(f"{p}/users/{{user_id}}/presence", self.get_presence),
            web.put(f"{p}/users/{{user_id}}/presence", self.put_presence),
            web.get(f"{p}/users/{{user_id}}/diversion", self.get_diversion),
            web.put(f"{p}/users/{{user_id}}/diversion", self.put_diversion),
            web.delete(f"{p}/users/{{user_id}}/diversion", self.delete_diversion),
            web.get(f"{p}/users/{{user_id}}/caller-ids", self.get_caller_ids),
            web.put(f"{p}/users/{{user_id}}/caller-id", self.put_caller_id),
            web.delete(f"{p}/users/{{user_id}}/caller-id", self.delete_caller_id),
            web.get(f"{p}/calls", self.list_calls),
            web.post(f"{p}/users/{{user_id}}/calls", self.make_call),
            web.delete(f"{p}/calls/{{call_id}}", self.hang_up),
            web.post(f"{p}/calls/{{call_id}}/transfer", self.transfer),
            web.put(f"{p}/users/{{user_id}}/calls/{{call_id}}/hold", self.hold),
            web.delete(f"{p}/users/{{user_id}}/calls/{{call_id}}/hold", self.resume),
            web.post(f"{p}/users/{{user_id}}/calls/{{call_id}}/answer", self.answer),
            web.post(f"{p}/users/{{user_id}}/calls/{{call_id}}/pickup", self.pick_up),
            web.post(f"{p}/users/{{user_id}}/calls/{{call_id}}/consultation", self.consult),
            web.post(
                f"{p}/users/{{user_id}}/calls/{{call_id}}/consultation/complete",
                self.complete_transfer,
            ),
            web.delete(f"{p}/users/{{user_id}}/calls/{{call_id}}/consultation", self.go_back),
            web.get(f"{p}/queues", self.list_queues),
            web.put(f"{p}/queues/{{queue}}/agents/{{user_id}}", self.set_queue_login),
            web.post(f"{p}/webhooks", self.subscribe),
            web.put(f"{p}/webhooks/{{subscription_id}}", self.renew),
            web.delete(f"{p}/webhooks/{{subscription_id}}", self.unsubscribe),
        ]

    @web.middleware
    async def middleware(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        if not request.path.startswith(self.prefix + "/") and request.path != self.prefix:
            return await handler(request)
        faults = self._faults
        if faults.reset_connections > 0:
            faults.reset_connections -= 1
            if request.transport is not None:
                request.transport.abort()
            return web.Response(status=503)  # never reaches the client: the connection is gone
        if faults.slow_seconds > 0:
            await asyncio.sleep(faults.slow_seconds)
        if faults.error_burst > 0:
            faults.error_burst -= 1
            return _problem(503, "unavailable", "Konnekta is temporarily unavailable; try again")
        token = _bearer(request)
        if token is None:
            return _problem(401, "unauthorized", "the request has no bearer token", auth=True)
        if not self._issuer.is_valid_access_token(token):
            return _problem(
                401, "unauthorized", "the access token is unknown or expired", auth=True
            )
        try:
            response = await handler(request)
        except SimulatorError as error:
            response = _problem(error.status, error.code, str(error))
        except web.HTTPMethodNotAllowed as error:
            response = _problem(
                405, "bad_request", f"{request.method} is not allowed on {request.path}"
            )
            response.headers["Allow"] = ",".join(sorted(error.allowed_methods))
        except web.HTTPNotFound:
            response = _problem(404, "not_found", f"no such resource: {request.path}")
        if request.method != "GET":
            await self._record(request, response.status)
        return response

    async def _record(self, request: web.Request, status: int) -> None:
        raw = await request.read()
        body: Any = None
        if raw:
            try:
                body = msgspec.json.decode(raw)
            except msgspec.DecodeError:
                body = raw.decode(errors="replace")
            if isinstance(body, dict) and "secret" in body:
                body = {**body, "secret": "<redacted>"}  # a webhook secret is still a secret
        self._received.append(
            ReceivedCommand(
                method=request.method,
                path=request.path.removeprefix(self.prefix),
                user_id=request.match_info.get("user_id"),
                body=body,
                status=status,
            )
        )
        if len(self._received) > _MAX_RECEIVED:
            del self._received[: len(self._received) - _MAX_RECEIVED]

    # -- users and presence -----------------------------------------------------------------

    async def list_users(self, request: web.Request) -> web.Response:
        return _json(list(self._tenant.users.values()))

    async def list_status(self, request: web.Request) -> web.Response:
        return _json([self._tenant.status(user_id) for user_id in self._tenant.users])

    async def get_user(self, request: web.Request) -> web.Response:
        return _json(self._tenant.user(request.match_info["user_id"]))

    async def list_activities(self, request: web.Request) -> web.Response:
        return _json(self._tenant.activities)

    async def get_presence(self, request: web.Request) -> web.Response:
        user_id = self._tenant.user(request.match_info["user_id"]).id
        return _json(self._tenant.presence[user_id])

    async def put_presence(self, request: web.Request) -> web.Response:
        user_id = self._tenant.user(request.match_info["user_id"]).id
        update = await _decode(request, PresenceUpdate)
        if update.activity_id is None and update.availability is None:
            raise BadRequest("give activity_id, availability or both")
        return _json(self._engine.set_presence(user_id, update.activity_id, update.availability))

    async def get_diversion(self, request: web.Request) -> web.Response:
        user_id = self._tenant.user(request.match_info["user_id"]).id
        return _json(Diversion(number=self._tenant.diversion[user_id]))

    async def put_diversion(self, request: web.Request) -> web.Response:
        user_id = self._tenant.user(request.match_info["user_id"]).id
        update = await _decode(request, DiversionUpdate)
        return _json(Diversion(number=self._engine.set_diversion(user_id, update.number)))

    async def delete_diversion(self, request: web.Request) -> web.Response:
        user_id = self._tenant.user(request.match_info["user_id"]).id
        self._engine.set_diversion(user_id, None)
        return web.Response(status=204)

    async def get_caller_ids(self, request: web.Request) -> web.Response:
        user_id = self._tenant.user(request.match_info["user_id"]).id
        return _json(self._tenant.caller_ids[user_id])

    async def put_caller_id(self, request: web.Request) -> web.Response:
        user_id = self._tenant.user(request.match_info["user_id"]).id
        update = await _decode(request, CallerIdUpdate)
        return _json(self._engine.set_caller_id(user_id, update.number))

    async def delete_caller_id(self, request: web.Request) -> web.Response:
        user_id = self._tenant.user(request.match_info["user_id"]).id
        self._engine.clear_caller_id(user_id)
        return web.Response(status=204)

    # -- calls ------------------------------------------------------------------------------

    async def list_calls(self, request: web.Request) -> web.Response:
        return _json(self._tenant.legs())

    async def make_call(self, request: web.Request) -> web.Response:
        user_id = self._tenant.user(request.match_info["user_id"]).id
        command = await _decode(request, MakeCall)
        call_id = self._engine.make_call(user_id, command.destination, command.device)
        return _json(CallCreated(call_id=call_id), status=201)

    async def hang_up(self, request: web.Request) -> web.Response:
        self._engine.hang_up(request.match_info["call_id"])
        return web.Response(status=204)

    async def transfer(self, request: web.Request) -> web.Response:
        call_id = self._engine.require_call(request.match_info["call_id"])
        command = await _decode(request, Transfer)
        self._engine.transfer(call_id, command.destination)
        return web.Response(status=204)

    # -- the attendant's call features -------------------------------------------------------

    async def hold(self, request: web.Request) -> web.Response:
        user_id, call_id = request.match_info["user_id"], request.match_info["call_id"]
        self._engine.hold(user_id, call_id)
        return web.Response(status=204)

    async def resume(self, request: web.Request) -> web.Response:
        user_id, call_id = request.match_info["user_id"], request.match_info["call_id"]
        self._engine.resume(user_id, call_id)
        return web.Response(status=204)

    async def answer(self, request: web.Request) -> web.Response:
        user_id, call_id = request.match_info["user_id"], request.match_info["call_id"]
        self._engine.answer_hands_free(user_id, call_id)
        return web.Response(status=204)

    async def pick_up(self, request: web.Request) -> web.Response:
        user_id = self._tenant.user(request.match_info["user_id"]).id
        call_id = self._engine.require_call(request.match_info["call_id"])
        command = await _decode(request, PickUp)
        self._engine.pick_up(user_id, call_id, command.device)
        return web.Response(status=204)

    async def consult(self, request: web.Request) -> web.Response:
        user_id = self._tenant.user(request.match_info["user_id"]).id
        call_id = self._engine.require_call(request.match_info["call_id"])
        command = await _decode(request, Consultation)
        consultation_id = self._engine.consult(user_id, call_id, command.destination)
        return _json(CallCreated(call_id=consultation_id), status=201)

    async def complete_transfer(self, request: web.Request) -> web.Response:
        user_id, call_id = request.match_info["user_id"], request.match_info["call_id"]
        self._engine.complete_transfer(user_id, call_id)
        return web.Response(status=204)

    async def go_back(self, request: web.Request) -> web.Response:
        user_id, call_id = request.match_info["user_id"], request.match_info["call_id"]
        self._engine.go_back(user_id, call_id)
        return web.Response(status=204)

    # -- queues -----------------------------------------------------------------------------

    async def list_queues(self, request: web.Request) -> web.Response:
        return _json([self._tenant.queue_status(name) for name in self._tenant.queues])

    async def set_queue_login(self, request: web.Request) -> web.Response:
        queue = self._tenant.queue(request.match_info["queue"]).name
        user_id = self._tenant.user(request.match_info["user_id"]).id
        login = await _decode(request, QueueLogin)
        return _json(self._engine.set_queue_login(queue, user_id, login.logged_in))

    # -- webhooks ---------------------------------------------------------------------------

    async def subscribe(self, request: web.Request) -> web.Response:
        wanted = await _decode(request, WebhookSubscriptionRequest)
        subscription = self._sender.subscribe(wanted.url, wanted.secret, wanted.ttl_seconds)
        return _json(subscription, status=201)

    async def renew(self, request: web.Request) -> web.Response:
        subscription_id = self._sender.require(request.match_info["subscription_id"])
        renewal = await _decode(request, WebhookRenewal)
        return _json(self._sender.renew(subscription_id, renewal.ttl_seconds))

    async def unsubscribe(self, request: web.Request) -> web.Response:
        self._sender.unsubscribe(request.match_info["subscription_id"])
        return web.Response(status=204)


async def _decode[T](request: web.Request, kind: type[T]) -> T:
    raw = await request.read()
    if not raw:
        raise BadRequest("the request has no body; send JSON")
    try:
        return msgspec.json.decode(raw, type=kind)
    except msgspec.ValidationError as error:
        raise BadRequest(f"the body is not valid: {error}") from None
    except msgspec.DecodeError as error:
        raise BadRequest(f"the body is not JSON: {error}") from None


def _bearer(request: web.Request) -> str | None:
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()


def _json(value: object, *, status: int = 200) -> web.Response:
    return web.Response(body=_encoder.encode(value), status=status, content_type="application/json")


def _problem(status: int, code: str, message: str, *, auth: bool = False) -> web.Response:
    response = _json(ApiError(code=code, message=message), status=status)
    if auth:
        response.headers["WWW-Authenticate"] = 'Bearer error="invalid_token"'
    if status == 503:
        response.headers["Retry-After"] = "1"
    return response
