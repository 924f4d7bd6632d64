"""The built-in state and template names in the operator's language.

States and templates are the operator's data: their names are keys in the mapping tables and
stay as stored. The ones the app starts with are shown translated, the ones an operator adds or
renames as written (Settings shows every name as stored, since that is where they are edited).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

__all__ = ["BUILT_IN", "shown_name"]

_CONTEXT = "StateNames"

BUILT_IN: frozenset[str] = frozenset(
    str(name)
    for name in (
        QT_TRANSLATE_NOOP("StateNames", "Available"),
        QT_TRANSLATE_NOOP("StateNames", "Busy"),
        QT_TRANSLATE_NOOP("StateNames", "Meeting"),
        QT_TRANSLATE_NOOP("StateNames", "Meeting 30 min"),
        QT_TRANSLATE_NOOP("StateNames", "Meeting 1 hour"),
        QT_TRANSLATE_NOOP("StateNames", "Tentative meeting"),
        QT_TRANSLATE_NOOP("StateNames", "Lunch"),
        QT_TRANSLATE_NOOP("StateNames", "Wrap-up"),
        QT_TRANSLATE_NOOP("StateNames", "Working from home"),
        QT_TRANSLATE_NOOP("StateNames", "Travelling"),
        QT_TRANSLATE_NOOP("StateNames", "Course"),
        QT_TRANSLATE_NOOP("StateNames", "Out of office"),
        QT_TRANSLATE_NOOP("StateNames", "Holiday"),
        QT_TRANSLATE_NOOP("StateNames", "Sick"),
    )
)
"""The names of `core.presence.DEFAULT_STATES` and `DEFAULT_TEMPLATES`."""


def shown_name(name: str) -> str:
    """`name` in the operator's language if it is a built-in one, else as written."""
    return QCoreApplication.translate(_CONTEXT, name) if name in BUILT_IN else name
