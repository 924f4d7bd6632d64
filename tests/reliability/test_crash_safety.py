"""Crash safety: a headless session in a child process is killed with SIGKILL at the worst moment,
then a new session on the same store must have lost nothing.

- during a pending wrap-up: after restart the wrap-up is pending again (the dialog returns), and
  completing it makes the operator Available in Konnekta;
- during an offline state change: after restart the change is still pending, and it is sent to
  Konnekta (once) when the connection is back.

The simulator runs in the test process; the child reaches it over loopback.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from konnekta_desktop.core.session import Session
from konnekta_desktop.core.store import Store
from konnekta_desktop.domain import Availability, LineType, User
from konnekta_desktop.domain.states import SyncDirection
from konnekta_desktop.runtime import suggested_mappings
from konnekta_desktop.simulator.server import Simulator
from tests.helpers.konnekta import config_for, until
from tests.reliability import crash_child
from tests.reliability.support import tally

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
ROOT = Path(__file__).parents[2]
MARKER_TIMEOUT = 20.0


def fixed_only_user(simulator: Simulator, *, wrap_up: bool | None = None) -> User:
    return next(
        u
        for u in simulator.tenant.users.values()
        if u.lines
        and not any(line.type is LineType.MOBILE for line in u.lines)
        and (wrap_up is None or u.wrap_up == wrap_up)
    )


class Child:
    """The child session process and its marker lines."""

    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process
        self.lines: list[str] = []

    async def expect(self, prefix: str) -> str:
        assert self.process.stdout is not None
        while True:
            raw = await asyncio.wait_for(self.process.stdout.readline(), MARKER_TIMEOUT)
            if not raw:
                stderr = await self.process.stderr.read() if self.process.stderr else b""
                raise AssertionError(f"child ended before {prefix!r}: {stderr.decode()[-2000:]}")
            line = raw.decode().strip()
            self.lines.append(line)
            if line.startswith(prefix):
                return line

    async def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        assert await self.process.wait() == -signal.SIGKILL
        tally["crash: SIGKILL"] += 1


async def start_child(simulator: Simulator, store: Path, **spec: object) -> Child:
    activities, states = suggested_mappings(simulator.tenant.activities)
    values = {
        "issuer_uri": simulator.issuer_uri,
        "smg_address": simulator.smg_address,
        "client_id": simulator.client_id,
        "client_secret": simulator.client_secret,
        "user": simulator.username,
        "password": simulator.password,
        "store": str(store),
        "activity_mappings": activities,
        "state_mappings": states,
        "sync_direction": SyncDirection.LOCAL_TO_KONNEKTA.value,
        **spec,
    }
    env = {**os.environ, crash_child.ENV: json.dumps(values)}
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "tests.reliability.crash_child",
        cwd=ROOT,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    return Child(process)


async def restarted_session(simulator: Simulator, store: Path, **overrides: object) -> Session:
    activities, states = suggested_mappings(simulator.tenant.activities)
    config = config_for(
        simulator,
        activity_mappings=activities,
        state_mappings=states,
        sync_direction=SyncDirection.LOCAL_TO_KONNEKTA,
        health_interval=0.1,
        reconnect_delay=0.05,
        retry_backoff=0.01,
        **overrides,
    )
    return Session(config, Store(store))


@pytest.fixture
async def simulator() -> AsyncIterator[Simulator]:
    async with Simulator(users=20, seed=5) as sim:
        yield sim


@pytest.mark.slow
async def test_a_pending_wrap_up_survives_sigkill_and_returns_after_restart(
    simulator: Simulator, tmp_path: Path
) -> None:
    operator = fixed_only_user(simulator, wrap_up=True)
    store = tmp_path / "store.sqlite3"
    child = await start_child(simulator, store, scenario="wrapup", operator_user=operator.username)
    try:
        await child.expect("CONNECTED")
        call_id = await simulator.ring(operator.id, "+4512345678")
        await simulator.answer(call_id)
        await simulator.hang_up(call_id)
        assert await child.expect("WRAPUP_PENDING") == f"WRAPUP_PENDING {call_id}"
    finally:
        await child.kill()

    session = await restarted_session(simulator, store, operator_user=operator.username)
    assert [s.call_id for s in session.wrapup.pending()] == [call_id]  # the dialog comes back
    await session.start()
    await session.connector.wait_connected()
    await session.wrapup.complete(session.wrapup.pending()[0], note="after a crash")
    assert simulator.tenant.presence[operator.id].availability is Availability.AVAILABLE
    assert [r.call_id for r in session.store.wrapup_records()] == [call_id]
    await session.close()


@pytest.mark.slow
async def test_an_offline_state_change_survives_sigkill_and_is_sent_once_after_reconnect(
    simulator: Simulator, tmp_path: Path
) -> None:
    colleague = fixed_only_user(simulator)
    store = tmp_path / "store.sqlite3"
    child = await start_child(
        simulator, store, scenario="offline", colleague=colleague.id, template="Lunch"
    )
    try:
        await child.expect("CONNECTED")
        simulator.faults.reset_connections = 1_000_000  # no Retry-After: offline sooner
        await child.expect("OFFLINE")
        await child.expect("STATE_KEPT")
    finally:
        await child.kill()
    simulator.faults.clear()
    assert simulator.tenant.presence[colleague.id].activity_id != "act-lunch"

    with Store(store) as survived:
        assert [(c.user_id, c.state) for c in survived.pending_changes()] == [
            (colleague.id, "Lunch")
        ]
    session = await restarted_session(simulator, store)
    await session.start()
    await session.connector.wait_connected()
    await until(
        session.model,
        lambda: simulator.tenant.presence[colleague.id].activity_id == "act-lunch",
    )
    puts = [
        c
        for c in simulator.received
        if c.method == "PUT" and c.path == f"/users/{colleague.id}/presence"
    ]
    assert len(puts) == 1
    assert session.store.pending_changes() == []
    await session.close()
