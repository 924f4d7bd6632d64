"""Every keyboard shortcut of the switchboard in one table, used both to bind and to show help.

The numeric keypad lets an operator work with one hand on the keypad: Num - hangs up, the keypad's
decimal key dials (Shift for the mobile phone), Ctrl+Num + transfers. F-keys reach each area.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QKeySequence

__all__ = [
    "SHORTCUTS",
    "Shortcut",
    "key_label",
    "key_sequences",
    "shortcut",
    "shortcut_rows",
]

CONTEXT = "Shortcuts"  # the translation context of the descriptions


@dataclass(frozen=True, slots=True)
class Shortcut:
    action: str  # the window's action name
    keys: tuple[str, ...]  # QKeySequence portable text; the first is the one shown in menus
    description: str  # untranslated; shown through QCoreApplication.translate("Shortcuts", ...)


def _t(marked: object) -> str:
    """The source text of a `QT_TRANSLATE_NOOP("Shortcuts", "...")`: each description is written
    out in that call, so lupdate collects it; it is translated when shown."""
    return str(marked)


# The keypad's decimal key is "," on Danish layouts and "." on others: both are bound.
SHORTCUTS: tuple[Shortcut, ...] = (
    Shortcut("dial", ("Num+,", "Num+.", "Ctrl+D"), _t(QT_TRANSLATE_NOOP("Shortcuts", "Dial the number in the dial bar, or the top colleague in the list, from my default calling device"))),
    Shortcut("dial_mobile", ("Shift+Num+,", "Shift+Num+.", "Ctrl+Shift+D"), _t(QT_TRANSLATE_NOOP("Shortcuts", "Dial from my mobile phone"))),
    Shortcut("dial_teams", ("Ctrl+Alt+D",), _t(QT_TRANSLATE_NOOP("Shortcuts", "Dial from Teams"))),
    Shortcut("hang_up", ("Num+-", "F5"), _t(QT_TRANSLATE_NOOP("Shortcuts", "Hang up my call, or the call selected in the call list"))),
    Shortcut("transfer", ("Ctrl+Num++", "F4"), _t(QT_TRANSLATE_NOOP("Shortcuts", "Transfer my call, or the call selected in the call list, to the number in the dial bar or the top colleague in the list"))),
    Shortcut("answer", ("F11",), _t(QT_TRANSLATE_NOOP("Shortcuts", "Answer the call ringing at me, hands-free on my local phone"))),
    Shortcut("pick_up", ("Shift+F11",), _t(QT_TRANSLATE_NOOP("Shortcuts", "Pick up the selected queue call, or the ringing call of the selected colleague"))),
    Shortcut("hold", ("Num+/", "F12"), _t(QT_TRANSLATE_NOOP("Shortcuts", "Put my caller on hold, or take them back"))),
    Shortcut("consult", ("Num+*", "Shift+F4"), _t(QT_TRANSLATE_NOOP("Shortcuts", "Ask first: hold my caller and call the number in the dial bar or the top colleague; then Transfer connects the two"))),
    Shortcut("go_back", ("Ctrl+Num+-", "Shift+F5"), _t(QT_TRANSLATE_NOOP("Shortcuts", "Back to the caller: end the call with the colleague I asked"))),
    Shortcut("focus_dial", ("F2",), _t(QT_TRANSLATE_NOOP("Shortcuts", "Go to the dial bar"))),
    Shortcut("focus_filter", ("F3", "Ctrl+F"), _t(QT_TRANSLATE_NOOP("Shortcuts", "Go to the colleague filter"))),
    Shortcut("focus_colleagues", ("Ctrl+1",), _t(QT_TRANSLATE_NOOP("Shortcuts", "Go to the colleague list"))),
    Shortcut("focus_calls", ("Ctrl+2",), _t(QT_TRANSLATE_NOOP("Shortcuts", "Go to the call list"))),
    Shortcut("my_state", ("F6",), _t(QT_TRANSLATE_NOOP("Shortcuts", "Choose my state"))),
    Shortcut("my_forwarding", ("F7",), _t(QT_TRANSLATE_NOOP("Shortcuts", "Set my forwarding"))),
    Shortcut("my_caller_id", ("F8",), _t(QT_TRANSLATE_NOOP("Shortcuts", "Choose my caller ID"))),
    Shortcut("settings", ("F9", "Ctrl+,"), _t(QT_TRANSLATE_NOOP("Shortcuts", "Open the settings"))),
    Shortcut("wrap_up", ("F10",), _t(QT_TRANSLATE_NOOP("Shortcuts", "Go to the pending wrap-ups"))),
    Shortcut("dial_clipboard", ("Ctrl+Shift+V",), _t(QT_TRANSLATE_NOOP("Shortcuts", "Dial the number on the clipboard"))),
    Shortcut("dismiss_message", ("Ctrl+E",), _t(QT_TRANSLATE_NOOP("Shortcuts", "Close the message bar"))),
    Shortcut("save_diagnostics", ("Ctrl+Shift+S",), _t(QT_TRANSLATE_NOOP("Shortcuts", "Save diagnostics for support (logs, settings and versions, without passwords)"))),
    Shortcut("open_log_folder", ("Ctrl+Shift+L",), _t(QT_TRANSLATE_NOOP("Shortcuts", "Open the folder with the log files"))),
    Shortcut("shortcuts_help", ("F1",), _t(QT_TRANSLATE_NOOP("Shortcuts", "Show the keyboard shortcuts"))),
    Shortcut("hide", ("Ctrl+W",), _t(QT_TRANSLATE_NOOP("Shortcuts", "Close the window (to the tray, when there is one)"))),
    Shortcut("quit", ("Ctrl+Q",), _t(QT_TRANSLATE_NOOP("Shortcuts", "Quit Konnekta Desktop"))),
)  # fmt: skip

_BY_ACTION = {entry.action: entry for entry in SHORTCUTS}

# Keys a control handles itself, listed in the help so the table is the whole story.
GRID_KEYS: tuple[tuple[str, str], ...] = (
    (
        "Enter",
        _t(
            QT_TRANSLATE_NOOP(
                "Shortcuts",
                "In the colleague list: dial the selected colleague; during my call, offer to transfer it to them",
            )
        ),
    ),
    (
        "Shift+F10, Menu",
        _t(
            QT_TRANSLATE_NOOP(
                "Shortcuts", "In the colleague list: more actions for the selected colleague"
            )
        ),
    ),
    (
        _t(QT_TRANSLATE_NOOP("Shortcuts", "Letters and digits")),
        _t(
            QT_TRANSLATE_NOOP(
                "Shortcuts", "In the colleague list: filter by name, number or department"
            )
        ),
    ),
    ("Esc", _t(QT_TRANSLATE_NOOP("Shortcuts", "In the filter: clear it and go back to the list"))),
)


def shortcut(action: str) -> Shortcut:
    return _BY_ACTION[action]


def key_sequences(action: str) -> list[QKeySequence]:
    return [QKeySequence(keys) for keys in _BY_ACTION[action].keys]


# How the keypad's keys are named to the operator (Qt's own "Num+," reads as a typo).
_KEYPAD_KEYS = {
    ",": QT_TRANSLATE_NOOP("Shortcuts", "Keypad decimal key"),
    ".": QT_TRANSLATE_NOOP("Shortcuts", "Keypad decimal key"),
    "-": QT_TRANSLATE_NOOP("Shortcuts", "Keypad −"),
    "+": QT_TRANSLATE_NOOP("Shortcuts", "Keypad +"),
    "/": QT_TRANSLATE_NOOP("Shortcuts", "Keypad /"),
    "*": QT_TRANSLATE_NOOP("Shortcuts", "Keypad *"),
}
_OR = QT_TRANSLATE_NOOP("Shortcuts", "{first} or {second}")


def _one_label(keys: str) -> str:
    head, keypad, key = keys.partition("Num+")
    if not keypad:
        return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
    modifiers = QKeySequence(head + "A").toString(QKeySequence.SequenceFormat.NativeText)[:-1]
    return modifiers + QCoreApplication.translate(CONTEXT, str(_KEYPAD_KEYS[key]))


def key_label(action: str) -> str:
    """The keys of `action` as the operator reads them, each once: "Keypad decimal key or
    Ctrl+D" (the keypad's , and . are one key on different layouts)."""
    labels: list[str] = []
    for keys in _BY_ACTION[action].keys:
        label = _one_label(keys)
        if label not in labels:
            labels.append(label)
    text = labels[-1]
    for label in reversed(labels[:-1]):
        text = QCoreApplication.translate(CONTEXT, str(_OR)).format(first=label, second=text)
    return text


def shortcut_rows() -> list[tuple[str, str]]:
    """(keys as this platform shows them, translated description) for the help dialog."""
    rows = [
        (key_label(entry.action), QCoreApplication.translate(CONTEXT, entry.description))
        for entry in SHORTCUTS
    ]
    rows.extend(
        (QCoreApplication.translate(CONTEXT, keys), QCoreApplication.translate(CONTEXT, text))
        for keys, text in GRID_KEYS
    )
    return rows
