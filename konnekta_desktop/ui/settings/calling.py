"""The Calling and wrap-up tab: the default calling device, wrap-up, the operator's own
Konnekta user (chosen by name, saved as username), language, start at login and notifications.

Start at login is not a saved setting: the box shows the system's login item as it is when the
window opens, and Apply turns that item on or off (one switch with the Windows installer's
checkbox and the system's own start-up settings).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from ...autostart import Autostart, start_at_login_is_on
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
        self,
        settings: Settings,
        session: Switchboard,
        parent: QWidget | None = None,
        *,
        login_item: Autostart | None = None,
    ) -> None:
        """`login_item`: where start at login lives (default: this computer's)."""
        super().__init__(parent)
        self._login_item = login_item
        form = QFormLayout()
        self.add_option(
            form,
            settings,
            "default_calling_device",
            choices=[(device_label(device), device) for device in CallingDevice],
        )
        self.add_option(form, settings, "wrap_up")
        self.add_option(form, settings, "recall_seconds")

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
        self.start_at_login = self._add_start_at_login(form)
        self.start_at_login_shown = False
        self.show_start_at_login()
        self.add_option(form, settings, "mute_notifications")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)

    @staticmethod
    def _add_start_at_login(form: QFormLayout) -> QCheckBox:
        text = translate("SettingsOption", "Start at Login")
        tooltip = translate(
            "SettingsOption", "Start konnekta-desktop when you log in to this computer."
        )
        box = QCheckBox()
        box.setObjectName("field_start_at_login")
        box.setToolTip(tooltip)
        box.setAccessibleName(text)
        box.setAccessibleDescription(tooltip)
        label = QLabel(text + ":")
        label.setToolTip(tooltip)
        label.setBuddy(box)
        form.addRow(label, box)
        return box

    def show_start_at_login(self) -> None:
        """Show whether the system starts the app at login now."""
        self.start_at_login_shown = start_at_login_is_on(self._login_item)
        self.start_at_login.setChecked(self.start_at_login_shown)

    def apply_start_at_login(self, change: Callable[[bool], None]) -> None:
        """Turn start at login on or off with `change` when the box differs from what the system
        said, then show what it says now (also after a failure: `change` raises
        `AutostartError`, which is passed on)."""
        wanted = self.start_at_login.isChecked()
        if wanted == self.start_at_login_shown:
            return
        try:
            change(wanted)
        finally:
            self.show_start_at_login()

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
