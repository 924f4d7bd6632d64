"""Every option of konnekta-desktop, declared once: type, default, label, section, description.

`Settings` is the typed, immutable set of values; `OPTIONS` describes each field of it for the
settings window, the settings file and validation.
"""

# `_option` returns a dataclasses.field: calling it is how each option is declared.
# ruff: noqa: RUF009

from __future__ import annotations

import dataclasses
import ipaddress
from collections.abc import Callable, Mapping
from enum import StrEnum
from types import MappingProxyType
from typing import Any, Final, get_type_hints

from ..domain.refusals import Reason
from ..domain.states import SyncDirection
from ..domain.types import CallingDevice
from ..secret import Secret
from . import checks

__all__ = [
    "OPTIONS",
    "CallingDevice",
    "Language",
    "Option",
    "Owner",
    "Secret",
    "Section",
    "Settings",
    "SyncDirection",
    "changed_options",
    "effective_webhook_address",
    "get_option",
    "needs_reconnect",
]


class Section(StrEnum):
    """A page of the settings window, and a table in settings.toml."""

    CONNECTION = "connection"
    NUMBERS = "numbers"
    STATES = "states"
    OPERATOR = "operator"
    UI = "ui"

    @property
    def heading(self) -> str:
        return _SECTION_TITLES[self]

    @property
    def owner(self) -> Owner:
        """Whose settings these are: the tenant's (one set for every desktop of the company,
        held by the company connector) or the operator's own (this desktop's)."""
        return Owner.OPERATOR if self in (Section.OPERATOR, Section.UI) else Owner.TENANT


class Owner(StrEnum):
    TENANT = "tenant"  # connection, numbers, states and mappings: the company's
    OPERATOR = "operator"  # who I am, my calling device, wrap-up, language: mine


_SECTION_TITLES: Final = {
    Section.CONNECTION: "Connection",
    Section.NUMBERS: "Numbers",
    Section.STATES: "States",
    Section.OPERATOR: "Operator",
    Section.UI: "Appearance",
}


class Language(StrEnum):
    SYSTEM = ""  # follow the operating system's language
    ENGLISH = "en"
    DANISH = "da"


type Check = Callable[[Any], checks.Found | None]

_META: Final = "konnekta_option"


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class _OptionInfo:
    label: str
    section: Section
    description: str
    check: Check | None
    required: bool
    needs_reconnect: bool
    empty: Reason


def _option(
    default: Any,
    *,
    label: str,
    section: Section,
    description: str,
    check: Check | None = None,
    required: bool = False,
    reconnect: bool = False,
    empty: Reason = Reason.EMPTY_ASK_PROVIDER,
) -> Any:
    """Declare one field of `Settings` together with everything else known about it."""
    info = _OptionInfo(
        label=label,
        section=section,
        description=description,
        check=check,
        required=required,
        needs_reconnect=reconnect,
        empty=empty,
    )
    metadata = {_META: info}
    if isinstance(default, dict):
        frozen_default = dict(default)
        return dataclasses.field(default_factory=lambda: dict(frozen_default), metadata=metadata)
    return dataclasses.field(default=default, metadata=metadata)


_CONN = Section.CONNECTION


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    """All settings, with their defaults. Immutable: derive changed copies with `replace`."""

    # Connection
    connector_address: str = _option(
        "",
        label="Company Connector",
        section=_CONN,
        description="The address of your company's connector (konnekta-desktop server), such "
        "as https://switchboard.example.dk, given by your administrator with an enrolment "
        "code. Leave it empty when this computer connects to Konnekta itself; then the fields "
        "below are needed instead.",
        check=checks.connector_address,
    )
    tenant_domain: str = _option(
        "",
        label="Tenant Domain",
        section=_CONN,
        description="The domain registered for your organisation in Konnekta: the part after "
        "'@' in the usernames people log in with.",
        check=checks.tenant_domain,
        required=True,
        reconnect=True,
        empty=Reason.EMPTY_TENANT_DOMAIN,
    )
    listener_port: int = _option(
        8470,
        label="Listener Port",
        section=_CONN,
        description="The TCP port on this computer where Konnekta's events are received. "
        "It is used only locally, so no firewall opening is needed.",
        check=checks.listener_port,
        reconnect=True,
    )
    listener_host: str = _option(
        "127.0.0.1",
        label="Listener Host",
        section=_CONN,
        description="The address the event listener binds to. Keep 127.0.0.1 so that only "
        "this computer can reach it.",
        check=checks.listener_host,
        required=True,
        reconnect=True,
        empty=Reason.EMPTY_LISTENER_HOST,
    )
    smg_address: str = _option(
        "",
        label="SMG Address",
        section=_CONN,
        description=f"Konnekta's SMG API, shaped like {checks.SMG_SHAPE}. Your telephony "
        "provider gives you the server and realm.",
        check=checks.smg_address,
        required=True,
        reconnect=True,
    )
    issuer_uri: str = _option(
        "",
        label="Issuer URI",
        section=_CONN,
        description=f"The Keycloak login server, shaped like {checks.ISSUER_SHAPE} (note: "
        "'realms', plural). Your telephony provider gives you the server and realm.",
        check=checks.issuer_uri,
        required=True,
        reconnect=True,
    )
    client_id: str = _option(
        "",
        label="Client ID",
        section=_CONN,
        description="The OAuth 2.0 client used for logging in, from your telephony provider.",
        check=checks.no_spaces,
        required=True,
        reconnect=True,
    )
    client_secret: Secret = _option(
        Secret(),
        label="Client Secret",
        section=_CONN,
        description="The OAuth 2.0 client's secret, from your telephony provider. It is kept "
        "in the system keyring, never in the settings file.",
        required=True,
        reconnect=True,
    )
    user: str = _option(
        "",
        label="User",
        section=_CONN,
        description="The user name of the Konnekta tenant service account.",
        required=True,
        reconnect=True,
    )
    password: Secret = _option(
        Secret(),
        label="Password",
        section=_CONN,
        description="The service account's password. It is kept in the system keyring, never "
        "in the settings file.",
        required=True,
        reconnect=True,
    )
    webhook_address: str = _option(
        "",
        label="Webhook Address",
        section=_CONN,
        description="Where Konnekta sends telephony and user events. Leave it empty to use "
        "the Listener Port on this computer.",
        check=checks.webhook_address,
        reconnect=True,
    )

    reconcile_minutes: int = _option(
        5,
        label="Read Back From Konnekta Every",
        section=_CONN,
        description="Minutes between readings of everyone's status and the calls in progress "
        "from Konnekta, compared with what its events said, so that events that do not arrive "
        "are noticed and made up for.",
        check=checks.minutes,
    )

    # Numbers
    international_prefix: str = _option(
        "00",
        label="International Prefix",
        section=Section.NUMBERS,
        description="What you dial before a country code, usually 00 (0045... for Denmark).",
        check=checks.international_prefix,
        required=True,
        empty=Reason.EMPTY_PREFIX,
    )
    international_code: str = _option(
        "45",
        label="International Code",
        section=Section.NUMBERS,
        description="Your own country calling code, e.g. 45 for Denmark or 298 for the "
        "Faroe Islands. Numbers without one are taken to be in this country.",
        check=checks.international_code,
        required=True,
        empty=Reason.EMPTY_CODE,
    )

    # States
    sync_on_startup: bool = _option(
        True,
        label="Synchronise on Startup/Reconnect",
        section=Section.STATES,
        description="After start-up or a lost connection, bring states on both sides back in "
        "step, so that changes made meanwhile are not lost.",
        reconnect=True,
    )
    sync_direction: SyncDirection = _option(
        SyncDirection.KONNEKTA_TO_LOCAL,
        label="Synchronisation Direction",
        section=Section.STATES,
        description="Which side wins when states are brought back in step.",
        reconnect=True,
    )
    activity_mappings: dict[str, str] = _option(
        {},
        label="Activity Mappings",
        section=Section.STATES,
        description="Which local template a Konnekta activity (by id) switches on.",
        check=checks.mapping(Reason.ACTIVITY_ROW_WITHOUT_ID, Reason.ACTIVITY_WITHOUT_TEMPLATE),
    )
    state_mappings: dict[str, str] = _option(
        {},
        label="State Mappings",
        section=Section.STATES,
        description="Which Konnekta activity (by id) a local state sets. Availability follows "
        "the state's class: Free is available, every other class unavailable.",
        check=checks.mapping(Reason.STATE_ROW_WITHOUT_NAME, Reason.STATE_WITHOUT_ACTIVITY),
    )

    wrap_up_timeout: int = _option(
        10,
        label="Wrap-up Completes Itself After",
        section=Section.STATES,
        description="Minutes after which a pending wrap-up completes by itself when no "
        "switchboard is open to complete it, so that nobody stays Unavailable; the user is then "
        "made Available.",
        check=checks.minutes,
    )

    # Operator
    operator_user: str = _option(
        "",
        label="Your Konnekta User",
        section=Section.OPERATOR,
        description="Your own Konnekta username or user id: calls you make start from your "
        "devices.",
    )
    wrap_up: bool = _option(
        True,
        label="Wrap-up",
        section=Section.OPERATOR,
        description="Run the wrap-up dialog after your calls, when wrap-up is enabled for you "
        "in Konnekta.",
    )
    recall_seconds: int = _option(
        30,
        label="Transferred Calls Come Back After",
        section=Section.OPERATOR,
        description="Seconds a call you transferred may ring unanswered before it comes back "
        "to you; while you are on a call you are told instead, and Pick up takes it back. "
        "0 turns this off.",
        check=checks.recall_seconds,
    )
    default_calling_device: CallingDevice = _option(
        CallingDevice.LOCAL,
        label="Default Calling Device",
        section=Section.OPERATOR,
        description="Where your calls start: your local phone (desk phone, then softphone), "
        "your mobile (click-to-dial) or Teams.",
    )

    # Appearance
    language: Language = _option(
        Language.SYSTEM,
        label="Language",
        section=Section.UI,
        description="The language of the app; empty follows the operating system.",
    )
    # Start at login is not a setting: it is the system's login item (autostart.py), which
    # Settings shows; settings/files.py drops the key an older version wrote.
    mute_notifications: bool = _option(
        False,
        label="Mute Notifications",
        section=Section.UI,
        description="Do not show desktop notifications for incoming calls.",
    )

    def replace(self, **changes: Any) -> Settings:
        """A copy with the named options changed (no validation: call `validate` for that)."""
        return dataclasses.replace(self, **changes)


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Option:
    """Everything known about one option, for the settings window, file and validation."""

    name: str
    label: str
    section: Section
    type: Any
    default: Any
    description: str
    check: Check | None
    required: bool
    needs_reconnect: bool
    empty: Reason  # why a required option may not be empty, and what to put in

    @property
    def secret(self) -> bool:
        return self.type is Secret

    @property
    def owner(self) -> Owner:
        # Which company connector this desktop uses is the desktop's own choice.
        if self.name == "connector_address":
            return Owner.OPERATOR
        return self.section.owner

    @property
    def choices(self) -> tuple[str, ...]:
        """The allowed values of an option with a fixed set of them, else ()."""
        if isinstance(self.type, type) and issubclass(self.type, StrEnum):
            return tuple(member.value for member in self.type)
        return ()


def _build_options() -> tuple[Option, ...]:
    hints = get_type_hints(Settings)
    defaults = Settings()
    options = []
    for field in dataclasses.fields(Settings):
        info: _OptionInfo = field.metadata[_META]
        options.append(
            Option(
                name=field.name,
                label=info.label,
                section=info.section,
                type=hints[field.name],
                default=getattr(defaults, field.name),
                description=info.description,
                check=info.check,
                required=info.required,
                needs_reconnect=info.needs_reconnect,
                empty=info.empty,
            )
        )
    return tuple(options)


OPTIONS: Final[tuple[Option, ...]] = _build_options()
_BY_NAME: Final[Mapping[str, Option]] = MappingProxyType({o.name: o for o in OPTIONS})


def get_option(name: str) -> Option:
    try:
        return _BY_NAME[name]
    except KeyError:
        raise KeyError(f"There is no setting named {name!r}") from None


def changed_options(old: Settings, new: Settings) -> tuple[str, ...]:
    """Names of the options whose values differ, in declaration order."""
    return tuple(o.name for o in OPTIONS if getattr(old, o.name) != getattr(new, o.name))


def needs_reconnect(old: Settings, new: Settings) -> bool:
    """Whether applying `new` over `old` takes a new login and webhook subscription."""
    return any(get_option(name).needs_reconnect for name in changed_options(old, new))


def effective_webhook_address(settings: Settings) -> str:
    """The Webhook Address as set, or the one derived from the listener when it is empty."""
    if settings.webhook_address.strip():
        return settings.webhook_address.strip()
    host = settings.listener_host.strip().strip("[]")
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        pass
    else:
        if address.is_unspecified:
            # Listening on every interface includes loopback, the one address that surely works.
            host = "127.0.0.1"
        elif address.version == 6:
            host = f"[{host}]"
    return f"http://{host or '127.0.0.1'}:{settings.listener_port}/webhook"
