"""The HTTP edge shared by login and the SMG API: the TLS-verifying client, address checks, and
the translation of transport failures into `errors` an operator can act on.
"""

from __future__ import annotations

import ipaddress
import socket
import ssl
from collections.abc import Sequence

import httpx
import truststore

from ..domain.refusals import Reason, Server, why
from .errors import ConfigurationError, ConnectionFailed, KonnektaError, Timeout
from .transport import AiohttpClient

DEFAULT_TIMEOUT = 10.0


def make_http_client(timeout: float = DEFAULT_TIMEOUT) -> AiohttpClient:
    """An HTTP client that verifies TLS against the operating system's trust store.

    The OS store is what the operator's IT department manages (company proxies and root CAs), so
    verification always works there and is never switched off. Redirects are not followed: an API
    that redirects is misconfigured, and following could carry the bearer token elsewhere.
    """
    return AiohttpClient(truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT), timeout=timeout)


def is_loopback(host: str) -> bool:
    if host.lower() in {"localhost", "localhost."}:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def require_secure_url(url: str, *, setting: str) -> httpx.URL:
    """Parse `url` and refuse anything but https, except plain http to this computer.

    Plain http is allowed on loopback only, where the simulator runs; anywhere else it would send
    the password and tokens in clear text.
    """
    try:
        parsed = httpx.URL(url.strip())
    except httpx.InvalidURL as error:
        raise ConfigurationError(
            why(Reason.ADDRESS_NOT_VALID, setting=setting, detail=str(error)), setting=setting
        ) from None
    if parsed.scheme not in {"http", "https"} or not parsed.host:
        raise ConfigurationError(
            why(Reason.ADDRESS_MUST_BE_HTTPS, setting=setting), setting=setting
        )
    if parsed.scheme == "http" and not is_loopback(parsed.host):
        raise ConfigurationError(
            why(Reason.ADDRESS_UNENCRYPTED, setting=setting, host=parsed.host), setting=setting
        )
    return parsed


def address_of(url: httpx.URL) -> str:
    """`host:port` of a URL, as shown to the operator."""
    port = url.port or (443 if url.scheme == "https" else 80)
    return f"{url.host}:{port}"


def _causes(error: BaseException) -> list[BaseException]:
    chain: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and current not in chain:
        chain.append(current)
        current = current.__cause__ or current.__context__
    return chain


def translate_transport_error(
    error: httpx.TransportError, *, url: httpx.URL, server: Server, setting: str
) -> KonnektaError:
    """Turn an httpx transport failure into `ConnectionFailed` / `Timeout` naming the address.

    `server` is the far end; `setting` the label of the setting that leads there.
    """
    address = address_of(url)
    where = {"server": server.value, "address": address, "setting": setting}
    if isinstance(error, httpx.TimeoutException):
        return Timeout(why(Reason.SERVER_TIMEOUT, **where), address=address, setting=setting)
    if isinstance(error, httpx.UnsupportedProtocol):
        return ConfigurationError(
            why(Reason.ADDRESS_MUST_BE_HTTPS, setting=setting), setting=setting
        )
    causes = _causes(error)
    # The root cause is the ssl module's own error; wrappers (aiohttp's) may subclass it too.
    tls_error = next((e for e in reversed(causes) if isinstance(e, ssl.SSLError)), None)
    if tls_error is not None:
        if isinstance(tls_error, ssl.SSLCertVerificationError):
            reason = getattr(tls_error, "verify_message", "") or "certificate verification failed"
            said = why(Reason.SERVER_NOT_TRUSTED, detail=reason, **where)
        else:
            detail = str(tls_error.reason or type(tls_error).__name__)
            said = why(Reason.SERVER_TLS_FAILED, detail=detail, **where)
        return ConnectionFailed(said, address=address, tls=True, setting=setting)
    if any(isinstance(e, socket.gaierror) for e in causes):
        said = why(Reason.HOST_UNKNOWN, host=url.host, **where)
    elif any(isinstance(e, ConnectionRefusedError) for e in causes):
        said = why(Reason.CONNECTION_REFUSED, **where)
    elif isinstance(error, httpx.ConnectError):
        said = why(Reason.NO_CONNECTION, **where)
    else:
        said = why(Reason.CONNECTION_BROKE_OFF, **where)
    return ConnectionFailed(said, address=address, setting=setting)


def scrub(text: str, secrets: Sequence[str]) -> str:
    """Remove any secret that a server may have echoed back before showing its text to anyone."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, "***")
    return text
