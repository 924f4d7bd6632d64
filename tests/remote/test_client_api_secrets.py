"""The connector's secrets: a secrets file only when no other user can change it (or read it,
outside /run/secrets and /run/credentials), then the environment, then the keyring."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from konnekta_desktop.domain.refusals import Reason, WentWrong
from konnekta_desktop.remote.secrets_source import (
    check_secrets_file,
    read_secrets_file,
    secret_store,
    supplied_secrets,
)
from konnekta_desktop.settings import Secret, SecretStore, Settings
from konnekta_desktop.settings.secret_store import SecretName
from tests.helpers.keyring_backend import InMemoryKeyring

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")

SETTINGS = Settings(issuer_uri="https://pbx.example.dk/auth/realms/acme", client_id="c", user="u")


def secrets_file(folder: Path, text: str, mode: int = 0o600) -> Path:
    path = folder / "konnekta.secrets"
    path.write_text(text, encoding="utf-8")
    path.chmod(mode)
    return path


def reason(error: pytest.ExceptionInfo[WentWrong]) -> Reason:
    return error.value.why.reason


@posix_only
def test_an_owner_only_file_is_read(tmp_path: Path) -> None:
    path = secrets_file(
        tmp_path,
        "# the tenant's service account\n"
        "KONNEKTA_CLIENT_SECRET=client-secret-1\n"
        "\n"
        "export KONNEKTA_PASSWORD='pass word=2'\n",
    )
    assert read_secrets_file(path) == {
        SecretName.CLIENT_SECRET: "client-secret-1",
        SecretName.PASSWORD: "pass word=2",
    }


@posix_only
@pytest.mark.parametrize("mode", [0o620, 0o602, 0o666, 0o660])
def test_a_file_others_can_change_is_refused(tmp_path: Path, mode: int) -> None:
    path = secrets_file(tmp_path, "KONNEKTA_PASSWORD=secret-value\n", mode)
    with pytest.raises(WentWrong) as refused:
        read_secrets_file(path)
    assert reason(refused) is Reason.SECRETS_FILE_WRITABLE
    assert "secret-value" not in str(refused.value)


@posix_only
@pytest.mark.parametrize("mode", [0o640, 0o604, 0o644])
def test_a_file_others_can_read_is_refused_outside_the_mounted_places(
    tmp_path: Path, mode: int
) -> None:
    path = secrets_file(tmp_path, "KONNEKTA_PASSWORD=secret-value\n", mode)
    with pytest.raises(WentWrong) as refused:
        read_secrets_file(path)
    assert reason(refused) is Reason.SECRETS_FILE_READABLE


@posix_only
def test_a_readable_file_under_run_secrets_is_accepted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from konnekta_desktop.remote import secrets_source

    mounted = tmp_path / "run" / "secrets"
    mounted.mkdir(parents=True)
    monkeypatch.setattr(secrets_source, "SHARED_PLACES", (mounted,))
    path = secrets_file(mounted, "KONNEKTA_PASSWORD=secret-value\n", 0o444)
    assert read_secrets_file(path) == {SecretName.PASSWORD: "secret-value"}
    writable = secrets_file(mounted, "KONNEKTA_PASSWORD=secret-value\n", 0o666)
    with pytest.raises(WentWrong) as refused:
        check_secrets_file(writable)
    assert reason(refused) is Reason.SECRETS_FILE_WRITABLE


@posix_only
def test_a_wrong_line_is_named_by_number_not_by_content(tmp_path: Path) -> None:
    path = secrets_file(tmp_path, "KONNEKTA_PASSWORD=ok\nhunter2-on-its-own\n")
    with pytest.raises(WentWrong) as refused:
        read_secrets_file(path)
    assert reason(refused) is Reason.SECRETS_FILE_LINE_WRONG
    assert refused.value.why.params == {"file": str(path), "line": "2"}
    assert "hunter2" not in str(refused.value)


def test_a_missing_file_is_refused_saying_why(tmp_path: Path) -> None:
    with pytest.raises(WentWrong) as refused:
        read_secrets_file(tmp_path / "nowhere")
    assert reason(refused) is Reason.SECRETS_FILE_UNREADABLE


@posix_only
def test_the_file_wins_over_the_environment_per_secret(tmp_path: Path) -> None:
    path = secrets_file(tmp_path, "KONNEKTA_PASSWORD=from-file\n")
    environ = {"KONNEKTA_CLIENT_SECRET": "from-env", "KONNEKTA_PASSWORD": "env-password"}
    assert supplied_secrets(path, environ) == {
        SecretName.CLIENT_SECRET: "from-env",
        SecretName.PASSWORD: "from-file",
    }
    assert supplied_secrets(None, {}) == {}


def test_the_session_reads_supplied_secrets_and_the_keyring_for_the_rest(
    memory_keyring: InMemoryKeyring,
) -> None:
    SecretStore().put(SecretName.PASSWORD, SETTINGS, Secret("keyring-password"))
    filled = secret_store({SecretName.CLIENT_SECRET: "supplied-secret"}).fill(SETTINGS)
    assert filled.client_secret.reveal() == "supplied-secret"
    assert filled.password.reveal() == "keyring-password"
    # The process's keyring is not changed: another store does not see the supplied secret.
    assert SecretStore().fill(SETTINGS).client_secret.reveal() == ""
