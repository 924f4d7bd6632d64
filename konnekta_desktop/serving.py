"""Serving an aiohttp application on a socket server that can stop accepting before it closes.

A connection accepted in the loop turn before `Server.close()` is set up one turn later, finds the
server closed, and is dropped half made with its socket open (CPython gh-109564): a client posting
just as the server stops would leak a socket. `web.TCPSite` hides the server object, so both the
webhook listener and the simulator make their own with `serve`, and `stop_serving` stops watching
the listening sockets first and lets one loop turn attach what was already accepted; the runner's
clean-up then closes those connections with the rest.
"""

from __future__ import annotations

import asyncio

from aiohttp import web

__all__ = ["serve", "stop_serving"]


async def serve(
    runner: web.AppRunner, host: str, port: int, *, reuse_address: bool | None = None
) -> tuple[asyncio.Server, list[tuple[str, int]]]:
    """Serve `runner` (already set up) on host:port; returns the server and its bound addresses."""
    handler = runner.server
    assert handler is not None, "set the runner up first"
    server = await asyncio.get_running_loop().create_server(
        handler, host, port, reuse_address=reuse_address
    )
    names = (sock.getsockname() for sock in server.sockets)
    return server, [(str(name[0]), int(name[1])) for name in names]


async def stop_serving(server: asyncio.Server) -> None:
    """Stop accepting, let the connections already accepted attach, then close the server."""
    loop = asyncio.get_running_loop()
    try:
        for sock in server.sockets:
            loop.remove_reader(sock.fileno())
    except NotImplementedError:  # a proactor loop (Windows) has no readers to remove
        pass
    else:
        await asyncio.sleep(0)
    server.close()
