"""The Appointments tab: templates scheduled for a user from a start to an end, in a table,
with a row to add one. Appointments are saved to the store as soon as they are added or
removed.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Final

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDateTime, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.appointments import Appointment
from ...domain.colleagues import name_order
from .common import FieldMessage
from .drafts import Lists
from .page import SettingsPage, translate, translated
from .table_widgets import show_rows

__all__ = ["AppointmentsPage"]


def _to_qt(moment: float) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(moment))


class AppointmentsPage(SettingsPage):
    """Scheduled templates: a table of appointments, and a row to add one."""

    COLUMNS: Final = (
        QT_TRANSLATE_NOOP("SettingsPage", "User"),
        QT_TRANSLATE_NOOP("SettingsPage", "Template"),
        QT_TRANSLATE_NOOP("SettingsPage", "Start"),
        QT_TRANSLATE_NOOP("SettingsPage", "End"),
    )

    def __init__(
        self,
        session: Lists,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        show_rows(self.table)
        self.table.setObjectName("appointmentsTable")
        self.table.setAccessibleName(translate("SettingsPage", "Appointments"))
        self.table.setHorizontalHeaderLabels([translated(c) for c in self.COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

        self.user_combo = QComboBox()
        self.user_combo.setAccessibleName(translate("SettingsPage", "User"))
        self.template_combo = QComboBox()
        self.template_combo.setAccessibleName(translate("SettingsPage", "Template"))
        self.start_edit = QDateTimeEdit()
        self.start_edit.setAccessibleName(translate("SettingsPage", "Start"))
        self.end_edit = QDateTimeEdit()
        self.end_edit.setAccessibleName(translate("SettingsPage", "End"))
        for edit in (self.start_edit, self.end_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.add_button = QPushButton(translate("SettingsPage", "&Add"))
        self.add_button.clicked.connect(self.add_appointment)
        self.remove_button = QPushButton(translate("SettingsPage", "&Remove selected"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.error = FieldMessage()
        self.error.setObjectName("appointmentError")

        form = QFormLayout()
        form.addRow(translate("SettingsPage", "&User:"), self.user_combo)
        form.addRow(translate("SettingsPage", "&Template:"), self.template_combo)
        form.addRow(translate("SettingsPage", "&Start:"), self.start_edit)
        form.addRow(translate("SettingsPage", "&End:"), self.end_edit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        group = QGroupBox(translate("SettingsPage", "New appointment"))
        group_layout = QVBoxLayout(group)
        group_layout.addLayout(form)
        group_layout.addWidget(self.error)
        hint = QLabel(translate("SettingsPage", "Appointments are saved at once."))
        hint.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(group)
        layout.addWidget(hint)

        for colleague in sorted(session.colleagues, key=lambda c: name_order(c.user.name)):
            self.user_combo.addItem(colleague.user.name, colleague.id)
        self.reset_times()
        self.reload_templates()
        self.reload()

    def reset_times(self) -> None:
        """Propose the next whole hour, for one hour."""
        now = datetime.fromtimestamp(self._session.now()).replace(minute=0, second=0, microsecond=0)
        start = now + timedelta(hours=1)
        self.start_edit.setDateTime(_to_qt(start.timestamp()))
        self.end_edit.setDateTime(_to_qt((start + timedelta(hours=1)).timestamp()))

    def reload_templates(self) -> None:
        chosen = self.template_combo.currentText()
        self.template_combo.clear()
        self.template_combo.addItems([t.name for t in self._session.templates()])
        if chosen:
            self.template_combo.setCurrentText(chosen)

    def _user_name(self, user_id: str) -> str:
        colleague = self._session.colleagues.get(user_id)
        return colleague.user.name if colleague is not None else user_id

    def reload(self) -> None:
        appointments = self._session.appointments()
        self.table.setRowCount(len(appointments))
        for row, appointment in enumerate(appointments):
            cells = (
                self._user_name(appointment.user_id),
                appointment.template_name,
                _to_qt(appointment.start).toString("yyyy-MM-dd HH:mm"),
                _to_qt(appointment.end).toString("yyyy-MM-dd HH:mm"),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, appointment.id)
                self.table.setItem(row, column, item)

    def add_appointment(self) -> Appointment | None:
        user_id = self.user_combo.currentData()
        template = self.template_combo.currentText()
        if user_id is None:
            self.error.show_message(
                translate("SettingsPage", "Choose the user the appointment is for.")
            )
            return None
        if not template:
            self.error.show_message(
                translate("SettingsPage", "Choose the template the appointment sets.")
            )
            return None
        start = float(self.start_edit.dateTime().toSecsSinceEpoch())
        end = float(self.end_edit.dateTime().toSecsSinceEpoch())
        if end <= start:
            self.error.show_message(
                translate("SettingsPage", "The end must be after the start: change Start or End.")
            )
            return None
        appointment = Appointment(
            id=uuid.uuid4().hex,
            user_id=str(user_id),
            template_name=template,
            start=start,
            end=end,
        )
        try:
            self._session.save_appointment(appointment)
        except Exception as error:
            self.error.show_message(str(error))
            return None
        self.error.show_message(None)
        self.reload()
        return appointment

    def remove_selected(self) -> None:
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        if item is None:
            self.error.show_message(translate("SettingsPage", "Select the appointment to remove."))
            return
        self._session.delete_appointment(str(item.data(Qt.ItemDataRole.UserRole)))
        self.error.show_message(None)
        self.reload()
