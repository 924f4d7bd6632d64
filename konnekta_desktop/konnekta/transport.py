"""An httpx transport that sends requests through aiohttp's client.

The SMG API and the login keep httpx's interface (and its `MockTransport` in tests), but the
connections are aiohttp's: measured on loopback it answers 4-9x more requests per second than
httpx's own pool, and the gap widens with concurrency (2,170 against 240 req/s at 16 at once),
which is what a reconnect sync of thousands of colleagues needs. See docs/performance.md.
"""

from __future__ import annotations

import ssl
from typing import Final

import aiohttp
import httpx

# Compression buys nothing on small JSON answers, and aiohttp would decode what httpx decodes.
_DROPPED_REQUEST_HEADERS: Final = frozenset({"accept-encoding", "connection", "content-length"})


class AiohttpTransport(httpx.AsyncBaseTransport):
    """Keeps one aiohttp session (created on first use, on the running loop)."""

    def __init__(self, ssl_context: ssl.SSLContext, *, max_connections: int = 48) -> None:
        self._ssl = ssl_context
        self._max_connections = max_connections
        self._session: aiohttp.ClientSession | None = None

    def _client(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(ssl=self._ssl, limit=self._max_connections),
                auto_decompress=False,
                cookie_jar=aiohttp.DummyCookieJar(),
            )
        return self._session

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        timeouts = request.extensions.get("timeout", {})
        timeout = aiohttp.ClientTimeout(
            total=None,
            sock_connect=timeouts.get("connect"),
            sock_read=timeouts.get("read"),
        )
        headers = [
            (name, value)
            for name, value in request.headers.multi_items()
            if name.lower() not in _DROPPED_REQUEST_HEADERS
        ]
        body = await request.aread()
        try:
            async with self._client().request(
                request.method,
                str(request.url),
                headers=headers,
                data=body or None,
                allow_redirects=False,
                timeout=timeout,
            ) as answer:
                content = await answer.read()
                return httpx.Response(
                    answer.status,
                    headers=[
                        (k, v) for k, v in answer.headers.items() if k.lower() != "content-length"
                    ],
                    content=content,
                    request=request,
                )
        except aiohttp.ConnectionTimeoutError as error:
            raise httpx.ConnectTimeout(str(error), request=request) from error
        except TimeoutError as error:
            raise httpx.ReadTimeout(str(error) or "no answer in time", request=request) from error
        except aiohttp.ClientConnectorError as error:
            raise httpx.ConnectError(str(error), request=request) from error
        except aiohttp.ServerDisconnectedError as error:
            raise httpx.RemoteProtocolError(str(error), request=request) from error
        except aiohttp.ClientError as error:
            raise httpx.ReadError(str(error) or type(error).__name__, request=request) from error

    async def aclose(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None
