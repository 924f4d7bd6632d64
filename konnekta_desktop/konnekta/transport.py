"""httpx's request interface over aiohttp's client.

The SMG API and the login are written against `HttpClient` (the part of `httpx.AsyncClient` they
use), so tests hand them an `httpx.AsyncClient` with a `MockTransport`. The app hands them an
`AiohttpClient`: aiohttp's connection pool answers 4-9x more requests per second than httpx's on
loopback, and httpx's own request and response handling on top of it cost about 0.6 ms of CPU per
request. A reconnect sync of thousands of colleagues is made of such requests; see
docs/performance.md.
"""

from __future__ import annotations

import ssl
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from types import TracebackType
from typing import Protocol, Self

import aiohttp
import httpx

type RequestHook = Callable[[httpx.Request], Awaitable[object]]


class Reply(Protocol):
    """What the login and the SMG client read of an answer; `httpx.Response` fits."""

    @property
    def status_code(self) -> int: ...
    @property
    def headers(self) -> Mapping[str, str]: ...
    @property
    def content(self) -> bytes: ...
    @property
    def is_success(self) -> bool: ...


@dataclass(frozen=True, slots=True)
class _Reply:
    status_code: int
    headers: Mapping[str, str]  # case-insensitive (aiohttp's)
    content: bytes

    @property
    def is_success(self) -> bool:
        return 200 <= self.status_code < 300


class HttpClient(Protocol):
    """What the login and the SMG client need from an HTTP client; `httpx.AsyncClient` fits."""

    async def request(
        self,
        method: str,
        url: str,
        *,
        content: bytes | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> Reply: ...

    async def aclose(self) -> None: ...


class AiohttpClient:
    """One aiohttp session (created on first use, on the running loop) behind httpx's `request`.

    Failures raise httpx's transport errors, so callers handle both clients alike.
    `event_hooks["request"]` takes async hooks that see each request as an `httpx.Request`, as
    with httpx (built only when a hook is registered).
    """

    def __init__(
        self, ssl_context: ssl.SSLContext, *, timeout: float, max_connections: int = 48
    ) -> None:
        self._ssl = ssl_context
        self._timeout = aiohttp.ClientTimeout(total=None, sock_connect=timeout, sock_read=timeout)
        self._max_connections = max_connections
        self._session: aiohttp.ClientSession | None = None
        self.event_hooks: dict[str, list[RequestHook]] = {"request": []}

    def _client(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(ssl=self._ssl, limit=self._max_connections),
                timeout=self._timeout,
                auto_decompress=False,
                cookie_jar=aiohttp.DummyCookieJar(),
                skip_auto_headers=("Accept-Encoding",),
            )
        return self._session

    async def request(
        self,
        method: str,
        url: str,
        *,
        content: bytes | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> Reply:
        hooks = self.event_hooks["request"]
        if hooks:
            described = httpx.Request(method, url, content=content, headers=headers)
            for hook in hooks:
                await hook(described)
        try:
            async with self._client().request(
                method, url, headers=headers, data=content, allow_redirects=False
            ) as answer:
                return _Reply(answer.status, answer.headers, await answer.read())
        except aiohttp.ConnectionTimeoutError as error:
            raise httpx.ConnectTimeout(str(error)) from error
        except TimeoutError as error:
            raise httpx.ReadTimeout(str(error) or "no answer in time") from error
        except aiohttp.ClientConnectorError as error:
            raise httpx.ConnectError(str(error)) from error
        except aiohttp.ServerDisconnectedError as error:
            raise httpx.RemoteProtocolError(str(error)) from error
        except aiohttp.InvalidURL as error:
            raise httpx.UnsupportedProtocol(str(error)) from error
        except aiohttp.ClientError as error:
            raise httpx.ReadError(str(error) or type(error).__name__) from error

    async def aclose(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.aclose()
