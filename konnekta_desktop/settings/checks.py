"""Shape checks for single setting values, each returning what is wrong or None.

A check returns a reason of the catalogue and its parameters, all but the setting's label, which
the caller adds ("Issuer URI must look like ..."). Checks only see non-empty values of the right
type; emptiness and types are handled in `validation`.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Mapping
from urllib.parse import SplitResult, urlsplit, urlunsplit

import phonenumbers

from ..domain.refusals import Reason

type Found = tuple[Reason, dict[str, str]]
"""What a check found wrong: the reason, and its parameters but `setting`."""

LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
SMG_SHAPE = "https://{server}/api-admin/realm/{realm}/fwd"
ISSUER_SHAPE = "https://{server}/auth/realms/{realm}"
WEBHOOK_EXAMPLE = "https://switchboard.example.dk/webhook"
CONNECTOR_PORT = 8471  # the company connector's client API unless told otherwise
_CONNECTOR_SCHEMES = {"http": "ws", "https": "wss", "ws": "ws", "wss": "wss"}
_CONNECTOR_PORTS = {"wss": 443, "ws": CONNECTOR_PORT}  # a proxy's https, or the connector's own

_HOST_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
_DOMAIN = re.compile(rf"(?=.{{1,253}}$)(?:{_HOST_LABEL}\.)+[a-z][a-z0-9-]{{1,62}}", re.IGNORECASE)
_HOSTNAME = re.compile(rf"(?=.{{1,253}}$){_HOST_LABEL}(?:\.{_HOST_LABEL})*", re.IGNORECASE)


def url_host(host: str) -> str:
    """`host` as it goes in a URL: an IPv6 address in brackets."""
    return f"[{host}]" if ":" in host else host


def is_loopback_host(host: str) -> bool:
    """True for the addresses that never leave this computer (where plain http is acceptable)."""
    host = host.strip().strip("[]").lower()
    if host in LOOPBACK_HOSTS:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _split_url(value: str) -> SplitResult | Reason:
    """Split an http(s) address, or say why it is not one we accept."""
    if any(character.isspace() for character in value):
        return Reason.ADDRESS_HAS_SPACES
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https"):
        return Reason.ADDRESS_NOT_HTTPS
    if not parts.hostname:
        return Reason.ADDRESS_WITHOUT_SERVER
    try:
        parts.port  # noqa: B018 - urlsplit only checks the port when asked
    except ValueError:
        return Reason.ADDRESS_BAD_PORT
    if parts.scheme == "http" and not is_loopback_host(parts.hostname):
        return Reason.ADDRESS_PLAIN_HTTP
    if parts.query or parts.fragment:
        return Reason.ADDRESS_WITH_QUERY
    return parts


def tenant_domain(value: str) -> Found | None:
    if "://" in value or "/" in value:
        return Reason.DOMAIN_WITH_ADDRESS, {}
    if "@" in value:
        return Reason.DOMAIN_WITH_AT, {}
    if not _DOMAIN.fullmatch(value):
        return Reason.NOT_A_DOMAIN, {}
    return None


def listener_port(value: int) -> Found | None:
    if value != 0 and not 1024 <= value <= 65535:  # 0: any free port, chosen at each start
        return Reason.PORT_OUT_OF_RANGE, {}
    return None


def minutes(value: int) -> Found | None:
    if not 1 <= value <= 1440:
        return Reason.MINUTES_OUT_OF_RANGE, {}
    return None


def recall_seconds(value: int) -> Found | None:
    if not 0 <= value <= 600:
        return Reason.SECONDS_OUT_OF_RANGE, {}
    return None


def listener_host(value: str) -> Found | None:
    try:
        ipaddress.ip_address(value.strip("[]"))
    except ValueError:
        if not _HOSTNAME.fullmatch(value):
            return Reason.NOT_AN_ADDRESS_HERE, {}
    return None


def _address(
    value: str, example: str, paths: tuple[tuple[str, Reason | None], ...]
) -> Found | None:
    """Check an address by its shape, then its path against `paths` (pattern, reason; None: fine)."""
    parts = _split_url(value)
    if isinstance(parts, Reason):
        return parts, {"example": example}
    path = parts.path.rstrip("/")
    for pattern, reason in paths:
        if re.fullmatch(pattern, path):
            return None if reason is None else (reason, {"example": example})
    return Reason.ADDRESS_PATH_WRONG, {"example": example, "path": path or "/"}


def smg_address(value: str) -> Found | None:
    return _address(
        value,
        SMG_SHAPE,
        (
            (r"/api-admin/realm/[^/]+/fwd", None),
            (r"/api-admin/realms/[^/]+/fwd.*", Reason.SMG_SAYS_REALMS),
            (r"/auth/realms?/[^/]+.*", Reason.SMG_SHAPED_AS_ISSUER),
            (r"/api-admin/realm/[^/]+", Reason.SMG_WITHOUT_FWD),
            (r"/api-admin/realm/[^/]+/fwd/.+", Reason.SMG_AFTER_FWD),
        ),
    )


def issuer_uri(value: str) -> Found | None:
    return _address(
        value,
        ISSUER_SHAPE,
        (
            (r"/auth/realms/[^/]+", None),
            (r"/auth/realm/[^/]+(?:/.*)?", Reason.ISSUER_SAYS_REALM),
            (r"/auth/realms/[^/]+/.+", Reason.ISSUER_AFTER_REALM),
            (r"/realms/[^/]+(?:/.*)?", Reason.ISSUER_WITHOUT_AUTH),
            (r"/api-admin/.*", Reason.ISSUER_SHAPED_AS_SMG),
        ),
    )


def webhook_address(value: str) -> Found | None:
    parts = _split_url(value)
    return (parts, {"example": WEBHOOK_EXAMPLE}) if isinstance(parts, Reason) else None


def no_spaces(value: str) -> Found | None:
    if any(character.isspace() for character in value):
        return Reason.HAS_SPACES, {}
    return None


def international_prefix(value: str) -> Found | None:
    if not re.fullmatch(r"[0-9]{1,4}", value):
        return Reason.PREFIX_SETTING_NOT_DIGITS, {}
    return None


def international_code(value: str) -> Found | None:
    if value.startswith(("+", "00")):
        return Reason.CODE_WITH_PREFIX, {}
    if not re.fullmatch(r"[0-9]{1,3}", value):
        return Reason.CODE_NOT_DIGITS, {}
    region = phonenumbers.region_code_for_country_code(int(value))
    # "001" marks non-geographic codes (800 freephone, satellites): not a country to dial from.
    if region in ("ZZ", "001"):
        return Reason.CODE_SETTING_NOT_A_COUNTRY, {"code": value}
    return None


class mapping:
    """Checks a mapping table: every row needs a non-blank key and value."""

    def __init__(self, no_key: Reason, no_value: Reason) -> None:
        self.no_key = no_key
        self.no_value = no_value

    def __call__(self, value: Mapping[str, str]) -> Found | None:
        for key, target in value.items():
            if not key.strip():
                return self.no_key, {}
            if not target.strip():
                return self.no_value, {"key": key}
        return None


def connector_url(address: str) -> str | Found:
    """The WebSocket address of a company connector's client API for an address as typed
    (`https://host`, `http://127.0.0.1:8471`, or ws[s]://...; without a port, 443 for https and
    the connector's own 8471 for http; /client is added when there is no path), or what is wrong
    with it. Plain http only for this computer."""
    text = address.strip()
    parts = urlsplit(text if "://" in text else f"http://{text}")
    scheme = _CONNECTOR_SCHEMES.get(parts.scheme.lower())
    try:
        port = parts.port or _CONNECTOR_PORTS.get(scheme or "")
    except ValueError:
        port = None
    if scheme is None or not parts.hostname or port is None or parts.query or parts.fragment:
        return Reason.CONNECTOR_ADDRESS_WRONG, {"address": address}
    if scheme == "ws" and not is_loopback_host(parts.hostname):
        return Reason.CONNECTOR_NEEDS_TLS, {"address": address}
    path = parts.path if parts.path not in ("", "/") else "/client"
    return urlunsplit((scheme, f"{url_host(parts.hostname)}:{port}", path, "", ""))


def connector_address(value: str) -> Found | None:
    found = connector_url(value)
    return None if isinstance(found, str) else found
