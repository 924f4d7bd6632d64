"""settings.toml: round trip, secrets kept out, tolerant reading, atomic writing."""

from __future__ import annotations

import logging
import tomllib

import pytest

from konnekta_desktop.domain.refusals import Reason, why
from konnekta_desktop.settings import (
    AppPaths,
    CallingDevice,
    Language,
    Secret,
    SecretStore,
    Settings,
    SettingsSaveError,
    SyncDirection,
    load_settings,
    save_settings,
)
from tests.helpers.keyring_backend import InMemoryKeyring


def full_settings() -> Settings:
    return Settings(
        tenant_domain="example.dk",
        listener_port=9123,
        listener_host="127.0.0.1",
        smg_address="https://smg.example.dk/api-admin/realm/acme/fwd",
        issuer_uri="https://id.example.dk/auth/realms/acme",
        client_id="switchboard",
        client_secret=Secret("client-s3cret"),
        user="svc@example.dk",
        password=Secret("hunter2"),
        webhook_address="https://hooks.example.dk/konnekta",
        international_prefix="00",
        international_code="298",
        sync_on_startup=False,
        sync_direction=SyncDirection.LOCAL_TO_KONNEKTA,
        activity_mappings={"act-1": "Frokost", "act 2 ø": "Møde"},
        state_mappings={"Frokost": "act-1"},
        operator_user="anna@example.dk",
        wrap_up=False,
        default_calling_device=CallingDevice.TEAMS,
        language=Language.DANISH,
        mute_notifications=True,
    )


def write(paths: AppPaths, text: str) -> None:
    paths.config_dir.mkdir(parents=True, exist_ok=True)
    paths.settings_file.write_text(text, encoding="utf-8")


def test_saved_settings_load_back_equal(
    app_paths: AppPaths, memory_keyring: InMemoryKeyring
) -> None:
    settings = full_settings()
    save_settings(app_paths, settings, SecretStore())

    loaded, errors = load_settings(app_paths, SecretStore())

    assert errors == []
    assert loaded == settings


def test_secrets_go_to_the_keyring_and_never_into_the_file(
    app_paths: AppPaths, memory_keyring: InMemoryKeyring
) -> None:
    save_settings(app_paths, full_settings(), SecretStore())

    text = app_paths.settings_file.read_text(encoding="utf-8")
    assert "hunter2" not in text
    assert "client-s3cret" not in text
    assert "password" not in tomllib.loads(text)["connection"]
    assert "client_secret" not in tomllib.loads(text)["connection"]
    assert sorted(memory_keyring.entries.values()) == ["client-s3cret", "hunter2"]
    assert {service for service, _ in memory_keyring.entries} == {"konnekta-desktop"}


def test_without_a_secret_store_the_secrets_load_empty(
    app_paths: AppPaths, memory_keyring: InMemoryKeyring
) -> None:
    save_settings(app_paths, full_settings(), SecretStore())
    loaded, _ = load_settings(app_paths)
    assert not loaded.password
    assert not loaded.client_secret
    assert loaded.user == "svc@example.dk"


def test_file_is_sectioned_toml_with_plain_values(
    app_paths: AppPaths, memory_keyring: InMemoryKeyring
) -> None:
    save_settings(app_paths, full_settings(), SecretStore())
    text = app_paths.settings_file.read_text(encoding="utf-8")
    document = tomllib.loads(text)

    assert text.startswith("# konnekta-desktop settings.")
    assert list(document) == ["connection", "numbers", "states", "operator", "ui"]
    assert document["connection"]["listener_port"] == 9123
    assert document["states"]["sync_direction"] == "local_to_konnekta"
    assert document["states"]["activity_mappings"] == {"act-1": "Frokost", "act 2 ø": "Møde"}
    assert document["ui"]["language"] == "da"


def test_missing_file_means_defaults_and_no_errors(app_paths: AppPaths) -> None:
    assert load_settings(app_paths) == (Settings(), [])


def test_saving_creates_the_folder_and_leaves_no_temporary_files(
    app_paths: AppPaths, memory_keyring: InMemoryKeyring
) -> None:
    store = SecretStore()
    save_settings(app_paths, Settings(), store)
    save_settings(app_paths, Settings(listener_port=9000), store)

    assert [p.name for p in app_paths.config_dir.iterdir()] == ["settings.toml"]
    assert load_settings(app_paths)[0].listener_port == 9000


def test_a_failed_save_says_where_and_leaves_no_temporary_file(
    app_paths: AppPaths, memory_keyring: InMemoryKeyring
) -> None:
    app_paths.settings_file.mkdir(parents=True)  # a folder where the file should go

    with pytest.raises(SettingsSaveError, match="could not be saved to") as caught:
        save_settings(app_paths, full_settings(), SecretStore())

    assert str(app_paths.settings_file) in str(caught.value)
    assert [p.name for p in app_paths.config_dir.iterdir()] == ["settings.toml"]
    assert "hunter2" not in str(caught.value)


def test_wrong_value_falls_back_to_its_default_and_names_field_and_file(
    app_paths: AppPaths,
) -> None:
    write(
        app_paths,
        '[connection]\nlistener_port = "abc"\ntenant_domain = "example.dk"\n'
        '[numbers]\ninternational_code = "298"\n',
    )

    settings, errors = load_settings(app_paths)

    assert settings.listener_port == 8470
    assert settings.tenant_domain == "example.dk"
    assert settings.international_code == "298"
    assert [e.field for e in errors] == ["listener_port"]
    message = errors[0].message
    assert message.startswith(f"In {app_paths.settings_file}: Listener Port must be a whole number")
    assert "'abc'" in message
    assert "default (8470)" in message
    assert "Settings > Connection" in message


def test_misshapen_issuer_in_the_file_is_refused_with_the_realms_hint(
    app_paths: AppPaths,
) -> None:
    write(app_paths, '[connection]\nissuer_uri = "https://id.example.dk/auth/realm/acme"\n')

    settings, errors = load_settings(app_paths)

    assert settings.issuer_uri == ""
    assert [e.field for e in errors] == ["issuer_uri"]
    assert "it says 'realm/' where Konnekta uses 'realms/'" in errors[0].message


def test_empty_required_value_in_the_file_is_not_a_file_error(app_paths: AppPaths) -> None:
    write(app_paths, '[connection]\nclient_id = ""\n')
    assert load_settings(app_paths) == (Settings(), [])


def test_unknown_keys_are_warned_about_once_and_the_rest_loads(
    app_paths: AppPaths, caplog: pytest.LogCaptureFixture
) -> None:
    write(
        app_paths,
        'colour = "blue"\n[connection]\nlistener_port = 9000\nfavourite = 1\n'
        "[numbers]\nwrap_up = false\n[plugins]\nx = 1\n",
    )

    with caplog.at_level(logging.WARNING, logger="konnekta_desktop.settings"):
        settings, errors = load_settings(app_paths)

    assert settings.listener_port == 9000
    assert settings.wrap_up is True
    assert len(errors) == 1
    assert errors[0].warning
    assert errors[0].field is None
    for part in (
        "colour",
        "[connection] favourite",
        "[numbers] wrap_up (belongs in [operator] wrap_up)",
        "[plugins] x",
    ):
        assert part in errors[0].message
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1


def test_a_password_written_into_the_file_is_not_used(
    app_paths: AppPaths, memory_keyring: InMemoryKeyring
) -> None:
    write(app_paths, '[connection]\npassword = "hunter2"\n')

    settings, errors = load_settings(app_paths, SecretStore())

    assert not settings.password
    assert [e.field for e in errors] == ["password"]
    assert "system keyring" in errors[0].message
    assert "hunter2" not in errors[0].message


def test_unreadable_file_means_defaults_and_an_error_naming_the_file(
    app_paths: AppPaths,
) -> None:
    write(app_paths, "[connection\nlistener_port = 9000\n")

    settings, errors = load_settings(app_paths)

    assert settings == Settings()
    assert len(errors) == 1
    assert errors[0].field is None
    assert str(app_paths.settings_file) in errors[0].message
    assert "starts with default settings" in errors[0].message


def test_saving_over_an_unreadable_file_keeps_a_copy_of_it(
    app_paths: AppPaths, memory_keyring: InMemoryKeyring
) -> None:
    broken = "[connection\nlistener_port = 9000 # hand edit\n"
    write(app_paths, broken)

    save_settings(app_paths, Settings(), SecretStore())

    backup = app_paths.config_dir / "settings.toml.bak"
    assert backup.read_text(encoding="utf-8") == broken
    assert load_settings(app_paths) == (Settings(), [])


def test_enum_value_unknown_in_the_file_falls_back_and_lists_the_choices(
    app_paths: AppPaths,
) -> None:
    write(app_paths, '[operator]\ndefault_calling_device = "desk"\n')

    settings, errors = load_settings(app_paths)

    assert settings.default_calling_device is CallingDevice.LOCAL
    assert "'local', 'mobile', 'teams'" in errors[0].message
    assert "default ('local')" in errors[0].message


def test_a_newer_versions_settings_survive_a_save(
    app_paths: AppPaths, memory_keyring: InMemoryKeyring
) -> None:
    """Hardening on the desktop, item 5: saving dropped the keys this version does not know, so
    going back to an older version for a day lost the newer one's settings."""
    write(
        app_paths,
        '[connection]\nlistener_port = 9000\nconnector_url = "wss://connector.example.dk"\n'
        '[queues]\nfavourites = ["Reception", "Sales"]\n',
    )
    settings, _ = load_settings(app_paths)

    save_settings(app_paths, settings.replace(listener_port=9001), SecretStore())

    document = tomllib.loads(app_paths.settings_file.read_text(encoding="utf-8"))
    assert document["connection"]["listener_port"] == 9001
    assert document["connection"]["connector_url"] == "wss://connector.example.dk"
    assert document["queues"] == {"favourites": ["Reception", "Sales"]}
    assert "client_secret" not in document["connection"]


def test_a_byte_that_is_not_utf8_is_reported_with_its_line(app_paths: AppPaths) -> None:
    """Hardening on the desktop, item 5: one such byte discarded the whole file without saying
    where it was."""
    app_paths.config_dir.mkdir(parents=True)
    app_paths.settings_file.write_bytes(b'[connection]\nlistener_port = 9000\nuser = "M\xf8ller"\n')
    settings, errors = load_settings(app_paths)
    assert settings == Settings()
    (error,) = errors
    assert error.why == why(Reason.FILE_NOT_UTF8, file=str(app_paths.settings_file), line="3")
