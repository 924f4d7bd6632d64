"""`konnekta-desktop server` as the program it is: started as a subprocess, it says where to
connect, serves a desktop, and on SIGTERM says goodbye, unsubscribes and exits 0."""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import socket
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from konnekta_desktop.domain.interface import Role
from konnekta_desktop.domain.status import Connection
from konnekta_desktop.remote.device import enrol
from konnekta_desktop.remote.operators import Operators
from konnekta_desktop.remote.protocol import Snapshot, UpdateMessage
from konnekta_desktop.server_cli import main
from konnekta_desktop.settings import AppPaths, SecretStore, Settings, save_settings
from konnekta_desktop.simulator.server import Simulator
from tests.helpers.ports import free_port
from tests.remote.wsclient import WAIT, Client

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="SIGTERM to a child needs POSIX"),
]


class Program:
    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process
        self.printed: dict[str, str] = {}

    async def announced(self) -> None:
        """Read stdout until the connector said where to connect."""
        assert self.process.stdout is not None
        while True:
            line = (await asyncio.wait_for(self.process.stdout.readline(), 60)).decode()
            assert line, "the connector ended before it said where to connect"
            key, sep, value = line.partition(":")
            if sep:
                self.printed[key.strip()] = value.strip()
            if line.startswith("Stop with"):
                return

    async def token(self) -> str:
        """A device token for the demo's enrolment code, as a desktop gets it."""
        code = self.printed["Enrolment code"].split()[0]
        return (await enrol(self.printed["Client API"], code)).token

    async def stop(self) -> tuple[int, str, str]:
        self.process.send_signal(signal.SIGTERM)
        out, err = await asyncio.wait_for(self.process.communicate(), 60)
        assert self.process.returncode is not None
        return self.process.returncode, out.decode(), err.decode()


@asynccontextmanager
async def program(*args: str, env: dict[str, str] | None = None) -> AsyncIterator[Program]:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "konnekta_desktop",
        "server",
        *args,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        env={**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})},
    )
    try:
        yield Program(process)
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()


async def connected(client: Client) -> None:
    """Hello, then wait until the connector's link to Konnekta is up."""
    await client.hello()

    def up(message: Any) -> bool:
        if isinstance(message, Snapshot):
            return message.status.state is Connection.CONNECTED
        return (
            isinstance(message, UpdateMessage)
            and message.status is not None
            and message.status.state is Connection.CONNECTED
        )

    await client.wait_for(up)


async def test_sigterm_stops_a_demo_connector_cleanly(tmp_path: Path) -> None:
    async with program(
        "--demo", "--port", "0", "--users", "5", "--config-dir", str(tmp_path)
    ) as run:
        await run.announced()
        assert run.printed["Client API"].startswith("ws://127.0.0.1:")
        assert run.printed["Health"].endswith("/health")
        assert "Demo" in run.printed
        assert run.printed["Desktop"].startswith("konnekta-desktop --connect http://127.0.0.1:")
        async with Client(run.printed["Client API"], await run.token()) as client:
            await connected(client)
            async with aiohttp.ClientSession() as http, http.get(run.printed["Health"]) as answer:
                assert (await answer.json())["konnekta"]["state"] == "connected"
            goodbye = asyncio.create_task(client.closed())  # a live client reads on
            code, _out, err = await run.stop()
            assert await goodbye == aiohttp.WSCloseCode.GOING_AWAY
    assert code == 0, err
    assert "Webhook subscription removed" in err
    assert "enrolled from" in err
    assert "Traceback" not in err


async def test_sigterm_removes_the_subscription_at_konnekta(tmp_path: Path) -> None:
    async with Simulator(users=5, seed=3) as simulator:
        settings = Settings(
            tenant_domain=simulator.tenant.domain,
            listener_port=free_port(),
            smg_address=simulator.smg_address,
            issuer_uri=simulator.issuer_uri,
            client_id=simulator.client_id,
            user=simulator.username,
        )
        save_settings(AppPaths.for_dir(tmp_path), settings, SecretStore())
        secrets = {
            "KONNEKTA_CLIENT_SECRET": simulator.client_secret,
            "KONNEKTA_PASSWORD": simulator.password,
        }
        async with program("--port", "0", "--config-dir", str(tmp_path), env=secrets) as run:
            await run.announced()
            # The administrator adds an operator beside the running connector.
            operators = Operators.open(tmp_path / "data" / "konnekta-desktop.sqlite3", patient=True)
            invitation = operators.invite(simulator.username, Role.OPERATOR)
            token, _ = operators.enrol(invitation.code, "test desktop")
            operators.close()
            async with Client(run.printed["Client API"], token) as client:
                await connected(client)
                assert len(simulator.webhooks.subscriptions()) == 1
                code, _out, err = await run.stop()
        assert code == 0, err
        assert simulator.webhooks.subscriptions() == []
    logged = err + "".join(p.read_text() for p in tmp_path.rglob("*.log"))
    for secret in secrets.values():
        assert secret not in logged


def test_a_busy_port_stops_it_before_anything_starts(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with caplog.at_level(logging.ERROR):
            code = main(["--demo", "--port", str(port), "--config-dir", str(tmp_path)])
    assert code == 2
    assert f"cannot use port {port}" in caplog.text
    assert "--port" in caplog.text
    assert not (tmp_path / "data" / "konnekta-desktop.sqlite3").exists()


async def test_the_program_answers_a_bad_first_frame_and_stops_cleanly(tmp_path: Path) -> None:
    async with program(
        "--demo", "--port", "0", "--users", "3", "--config-dir", str(tmp_path)
    ) as run:
        await run.announced()
        async with Client(run.printed["Client API"], await run.token()) as client:
            await client.send_text("{")
            assert client.ws is not None
            frame = await asyncio.wait_for(client.ws.receive(), WAIT)
            assert b"message_not_json" in (
                frame.data if isinstance(frame.data, bytes) else frame.data.encode()
            )
        code, _out, err = await run.stop()
    assert code == 0, err
