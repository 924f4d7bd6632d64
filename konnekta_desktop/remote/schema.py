"""The JSON schemas of the client API, generated from `protocol.py` and `commands.py`.

docs/client-api.md shows each one in a ```json block after a `<!-- schema: Name -->` line;
a test checks that they equal what this generates. After changing a message, refresh them:

    uv run python -m konnekta_desktop.remote.schema docs/client-api.md
"""

from __future__ import annotations

import json
import re
import sys
from typing import Any, Final

import msgspec

from .commands import COMMANDS
from .protocol import ClientMessage, EnrolAnswer, EnrolRequest, Health, ServerMessage

__all__ = ["SCHEMA_BLOCK", "components", "refresh", "render"]

REF_TEMPLATE: Final = "#/$defs/{name}"
SCHEMA_BLOCK: Final = re.compile(
    r"<!-- schema: (?P<name>[A-Za-z0-9_]+) -->\n```json\n(?P<body>.*?)\n```", re.DOTALL
)


def _without_descriptions(value: Any) -> Any:
    """The schema without its prose: the document says it in words, and a docstring's wording
    is no change of the protocol."""
    if isinstance(value, dict):
        return {k: _without_descriptions(v) for k, v in value.items() if k != "description"}
    if isinstance(value, list):
        return [_without_descriptions(v) for v in value]
    return value


def components() -> dict[str, Any]:
    """Every named schema: the messages both ways, each command's arguments, /health's answer,
    and the types inside them; references point at `#/$defs/<name>`."""
    types: list[Any] = [ClientMessage, ServerMessage, Health, EnrolRequest, EnrolAnswer]
    types += [spec.arguments for spec in COMMANDS.values()]
    types += [spec.result for spec in COMMANDS.values() if spec.result is not None]
    _, found = msgspec.json.schema_components(types, ref_template=REF_TEMPLATE)
    # As JSON has it (a tuple default is an array), so the document's copy compares equal.
    cleaned: dict[str, Any] = json.loads(json.dumps(_without_descriptions(found)))
    return dict(sorted(cleaned.items()))


def render(schema: Any) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False)


def refresh(document: str) -> str:
    """`document` with every marked schema block replaced by the generated one."""
    generated = components()

    def replace(match: re.Match[str]) -> str:
        name = match["name"]
        if name not in generated:
            raise KeyError(f"the document shows schema {name}, which the protocol lacks")
        return f"<!-- schema: {name} -->\n```json\n{render(generated[name])}\n```"

    return SCHEMA_BLOCK.sub(replace, document)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m konnekta_desktop.remote.schema DOCUMENT.md", file=sys.stderr)
        return 2
    with open(argv[0], encoding="utf-8") as file:
        document = file.read()
    refreshed = refresh(document)
    shown = {match["name"] for match in SCHEMA_BLOCK.finditer(refreshed)}
    missing = sorted(set(components()) - shown)
    with open(argv[0], "w", encoding="utf-8") as file:
        file.write(refreshed)
    for name in missing:
        print(f"not in the document yet: {name}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
