"""One editor per declared option: the widget, its inline message, and checking with
`validate_field` on every edit. Labels and tooltips come from the option's declaration.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import StrEnum
from typing import Any, Final

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...settings import Option, Secret, validate_field
from ..refusal_words import words
from .common import FieldMessage
from .labels import option_label, option_tooltip

__all__ = ["OptionField", "add_field"]

Listener = Callable[[], None]


# lupdate collects the literal calls of `translate(context, text)`.
translate = QCoreApplication.translate


AUTOMATIC_WHEN_EMPTY: Final = frozenset({"listener_port"})
"""Whole-number options that an empty field (0) leaves to be chosen automatically."""


class OptionField:
    """The editor of one option and the message under it."""

    def __init__(
        self,
        option: Option,
        value: Any,
        *,
        choices: Sequence[tuple[str, object]] | None = None,
        secret_stored: bool = False,
        secret_in_keyring: bool = True,
    ) -> None:
        """`choices` (shown text, value) replace the plain names of an option with fixed values;
        `secret_stored` says that a value of a secret option is kept already, in the keyring or,
        without `secret_in_keyring`, in memory until the app closes.
        """
        self.option = option
        self.message = FieldMessage()
        self.message.setObjectName(f"message_{option.name}")
        self._listeners: list[Listener] = []
        self._stored_secret: Secret = value if isinstance(value, Secret) else Secret()
        self.show_secret: QToolButton | None = None
        self.editor: QWidget = self._make_editor(
            option, value, choices, secret_stored, secret_in_keyring
        )
        self.editor.setObjectName(f"field_{option.name}")
        self.editor.setToolTip(option_tooltip(option))
        self.editor.setAccessibleName(option_label(option))
        self.editor.setAccessibleDescription(option_tooltip(option))

    # -- building ----------------------------------------------------------------------------

    def _make_editor(
        self,
        option: Option,
        value: Any,
        choices: Sequence[tuple[str, object]] | None,
        secret_stored: bool,
        secret_in_keyring: bool,
    ) -> QWidget:
        kind = option.type
        if kind is bool:
            box = QCheckBox()
            box.setChecked(bool(value))
            box.toggled.connect(self._edited)
            return box
        if kind is int:
            # A text field, not a spin box: a spin box changed 99999 into its maximum without a
            # word; here a wrong number stays as typed and the message under it says what to fix.
            number = QLineEdit()
            if option.name in AUTOMATIC_WHEN_EMPTY:
                number.setPlaceholderText(translate("OptionField", "chosen automatically"))
            number.setText("" if value == 0 and option.name in AUTOMATIC_WHEN_EMPTY else str(value))
            number.textChanged.connect(self._edited)
            return number
        if choices is not None or (isinstance(kind, type) and issubclass(kind, StrEnum)):
            combo = QComboBox()
            for text, choice in choices or [(str(c), c) for c in option.choices]:
                combo.addItem(text, choice)
            index = combo.findData(str(value))
            combo.setCurrentIndex(max(index, 0))
            combo.currentIndexChanged.connect(self._edited)
            return combo
        line = QLineEdit()
        if kind is Secret:
            line.setEchoMode(QLineEdit.EchoMode.Password)
            # The stored secret is never shown: an empty field keeps it, a typed one replaces it.
            if secret_stored and not secret_in_keyring:
                # No keyring could be used: it is kept in memory, as the notice above says.
                line.setPlaceholderText(
                    translate("OptionField", "Kept until the app closes; type to replace it")
                )
            elif secret_stored:
                line.setPlaceholderText(
                    translate("OptionField", "Stored in the keyring; type to replace it")
                )
            else:
                line.setPlaceholderText(translate("OptionField", "Not set"))
            self.show_secret = QToolButton()
            self.show_secret.setText(translate("OptionField", "Show"))
            self.show_secret.setCheckable(True)
            self.show_secret.setAccessibleName(translate("OptionField", "Show what is typed"))
            self.show_secret.setToolTip(
                translate("OptionField", "Show what is typed here (it is hidden otherwise)")
            )
            self.show_secret.toggled.connect(self._toggle_echo)
        else:
            line.setText(str(value))
        line.textChanged.connect(self._edited)
        return line

    def _toggle_echo(self, shown: bool) -> None:
        assert isinstance(self.editor, QLineEdit)
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.editor.setEchoMode(mode)

    def row_widget(self) -> QWidget:
        """The editor with its message underneath (and the Show button beside a secret)."""
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        if self.show_secret is not None:
            row = QHBoxLayout()
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(self.editor, 1)
            row.addWidget(self.show_secret)
            column.addLayout(row)
        else:
            column.addWidget(self.editor)
        column.addWidget(self.message)
        return box

    # -- values ------------------------------------------------------------------------------

    def on_change(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def _edited(self, *_: object) -> None:
        self.check()
        for listener in list(self._listeners):
            listener()

    def value(self) -> Any:
        editor = self.editor
        if isinstance(editor, QCheckBox):
            return editor.isChecked()
        if isinstance(editor, QComboBox):
            data = editor.currentData()
            if isinstance(self.option.type, type) and issubclass(self.option.type, StrEnum):
                return self.option.type(data)
            return data
        assert isinstance(editor, QLineEdit)
        if self.option.type is Secret:
            typed = editor.text()
            return Secret(typed) if typed else self._stored_secret
        text = editor.text().strip()
        if self.option.type is int:
            if not text and self.option.name in AUTOMATIC_WHEN_EMPTY:
                return 0
            # Digits only (int() would also take "1_000" and other scripts' digits); anything
            # else goes to validation as typed, which says it is not a whole number.
            return int(text) if text.isascii() and text.isdigit() else text
        return text

    def set_text(self, text: str) -> None:
        """Type into a text field (for tests and for filling in from elsewhere)."""
        assert isinstance(self.editor, QLineEdit)
        self.editor.setText(text)

    def check(self) -> str | None:
        """Validate the value as it stands, show the result under the field, and return it."""
        problem = validate_field(self.option.name, self.value())
        shown = None if problem is None else words(problem)
        self.message.show_message(shown)
        return shown

    def show_problem(self, problem: str | None) -> None:
        self.message.show_message(problem)


def add_field(form: QFormLayout, field: OptionField) -> None:
    """Add `field` to `form` under its declared label (its description is the tooltip)."""
    box = field.row_widget()
    label = QLabel(option_label(field.option) + ":")
    label.setToolTip(option_tooltip(field.option))
    label.setBuddy(field.editor)
    form.addRow(label, box)
