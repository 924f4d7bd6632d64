"""The option declarations: names, defaults, secrets that hide themselves, reconnect rules."""

from __future__ import annotations

import pickle

import pytest

from konnekta_desktop.settings import (
    OPTIONS,
    CallingDevice,
    Language,
    Owner,
    Secret,
    Section,
    Settings,
    SyncDirection,
    changed_options,
    effective_webhook_address,
    get_option,
    needs_reconnect,
)

CONNECTION_OPTIONS = {
    "connector_address",
    "tenant_domain",
    "listener_port",
    "listener_host",
    "smg_address",
    "issuer_uri",
    "client_id",
    "client_secret",
    "user",
    "password",
    "webhook_address",
    "reconcile_minutes",
}


def test_options_are_exactly_the_agreed_names_grouped_by_section() -> None:
    by_section: dict[Section, set[str]] = {}
    for option in OPTIONS:
        by_section.setdefault(option.section, set()).add(option.name)
    assert by_section == {
        Section.CONNECTION: CONNECTION_OPTIONS,
        Section.NUMBERS: {"international_prefix", "international_code"},
        Section.STATES: {
            "sync_on_startup",
            "sync_direction",
            "activity_mappings",
            "state_mappings",
            "wrap_up_timeout",
        },
        Section.OPERATOR: {"operator_user", "wrap_up", "recall_seconds", "default_calling_device"},
        Section.UI: {"language", "mute_notifications"},
    }
    assert len(OPTIONS) == len({option.name for option in OPTIONS})


def test_every_option_has_a_label_and_a_description() -> None:
    for option in OPTIONS:
        assert option.label.strip(), option.name
        assert len(option.description) > 20, option.name
    assert len({option.label for option in OPTIONS}) == len(OPTIONS)


def test_defaults_match_the_product_brief() -> None:
    settings = Settings()
    assert settings.listener_port == 8470
    assert settings.listener_host == "127.0.0.1"
    assert settings.webhook_address == ""
    assert settings.international_prefix == "00"
    assert settings.international_code == "45"
    assert settings.sync_on_startup is True
    assert settings.sync_direction is SyncDirection.KONNEKTA_TO_LOCAL
    assert settings.wrap_up is True
    assert settings.default_calling_device is CallingDevice.LOCAL
    assert settings.language is Language.SYSTEM
    assert settings.mute_notifications is False
    assert get_option("listener_port").default == 8470


def test_each_settings_object_gets_its_own_mapping_tables() -> None:
    first, second = Settings(), Settings()
    first.activity_mappings["a1"] = "Lunch"
    assert second.activity_mappings == {}
    assert get_option("activity_mappings").default == {}


def test_enum_options_offer_their_choices_for_the_settings_window() -> None:
    assert get_option("sync_direction").choices == ("konnekta_to_local", "local_to_konnekta")
    assert get_option("default_calling_device").choices == ("local", "mobile", "teams")
    assert get_option("language").choices == ("", "en", "da")
    assert get_option("listener_port").choices == ()


def test_only_client_secret_and_password_are_secret() -> None:
    assert {option.name for option in OPTIONS if option.secret} == {"client_secret", "password"}


def test_secret_never_shows_its_value() -> None:
    secret = Secret("hunter2")
    settings = Settings(password=secret, client_secret=Secret("s3cr3t"))
    for text in (repr(secret), str(secret), f"{secret}", f"{secret!r}", repr(settings)):
        assert "hunter2" not in text
        assert "s3cr3t" not in text
    assert "********" in repr(secret)
    assert secret.reveal() == "hunter2"


def test_secrets_compare_by_value_and_empty_is_false() -> None:
    assert Secret("a") == Secret("a")
    assert Secret("a") != Secret("b")
    assert not Secret()
    assert Secret("a")


def test_secret_refuses_to_be_pickled() -> None:
    with pytest.raises(TypeError, match="never pickled"):
        pickle.dumps(Secret("hunter2"))


def test_settings_are_immutable_and_replace_makes_a_changed_copy() -> None:
    settings = Settings()
    with pytest.raises(AttributeError):
        settings.listener_port = 9000  # type: ignore[misc]
    changed = settings.replace(listener_port=9000)
    assert changed.listener_port == 9000
    assert settings.listener_port == 8470


def test_webhook_address_is_derived_from_the_listener_when_empty() -> None:
    assert effective_webhook_address(Settings()) == "http://127.0.0.1:8470/webhook"
    assert (
        effective_webhook_address(Settings(listener_port=9123)) == "http://127.0.0.1:9123/webhook"
    )
    assert effective_webhook_address(Settings(listener_host="::1")) == "http://[::1]:8470/webhook"
    assert (
        effective_webhook_address(Settings(listener_host="0.0.0.0"))
        == "http://127.0.0.1:8470/webhook"
    )


def test_an_explicit_webhook_address_wins_over_the_derived_one() -> None:
    settings = Settings(webhook_address=" https://hooks.example.dk/konnekta ")
    assert effective_webhook_address(settings) == "https://hooks.example.dk/konnekta"


def test_every_connection_and_sync_option_needs_a_reconnect() -> None:
    """All but the read-back interval, which the running connection takes as it is, and the
    company connector, which takes a restart (another kind of session)."""
    reconnecting = {option.name for option in OPTIONS if option.needs_reconnect}
    expected = CONNECTION_OPTIONS - {"reconcile_minutes", "connector_address"} | {
        "sync_on_startup",
        "sync_direction",
    }
    assert reconnecting == expected


@pytest.mark.parametrize(
    ("change", "reconnect"),
    [
        ({"issuer_uri": "https://id.example.dk/auth/realms/other"}, True),
        ({"password": Secret("new")}, True),
        ({"listener_port": 9000}, True),
        ({"sync_direction": SyncDirection.LOCAL_TO_KONNEKTA}, True),
        ({"language": Language.DANISH}, False),
        ({"state_mappings": {"Lunch": "a1"}}, False),
        ({"international_code": "298"}, False),
        ({}, False),
    ],
)
def test_needs_reconnect_follows_the_changed_options(
    change: dict[str, object], reconnect: bool
) -> None:
    old = Settings(password=Secret("old"))
    assert needs_reconnect(old, old.replace(**change)) is reconnect


def test_changed_options_names_what_differs_in_declaration_order() -> None:
    old = Settings()
    new = old.replace(mute_notifications=True, tenant_domain="example.dk")
    assert changed_options(old, new) == ("tenant_domain", "mute_notifications")


def test_unknown_option_name_is_refused_with_its_name() -> None:
    with pytest.raises(KeyError, match="listner_port"):
        get_option("listner_port")


def test_options_are_split_into_the_tenants_and_the_operators_own() -> None:
    """The tenant's settings (one set per company, held by the company connector) and the
    operator's own (this desktop's): issue "One typed door", settings split in two."""
    owners = {option.name: option.owner for option in OPTIONS}
    tenant = {name for name, owner in owners.items() if owner is Owner.TENANT}
    own = {name for name, owner in owners.items() if owner is Owner.OPERATOR}
    assert {"smg_address", "client_secret", "international_code", "state_mappings"} <= tenant
    assert own == {
        "connector_address",  # which company connector this desktop uses
        "operator_user",
        "recall_seconds",
        "wrap_up",
        "default_calling_device",
        "language",
        "mute_notifications",
    }
    assert tenant | own == set(owners)
