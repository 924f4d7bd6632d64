"""docs/konnekta-openapi.yaml agrees with the wire models, the architecture and the simulator's routes."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import msgspec
import pytest
import yaml
from aiohttp import web

from konnekta_desktop.konnekta import events, models
from konnekta_desktop.simulator import Simulator, smg

DOCS = Path(__file__).parents[3] / "docs"
DOC: dict[str, Any] = yaml.safe_load((DOCS / "konnekta-openapi.yaml").read_text(encoding="utf-8"))
SCHEMAS: dict[str, Any] = DOC["components"]["schemas"]

WIRE_TYPES: list[Any] = [
    models.User,
    models.Activity,
    models.Presence,
    models.PresenceUpdate,
    models.Diversion,
    models.CallerIds,
    models.CallerIdUpdate,
    models.MakeCall,
    models.Transfer,
    models.Call,
    models.CallCreated,
    models.WebhookSubscriptionRequest,
    models.WebhookSubscription,
    models.ApiError,
    models.UserStatus,
    models.PickUp,
    models.Consultation,
    models.QueueStatus,
    models.QueueAgent,
    models.WaitingCall,
    models.QueueLogin,
    smg.DiversionUpdate,
    smg.WebhookRenewal,
    events.KnownEvent,
]


def _model_components() -> dict[str, Any]:
    _, components = msgspec.json.schema_components(WIRE_TYPES, ref_template="{name}")
    return components


def _shape(schema: dict[str, Any]) -> str:
    """A comparable spelling of a property's type: 'string|null', 'array<Alias>', 'Call', ..."""
    if "$ref" in schema:
        return str(schema["$ref"]).rsplit("/", 1)[-1]
    for key in ("anyOf", "oneOf"):
        if key in schema:
            return "|".join(sorted(_shape(s) for s in schema[key]))
    if schema.get("type") == "string":  # the document may narrow a string to listed values
        return "string"
    if "const" in schema:
        return f"const:{schema['const']}"
    if "enum" in schema:
        if len(schema["enum"]) == 1:  # msgspec spells a struct tag as a one-value enum
            return f"const:{schema['enum'][0]}"
        return "enum:" + ",".join(sorted(map(str, schema["enum"])))
    kind = schema.get("type")
    if kind == "array":
        return f"array<{_shape(schema['items'])}>"
    if isinstance(kind, list):
        return "|".join(sorted(kind))
    return str(kind)


@pytest.mark.parametrize("name", sorted(_model_components()))
def test_component_schema_matches_the_msgspec_model(name: str) -> None:
    model = _model_components()[name]
    assert name in SCHEMAS, f"docs/konnekta-openapi.yaml lacks components.schemas.{name}"
    documented = SCHEMAS[name]
    if "enum" in model:
        assert sorted(documented["enum"]) == sorted(model["enum"])
        return
    assert set(documented["properties"]) == set(model["properties"])
    assert set(documented.get("required", [])) == set(model.get("required", []))
    for field, field_schema in model["properties"].items():
        documented_field = documented["properties"][field]
        if field == "timestamp":  # documented as a date-time string
            assert _shape(SCHEMAS["EventTimestamp"]) == "string"
            continue
        assert _shape(documented_field) == _shape(field_schema), f"{name}.{field}"
        if "default" in field_schema:
            default = field_schema["default"]
            default = list(default) if isinstance(default, tuple) else default
            assert documented_field.get("default") == default, f"{name}.{field}"


def test_every_webhook_event_type_is_documented_with_signature_headers() -> None:
    assert set(DOC["webhooks"]) == set(events.KNOWN_TYPES)
    for event_type, item in DOC["webhooks"].items():
        operation = item["post"]
        headers = {p["$ref"].rsplit("/", 1)[-1] for p in operation["parameters"]}
        assert headers == {"WebhookId", "WebhookTimestamp", "WebhookSignature"}
        schema_name = operation["requestBody"]["content"]["application/json"]["schema"]["$ref"]
        assert SCHEMAS[schema_name.rsplit("/", 1)[-1]]["properties"]["type"]["const"] == event_type


def _architecture_endpoints() -> set[tuple[str, str]]:
    text = (DOCS / "architecture.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| (GET|PUT|POST|DELETE) \| (/\S+) \|", text, flags=re.MULTILINE)
    return {(method.lower(), path) for method, path in rows}


def _documented_smg_operations() -> set[tuple[str, str]]:
    return {
        (method, path)
        for path, item in DOC["paths"].items()
        if "servers" not in item
        for method in item
        if method in {"get", "put", "post", "delete"}
    }


def test_every_architecture_endpoint_is_documented_and_nothing_else() -> None:
    endpoints = _architecture_endpoints()
    assert len(endpoints) == 28
    assert _documented_smg_operations() == endpoints


def test_the_simulator_serves_every_documented_smg_operation() -> None:
    sim = Simulator(users=3)
    prefix = sim._smg.prefix
    served = {
        (route.method.lower(), route.path.removeprefix(prefix))
        for route in sim._smg.routes()
        if isinstance(route, web.RouteDef)
    }
    assert served == _documented_smg_operations()


def test_login_endpoints_are_under_the_issuer_uri() -> None:
    for path in ("/.well-known/openid-configuration", "/protocol/openid-connect/token"):
        assert DOC["paths"][path]["servers"][0]["url"] == "https://{server}/auth/realms/{realm}"
    assert DOC["servers"][0]["url"] == "https://{server}/api-admin/realm/{realm}/fwd"


def test_document_says_it_is_our_model_to_be_checked() -> None:
    first_line = (DOCS / "konnekta-openapi.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first_line.startswith("#")
    assert "model" in first_line.lower()
    assert "Dstny" in DOC["info"]["description"]
    assert DOC["openapi"].startswith("3.1")
