"""Who holds the Listener Port when it cannot be bound: another konnekta-desktop, or another
program. The listener's `/health` answers in a shape of its own, which is what is looked for."""

from __future__ import annotations

import asyncio
from typing import Final

import httpx
import msgspec

from ..konnekta.transport import HttpClient
from ..settings.checks import url_host

__all__ = ["another_switchboard_listens"]

_ASK_FOR: Final = 1.0  # seconds: a program that does not answer HTTP is not ours


async def another_switchboard_listens(http: HttpClient, host: str, port: int) -> bool:
    """Whether `host`:`port` is held by another konnekta-desktop's webhook listener."""
    if host in ("", "0.0.0.0"):
        host = "127.0.0.1"
    elif host == "::":
        host = "::1"
    shown = url_host(host)
    try:
        async with asyncio.timeout(_ASK_FOR):
            reply = await http.request("GET", f"http://{shown}:{port}/health")
        answer = msgspec.json.decode(reply.content)
    except (httpx.HTTPError, OSError, TimeoutError, msgspec.DecodeError):
        return False
    return (
        reply.status_code == 200
        and isinstance(answer, dict)
        and answer.get("status") == "ok"
        and "accepted" in answer
    )
