"""Validation rules: each with good and bad values, messages naming the field and expected shape."""

from __future__ import annotations

import socket
from typing import Any

import pytest

from konnekta_desktop.domain.refusals import Reason, english
from konnekta_desktop.settings import (
    Secret,
    Settings,
    SyncDirection,
    setting_warnings,
    validate,
    validate_field,
)
from konnekta_desktop.settings import check_port_free as port_problem


def field_message(name: str, value: Any) -> str | None:
    """The field's problem in English words, as the log and a headless run say it."""
    problem = validate_field(name, value)
    return None if problem is None else english(problem)


def check_port_free(host: str, port: int) -> str | None:
    problem = port_problem(host, port)
    return None if problem is None else english(problem)


SMG = "https://smg.example.dk/api-admin/realm/acme/fwd"
ISSUER = "https://id.example.dk/auth/realms/acme"
ISSUER_SHAPE = "https://{server}/auth/realms/{realm}"
SMG_SHAPE = "https://{server}/api-admin/realm/{realm}/fwd"


def complete_settings(**changes: Any) -> Settings:
    return Settings(
        tenant_domain="example.dk",
        smg_address=SMG,
        issuer_uri=ISSUER,
        client_id="switchboard",
        client_secret=Secret("client-s3cret"),
        user="svc-switchboard@example.dk",
        password=Secret("hunter2"),
        webhook_address="https://hooks.example.dk/konnekta",
    ).replace(**changes)


GOOD = [
    ("tenant_domain", "example.dk"),
    ("tenant_domain", "kunde.example.co.uk"),
    ("listener_port", 8470),
    ("listener_port", 1024),
    ("listener_port", 65535),
    ("listener_port", 0),  # any free port, chosen at each start (the demo's)
    ("listener_host", "127.0.0.1"),
    ("listener_host", "::1"),
    ("listener_host", "localhost"),
    ("smg_address", SMG),
    ("smg_address", SMG + "/"),
    ("smg_address", "https://smg.example.dk:8443/api-admin/realm/acme/fwd"),
    ("smg_address", "http://127.0.0.1:9000/api-admin/realm/acme/fwd"),
    ("smg_address", "http://localhost:9000/api-admin/realm/acme/fwd"),
    ("smg_address", "http://[::1]:9000/api-admin/realm/acme/fwd"),
    ("issuer_uri", ISSUER),
    ("issuer_uri", ISSUER + "/"),
    ("issuer_uri", "http://127.0.0.1:9000/auth/realms/acme"),
    ("client_id", "switchboard"),
    ("client_secret", Secret("x")),
    ("client_secret", "typed in the window"),
    ("user", "svc@example.dk"),
    ("password", Secret("hunter2")),
    ("webhook_address", ""),
    ("webhook_address", "https://hooks.example.dk/konnekta"),
    ("webhook_address", "http://127.0.0.1:8470/webhook"),
    ("international_prefix", "00"),
    ("international_prefix", "011"),
    ("international_code", "45"),
    ("international_code", "298"),
    ("international_code", "1"),
    ("sync_on_startup", False),
    ("sync_direction", "local_to_konnekta"),
    ("sync_direction", SyncDirection.KONNEKTA_TO_LOCAL),
    ("activity_mappings", {"act-1": "Lunch", "act-2": "Meeting"}),
    ("state_mappings", {"Frokost": "act-1"}),
    ("operator_user", ""),
    ("operator_user", "anna@example.dk"),
    ("wrap_up", False),
    ("default_calling_device", "teams"),
    ("language", ""),
    ("language", "da"),
    ("mute_notifications", True),
]


@pytest.mark.parametrize(("name", "value"), GOOD)
def test_good_value_has_no_message(name: str, value: Any) -> None:
    assert validate_field(name, value) is None


# (option, bad value, label the message starts with, parts the message must contain)
BAD = [
    ("tenant_domain", "example", "Tenant Domain", ["example.dk"]),
    ("tenant_domain", "https://example.dk", "Tenant Domain", ["without https://"]),
    ("tenant_domain", "svc@example.dk", "Tenant Domain", ["after '@'"]),
    ("tenant_domain", "  ", "Tenant Domain", ["is empty"]),
    ("listener_port", 80, "Listener Port", ["1024 to 65535"]),
    ("listener_port", 70000, "Listener Port", ["1024 to 65535"]),
    ("listener_port", "8470", "Listener Port", ["whole number"]),
    ("listener_port", True, "Listener Port", ["whole number"]),
    ("listener_host", "not a host!", "Listener Host", ["127.0.0.1"]),
    ("smg_address", "", "SMG Address", ["is empty", "telephony provider"]),
    (
        "smg_address",
        "https://smg.example.dk/api-admin/realms/acme/fwd",
        "SMG Address",
        [SMG_SHAPE, "'realms/'", "'realm/'"],
    ),
    ("smg_address", "https://smg.example.dk/api-admin/realm/acme", "SMG Address", ["'/fwd'"]),
    ("smg_address", SMG + "/users", "SMG Address", ["after '/fwd'"]),
    ("smg_address", ISSUER, "SMG Address", [SMG_SHAPE, "Issuer URI"]),
    ("smg_address", "http://smg.example.dk/api-admin/realm/acme/fwd", "SMG Address", ["https://"]),
    ("smg_address", "smg.example.dk/api-admin/realm/acme/fwd", "SMG Address", ["https://"]),
    (
        "issuer_uri",
        "https://id.example.dk/auth/realm/acme",
        "Issuer URI",
        [ISSUER_SHAPE, "it says 'realm/' where Konnekta uses 'realms/'"],
    ),
    ("issuer_uri", "https://id.example.dk/realms/acme", "Issuer URI", ["'/auth' is missing"]),
    (
        "issuer_uri",
        ISSUER + "/.well-known/openid-configuration",
        "Issuer URI",
        ["end it with the realm name"],
    ),
    ("issuer_uri", SMG, "Issuer URI", [ISSUER_SHAPE, "SMG Address"]),
    ("issuer_uri", "http://id.example.dk/auth/realms/acme", "Issuer URI", ["127.0.0.1"]),
    ("issuer_uri", ISSUER + "?x=1", "Issuer URI", ["'?'"]),
    ("issuer_uri", "https://id.example.dk:99999/auth/realms/acme", "Issuer URI", ["port"]),
    ("client_id", "switch board", "Client ID", ["spaces"]),
    ("client_secret", Secret(), "Client Secret", ["is empty"]),
    ("user", "", "User", ["is empty"]),
    ("password", "", "Password", ["is empty"]),
    ("webhook_address", "http://hooks.example.dk/konnekta", "Webhook Address", ["https://"]),
    ("webhook_address", "hooks.example.dk", "Webhook Address", ["https://"]),
    ("international_prefix", "+", "International Prefix", ["digits only", "00"]),
    ("international_prefix", "0 0", "International Prefix", ["digits only"]),
    ("international_code", "999", "International Code", ["999 is not a country calling code"]),
    ("international_code", "800", "International Code", ["not a country calling code"]),
    ("international_code", "+45", "International Code", ["without '+' or '00'"]),
    ("international_code", "4545", "International Code", ["1 to 3 digits", "45 for Denmark"]),
    ("international_code", 45, "International Code", ["must be text"]),
    ("sync_on_startup", 1, "Synchronise on Startup/Reconnect", ["true or false"]),
    (
        "sync_direction",
        "both",
        "Synchronisation Direction",
        ["'konnekta_to_local'", "'local_to_konnekta'"],
    ),
    ("activity_mappings", {"act-1": ""}, "Activity Mappings", ["“act-1” has no template name"]),
    ("activity_mappings", {" ": "Lunch"}, "Activity Mappings", ["no Konnekta activity id"]),
    ("state_mappings", {"Lunch": 3}, "State Mappings", ["table"]),
    ("state_mappings", ["Lunch"], "State Mappings", ["table"]),
    ("default_calling_device", "desk", "Default Calling Device", ["'local', 'mobile', 'teams'"]),
    ("language", "de", "Language", ["'en'", "'da'"]),
]


@pytest.mark.parametrize(("name", "value", "label", "parts"), BAD)
def test_bad_value_message_names_the_field_and_the_expected_shape(
    name: str, value: Any, label: str, parts: list[str]
) -> None:
    message = field_message(name, value)
    assert message is not None
    assert message.startswith(f"{label} ")
    for part in parts:
        assert part in message


def test_issuer_uri_message_reads_as_one_sentence() -> None:
    problem = validate_field("issuer_uri", "https://id.example.dk/auth/realm/acme")
    assert problem is not None
    assert problem.reason is Reason.ISSUER_SAYS_REALM
    assert english(problem) == (
        "Issuer URI must look like https://{server}/auth/realms/{realm}: it says 'realm/' "
        "where Konnekta uses 'realms/'."
    )


def test_complete_settings_have_no_errors() -> None:
    assert validate(complete_settings()) == []


def test_fresh_settings_report_each_required_connection_field_in_window_order() -> None:
    errors = validate(Settings())
    assert [error.field for error in errors] == [
        "tenant_domain",
        "smg_address",
        "issuer_uri",
        "client_id",
        "client_secret",
        "user",
        "password",
    ]
    assert all(not error.warning for error in errors)


def test_validate_reports_each_wrong_field_once() -> None:
    settings = complete_settings(listener_port=80, issuer_uri="https://id/auth/realm/acme")
    errors = validate(settings)
    assert [error.field for error in errors] == ["listener_port", "issuer_uri"]
    assert errors[1].message.startswith("Issuer URI must look like")


def test_no_message_ever_contains_a_secret_value() -> None:
    settings = complete_settings(listener_host="0.0.0.0", listener_port=1)
    texts = [e.message for e in validate(settings) + setting_warnings(settings)]
    texts.append(field_message("client_secret", Secret("client-s3cret")) or "")
    assert texts
    for text in texts:
        assert "hunter2" not in text
        assert "client-s3cret" not in text


def test_default_settings_give_no_warning() -> None:
    assert setting_warnings(complete_settings()) == []


def test_listener_open_to_other_computers_gives_a_warning() -> None:
    warnings = setting_warnings(complete_settings(listener_host="0.0.0.0"))
    assert [w.field for w in warnings] == ["listener_host"]
    assert "0.0.0.0" in warnings[0].message


def test_remote_konnekta_with_a_webhook_on_this_computer_gives_a_warning() -> None:
    warnings = setting_warnings(complete_settings(webhook_address=""))
    assert [w.field for w in warnings] == ["webhook_address"]
    assert "http://127.0.0.1:8470/webhook" in warnings[0].message
    assert "smg.example.dk" in warnings[0].message


def test_the_simulator_on_this_computer_needs_no_webhook_warning() -> None:
    settings = complete_settings(
        smg_address="http://127.0.0.1:9000/api-admin/realm/acme/fwd",
        issuer_uri="http://127.0.0.1:9000/auth/realms/acme",
        webhook_address="",
    )
    assert validate(settings) == []
    assert setting_warnings(settings) == []


def test_webhook_on_this_computer_with_another_port_than_the_listener_gives_a_warning() -> None:
    settings = complete_settings(
        smg_address="http://127.0.0.1:9000/api-admin/realm/acme/fwd",
        webhook_address="http://127.0.0.1:9999/webhook",
    )
    warnings = setting_warnings(settings)
    assert [w.field for w in warnings] == ["webhook_address"]
    assert "9999" in warnings[0].message
    assert "8470" in warnings[0].message


def test_port_held_by_another_listener_is_reported_as_in_use() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen(1)
        port = holder.getsockname()[1]
        message = check_port_free("127.0.0.1", port)
    assert message is not None
    assert message.startswith(f"Listener Port {port} is already in use on 127.0.0.1")
    assert "1024 to 65535" in message


def test_free_port_is_reported_free() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    assert check_port_free("127.0.0.1", port) is None


def test_port_check_leaves_the_port_free_for_the_listener() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    assert check_port_free("127.0.0.1", port) is None
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as listener:
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", port))


def test_port_check_on_an_address_of_another_computer_says_so() -> None:
    # 192.0.2.1 is reserved for documentation, so it is never one of this machine's addresses.
    message = check_port_free("192.0.2.1", 8470)
    assert message == "Listener Host 192.0.2.1 is not an address of this computer: use 127.0.0.1."


def test_port_check_on_a_host_name_that_cannot_exist_says_so() -> None:
    # A 64-character label is refused before any DNS lookup, so the test never waits on a network.
    host = "a" * 64 + ".example"
    message = check_port_free(host, 8470)
    assert message is not None
    assert message.startswith(f"Listener Host {host} is not a known address")


def test_port_held_on_ipv6_loopback_is_reported_as_in_use() -> None:
    if not socket.has_ipv6:
        pytest.skip("this machine has no IPv6")
    with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as holder:
        try:
            holder.bind(("::1", 0))
        except OSError:
            pytest.skip("::1 is not configured on this machine")
        holder.listen(1)
        port = holder.getsockname()[1]
        message = check_port_free("::1", port)
    assert message is not None
    assert message.startswith(f"Listener Port {port} is already in use on ::1")
