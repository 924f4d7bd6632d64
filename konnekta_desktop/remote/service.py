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
from ..domain.interface import Role
from ..domain.refusals import Reason, WentWrong, why
from ..headless import serve
from ..konnekta.errors import ConfigurationError
from ..runtime import LaunchOptions, SettingsProblem
from ..settings import SecretStore
from ..settings.checks import is_loopback_host
from ..settings.secret_store import SecretName
from .operators import Operators
from .protocol import PROTOCOL
from .secrets_source import secret_store, supplied_secrets
from .server import DEFAULT_PORT, ClientApi
from .tls import ServerTls

__all__ = ["ServerOptions", "run_server", "serve_connector"]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ServerOptions:
    launch: LaunchOptions = field(default_factory=LaunchOptions)
    host: str = "127.0.0.1"
    port: int = DEFAULT_PORT
    secrets_file: Path | None = None
    tls_cert: Path | None = None
    tls_key: Path | None = None
    behind_proxy: bool = False  # plain HTTP off loopback: a proxy in front terminates TLS
    origins: frozenset[str] = frozenset()

    def tls(self) -> ServerTls | None:
        """The TLS to serve with; refuses plain HTTP off loopback unless behind a proxy."""
        if self.tls_cert is not None and self.tls_key is not None:
            return ServerTls(self.tls_cert, self.tls_key)
        if not self.behind_proxy and not is_loopback_host(self.host):
            raise WentWrong(why(Reason.CLIENT_API_NEEDS_TLS, host=self.host))
        return None


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
    api = ClientApi(
        options.host,
        options.port,
        clock=clock,
        tls=options.tls(),
        origins=options.origins,
        behind_proxy=options.behind_proxy,
    )
    try:
        await api.start()
    except OSError as error:
        detail = str(error.strerror or error)
        busy = why(
            Reason.CLIENT_API_PORT_BUSY, host=options.host, port=str(options.port), detail=detail
        )
        raise WentWrong(busy) from None

    def opened(session: Session) -> None:
        operators = Operators.open(session.store.path, clock or session.clock)
        closing.append(operators.close)
        api.attach(session, operators)
        _announce(api, session, options)
        if on_ready is not None:
            on_ready(api, session)

    session_stop = asyncio.Event()
    closing: list[Callable[[], None]] = []

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
        for close in closing:
            close()


def _announce(api: ClientApi, session: Session, options: ServerOptions) -> None:
    """Say where desktops connect, on stdout (for the person who started it) and in the log;
    in a demo, with an enrolment code for a first desktop."""
    log.info(
        "Client API at %s (protocol %s); health at %s", api.client_url, PROTOCOL, api.health_url
    )
    if api.tls is None and not is_loopback_host(api.host):
        log.info("Plain HTTP on %s: a proxy in front of it terminates TLS", api.host)
    lines = [
        f"Company connector serving desktops (client protocol {PROTOCOL}).",
        f"Client API:  {api.client_url}",
        f"Health:      {api.health_url}",
    ]
    if session.simulator is not None:
        lines.append(
            f"Demo: Konnekta simulator at {session.simulator.base_url}; nothing reaches a real phone."
        )
        operator = session.config.operator_user or "demo"
        invitation = api.operators.invite(operator, Role.ADMINISTRATOR)
        lines += [
            f"Enrolment code: {invitation.code} (one desktop; administrator {operator}; "
            "valid 24 hours)",
            f"Desktop:     konnekta-desktop --connect {api.base_url} --enrol {invitation.code}",
        ]
    else:
        lines.append(
            "Enrol a desktop with: konnekta-desktop server add-operator --user <Konnekta username>"
            + (f" --config-dir {options.launch.config_dir}" if options.launch.config_dir else "")
        )
    lines.append("Stop with Ctrl+C or SIGTERM.")
    print("\n".join(lines), flush=True)
