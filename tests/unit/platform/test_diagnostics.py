"""Save diagnostics: the zip has the logs, settings and versions, and no secret at all."""

from __future__ import annotations

import base64
import platform
import re
import secrets
import zipfile
from pathlib import Path

import pytest

from konnekta_desktop import __version__, logs
from konnekta_desktop.diagnostics import MASK, default_file_name, redact, save_diagnostics
from konnekta_desktop.settings import AppPaths


def planted(label: str) -> str:
    """A unique secret value per test run, so a leak cannot match by accident."""
    return f"{label}-{secrets.token_hex(6)}"


def jwt(subject: str) -> str:
    def part(text: str) -> str:
        return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")

    return f"{part('{"alg":"RS256","typ":"JWT"}')}.{part(f'{{"sub":"{subject}"}}')}.c2lnbmF0dXJl"


def read_zip(file: Path) -> dict[str, str]:
    with zipfile.ZipFile(file) as archive:
        return {name: archive.read(name).decode("utf-8") for name in archive.namelist()}


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    paths = AppPaths.for_dir(tmp_path / "app")
    paths.create()
    return paths


def test_no_secret_of_any_kind_reaches_the_zip(paths: AppPaths, tmp_path: Path) -> None:
    client_secret = planted("client-secret")
    password = planted("password")
    registered = planted("registered")  # a value only logs.redactor knows
    passed = planted("passed")  # a value only the caller knows
    refresh_token = planted("refresh")
    refresh_form = planted("form")
    access_token = jwt(planted("access"))
    webhook_secret = "whsec_" + base64.b64encode(secrets.token_bytes(24)).decode()
    basic = base64.b64encode(f"konnekta-desktop:{client_secret}".encode()).decode()
    bearer = planted("bearer")
    api_key = planted("apikey")
    logs.redactor.add(registered)
    paths.settings_file.write_text(
        "[connection]\n"
        'issuer_uri = "https://login.example.dk/realms/firma"\n'
        'client_id = "konnekta-desktop"\n'
        f'client_secret = "{client_secret}"\n'
        'user = "reception@firma.dk"\n'
        f"password = '{password}'\n"
        f"webhook_secret = {webhook_secret}\n"
        f'api_key = "{api_key}"\n'
    )
    (paths.log_dir / logs.LOG_FILE).write_text(
        "2026-01-05 09:00:00,001 INFO    konnekta_desktop.core.connector: Logging in\n"
        f'2026-01-05 09:00:00,002 DEBUG   auth: answer {{"access_token": "{access_token}", '
        f'"refresh_token": "{refresh_token}", "expires_in": 300}}\n'
        f"2026-01-05 09:00:00,003 DEBUG   auth: POST /token grant_type=refresh_token&"
        f"refresh_token={refresh_form}&client_id=konnekta-desktop\n"
        f"2026-01-05 09:00:00,004 DEBUG   http: Authorization: Basic {basic}\n"
        f"2026-01-05 09:00:00,005 DEBUG   http: headers {{'authorization': 'Bearer {bearer}'}}\n"
        f"2026-01-05 09:00:00,006 INFO    connector: subscribed with {webhook_secret}\n"
        f"2026-01-05 09:00:00,007 ERROR   x: the password {registered} was refused\n"
        f"2026-01-05 09:00:00,008 ERROR   x: something echoed {passed}\n"
        "2026-01-05 09:00:00,009 INFO    konnekta_desktop.core.connector: Connection connected\n"
    )
    (paths.log_dir / f"{logs.LOG_FILE}.1").write_text(
        f"2026-01-04 17:00:00,000 INFO    old: password={password} token: {access_token}\n"
    )

    zip_file = save_diagnostics(tmp_path, paths, secrets=[client_secret, password, passed])

    contents = read_zip(zip_file)
    assert set(contents) == {
        "versions.txt",
        "settings.toml",
        "files.txt",
        "logs/konnekta-desktop.log",
        "logs/konnekta-desktop.log.1",
    }
    everything = "\n".join([*contents, *contents.values()])
    raw_zip = zip_file.read_bytes()
    for secret in (
        client_secret,
        password,
        registered,
        passed,
        refresh_token,
        refresh_form,
        access_token,
        webhook_secret,
        webhook_secret.removeprefix("whsec_"),
        basic,
        bearer,
        api_key,
    ):
        assert secret not in everything, f"{secret[:12]}... leaked"
        assert secret.encode() not in raw_zip
    # What support needs is still there.
    assert "reception@firma.dk" in contents["settings.toml"]
    assert 'issuer_uri = "https://login.example.dk/realms/firma"' in contents["settings.toml"]
    assert f'client_secret = "{MASK}"' in contents["settings.toml"]
    assert "Connection connected" in contents["logs/konnekta-desktop.log"]
    assert "grant_type=refresh_token" in contents["logs/konnekta-desktop.log"]


def test_versions_name_the_app_python_qt_and_os(paths: AppPaths, tmp_path: Path) -> None:
    zip_file = save_diagnostics(tmp_path / "support.zip", paths, qt_version="6.9.1")
    versions = read_zip(zip_file)["versions.txt"]
    assert re.search(rf"^konnekta-desktop +{re.escape(__version__)}$", versions, re.MULTILINE)
    assert platform.python_version() in versions
    assert "6.9.1" in versions
    assert platform.system() in versions
    assert zip_file == tmp_path / "support.zip"


def test_a_folder_as_destination_gets_a_dated_file(paths: AppPaths, tmp_path: Path) -> None:
    zip_file = save_diagnostics(tmp_path, paths, clock=lambda: 1_767_600_000.0)
    assert zip_file.parent == tmp_path
    assert zip_file.name == default_file_name(lambda: 1_767_600_000.0)
    assert zip_file.name.startswith("konnekta-desktop-diagnostics-20")
    assert not list(tmp_path.glob("*.part"))


def test_without_settings_or_logs_the_zip_still_has_the_versions(tmp_path: Path) -> None:
    paths = AppPaths.for_dir(tmp_path / "never-started")
    contents = read_zip(save_diagnostics(tmp_path, paths))
    assert set(contents) == {"versions.txt", "files.txt"}


def test_the_file_listing_shows_what_exists(paths: AppPaths, tmp_path: Path) -> None:
    (paths.data_dir / "konnekta-desktop.sqlite3").write_bytes(b"x" * 10)
    listing = read_zip(save_diagnostics(tmp_path, paths))["files.txt"]
    assert "konnekta-desktop.sqlite3  10 bytes" in listing


@pytest.mark.parametrize(
    "ordinary",
    [
        "Could not refresh the token: the server said no",
        "Basic settings were saved",
        'client_secret = ""',
        "Secret('********') is how a secret shows itself",
        "Subscribed to Konnekta's events at http://127.0.0.1:8470/webhook",
    ],
)
def test_ordinary_text_is_left_alone(ordinary: str) -> None:
    assert redact(ordinary) == ordinary


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "POST grant_type=password&password=hunter2&user=a",
            f"POST grant_type=password&password={MASK}&user=a",
        ),
        ('{"refresh_token": "abc.def"}', f'{{"refresh_token": "{MASK}"}}'),
        ("token: abcdefgh12345678 next", f"token: {MASK} next"),
        ("key whsec_QUJD", f"key whsec_{MASK}"),
    ],
)
def test_secret_looking_values_are_masked(text: str, expected: str) -> None:
    assert redact(text) == expected


def test_a_longer_secret_containing_a_shorter_one_is_removed_whole() -> None:
    assert redact("x abcd-efgh y", ["abcd", "abcd-efgh"]) == f"x {MASK} y"
