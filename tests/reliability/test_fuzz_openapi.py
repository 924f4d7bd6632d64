"""schemathesis over docs/konnekta-openapi.yaml against the simulator, over real loopback HTTP.

Every operation of `paths` (login and SMG API) gets schema-valid and schema-violating requests,
with a bearer token from the simulator's token endpoint; a second pass puts a real user id and a
real call id into the path so that the operations get past 404. No answer may be a 5xx, and every
answer must conform to the document (status code, content type, headers, body schema).

schemathesis does not drive the document's `webhooks:` section (it generates only for `paths`);
the listener side is covered by the hypothesis strategies in test_fuzz_webhooks.py instead.

schemathesis sends with `requests` (blocking), so the simulator runs on a loop of its own thread.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import Future
from pathlib import Path
from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from konnekta_desktop.simulator.server import Simulator
from tests.reliability.support import tally

DOCUMENT = Path(__file__).parents[2] / "docs" / "konnekta-openapi.yaml"
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
EXAMPLES = 12  # per operation, mode and pass: ~1,000 requests in all, ~15 s here


class SimulatorThread:
    """A `Simulator` served from an asyncio loop on its own thread."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.simulator = Simulator(users=10, seed=3)
        self._thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self._thread.start()
        self.run(self.simulator.start())

    def run(self, coroutine: Any) -> Any:
        future: Future[Any] = asyncio.run_coroutine_threadsafe(coroutine, self.loop)
        return future.result(10)

    def close(self) -> None:
        self.run(self.simulator.close())
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(5)
        self.loop.close()


@pytest.fixture(scope="module")
def served() -> Iterator[SimulatorThread]:
    served = SimulatorThread()
    yield served
    served.close()


def _access_token(simulator: Simulator) -> str:
    answer = httpx.post(
        f"{simulator.issuer_uri}/protocol/openid-connect/token",
        data={
            "grant_type": "password",
            "username": simulator.username,
            "password": simulator.password,
            "client_id": simulator.client_id,
            "client_secret": simulator.client_secret,
        },
    )
    answer.raise_for_status()
    token = answer.json()["access_token"]
    assert isinstance(token, str)
    return token


def _send_examples(
    strategy: Any,
    base_url: str,
    headers: dict[str, str] | None,
    mode: GenerationMode,
    statuses: Counter[tuple[str, int]],
    failures: list[str],
) -> None:
    """Send EXAMPLES generated requests of one operation and check each answer."""

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=strategy)
    def send(case: Any) -> None:
        response = case.call(base_url=base_url, headers=headers)
        tally[f"openapi: {mode.value} request"] += 1
        label = case.operation.label
        statuses[(label, response.status_code)] += 1
        try:
            case.validate_response(response, checks=CHECKS)
        except BaseException as failure:  # schemathesis raises a FailureGroup
            failures.append(f"{label}: {str(failure)[:400]}")

    send()


def test_every_operation_answers_without_5xx_and_as_the_document_says(
    served: SimulatorThread,
) -> None:
    simulator = served.simulator
    token = _access_token(simulator)
    user_id = next(iter(simulator.tenant.users))
    call_id = served.run(simulator.ring(user_id, "+4512345678"))
    schema = schemathesis.openapi.from_path(DOCUMENT)
    operations = [result.ok() for result in schema.get_all_operations()]  # type: ignore[union-attr]
    statuses: Counter[tuple[str, int]] = Counter()
    failures: list[str] = []

    for operation in operations:
        login = "login" in (operation.tags or [])
        base_url = simulator.issuer_uri if login else simulator.smg_address
        headers = None if login else {"Authorization": f"Bearer {token}"}
        passes: list[dict[str, Any] | None] = [None]
        if "{user_id}" in operation.path:
            passes.append({"user_id": user_id})
        if "{call_id}" in operation.path:
            passes.append({"call_id": call_id})
        for path_parameters in passes:
            for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
                strategy = operation.as_strategy(
                    generation_mode=mode, path_parameters=path_parameters
                )
                with contextlib.suppress(Unsatisfiable):  # nothing to violate in an operation
                    _send_examples(strategy, base_url, headers, mode, statuses, failures)

    print(
        "\n".join(
            f"{label} -> {status}: {count}" for (label, status), count in sorted(statuses.items())
        )
    )
    assert not [key for key in statuses if key[1] >= 500]
    assert not failures, "\n\n".join(failures[:5])
    # Both passes reached the handlers, not only the 401/404 refusals.
    assert any(200 <= status < 300 for _, status in statuses)
