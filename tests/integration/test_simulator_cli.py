"""``python -m konnekta_desktop.simulator`` prints what an operator needs, serves, and stops on SIGINT."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys

import httpx
import pytest

from konnekta_desktop.simulator import main


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child needs POSIX")
def test_standalone_simulator_prints_settings_serves_and_stops_on_sigint() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "konnekta_desktop.simulator", "--port", "0", "--users", "5"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        assert process.stdout is not None
        printed: dict[str, str] = {}
        for line in process.stdout:
            if line.startswith("Press Ctrl+C"):
                break
            key, sep, value = line.partition(":")
            if sep:
                printed[key.strip()] = value.strip()
        for setting in (
            "SMG Address",
            "Issuer URI",
            "Client ID",
            "Client Secret",
            "User",
            "Password",
        ):
            assert printed.get(setting), f"{setting} was not printed"
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+/auth/realms/demo", printed["Issuer URI"])
        token = httpx.post(
            printed["Issuer URI"] + "/protocol/openid-connect/token",
            data={
                "grant_type": "password",
                "username": printed["User"],
                "password": printed["Password"],
            },
            auth=(printed["Client ID"], printed["Client Secret"]),
        ).json()["access_token"]
        users = httpx.get(
            printed["SMG Address"] + "/users", headers={"Authorization": f"Bearer {token}"}
        )
        assert len(users.json()) == 5
        process.send_signal(signal.SIGINT)
        stdout, stderr = process.communicate(timeout=20)
        assert process.returncode == 0, stderr
        assert "stopped" in stdout
        for secret in (printed["Client Secret"], printed["Password"], token):
            assert secret not in stderr  # the log never carries secrets
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_busy_port_is_reported_with_what_to_do(capsys: pytest.CaptureFixture[str]) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["--port", str(port), "--users", "2"]) == 1
    assert "--port" in capsys.readouterr().err
