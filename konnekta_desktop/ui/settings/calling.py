"""The Calling and wrap-up tab: the default calling device, wrap-up, the operator's own
Konnekta user (chosen by name, saved as username), language, start at login and notifications.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from ...domain.colleagues import name_order
from ...domain.interface import Switchboard
from ...settings import CallingDevice, Language, Settings, get_option
from ..texts import device_label
from .labels import option_label, option_tooltip
from .page import SettingsPage, translate

__all__ = ["CallingPage"]


class CallingPage(SettingsPage):
    """Calling device, wrap-up, the operator's own Konnekta user, language and start at login."""

    def __init__(
        self, settings: Settings, session: Switchboard, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        form = QFormLayout()
        self.add_option(
            form,
            settings,
            "default_calling_device",
            choices=[(device_label(device), device) for device in CallingDevice],
        )
        self.add_option(form, settings, "wrap_up")

        operator = get_option("operator_user")
        self.operator_combo = QComboBox()
        self.operator_combo.setObjectName("field_operator_user")
        self.operator_combo.setEditable(True)
        self.operator_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.operator_combo.setToolTip(option_tooltip(operator))
        self.operator_combo.setAccessibleName(option_label(operator))
        colleagues = sorted(session.colleagues, key=lambda c: name_order(c.user.name))
        for colleague in colleagues:
            self.operator_combo.addItem(
                f"{colleague.user.name} ({colleague.user.username})", colleague.user.username
            )
        index = self.operator_combo.findData(settings.operator_user)
        if index >= 0:
            self.operator_combo.setCurrentIndex(index)
        else:
            self.operator_combo.setEditText(settings.operator_user)
        label = QLabel(option_label(operator) + ":")
        label.setToolTip(option_tooltip(operator))
        label.setBuddy(self.operator_combo)
        form.addRow(label, self.operator_combo)

        self.add_option(
            form,
            settings,
            "language",
            choices=[
                (translate("SettingsPage", "System language"), Language.SYSTEM),
                ("English", Language.ENGLISH),
                ("Dansk", Language.DANISH),
            ],
        )
        self.add_option(form, settings, "start_at_login")
        self.add_option(form, settings, "mute_notifications")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)

    def operator_user(self) -> str:
        """The chosen user's username, or the text typed (a username or user id)."""
        combo = self.operator_combo
        text = combo.currentText().strip()
        index = combo.findText(text, Qt.MatchFlag.MatchFixedString)
        if index >= 0:
            return str(combo.itemData(index))
        return text

    def values(self) -> dict[str, Any]:
        return {**super().values(), "operator_user": self.operator_user()}
