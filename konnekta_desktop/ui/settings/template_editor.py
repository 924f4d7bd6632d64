"""The dialog that adds or changes one template (and the class of its state), opened from the
States and sync tab; it saves to the store on OK.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...domain.numbers import NumberError, NumberPlan
from ...domain.refusals import WentWrong
from ...domain.states import State, StateClass, Template
from ..refusal_words import words
from .common import FieldMessage
from .drafts import Lists
from .page import translate, translated

__all__ = ["STATE_CLASS_LABELS", "TemplateEditor"]

STATE_CLASS_LABELS: Final[dict[StateClass, str]] = {
    StateClass.FREE: str(QT_TRANSLATE_NOOP("SettingsPage", "Free (available)")),
    StateClass.TENTATIVE: str(QT_TRANSLATE_NOOP("SettingsPage", "Tentative")),
    StateClass.BUSY: str(QT_TRANSLATE_NOOP("SettingsPage", "Busy")),
    StateClass.OUT_OF_OFFICE: str(QT_TRANSLATE_NOOP("SettingsPage", "Out of office")),
    StateClass.WORKING_ELSEWHERE: str(QT_TRANSLATE_NOOP("SettingsPage", "Working elsewhere")),
}


def _number_or_none(plan: NumberPlan, text: str) -> str | None:
    text = text.strip()
    return plan.normalise(text) if text else None


class TemplateEditor(QDialog):
    """Add or change one template (and the class of its state); saves to the store on OK."""

    def __init__(
        self,
        session: Lists,
        template: Template | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        plan = session.plan
        self._original = template
        self.setWindowTitle(
            translate("SettingsPage", "Edit template")
            if template
            else translate("SettingsPage", "New template")
        )
        states = {state.name: state for state in session.states()}
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
            self.class_combo.addItem(translated(label), state_class.value)
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
            caller_id = _number_or_none(self._session.plan, self.caller_id_edit.text())
        except NumberError as error:
            raise ValueError(
                translate("SettingsPage", "Caller ID: {reason}").format(reason=error)
            ) from None
        try:
            forwarding = _number_or_none(self._session.plan, self.forwarding_edit.text())
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
                self._session.save_state(State(template.state, state_class))
            renamed_from = self._original.name if self._original is not None else None
            self._session.save_template(template, renamed_from=renamed_from)
        except WentWrong as error:  # a name taken, a state missing: said in the operator's words
            self.error.show_message(words(error.why))
            return
        except ValueError as error:  # a template's own check (a duration of zero, say)
            self.error.show_message(str(error))
            return
        super().accept()
