"""Settings: every option declared once, validated, stored as TOML with the secrets in the keyring.

Typical use::

    paths = AppPaths.for_dir(args.config_dir) if args.config_dir else AppPaths.default()
    secrets = SecretStore()
    settings, errors = load_settings(paths, secrets)
    ...
    save_settings(paths, new_settings, secrets, previous=settings)
"""

from .files import SettingsSaveError, load_settings, save_settings
from .paths import AppPaths
from .schema import (
    OPTIONS,
    CallingDevice,
    Language,
    Option,
    Owner,
    Secret,
    Section,
    Settings,
    SyncDirection,
    changed_options,
    effective_webhook_address,
    get_option,
    needs_reconnect,
)
from .secret_store import SecretStore
from .validation import (
    SettingError,
    check_port_free,
    setting_warnings,
    validate,
    validate_field,
)

__all__ = [
    "OPTIONS",
    "AppPaths",
    "CallingDevice",
    "Language",
    "Option",
    "Owner",
    "Secret",
    "SecretStore",
    "Section",
    "SettingError",
    "Settings",
    "SettingsSaveError",
    "SyncDirection",
    "changed_options",
    "check_port_free",
    "effective_webhook_address",
    "get_option",
    "load_settings",
    "needs_reconnect",
    "save_settings",
    "setting_warnings",
    "validate",
    "validate_field",
]
