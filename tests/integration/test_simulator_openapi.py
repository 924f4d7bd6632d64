"""The simulator serves exactly docs/konnekta-openapi.yaml: every operation is called over real
loopback HTTP and every answer and every webhook event it posts is validated against the document
(JSON Schema Draft 2020-12, $refs resolved inside the document)."""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import jsonschema  # type: ignore[import-untyped]
import pytest
import yaml
from aiohttp import web
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from konnekta_desktop.konnekta import signing
from konnekta_desktop.konnekta.models import CallingDevice, Right
from konnekta_desktop.simulator import Simulator
from konnekta_desktop.simulator.tenant import mobile_number

DOC_PATH = Path(__file__).parents[2] / "docs" / "konnekta-openapi.yaml"
DOC: dict[str, Any] = yaml.safe_load(DOC_PATH.read_text(encoding="utf-8"))
DOC_URI = "urn:konnekta-openapi"
REGISTRY: Registry[Any] = Registry().with_resource(DOC_URI, DRAFT202012.create_resource(DOC))
LOGIN_PATHS = {"/.well-known/openid-configuration", "/protocol/openid-connect/token"}
EXTERNAL = "+4587123456"


def _pointer(*parts: str) -> str:
    return "/" + "/".join(p.replace("~", "~0").replace("/", "~1") for p in parts)


def _validate(pointer: str, instance: Any) -> None:
    schema = {"$ref": f"{DOC_URI}#{pointer}"}
    validator = jsonschema.Draft202012Validator(schema, registry=REGISTRY)
    validator.validate(instance)


def _resolve(obj: dict[str, Any]) -> tuple[dict[str, Any], str]:
    """Follow an OpenAPI (not JSON Schema) $ref to a response object; returns it and its pointer."""
    ref = obj["$ref"]
    assert ref.startswith("#/")
    target: Any = DOC
    for part in ref[2:].split("/"):
        target = target[part.replace("~1", "/").replace("~0", "~")]
    return target, ref[1:]


class Checker:
    """Calls the simulator and validates each answer against the documented operation."""

    def __init__(self, sim: Simulator, client: httpx.AsyncClient) -> None:
        self.sim = sim
        self.client = client
        self.token = ""
        self.covered: set[tuple[str, str, int]] = set()

    async def call(
        self,
        method: str,
        template: str,
        expect: int,
        *,
        params: dict[str, str] | None = None,
        body: Any = None,
        form: dict[str, str] | None = None,
        auth: tuple[str, str] | None = None,
        token: str | None = None,
    ) -> Any:
        path = template.format(**(params or {}))
        if template in LOGIN_PATHS:
            url = self.sim.issuer_uri + path
            headers = {}
        else:
            url = self.sim.smg_address + path
            bearer = self.token if token is None else token
            headers = {"Authorization": f"Bearer {bearer}"} if bearer else {}
        response = await self.client.request(
            method, url, json=body, data=form, auth=auth, headers=headers
        )
        assert response.status_code == expect, f"{method} {path}: {response.text}"
        operation = DOC["paths"][template][method.lower()]
        responses = operation["responses"]
        assert str(expect) in responses, f"{method} {template} {expect} is not documented"
        documented = responses[str(expect)]
        pointer = _pointer("paths", template, method.lower(), "responses", str(expect))
        if "$ref" in documented:
            documented, pointer = _resolve(documented)
        self.covered.add((method.lower(), template, expect))
        if "content" not in documented:
            assert response.content == b"", f"{method} {template} {expect} should have no body"
            return None
        assert response.headers["content-type"].startswith("application/json")
        payload = response.json()
        _validate(pointer + _pointer("content", "application/json", "schema"), payload)
        return payload


class EventReceiver:
    """A tiny webhook listener that validates signature headers and bodies against `webhooks:`."""

    def __init__(self) -> None:
        self.secret = signing.new_secret()
        self._verifier = signing.Verifier(self.secret)
        self.types: list[str] = []
        self.url = ""
        self._runner: web.AppRunner | None = None

    async def _handle(self, request: web.Request) -> web.Response:
        body = await request.read()
        event = json.loads(body)
        item = DOC["webhooks"][event["type"]]["post"]
        for parameter in item["parameters"]:
            definition, pointer = _resolve(parameter)
            value = request.headers.get(definition["name"])
            assert value is not None, f"missing header {definition['name']}"
            _validate(pointer + "/schema", value)
        self._verifier.verify(
            request.headers["webhook-id"],
            request.headers["webhook-timestamp"],
            request.headers["webhook-signature"],
            body,
            now=time.time(),
        )
        _validate(
            _pointer("webhooks", event["type"], "post", "requestBody", "content")
            + _pointer("application/json", "schema"),
            event,
        )
        self.types.append(event["type"])
        return web.Response(status=204)

    async def start(self) -> None:
        app = web.Application()
        app.router.add_post("/konnekta", self._handle)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", 0).start()
        self.url = f"http://127.0.0.1:{self._runner.addresses[0][1]}/konnekta"

    async def close(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()


@pytest.fixture
async def sim() -> AsyncIterator[Simulator]:
    simulator = Simulator(users=40, seed=11, webhook_retry_delay=0.01)
    await simulator.start()
    yield simulator
    await simulator.close()


@pytest.fixture
async def checker(sim: Simulator) -> AsyncIterator[Checker]:
    async with httpx.AsyncClient(timeout=10) as client:
        yield Checker(sim, client)


@pytest.fixture
async def receiver() -> AsyncIterator[EventReceiver]:
    listener = EventReceiver()
    await listener.start()
    yield listener
    await listener.close()


async def _login(checker: Checker) -> dict[str, Any]:
    sim = checker.sim
    discovery = await checker.call("GET", "/.well-known/openid-configuration", 200)
    assert discovery["token_endpoint"] == sim.issuer_uri + "/protocol/openid-connect/token"
    tokens: dict[str, Any] = await checker.call(
        "POST",
        "/protocol/openid-connect/token",
        200,
        form={"grant_type": "password", "username": sim.username, "password": sim.password},
        auth=(sim.client_id, sim.client_secret),
    )
    checker.token = tokens["access_token"]
    return tokens


async def test_every_operation_and_every_event_matches_the_document(
    sim: Simulator, checker: Checker, receiver: EventReceiver
) -> None:
    tokens = await _login(checker)
    renewed = await checker.call(
        "POST",
        "/protocol/openid-connect/token",
        200,
        form={
            "grant_type": "refresh_token",
            "refresh_token": tokens["refresh_token"],
            "client_id": sim.client_id,
            "client_secret": sim.client_secret,
        },
    )
    checker.token = renewed["access_token"]

    subscription = await checker.call(
        "POST", "/webhooks", 201, body={"url": receiver.url, "secret": receiver.secret}
    )
    sub = {"subscription_id": subscription["id"]}
    await checker.call(
        "PUT", "/webhooks/{subscription_id}", 200, params=sub, body={"ttl_seconds": 600}
    )

    users = await checker.call("GET", "/users", 200)
    assert len(users) == 40
    await checker.call("GET", "/users/status", 200)
    await checker.call("GET", "/presence/activities", 200)
    granted = next(u for u in sim.tenant.users.values() if Right.SET_CALLER_ID in u.rights)
    who = {"user_id": granted.id}
    await checker.call("GET", "/users/{user_id}", 200, params=who)
    await checker.call("GET", "/users/{user_id}/presence", 200, params=who)
    await checker.call(
        "PUT",
        "/users/{user_id}/presence",
        200,
        params=who,
        body={"activity_id": "act-meeting", "availability": "unavailable"},
    )
    await checker.call("GET", "/users/{user_id}/diversion", 200, params=who)
    await checker.call(
        "PUT", "/users/{user_id}/diversion", 200, params=who, body={"number": "+4520304050"}
    )
    await checker.call("DELETE", "/users/{user_id}/diversion", 204, params=who)
    caller_ids = await checker.call("GET", "/users/{user_id}/caller-ids", 200, params=who)
    await checker.call(
        "PUT",
        "/users/{user_id}/caller-id",
        200,
        params=who,
        body={"number": caller_ids["valid"][1]},
    )
    await checker.call("DELETE", "/users/{user_id}/caller-id", 204, params=who)

    # An internal call, answered, transferred to a third user, then hung up.
    callee = next(u for u in sim.tenant.users.values() if u.id != granted.id)
    created = await checker.call(
        "POST",
        "/users/{user_id}/calls",
        201,
        params=who,
        body={"destination": callee.lines[0].number, "device": "local"},
    )
    call = {"call_id": created["call_id"]}
    await sim.answer(created["call_id"])
    legs = await checker.call("GET", "/calls", 200)
    assert {leg["user_id"] for leg in legs} == {granted.id, callee.id}
    third = next(u for u in sim.tenant.users.values() if u.id not in {granted.id, callee.id})
    await checker.call(
        "POST",
        "/calls/{call_id}/transfer",
        204,
        params=call,
        body={"destination": third.lines[0].number},
    )
    await checker.call("DELETE", "/calls/{call_id}", 204, params=call)

    # The attendant's features: answer, hold and resume, then an attended transfer completed.
    operator, colleague = granted, callee
    incoming = await sim.ring(operator.id, EXTERNAL)
    mine = {"user_id": operator.id, "call_id": incoming}
    await checker.call("POST", "/users/{user_id}/calls/{call_id}/answer", 204, params=mine)
    await checker.call("PUT", "/users/{user_id}/calls/{call_id}/hold", 204, params=mine)
    await checker.call("DELETE", "/users/{user_id}/calls/{call_id}/hold", 204, params=mine)
    consultation = await checker.call(
        "POST",
        "/users/{user_id}/calls/{call_id}/consultation",
        201,
        params=mine,
        body={"destination": colleague.lines[0].number},
    )
    await sim.answer(consultation["call_id"], user_id=colleague.id)
    legs = await checker.call("GET", "/calls", 200)
    assert any(leg["held"] for leg in legs)
    assert any(leg["consultation_for"] == incoming for leg in legs)
    await checker.call(
        "POST", "/users/{user_id}/calls/{call_id}/consultation/complete", 204, params=mine
    )
    await sim.hang_up(incoming)

    # A consultation nobody answers, and going back to the caller.
    incoming = await sim.ring(operator.id, EXTERNAL)
    mine = {"user_id": operator.id, "call_id": incoming}
    await sim.answer(incoming)
    consultation = await checker.call(
        "POST",
        "/users/{user_id}/calls/{call_id}/consultation",
        201,
        params=mine,
        body={"destination": third.lines[0].number},
    )
    await sim.no_answer(consultation["call_id"])
    await checker.call("DELETE", "/users/{user_id}/calls/{call_id}/consultation", 204, params=mine)
    await sim.hang_up(incoming)

    # A colleague's ringing call picked up; a queue's waiting call picked up; agent logins.
    ringing = await sim.ring(colleague.id, EXTERNAL)
    await checker.call(
        "POST",
        "/users/{user_id}/calls/{call_id}/pickup",
        204,
        params={"user_id": operator.id, "call_id": ringing},
        body={"device": "local"},
    )
    await sim.hang_up(ringing)
    support = sim.tenant.queues["Support"]
    for agent in support.agents:
        await checker.call(
            "PUT",
            "/queues/{queue}/agents/{user_id}",
            200,
            params={"queue": "Support", "user_id": agent},
            body={"logged_in": False},
        )
    waiting = await sim.ring_queue("Support", EXTERNAL, callback=True)
    queues = await checker.call("GET", "/queues", 200)
    (support_now,) = [queue for queue in queues if queue["name"] == "Support"]
    assert [call["call_id"] for call in support_now["waiting"]] == [waiting]
    await checker.call(
        "POST",
        "/users/{user_id}/calls/{call_id}/pickup",
        204,
        params={"user_id": operator.id, "call_id": waiting},
        body={"device": "local"},
    )
    await sim.hang_up(waiting)
    await checker.call(
        "PUT",
        "/queues/{queue}/agents/{user_id}",
        200,
        params={"queue": "Support", "user_id": support.agents[0]},
        body={"logged_in": True},
    )

    # Calls of every kind started in Konnekta, and user administration.
    for queue_call in (
        await sim.ring_queue("Support", EXTERNAL),
        await sim.ring_queue("Sales", EXTERNAL, callback=True),
    ):
        await sim.answer(queue_call)
        await checker.call("GET", "/calls", 200)
        await sim.hang_up(queue_call)
    mobile_user = next(u for u in sim.tenant.users.values() if mobile_number(u))
    mobile_call = await sim.ring(mobile_user.id, EXTERNAL, called=mobile_number(mobile_user))
    await sim.answer(mobile_call, device=CallingDevice.MOBILE)
    await checker.call("GET", "/calls", 200)
    await sim.hang_up(mobile_call)
    added = await sim.add_user("Søren Kierkegaard", department="Ledelse")
    await sim.change_user(added.id, department="Udvikling")
    await checker.call("GET", "/users/{user_id}", 200, params={"user_id": added.id})
    await sim.remove_user(added.id)

    await sim.delivered()
    await checker.call("DELETE", "/webhooks/{subscription_id}", 204, params=sub)

    assert set(receiver.types) == set(DOC["webhooks"])
    documented_success = {
        (method, path, int(status))
        for path, item in DOC["paths"].items()
        for method, operation in item.items()
        if method in {"get", "put", "post", "delete"}
        for status in operation["responses"]
        if status.startswith("2")
    }
    assert documented_success <= checker.covered


async def test_every_kind_of_refusal_matches_the_document(sim: Simulator, checker: Checker) -> None:
    await _login(checker)
    no_right = next(u for u in sim.tenant.users.values() if Right.SET_CALLER_ID not in u.rights)
    granted = next(u for u in sim.tenant.users.values() if Right.SET_CALLER_ID in u.rights)
    no_teams = next(u for u in sim.tenant.users.values() if CallingDevice.TEAMS not in u.devices)

    await checker.call("GET", "/users", 401, token="")
    await checker.call("GET", "/users/{user_id}", 404, params={"user_id": "nobody"})
    await checker.call("DELETE", "/calls/{call_id}", 404, params={"call_id": "call-0"})
    await checker.call(
        "PUT", "/users/{user_id}/presence", 400, params={"user_id": granted.id}, body=[1]
    )
    await checker.call(
        "PUT",
        "/users/{user_id}/caller-id",
        403,
        params={"user_id": no_right.id},
        body={"number": sim.tenant.caller_ids[no_right.id].valid[0]},
    )
    await checker.call("DELETE", "/users/{user_id}/caller-id", 403, params={"user_id": no_right.id})
    await checker.call(
        "PUT",
        "/users/{user_id}/caller-id",
        422,
        params={"user_id": granted.id},
        body={"number": "+4511111111"},
    )
    await checker.call(
        "POST",
        "/users/{user_id}/calls",
        422,
        params={"user_id": no_teams.id},
        body={"destination": EXTERNAL, "device": "teams"},
    )
    await checker.call(
        "POST", "/webhooks", 422, body={"url": "http://127.0.0.1:9/x", "secret": "plain"}
    )
    support = sim.tenant.queues["Support"]
    not_an_agent = next(u for u in sim.tenant.users.values() if u.id not in support.agents)
    await checker.call(
        "PUT",
        "/queues/{queue}/agents/{user_id}",
        403,
        params={"queue": "Support", "user_id": not_an_agent.id},
        body={"logged_in": True},
    )
    await checker.call(
        "PUT",
        "/queues/{queue}/agents/{user_id}",
        404,
        params={"queue": "Nowhere", "user_id": granted.id},
        body={"logged_in": True},
    )
    hold = {"user_id": granted.id, "call_id": "call-0"}
    await checker.call("PUT", "/users/{user_id}/calls/{call_id}/hold", 404, params=hold)
    ringing = await sim.ring(granted.id, EXTERNAL)
    leg = {"user_id": granted.id, "call_id": ringing}
    await checker.call("PUT", "/users/{user_id}/calls/{call_id}/hold", 422, params=leg)
    await checker.call(
        "POST", "/users/{user_id}/calls/{call_id}/consultation/complete", 422, params=leg
    )
    await checker.call(
        "POST", "/users/{user_id}/calls/{call_id}/pickup", 400, params=leg, body={"device": 7}
    )
    await sim.answer(ringing)
    await checker.call("POST", "/users/{user_id}/calls/{call_id}/answer", 422, params=leg)
    sim.faults.error_burst = 1
    await checker.call("GET", "/calls", 503)

    login_form = {"grant_type": "password", "username": sim.username, "password": "wrong"}
    await checker.call(
        "POST",
        "/protocol/openid-connect/token",
        401,  # as Keycloak answers a wrong password
        form=login_form,
        auth=(sim.client_id, sim.client_secret),
    )
    await checker.call(
        "POST", "/protocol/openid-connect/token", 401, form=login_form, auth=(sim.client_id, "x")
    )
    sim.faults.token_down = True
    await checker.call("GET", "/.well-known/openid-configuration", 503)
