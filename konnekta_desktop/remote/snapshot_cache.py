"""The last snapshot a desktop had from its company connector, kept in its cache folder, so that
the next start shows colleagues at once (marked stale, with call commands refused) while it
connects. Owner-only, like every file the app writes; one per connector address.

What it holds is as of that snapshot, not of the updates that followed; pending wrap-ups are not
taken from it (the connector says which are pending once connected).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Final

import msgspec

from .. import private_files
from .protocol import Snapshot

__all__ = ["SnapshotCache"]

log = logging.getLogger(__name__)

FILE_NAME: Final = "connector-snapshot.json"


class _Kept(msgspec.Struct, frozen=True, kw_only=True):
    address: str
    snapshot: Snapshot


class SnapshotCache:
    def __init__(self, folder: Path, address: str) -> None:
        self.file = folder / FILE_NAME
        self._address = address

    def save(self, snapshot: Snapshot) -> None:
        try:
            private_files.make_folder(self.file.parent)
            content = msgspec.json.encode(_Kept(address=self._address, snapshot=snapshot))
            private_files.write_atomically(self.file, content)
        except OSError as error:  # a full disk: the next start only waits a little longer
            log.warning("The connector's snapshot was not kept in %s: %s", self.file, error)

    def load(self) -> Snapshot | None:
        """The snapshot kept for this address, without its pending wrap-ups; None when there is
        none, it was another connector's, or it cannot be read (an older format, say)."""
        try:
            kept = msgspec.json.decode(self.file.read_bytes(), type=_Kept)
        except FileNotFoundError:
            return None
        except (OSError, msgspec.DecodeError, msgspec.ValidationError) as error:
            log.info("Not using the kept snapshot %s: %s", self.file, error)
            return None
        if kept.address != self._address:
            return None
        return msgspec.structs.replace(kept.snapshot, pending_wrapups=[])
