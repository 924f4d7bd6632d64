"""A full headless demo run: it logs in, subscribes, logs live events, and leaks no secret."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from konnekta_desktop import headless
from konnekta_desktop.core.session import Session
from konnekta_desktop.domain.status import Connection
from konnekta_desktop.runtime import LaunchOptions, SettingsProblem
from konnekta_desktop.settings import AppPaths, Secret, SecretStore, Settings, save_settings
from konnekta_desktop.simulator import keycloak, webhooks
from konnekta_desktop.simulator.server import Simulator
from tests.helpers.konnekta import until
from tests.helpers.ports import free_port


@pytest.fixture
def issued_secrets(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every token and webhook secret the simulator hands out (the simulator is ours to observe)."""
    issued: list[str] = []
    issue = keycloak.TokenIssuer._issue
    subscribe = webhooks.WebhookSender.subscribe

    def recording_issue(self: Any, username: str) -> dict[str, Any]:
        answer = issue(self, username)
        issued.extend([answer["access_token"], answer["refresh_token"]])
        return answer

    def recording_subscribe(self: Any, url: str, secret: str, ttl_seconds: int) -> Any:
        issued.append(secret)
        return subscribe(self, url, secret, ttl_seconds)

    monkeypatch.setattr(keycloak.TokenIssuer, "_issue", recording_issue)
    monkeypatch.setattr(webhooks.WebhookSender, "subscribe", recording_subscribe)
    return issued


@pytest.mark.usefixtures("restore_logging")
async def test_headless_demo_logs_live_events_and_leaks_no_secret(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], issued_secrets: list[str]
) -> None:
    stop = asyncio.Event()
    opened: asyncio.Future[Session] = asyncio.get_running_loop().create_future()
    options = LaunchOptions(demo=True, config_dir=tmp_path, users=20, seed=4)
    run = asyncio.create_task(headless.serve(options, stop, on_session=opened.set_result))
    session = await opened
    await session.connector.wait_connected()
    simulator = session.simulator
    simulator.set_auto_traffic(False)
    operator = session.operator
    assert operator is not None

    before = simulator.tenant.presence[operator.id].availability
    call_id = await simulator.ring(operator.id, "+4512345678")
    await simulator.answer(call_id)
    await until(session.model, lambda: bool(session.model.active_calls()))
    await simulator.hang_up(call_id)
    await until(session.model, lambda: not session.model.active_calls())
    # Reference page, Wrap-Up: it "only happens if ... Switchboard clients are running", and
    # --headless is none: no wrap-up, and the operator was never made Unavailable for one.
    assert operator.user.wrap_up
    assert session.wrapup.pending() == []
    assert simulator.tenant.presence[operator.id].availability is before
    session.connector.auth.invalidate()  # forces a token refresh, so rotated tokens are seen too
    await session.presence.set_template(operator.id, "Lunch")
    stop.set()
    assert await run == 0
    assert session.connector.status.state is Connection.DISCONNECTED

    secrets = [simulator.client_secret, simulator.password, *issued_secrets]
    assert len(issued_secrets) >= 5  # two logins' worth of tokens and a webhook secret
    output = capsys.readouterr()
    log_text = output.err + output.out
    assert "LogPresenceActivityIds" in log_text
    assert "LogMonitoredNumberList" in log_text
    assert f"call {call_id}" in log_text
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert any(p.suffix == ".log" for p in files)
    for secret in secrets:
        assert secret not in log_text
        for file in files:
            assert secret.encode() not in file.read_bytes(), f"a secret leaked into {file.name}"


@pytest.mark.usefixtures("restore_logging")
async def test_headless_with_incomplete_settings_refuses_naming_what_to_fix(tmp_path: Path) -> None:
    with pytest.raises(SettingsProblem, match="Issuer URI"):
        await headless.serve(LaunchOptions(config_dir=tmp_path), asyncio.Event())


@pytest.mark.usefixtures("restore_logging")
async def test_headless_with_a_wrong_password_exits_2_naming_the_settings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    async with Simulator(users=3) as simulator:
        settings = Settings(
            tenant_domain="demo.example.dk",
            listener_port=free_port(),  # a settings file refuses 0
            smg_address=simulator.smg_address,
            issuer_uri=simulator.issuer_uri,
            client_id=simulator.client_id,
            client_secret=Secret(simulator.client_secret),
            user=simulator.username,
            password=Secret("not-the-password"),
        )
        paths = AppPaths.for_dir(tmp_path)
        save_settings(paths, settings, SecretStore())
        code = await headless.serve(LaunchOptions(config_dir=tmp_path), asyncio.Event())
    assert code == 2
    err = capsys.readouterr().err
    assert "User and Password" in err
    assert "not-the-password" not in err
