"""Typed failures of talking to Konnekta, each with a reason of the catalogue an operator can act on.

The reason says what happened and what to check; `str()` is its English wording, for the log.
Neither ever carries a token, password or secret.
"""

from __future__ import annotations

from typing import ClassVar

from ..domain.refusals import Why, english


class KonnektaError(Exception):
    """Base of every failure raised by `konnekta_desktop.konnekta`.

    `setting` names the setting the operator should check, when one is to blame. `transient` says
    whether trying again later may succeed without anyone changing anything.
    """

    transient: ClassVar[bool] = False

    def __init__(self, why: Why, *, setting: str | None = None) -> None:
        self.message = english(why)
        super().__init__(self.message)
        self.why = why
        self.setting = setting

    def __str__(self) -> str:
        return self.message


class ConfigurationError(KonnektaError):
    """A setting cannot work as it is (for example plain http to a remote host)."""


class LoginError(ConfigurationError):
    """Keycloak refused the login, or the Issuer URI does not lead to Keycloak."""


class ConnectionFailed(KonnektaError):
    """The server could not be reached: refused connection, unknown host, or a TLS failure."""

    transient = True

    def __init__(
        self, why: Why, *, address: str, tls: bool = False, setting: str | None = None
    ) -> None:
        super().__init__(why, setting=setting)
        self.address = address
        self.tls = tls


class Timeout(KonnektaError):
    """The server did not answer in time."""

    transient = True

    def __init__(self, why: Why, *, address: str, setting: str | None = None) -> None:
        super().__init__(why, setting=setting)
        self.address = address


class ProtocolError(KonnektaError):
    """The answer was not of the documented shape (our model of the API may be out of date)."""


class Unavailable(KonnektaError):
    """The server answered with a 5xx status: it is down or overloaded."""

    transient = True

    def __init__(self, why: Why, *, status: int, setting: str | None = None) -> None:
        super().__init__(why, setting=setting)
        self.status = status


class RequestRefused(KonnektaError):
    """The SMG API refused a request with a 4xx status.

    `code` and `server_message` are the fields of the ApiError body, when there was one.
    """

    def __init__(
        self,
        why: Why,
        *,
        status: int,
        code: str | None = None,
        server_message: str | None = None,
        setting: str | None = None,
    ) -> None:
        super().__init__(why, setting=setting)
        self.status = status
        self.code = code
        self.server_message = server_message


class BadRequest(RequestRefused):
    """400: Konnekta found the request malformed; a bug here or a change in Konnekta's API."""


class Unauthorized(RequestRefused):
    """401 even with a freshly obtained token."""


class Forbidden(RequestRefused):
    """403: the user lacks the right (for example Set Caller ID)."""


class NotFound(RequestRefused):
    """404: unknown user, call or webhook subscription."""


class Unprocessable(RequestRefused):
    """422: a device the user lacks, a caller ID not in the valid list, an undiallable number."""
