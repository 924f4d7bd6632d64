"""Me: the operator's own Konnekta user, their state, caller ID and forwarding.

Who I am is kept in a `MyUser` holder that the call model and the call commands read too. Setting
a state or a forwarding is asked for by signal (`state_requested`, `forwarding_requested`): the
grid's menu does the same for colleagues, and the call commands run both.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from ...domain.colleagues import Colleague
from ...domain.interface import Colleagues
from ...domain.states import StateClass
from ...domain.types import Right
from ..bridge import AppSession
from ..icons import availability_icon
from ..state_names import shown_name
from ..tasks import TaskRunner

__all__ = ["MePanel", "MyUser"]

# The texts keep the translation context of the window they were written for: lupdate collects the
# literal calls of `translate("MainWindow", text)`.
translate = QCoreApplication.translate


@dataclass(slots=True)
class MyUser:
    """The operator's own user id, as the window last found it.

    Shared with the call model through this plain holder, not a reference to the window: a child
    model holding its window in a cycle let the garbage collector free the window while Qt was
    still delivering one of its timer events (a crash in the GUI tests)."""

    id: str | None = None

    def get(self) -> str | None:
        return self.id

    def colleague(self, model: Colleagues) -> Colleague | None:
        """My own entry in the model, if I am known."""
        if self.id is None:
            return None
        return model.get(self.id)


class MePanel(QGroupBox):
    state_requested = Signal(str, str)  # user id, template name
    forwarding_requested = Signal(str, object)  # user id, number (None clears)

    def __init__(
        self,
        session: AppSession,
        tasks: TaskRunner,
        me: MyUser,
        show_error: Callable[[str], None],
        show_info: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(translate("MainWindow", "Me"), parent)
        self.session = session
        self.tasks = tasks
        self._me = me
        self._show_error = show_error
        self._show_info = show_info
        layout = QGridLayout(self)
        self.my_state_dot = QLabel()
        self.my_state_label = QLabel()
        self.my_state_label.setAccessibleName(translate("MainWindow", "My current state"))
        self.state_combo = QComboBox()
        self.state_combo.setAccessibleName(translate("MainWindow", "My state"))
        self.state_combo.setToolTip(translate("MainWindow", "Set my state from a template (F6)"))
        self.state_combo.activated.connect(self._state_chosen)
        self.caller_id_combo = QComboBox()
        self.caller_id_combo.setAccessibleName(translate("MainWindow", "My caller ID"))
        self.caller_id_combo.activated.connect(self._caller_id_chosen)
        self.forward_edit = QLineEdit()
        self.forward_edit.setPlaceholderText(translate("MainWindow", "Forward my calls to…"))
        self.forward_edit.setAccessibleName(translate("MainWindow", "My forwarding number"))
        self.forward_edit.returnPressed.connect(self.set_my_forwarding)
        self.forward_set_button = QPushButton(translate("MainWindow", "F&orward"))
        self.forward_set_button.setAccessibleName(translate("MainWindow", "Set my forwarding"))
        self.forward_set_button.setToolTip(
            translate("MainWindow", "Forward my calls to the number typed beside it (F7)")
        )
        self.forward_set_button.clicked.connect(self.set_my_forwarding)
        self.forward_clear_button = QPushButton(translate("MainWindow", "Clea&r"))
        self.forward_clear_button.setAccessibleName(translate("MainWindow", "Clear my forwarding"))
        self.forward_clear_button.setToolTip(
            translate("MainWindow", "Stop forwarding my calls: they ring at my phones again")
        )
        self.forward_clear_button.clicked.connect(self.clear_my_forwarding)
        self.my_forwarding_label = QLabel()
        self.my_forwarding_label.setAccessibleName(translate("MainWindow", "My forwarding now"))

        # Texts that change (my state, my forwarding) and lists that load (states, caller IDs)
        # never change the panel's size: the panels beside it and the grid below stay put.
        for label in (self.my_state_label, self.my_forwarding_label):
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            label.setMinimumWidth(80)
        for combo in (self.state_combo, self.caller_id_combo):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(16)

        state_row = QHBoxLayout()
        state_row.addWidget(self.my_state_dot)
        state_row.addWidget(self.my_state_label, 1)
        layout.addWidget(_buddy(translate("MainWindow", "&State:"), self.state_combo), 0, 0)
        layout.addLayout(state_row, 0, 1)
        layout.addWidget(self.state_combo, 0, 2)
        layout.addWidget(_buddy(translate("MainWindow", "Caller &ID:"), self.caller_id_combo), 0, 3)
        layout.addWidget(self.caller_id_combo, 0, 4, 1, 2)
        layout.addWidget(_buddy(translate("MainWindow", "Forwardin&g:"), self.forward_edit), 1, 0)
        layout.addWidget(self.my_forwarding_label, 1, 1)
        layout.addWidget(self.forward_edit, 1, 2, 1, 2)
        layout.addWidget(self.forward_set_button, 1, 4)
        layout.addWidget(self.forward_clear_button, 1, 5)
        layout.setColumnStretch(1, 1)
        layout.setColumnStretch(2, 1)

    @property
    def operator(self) -> Colleague | None:
        return self._me.colleague(self.session.colleagues)

    # -- following who I am and my state -----------------------------------------------------------

    def refresh_operator(self) -> bool:
        """Find who I am again and show my entry; True when that is someone else than before."""
        operator = self.session.operator
        changed = (operator.id if operator else None) != self._me.id
        self._me.id = operator.id if operator else None
        if operator is None:
            self.setTitle(self._me_missing_text())
        else:
            self.setTitle(translate("MainWindow", "Me: {name}").format(name=operator.user.name))
        for widget in (
            self.state_combo,
            self.forward_edit,
            self.forward_set_button,
            self.forward_clear_button,
        ):
            widget.setEnabled(operator is not None)
        self._fill_templates()
        self.refresh_my_state()
        self._refresh_my_forwarding()
        self._refresh_caller_id_rights()
        return changed

    def _me_missing_text(self) -> str:
        wanted = self.session.operator_user
        if not wanted:
            return translate(
                "MainWindow", "Me (choose your Konnekta user in Settings > Calling and wrap-up)"
            )
        if len(self.session.colleagues) == 0:
            return translate("MainWindow", "Me ({user}, once connected)").format(user=wanted)
        return translate(
            "MainWindow", "Me ({user} is not in Konnekta: check Settings > Calling and wrap-up)"
        ).format(user=wanted)

    def _fill_templates(self) -> None:
        names = [template.name for template in self.session.templates()]
        current = [self.state_combo.itemData(i) for i in range(self.state_combo.count())]
        if names != current:
            self.state_combo.clear()
            for name in names:
                self.state_combo.addItem(shown_name(name), name)

    def refresh_my_state(self) -> None:
        if self._me.id is None:
            self.my_state_label.setText("")
            self.my_state_dot.clear()
            return
        shown = self.session.shown_state(self._me.id)
        text = shown_name(shown.label)
        if not shown.available and self._is_free_state(shown.label):
            # The dot follows Konnekta, which keeps me red through a call and its wrap-up: say
            # that, and the state that follows it, rather than "Available" beside a red dot.
            text = translate("MainWindow", "In a call or wrap-up, then {state}").format(state=text)
        self.my_state_label.setText(text)
        self.my_state_label.setToolTip(text)
        self.my_state_dot.setPixmap(availability_icon(shown.available).pixmap(14, 14))
        self.my_state_dot.setToolTip(
            translate("MainWindow", "Available in Konnekta")
            if shown.available
            else translate("MainWindow", "Unavailable in Konnekta")
        )
        index = self.state_combo.findData(shown.label)
        if index >= 0:
            self.state_combo.setCurrentIndex(index)

    def _is_free_state(self, name: str) -> bool:
        return any(
            state.name == name and state.state_class is StateClass.FREE
            for state in self.session.states()
        )

    def _refresh_my_forwarding(self) -> None:
        operator = self.operator
        diversion = operator.diversion if operator else None
        self.my_forwarding_label.setText(
            self.session.plan.display(diversion) if diversion else translate("MainWindow", "off")
        )
        self.forward_clear_button.setEnabled(bool(diversion))
        if operator is not None:
            self._select_caller_id(operator.caller_id)

    # -- caller ID ---------------------------------------------------------------------------------

    def _refresh_caller_id_rights(self) -> None:
        operator = self.operator
        if operator is None:
            self.caller_id_combo.setEnabled(False)
            self.caller_id_combo.setToolTip(
                translate(
                    "MainWindow",
                    "Choose your Konnekta user in Settings > Calling and wrap-up first",
                )
            )
        elif Right.SET_CALLER_ID not in operator.user.rights:
            self.caller_id_combo.setEnabled(False)
            self.caller_id_combo.setToolTip(
                translate(
                    "MainWindow",
                    "You lack the Set Caller ID right in Konnekta, so your caller ID cannot be "
                    "changed here. An administrator can grant it.",
                )
            )
        else:
            self.caller_id_combo.setEnabled(self.caller_id_combo.count() > 0)
            self.caller_id_combo.setToolTip(
                translate("MainWindow", "The number people see when I call them (F8)")
            )

    def load_caller_ids(self) -> None:
        operator = self.operator
        if operator is None:
            return

        async def load() -> None:
            ids = await self.session.caller_ids(operator.id)
            self.caller_id_combo.clear()
            for number in ids.valid:
                self.caller_id_combo.addItem(self._caller_id_text(operator, number), number)
            self._select_caller_id(ids.current)
            self._refresh_caller_id_rights()

        self.tasks.run(load(), key="caller_ids")

    def _caller_id_text(self, operator: Colleague, number: str) -> str:
        """The number as shown, and whose it is: mine, or a queue's (the company's main
        number is its first queue's)."""
        shown = self.session.plan.display(number)
        if any(line.number == number for line in operator.user.lines):
            return translate("MainWindow", "{number} (my number)").format(number=shown)
        queue = next((q for q in self.session.queues() if q.number == number), None)
        if queue is not None:
            return translate("MainWindow", "{number} ({queue})").format(
                number=shown, queue=queue.name
            )
        return shown

    def _select_caller_id(self, number: str | None) -> None:
        plan = self.session.plan
        for index in range(self.caller_id_combo.count()):
            if number and plan.same(self.caller_id_combo.itemData(index), number):
                self.caller_id_combo.setCurrentIndex(index)
                return

    def _caller_id_chosen(self, index: int) -> None:
        number = self.caller_id_combo.itemData(index)
        operator = self.operator
        if operator is None or not number:
            return
        self.tasks.run(
            self.session.set_caller_id(operator.id, number),
            key="caller_id",
            on_success=lambda _r: self._show_info(
                translate("MainWindow", "My caller ID is now {number}.").format(
                    number=self.session.plan.display(number)
                )
            ),
        )

    # -- my state and forwarding -------------------------------------------------------------------

    def _state_chosen(self, index: int) -> None:
        self.set_my_template(str(self.state_combo.itemData(index)))

    def set_my_template(self, name: str) -> None:
        operator = self.operator
        if operator is None:
            self._show_error(
                translate(
                    "MainWindow",
                    "Choose your own Konnekta user in Settings > Calling and wrap-up (F9) to "
                    "change your state.",
                )
            )
            return
        self.state_requested.emit(operator.id, name)

    def set_my_forwarding(self) -> None:
        operator = self.operator
        text = self.forward_edit.text().strip()
        if operator is None:
            self._show_error(
                translate(
                    "MainWindow",
                    "Choose your own Konnekta user in Settings > Calling and wrap-up (F9) to "
                    "forward your calls.",
                )
            )
            return
        if not text:
            self._show_error(
                translate("MainWindow", "Type the number to forward your calls to, then Forward.")
            )
            self.forward_edit.setFocus()
            return
        # The number stays in the field until Konnekta has it (`forwarding_done`): a refusal
        # must not cost the operator what they typed.
        self.forwarding_requested.emit(operator.id, text)

    def forwarding_done(self, user_id: str) -> None:
        """A forwarding was set: the typed number did its work if it was mine."""
        operator = self.operator
        if operator is not None and operator.id == user_id:
            self.forward_edit.clear()

    def clear_my_forwarding(self) -> None:
        operator = self.operator
        if operator is not None:
            self.forwarding_requested.emit(operator.id, None)

    # -- focus -------------------------------------------------------------------------------------

    def focus_state(self) -> None:
        self.state_combo.setFocus()
        self.state_combo.showPopup()

    def focus_forwarding(self) -> None:
        self.forward_edit.setFocus()

    def focus_caller_id(self) -> None:
        self.caller_id_combo.setFocus()
        if self.caller_id_combo.isEnabled():
            self.caller_id_combo.showPopup()
        else:
            self._show_error(self.caller_id_combo.toolTip())


def _buddy(text: str, control: QWidget) -> QLabel:
    """A label whose mnemonic (Alt+letter) goes to `control`, and which screen readers tie to it."""
    label = QLabel(text)
    label.setBuddy(control)
    return label
