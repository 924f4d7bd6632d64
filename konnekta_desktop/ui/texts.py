"""Translated words for the core's enums that several windows show: the calling devices.

The core is Qt-free and keeps English labels; each text is written out here in a
`QT_TRANSLATE_NOOP` so that lupdate collects it, and translated when shown.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ..domain.types import CallingDevice

__all__ = ["DEVICES", "calling_from_text", "device_label", "dial_from_text", "menu_safe"]

CONTEXT: Final = "CallingDevice"
DEVICES: Final = (CallingDevice.LOCAL, CallingDevice.MOBILE, CallingDevice.TEAMS)

_LABELS: Final[dict[CallingDevice, str]] = {
    CallingDevice.LOCAL: str(QT_TRANSLATE_NOOP("CallingDevice", "Local phone")),
    CallingDevice.MOBILE: str(QT_TRANSLATE_NOOP("CallingDevice", "Mobile phone")),
    CallingDevice.TEAMS: str(QT_TRANSLATE_NOOP("CallingDevice", "Teams")),
}

# Whole sentences per device: "my local phone" and "Teams" take different words in Danish.
_DIAL_FROM: Final[dict[CallingDevice, str]] = {
    CallingDevice.LOCAL: str(
        QT_TRANSLATE_NOOP("CallingDevice", "&Dial {name} from my local phone")
    ),
    CallingDevice.MOBILE: str(
        QT_TRANSLATE_NOOP("CallingDevice", "Dial {name} from my &mobile phone")
    ),
    CallingDevice.TEAMS: str(QT_TRANSLATE_NOOP("CallingDevice", "Dial {name} from T&eams")),
}
_CALLING_FROM: Final[dict[CallingDevice, str]] = {
    CallingDevice.LOCAL: str(
        QT_TRANSLATE_NOOP("CallingDevice", "Calling {target} from my local phone.")
    ),
    CallingDevice.MOBILE: str(
        QT_TRANSLATE_NOOP("CallingDevice", "Calling {target} from my mobile phone.")
    ),
    CallingDevice.TEAMS: str(QT_TRANSLATE_NOOP("CallingDevice", "Calling {target} from Teams.")),
}


def device_label(device: CallingDevice) -> str:
    """ "Local phone", "Mobile phone" or "Teams", in the app's language."""
    return QCoreApplication.translate(CONTEXT, _LABELS[device])


def dial_from_text(device: CallingDevice, name: str) -> str:
    """The menu entry that dials `name` from `device` (with its mnemonic; an "&" in the name is
    shown as one)."""
    return QCoreApplication.translate(CONTEXT, _DIAL_FROM[device]).format(name=menu_safe(name))


def menu_safe(text: str) -> str:
    """`text` (a colleague's or a template's name) for a menu entry or a button: "&" shows as
    itself rather than making the next letter a mnemonic."""
    return text.replace("&", "&&")


def calling_from_text(device: CallingDevice, target: str) -> str:
    """The notice shown once a dial from `device` to `target` was accepted."""
    return QCoreApplication.translate(CONTEXT, _CALLING_FROM[device]).format(target=target)
