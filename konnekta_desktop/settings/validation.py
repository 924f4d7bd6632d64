"""Validation of settings: per field for inline messages, as a whole, warnings, and the port check.

Every problem names the option by the label the operator sees and says what shape is expected.
"""

from __future__ import annotations

import dataclasses
import errno
import socket
import sys
from enum import StrEnum
from typing import Any
from urllib.parse import urlsplit

from ..domain.refusals import Reason, Why, english, why
from .checks import Found, is_loopback_host
from .schema import (
    OPTIONS,
    Option,
    Secret,
    Section,
    Settings,
    effective_webhook_address,
    get_option,
)

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
    `why` says what is wrong and what to do; `message` is that in English, for the log.
    """

    field: str | None
    why: Why
    warning: bool = False

    @property
    def message(self) -> str:
        return english(self.why)

    def __str__(self) -> str:
        return self.message


def _named(option: Option, found: Found) -> Why:
    reason, params = found
    return Why(reason, {"setting": option.label, **params})


def convert_value(option: Option, value: Any) -> tuple[Any, Found | None]:
    """`value` as the option's type, or what is wrong with its type."""
    kind = option.type
    if kind is bool:
        return (value, None) if isinstance(value, bool) else (None, (Reason.NOT_TRUE_OR_FALSE, {}))
    if kind is int:
        if isinstance(value, int) and not isinstance(value, bool):
            return value, None
        return None, (Reason.NOT_A_WHOLE_NUMBER, {})
    if kind is str:
        return (value, None) if isinstance(value, str) else (None, (Reason.NOT_TEXT, {}))
    if kind is Secret:
        if isinstance(value, Secret):
            return value, None
        return (Secret(value), None) if isinstance(value, str) else (None, (Reason.NOT_TEXT, {}))
    if isinstance(kind, type) and issubclass(kind, StrEnum):
        if isinstance(value, str) and value in option.choices:
            return kind(value), None
        allowed = ", ".join(repr(choice) for choice in option.choices)
        return None, (Reason.NOT_A_CHOICE, {"choices": allowed})
    if kind == dict[str, str]:
        if isinstance(value, dict) and all(
            isinstance(k, str) and isinstance(v, str) for k, v in value.items()
        ):
            return dict(value), None
        return None, (Reason.NOT_A_TABLE, {})
    raise TypeError(f"No conversion for the type of option {option.name!r}: {kind!r}")


def _is_empty(value: Any) -> bool:
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, Secret):
        return not value
    return False


def value_problem(option: Option, value: Any, *, require: bool = True) -> Why | None:
    """What is wrong with `value` for `option`, or None. Secret values are never repeated."""
    converted, problem = convert_value(option, value)
    if problem is None:
        if _is_empty(converted):
            if not (require and option.required):
                return None
            problem = option.empty, {}
        elif option.check is not None:
            problem = option.check(converted)
    return None if problem is None else _named(option, problem)


def validate_field(name: str, value: Any) -> Why | None:
    """What to show next to the field `name` when `value` is wrong, or None when it is fine."""
    return value_problem(get_option(name), value)


def validate(settings: Settings) -> list[SettingError]:
    """Every problem that keeps these settings from working, one per option, in window order."""
    errors = []
    # Through a company connector, the connection to Konnekta is the connector's to make.
    direct = not settings.connector_address.strip()
    for option in OPTIONS:
        value = getattr(settings, option.name)
        require = direct or option.section is not Section.CONNECTION
        problem = value_problem(option, value, require=require)
        if problem is not None:
            errors.append(SettingError(option.name, problem))
    return errors


def setting_warnings(settings: Settings) -> list[SettingError]:
    """Settings that work but weaken security or are likely to keep events from arriving."""
    warnings = []
    host = settings.listener_host.strip()
    if host and not is_loopback_host(host):
        warnings.append(
            SettingError(
                "listener_host", why(Reason.LISTENER_OPEN_TO_NETWORK, host=host), warning=True
            )
        )
    webhook = urlsplit(effective_webhook_address(settings))
    smg_host = urlsplit(settings.smg_address.strip()).hostname
    if webhook.hostname and is_loopback_host(webhook.hostname):
        if smg_host and not is_loopback_host(smg_host):
            warnings.append(
                SettingError(
                    "webhook_address",
                    why(Reason.WEBHOOK_UNREACHABLE, address=webhook.geturl(), host=smg_host),
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
                    why(
                        Reason.WEBHOOK_OTHER_PORT,
                        webhook_port=str(webhook_port),
                        port=str(settings.listener_port),
                    ),
                    warning=True,
                )
            )
    return warnings


# Windows reports socket errors by their WSA numbers rather than the POSIX ones.
_IN_USE = {errno.EADDRINUSE, getattr(errno, "WSAEADDRINUSE", errno.EADDRINUSE)}
_NOT_HERE = {errno.EADDRNOTAVAIL, getattr(errno, "WSAEADDRNOTAVAIL", errno.EADDRNOTAVAIL)}
_FORBIDDEN = {errno.EACCES, getattr(errno, "WSAEACCES", errno.EACCES)}


def check_port_free(host: str, port: int) -> Why | None:
    """Whether a listener could bind `host`:`port` now: None if so, else why not.

    Do not call this while our own listener holds the port: it would report the port as taken.
    """
    try:
        candidates = socket.getaddrinfo(
            host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )
    except (OSError, UnicodeError):
        return why(Reason.LISTENER_HOST_UNKNOWN, host=host)
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
                return why(Reason.PORT_IN_USE, port=str(port), host=host)
            if error.errno in _NOT_HERE:
                return why(Reason.LISTENER_HOST_NOT_HERE, host=host)
            if error.errno in _FORBIDDEN:
                return why(Reason.PORT_FORBIDDEN, port=str(port), host=host)
            return why(
                Reason.PORT_CANNOT_OPEN, port=str(port), host=host, detail=str(error.strerror)
            )
    return None
