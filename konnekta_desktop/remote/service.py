"""The company connector as a service: one tenant's session (as `--headless` runs it) with the
client API on its own port, until SIGTERM or SIGINT.

The session is the headless one (`headless.serve`: settings, logging, the webhook listener,
subscribe, reconnect, unsubscribe on stop); this adds the client API around it. The client API
binds first, so a busy port stops the run before anything is subscribed at Konnekta; on stop the
clients are told goodbye first, so no command reaches a session that is closing.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..core.clock import Clock
from ..core.session import Session
from ..domain.refusals import Reason, WentWrong, english, why
from ..headless import serve
from ..konnekta.errors import ConfigurationError
from ..runtime import LaunchOptions, SettingsProblem
from ..settings import SecretStore
from ..settings.checks import is_loopback_host
from ..settings.secret_store import SecretName
from .protocol import PROTOCOL
from .secrets_source import secret_store, supplied_secrets
from .server import DEFAULT_PORT, ClientApi

__all__ = ["ServerOptions", "run_server", "serve_connector"]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ServerOptions:
    launch: LaunchOptions = field(default_factory=LaunchOptions)
    host: str = "127.0.0.1"
    port: int = DEFAULT_PORT
    secrets_file: Path | None = None


def run_server(options: ServerOptions) -> int:
    """`konnekta-desktop server`: 0 after a clean stop, 2 when it cannot start or connect."""
    try:
        return asyncio.run(_main(options, supplied_secrets(options.secrets_file)))
    except (SettingsProblem, ConfigurationError, WentWrong) as problem:
        # One line that says what is wrong and what to do; before the log file is up, Python's
        # last-resort handler still prints it to stderr.
        log.error("Cannot start: %s", problem)
        return 2


async def _main(options: ServerOptions, supplied: Mapping[SecretName, str]) -> int:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):  # Windows has no signal handlers here
            loop.add_signal_handler(signum, stop.set)
    return await serve_connector(options, stop, secrets=secret_store(supplied))


async def serve_connector(
    options: ServerOptions,
    stop: asyncio.Event,
    on_ready: Callable[[ClientApi, Session], object] | None = None,
    *,
    clock: Clock | None = None,
    secrets: SecretStore | None = None,
) -> int:
    """Run the session and the client API until `stop` is set (or the session gives up);
    `secrets` where the Client Secret and Password come from (default: the OS keyring)."""
    api = ClientApi(options.host, options.port, clock=clock)
    try:
        await api.start()
    except OSError as error:
        detail = str(error.strerror or error)
        busy = why(
            Reason.CLIENT_API_PORT_BUSY, host=options.host, port=str(options.port), detail=detail
        )
        raise WentWrong(busy) from None

    def opened(session: Session) -> None:
        api.attach(session)
        _announce(api, session)
        if on_ready is not None:
            on_ready(api, session)

    session_stop = asyncio.Event()

    async def stop_clients_first() -> None:
        await stop.wait()
        await api.close()
        session_stop.set()

    relay = asyncio.create_task(stop_clients_first(), name="stop clients first")
    try:
        return await serve(options.launch, session_stop, on_session=opened, secrets=secrets)
    finally:
        relay.cancel()
        await asyncio.gather(relay, return_exceptions=True)
        await api.close()


def _announce(api: ClientApi, session: Session) -> None:
    """Say where desktops connect, on stdout (for the person who started it) and in the log."""
    log.info(
        "Client API at %s (protocol %s); health at %s", api.client_url, PROTOCOL, api.health_url
    )
    if is_loopback_host(api.host):
        log.info("The client API has no authentication yet: it listens on loopback only")
        access = "No authentication yet: only programs on this computer can connect."
    else:
        said = why(Reason.CLIENT_API_OPEN_TO_NETWORK, host=api.host)
        log.warning("%s", english(said))
        access = english(said)
    lines = [
        f"Company connector serving desktops (client protocol {PROTOCOL}).",
        f"Client API:  {api.client_url}",
        f"Health:      {api.health_url}",
        access,
    ]
    if session.simulator is not None:
        lines.append(
            f"Demo: Konnekta simulator at {session.simulator.base_url}; nothing reaches a real phone."
        )
    lines.append("Stop with Ctrl+C or SIGTERM.")
    print("\n".join(lines), flush=True)
