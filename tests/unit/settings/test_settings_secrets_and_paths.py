"""The secret store over the keyring (and without one), and where the app's files live."""

from __future__ import annotations

import logging
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest

from konnekta_desktop.domain.refusals import Reason, english, why
from konnekta_desktop.settings import AppPaths, Secret, SecretStore, Settings, load_settings
from konnekta_desktop.settings.secret_store import SecretName
from tests.helpers.keyring_backend import InMemoryKeyring, LockedKeyring

TENANT_A = Settings(
    issuer_uri="https://id.example.dk/auth/realms/acme", client_id="switchboard", user="svc"
)
TENANT_B = TENANT_A.replace(issuer_uri="https://id.example.dk/auth/realms/other")


def test_store_uses_the_installed_keyring_under_the_app_service_name(
    memory_keyring: InMemoryKeyring,
) -> None:
    store = SecretStore()
    store.put(SecretName.PASSWORD, TENANT_A, Secret("hunter2"))

    assert store.available
    assert store.problem is None
    assert list(memory_keyring.entries.values()) == ["hunter2"]
    assert SecretStore().get(SecretName.PASSWORD, TENANT_A) == Secret("hunter2")
    ((service, _),) = memory_keyring.entries
    assert service == "konnekta-desktop"


def test_two_tenants_on_one_computer_keep_separate_secrets(
    memory_keyring: InMemoryKeyring,
) -> None:
    store = SecretStore()
    store.save(TENANT_A.replace(password=Secret("a-pass"), client_secret=Secret("a-client")))
    store.save(TENANT_B.replace(password=Secret("b-pass"), client_secret=Secret("b-client")))

    fresh = SecretStore()
    assert fresh.fill(TENANT_A).password == Secret("a-pass")
    assert fresh.fill(TENANT_A).client_secret == Secret("a-client")
    assert fresh.fill(TENANT_B).password == Secret("b-pass")
    assert len(memory_keyring.entries) == 4


def test_client_secret_follows_the_client_id_and_password_follows_the_user(
    memory_keyring: InMemoryKeyring,
) -> None:
    SecretStore().save(TENANT_A.replace(password=Secret("p"), client_secret=Secret("c")))

    other_user = SecretStore().fill(TENANT_A.replace(user="someone-else"))
    other_client = SecretStore().fill(TENANT_A.replace(client_id="another-client"))

    assert other_user.client_secret == Secret("c")
    assert not other_user.password
    assert other_client.password == Secret("p")
    assert not other_client.client_secret


def test_saving_for_a_new_user_removes_the_old_users_password(
    memory_keyring: InMemoryKeyring,
) -> None:
    store = SecretStore()
    old = TENANT_A.replace(password=Secret("old-pass"), client_secret=Secret("c"))
    store.save(old)
    new = old.replace(user="svc2", password=Secret("new-pass"))

    store.save(new, previous=old)

    assert sorted(memory_keyring.entries.values()) == ["c", "new-pass"]


def test_an_emptied_secret_is_removed_from_the_keyring(memory_keyring: InMemoryKeyring) -> None:
    store = SecretStore()
    store.put(SecretName.PASSWORD, TENANT_A, Secret("hunter2"))
    store.put(SecretName.PASSWORD, TENANT_A, Secret())
    store.put(SecretName.CLIENT_SECRET, TENANT_A, Secret())  # never stored: no error

    assert memory_keyring.entries == {}
    assert store.available


def test_without_a_keyring_secrets_are_kept_for_this_session_and_it_says_so(
    caplog: pytest.LogCaptureFixture,
) -> None:
    store = SecretStore(keyring.backends.fail.Keyring())  # keyring's own "nothing found" backend

    with caplog.at_level(logging.WARNING):
        store.put(SecretName.PASSWORD, TENANT_A, Secret("hunter2"))

    assert not store.available
    assert store.problem is not None
    assert store.problem.reason is Reason.NO_KEYRING
    assert "this session only" in english(store.problem)
    assert store.get(SecretName.PASSWORD, TENANT_A) == Secret("hunter2")
    assert not SecretStore(keyring.backends.fail.Keyring()).get(SecretName.PASSWORD, TENANT_A)
    assert "hunter2" not in caplog.text


def test_the_default_store_notices_when_the_system_has_no_keyring() -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    try:
        store = SecretStore()
    finally:
        keyring.set_keyring(previous)
    assert not store.available
    assert store.problem is not None
    assert store.problem.reason is Reason.NO_KEYRING


def test_a_locked_keyring_falls_back_to_the_session_and_names_the_error(
    caplog: pytest.LogCaptureFixture,
) -> None:
    store = SecretStore(LockedKeyring())
    assert store.available  # nothing has been tried yet

    with caplog.at_level(logging.WARNING):
        store.save(TENANT_A.replace(password=Secret("hunter2"), client_secret=Secret("c")))

    assert not store.available
    assert store.problem is not None
    assert store.problem == why(Reason.KEYRING_FAILED, kind="KeyringLocked")
    assert "this session only" in english(store.problem)
    assert store.fill(TENANT_A).password == Secret("hunter2")
    assert "hunter2" not in caplog.text


def test_a_locked_keyring_on_reading_gives_empty_secrets_not_a_crash() -> None:
    store = SecretStore(LockedKeyring())
    assert not store.get(SecretName.PASSWORD, TENANT_A)
    assert not store.available


def test_load_settings_fills_the_secrets_from_the_store(
    tmp_path: Path, memory_keyring: InMemoryKeyring
) -> None:
    paths = AppPaths.for_dir(tmp_path)
    SecretStore().save(Settings(password=Secret("hunter2")))
    settings, errors = load_settings(paths, SecretStore())
    assert settings.password == Secret("hunter2")
    assert errors == []


def test_config_dir_keeps_every_path_inside_the_folder(tmp_path: Path) -> None:
    folder = tmp_path / "portable"
    paths = AppPaths.for_dir(folder)
    paths.create()

    every_path = [paths.config_dir, paths.data_dir, paths.log_dir, paths.cache_dir]
    for path in [*every_path, paths.settings_file]:
        assert path.is_relative_to(folder)
    assert len(set(every_path)) == 4
    assert all(path.is_dir() for path in every_path)
    assert paths.settings_file == folder / "settings.toml"


def test_a_relative_config_dir_becomes_absolute(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    paths = AppPaths.for_dir("here")
    assert paths.config_dir == tmp_path / "here"
    assert paths.data_dir.is_absolute()


def test_default_paths_are_the_platform_folders_named_for_the_app() -> None:
    paths = AppPaths.default()
    for path in (paths.config_dir, paths.data_dir, paths.log_dir, paths.cache_dir):
        assert path.is_absolute()
        assert "konnekta-desktop" in path.parts
