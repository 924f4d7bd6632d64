"""The Mappings tab: Konnekta activity -> template, and state -> Konnekta activity, with the
unmapped rows standing out. Konnekta's activities can be loaded through the running connection;
a mapping of an activity Konnekta no longer lists stays visible.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Final

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
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

from ...domain.types import Activity
from ...settings import Settings, get_option
from .common import BackgroundTasks
from .drafts import Lists
from .labels import option_label, option_tooltip
from .page import SettingsPage, translate, translated
from .table_widgets import guard_wheel, show_rows

__all__ = ["MappingsPage"]

NOT_MAPPED: Final = QT_TRANSLATE_NOOP("SettingsPage", "(not mapped)")


def _explanation(text: str) -> QLabel:
    """A short line under a group title saying what the group is for."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet("color: palette(placeholder-text);")
    return label


def _mapping_combo(choices: Iterable[tuple[str, str]], current: str | None) -> QComboBox:
    combo = QComboBox()
    combo.addItem(translated(NOT_MAPPED), None)
    for text, value in choices:
        combo.addItem(text, value)
    index = combo.findData(current) if current is not None else 0
    if current is not None and index < 0:
        combo.addItem(translate("SettingsPage", "{name} (missing)").format(name=current), current)
        index = combo.count() - 1
    combo.setCurrentIndex(index)
    return guard_wheel(combo)


class MappingsPage(SettingsPage):
    """Konnekta activity -> template, and state -> Konnekta activity; unmapped rows stand out."""

    def __init__(self, settings: Settings, session: Lists, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._activity_mappings = dict(settings.activity_mappings)
        self._state_mappings = dict(settings.state_mappings)
        self._tasks = BackgroundTasks(self._load_failed)
        self.activities: list[Activity] = list(session.colleagues.activities.values())

        self.activity_table = QTableWidget(0, 3)
        self.activity_table.setObjectName("activityMappings")
        self.activity_table.setAccessibleName(translate("SettingsPage", "Activity mappings"))
        self.activity_table.setToolTip(option_tooltip(get_option("activity_mappings")))
        self.activity_table.setHorizontalHeaderLabels(
            [
                translate("SettingsPage", "Konnekta activity"),
                translate("SettingsPage", "Template"),
                translate("SettingsPage", "Mapping"),
            ]
        )
        self.state_table = QTableWidget(0, 3)
        self.state_table.setObjectName("stateMappings")
        self.state_table.setAccessibleName(translate("SettingsPage", "State mappings"))
        self.state_table.setToolTip(option_tooltip(get_option("state_mappings")))
        self.state_table.setHorizontalHeaderLabels(
            [
                translate("SettingsPage", "State"),
                translate("SettingsPage", "Konnekta activity"),
                translate("SettingsPage", "Mapping"),
            ]
        )
        for table in (self.activity_table, self.state_table):
            header = table.horizontalHeader()
            header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
            # "Mapped"/"Unmapped" needs little room; the names and choices get the rest.
            header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            show_rows(table)
            table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
            table.verticalHeader().setVisible(False)

        self.load_button = QPushButton(translate("SettingsPage", "&Load activities from Konnekta"))
        self.load_button.setObjectName("loadActivities")
        self.load_button.setToolTip(
            translate(
                "SettingsPage",
                "Read the activities Konnekta has now, to map them (the connection is not needed "
                "for the rest of this page)",
            )
        )
        self.load_button.clicked.connect(self.start_loading)
        self.load_message = QLabel()
        self.load_message.setObjectName("loadMessage")
        self.load_message.setWordWrap(True)
        load_row = QHBoxLayout()
        load_row.addWidget(self.load_button)
        load_row.addWidget(self.load_message, 1)

        first = QGroupBox(option_label(get_option("activity_mappings")))
        first_layout = QVBoxLayout(first)
        first_layout.addWidget(_explanation(option_tooltip(get_option("activity_mappings"))))
        first_layout.addWidget(self.activity_table)
        first_layout.addLayout(load_row)
        second = QGroupBox(option_label(get_option("state_mappings")))
        second_layout = QVBoxLayout(second)
        second_layout.addWidget(_explanation(option_tooltip(get_option("state_mappings"))))
        second_layout.addWidget(self.state_table)
        layout = QVBoxLayout(self)
        layout.addWidget(first, 1)
        layout.addWidget(second, 1)
        self.reload()

    # -- filling -----------------------------------------------------------------------------

    def reload(self) -> None:
        """Rebuild both tables from the activities, the store and the mappings as edited so far."""
        if self.activity_table.rowCount() or self.state_table.rowCount():
            mappings = self.values()
            self._activity_mappings = mappings["activity_mappings"]
            self._state_mappings = mappings["state_mappings"]
        self._fill_activities()
        self._fill_states()

    def _activity_rows(self) -> list[tuple[str, str]]:
        rows = [(activity.id, activity.name) for activity in self.activities]
        known = {activity_id for activity_id, _ in rows}
        # A mapping for an activity Konnekta no longer lists stays visible (and editable).
        rows += [(aid, aid) for aid in self._activity_mappings if aid not in known]
        return rows

    def _fill_activities(self) -> None:
        templates = [(t.name, t.name) for t in self._session.templates()]
        rows = self._activity_rows()
        table = self.activity_table
        table.setRowCount(len(rows))
        for row, (activity_id, name) in enumerate(rows):
            item = QTableWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, activity_id)
            item.setToolTip(translate("SettingsPage", "Activity id: {id}").format(id=activity_id))
            table.setItem(row, 0, item)
            combo = _mapping_combo(templates, self._activity_mappings.get(activity_id))
            combo.setAccessibleName(
                translate("SettingsPage", "Template for {activity}").format(activity=name)
            )
            combo.currentIndexChanged.connect(lambda _i, r=row: self._mark(table, r))
            table.setCellWidget(row, 1, combo)
            self._mark(table, row)

    def _fill_states(self) -> None:
        activities = [(name, activity_id) for activity_id, name in self._activity_rows()]
        states = self._session.states()
        table = self.state_table
        table.setRowCount(len(states))
        for row, state in enumerate(states):
            item = QTableWidgetItem(state.name)
            item.setData(Qt.ItemDataRole.UserRole, state.name)
            table.setItem(row, 0, item)
            combo = _mapping_combo(activities, self._state_mappings.get(state.name))
            combo.setAccessibleName(
                translate("SettingsPage", "Konnekta activity for {state}").format(state=state.name)
            )
            combo.currentIndexChanged.connect(lambda _i, r=row: self._mark(table, r))
            table.setCellWidget(row, 1, combo)
            self._mark(table, row)

    @staticmethod
    def _mark(table: QTableWidget, row: int) -> None:
        combo = table.cellWidget(row, 1)
        assert isinstance(combo, QComboBox)
        mapped = combo.currentData() is not None
        status = QTableWidgetItem(
            translate("SettingsPage", "Mapped") if mapped else translate("SettingsPage", "Unmapped")
        )
        if not mapped:
            status.setForeground(QColor("#c62828"))
        table.setItem(row, 2, status)

    # -- reading -----------------------------------------------------------------------------

    def row_status(self, table: QTableWidget, key: str) -> str:
        """The Mapping column of the row for `key` (activity id or state name), for tests."""
        for row in range(table.rowCount()):
            item = table.item(row, 0)
            status = table.item(row, 2)
            if (
                item is not None
                and status is not None
                and item.data(Qt.ItemDataRole.UserRole) == key
            ):
                return status.text()
        raise KeyError(key)

    def combo_for(self, table: QTableWidget, key: str) -> QComboBox:
        for row in range(table.rowCount()):
            item = table.item(row, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == key:
                combo = table.cellWidget(row, 1)
                assert isinstance(combo, QComboBox)
                return combo
        raise KeyError(key)

    @staticmethod
    def _table_mapping(table: QTableWidget) -> dict[str, str]:
        mapping = {}
        for row in range(table.rowCount()):
            item = table.item(row, 0)
            combo = table.cellWidget(row, 1)
            if item is None or not isinstance(combo, QComboBox):
                continue
            target = combo.currentData()
            if target is not None:
                mapping[str(item.data(Qt.ItemDataRole.UserRole))] = str(target)
        return mapping

    def values(self) -> dict[str, Any]:
        return {
            "activity_mappings": self._table_mapping(self.activity_table),
            "state_mappings": self._table_mapping(self.state_table),
        }

    # -- loading from Konnekta ---------------------------------------------------------------

    def start_loading(self) -> None:
        if self._tasks.busy:
            return
        self.load_button.setEnabled(False)
        self.load_message.setText(translate("SettingsPage", "Loading…"))
        self._tasks.start(self.load_activities(), "load activities")

    async def load_activities(self) -> None:
        """Fetch Konnekta's activities through the running connection and refill the tables."""
        activities = await self._session.activities()
        self.activities = list(activities)
        self.load_button.setEnabled(True)
        self.load_message.setText(
            translate("SettingsPage", "Konnekta lists {count} activities.").format(
                count=len(activities)
            )
        )
        self.reload()

    def _load_failed(self, error: BaseException) -> None:
        self.load_button.setEnabled(True)
        self.load_message.setText(
            translate("SettingsPage", "The activities could not be loaded: {reason}").format(
                reason=str(error) or type(error).__name__
            )
        )
