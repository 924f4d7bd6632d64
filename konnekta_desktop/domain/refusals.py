"""Why something was refused or went wrong: one catalogue of codes, each with named parameters.

The core, the settings checks and the Konnekta adapter say why with a code and its parameters,
never with a sentence; the UI words each code in the operator's language (`ui/refusal_words.py`),
and the company connector sends codes to its desktops as they are. Each code carries its English
wording, which names its parameters in braces; it is the source text the translations start from
and the words of the log and of `--headless`. A new reason is a new member here; a test checks
that every code is worded in every language with exactly its parameters.

Parameters with these names are words of a catalogue, put in the reader's language when shown:
`command` (a `Command`), `server` (a `Server`), `setting` and `section` (a setting's label and a
Settings page, as the settings declare them), `device` (a calling device). `said` is what a
server said, shown in brackets when there is anything. A `{cause}` is another reason, worded
in its place: "Dialling failed: Konnekta at ... did not answer in time".
"""

from __future__ import annotations

import dataclasses
import string
from collections.abc import Callable
from enum import StrEnum
from typing import Final, Self

__all__ = [
    "NONE",
    "PARAMETERS",
    "Command",
    "Reason",
    "Refused",
    "Server",
    "WentWrong",
    "Why",
    "english",
    "fill",
    "why",
]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks `text` for the translators (lupdate reads this file); the text is English."""
    return text


class _Worded(StrEnum):
    """A code with its English wording."""

    english: str

    def __new__(cls, code: str, english: str) -> Self:
        member = str.__new__(cls, code)
        member._value_ = code
        member.english = english
        return member


class Command(_Worded):
    """What the operator asked for, as the refusals name it."""

    DIAL = "dial", QT_TRANSLATE_NOOP("Refusal", "Dialling")
    HANG_UP = "hang_up", QT_TRANSLATE_NOOP("Refusal", "Hanging up")
    TRANSFER = "transfer", QT_TRANSLATE_NOOP("Refusal", "Transferring")
    HOLD = "hold", QT_TRANSLATE_NOOP("Refusal", "Putting the call on hold")
    RESUME = "resume", QT_TRANSLATE_NOOP("Refusal", "Taking the call off hold")
    ANSWER = "answer", QT_TRANSLATE_NOOP("Refusal", "Answering")
    PICK_UP = "pick_up", QT_TRANSLATE_NOOP("Refusal", "Picking up the call")
    CONSULT = "consult", QT_TRANSLATE_NOOP("Refusal", "Calling for a consultation")
    COMPLETE_TRANSFER = "complete_transfer", QT_TRANSLATE_NOOP("Refusal", "Connecting the caller")
    GO_BACK = "go_back", QT_TRANSLATE_NOOP("Refusal", "Going back to the caller")
    LOAD_QUEUES = "load_queues", QT_TRANSLATE_NOOP("Refusal", "Loading the queues")
    QUEUE_LOG_IN = "queue_log_in", QT_TRANSLATE_NOOP("Refusal", "Logging in to the queue")
    QUEUE_LOG_OUT = "queue_log_out", QT_TRANSLATE_NOOP("Refusal", "Logging out of the queue")
    SAVE_LISTS = (
        "save_lists",
        QT_TRANSLATE_NOOP("Refusal", "Saving the states, templates and appointments"),
    )
    SAVE_TENANT_SETTINGS = (
        "save_tenant_settings",
        QT_TRANSLATE_NOOP("Refusal", "Saving the company's settings"),
    )
    SET_FORWARDING = "set_forwarding", QT_TRANSLATE_NOOP("Refusal", "Setting forwarding")
    CLEAR_FORWARDING = "clear_forwarding", QT_TRANSLATE_NOOP("Refusal", "Clearing forwarding")
    SET_CALLER_ID = "set_caller_id", QT_TRANSLATE_NOOP("Refusal", "Setting the caller ID")
    CLEAR_CALLER_ID = (
        "clear_caller_id",
        QT_TRANSLATE_NOOP("Refusal", "Restoring the default caller ID"),
    )
    LOAD_CALLER_IDS = "load_caller_ids", QT_TRANSLATE_NOOP("Refusal", "Loading the caller IDs")
    SET_STATE = "set_state", QT_TRANSLATE_NOOP("Refusal", "Setting the state")
    SET_AVAILABILITY = "set_availability", QT_TRANSLATE_NOOP("Refusal", "Setting the availability")
    COMPLETE_WRAPUP = "complete_wrapup", QT_TRANSLATE_NOOP("Refusal", "Completing the wrap-up")
    LOAD_ACTIVITIES = "load_activities", QT_TRANSLATE_NOOP("Refusal", "Loading the activities")
    CHECK_CONNECTION = "check_connection", QT_TRANSLATE_NOOP("Refusal", "Testing the connection")


class Server(_Worded):
    """The far ends the app talks to, as the operator calls them."""

    KONNEKTA = "konnekta", QT_TRANSLATE_NOOP("Refusal", "Konnekta")
    LOGIN = "login", QT_TRANSLATE_NOOP("Refusal", "Konnekta's login server")


class Reason(_Worded):
    """Every reason, with its English wording: the parameters are the names in braces."""

    # fmt: off
    # -- commands the core refuses -------------------------------------------------------------
    USER_UNKNOWN = "user_unknown", QT_TRANSLATE_NOOP("Refusal", "User {user} is not in Konnekta's user list (any more).")
    NO_PHONE_LINE = "no_phone_line", QT_TRANSLATE_NOOP("Refusal", "{name} has no phone line in Konnekta.")
    CALL_ENDED = "call_ended", QT_TRANSLATE_NOOP("Refusal", "That call has already ended.")
    NO_SUCH_DEVICE = "no_such_device", QT_TRANSLATE_NOOP("Refusal", "{name} has no calling device “{device}”. Choose another calling device.")
    NO_TEAMS_TELEPHONY = "no_teams_telephony", QT_TRANSLATE_NOOP("Refusal", "{name} cannot call from Teams: Teams telephony must be enabled for them in Konnekta's user administration. Choose another calling device meanwhile.")
    MOBILE_LINE = "mobile_line", QT_TRANSLATE_NOOP("Refusal", "{number} is a mobile line, and Konnekta allows no call control on mobile lines. Dial, transfer or hang up from the fixed line instead, or let the user handle the call on the mobile phone.")
    NO_CALLER_ID_RIGHT = "no_caller_id_right", QT_TRANSLATE_NOOP("Refusal", "{name} lacks the Set Caller ID right in Konnekta, so the outbound caller ID cannot be changed. An administrator can grant it.")
    CALLER_ID_NOT_VALID = "caller_id_not_valid", QT_TRANSLATE_NOOP("Refusal", "{number} is not a valid caller ID for {name}. Valid caller IDs in Konnekta: {valid}.")
    NUMBER_EMPTY = "number_empty", QT_TRANSLATE_NOOP("Refusal", "The number is empty: type digits, optionally starting with + or 00.")
    NUMBER_NOT_A_NUMBER = "number_not_a_number", QT_TRANSLATE_NOOP("Refusal", "“{text}” is not a phone number: use digits, optionally starting with + or 00.")
    NUMBER_NO_DIGITS_AFTER_PREFIX = "number_no_digits_after_prefix", QT_TRANSLATE_NOOP("Refusal", "“{text}” has no digits after the international prefix.")
    NUMBER_TOO_SHORT = "number_too_short", QT_TRANSLATE_NOOP("Refusal", "“{text}” is too short: digits are missing.")
    NUMBER_TOO_LONG = "number_too_long", QT_TRANSLATE_NOOP("Refusal", "“{text}” is too long: an international number has at most {most} digits.")
    NUMBER_UNKNOWN_COUNTRY = "number_unknown_country", QT_TRANSLATE_NOOP("Refusal", "“{text}” does not start with a known country code (such as 45 or 298).")
    NUMBER_TOO_SHORT_FOR_COUNTRY = "number_too_short_for_country", QT_TRANSLATE_NOOP("Refusal", "“{text}” is too short for a number in country +{country}.")
    NUMBER_NOT_NATIONAL = "number_not_national", QT_TRANSLATE_NOOP("Refusal", "“{text}” is neither a number in country +{country} ({lengths} digits) nor a short number (at most {short_most} digits); for a foreign number type {prefix} or + and the country code.")
    NUMBER_WRONG_LENGTH = "number_wrong_length", QT_TRANSLATE_NOOP("Refusal", "“{text}” has {digits} digits after +{country}; numbers there have {lengths} digits.")
    PREFIX_NOT_DIGITS = "prefix_not_digits", QT_TRANSLATE_NOOP("Refusal", "The International prefix “{prefix}” must be digits, usually 00: check Settings > Numbers.")
    CODE_NOT_A_COUNTRY = "code_not_a_country", QT_TRANSLATE_NOOP("Refusal", "The International code “{code}” is not a country code (for example 45 for Denmark, 298 for the Faroe Islands): check Settings > Numbers.")
    NO_SUCH_TEMPLATE = "no_such_template", QT_TRANSLATE_NOOP("Refusal", "There is no template called “{name}”; see Settings > States.")
    NO_SUCH_STATE = "no_such_state", QT_TRANSLATE_NOOP("Refusal", "There is no state called “{name}”; see Settings > States.")
    PBX_REFUSED = "pbx_refused", QT_TRANSLATE_NOOP("Refusal", "{command}: {cause}")
    PBX_FAILED = "pbx_failed", QT_TRANSLATE_NOOP("Refusal", "{command} failed: {cause}")
    CONNECTION_NOT_STARTED = "connection_not_started", QT_TRANSLATE_NOOP("Refusal", "The connection to Konnekta could not start: {cause}")
    REQUEST_ID_REUSED = "request_id_reused", QT_TRANSLATE_NOOP("Refusal", "{command} was not carried out: its request id {request_id} already belongs to another command. Try again.")

    # -- a setting's value (each names the setting; shown beside its field) ----------------------
    NOT_TRUE_OR_FALSE = "not_true_or_false", QT_TRANSLATE_NOOP("Refusal", "{setting} must be true or false.")
    NOT_A_WHOLE_NUMBER = "not_a_whole_number", QT_TRANSLATE_NOOP("Refusal", "{setting} must be a whole number.")
    NOT_TEXT = "not_text", QT_TRANSLATE_NOOP("Refusal", "{setting} must be text.")
    NOT_A_CHOICE = "not_a_choice", QT_TRANSLATE_NOOP("Refusal", "{setting} must be one of {choices}.")
    NOT_A_TABLE = "not_a_table", QT_TRANSLATE_NOOP("Refusal", "{setting} must be a table of names to text.")
    EMPTY_ASK_PROVIDER = "empty_ask_provider", QT_TRANSLATE_NOOP("Refusal", "{setting} is empty: ask your telephony provider for it.")
    EMPTY_TENANT_DOMAIN = "empty_tenant_domain", QT_TRANSLATE_NOOP("Refusal", "{setting} is empty: it is the part after '@' in your Konnekta username.")
    EMPTY_LISTENER_HOST = "empty_listener_host", QT_TRANSLATE_NOOP("Refusal", "{setting} is empty: use 127.0.0.1.")
    EMPTY_PREFIX = "empty_prefix", QT_TRANSLATE_NOOP("Refusal", "{setting} is empty: it is usually 00.")
    EMPTY_CODE = "empty_code", QT_TRANSLATE_NOOP("Refusal", "{setting} is empty: for example 45 for Denmark.")
    DOMAIN_WITH_ADDRESS = "domain_with_address", QT_TRANSLATE_NOOP("Refusal", "{setting} must be a domain name like example.dk (the part after '@' in Konnekta usernames), without https:// or a path.")
    DOMAIN_WITH_AT = "domain_with_at", QT_TRANSLATE_NOOP("Refusal", "{setting} must be a domain name like example.dk: use only what comes after '@' in Konnekta usernames.")
    NOT_A_DOMAIN = "not_a_domain", QT_TRANSLATE_NOOP("Refusal", "{setting} must be a domain name like example.dk (the part after '@' in Konnekta usernames).")
    PORT_OUT_OF_RANGE = "port_out_of_range", QT_TRANSLATE_NOOP("Refusal", "{setting} must be a port number from 1024 to 65535 (8470 unless it is taken), or empty to have one chosen automatically.")
    MINUTES_OUT_OF_RANGE = "minutes_out_of_range", QT_TRANSLATE_NOOP("Refusal", "{setting} must be a number of minutes from 1 to 1440 (a day).")
    SECONDS_OUT_OF_RANGE = "seconds_out_of_range", QT_TRANSLATE_NOOP("Refusal", "{setting} must be a number of seconds from 0 (off) to 600.")
    NOT_AN_ADDRESS_HERE = "not_an_address_here", QT_TRANSLATE_NOOP("Refusal", "{setting} must be an address of this computer, like 127.0.0.1.")
    HAS_SPACES = "has_spaces", QT_TRANSLATE_NOOP("Refusal", "{setting} must not contain spaces.")
    ADDRESS_HAS_SPACES = "address_has_spaces", QT_TRANSLATE_NOOP("Refusal", "{setting} must look like {example}: it contains spaces.")
    ADDRESS_NOT_HTTPS = "address_not_https", QT_TRANSLATE_NOOP("Refusal", "{setting} must look like {example}: it must start with https://.")
    ADDRESS_WITHOUT_SERVER = "address_without_server", QT_TRANSLATE_NOOP("Refusal", "{setting} must look like {example}: the server name is missing.")
    ADDRESS_BAD_PORT = "address_bad_port", QT_TRANSLATE_NOOP("Refusal", "{setting} must look like {example}: the port after ':' is not a number from 1 to 65535.")
    ADDRESS_PLAIN_HTTP = "address_plain_http", QT_TRANSLATE_NOOP("Refusal", "{setting} must look like {example}: it must start with https:// (plain http:// is accepted only for this computer: 127.0.0.1, localhost or ::1).")
    ADDRESS_WITH_QUERY = "address_with_query", QT_TRANSLATE_NOOP("Refusal", "{setting} must look like {example}: remove the part from '?' or '#' on.")
    ADDRESS_PATH_WRONG = "address_path_wrong", QT_TRANSLATE_NOOP("Refusal", "{setting} must look like {example}: the path '{path}' does not match.")
    SMG_SAYS_REALMS = "smg_says_realms", QT_TRANSLATE_NOOP("Refusal", "{setting} must look like {example}: it says 'realms/' where the SMG Address uses 'realm/' (the plural belongs in the Issuer URI).")
    SMG_SHAPED_AS_ISSUER = "smg_shaped_as_issuer", QT_TRANSLATE_NOOP("Refusal", "{setting} must look like {example}: this is the shape of the Issuer URI, not the SMG Address.")
    SMG_WITHOUT_FWD = "smg_without_fwd", QT_TRANSLATE_NOOP("Refusal", "{setting} must look like {example}: '/fwd' is missing at the end.")
    SMG_AFTER_FWD = "smg_after_fwd", QT_TRANSLATE_NOOP("Refusal", "{setting} must look like {example}: it goes on after '/fwd': end it there.")
    ISSUER_SAYS_REALM = "issuer_says_realm", QT_TRANSLATE_NOOP("Refusal", "{setting} must look like {example}: it says 'realm/' where Konnekta uses 'realms/'.")
    ISSUER_AFTER_REALM = "issuer_after_realm", QT_TRANSLATE_NOOP("Refusal", "{setting} must look like {example}: it goes on after the realm name: end it with the realm name.")
    ISSUER_WITHOUT_AUTH = "issuer_without_auth", QT_TRANSLATE_NOOP("Refusal", "{setting} must look like {example}: '/auth' is missing before '/realms/'.")
    ISSUER_SHAPED_AS_SMG = "issuer_shaped_as_smg", QT_TRANSLATE_NOOP("Refusal", "{setting} must look like {example}: this is the shape of the SMG Address, not the Issuer URI.")
    PREFIX_SETTING_NOT_DIGITS = "prefix_setting_not_digits", QT_TRANSLATE_NOOP("Refusal", "{setting} must be digits only, usually 00 (as in 0045 for Denmark).")
    CODE_WITH_PREFIX = "code_with_prefix", QT_TRANSLATE_NOOP("Refusal", "{setting} must be a country calling code of 1 to 3 digits, like 45 for Denmark or 298 for the Faroe Islands, without '+' or '00' in front.")
    CODE_NOT_DIGITS = "code_not_digits", QT_TRANSLATE_NOOP("Refusal", "{setting} must be a country calling code of 1 to 3 digits, like 45 for Denmark or 298 for the Faroe Islands.")
    CODE_SETTING_NOT_A_COUNTRY = "code_setting_not_a_country", QT_TRANSLATE_NOOP("Refusal", "{setting} must be a country calling code, like 45 for Denmark or 298 for the Faroe Islands: {code} is not a country calling code.")
    ACTIVITY_ROW_WITHOUT_ID = "activity_row_without_id", QT_TRANSLATE_NOOP("Refusal", "{setting} must map each Konnekta activity id to a template name: a row has no Konnekta activity id.")
    ACTIVITY_WITHOUT_TEMPLATE = "activity_without_template", QT_TRANSLATE_NOOP("Refusal", "{setting} must map each Konnekta activity id to a template name: “{key}” has no template name.")
    STATE_ROW_WITHOUT_NAME = "state_row_without_name", QT_TRANSLATE_NOOP("Refusal", "{setting} must map each state name to a Konnekta activity id: a row has no state name.")
    STATE_WITHOUT_ACTIVITY = "state_without_activity", QT_TRANSLATE_NOOP("Refusal", "{setting} must map each state name to a Konnekta activity id: “{key}” has no Konnekta activity id.")

    # -- settings that work but likely not as meant (warnings) -----------------------------------
    LISTENER_OPEN_TO_NETWORK = "listener_open_to_network", QT_TRANSLATE_NOOP("Refusal", "Listener Host is {host}, so other computers can send events to the listener. Use 127.0.0.1 unless Konnekta's events must arrive from another machine.")
    WEBHOOK_UNREACHABLE = "webhook_unreachable", QT_TRANSLATE_NOOP("Refusal", "Webhook Address {address} is on this computer, which Konnekta's server {host} cannot reach, so no live events will arrive. Set Webhook Address to a public https address that forwards to the Listener Port.")
    WEBHOOK_OTHER_PORT = "webhook_other_port", QT_TRANSLATE_NOOP("Refusal", "Webhook Address points at port {webhook_port} on this computer, but the Listener Port is {port}: events will not arrive. Make the two ports the same, or leave Webhook Address empty.")

    # -- the listener's port ---------------------------------------------------------------------
    LISTENER_HOST_UNKNOWN = "listener_host_unknown", QT_TRANSLATE_NOOP("Refusal", "Listener Host {host} is not a known address: use 127.0.0.1, or an address of this computer.")
    LISTENER_HOST_NOT_HERE = "listener_host_not_here", QT_TRANSLATE_NOOP("Refusal", "Listener Host {host} is not an address of this computer: use 127.0.0.1.")
    PORT_IN_USE = "port_in_use", QT_TRANSLATE_NOOP("Refusal", "Listener Port {port} is already in use on {host} by another program: choose another port from 1024 to 65535, or close the program using it.")
    PORT_FORBIDDEN = "port_forbidden", QT_TRANSLATE_NOOP("Refusal", "Listener Port {port} on {host} may not be used by this program: choose another port from 1024 to 65535.")
    PORT_CANNOT_OPEN = "port_cannot_open", QT_TRANSLATE_NOOP("Refusal", "Listener Port {port} on {host} cannot be opened ({detail}): choose another port from 1024 to 65535.")

    # -- the settings file -----------------------------------------------------------------------
    FILE_UNREADABLE = "file_unreadable", QT_TRANSLATE_NOOP("Refusal", "The settings file {file} could not be read ({detail}), so the app starts with default settings. Correct the file, or save the settings window to replace it (the old file is kept beside it as settings.toml.bak).")
    FILE_NOT_UTF8 = "file_not_utf8", QT_TRANSLATE_NOOP("Refusal", "The settings file {file} is not UTF-8 text: line {line} has a byte that is not, so the app starts with default settings. Save the file as UTF-8, or save the settings window to replace it (the old file is kept beside it as settings.toml.bak).")
    FILE_VALUE_WRONG = "file_value_wrong", QT_TRANSLATE_NOOP("Refusal", "In {file}: {cause} The file says {value}. The default ({default}) is used until you correct it in Settings > {section}.")
    FILE_HOLDS_SECRET = "file_holds_secret", QT_TRANSLATE_NOOP("Refusal", "{setting} is not read from {file}: secrets belong in the system keyring. Remove it from the file and enter it in Settings > {section}.")
    FILE_UNKNOWN_SETTINGS = "file_unknown_settings", QT_TRANSLATE_NOOP("Refusal", "The settings file {file} has settings this version does not know, which are ignored: {names}.")
    FILE_NOT_SAVED = "file_not_saved", QT_TRANSLATE_NOOP("Refusal", "The settings could not be saved to {file} ({detail}). Check that the folder exists and that you may write to it, then save again.")
    NO_KEYRING = "no_keyring", QT_TRANSLATE_NOOP("Refusal", "No system keyring was found, so the Client Secret and Password cannot be saved. They are kept for this session only: enter them again after restarting the app.")
    KEYRING_FAILED = "keyring_failed", QT_TRANSLATE_NOOP("Refusal", "The system keyring could not be used ({kind}), so the Client Secret and Password cannot be saved. They are kept for this session only: unlock or repair the keyring, then save the settings again.")
    # -- start-up: the data file, the folders, the display ---------------------------------------
    STORE_DAMAGED = "store_damaged", QT_TRANSLATE_NOOP("Refusal", "The data file {file} is damaged ({detail}). Quit the app, move the file away (keep it: it holds the call history) and start again to begin a new one.")
    STORE_FOREIGN = "store_foreign", QT_TRANSLATE_NOOP("Refusal", "The file {file} is not a konnekta-desktop data file, so it was left alone. Move it away, or start the app with another data folder (--config-dir).")
    STORE_NEWER = "store_newer", QT_TRANSLATE_NOOP("Refusal", "The data file {file} was written by a newer konnekta-desktop (its version {found}; this one knows up to {known}). Update konnekta-desktop, or start it with another data folder (--config-dir).")
    STORE_LOCKED = "store_locked", QT_TRANSLATE_NOOP("Refusal", "The data file {file} is in use by another program, most likely another konnekta-desktop with the same data folder. Quit that one, or start this one with another data folder (--config-dir).")
    STORE_NOT_WRITABLE = "store_not_writable", QT_TRANSLATE_NOOP("Refusal", "The data file {file} cannot be opened for writing ({detail}). Check that you may write in its folder, or start the app with another data folder (--config-dir).")
    DISK_FULL = "disk_full", QT_TRANSLATE_NOOP("Refusal", "The disk holding {folder} is full. Free some space there, then start the app again.")
    FOLDER_NOT_WRITABLE = "folder_not_writable", QT_TRANSLATE_NOOP("Refusal", "The folder {folder} cannot be written to ({detail}). Check that it exists and that you may write there, or start the app with another folder (--config-dir).")
    NO_DISPLAY = "no_display", QT_TRANSLATE_NOOP("Refusal", "There is no display to show the window on. Start konnekta-desktop in a desktop session, or run it with --headless, which needs no display.")
    STORE_NO_WAL = "store_no_wal", QT_TRANSLATE_NOOP("Refusal", "The data file {file} cannot use write-ahead logging, which it needs: keep the data folder on a local disk, or start the app with another one (--config-dir).")
    STATE_EXISTS = "state_exists", QT_TRANSLATE_NOOP("Refusal", "A state named “{name}” exists already: choose another name.")
    STATE_IN_USE = "state_in_use", QT_TRANSLATE_NOOP("Refusal", "State “{name}” is used by template(s) {templates}: change or delete them first.")
    TEMPLATE_STATE_UNKNOWN = "template_state_unknown", QT_TRANSLATE_NOOP("Refusal", "Template “{name}” names state “{state}”, which does not exist: choose one of the states in Settings > States.")
    TEMPLATE_EXISTS = "template_exists", QT_TRANSLATE_NOOP("Refusal", "A template named “{name}” exists already: choose another name.")
    STATE_WITHOUT_NAME = "state_without_name", QT_TRANSLATE_NOOP("Refusal", "A state needs a name.")
    TEMPLATE_WITHOUT_NAME = "template_without_name", QT_TRANSLATE_NOOP("Refusal", "A template needs a name.")
    SETTINGS_INCOMPLETE = "settings_incomplete", QT_TRANSLATE_NOOP("Refusal", "The settings are incomplete: {cause}")

    # -- the connection to Konnekta --------------------------------------------------------------
    ADDRESS_NOT_VALID = "address_not_valid", QT_TRANSLATE_NOOP("Refusal", "{setting} is not a valid address ({detail}): check {setting} in Settings > Connection.")
    ADDRESS_MUST_BE_HTTPS = "address_must_be_https", QT_TRANSLATE_NOOP("Refusal", "{setting} must be an https:// address: check {setting} in Settings > Connection.")
    ADDRESS_UNENCRYPTED = "address_unencrypted", QT_TRANSLATE_NOOP("Refusal", "{setting} uses plain http to {host}, which would send the password and tokens unencrypted: use an https:// address in Settings > Connection.")
    SERVER_TIMEOUT = "server_timeout", QT_TRANSLATE_NOOP("Refusal", "{server} at {address} did not answer in time. Check {setting} in Settings > Connection and the network connection.")
    SERVER_NOT_TRUSTED = "server_not_trusted", QT_TRANSLATE_NOOP("Refusal", "Could not reach {server} at {address} securely: its TLS certificate is not trusted ({detail}). Check {setting} in Settings > Connection; a company proxy's root certificate must be installed in the operating system's certificate store.")
    SERVER_TLS_FAILED = "server_tls_failed", QT_TRANSLATE_NOOP("Refusal", "Could not reach {server} at {address} securely: the TLS handshake failed ({detail}). Check {setting} in Settings > Connection; a company proxy's root certificate must be installed in the operating system's certificate store.")
    HOST_UNKNOWN = "host_unknown", QT_TRANSLATE_NOOP("Refusal", "Could not reach {server} at {address}: the host name {host} is unknown. Check {setting} in Settings > Connection and the network connection.")
    CONNECTION_REFUSED = "connection_refused", QT_TRANSLATE_NOOP("Refusal", "Could not reach {server} at {address}: the connection was refused. Check {setting} in Settings > Connection and the network connection.")
    NO_CONNECTION = "no_connection", QT_TRANSLATE_NOOP("Refusal", "Could not reach {server} at {address}: no connection could be made. Check {setting} in Settings > Connection and the network connection.")
    CONNECTION_BROKE_OFF = "connection_broke_off", QT_TRANSLATE_NOOP("Refusal", "Could not reach {server} at {address}: the connection broke off. Check {setting} in Settings > Connection and the network connection.")
    LOGIN_UNAVAILABLE = "login_unavailable", QT_TRANSLATE_NOOP("Refusal", "Konnekta's login server is unavailable (HTTP {status}): try again later; if it persists, check Issuer URI in Settings > Connection.")
    NO_OPENID_CONFIGURATION = "no_openid_configuration", QT_TRANSLATE_NOOP("Refusal", "Konnekta's login server has no OpenID configuration at {url} (HTTP {status}): check Issuer URI in Settings > Connection (it looks like https://{{server}}/auth/realms/{{realm}}).")
    NOT_AN_OPENID_CONFIGURATION = "not_an_openid_configuration", QT_TRANSLATE_NOOP("Refusal", "The answer from {url} is not an OpenID configuration: check Issuer URI in Settings > Connection (it looks like https://{{server}}/auth/realms/{{realm}}).")
    LOGIN_ANSWER_UNEXPECTED = "login_answer_unexpected", QT_TRANSLATE_NOOP("Refusal", "Konnekta's login server answered the login in an unexpected shape ({detail}): check Issuer URI in Settings > Connection.")
    TOKEN_NOT_BEARER = "token_not_bearer", QT_TRANSLATE_NOOP("Refusal", "Konnekta's login server issued a token of type “{kind}”, not Bearer.")
    NO_TOKEN_ENDPOINT = "no_token_endpoint", QT_TRANSLATE_NOOP("Refusal", "Konnekta's login server has no token endpoint at {url} (HTTP 404): check Issuer URI in Settings > Connection.")
    LOGIN_REFUSED_OTHERWISE = "login_refused_otherwise", QT_TRANSLATE_NOOP("Refusal", "Konnekta's login server refused the login with HTTP {status} and an unexpected answer: check Issuer URI in Settings > Connection.")
    LOGIN_ACCOUNT_DISABLED = "login_account_disabled", QT_TRANSLATE_NOOP("Refusal", "Konnekta refused the login for user {user}: the account is disabled{said}. Ask the Konnekta administrator to enable it, or enter another account under User and Password in Settings > Connection.")
    LOGIN_ACCOUNT_NOT_SET_UP = "login_account_not_set_up", QT_TRANSLATE_NOOP("Refusal", "Konnekta refused the login for user {user}: the account is not fully set up{said}, for example a temporary password is still to be changed or a required profile field is empty. Ask the Konnekta administrator to complete the account, or enter another account under User and Password in Settings > Connection.")
    LOGIN_SESSION_ENDED = "login_session_ended", QT_TRANSLATE_NOOP("Refusal", "Konnekta ended the login session{said}: logging in again with User and Password from Settings > Connection.")
    LOGIN_CLIENT_REFUSED = "login_client_refused", QT_TRANSLATE_NOOP("Refusal", "Konnekta refused the login{said}: check Client ID and Client Secret in Settings > Connection.")
    LOGIN_USER_REFUSED = "login_user_refused", QT_TRANSLATE_NOOP("Refusal", "Konnekta refused the login for user {user}{said}: check User and Password in Settings > Connection.")
    LOGIN_GRANT_NOT_ALLOWED = "login_grant_not_allowed", QT_TRANSLATE_NOOP("Refusal", "Konnekta does not let client {client} log in with a user and password{said}: check Client ID and Client Secret in Settings > Connection, or ask the Konnekta administrator to allow direct access grants for that client.")
    LOGIN_REFUSED = "login_refused", QT_TRANSLATE_NOOP("Refusal", "Konnekta refused the login ({error}){said}: check Client ID, Client Secret, User and Password in Settings > Connection.")
    API_ANSWER_UNEXPECTED = "api_answer_unexpected", QT_TRANSLATE_NOOP("Refusal", "Konnekta answered {request} in an unexpected shape ({detail}). Our model of the Konnekta API may be out of date: please report it.")
    KONNEKTA_UNAVAILABLE = "konnekta_unavailable", QT_TRANSLATE_NOOP("Refusal", "Konnekta is unavailable (HTTP {status}){said}: try again later.")
    REQUEST_MALFORMED = "request_malformed", QT_TRANSLATE_NOOP("Refusal", "Konnekta found the request malformed{said}. This is a fault in konnekta-desktop or a change in Konnekta's API: please report it.")
    TOKEN_REFUSED = "token_refused", QT_TRANSLATE_NOOP("Refusal", "Konnekta refused the access token, even after logging in again{said}. Check that the SMG Address and the Issuer URI name the same realm in Settings > Connection.")
    NOT_ALLOWED = "not_allowed", QT_TRANSLATE_NOOP("Refusal", "Konnekta does not allow it{said}. Ask the Konnekta administrator for the right.")
    CALLER_ID_NOT_ALLOWED = "caller_id_not_allowed", QT_TRANSLATE_NOOP("Refusal", "Konnekta does not allow it{said}. Check that the user has the Set Caller ID right in Konnekta.")
    QUEUE_AGENTS_ONLY = "queue_agents_only", QT_TRANSLATE_NOOP("Refusal", "Konnekta does not allow it{said}: only the queue's agents log in to it. An administrator can make the user an agent of the queue in Konnekta.")
    NO_API_THERE = "no_api_there", QT_TRANSLATE_NOOP("Refusal", "There is no Konnekta API at {address}. Check the SMG Address in Settings > Connection.")
    NOT_KNOWN_TO_KONNEKTA = "not_known_to_konnekta", QT_TRANSLATE_NOOP("Refusal", "Konnekta does not know it{said}. It may have been removed or ended already.")
    KONNEKTA_COULD_NOT = "konnekta_could_not", QT_TRANSLATE_NOOP("Refusal", "Konnekta could not carry it out{said}.")
    KONNEKTA_REFUSED = "konnekta_refused", QT_TRANSLATE_NOOP("Refusal", "Konnekta refused it (HTTP {status}){said}.")
    LISTENER_PORT_BUSY = "listener_port_busy", QT_TRANSLATE_NOOP("Refusal", "The event listener cannot use port {port} on {host} ({detail}). Another program may be using it: choose another Listener Port in Settings > Connection.")
    LISTENER_PORT_OURS = "listener_port_ours", QT_TRANSLATE_NOOP("Refusal", "Listener Port {port} on {host} is used by another konnekta-desktop on this computer (a second copy, perhaps one started with --headless). Quit that one, or give this one another Listener Port in Settings > Connection.")
    CLOCKS_DIFFER = "clocks_differ", QT_TRANSLATE_NOOP("Refusal", "This computer's clock and Konnekta's differ by about {minutes} minutes. Events still arrive, but check this computer's date and time settings.")
    KONNEKTA_CLOCK_AHEAD = "konnekta_clock_ahead", QT_TRANSLATE_NOOP("Refusal", "Konnekta's clock is about {minutes} minutes ahead (this computer's clock is synchronised). Events still arrive; tell your telephony provider.")
    KONNEKTA_CLOCK_BEHIND = "konnekta_clock_behind", QT_TRANSLATE_NOOP("Refusal", "Konnekta's clock is about {minutes} minutes behind (this computer's clock is synchronised). Events still arrive; tell your telephony provider.")
    EVENTS_REFUSED_FOR_TIME = "events_refused_for_time", QT_TRANSLATE_NOOP("Refusal", "Konnekta's events are being refused: they are signed with a time about {minutes} minutes off this computer's clock. Check this computer's date and time settings.")
    EVENTS_NOT_ARRIVING = "events_not_arriving", QT_TRANSLATE_NOOP("Refusal", "Konnekta's events are not reaching this app: reading back from Konnekta found changes no event told of (shown now). Check the Webhook Address in Settings > Connection, and any firewall or proxy on the way.")
    EVENTS_ARRIVE_AGAIN = "events_arrive_again", QT_TRANSLATE_NOOP("Refusal", "Konnekta's events reach this app again.")
    PROTOCOL_VERSION_MISMATCH = "protocol_version_mismatch", QT_TRANSLATE_NOOP("Refusal", "This switchboard speaks version {client_version} of the company connector's client protocol, and the connector speaks {connector_version}: they work together only when the major versions are the same and the minor versions at most one apart. Update the older of the two.")
    MESSAGE_TOO_LARGE = "message_too_large", QT_TRANSLATE_NOOP("Refusal", "A message to the company connector was {size} bytes long, and it reads at most {most}: the message was not used.")
    MESSAGE_NOT_JSON = "message_not_json", QT_TRANSLATE_NOOP("Refusal", "A message to the company connector was not JSON text (each message is one JSON object in a text frame): the message was not used.")
    MESSAGE_TYPE_UNKNOWN = "message_type_unknown", QT_TRANSLATE_NOOP("Refusal", "The company connector does not know messages of type “{type}”: the message was not used.")
    MESSAGE_FIELDS_WRONG = "message_fields_wrong", QT_TRANSLATE_NOOP("Refusal", "A message to the company connector has fields it cannot use ({detail}): the message was not used.")
    MESSAGE_OUT_OF_TURN = "message_out_of_turn", QT_TRANSLATE_NOOP("Refusal", "A “{type}” message came out of turn: a client says hello once, first, and then sends commands.")
    COMMAND_UNKNOWN = "command_unknown", QT_TRANSLATE_NOOP("Refusal", "The company connector has no command “{name}”.")
    CONNECTOR_FAULT = "connector_fault", QT_TRANSLATE_NOOP("Refusal", "{command} failed because of a fault in the company connector; its log says more. Please report it.")
    CLIENT_TOO_SLOW = "client_too_slow", QT_TRANSLATE_NOOP("Refusal", "This switchboard fell behind the company connector's updates, so the connector disconnected it. Connect again to catch up.")
    CLIENT_API_PORT_BUSY = "client_api_port_busy", QT_TRANSLATE_NOOP("Refusal", "The company connector's client API cannot use port {port} on {host} ({detail}). Another program may be using it: choose another port with --port.")
    CLIENT_API_NEEDS_TLS = "client_api_needs_tls", QT_TRANSLATE_NOOP("Refusal", "The client API would listen on {host} without encryption, so device tokens would cross the network readable. Give --tls-cert and --tls-key, or --behind-proxy when a proxy in front of it terminates TLS, or listen on 127.0.0.1.")
    TLS_FILES_UNUSABLE = "tls_files_unusable", QT_TRANSLATE_NOOP("Refusal", "The certificate {cert} and key {key} cannot be used ({detail}): check --tls-cert and --tls-key.")
    ENROLMENT_CODE_WRONG = "enrolment_code_wrong", QT_TRANSLATE_NOOP("Refusal", "This enrolment code is not valid: it may be mistyped or used already. Ask your administrator for a new one.")
    ENROLMENT_CODE_EXPIRED = "enrolment_code_expired", QT_TRANSLATE_NOOP("Refusal", "This enrolment code has expired. Ask your administrator for a new one.")
    ENROLMENT_TOO_MANY_TRIES = "enrolment_too_many_tries", QT_TRANSLATE_NOOP("Refusal", "Too many wrong enrolment codes were tried. Wait {minutes} minutes, then try again with the code from your administrator.")
    CLIENT_NOT_ENROLLED = "client_not_enrolled", QT_TRANSLATE_NOOP("Refusal", "This switchboard is not enrolled with the company connector at {address}. Start it once with --enrol and the code from your administrator.")
    CLIENT_TOKEN_REFUSED = "client_token_refused", QT_TRANSLATE_NOOP("Refusal", "The company connector at {address} no longer accepts this switchboard: its enrolment was revoked or is unknown there. Ask your administrator for a new enrolment code.")
    ORIGIN_REFUSED = "origin_refused", QT_TRANSLATE_NOOP("Refusal", "The company connector does not accept connections from the web page {origin}.")
    CONNECTOR_NOT_READY = "connector_not_ready", QT_TRANSLATE_NOOP("Refusal", "The company connector is still starting: try again in a moment.")
    ADMINISTRATORS_ONLY = "administrators_only", QT_TRANSLATE_NOOP("Refusal", "{command} is for administrators of the company connector only.")
    WRAPUP_NOT_YOURS = "wrapup_not_yours", QT_TRANSLATE_NOOP("Refusal", "This wrap-up belongs to {user}: only their own switchboard can complete it.")
    CONNECTOR_NEEDS_TLS = "connector_needs_tls", QT_TRANSLATE_NOOP("Refusal", "“{address}” is not encrypted: a company connector on another computer is reached with https:// or wss:// (plain http only on this computer).")
    DEVICE_TOKEN_NOT_KEPT = "device_token_not_kept", QT_TRANSLATE_NOOP("Refusal", "This switchboard is enrolled, but there is no keyring to keep its device token in, so it lasts for this run only. Ask your administrator for a new code next time.")
    SECRETS_FILE_UNREADABLE = "secrets_file_unreadable", QT_TRANSLATE_NOOP("Refusal", "The secrets file {file} cannot be read ({detail}): check --secrets-file.")
    SECRETS_FILE_WRITABLE = "secrets_file_writable", QT_TRANSLATE_NOOP("Refusal", "The secrets file {file} can be changed by other users, so it is not used: make it owned by this user and writable by them only (chmod 600).")
    SECRETS_FILE_READABLE = "secrets_file_readable", QT_TRANSLATE_NOOP("Refusal", "The secrets file {file} can be read by other users, so it is not used: make it readable by its owner only (chmod 600), or mount it under /run/secrets or /run/credentials.")
    SECRETS_FILE_LINE_WRONG = "secrets_file_line_wrong", QT_TRANSLATE_NOOP("Refusal", "Line {line} of the secrets file {file} is not NAME=value with the name KONNEKTA_CLIENT_SECRET or KONNEKTA_PASSWORD.")
    CONNECTOR_ADDRESS_WRONG = "connector_address_wrong", QT_TRANSLATE_NOOP("Refusal", "“{address}” is not the address of a company connector: give one like http://127.0.0.1:8471 (http, https, ws or wss, the host and the port).")
    CONNECT_ALONE = "connect_alone", QT_TRANSLATE_NOOP("Refusal", "--connect opens the switchboard window on a company connector: it cannot be combined with --demo or --headless.")
    CONNECTOR_UNREACHABLE = "connector_unreachable", QT_TRANSLATE_NOOP("Refusal", "Could not reach the company connector at {address} ({detail}). Check that it runs and that the address given with --connect is right; trying again.")
    CONNECTOR_LOST = "connector_lost", QT_TRANSLATE_NOOP("Refusal", "Lost the connection to the company connector at {address}; connecting again.")
    CONNECTOR_ANSWER_UNEXPECTED = "connector_answer_unexpected", QT_TRANSLATE_NOOP("Refusal", "The company connector at {address} answered in a shape this switchboard does not understand ({detail}). Update konnekta-desktop or the connector so that both are the same version.")
    CONNECTOR_CODE_UNKNOWN = "connector_code_unknown", QT_TRANSLATE_NOOP("Refusal", "The company connector gave a reason this version of konnekta-desktop does not know (“{code}”). Update konnekta-desktop to see what it means.")
    CONNECTOR_NOT_REACHED = "connector_not_reached", QT_TRANSLATE_NOOP("Refusal", "{command} was not carried out: this switchboard is not connected to the company connector at {address} now. Try again when the status bar says Connected.")
    CALLS_WAIT_UNTIL_LIVE = "calls_wait_until_live", QT_TRANSLATE_NOOP("Refusal", "{command} was not carried out: the switchboard is not connected, so what it shows may be out of date. Try again when the status bar says Connected.")
    CONNECTOR_ANSWER_LOST = "connector_answer_lost", QT_TRANSLATE_NOOP("Refusal", "{command}: the connection to the company connector broke off before it answered and did not come back within {seconds} seconds, so it is not known whether it was carried out. Look at the switchboard before trying again.")
    TENANT_SETTINGS_AT_CONNECTOR = "tenant_settings_at_connector", QT_TRANSLATE_NOOP("Refusal", "The company's settings (connection, numbers, states, templates, mappings and appointments) are kept by the company connector: they cannot be changed from this switchboard.")
    CONNECTION_LOST = "connection_lost", QT_TRANSLATE_NOOP("Refusal", "Lost the connection to Konnekta")
    AWOKE = "awoke", QT_TRANSLATE_NOOP("Refusal", "Reconnecting after the computer was asleep for about {minutes} minutes")
    NETWORK_CHANGED = "network_changed", QT_TRANSLATE_NOOP("Refusal", "Reconnecting: the network connection changed")
    NETWORK_BACK = "network_back", QT_TRANSLATE_NOOP("Refusal", "Reconnecting: the computer is online again")
    # fmt: on


def _fields(text: str) -> frozenset[str]:
    return frozenset(name for _, name, _, _ in string.Formatter().parse(text) if name)


PARAMETERS: Final[dict[Reason, frozenset[str]]] = {
    reason: _fields(reason.english) - {"cause"} for reason in Reason
}
"""The parameters each reason carries, by name (its wording's fields; a cause is not one)."""

NONE: Final = QT_TRANSLATE_NOOP("Refusal", "none")  # a list of valid caller IDs that is empty

_WORDED: Final[dict[str, dict[str, str]]] = {
    "command": {member.value: member.english for member in Command},
    "server": {member.value: member.english for member in Server},
}
"""The English words of the parameters whose values are codes."""


@dataclasses.dataclass(frozen=True, slots=True)
class Why:
    """A reason with its parameters, and the reason behind it when there is one."""

    reason: Reason
    params: dict[str, str]
    cause: Why | None = None

    def __post_init__(self) -> None:
        if self.params.keys() != PARAMETERS[self.reason]:
            raise TypeError(
                f"{self.reason.value} takes {sorted(PARAMETERS[self.reason])}, "
                f"not {sorted(self.params)}"
            )
        if ("cause" in _fields(self.reason.english)) != (self.cause is not None):
            raise TypeError(f"{self.reason.value} is worded with a cause exactly when it has one")

    def __hash__(self) -> int:
        return hash((self.reason, tuple(sorted(self.params.items())), self.cause))

    def __str__(self) -> str:
        """The code and parameters, for logs and tests."""
        shown = ", ".join(f"{key}={value!r}" for key, value in self.params.items())
        cause = f" <- {self.cause}" if self.cause is not None else ""
        return f"{self.reason.value}({shown}){cause}"


def why(reason: Reason, cause: Why | None = None, /, **params: str) -> Why:
    """`Why(reason, params, cause)`, with the parameters as keywords."""
    return Why(reason, params, cause)


def english(said: Why) -> str:
    """The reason in English words: for the log, `--headless` and anything without the UI."""
    return fill(said, lambda text, _context: text, english)


def fill(
    said: Why,
    translate: Callable[[str, str], str],
    word: Callable[[Why], str],
    device: Callable[[str], str] = str,
) -> str:
    """`said`'s wording with its parameters filled in: `translate(text, context)` puts catalogue
    words in the reader's language, `word` words the cause and `device` a calling device."""
    params = dict(said.params)
    if "device" in params:
        params["device"] = device(params["device"])
    for name, known in _WORDED.items():
        if name in params:
            params[name] = translate(known[params[name]], "Refusal")
    for name in ("setting", "section"):
        if name in params:
            params[name] = translate(params[name], "SettingsOption")
    if "said" in params:
        params["said"] = f" (“{params['said']}”)" if params["said"] else ""
    if params.get("valid") == "":
        params["valid"] = translate(NONE, "Refusal")
    if said.cause is not None:
        params["cause"] = word(said.cause)
    return translate(said.reason.english, "Refusal").format(**params)


class WentWrong(Exception):
    """Something that could not be done, and why; `str()` is the reason in English."""

    def __init__(self, said: Why) -> None:
        super().__init__(english(said))
        self.why = said


class Refused(Exception):
    """A command that was not carried out, and why.

    `str()` gives the code and parameters, for logs; the operator sees the UI's wording."""

    def __init__(self, reason: Reason, cause: Why | None = None, /, **params: str) -> None:
        said = Why(reason, params, cause)
        super().__init__(said)
        self.why = said

    @property
    def reason(self) -> Reason:
        return self.why.reason

    @property
    def params(self) -> dict[str, str]:
        return self.why.params

    def __str__(self) -> str:
        return str(self.why)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Refused) and other.why == self.why

    def __hash__(self) -> int:
        return hash(self.why)
