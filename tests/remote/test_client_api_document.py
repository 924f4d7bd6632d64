"""docs/client-api.md shows exactly the schemas the protocol generates, and what a running
connector sends (and /health answers) is valid against the document's schemas."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import aiohttp
import jsonschema  # type: ignore[import-untyped]
import pytest

from konnekta_desktop.remote.commands import COMMANDS
from konnekta_desktop.remote.protocol import (
    CLIENT_MESSAGES,
    SERVER_MESSAGES,
    ClientMessage,
    ServerMessage,
)
from konnekta_desktop.remote.schema import components, refresh
from tests.remote.conftest import Running

DOC_PATH = Path(__file__).parents[2] / "docs" / "client-api.md"
DOC = DOC_PATH.read_text(encoding="utf-8")
BLOCK = re.compile(r"<!-- schema: ([A-Za-z0-9_]+) -->\n```json\n(.*?)\n```", re.DOTALL)
SHOWN: dict[str, Any] = {name: json.loads(body) for name, body in BLOCK.findall(DOC)}
REFRESH = "uv run python -m konnekta_desktop.remote.schema docs/client-api.md"


def validate(name: str, instance: Any) -> None:
    """Validate against the document's schema `name`, its references resolved in the document."""
    schema = {"$defs": SHOWN, "$ref": f"#/$defs/{name}"}
    jsonschema.Draft202012Validator(schema).validate(instance)


def test_every_generated_schema_is_in_the_document_once() -> None:
    names = [name for name, _ in BLOCK.findall(DOC)]
    assert len(names) == len(set(names)), "a schema is shown twice"
    missing = sorted(set(components()) - set(names))
    unknown = sorted(set(names) - set(components()))
    assert not missing, f"not in docs/client-api.md: {missing}; run {REFRESH} after adding them"
    assert not unknown, f"docs/client-api.md shows schemas the protocol lacks: {unknown}"


@pytest.mark.parametrize("name", sorted(components()))
def test_the_documents_schema_is_what_the_protocol_generates(name: str) -> None:
    assert SHOWN.get(name) == components()[name], f"out of date: run {REFRESH}"


def test_refreshing_the_document_changes_nothing() -> None:
    assert refresh(DOC) == DOC, f"out of date: run {REFRESH}"


def test_every_message_type_and_command_is_described() -> None:
    tags = {c.__struct_config__.tag for c in ClientMessage.__args__}
    assert tags == CLIENT_MESSAGES
    tags = {c.__struct_config__.tag for c in ServerMessage.__args__}
    assert tags == SERVER_MESSAGES
    for name in COMMANDS:
        assert f"| `{name}` |" in DOC, f"the command table lacks {name}"


async def test_what_the_connector_sends_is_valid_against_the_document(
    connector: Running,
) -> None:
    simulator = connector.simulator
    user_id = next(iter(connector.session.colleagues)).id
    async with connector.client() as client:
        await client.hello()
        await client.command("caller_ids", {"user_id": user_id})
        await client.command("set_template", {"user_id": user_id, "template_name": "Nope"})
        await client.send_text("{")
        call_id = await simulator.ring(user_id, "+4587123456")
        await client.update_where(
            lambda u: (
                any(c.call_id == call_id for c in u.ended_calls)
                or (any(call.call_id == call_id for c in u.colleagues for call in c.calls))
            )
        )
        async with aiohttp.ClientSession() as http, http.get(connector.api.health_url) as answer:
            health = await answer.json()
    kinds = {raw["type"] for raw in client.raw}
    assert kinds == SERVER_MESSAGES
    schema_of = {
        "welcome": "Welcome",
        "snapshot": "Snapshot",
        "update": "UpdateMessage",
        "result": "CommandResult",
        "refused": "CommandRefused",
        "error": "ErrorMessage",
    }
    for raw in client.raw:
        validate(schema_of[raw["type"]], raw)
    validate("Health", health)
