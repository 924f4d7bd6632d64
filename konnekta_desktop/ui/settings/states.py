"""The States and sync tab: when and in which direction presence is synchronised, and the
table of templates with their states. Changes to templates are saved to the store at once.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
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

from ...settings import Settings, SyncDirection
from .common import FieldMessage
from .drafts import Lists
from .page import SettingsPage, translate, translated
from .table_widgets import show_rows
from .template_editor import STATE_CLASS_LABELS, TemplateEditor

__all__ = ["StatesPage"]


class StatesPage(SettingsPage):
    """Synchronisation options and the table of templates with their states."""

    templates_changed = Signal()

    COLUMNS: Final = (
        QT_TRANSLATE_NOOP("SettingsPage", "Template"),
        QT_TRANSLATE_NOOP("SettingsPage", "State"),
        QT_TRANSLATE_NOOP("SettingsPage", "State class"),
        QT_TRANSLATE_NOOP("SettingsPage", "Duration"),
        QT_TRANSLATE_NOOP("SettingsPage", "Caller ID"),
        QT_TRANSLATE_NOOP("SettingsPage", "Forwarding"),
    )

    def __init__(self, settings: Settings, session: Lists, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        form = QFormLayout()
        self.add_option(form, settings, "sync_on_startup")
        self.add_option(
            form,
            settings,
            "sync_direction",
            choices=[
                (
                    translate("SettingsPage", "Konnekta to this app (Konnekta wins)"),
                    SyncDirection.KONNEKTA_TO_LOCAL,
                ),
                (
                    translate("SettingsPage", "This app to Konnekta (this app wins)"),
                    SyncDirection.LOCAL_TO_KONNEKTA,
                ),
            ],
        )
        self.add_option(form, settings, "wrap_up_timeout")
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        show_rows(self.table)
        self.table.setObjectName("templatesTable")
        self.table.setAccessibleName(translate("SettingsPage", "Templates"))
        self.table.setHorizontalHeaderLabels([translated(c) for c in self.COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda *_: self.edit_selected())
        self.add_button = QPushButton(translate("SettingsPage", "&Add…"))
        self.edit_button = QPushButton(translate("SettingsPage", "&Edit…"))
        self.remove_button = QPushButton(translate("SettingsPage", "&Remove"))
        self.add_button.clicked.connect(lambda: self.open_editor(None))
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.error = FieldMessage()
        self.error.setObjectName("templatesError")
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        hint = QLabel(translate("SettingsPage", "Changes to templates are saved at once."))
        hint.setEnabled(False)

        group = QGroupBox(translate("SettingsPage", "States and templates"))
        group_layout = QVBoxLayout(group)
        group_layout.addWidget(self.table)
        group_layout.addLayout(buttons)
        group_layout.addWidget(self.error)
        group_layout.addWidget(hint)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(group, 1)
        self.editor: TemplateEditor | None = None
        self.reload()

    def reload(self) -> None:
        classes = {state.name: state.state_class for state in self._session.states()}
        templates = self._session.templates()
        plan = self._session.plan
        self.table.setRowCount(len(templates))
        for row, template in enumerate(templates):
            state_class = classes.get(template.state)
            duration = (
                translate("SettingsPage", "{minutes} min").format(minutes=template.duration_minutes)
                if template.duration_minutes
                else translate("SettingsPage", "Until changed")
            )
            cells = (
                template.name,
                template.state,
                translated(STATE_CLASS_LABELS[state_class]) if state_class else "",
                duration,
                plan.display(template.caller_id) if template.caller_id else "",
                plan.display(template.forwarding) if template.forwarding else "",
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, template.name)
                self.table.setItem(row, column, item)

    def selected_name(self) -> str | None:
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def open_editor(self, name: str | None) -> TemplateEditor:
        template = next((t for t in self._session.templates() if t.name == name), None)
        editor = TemplateEditor(self._session, template, self)
        editor.accepted.connect(self._saved)
        self.editor = editor
        editor.open()
        return editor

    def edit_selected(self) -> None:
        name = self.selected_name()
        if name is not None:
            self.open_editor(name)

    def remove_selected(self) -> None:
        name = self.selected_name()
        if name is None:
            return
        try:
            self._session.delete_template(name)
        except Exception as error:
            self.error.show_message(str(error))
            return
        self._saved()

    def _saved(self) -> None:
        self.error.show_message(None)
        self.reload()
        self.templates_changed.emit()
