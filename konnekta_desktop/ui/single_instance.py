"""One switchboard per user and config folder: a second launch hands its arguments to the first.

The first instance listens on a local socket (a named pipe on Windows) named after the user and the
config folder; a second launch connects, sends its arguments as one JSON line and exits. A `tel:`
or `callto:` link clicked in a browser thus dials from the switchboard that is already running.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import logging
import re
from pathlib import Path
from urllib.parse import unquote

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

__all__ = ["SingleInstance", "instance_key", "parse_dial_target"]

_SEPARATORS = re.compile(r"[\s\-.()/\u00a0]+")
_NUMBER = re.compile(r"\+?\d{2,20}")
_MAX_MESSAGE = 64 * 1024


def parse_dial_target(arg: str) -> str | None:
    """The number in a command-line argument, or None when the argument is not a number.

    Accepts ``tel:+4512345678``, ``tel:12345678;phone-context=+45`` (a local number in that
    country), ``callto:+45...``, ``callto://...`` and plain numbers with spaces or dashes. The
    result is digits with an optional leading +, to be normalised by the number plan.
    """
    text = unquote(arg.strip())
    lowered = text.casefold()
    context = ""
    for scheme in ("tel:", "callto:"):
        if lowered.startswith(scheme):
            text = text[len(scheme) :].removeprefix("//")
            number, *params = text.split(";")
            for param in params:
                name, _, value = param.partition("=")
                if name.strip().casefold() == "phone-context":
                    context = value.strip()
            text = number
            break
    number = _SEPARATORS.sub("", text)
    if not _NUMBER.fullmatch(number):
        return None
    if context.startswith("+") and not number.startswith("+"):
        # RFC 3966: a local number's phone-context "+45" is its country; a domain context
        # names no country, so the number is left for the number plan to place.
        prefix = _SEPARATORS.sub("", context)
        if _NUMBER.fullmatch(prefix):
            return prefix + number
    return number


def instance_key(config_dir: Path, *, demo: bool = False) -> str:
    """The socket name: per user and per config folder (a demo run never meets a real one)."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no user name in the environment or the password database
        user = "user"
    folder = str(config_dir.expanduser().resolve())
    digest = hashlib.sha256(f"{user}\0{folder}\0{demo}".encode()).hexdigest()[:16]
    return f"konnekta-desktop-{digest}"


class SingleInstance(QObject):
    """`hand_off` (in a second launch) or `listen` (in the first); `arguments_received` fires in
    the first when a later launch hands over its arguments."""

    arguments_received = Signal(list)  # list[str]

    def __init__(self, key: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self._server: QLocalServer | None = None
        self._buffers: dict[QLocalSocket, bytearray] = {}

    def hand_off(self, arguments: list[str], timeout_ms: int = 1500) -> bool:
        """Send `arguments` to a running instance; True when one took them (then exit)."""
        socket = QLocalSocket()
        socket.connectToServer(self.key)
        if not socket.waitForConnected(timeout_ms):
            return False
        socket.write(json.dumps({"arguments": arguments}).encode() + b"\n")
        delivered = socket.waitForBytesWritten(timeout_ms) or socket.bytesToWrite() == 0
        socket.disconnectFromServer()
        if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
            socket.waitForDisconnected(timeout_ms)
        log.info("Handed %d argument(s) to the running switchboard", len(arguments))
        return delivered

    def listen(self) -> bool:
        """Become the running instance; False when the socket name cannot be taken."""
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.key):
            # A crashed run can leave its socket file behind (Unix); nobody answered hand_off,
            # so it is stale: remove it and try once more.
            QLocalServer.removeServer(self.key)
            if not server.listen(self.key):
                log.warning("Single-instance socket unavailable: %s", server.errorString())
                return False
        server.newConnection.connect(self._accept)
        self._server = server
        return True

    @property
    def listening(self) -> bool:
        return self._server is not None and self._server.isListening()

    def close(self) -> None:
        for socket in list(self._buffers):
            self._forget(socket)
            socket.abort()
        self._buffers.clear()
        if self._server is not None:
            self._server.newConnection.disconnect(self._accept)
            self._server.close()
            self._server.deleteLater()
            self._server = None

    def _accept(self) -> None:
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            self._buffers[socket] = bytearray()
            socket.readyRead.connect(self._ready_read)
            socket.disconnected.connect(self._disconnected)
            if socket.bytesAvailable():
                self._read(socket)

    def _ready_read(self) -> None:
        socket = self.sender()
        if isinstance(socket, QLocalSocket):
            self._read(socket)

    def _disconnected(self) -> None:
        socket = self.sender()
        if isinstance(socket, QLocalSocket):
            self._finish(socket)

    def _forget(self, socket: QLocalSocket) -> None:
        # Signals off first: a socket being destroyed still emits disconnected.
        socket.readyRead.disconnect(self._ready_read)
        socket.disconnected.disconnect(self._disconnected)

    def _read(self, socket: QLocalSocket) -> None:
        buffer = self._buffers.get(socket)
        if buffer is None:
            return
        buffer.extend(socket.readAll().data())
        if b"\n" in buffer or len(buffer) > _MAX_MESSAGE:
            self._finish(socket)

    def _finish(self, socket: QLocalSocket) -> None:
        buffer = self._buffers.pop(socket, None)
        if buffer is None:
            return
        if socket.bytesAvailable():
            buffer.extend(socket.readAll().data())
        self._forget(socket)
        socket.deleteLater()
        line = bytes(buffer).split(b"\n", 1)[0]
        if not line:
            return
        try:
            message = json.loads(line)
            arguments = [str(arg) for arg in message["arguments"]]
        except (ValueError, KeyError, TypeError):
            log.warning("Ignored a malformed message from another launch")
            return
        self.arguments_received.emit(arguments)
