"""A headless session in a child process, for the crash-safety tests to kill with SIGKILL.

Reads what it needs from the KONNEKTA_CRASH_CHILD environment variable (JSON: the simulator's
addresses and credentials, the store path, the scenario), builds `Session` directly (a child cannot
see the test's in-memory keyring), and prints one marker line per step on stdout:

- "CONNECTED"
- scenario "wrapup": "WRAPUP_PENDING <call_id>" once the wrap-up for a call is pending
- scenario "offline": "OFFLINE" once the connection is lost, then "STATE_KEPT" once a state change
  made while offline is in the store

Then it waits to be killed.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
from pathlib import Path

from konnekta_desktop.core.config import ConnectorConfig
from konnekta_desktop.core.session import Session
from konnekta_desktop.core.store import Store
from konnekta_desktop.domain.states import SyncDirection
from konnekta_desktop.domain.status import Connection

ENV = "KONNEKTA_CRASH_CHILD"


def say(line: str) -> None:
    print(line, flush=True)


async def main() -> None:
    spec = json.loads(os.environ[ENV])
    config = ConnectorConfig(
        issuer_uri=spec["issuer_uri"],
        smg_address=spec["smg_address"],
        client_id=spec["client_id"],
        client_secret=spec["client_secret"],
        user=spec["user"],
        password=spec["password"],
        listener_port=0,
        operator_user=spec.get("operator_user", ""),
        wrap_up=True,
        activity_mappings=spec["activity_mappings"],
        state_mappings=spec["state_mappings"],
        sync_direction=SyncDirection(spec["sync_direction"]),
        health_interval=0.1,
        reconnect_delay=0.05,
        reconnect_delay_max=0.4,
        retry_backoff=0.01,
    )
    session = Session(config, Store(Path(spec["store"])))
    offline = asyncio.Event()
    session.connector.on_status(
        lambda status: offline.set() if status.state is Connection.RECONNECTING else None
    )
    session.wrapup.subscribe(lambda pending: say(f"WRAPUP_PENDING {pending.call_id}"))
    session.attach_client()  # a desktop: its window runs the operator's wrap-ups
    await session.start()
    await session.connector.wait_connected()
    say("CONNECTED")
    if spec["scenario"] == "offline":
        await offline.wait()
        say("OFFLINE")
        await session.presence.set_template(spec["colleague"], spec["template"])
        say("STATE_KEPT")
    await asyncio.Event().wait()  # until SIGKILL


if __name__ == "__main__":
    asyncio.run(main())
    sys.exit(0)
