"""TLS on both ends of the client API.

The connector may terminate TLS itself from a certificate and a key file (`ServerTls`), which it
reads again when either file changes, so a renewed certificate (certbot, an internal CA) is
served without a restart: new connections get the new one, open ones keep theirs. The desktop
verifies the connector through the operating system's trust store (`client_tls`), where a
company's own certificate authority is installed; verification is never switched off.
"""

from __future__ import annotations

import logging
import ssl
from pathlib import Path

import truststore

from ..domain.refusals import Reason, WentWrong, why

__all__ = ["ServerTls", "client_tls"]

log = logging.getLogger(__name__)


def client_tls() -> ssl.SSLContext:
    return truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)


class ServerTls:
    """The connector's TLS context over a certificate (chain) file and its key file."""

    def __init__(self, cert: Path, key: Path) -> None:
        self.cert = cert
        self.key = key
        self.context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self.context.minimum_version = ssl.TLSVersion.TLSv1_2
        self._stamp = self._files_stamp()
        self._load()

    def _files_stamp(self) -> tuple[float, ...]:
        try:
            return tuple(path.stat().st_mtime_ns for path in (self.cert, self.key))
        except OSError:
            return ()

    def _load(self) -> None:
        try:
            self.context.load_cert_chain(self.cert, self.key)
        except (OSError, ssl.SSLError, ValueError) as error:
            detail = str(
                getattr(error, "strerror", None) or getattr(error, "reason", None) or error
            )
            said = why(
                Reason.TLS_FILES_UNUSABLE, cert=str(self.cert), key=str(self.key), detail=detail
            )
            raise WentWrong(said) from None

    def reload_if_changed(self) -> bool:
        """Read the files again when they changed; True when the new ones are served. A pair
        that cannot be used (half written, say) is logged and the old one kept until they change
        again."""
        stamp = self._files_stamp()
        if not stamp or stamp == self._stamp:
            return False
        self._stamp = stamp  # a pair that fails is tried again when it changes again
        try:
            self._load()
        except WentWrong as problem:
            log.warning("Keeping the current certificate: %s", problem)
            return False
        log.info("Certificate %s read again: new connections get it", self.cert)
        return True
