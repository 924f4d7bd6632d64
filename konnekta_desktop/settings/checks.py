"""Shape checks for single setting values, each returning what is wrong or None.

A check returns the tail of a sentence ("must look like ...") that the caller prefixes with the
option's label, so the operator reads "Issuer URI must look like ...". Checks only see non-empty
values of the right type; emptiness and types are handled in `validation`.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Mapping
from urllib.parse import SplitResult, urlsplit

import phonenumbers

LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
SMG_SHAPE = "https://{server}/api-admin/realm/{realm}/fwd"
ISSUER_SHAPE = "https://{server}/auth/realms/{realm}"

_HOST_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
_DOMAIN = re.compile(rf"(?=.{{1,253}}$)(?:{_HOST_LABEL}\.)+[a-z][a-z0-9-]{{1,62}}", re.IGNORECASE)
_HOSTNAME = re.compile(rf"(?=.{{1,253}}$){_HOST_LABEL}(?:\.{_HOST_LABEL})*", re.IGNORECASE)


def is_loopback_host(host: str) -> bool:
    """True for the addresses that never leave this computer (where plain http is acceptable)."""
    host = host.strip().strip("[]").lower()
    if host in LOOPBACK_HOSTS:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _split_url(value: str) -> tuple[SplitResult | None, str | None]:
    """Split an http(s) address, or say why it is not one we accept."""
    if any(character.isspace() for character in value):
        return None, "it contains spaces"
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https"):
        return None, "it must start with https://"
    if not parts.hostname:
        return None, "the server name is missing"
    try:
        parts.port  # noqa: B018 - urlsplit only checks the port when asked
    except ValueError:
        return None, "the port after ':' is not a number from 1 to 65535"
    if parts.scheme == "http" and not is_loopback_host(parts.hostname):
        return None, (
            "it must start with https:// (plain http:// is accepted only for this computer: "
            "127.0.0.1, localhost or ::1)"
        )
    if parts.query or parts.fragment:
        return None, "remove the part from '?' or '#' on"
    return parts, None


def tenant_domain(value: str) -> str | None:
    shape = "must be a domain name like example.dk (the part after '@' in Konnekta usernames)"
    if "://" in value or "/" in value:
        return f"{shape}, without https:// or a path"
    if "@" in value:
        return f"{shape}: use only what comes after '@'"
    if not _DOMAIN.fullmatch(value):
        return shape
    return None


def listener_port(value: int) -> str | None:
    if not 1024 <= value <= 65535:
        return "must be a port number from 1024 to 65535 (8470 unless it is taken)"
    return None


def listener_host(value: str) -> str | None:
    try:
        ipaddress.ip_address(value.strip("[]"))
    except ValueError:
        if not _HOSTNAME.fullmatch(value):
            return "must be an address of this computer, like 127.0.0.1"
    return None


def smg_address(value: str) -> str | None:
    shape = f"must look like {SMG_SHAPE}"
    parts, problem = _split_url(value)
    if parts is None:
        return f"{shape} — {problem}"
    path = parts.path.rstrip("/")
    if re.fullmatch(r"/api-admin/realm/[^/]+/fwd", path):
        return None
    if re.fullmatch(r"/api-admin/realms/[^/]+/fwd.*", path):
        return (
            f"{shape} — it says 'realms/' where the SMG Address uses 'realm/' "
            "(the plural belongs in the Issuer URI)"
        )
    if re.fullmatch(r"/auth/realms?/[^/]+.*", path):
        return f"{shape} — this is the shape of the Issuer URI, not the SMG Address"
    if re.fullmatch(r"/api-admin/realm/[^/]+", path):
        return f"{shape} — '/fwd' is missing at the end"
    if re.fullmatch(r"/api-admin/realm/[^/]+/fwd/.+", path):
        return f"{shape} — it goes on after '/fwd': end it there"
    return f"{shape} — the path '{path or '/'}' does not match"


def issuer_uri(value: str) -> str | None:
    shape = f"must look like {ISSUER_SHAPE}"
    parts, problem = _split_url(value)
    if parts is None:
        return f"{shape} — {problem}"
    path = parts.path.rstrip("/")
    if re.fullmatch(r"/auth/realms/[^/]+", path):
        return None
    if re.fullmatch(r"/auth/realm/[^/]+(?:/.*)?", path):
        return f"{shape} — it says 'realm/' where Konnekta uses 'realms/'"
    if re.fullmatch(r"/auth/realms/[^/]+/.+", path):
        return f"{shape} — it goes on after the realm name: end it with the realm name"
    if re.fullmatch(r"/realms/[^/]+(?:/.*)?", path):
        return f"{shape} — '/auth' is missing before '/realms/'"
    if path.startswith("/api-admin/"):
        return f"{shape} — this is the shape of the SMG Address, not the Issuer URI"
    return f"{shape} — the path '{path or '/'}' does not match"


def webhook_address(value: str) -> str | None:
    shape = (
        "must be an address Konnekta can send events to, like https://switchboard.example.dk/webhook"
        " (leave it empty to use the Listener Port on this computer)"
    )
    parts, problem = _split_url(value)
    if parts is None:
        return f"{shape} — {problem}"
    return None


def no_spaces(value: str) -> str | None:
    if any(character.isspace() for character in value):
        return "must not contain spaces"
    return None


def international_prefix(value: str) -> str | None:
    if not re.fullmatch(r"[0-9]{1,4}", value):
        return "must be digits only, usually 00 (as in 0045 for Denmark)"
    return None


def international_code(value: str) -> str | None:
    shape = (
        "must be a country calling code of 1 to 3 digits, like 45 for Denmark or 298 for "
        "the Faroe Islands"
    )
    if value.startswith(("+", "00")):
        return f"{shape}, without '+' or '00' in front"
    if not re.fullmatch(r"[0-9]{1,3}", value):
        return shape
    region = phonenumbers.region_code_for_country_code(int(value))
    # "001" marks non-geographic codes (800 freephone, satellites): not a country to dial from.
    if region in ("ZZ", "001"):
        return f"{shape} — {value} is not a country calling code"
    return None


def mapping(key_name: str, value_name: str) -> _MappingCheck:
    return _MappingCheck(key_name, value_name)


class _MappingCheck:
    """Checks a mapping table: every row needs a non-blank key and value."""

    def __init__(self, key_name: str, value_name: str) -> None:
        self.key_name = key_name
        self.value_name = value_name

    def __call__(self, value: Mapping[str, str]) -> str | None:
        shape = f"must map each {self.key_name} to a {self.value_name}"
        for key, target in value.items():
            if not key.strip():
                return f"{shape} — a row has no {self.key_name}"
            if not target.strip():
                return f"{shape} — '{key}' has no {self.value_name}"
        return None
