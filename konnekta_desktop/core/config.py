"""What the connector needs to know, independent of where the settings are kept."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..domain.states import SyncDirection
from ..domain.types import CallingDevice


@dataclass(frozen=True, slots=True, repr=False)
class ConnectorConfig:
    issuer_uri: str
    smg_address: str
    client_id: str
    client_secret: str
    user: str
    password: str
    listener_host: str = "127.0.0.1"
    listener_port: int = 8470
    webhook_address: str = ""  # empty: derived from the listener's host and port
    tenant_domain: str = ""  # the part after '@' in the tenant's usernames (checked, not used)
    international_prefix: str = "00"
    international_code: str = "45"
    sync_on_startup: bool = True
    sync_direction: SyncDirection = SyncDirection.KONNEKTA_TO_LOCAL
    activity_mappings: dict[str, str] = field(default_factory=dict)
    state_mappings: dict[str, str] = field(default_factory=dict)
    operator_user: str = ""
    wrap_up: bool = True  # the operator's own switch; Konnekta's per-user flag must be on too
    wrap_up_timeout: float = 600.0  # seconds a pending wrap-up waits for a client to come back
    default_calling_device: CallingDevice = CallingDevice.LOCAL
    recall_seconds: float = 30.0  # a transferred call rings this long before the operator is told
    health_interval: float = 10.0  # a dead connection is noticed within two of these
    reconcile_interval: float = 300.0  # seconds between read-backs that notice missing events
    # Seconds a difference the read-back found is given to be explained by an event that was on
    # its way when the read ended, before it counts as missed.
    reconcile_grace: float = 2.0
    subscription_ttl: int = 3600
    reconnect_delay: float = 1.0  # first retry after a lost connection; doubles each time
    # Short enough that an outage is noticed within seconds of its end, however long it lasted.
    reconnect_delay_max: float = 8.0
    retry_backoff: float = 0.2  # first pause before a safe request is retried

    def __repr__(self) -> str:
        return f"ConnectorConfig(issuer_uri={self.issuer_uri!r}, user={self.user!r}, ...)"

    def webhook_url(self, bound_port: int) -> str:
        if self.webhook_address:
            return self.webhook_address
        host = self.listener_host if self.listener_host not in ("0.0.0.0", "::") else "127.0.0.1"
        return f"http://{host}:{bound_port}/webhook"
