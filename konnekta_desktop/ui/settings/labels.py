"""Translations of the option labels, descriptions and section names declared in `settings`.

The settings package is Qt-free, so its texts are listed here for lupdate to collect; a test
checks that this list still matches the declarations.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ...settings import Option, Section

__all__ = ["CONTEXT", "SOURCE_TEXTS", "option_label", "option_tooltip", "section_heading"]

CONTEXT: Final = "SettingsOption"

SOURCE_TEXTS: Final[tuple[object, ...]] = (
    QT_TRANSLATE_NOOP("SettingsOption", "Transferred Calls Come Back After"),
    QT_TRANSLATE_NOOP(
        "SettingsOption",
        "Seconds a call you transferred may ring unanswered before it comes back to you; while you are on a call you are told instead, and Pick up takes it back. 0 turns this off.",
    ),
    QT_TRANSLATE_NOOP("SettingsOption", "Company Connector"),
    QT_TRANSLATE_NOOP(
        "SettingsOption",
        "The address of your company's connector (konnekta-desktop server), such as https://switchboard.example.dk, given by your administrator with an enrolment code. Leave it empty when this computer connects to Konnekta itself; then the fields below are needed instead.",
    ),
    QT_TRANSLATE_NOOP("SettingsOption", "Tenant Domain"),
    QT_TRANSLATE_NOOP(
        "SettingsOption",
        "The domain registered for your organisation in Konnekta: the part after '@' in the usernames people log in with.",
    ),
    QT_TRANSLATE_NOOP("SettingsOption", "Listener Port"),
    QT_TRANSLATE_NOOP(
        "SettingsOption",
        "The TCP port on this computer where Konnekta's events are received. It is used only locally, so no firewall opening is needed.",
    ),
    QT_TRANSLATE_NOOP("SettingsOption", "Listener Host"),
    QT_TRANSLATE_NOOP(
        "SettingsOption",
        "The address the event listener binds to. Keep 127.0.0.1 so that only this computer can reach it.",
    ),
    QT_TRANSLATE_NOOP("SettingsOption", "SMG Address"),
    QT_TRANSLATE_NOOP(
        "SettingsOption",
        "Konnekta's SMG API, shaped like https://{server}/api-admin/realm/{realm}/fwd. Your telephony provider gives you the server and realm.",
    ),
    QT_TRANSLATE_NOOP("SettingsOption", "Issuer URI"),
    QT_TRANSLATE_NOOP(
        "SettingsOption",
        "The Keycloak login server, shaped like https://{server}/auth/realms/{realm} (note: 'realms', plural). Your telephony provider gives you the server and realm.",
    ),
    QT_TRANSLATE_NOOP("SettingsOption", "Client ID"),
    QT_TRANSLATE_NOOP(
        "SettingsOption", "The OAuth 2.0 client used for logging in, from your telephony provider."
    ),
    QT_TRANSLATE_NOOP("SettingsOption", "Client Secret"),
    QT_TRANSLATE_NOOP(
        "SettingsOption",
        "The OAuth 2.0 client's secret, from your telephony provider. It is kept in the system keyring, never in the settings file.",
    ),
    QT_TRANSLATE_NOOP("SettingsOption", "User"),
    QT_TRANSLATE_NOOP("SettingsOption", "The user name of the Konnekta tenant service account."),
    QT_TRANSLATE_NOOP("SettingsOption", "Password"),
    QT_TRANSLATE_NOOP(
        "SettingsOption",
        "The service account's password. It is kept in the system keyring, never in the settings file.",
    ),
    QT_TRANSLATE_NOOP("SettingsOption", "Webhook Address"),
    QT_TRANSLATE_NOOP(
        "SettingsOption",
        "Where Konnekta sends telephony and user events. Leave it empty to use the Listener Port on this computer.",
    ),
    QT_TRANSLATE_NOOP("SettingsOption", "Verify TLS Certificates"),
    QT_TRANSLATE_NOOP(
        "SettingsOption",
        "Check Konnekta's certificates. Turn off only to test against a server with a self-signed certificate.",
    ),
    QT_TRANSLATE_NOOP("SettingsOption", "Read Back From Konnekta Every"),
    QT_TRANSLATE_NOOP(
        "SettingsOption",
        "Minutes between readings of everyone's status and the calls in progress from Konnekta, compared with what its events said, so that events that do not arrive are noticed and made up for.",
    ),
    QT_TRANSLATE_NOOP("SettingsOption", "International Prefix"),
    QT_TRANSLATE_NOOP(
        "SettingsOption", "What you dial before a country code, usually 00 (0045... for Denmark)."
    ),
    QT_TRANSLATE_NOOP("SettingsOption", "International Code"),
    QT_TRANSLATE_NOOP(
        "SettingsOption",
        "Your own country calling code, e.g. 45 for Denmark or 298 for the Faroe Islands. Numbers without one are taken to be in this country.",
    ),
    QT_TRANSLATE_NOOP("SettingsOption", "Synchronise on Startup/Reconnect"),
    QT_TRANSLATE_NOOP(
        "SettingsOption",
        "After start-up or a lost connection, bring states on both sides back in step, so that changes made meanwhile are not lost.",
    ),
    QT_TRANSLATE_NOOP("SettingsOption", "Synchronisation Direction"),
    QT_TRANSLATE_NOOP("SettingsOption", "Which side wins when states are brought back in step."),
    QT_TRANSLATE_NOOP("SettingsOption", "Activity Mappings"),
    QT_TRANSLATE_NOOP(
        "SettingsOption", "Which local template a Konnekta activity (by id) switches on."
    ),
    QT_TRANSLATE_NOOP("SettingsOption", "State Mappings"),
    QT_TRANSLATE_NOOP(
        "SettingsOption",
        "Which Konnekta activity (by id) a local state sets. Availability follows the state's class: Free is available, every other class unavailable.",
    ),
    QT_TRANSLATE_NOOP("SettingsOption", "Wrap-up Completes Itself After"),
    QT_TRANSLATE_NOOP(
        "SettingsOption",
        "Minutes after which a pending wrap-up completes by itself when no switchboard is open to complete it, so that nobody stays Unavailable; the user is then made Available.",
    ),
    QT_TRANSLATE_NOOP("SettingsOption", "Your Konnekta User"),
    QT_TRANSLATE_NOOP(
        "SettingsOption",
        "Your own Konnekta username or user id: calls you make start from your devices.",
    ),
    QT_TRANSLATE_NOOP("SettingsOption", "Wrap-up"),
    QT_TRANSLATE_NOOP(
        "SettingsOption",
        "Run the wrap-up dialog after your calls, when wrap-up is enabled for you in Konnekta.",
    ),
    QT_TRANSLATE_NOOP("SettingsOption", "Default Calling Device"),
    QT_TRANSLATE_NOOP(
        "SettingsOption",
        "Where your calls start: your local phone (desk phone, then softphone), your mobile (click-to-dial) or Teams.",
    ),
    QT_TRANSLATE_NOOP("SettingsOption", "Language"),
    QT_TRANSLATE_NOOP(
        "SettingsOption", "The language of the app; empty follows the operating system."
    ),
    QT_TRANSLATE_NOOP("SettingsOption", "Start at Login"),
    QT_TRANSLATE_NOOP("SettingsOption", "Start konnekta-desktop when you log in to this computer."),
    QT_TRANSLATE_NOOP("SettingsOption", "Mute Notifications"),
    QT_TRANSLATE_NOOP("SettingsOption", "Do not show desktop notifications for incoming calls."),
    QT_TRANSLATE_NOOP("SettingsOption", "Connection"),
    QT_TRANSLATE_NOOP("SettingsOption", "Numbers"),
    QT_TRANSLATE_NOOP("SettingsOption", "States"),
    QT_TRANSLATE_NOOP("SettingsOption", "Operator"),
    QT_TRANSLATE_NOOP("SettingsOption", "Appearance"),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def option_label(option: Option) -> str:
    return _tr(option.label)


def option_tooltip(option: Option) -> str:
    return _tr(option.description)


def section_heading(section: Section) -> str:
    return _tr(section.heading)
