"""Validation of settings: per field for inline messages, as a whole, warnings, and the port check.

Every message names the option by the label the operator sees and says what shape is expected.
"""

from __future__ import annotations

import dataclasses
import errno
import socket
import sys
from enum import StrEnum
from typing import Any
from urllib.parse import urlsplit

from .checks import is_loopback_host
from .schema import OPTIONS, Option, Secret, Settings, effective_webhook_address, get_option

__all__ = [
    "SettingError",
    "check_port_free",
    "convert_value",
    "setting_warnings",
    "validate",
    "validate_field",
    "value_problem",
]


@dataclasses.dataclass(frozen=True, slots=True)
class SettingError:
    """A problem with one option (`field` is its name) or with the settings file (`field` None).

    `warning` marks problems that do not stop the app (TLS checks off, unknown keys in the file).
    """

    field: str | None
    message: str
    warning: bool = False

    def __str__(self) -> str:
        return self.message


def convert_value(option: Option, value: Any) -> tuple[Any, str | None]:
    """`value` as the option's type, or what is wrong with its type (a sentence tail)."""
    kind = option.type
    if kind is bool:
        return (value, None) if isinstance(value, bool) else (None, "must be true or false")
    if kind is int:
        if isinstance(value, int) and not isinstance(value, bool):
            return value, None
        return None, "must be a whole number"
    if kind is str:
        return (value, None) if isinstance(value, str) else (None, "must be text")
    if kind is Secret:
        if isinstance(value, Secret):
            return value, None
        return (Secret(value), None) if isinstance(value, str) else (None, "must be text")
    if isinstance(kind, type) and issubclass(kind, StrEnum):
        if isinstance(value, str) and value in option.choices:
            return kind(value), None
        allowed = ", ".join(repr(choice) for choice in option.choices)
        return None, f"must be one of {allowed}"
    if kind == dict[str, str]:
        if isinstance(value, dict) and all(
            isinstance(k, str) and isinstance(v, str) for k, v in value.items()
        ):
            return dict(value), None
        return None, "must be a table of names to text"
    raise TypeError(f"No conversion for the type of option {option.name!r}: {kind!r}")


def _is_empty(value: Any) -> bool:
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, Secret):
        return not value
    return False


def value_problem(option: Option, value: Any, *, require: bool = True) -> str | None:
    """The sentence tail saying what is wrong with `value`, or None."""
    converted, problem = convert_value(option, value)
    if problem is not None:
        return problem
    if _is_empty(converted):
        if require and option.required:
            return f"is empty: {option.ask_for}"
        return None
    if option.check is not None:
        return option.check(converted)
    return None


def validate_field(name: str, value: Any) -> str | None:
    """The message to show next to the field `name` when `value` is wrong, or None when it is fine.

    Secret values are never repeated in the message.
    """
    option = get_option(name)
    problem = value_problem(option, value)
    return None if problem is None else f"{option.label} {problem}."


def validate(settings: Settings) -> list[SettingError]:
    """Every problem that keeps these settings from working, one per option, in window order."""
    errors = []
    for option in OPTIONS:
        message = validate_field(option.name, getattr(settings, option.name))
        if message is not None:
            errors.append(SettingError(option.name, message))
    return errors


def setting_warnings(settings: Settings) -> list[SettingError]:
    """Settings that work but weaken security or are likely to keep events from arriving."""
    warnings = []
    host = settings.listener_host.strip()
    if host and not is_loopback_host(host):
        warnings.append(
            SettingError(
                "listener_host",
                f"Listener Host is {host}, so other computers can send events to the listener. "
                "Use 127.0.0.1 unless Konnekta's events must arrive from another machine.",
                warning=True,
            )
        )
    webhook = urlsplit(effective_webhook_address(settings))
    smg_host = urlsplit(settings.smg_address.strip()).hostname
    if webhook.hostname and is_loopback_host(webhook.hostname):
        if smg_host and not is_loopback_host(smg_host):
            warnings.append(
                SettingError(
                    "webhook_address",
                    f"Webhook Address {webhook.geturl()} is on this computer, which Konnekta's "
                    f"server {smg_host} cannot reach, so no live events will arrive. Set Webhook "
                    "Address to a public https address that forwards to the Listener Port.",
                    warning=True,
                )
            )
        try:
            webhook_port = webhook.port
        except ValueError:
            webhook_port = None  # validate() reports the bad port
        if webhook_port is not None and webhook_port != settings.listener_port:
            warnings.append(
                SettingError(
                    "webhook_address",
                    f"Webhook Address points at port {webhook_port} on this computer, but the "
                    f"Listener Port is {settings.listener_port}: events will not arrive. Make "
                    "the two ports the same, or leave Webhook Address empty.",
                    warning=True,
                )
            )
    return warnings


# Windows reports socket errors by their WSA numbers rather than the POSIX ones.
_IN_USE = {errno.EADDRINUSE, getattr(errno, "WSAEADDRINUSE", errno.EADDRINUSE)}
_NOT_HERE = {errno.EADDRNOTAVAIL, getattr(errno, "WSAEADDRNOTAVAIL", errno.EADDRNOTAVAIL)}
_FORBIDDEN = {errno.EACCES, getattr(errno, "WSAEACCES", errno.EACCES)}


def check_port_free(host: str, port: int) -> str | None:
    """Whether a listener could bind `host`:`port` now: None if so, else a message saying why not.

    Do not call this while our own listener holds the port: it would report the port as taken.
    """
    try:
        candidates = socket.getaddrinfo(
            host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )
    except (OSError, UnicodeError):
        return (
            f"Listener Host {host} is not a known address: use 127.0.0.1, or an address of this "
            "computer."
        )
    family, kind, proto, _, address = candidates[0]
    with socket.socket(family, kind, proto) as probe:
        if sys.platform != "win32":
            # The listener sets SO_REUSEADDR too, so a port lingering in TIME_WAIT counts as free;
            # on Windows the same flag would let us share a port another program listens on.
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
            probe.listen(1)
        except OSError as error:
            if error.errno in _IN_USE:
                return (
                    f"Listener Port {port} is already in use on {host} by another program: "
                    "choose another port from 1024 to 65535, or close the program using it."
                )
            if error.errno in _NOT_HERE:
                return f"Listener Host {host} is not an address of this computer: use 127.0.0.1."
            if error.errno in _FORBIDDEN:
                return (
                    f"Listener Port {port} on {host} may not be used by this program: choose "
                    "another port from 1024 to 65535."
                )
            return (
                f"Listener Port {port} on {host} cannot be opened ({error.strerror}): choose "
                "another port from 1024 to 65535."
            )
    return None
