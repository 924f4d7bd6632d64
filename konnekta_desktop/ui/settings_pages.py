"""The tabs of the settings window: Connection, Numbers, States and sync, Mappings, Calling and
wrap-up, Appointments. Option fields are applied by the window; templates and appointments are
saved to the store as soon as they are added, changed or removed.
"""

from __future__ import annotations

import dataclasses
import logging
import uuid
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta
from typing import Any, Final

import phonenumbers
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDateTime, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.appointments import Appointment
from ..core.numbers import NumberError, NumberPlan
from ..core.presence import State, StateClass, Template
from ..konnekta.api import SmgClient
from ..konnekta.auth import KonnektaAuth
from ..konnekta.http import make_http_client
from ..konnekta.models import Activity
from ..settings import (
    OPTIONS,
    CallingDevice,
    Language,
    SecretStore,
    Section,
    Settings,
    SyncDirection,
    get_option,
)
from .bridge import PlanSource, plan_reader
from .settings_common import BackgroundTasks, FieldMessage
from .settings_fields import OptionField, add_field
from .settings_labels import option_label, option_tooltip
from .texts import device_label

__all__ = [
    "AppointmentsPage",
    "CallingPage",
    "ConnectionCheck",
    "ConnectionPage",
    "MappingsPage",
    "NumbersPage",
    "SettingsPage",
    "StatesPage",
    "TemplateEditor",
    "check_connection",
    "number_examples",
]

log = logging.getLogger(__name__)

NOT_MAPPED: Final = QT_TRANSLATE_NOOP("SettingsPage", "(not mapped)")

STATE_CLASS_LABELS: Final[dict[StateClass, str]] = {
    StateClass.FREE: str(QT_TRANSLATE_NOOP("SettingsPage", "Free (available)")),
    StateClass.TENTATIVE: str(QT_TRANSLATE_NOOP("SettingsPage", "Tentative")),
    StateClass.BUSY: str(QT_TRANSLATE_NOOP("SettingsPage", "Busy")),
    StateClass.OUT_OF_OFFICE: str(QT_TRANSLATE_NOOP("SettingsPage", "Out of office")),
    StateClass.WORKING_ELSEWHERE: str(QT_TRANSLATE_NOOP("SettingsPage", "Working elsewhere")),
}


# lupdate collects the literal calls of `translate(context, text)`.
translate = QCoreApplication.translate


def _tr(text: object) -> str:
    return QCoreApplication.translate("SettingsPage", str(text))


def _fields_of(section: Section) -> list[str]:
    return [option.name for option in OPTIONS if option.section is section]


# What the telephony provider hands over comes first; how this computer listens comes after.
_CONNECTION_ORDER: Final = (
    "tenant_domain",
    "smg_address",
    "issuer_uri",
    "client_id",
    "client_secret",
    "user",
    "password",
)


def _connection_fields() -> list[str]:
    names = _fields_of(Section.CONNECTION)
    first = [name for name in _CONNECTION_ORDER if name in names]
    return first + [name for name in names if name not in first]


def _explanation(text: str) -> QLabel:
    """A short line under a group title saying what the group is for."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet("color: palette(placeholder-text);")
    return label


class SettingsPage(QWidget):
    """A tab: the option fields it edits, and any values it adds beyond them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields: dict[str, OptionField] = {}

    def add_option(
        self, form: QFormLayout, settings: Settings, name: str, **options: Any
    ) -> OptionField:
        field = OptionField(get_option(name), getattr(settings, name), **options)
        self.fields[name] = field
        add_field(form, field)
        return field

    def values(self) -> dict[str, Any]:
        """Option name -> value as the form shows it now."""
        return {name: field.value() for name, field in self.fields.items()}


# -- Connection ---------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True, slots=True)
class ConnectionCheck:
    users: int
    activities: int


async def check_connection(settings: Settings) -> ConnectionCheck:
    """Log in with `settings` and count users and activities, apart from the running connector.

    Raises `KonnektaError` (its message says what to check) when the login or a request fails.
    """
    async with make_http_client() as http:
        auth = KonnektaAuth(
            settings.issuer_uri.strip(),
            settings.client_id.strip(),
            settings.client_secret.reveal(),
            settings.user.strip(),
            settings.password.reveal(),
            http=http,
        )
        api = SmgClient(settings.smg_address.strip(), auth, http=http, retries=1)
        try:
            users = await api.users()
            activities = await api.activities()
        finally:
            await auth.close()
    return ConnectionCheck(users=len(users), activities=len(activities))


class ConnectionPage(SettingsPage):
    """Every Connection option, the keyring notice, and Test connection."""

    def __init__(
        self,
        settings: Settings,
        secrets: SecretStore,
        current: Callable[[], Settings],
        parent: QWidget | None = None,
    ) -> None:
        """`current` gives the settings as the whole window shows them now (for the test)."""
        super().__init__(parent)
        self._current = current
        self._secrets = secrets
        self._tasks = BackgroundTasks(self._test_failed)
        form = QFormLayout()
        for name in _connection_fields():
            option = get_option(name)
            stored = option.secret and bool(getattr(settings, name))
            self.add_option(
                form, settings, name, **({"secret_stored": stored} if option.secret else {})
            )

        self.keyring_notice = QLabel()
        self.keyring_notice.setObjectName("keyringNotice")
        self.keyring_notice.setWordWrap(True)
        self.session_only = QCheckBox(
            translate("SettingsPage", "Keep the Client Secret and Password for this session only")
        )
        self.session_only.setObjectName("sessionOnly")
        notice = QGroupBox(translate("SettingsPage", "No keyring"))
        notice_layout = QVBoxLayout(notice)
        notice_layout.addWidget(self.keyring_notice)
        notice_layout.addWidget(self.session_only)
        self.keyring_box = notice
        self.refresh_keyring_notice()

        self.test_button = QPushButton(translate("SettingsPage", "&Test connection"))
        self.test_button.setObjectName("testConnection")
        self.test_button.setToolTip(
            translate(
                "SettingsPage",
                "Log in with the values in this form and count Konnekta's users and activities.",
            )
        )
        self.test_button.clicked.connect(self.start_test)
        self.test_result = QLabel()
        self.test_result.setObjectName("testResult")
        self.test_result.setWordWrap(True)
        self.test_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.test_result, 1)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(notice)
        layout.addLayout(test_row)
        layout.addStretch(1)

    def refresh_keyring_notice(self) -> None:
        problem = self._secrets.problem
        self.keyring_box.setHidden(problem is None)
        self.keyring_notice.setText(
            translate(
                "SettingsPage",
                "No system keyring could be used, so the Client Secret and Password cannot be "
                "saved on this computer. Tick the box to keep them until the app closes, or "
                "install or unlock a keyring and save again.",
            )
            if problem
            else ""
        )

    def start_test(self) -> None:
        if self._tasks.busy:
            return
        problems = [problem for field in self.fields.values() if (problem := field.check())]
        if problems:
            self.test_result.setStyleSheet("color: #c62828;")
            self.test_result.setText(
                translate("SettingsPage", "Correct the fields marked in red first.")
            )
            return
        self.test_button.setEnabled(False)
        self.test_result.setStyleSheet("")
        self.test_result.setText(translate("SettingsPage", "Logging in…"))
        self._tasks.start(self._test(self._current()), "test connection")

    async def _test(self, settings: Settings) -> None:
        result = await check_connection(settings)
        self.test_button.setEnabled(True)
        self.test_result.setStyleSheet("color: #2e7d32;")
        self.test_result.setText(
            translate(
                "SettingsPage",
                "Connected: Konnekta lists {users} users and {activities} activities.",
            ).format(users=result.users, activities=result.activities)
        )

    def _test_failed(self, error: BaseException) -> None:
        self.test_button.setEnabled(True)
        self.test_result.setStyleSheet("color: #c62828;")
        self.test_result.setText(
            translate("SettingsPage", "The test failed: {reason}").format(
                reason=str(error) or type(error).__name__
            )
        )


# -- Numbers ------------------------------------------------------------------------------------


def number_examples(prefix: str, code: str) -> list[tuple[str, str]]:
    """(number as written internationally, as the app shows it) for a number of the own country
    and a foreign one; raises `NumberError` when prefix or code are not usable."""
    plan = NumberPlan(prefix.strip(), code.strip())
    own = phonenumbers.example_number_for_type(
        plan.region, phonenumbers.PhoneNumberType.FIXED_LINE
    ) or phonenumbers.example_number(plan.region)
    foreign_text = "+298123456" if plan.international_code != "298" else "+4533123456"
    foreign = phonenumbers.parse(foreign_text, None)
    examples = []
    for number in (own, foreign):
        if number is None:
            continue
        written = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
        e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        examples.append((written, plan.display(e164)))
    return examples


class NumbersPage(SettingsPage):
    """International prefix and code, with a live example of how numbers are shown."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout()
        for name in _fields_of(Section.NUMBERS):
            self.add_option(form, settings, name).on_change(self.update_example)
        self.example = QLabel()
        self.example.setObjectName("numberExample")
        self.example.setWordWrap(True)
        self.example.setAccessibleName(translate("SettingsPage", "Example"))
        form.addRow(translate("SettingsPage", "Example:"), self.example)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)
        self.update_example()

    def update_example(self) -> None:
        values = self.values()
        try:
            examples = number_examples(values["international_prefix"], values["international_code"])
        except NumberError:
            self.example.setText(
                translate("SettingsPage", "(correct the fields above to see an example)")
            )
            return
        lines = [
            translate("SettingsPage", "{number} shows as {shown}").format(
                number=written, shown=shown
            )
            for written, shown in examples
        ]
        self.example.setText("; ".join(lines))


# -- States, templates and sync -----------------------------------------------------------------


def _number_or_none(plan: NumberPlan, text: str) -> str | None:
    text = text.strip()
    return plan.normalise(text) if text else None


class TemplateEditor(QDialog):
    """Add or change one template (and the class of its state); saves to the store on OK."""

    def __init__(
        self,
        store: Any,
        plan: PlanSource,
        template: Template | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._plan = plan_reader(plan)
        plan = self._plan()
        self._original = template
        self.setWindowTitle(
            translate("SettingsPage", "Edit template")
            if template
            else translate("SettingsPage", "New template")
        )
        states = {state.name: state for state in store.states()}
        self._states = states

        self.name_edit = QLineEdit(template.name if template else "")
        self.name_edit.setAccessibleName(translate("SettingsPage", "Template name"))
        self.state_combo = QComboBox()
        self.state_combo.setEditable(True)
        self.state_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.state_combo.setAccessibleName(translate("SettingsPage", "State"))
        self.state_combo.setToolTip(
            translate("SettingsPage", "Choose a state, or type a new name to add a state.")
        )
        self.state_combo.addItems(list(states))
        self.class_combo = QComboBox()
        self.class_combo.setAccessibleName(translate("SettingsPage", "State class"))
        self.class_combo.setToolTip(
            translate(
                "SettingsPage",
                "Free shows the user as available (green); every other class as unavailable.",
            )
        )
        for state_class, label in STATE_CLASS_LABELS.items():
            self.class_combo.addItem(_tr(label), state_class.value)
        self.duration_spin = QSpinBox()
        self.duration_spin.setRange(0, 7 * 24 * 60)
        self.duration_spin.setSuffix(translate("SettingsPage", " min"))
        self.duration_spin.setSpecialValueText(translate("SettingsPage", "Until changed"))
        self.duration_spin.setAccessibleName(translate("SettingsPage", "Duration in minutes"))
        self.caller_id_edit = QLineEdit()
        self.caller_id_edit.setPlaceholderText(translate("SettingsPage", "Leave as it is"))
        self.caller_id_edit.setAccessibleName(translate("SettingsPage", "Caller ID"))
        self.forwarding_edit = QLineEdit()
        self.forwarding_edit.setPlaceholderText(translate("SettingsPage", "Leave as it is"))
        self.forwarding_edit.setAccessibleName(translate("SettingsPage", "Forwarding"))
        self.error = FieldMessage()
        self.error.setObjectName("templateError")

        if template is not None:
            self.state_combo.setCurrentText(template.state)
            self.duration_spin.setValue(template.duration_minutes or 0)
            self.caller_id_edit.setText(plan.display(template.caller_id or ""))
            self.forwarding_edit.setText(plan.display(template.forwarding or ""))
        self.state_combo.currentTextChanged.connect(self._state_chosen)
        self._state_chosen(self.state_combo.currentText())

        form = QFormLayout()
        form.addRow(translate("SettingsPage", "&Name:"), self.name_edit)
        form.addRow(translate("SettingsPage", "&State:"), self.state_combo)
        form.addRow(translate("SettingsPage", "State &class:"), self.class_combo)
        form.addRow(translate("SettingsPage", "&Duration:"), self.duration_spin)
        form.addRow(translate("SettingsPage", "Caller &ID:"), self.caller_id_edit)
        form.addRow(translate("SettingsPage", "&Forwarding:"), self.forwarding_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _state_chosen(self, name: str) -> None:
        state = self._states.get(name.strip())
        if state is not None:
            self.class_combo.setCurrentIndex(self.class_combo.findData(state.state_class.value))

    def template(self) -> Template:
        """The template as the form shows it; raises ValueError with a message for the operator."""
        name = self.name_edit.text().strip()
        state = self.state_combo.currentText().strip()
        if not name:
            raise ValueError(translate("SettingsPage", "Give the template a name."))
        if not state:
            raise ValueError(
                translate("SettingsPage", "Choose or type the state the template sets.")
            )
        try:
            caller_id = _number_or_none(self._plan(), self.caller_id_edit.text())
        except NumberError as error:
            raise ValueError(
                translate("SettingsPage", "Caller ID: {reason}").format(reason=error)
            ) from None
        try:
            forwarding = _number_or_none(self._plan(), self.forwarding_edit.text())
        except NumberError as error:
            raise ValueError(
                translate("SettingsPage", "Forwarding: {reason}").format(reason=error)
            ) from None
        return Template(
            name=name,
            state=state,
            duration_minutes=self.duration_spin.value() or None,
            caller_id=caller_id,
            forwarding=forwarding,
        )

    def accept(self) -> None:
        try:
            template = self.template()
            state_class = StateClass(self.class_combo.currentData())
            existing = self._states.get(template.state)
            if existing is None or existing.state_class is not state_class:
                self._store.save_state(State(template.state, state_class))
            renamed_from = self._original.name if self._original is not None else None
            self._store.save_template(template, renamed_from=renamed_from)
        except Exception as error:  # StoreError or ValueError: both carry a message to show
            self.error.show_message(str(error))
            return
        super().accept()


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

    def __init__(
        self, settings: Settings, store: Any, plan: PlanSource, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._plan = plan_reader(plan)
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
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setObjectName("templatesTable")
        self.table.setAccessibleName(translate("SettingsPage", "Templates"))
        self.table.setHorizontalHeaderLabels([_tr(c) for c in self.COLUMNS])
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
        classes = {state.name: state.state_class for state in self._store.states()}
        templates: list[Template] = self._store.templates()
        plan = self._plan()
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
                _tr(STATE_CLASS_LABELS[state_class]) if state_class else "",
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
        template = next((t for t in self._store.templates() if t.name == name), None)
        editor = TemplateEditor(self._store, self._plan, template, self)
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
            self._store.delete_template(name)
        except Exception as error:
            self.error.show_message(str(error))
            return
        self._saved()

    def _saved(self) -> None:
        self.error.show_message(None)
        self.reload()
        self.templates_changed.emit()


# -- Mappings -----------------------------------------------------------------------------------


def _mapping_combo(choices: Iterable[tuple[str, str]], current: str | None) -> QComboBox:
    combo = QComboBox()
    combo.addItem(_tr(NOT_MAPPED), None)
    for text, value in choices:
        combo.addItem(text, value)
    index = combo.findData(current) if current is not None else 0
    if current is not None and index < 0:
        combo.addItem(translate("SettingsPage", "{name} (missing)").format(name=current), current)
        index = combo.count() - 1
    combo.setCurrentIndex(index)
    return combo


class MappingsPage(SettingsPage):
    """Konnekta activity -> template, and state -> Konnekta activity; unmapped rows stand out."""

    def __init__(
        self, settings: Settings, session: Any, store: Any, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._store = store
        self._activity_mappings = dict(settings.activity_mappings)
        self._state_mappings = dict(settings.state_mappings)
        self._tasks = BackgroundTasks(self._load_failed)
        model = getattr(session, "model", None)
        loaded = getattr(model, "activities", None) or {}
        self.activities: list[Activity] = list(loaded.values())

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
            table.verticalHeader().setVisible(False)

        self.load_button = QPushButton(translate("SettingsPage", "&Load activities from Konnekta"))
        self.load_button.setObjectName("loadActivities")
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
        templates = [(t.name, t.name) for t in self._store.templates()]
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
        states: list[State] = self._store.states()
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
        activities = await self._session.connector.api.activities()
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


# -- Calling and wrap-up ------------------------------------------------------------------------


class CallingPage(SettingsPage):
    """Calling device, wrap-up, the operator's own Konnekta user, language and start at login."""

    def __init__(self, settings: Settings, session: Any, parent: QWidget | None = None) -> None:
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
        model = getattr(session, "model", None)
        colleagues = sorted(model or [], key=lambda c: c.user.name.casefold())
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


# -- Appointments -------------------------------------------------------------------------------


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
        session: Any,
        store: Any,
        now: Callable[[], float],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._store = store
        self._now = now
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setObjectName("appointmentsTable")
        self.table.setAccessibleName(translate("SettingsPage", "Appointments"))
        self.table.setHorizontalHeaderLabels([_tr(c) for c in self.COLUMNS])
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

        model = getattr(session, "model", None)
        for colleague in sorted(model or [], key=lambda c: c.user.name.casefold()):
            self.user_combo.addItem(colleague.user.name, colleague.id)
        self.reset_times()
        self.reload_templates()
        self.reload()

    def reset_times(self) -> None:
        """Propose the next whole hour, for one hour."""
        now = datetime.fromtimestamp(self._now()).replace(minute=0, second=0, microsecond=0)
        start = now + timedelta(hours=1)
        self.start_edit.setDateTime(_to_qt(start.timestamp()))
        self.end_edit.setDateTime(_to_qt((start + timedelta(hours=1)).timestamp()))

    def reload_templates(self) -> None:
        chosen = self.template_combo.currentText()
        self.template_combo.clear()
        self.template_combo.addItems([t.name for t in self._store.templates()])
        if chosen:
            self.template_combo.setCurrentText(chosen)

    def _user_name(self, user_id: str) -> str:
        model = getattr(self._session, "model", None)
        colleague = model.get(user_id) if model is not None else None
        return colleague.user.name if colleague is not None else user_id

    def reload(self) -> None:
        appointments: list[Appointment] = self._store.appointments()
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
            self._store.save_appointment(appointment)
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
        self._store.delete_appointment(str(item.data(Qt.ItemDataRole.UserRole)))
        self.error.show_message(None)
        self.reload()
