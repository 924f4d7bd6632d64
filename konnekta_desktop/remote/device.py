"""This desktop's enrolment with a company connector: the one-time code exchanged for a device
token, and the token kept in the OS keyring (never in a file), one per connector address.

Without a keyring the token lasts for this run only, and the operator is told so.
"""

from __future__ import annotations

import platform
import ssl
from typing import Final
from urllib.parse import urlsplit, urlunsplit

import aiohttp
import msgspec

from ..domain.refusals import Reason, WentWrong, Why, why
from ..settings.schema import Secret
from ..settings.secret_store import SecretStore
from .protocol import EnrolAnswer, EnrolRequest, ErrorMessage, domain_why
from .tls import client_tls

__all__ = ["DeviceTokens", "enrol", "http_base"]

ENROL_TIMEOUT: Final = 20.0
_encoder: Final = msgspec.json.Encoder()


def http_base(client_address: str) -> str:
    """https://host:port (or http) of a client API address ws[s]://host:port/client."""
    parts = urlsplit(client_address)
    scheme = "https" if parts.scheme == "wss" else "http"
    return urlunsplit((scheme, parts.netloc, "", "", ""))


def tls_for(client_address: str) -> ssl.SSLContext | bool:
    """The OS trust store for wss; no TLS for ws (allowed on loopback only)."""
    return client_tls() if client_address.startswith("wss://") else False


class DeviceTokens:
    """The device token for each connector address, in the keyring."""

    def __init__(self, secrets: SecretStore) -> None:
        self._secrets = secrets

    @staticmethod
    def _account(client_address: str) -> str:
        return f"device_token|{http_base(client_address)}"

    def get(self, client_address: str) -> Secret:
        return self._secrets.read(self._account(client_address))

    def keep(self, client_address: str, token: Secret) -> Why | None:
        """Keep `token` (empty: forget it); what to tell the operator when it lasts this run only."""
        self._secrets.write(self._account(client_address), token)
        return why(Reason.DEVICE_TOKEN_NOT_KEPT) if not self._secrets.available else None


async def enrol(client_address: str, code: str, *, device: str | None = None) -> EnrolAnswer:
    """Exchange `code` at the connector for a device token; `WentWrong` with the connector's
    reason (a wrong or expired code, too many tries) or why it could not be reached."""
    url = f"{http_base(client_address)}/enrol"
    asked = EnrolRequest(code=code.strip()[:100], device=(device or platform.node())[:100])
    timeout = aiohttp.ClientTimeout(total=ENROL_TIMEOUT)
    try:
        async with (
            aiohttp.ClientSession(timeout=timeout) as http,
            http.post(
                url,
                data=_encoder.encode(asked),
                headers={"Content-Type": "application/json"},
                ssl=tls_for(client_address),
                allow_redirects=False,
            ) as answer,
        ):
            body = await answer.read()
            status = answer.status
    except (aiohttp.ClientError, OSError, TimeoutError) as error:
        detail = type(error).__name__ if isinstance(error, TimeoutError) else str(error)[:200]
        raise WentWrong(
            why(Reason.CONNECTOR_UNREACHABLE, address=client_address, detail=detail)
        ) from None
    try:
        if status == 200:
            return msgspec.json.decode(body, type=EnrolAnswer)
        said = domain_why(msgspec.json.decode(body, type=ErrorMessage).why)
    except (msgspec.ValidationError, msgspec.DecodeError):
        said = None
    if said is None:
        said = why(
            Reason.CONNECTOR_ANSWER_UNEXPECTED, address=client_address, detail=f"HTTP {status}"
        )
    raise WentWrong(said)
