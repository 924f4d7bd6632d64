"""Security checks: where the listener binds, a secrets audit over every file and every line of
output a session leaves behind (forced crashes included), and TLS verification.

Signature, timestamp and replay checks are the listener's own tests: tests/unit/listener/
(test_webhook_receive.py, test_replay_guard.py) and tests/integration/test_listener.py; the
generated header mutations in test_fuzz_webhooks.py cover them again over loopback.
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
from pathlib import Path
from typing import Any

import pytest

from konnekta_desktop import logs, runtime
from konnekta_desktop.core import connector as connector_module
from konnekta_desktop.core.config import ConnectorConfig
from konnekta_desktop.core.connector import Connector
from konnekta_desktop.domain import CallingDevice
from konnekta_desktop.domain.refusals import Refused, english
from konnekta_desktop.domain.status import Connection
from konnekta_desktop.settings import AppPaths, Secret, SecretStore, Settings, save_settings
from konnekta_desktop.simulator.server import Simulator
from tests.helpers.konnekta import until
from tests.helpers.tls import untrusted_tls_server
from tests.reliability.support import tally


def default_settings_for(simulator: Simulator, **changes: Any) -> Settings:
    return Settings(
        tenant_domain=simulator.tenant.domain,
        issuer_uri=simulator.issuer_uri,
        smg_address=simulator.smg_address,
        client_id=simulator.client_id,
        client_secret=Secret(simulator.client_secret),
        user=simulator.username,
        password=Secret(simulator.password),
        listener_port=0,
    ).replace(**changes)


async def test_the_listener_binds_only_loopback_with_the_default_settings(
    tmp_path: Path, restore_logging: None
) -> None:
    async with Simulator(users=5, seed=2) as simulator:
        settings = default_settings_for(simulator)
        assert Settings().listener_host == "127.0.0.1"  # the default, not the settings above
        paths = AppPaths.for_dir(tmp_path)
        paths.create()
        save_settings(paths, settings, SecretStore())
        session = await runtime.open_session(
            runtime.LaunchOptions(config_dir=tmp_path, log_to_stderr=False)
        )
        await session.start()
        await session.connector.wait_connected()
        addresses = session.connector.listener.addresses  # type: ignore[union-attr]
        assert addresses
        assert all(ipaddress.ip_address(host).is_loopback for host, _port in addresses)
        await session.close()


class _Recorder:
    """Every secret the session handles in the run: tokens issued, webhook secrets made."""

    def __init__(self) -> None:
        self.values: set[str] = set()

    def add(self, *values: str) -> None:
        for value in values:
            self.values.add(value)
            if value.startswith("whsec_"):
                self.values.add(value.removeprefix("whsec_"))


class _Boom(RuntimeError):
    pass


async def test_no_secret_in_settings_logs_store_or_output_even_after_forced_crashes(
    tmp_path: Path,
    restore_logging: None,
    capfd: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    recorder = _Recorder()
    real_new_secret = connector_module.new_secret  # type: ignore[attr-defined]

    def recorded_new_secret() -> str:
        secret = real_new_secret()
        recorder.add(secret)
        return secret

    monkeypatch.setattr(connector_module, "new_secret", recorded_new_secret)
    async with Simulator(users=10, seed=2) as simulator:
        issue = simulator._issuer._issue  # test double internals: to learn the tokens issued

        def recorded_issue(username: str) -> dict[str, Any]:
            answer = issue(username)
            recorder.add(answer["access_token"], answer["refresh_token"])
            return answer

        monkeypatch.setattr(simulator._issuer, "_issue", recorded_issue)
        recorder.add(simulator.client_secret, simulator.password)

        paths = AppPaths.for_dir(tmp_path / "konnekta")
        paths.create()
        save_settings(paths, default_settings_for(simulator), SecretStore())
        session = await runtime.open_session(
            runtime.LaunchOptions(config_dir=tmp_path / "konnekta", log_to_stderr=True)
        )
        logging.getLogger().setLevel(logging.DEBUG)  # the most talkative the log can be

        def crash_on_events(_batch: object) -> None:
            # Everything the session holds, in the message: reprs must not reveal a secret.
            raise _Boom(
                f"forced crash: {session.config!r} {session.connector.auth!r} "
                f"{session.connector.api!r} {session.settings!r} {session.store!r}"
            )

        session.connector.on_events(crash_on_events)
        await session.start()
        await session.connector.wait_connected()

        colleague = next(iter(session.model))
        call_id = await simulator.ring(colleague.id, "+4512345678")
        await until(session.model, lambda: call_id in colleague.calls)
        session.connector.auth.invalidate()  # the next request refreshes the token
        await session.commands.dial(colleague.id, "+4587654321", CallingDevice.LOCAL)
        simulator.revoke_refresh_tokens()
        session.connector.auth.invalidate()  # refresh refused: a fresh password login
        await session.presence.set_template(colleague.id, "Lunch")
        simulator.faults.error_burst = 1
        with pytest.raises(Refused):
            await session.commands.dial(colleague.id, "+4587654322", CallingDevice.LOCAL)

        async def crashing_task() -> None:
            raise _Boom(f"forced crash in a background task: {session.config!r}")

        task = session.connector.spawn(crashing_task(), "forced-crash")
        await asyncio.gather(task, return_exceptions=True)
        try:
            raise _Boom(f"forced crash at the top: {session.connector!r} {session!r}")
        except _Boom:
            logging.getLogger("konnekta_desktop").exception("Unhandled error")
        await session.close()

    output = capfd.readouterr()
    assert "forced crash" in output.err  # the crashes did reach the output being audited
    texts = {"stdout": output.out, "stderr": output.err}
    for file in sorted((tmp_path / "konnekta").rglob("*")):
        if file.is_file():
            texts[str(file.relative_to(tmp_path))] = file.read_bytes().decode("utf-8", "replace")
    assert any(name.endswith(".log") for name in texts)
    assert any(name.endswith("settings.toml") for name in texts)
    assert len(recorder.values) >= 8
    tally["security: secret values audited"] += len(recorder.values)
    tally["security: files and streams audited"] += len(texts)
    leaks = [
        (where, _label(secret))
        for where, text in texts.items()
        for secret in recorder.values
        if secret in text
    ]
    assert leaks == []


def _label(secret: str) -> str:
    return f"{secret[:3]}...({len(secret)} chars)"


async def test_setting_warnings_are_logged_at_start_up(
    tmp_path: Path, restore_logging: None
) -> None:
    async with Simulator(users=5, seed=2) as simulator:
        paths = AppPaths.for_dir(tmp_path)
        paths.create()
        save_settings(
            paths, default_settings_for(simulator, listener_host="0.0.0.0"), SecretStore()
        )
        session = await runtime.open_session(
            runtime.LaunchOptions(config_dir=tmp_path, log_to_stderr=False)
        )
        session.store.close()
        text = (paths.log_dir / logs.LOG_FILE).read_text()
        assert "Listener Host" in text
        assert "WARNING" in text


async def test_tls_verification_stays_on_even_when_the_setting_says_off(tmp_path: Path) -> None:
    """Verify TLS Certificates = off is not passed to the HTTP client at all (it always verifies
    against the OS trust store), so a self-signed server is refused with a message saying why."""
    async with untrusted_tls_server(tmp_path) as port:
        settings = Settings(
            tenant_domain="demo.example.dk",
            issuer_uri=f"https://127.0.0.1:{port}/auth/realms/demo",
            smg_address=f"https://127.0.0.1:{port}/api-admin/realm/demo/fwd",
            client_id="konnekta-desktop",
            client_secret=Secret("s3cret-value"),
            user="switchboard@demo.example.dk",
            password=Secret("pa55word-value"),
            listener_port=0,
        )
        config: ConnectorConfig = runtime.connector_config(settings)
        connector = Connector(config)
        statuses: list[str] = []
        refused = asyncio.Event()

        def heard(status: Any) -> None:
            said = english(status.why) if status.why else ""
            statuses.append(said)
            if "not trusted" in said:
                refused.set()

        connector.on_status(heard)
        await connector.start()
        await asyncio.wait_for(refused.wait(), 10)
        assert connector.status.state is not Connection.CONNECTED
        await connector.close()
        assert any("not trusted" in m and "certificate" in m for m in statuses)
        assert not any("s3cret-value" in m or "pa55word-value" in m for m in statuses)
