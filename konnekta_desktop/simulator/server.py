"""`Simulator`: the whole simulated Konnekta (login, SMG API, calls, webhooks) on one aiohttp server.

Used in-process by the app's --demo and by tests, and from the command line through `main`.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import os
import random
import re
import secrets
import signal
import sys
import time
from collections.abc import Callable
from email.utils import formatdate

from aiohttp import web

from konnekta_desktop.konnekta.models import (
    Availability,
    CallerIds,
    CallingDevice,
    Line,
    LineRole,
    LineType,
    Presence,
    Right,
    User,
)

from ..serving import AppServing
from ..settings.checks import url_host
from .control import Faults, control_errors, control_routes
from .engine import CallEngine
from .keycloak import TokenIssuer, keycloak_routes
from .smg import ReceivedCommand, SmgApi
from .tenant import Tenant, generate_tenant
from .traffic import AutoTraffic
from .webhooks import WebhookSender

__all__ = ["ReceivedCommand", "Simulator", "main"]

log = logging.getLogger(__name__)

DEFAULT_PORT = 8750
_REALM = re.compile(r"[A-Za-z0-9_-]+")


class Simulator:
    """A simulated Konnekta tenant served over HTTP; every secret is random per instance."""

    def __init__(
        self,
        *,
        users: int = 50,
        seed: int = 1,
        realm: str = "demo",
        clock: Callable[[], float] = time.time,
        access_token_ttl: float = 300,
        refresh_token_ttl: float = 1800,
        auto_traffic: bool = False,
        traffic_interval: float = 3.0,
        client_id: str = "konnekta-desktop",
        client_secret: str | None = None,
        password: str | None = None,
        webhook_retry_delay: float = 0.1,
        webhook_max_retry_delay: float = 5.0,
    ) -> None:
        if not _REALM.fullmatch(realm):
            raise ValueError("a realm name is letters, digits, '-' and '_'")
        self.realm = realm
        self.seed = seed
        self.clock = clock
        self.tenant: Tenant = generate_tenant(users, seed, domain=f"{realm}.example.dk")
        self.rng = random.Random(f"control-{seed}")
        self.client_id = client_id
        self.client_secret = client_secret or secrets.token_urlsafe(24)
        self.username = f"switchboard@{self.tenant.domain}"
        self.password = password or secrets.token_urlsafe(18)
        self.received: list[ReceivedCommand] = []
        self.faults = Faults()
        # Konnekta's time: the clock, run off by the clock_offset_seconds fault.
        clock = self.konnekta_time
        self.webhooks = WebhookSender(
            clock,
            lambda: self.faults.webhook_outage,
            losing=lambda: self.faults.webhook_blackhole,
            dropping=self._drop_one_response,
            first_retry_delay=webhook_retry_delay,
            max_retry_delay=webhook_max_retry_delay,
        )
        self.faults._on_change = self.webhooks.wake
        self.engine = CallEngine(self.tenant, clock, self.webhooks.publish)
        self._issuer = TokenIssuer(
            clock=clock,
            client_id=self.client_id,
            client_secret=self.client_secret,
            username=self.username,
            password=self.password,
            access_token_ttl=access_token_ttl,
            refresh_token_ttl=refresh_token_ttl,
        )
        self._smg = SmgApi(
            f"/api-admin/realm/{realm}/fwd",
            self.engine,
            self._issuer,
            self.webhooks,
            self.faults,
            self.received,
        )
        self.traffic = AutoTraffic(self.engine, seed)
        self._traffic_interval = traffic_interval
        self._traffic_task: asyncio.Task[None] | None = None
        self._want_traffic = auto_traffic
        self._serving: AppServing | None = None
        self.host = "127.0.0.1"
        self.port = 0

    def konnekta_time(self) -> float:
        return self.clock() + self.faults.clock_offset_seconds

    def _drop_one_response(self) -> bool:
        if self.faults.drop_webhook_response <= 0:
            return False
        self.faults.drop_webhook_response -= 1
        return True

    async def _stamp_date(self, request: web.BaseRequest, response: web.StreamResponse) -> None:
        # aiohttp stamps its own clock's time; Konnekta's answers carry Konnekta's.
        response.headers["Date"] = formatdate(self.konnekta_time(), usegmt=True)

    def __repr__(self) -> str:
        return f"<Simulator realm={self.realm!r} users={len(self.tenant.users)} port={self.port}>"

    # -- addresses --------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        return f"http://{url_host(self.host)}:{self.port}"

    @property
    def issuer_uri(self) -> str:
        return f"{self.base_url}/auth/realms/{self.realm}"

    @property
    def smg_address(self) -> str:
        return f"{self.base_url}{self._smg.prefix}"

    @property
    def control_url(self) -> str:
        return f"{self.base_url}/_sim"

    # -- life cycle -------------------------------------------------------------------------

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> None:
        app = web.Application(middlewares=[control_errors, self._smg.middleware])
        app.on_response_prepare.append(self._stamp_date)
        app.add_routes(
            keycloak_routes(self._issuer, self.realm, lambda: self.faults.token_down)
            + self._smg.routes()
            + control_routes(self)
        )
        self._serving = await AppServing.start(app, host, port)
        self.host = host
        self.port = self._serving.port
        if self._want_traffic:
            self.set_auto_traffic(True)
        log.info("Konnekta simulator serving %s (realm %s)", self.base_url, self.realm)

    async def close(self) -> None:
        self.set_auto_traffic(False)
        await self.webhooks.close()
        if self._serving is not None:
            await self._serving.close()
            self._serving = None

    async def __aenter__(self) -> Simulator:
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    # -- things happening in Konnekta -------------------------------------------------------

    async def ring(
        self,
        user_id: str,
        caller: str,
        *,
        queue: str | None = None,
        callback: bool = False,
        called: str | None = None,
    ) -> str:
        """An incoming call rings one user; with ``queue`` it is that queue's call (or call-back)."""
        return self.engine.ring(user_id, caller, called=called, queue=queue, callback=callback)

    async def ring_queue(self, queue: str, caller: str, *, callback: bool = False) -> str:
        """A queue call (or call-back) is offered to every agent of the queue at once."""
        return self.engine.ring_queue(queue, caller, callback=callback)

    async def answer(
        self,
        call_id: str,
        *,
        device: CallingDevice | str = CallingDevice.LOCAL,
        user_id: str | None = None,
    ) -> None:
        self.engine.answer(call_id, user_id=user_id, device=CallingDevice(device))

    async def hang_up(self, call_id: str) -> None:
        self.engine.hang_up(call_id)

    async def no_answer(self, call_id: str) -> None:
        """Nobody answers: the call stops ringing at every user, as when their ring time runs
        out. A queue call goes on waiting in its queue; any other call is over."""
        self.engine.no_answer(call_id)

    async def hold(self, user_id: str, call_id: str, *, held: bool = True) -> None:
        """As if the user pressed Hold (``held=False``: took the call back) on their phone."""
        if held:
            self.engine.hold(user_id, call_id)
        else:
            self.engine.resume(user_id, call_id)

    async def set_queue_login(self, queue: str, user_id: str, logged_in: bool) -> None:
        """As if the agent logged in to (or out of) the queue on their phone."""
        self.engine.set_queue_login(queue, user_id, logged_in)

    async def set_presence(
        self, user_id: str, activity_id: str | None, availability: Availability | str
    ) -> None:
        """As if the user changed presence in Konnekta itself."""
        self.engine.set_presence(user_id, activity_id, Availability(availability))

    async def add_user(self, name: str, *, department: str = "") -> User:
        user_id = self.tenant.new_user_id()
        number = self.tenant.free_number(self.rng)
        local = re.sub(r"[^a-z0-9]+", ".", name.lower()).strip(".") or user_id
        username = f"{local}.{user_id}@{self.tenant.domain}"
        user = User(
            id=user_id,
            username=username,
            name=name,
            department=department,
            email=username,
            lines=(Line(role=LineRole.PRIMARY, type=LineType.FIXED, number=number),),
            devices=(CallingDevice.LOCAL,),
            rights=(Right.SET_CALLER_ID,),
        )
        self.engine.add_user(
            user,
            Presence(activity_id="act-available", availability=Availability.AVAILABLE),
            CallerIds(current=number, valid=(number, *self.tenant.company_numbers)),
        )
        return user

    async def change_user(self, user_id: str, **changes: object) -> User:
        """Change a user's fields (name, department, wrap_up, ...) as an administrator would."""
        return self.engine.change_user(user_id, **changes)

    async def remove_user(self, user_id: str) -> None:
        self.engine.remove_user(user_id)

    def revoke_refresh_tokens(self) -> None:
        self._issuer.revoke_refresh_tokens()

    async def delivered(self) -> None:
        """Resolves once every queued webhook event has been delivered."""
        await self.webhooks.delivered()

    @property
    def auto_traffic(self) -> bool:
        return self._traffic_task is not None

    def set_auto_traffic(self, enabled: bool) -> None:
        if enabled and self._traffic_task is None:
            self._traffic_task = asyncio.get_running_loop().create_task(
                self.traffic.run(self._traffic_interval)
            )
        elif not enabled and self._traffic_task is not None:
            self._traffic_task.cancel()
            self._traffic_task = None


def main(argv: list[str] | None = None) -> int:
    """``konnekta-desktop simulator``: serve a simulated Konnekta until Ctrl+C."""
    parser = argparse.ArgumentParser(
        prog="konnekta-desktop simulator",
        description="Run a simulated Konnekta PBX (login, SMG API, calls, webhook events).",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help="TCP port (0: any free)")
    parser.add_argument("--users", type=int, default=50, help="number of users in the tenant")
    parser.add_argument("--seed", type=int, default=1, help="the same seed gives the same tenant")
    parser.add_argument("--realm", default="demo", help="realm name in the addresses")
    parser.add_argument(
        "--auto-traffic", action="store_true", help="play random calls and presence changes"
    )
    parser.add_argument(
        "--access-token-ttl", type=float, default=300, help="access token lifetime in seconds"
    )
    args = parser.parse_args(argv)
    if args.users < 1:
        parser.error("--users must be at least 1")
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    sim = Simulator(
        users=args.users,
        seed=args.seed,
        realm=args.realm,
        auto_traffic=args.auto_traffic,
        access_token_ttl=args.access_token_ttl,
        # An operator may keep the same credentials across restarts through the environment.
        client_secret=os.environ.get("KONNEKTA_SIM_CLIENT_SECRET") or None,
        password=os.environ.get("KONNEKTA_SIM_PASSWORD") or None,
    )
    try:
        asyncio.run(_serve(sim, args.host, args.port))
    except KeyboardInterrupt:
        pass
    except OSError as error:
        print(
            f"The simulator could not listen on {args.host}:{args.port}: {error}. "
            "Choose another port with --port.",
            file=sys.stderr,
        )
        return 1
    return 0


async def _serve(sim: Simulator, host: str, port: int) -> None:
    try:
        await sim.start(host, port)
    except OSError:
        await sim.close()
        raise
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    with contextlib.suppress(NotImplementedError):  # Windows: Ctrl+C raises KeyboardInterrupt
        loop.add_signal_handler(signal.SIGINT, stop.set)
        loop.add_signal_handler(signal.SIGTERM, stop.set)
    try:
        # The operator copies these into Settings > Connection; stdout, never the log.
        print(
            f"Konnekta simulator running ({len(sim.tenant.users)} users, seed {sim.seed}).\n"
            f"Tenant Domain:  {sim.tenant.domain}\n"
            f"SMG Address:    {sim.smg_address}\n"
            f"Issuer URI:     {sim.issuer_uri}\n"
            f"Client ID:      {sim.client_id}\n"
            f"Client Secret:  {sim.client_secret}\n"
            f"User:           {sim.username}\n"
            f"Password:       {sim.password}\n"
            f"Control API:    {sim.control_url}/state\n"
            "Press Ctrl+C to stop.",
            flush=True,
        )
        await stop.wait()
    finally:
        await sim.close()
        print("Konnekta simulator stopped.", flush=True)
