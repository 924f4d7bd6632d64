"""What every tab of the settings window shares: `SettingsPage`, a tab with the option fields
it edits, and the helpers that translate the pages' texts in the SettingsPage context.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QWidget

from ...settings import OPTIONS, Section, Settings, get_option
from .fields import OptionField, add_field

__all__ = ["SettingsPage", "fields_of", "translate", "translated"]

# lupdate collects the literal calls of `translate(context, text)`.
translate = QCoreApplication.translate


def translated(text: object) -> str:
    """`text` (marked with QT_TRANSLATE_NOOP in the SettingsPage context) translated."""
    return QCoreApplication.translate("SettingsPage", str(text))


def fields_of(section: Section) -> list[str]:
    """The names of the options declared in `section`, in declaration order."""
    return [option.name for option in OPTIONS if option.section is section]


class SettingsPage(QWidget):
    """A tab: the option fields it edits, and any values it adds beyond them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields: dict[str, OptionField] = {}

    def add_option(
        self,
        form: QFormLayout,
        settings: Settings,
        name: str,
        *,
        choices: Sequence[tuple[str, object]] | None = None,
        secret_stored: bool = False,
        secret_in_keyring: bool = True,
    ) -> OptionField:
        """Add the field of option `name` to `form`; `choices` and the secret's whereabouts as
        for `OptionField`."""
        field = OptionField(
            get_option(name),
            getattr(settings, name),
            choices=choices,
            secret_stored=secret_stored,
            secret_in_keyring=secret_in_keyring,
        )
        self.fields[name] = field
        add_field(form, field)
        return field

    def values(self) -> dict[str, Any]:
        """Option name -> value as the form shows it now."""
        return {name: field.value() for name, field in self.fields.items()}
