"""What the settings window tests build their sessions from: valid settings (for the
simulator or a made-up tenant), a session made of the real parts the window uses, and the settings
file as written.
"""

from __future__ import annotations

from pathlib import Path

from konnekta_desktop.core.clock import ManualClock
from konnekta_desktop.core.model import LiveModel
from konnekta_desktop.core.session import Session
from konnekta_desktop.core.store import Store
from konnekta_desktop.domain import UserStatus
from konnekta_desktop.domain.interface import Role
from konnekta_desktop.konnekta.api import SmgClient
from konnekta_desktop.runtime import connector_config
from konnekta_desktop.settings import AppPaths, Secret, SecretStore, Settings
from konnekta_desktop.simulator import Simulator


def valid_settings(sim: Simulator | None = None) -> Settings:
    if sim is None:
        return Settings(
            tenant_domain="example.dk",
            smg_address="https://konnekta.example.dk/api-admin/realm/acme/fwd",
            issuer_uri="https://konnekta.example.dk/auth/realms/acme",
            client_id="switchboard",
            client_secret=Secret("stored-client-secret"),
            user="switchboard@example.dk",
            password=Secret("stored-password"),
        )
    return Settings(
        tenant_domain=sim.tenant.domain,
        smg_address=sim.smg_address,
        issuer_uri=sim.issuer_uri,
        client_id=sim.client_id,
        client_secret=Secret(sim.client_secret),
        user=sim.username,
        password=Secret(sim.password),
    )


class OperatorSession(Session):
    """A session of a desktop whose operator has not the administrator's role (the company
    connector's desktops will be such)."""

    @property
    def role(self) -> Role:
        return Role.OPERATOR


def make_session(
    tmp_path: Path,
    settings: Settings,
    *,
    secrets: SecretStore,
    api: SmgClient | None = None,
    model: LiveModel | None = None,
    role: Role = Role.ADMINISTRATOR,
) -> Session:
    """A real session for `settings`, not connected: the window's every use goes through the
    application interface. `api` stands in for the connector's SMG client (a client of the
    simulator); `model`'s colleagues and activities are loaded into the session's model."""
    session = (Session if role is Role.ADMINISTRATOR else OperatorSession)(
        connector_config(settings),
        Store(tmp_path / "konnekta" / "data" / "store.sqlite3"),
        clock=ManualClock(),
        settings=settings,
        paths=AppPaths.for_dir(tmp_path / "konnekta"),
        secrets=secrets,
        to_config=connector_config,
    )
    if api is not None:
        session.connector.api = api
    if model is not None:
        session.model.load(
            [colleague.user for colleague in model],
            [
                UserStatus(
                    user_id=colleague.id,
                    activity_id=colleague.activity_id,
                    availability=colleague.availability,
                    diversion=colleague.diversion,
                    caller_id=colleague.caller_id,
                )
                for colleague in model
            ],
            model.activities.values(),
        )
    return session


def settings_file_text(session: Session) -> str:
    assert session.paths is not None
    file: Path = session.paths.settings_file
    return file.read_text(encoding="utf-8") if file.exists() else ""
