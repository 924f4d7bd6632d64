"""Serving an aiohttp application on a socket server that can stop accepting before it closes.

A connection accepted in the loop turn before `Server.close()` is set up one turn later, finds the
server closed, and is dropped half made with its socket open (CPython gh-109564): a client posting
just as the server stops would leak a socket. `web.TCPSite` hides the server object, so the webhook
listener, the simulator and the client API make their own with `serve` (the latter two through
`AppServing`), and `stop_serving` stops watching the listening sockets first and lets one loop
turn attach what was already accepted; the runner's clean-up then closes those connections with
the rest.
"""

from __future__ import annotations

import asyncio
import socket
import ssl
import sys
from collections.abc import Callable

from aiohttp import web

__all__ = [
    "AppServing",
    "ProtocolFactory",
    "address_option",
    "listening_socket",
    "serve",
    "stop_serving",
]

ProtocolFactory = Callable[[], asyncio.Protocol]


async def serve(
    runner: web.AppRunner,
    host: str,
    port: int,
    wrap: Callable[[ProtocolFactory], ProtocolFactory] | None = None,
    tls: ssl.SSLContext | None = None,
) -> tuple[asyncio.Server, list[tuple[str, int]]]:
    """Serve `runner` (already set up) on host:port; returns the server and its bound addresses.

    `wrap`, if given, turns aiohttp's protocol factory into the one each accepted socket gets
    (the listener's connection guard); `tls`, if given, the TLS every connection is wrapped in."""
    handler = runner.server
    assert handler is not None, "set the runner up first"
    factory: ProtocolFactory = handler if wrap is None else wrap(handler)
    sock = listening_socket(host, port)
    try:
        server = await asyncio.get_running_loop().create_server(factory, sock=sock, ssl=tls)
    except BaseException:
        sock.close()
        raise
    names = (listening.getsockname() for listening in server.sockets)
    return server, [(str(name[0]), int(name[1])) for name in names]


def address_option(platform: str = sys.platform) -> tuple[int, int, str]:
    """(level, option, name) to set on a listening socket before it binds.

    On POSIX, SO_REUSEADDR: a port held only by connections in TIME_WAIT (the deliveries of a
    run that just stopped) can be bound again at once, while a port another program listens on
    still cannot. On Windows SO_REUSEADDR would let another program share a listening port, so
    the exclusive use of the address is asked for instead."""
    if platform == "win32":
        # ~SO_REUSEADDR is how Windows defines it; the name exists only there.
        value = getattr(socket, "SO_EXCLUSIVEADDRUSE", ~socket.SO_REUSEADDR)
        return socket.SOL_SOCKET, value, "SO_EXCLUSIVEADDRUSE"
    return socket.SOL_SOCKET, socket.SO_REUSEADDR, "SO_REUSEADDR"


def listening_socket(host: str, port: int, backlog: int = 128) -> socket.socket:
    """A non-blocking TCP socket listening on host:port, with `address_option` set."""
    family, kind, proto, _, address = socket.getaddrinfo(
        host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
    )[0]
    sock = socket.socket(family, kind, proto)
    try:
        level, option, _name = address_option()
        sock.setsockopt(level, option, 1)
        sock.bind(address)
        sock.listen(backlog)
        sock.setblocking(False)
    except BaseException:
        sock.close()
        raise
    return sock


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


class AppServing:
    """An aiohttp application served on host:port until `close`: the runner set up, the socket
    server started (the runner cleaned up again when the port cannot be used), and on close the
    sockets stopped before the runner's connections are closed."""

    def __init__(self, runner: web.AppRunner, server: asyncio.Server, port: int) -> None:
        self._runner: web.AppRunner | None = runner
        self._server: asyncio.Server | None = server
        self.port = port

    @classmethod
    async def start(
        cls, app: web.Application, host: str, port: int, *, tls: ssl.SSLContext | None = None
    ) -> AppServing:
        """Raises OSError when the port cannot be used; port 0 takes a free one."""
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        try:
            server, addresses = await serve(runner, host, port, tls=tls)
        except BaseException:
            await runner.cleanup()
            raise
        return cls(runner, server, addresses[0][1])

    async def close(self) -> None:
        server, self._server = self._server, None
        if server is not None:
            await stop_serving(server)
        runner, self._runner = self._runner, None
        if runner is not None:
            await runner.cleanup()
