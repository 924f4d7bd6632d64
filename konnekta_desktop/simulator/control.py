"""The simulator's control API under ``/_sim/`` (JSON) and the faults it can inject.

Not part of Konnekta: it lets a trainer, a support person or a test start calls, change presence,
break things on purpose and look at what the app sent. docs/simulator.md describes every route.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Any

import msgspec
from aiohttp import web

from konnekta_desktop.konnekta.models import Availability, CallingDevice

from .errors import SimulatorError, Unprocessable
from .tenant import external_number, mobile_number

if TYPE_CHECKING:
    from .server import Simulator


@dataclass(slots=True)
class Faults:
    """Trouble to inject; assign a field to start it, `clear()` to end all of it."""

    token_down: bool = False  # the token endpoint and discovery answer 503
    error_burst: int = 0  # the next N SMG API requests answer 503
    slow_seconds: float = 0.0  # every SMG API answer is delayed this long
    webhook_outage: bool = False  # webhook deliveries fail (and are retried) until cleared
    clock_offset_seconds: float = 0.0  # the simulator's clock (signatures, Date, tokens) runs off
    drop_webhook_response: int = 0  # the next N deliveries arrive, but their answers are lost
    webhook_blackhole: bool = False  # events are swallowed on the way: never delivered or retried
    reset_connections: int = 0  # the next N SMG API requests have their connection dropped
    _on_change: Callable[[], None] | None = field(default=None, repr=False, compare=False)

    def __setattr__(self, name: str, value: object) -> None:
        object.__setattr__(self, name, value)
        listener = getattr(self, "_on_change", None)
        if not name.startswith("_") and listener is not None:
            listener()

    def clear(self) -> None:
        for f in fields(self):
            if not f.name.startswith("_"):
                setattr(self, f.name, f.default)

    def as_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self) if not f.name.startswith("_")}

    def update(self, changes: dict[str, Any]) -> None:
        known = {f.name: f.default for f in fields(self) if not f.name.startswith("_")}
        for name, value in changes.items():
            if name not in known:
                raise Unprocessable(f"no fault named {name!r}; known: {', '.join(known)}")
            kind = type(known[name])
            if kind is float and isinstance(value, int) and not isinstance(value, bool):
                value = float(value)
            if type(value) is not kind:
                raise Unprocessable(f"fault {name!r} takes a {kind.__name__}")
            setattr(self, name, value)


class _Scenario(msgspec.Struct, frozen=True, kw_only=True):
    kind: str  # direct | queue | callback | mobile
    user_id: str | None = None
    caller: str | None = None
    queue: str | None = None


class _Answer(msgspec.Struct, frozen=True, kw_only=True):
    user_id: str | None = None
    device: CallingDevice = CallingDevice.LOCAL


class _Hold(msgspec.Struct, frozen=True, kw_only=True):
    user_id: str
    held: bool = True


class _QueueLogin(msgspec.Struct, frozen=True, kw_only=True):
    logged_in: bool


class _PresenceChange(msgspec.Struct, frozen=True, kw_only=True):
    activity_id: str | None
    availability: Availability


class _Traffic(msgspec.Struct, frozen=True, kw_only=True):
    enabled: bool


class _NewUser(msgspec.Struct, frozen=True, kw_only=True):
    name: str
    department: str = ""


class _UserChange(msgspec.Struct, frozen=True, kw_only=True):
    name: str | None = None
    department: str | None = None
    wrap_up: bool | None = None


_encoder = msgspec.json.Encoder()


def control_routes(sim: Simulator) -> list[web.RouteDef]:
    """Routes that act on ``sim``; errors answer ``{"error": "..."}`` with 404, 400 or 422."""

    async def state(request: web.Request) -> web.Response:
        tenant = sim.tenant
        return _json(
            {
                "realm": sim.realm,
                "tenant_domain": tenant.domain,
                "issuer_uri": sim.issuer_uri,
                "smg_address": sim.smg_address,
                "users": list(tenant.users.values()),
                "status": [tenant.status(user_id) for user_id in tenant.users],
                "activities": tenant.activities,
                "queues": [
                    {
                        "name": q.name,
                        "number": q.number,
                        "agents": q.agents,
                        "logged_in": [a for a in q.agents if a in tenant.logged_in.get(q.name, ())],
                        "waiting": tenant.queue_status(q.name).waiting,
                    }
                    for q in tenant.queues.values()
                ],
                "calls": tenant.legs(),
                "subscriptions": sim.webhooks.subscriptions(),
                "faults": sim.faults.as_dict(),
                "auto_traffic": sim.auto_traffic,
            }
        )

    async def received(request: web.Request) -> web.Response:
        return _json(sim.received)

    async def clear_received(request: web.Request) -> web.Response:
        sim.received.clear()
        return web.Response(status=204)

    async def start_call(request: web.Request) -> web.Response:
        scenario = await _decode(request, _Scenario)
        call_id = await _start(sim, scenario)
        return _json({"call_id": call_id}, status=201)

    async def answer(request: web.Request) -> web.Response:
        wanted = await _decode(request, _Answer) if request.can_read_body else _Answer()
        await sim.answer(
            request.match_info["call_id"], user_id=wanted.user_id, device=wanted.device
        )
        return web.Response(status=204)

    async def hang_up(request: web.Request) -> web.Response:
        await sim.hang_up(request.match_info["call_id"])
        return web.Response(status=204)

    async def no_answer(request: web.Request) -> web.Response:
        await sim.no_answer(request.match_info["call_id"])
        return web.Response(status=204)

    async def hold(request: web.Request) -> web.Response:
        wanted = await _decode(request, _Hold)
        await sim.hold(wanted.user_id, request.match_info["call_id"], held=wanted.held)
        return web.Response(status=204)

    async def queue_login(request: web.Request) -> web.Response:
        wanted = await _decode(request, _QueueLogin)
        queue, user_id = request.match_info["queue"], request.match_info["user_id"]
        await sim.set_queue_login(queue, user_id, wanted.logged_in)
        return _json(sim.tenant.queue_status(queue))

    async def presence(request: web.Request) -> web.Response:
        change = await _decode(request, _PresenceChange)
        await sim.set_presence(
            request.match_info["user_id"], change.activity_id, change.availability
        )
        return web.Response(status=204)

    async def add_user(request: web.Request) -> web.Response:
        wanted = await _decode(request, _NewUser)
        return _json(await sim.add_user(wanted.name, department=wanted.department), status=201)

    async def change_user(request: web.Request) -> web.Response:
        wanted = await _decode(request, _UserChange)
        changes = {k: v for k, v in msgspec.structs.asdict(wanted).items() if v is not None}
        return _json(await sim.change_user(request.match_info["user_id"], **changes))

    async def remove_user(request: web.Request) -> web.Response:
        await sim.remove_user(request.match_info["user_id"])
        return web.Response(status=204)

    async def get_faults(request: web.Request) -> web.Response:
        return _json(sim.faults.as_dict())

    async def put_faults(request: web.Request) -> web.Response:
        changes = await _decode(request, dict[str, Any])
        sim.faults.update(changes)
        return _json(sim.faults.as_dict())

    async def clear_faults(request: web.Request) -> web.Response:
        sim.faults.clear()
        return web.Response(status=204)

    async def revoke(request: web.Request) -> web.Response:
        sim.revoke_refresh_tokens()
        return web.Response(status=204)

    async def traffic(request: web.Request) -> web.Response:
        wanted = await _decode(request, _Traffic)
        sim.set_auto_traffic(wanted.enabled)
        return _json({"enabled": sim.auto_traffic})

    async def delivered(request: web.Request) -> web.Response:
        await sim.delivered()
        return web.Response(status=204)

    routes = [
        web.get("/_sim/state", state),
        web.get("/_sim/received", received),
        web.delete("/_sim/received", clear_received),
        web.post("/_sim/calls", start_call),
        web.post("/_sim/calls/{call_id}/answer", answer),
        web.delete("/_sim/calls/{call_id}", hang_up),
        web.post("/_sim/calls/{call_id}/no-answer", no_answer),
        web.put("/_sim/calls/{call_id}/hold", hold),
        web.put("/_sim/queues/{queue}/agents/{user_id}", queue_login),
        web.put("/_sim/users/{user_id}/presence", presence),
        web.post("/_sim/users", add_user),
        web.patch("/_sim/users/{user_id}", change_user),
        web.delete("/_sim/users/{user_id}", remove_user),
        web.get("/_sim/faults", get_faults),
        web.put("/_sim/faults", put_faults),
        web.delete("/_sim/faults", clear_faults),
        web.post("/_sim/revoke-refresh-tokens", revoke),
        web.put("/_sim/traffic", traffic),
        web.post("/_sim/delivered", delivered),
    ]
    return routes


@web.middleware
async def control_errors(
    request: web.Request,
    handler: Callable[[web.Request], Any],
) -> web.StreamResponse:
    if not request.path.startswith("/_sim/"):
        response: web.StreamResponse = await handler(request)
        return response
    try:
        response = await handler(request)
    except SimulatorError as error:
        return _json({"error": str(error)}, status=error.status)
    return response


async def _start(sim: Simulator, scenario: _Scenario) -> str:
    tenant = sim.tenant
    caller = scenario.caller or external_number(sim.rng)
    if scenario.kind in {"queue", "callback"}:
        queue = scenario.queue or next(iter(tenant.queues))
        callback = scenario.kind == "callback"
        if scenario.user_id is not None:
            return await sim.ring(scenario.user_id, caller, queue=queue, callback=callback)
        return await sim.ring_queue(queue, caller, callback=callback)
    if scenario.kind == "direct":
        user_id = scenario.user_id or next(iter(tenant.users))
        return await sim.ring(user_id, caller)
    if scenario.kind == "mobile":
        user = (
            tenant.user(scenario.user_id)
            if scenario.user_id is not None
            else next((u for u in tenant.users.values() if mobile_number(u)), None)
        )
        if user is None:
            raise Unprocessable("no user has a mobile line")
        mobile = mobile_number(user)
        if mobile is None:
            raise Unprocessable(f"{user.name} has no mobile line")
        return await sim.ring(user.id, caller, called=mobile)
    raise Unprocessable(
        f"unknown scenario {scenario.kind!r}: use direct, queue, callback or mobile"
    )


async def _decode[T](request: web.Request, kind: type[T]) -> T:
    raw = await request.read()
    try:
        return msgspec.json.decode(raw, type=kind)
    except msgspec.DecodeError as error:  # ValidationError is a DecodeError
        raise SimulatorError(f"the body is not valid: {error}") from None


def _json(value: object, *, status: int = 200) -> web.Response:
    return web.Response(body=_encoder.encode(value), status=status, content_type="application/json")
