"""Builds a `Session` from the command line: real settings, or the built-in simulator for --demo.

Shared by the headless runner and the Qt app, so both start the same way.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from . import logs
from .core.config import ConnectorConfig
from .core.session import Session
from .core.store import DEFAULT_FILE_NAME, Store
from .domain.refusals import Why
from .domain.states import DEFAULT_STATES, DEFAULT_TEMPLATES, SyncDirection
from .domain.types import Activity, CallingDevice
from .konnekta import translate
from .settings import (
    AppPaths,
    Secret,
    SecretStore,
    Settings,
    load_settings,
    setting_warnings,
    validate,
)
from .settings.secret_store import SecretName

if TYPE_CHECKING:
    from .remote.remote_session import RemoteSession
    from .simulator.server import Simulator

log = logging.getLogger(__name__)

STORE_FILE = DEFAULT_FILE_NAME  # the store's file in the data folder


@dataclass(frozen=True, slots=True)
class LaunchOptions:
    demo: bool = False
    config_dir: Path | None = None
    users: int = 60
    seed: int = 7
    exit_when_connected: bool = False
    target: str | None = None
    log_to_stderr: bool = True
    connect: str | None = None  # a company connector's address: its switchboard, not Konnekta's
    enrol: str | None = None  # with `connect`: the one-time code to enrol this desktop with


class SettingsProblem(Exception):
    """The settings are not complete or not valid; the message lists what to fix."""


def app_paths(options: LaunchOptions) -> AppPaths:
    if options.config_dir is not None:
        return AppPaths.for_dir(options.config_dir)
    paths = AppPaths.default()
    if options.demo:
        # The demo keeps its own store and logs so it never mixes with the real tenant's.
        return AppPaths.for_dir(paths.data_dir / "demo")
    return paths


def connector_config(settings: Settings) -> ConnectorConfig:
    return ConnectorConfig(
        issuer_uri=settings.issuer_uri,
        smg_address=settings.smg_address,
        client_id=settings.client_id,
        client_secret=settings.client_secret.reveal(),
        user=settings.user,
        password=settings.password.reveal(),
        listener_host=settings.listener_host,
        listener_port=settings.listener_port,
        webhook_address=settings.webhook_address,
        tenant_domain=settings.tenant_domain,
        international_prefix=settings.international_prefix,
        international_code=settings.international_code,
        sync_on_startup=settings.sync_on_startup,
        sync_direction=SyncDirection(settings.sync_direction),
        activity_mappings=dict(settings.activity_mappings),
        state_mappings=dict(settings.state_mappings),
        operator_user=settings.operator_user,
        wrap_up=settings.wrap_up,
        wrap_up_timeout=settings.wrap_up_timeout * 60.0,
        recall_seconds=float(settings.recall_seconds),
        reconcile_interval=settings.reconcile_minutes * 60.0,
        default_calling_device=CallingDevice(settings.default_calling_device),
    )


async def open_session(
    options: LaunchOptions, *, strict: bool = True, secrets: SecretStore | None = None
) -> Session:
    """Set up paths and logging, load settings (or start the simulator), and build the session.

    With `strict`, incomplete settings raise `SettingsProblem`; otherwise the session is built
    without connecting and lists the problems, so the app can open Settings.
    """
    paths = app_paths(options)
    paths.create()
    log_file = logs.setup(paths.log_dir, stderr=options.log_to_stderr)
    log.info("Files in %s; log file %s", paths.config_dir, log_file)
    secrets = secrets or SecretStore()  # the company connector's may come from elsewhere
    # Reading the file and the keyring logs their own problems; these are the warnings on top.
    settings, file_problems = load_settings(paths, secrets)
    for warning in setting_warnings(settings):
        log.warning("Settings: %s", warning)
    store = Store(paths.data_dir / STORE_FILE)  # before anything is started that must be stopped
    simulator = None
    settings_problems: list[Why] = []
    if options.demo:
        simulator, settings = await start_demo_simulator(settings, options.users, options.seed)
    else:
        errors = validate(settings)
        settings_problems = [error.why for error in errors]
        if errors and strict:
            raise SettingsProblem(
                "The settings are incomplete or wrong:\n"
                + "\n".join(f"- {error}" for error in errors)
                + f"\nFix them in Settings, or in {paths.settings_file}."
            )
    logs.redactor.add(settings.client_secret.reveal(), settings.password.reveal())
    session = Session(
        connector_config(settings),
        store,
        settings=settings,
        paths=paths,
        simulator=simulator,
        secrets=secrets,
        to_config=connector_config,
        settings_problems=settings_problems,
        settings_notes=[problem.why for problem in file_problems],
    )
    if simulator is not None:
        session.close_with(simulator.close)
    return session


def configured_connector(options: LaunchOptions) -> str | None:
    """The company connector this desktop is set to use (Settings > Connection), if any; a
    demo never uses one."""
    if options.demo:
        return None
    settings, _ = load_settings(app_paths(options))
    return settings.connector_address.strip() or None


def open_remote_session(options: LaunchOptions) -> RemoteSession:
    """`--connect` (or a Company Connector set in Settings): the switchboard of the company
    connector at `options.connect`. Paths and logging as for a session of its own; this
    desktop's settings are read without the keyring, as it uses no Konnekta secret, and once it
    holds a device token the Konnekta secrets it may have kept there are removed."""
    from .remote.device import DeviceTokens
    from .remote.remote_session import RemoteSession

    assert options.connect is not None
    paths = app_paths(options)
    paths.create()
    log_file = logs.setup(paths.log_dir, stderr=options.log_to_stderr)
    log.info("Files in %s; log file %s", paths.config_dir, log_file)
    settings, file_problems = load_settings(paths)
    secrets = SecretStore()

    def forget_konnekta_secrets() -> None:
        for name in SecretName:
            if secrets.get(name, settings):
                secrets.put(name, settings, Secret())
                log.info("Removed the Konnekta %s from the keyring: the connector holds it", name)

    return RemoteSession(
        options.connect,
        settings=settings,
        paths=paths,
        settings_notes=[problem.why for problem in file_problems],
        enrol_code=options.enrol,
        tokens=DeviceTokens(secrets),
        enrolled=forget_konnekta_secrets,
    )


async def start_demo_simulator(
    settings: Settings, users: int, seed: int
) -> tuple[Simulator, Settings]:
    """Start the in-process simulator with live traffic and point the settings at it.

    The operator's own settings (numbers, mappings, wrap-up, language) are kept; the connection
    points at the simulator, with its random per-run credentials, and nothing is saved.
    """
    from .simulator.server import Simulator

    simulator = Simulator(users=users, seed=seed, auto_traffic=True)
    await simulator.start()
    tenant_users = list(simulator.tenant.users.values())
    operator = next((u for u in tenant_users if u.wrap_up), tenant_users[0])
    log.info("Demo: Konnekta simulator at %s; you are %s", simulator.base_url, operator.name)
    demo_settings = dataclasses.replace(
        settings,
        tenant_domain=simulator.tenant.domain,
        issuer_uri=simulator.issuer_uri,
        smg_address=simulator.smg_address,
        client_id=simulator.client_id,
        client_secret=Secret(simulator.client_secret),
        user=simulator.username,
        password=Secret(simulator.password),
        listener_host="127.0.0.1",
        listener_port=0,
        webhook_address="",
        operator_user=settings.operator_user
        if any(u.username == settings.operator_user for u in tenant_users)
        else operator.username,
    )
    if not settings.activity_mappings and not settings.state_mappings:
        activities, states = suggested_mappings(
            translate.activities(list(simulator.tenant.activities))
        )
        demo_settings = dataclasses.replace(
            demo_settings, activity_mappings=activities, state_mappings=states
        )
    return simulator, demo_settings


_SAME_AS: dict[str, str] = {"in a meeting": "meeting"}


def suggested_mappings(
    activities: Iterable[Activity],
) -> tuple[dict[str, str], dict[str, str]]:
    """Mappings that pair activities with the default templates and states of the same name."""
    templates = {t.state.casefold(): t.name for t in DEFAULT_TEMPLATES}
    state_names = {s.name.casefold(): s.name for s in DEFAULT_STATES}
    activity_mappings: dict[str, str] = {}
    state_mappings: dict[str, str] = {}
    for activity in activities:
        key = _SAME_AS.get(activity.name.casefold(), activity.name.casefold())
        if key in templates:
            activity_mappings[activity.id] = templates[key]
        if key in state_names:
            state_mappings[state_names[key]] = activity.id
    return activity_mappings, state_mappings
