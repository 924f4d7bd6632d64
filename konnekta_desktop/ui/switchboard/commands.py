"""The switchboard's commands: dial, hang up, transfer, forwarding and state, and the question
asked before one touches a colleague's call.

The panels say what the operator asked for; this decides what it acts on (the dial bar's number,
else the grid's target colleague; the call panel's target call) and runs it through the window's
`TaskRunner`, which shows a refusal in the message bar. The rules are in docs/architecture.md.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Concatenate

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ...core.monitoring import monitoring_number
from ...domain.colleagues import Colleague
from ...domain.numbers import NumberError
from ...domain.types import CallingDevice, LineType
from ..bridge import AppSession
from ..call_choice import PanelCall, answered_by_colleague, my_talking_call
from ..confirm import ask
from ..refusal_words import words
from ..single_instance import parse_dial_target
from ..tasks import TaskRunner
from ..texts import calling_from_text
from .call_panel import CallPanel
from .dial_bar import DialBar
from .me_panel import MyUser
from .message_bar import MessageBar

if TYPE_CHECKING:
    from .grid_panel import GridPanel

__all__ = ["CallCommands", "colleague_number"]

# The texts keep the translation context of the window they were written for: lupdate collects the
# literal calls of `translate("MainWindow", text)`.
translate = QCoreApplication.translate


def colleague_number(colleague: Colleague) -> str | None:
    """The number to call or transfer to for a colleague: the fixed line, else the mobile."""
    lines = colleague.user.lines
    fixed = [line for line in lines if line.type is LineType.FIXED]
    if fixed:
        return monitoring_number(fixed[0])
    return lines[0].number if lines else None


def _operator_action[**P, R](
    command: Callable[Concatenate[CallCommands, P], R],
) -> Callable[Concatenate[CallCommands, P], R]:
    """An action the operator started: the error an earlier one left on the message bar is
    over, so it goes before this one may say something of its own."""

    @functools.wraps(command)
    def started(self: CallCommands, /, *args: P.args, **kwargs: P.kwargs) -> R:
        self._messages.action_started()
        return command(self, *args, **kwargs)

    return started


class CallCommands(QObject):
    """The commands, over the panels they read. Its parent is the window, over which questions
    are asked."""

    forwarding_set = Signal(str)  # the user whose forwarding Konnekta took
    transferred = Signal(str, str, str)  # call id, number, to whom as shown: once it went through

    def __init__(
        self,
        session: AppSession,
        tasks: TaskRunner,
        me: MyUser,
        dial_bar: DialBar,
        grid: GridPanel,
        call_panel: CallPanel,
        messages: MessageBar,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.tasks = tasks
        self._me = me
        # What the commands act on: the dial bar's number, the grid's colleague, the call panel's
        # call; and where they report.
        self._dial_bar, self._grid, self._call_panel = dial_bar, grid, call_panel
        self._call_model = call_panel.model
        self._messages = messages
        self._question: QMessageBox | None = None
        # While I ask a colleague first, Transfer connects the two (set by the attendant's
        # commands): True when it did.
        self.complete_consultation: Callable[[], bool] = lambda: False

    # -- dialling ----------------------------------------------------------------------------------

    @_operator_action
    def dial_current(self, device: CallingDevice | None) -> None:
        """The dial bar's number if there is one, else the selected colleague."""
        number_edit = self._dial_bar.number_edit
        if number_edit.text().strip():
            self.dial_number(number_edit.text(), device, clear=True)
        else:
            self.dial_selected_colleague(device)

    def _no_colleague(self) -> None:
        typed = self._grid.filter_edit.text().strip()
        if typed and not self._grid.proxy.rowCount():
            self._messages.show_error(
                translate("MainWindow", "No colleague matches “{text}”.").format(text=typed)
            )
        else:
            self._messages.show_error(
                translate("MainWindow", "Select a colleague or type a number first.")
            )

    @_operator_action
    def dial_selected_colleague(self, device: CallingDevice | None) -> None:
        colleague = self._grid.target_colleague()
        if colleague is None:
            self._no_colleague()
            return
        self.dial_colleague(colleague, device)

    @_operator_action
    def dial_colleague(self, colleague: Colleague, device: CallingDevice | None) -> None:
        number = colleague_number(colleague)
        if number is None:
            self._messages.show_error(
                translate(
                    "MainWindow",
                    "{name} has no phone line in Konnekta, so there is nothing to dial.",
                ).format(name=colleague.user.name)
            )
            return
        self.dial_number(number, device, who=colleague.user.name)

    def dial_number(
        self, text: str, device: CallingDevice | None, *, clear: bool = False, who: str = ""
    ) -> None:
        operator = self._me.colleague(self.session.colleagues)
        if operator is None:
            self._messages.show_error(
                translate(
                    "MainWindow",
                    "Your own Konnekta user is not known, so there is no phone to call from: "
                    "choose it in Settings > Calling and wrap-up (F9).",
                )
            )
            return
        chosen = device or self._dial_bar.current_device()
        try:
            shown = self.session.plan.display(self.session.plan.normalise(text))
        except NumberError as error:
            self._messages.show_error(words(error))
            return
        target = f"{who} ({shown})" if who else shown

        def done(_call_id: object) -> None:
            if clear:
                self._dial_bar.number_edit.clear()
            self._messages.show_info(calling_from_text(chosen, target))

        self.tasks.run(self.session.dial(operator.id, text, chosen), key="dial", on_success=done)

    @_operator_action
    def dial_clipboard(self) -> None:
        text = QGuiApplication.clipboard().text().strip()
        number = parse_dial_target(text) if text else None
        if number is None:
            self._messages.show_error(
                translate(
                    "MainWindow",
                    "The clipboard holds no phone number to dial. Copy a number first.",
                )
            )
            return
        self.dial_number(number, None)

    # -- hanging up and transferring ---------------------------------------------------------------

    def _call_to_act_on(self, without: str) -> PanelCall | None:
        """The call panel's target (see `CallPanel.target`); without one, say `without`."""
        panel = self._call_panel.target()
        if panel is None:
            self._messages.show_error(without)
        return panel

    @_operator_action
    def hang_up(self) -> None:
        """Hang up the selected call, else mine; a colleague's answered call only when asked."""
        panel = self._call_to_act_on(
            translate(
                "MainWindow",
                "You have no call to hang up. To hang up another call, select it in the "
                "call list first.",
            )
        )
        if panel is None:
            return

        def hang_up() -> None:
            party = self._call_model.party(panel)
            self.tasks.run(
                self.session.hang_up(panel.call_id),
                key=f"hangup:{panel.call_id}",
                on_success=lambda _r: self._messages.show_info(
                    translate("MainWindow", "Hung up the call with {party}.").format(party=party)
                ),
            )

        colleague = answered_by_colleague(panel, self._me.id)
        if colleague is None:
            hang_up()
            return
        self.ask(
            translate("MainWindow", "Hang up a colleague's call?"),
            translate("MainWindow", "Hang up the call between {party} and {name}?").format(
                party=self._call_model.party(panel), name=self._call_model.name_of(colleague)
            ),
            translate("MainWindow", "Hang up"),
            hang_up,
        )

    @_operator_action
    def transfer(self) -> None:
        """Transfer the call to the number in the dial bar, else to the colleague on top; while
        I ask a colleague first, connect my caller with them."""
        if self.complete_consultation():
            return
        text = self._dial_bar.number_edit.text().strip()
        if text:
            self.transfer_to(text, clear=True)
            return
        colleague = self._grid.target_colleague()
        if colleague is None:
            self._messages.show_error(
                translate(
                    "MainWindow",
                    "Type the number to transfer to in the dial bar, or select a colleague.",
                )
            )
            return
        number = colleague_number(colleague)
        if number is None:
            self._messages.show_error(
                translate("MainWindow", "{name} has no phone line to transfer to.").format(
                    name=colleague.user.name
                )
            )
            return
        self.transfer_to(number, who=colleague.user.name)

    @_operator_action
    def transfer_to(self, number: str, *, clear: bool = False, who: str = "") -> None:
        """Transfer the selected call, else mine; a colleague's answered call only when asked."""
        panel = self._call_to_act_on(
            translate(
                "MainWindow",
                "You have no call to transfer. To transfer another call, select it in the "
                "call list first.",
            )
        )
        if panel is None:
            return
        target = who or self.session.plan.display(number)
        colleague = answered_by_colleague(panel, self._me.id)
        if colleague is None:
            self._transfer(panel, number, target, clear=clear)
            return
        self.ask(
            translate("MainWindow", "Transfer a colleague's call?"),
            translate(
                "MainWindow", "Transfer the call between {party} and {name} to {target}?"
            ).format(
                party=self._call_model.party(panel),
                name=self._call_model.name_of(colleague),
                target=target,
            ),
            translate("MainWindow", "Transfer"),
            lambda: self._transfer(panel, number, target, clear=clear),
        )

    def _transfer(self, panel: PanelCall, number: str, target: str, *, clear: bool) -> None:
        party = self._call_model.party(panel)

        def done(_result: object) -> None:
            if clear:
                self._dial_bar.number_edit.clear()
            self._messages.show_info(
                translate("MainWindow", "Transferred {party} to {target}.").format(
                    party=party, target=target
                )
            )
            self.transferred.emit(panel.call_id, number, target)

        self.tasks.run(
            self.session.transfer(panel.call_id, number),
            key=f"transfer:{panel.call_id}",
            on_success=done,
        )

    @_operator_action
    def activate_colleague(self, colleague: Colleague | None) -> None:
        """Enter or double-click on a colleague: during my call, offer to transfer it to them;
        otherwise dial them."""
        if colleague is None:
            self._no_colleague()
            return
        mine = my_talking_call(self._call_model.calls())
        number = colleague_number(colleague)
        if mine is None or number is None:
            self.dial_colleague(colleague, None)
            return
        name = colleague.user.name
        self.ask(
            translate("MainWindow", "Transfer my call?"),
            translate("MainWindow", "Transfer {party} to {name}?").format(
                party=self._call_model.party(mine), name=name
            ),
            translate("MainWindow", "Transfer"),
            lambda: self._transfer(mine, number, name, clear=False),
        )

    def ask(self, title: str, question: str, yes: str, then: Callable[[], None]) -> None:
        """Ask before acting: Enter answers yes, Esc no. One question at a time."""
        if self._question is not None:
            self._question.close()
        window = self.parent()
        assert isinstance(window, QWidget)
        self._question = ask(window, title, question, yes, then)
        self._question.finished.connect(lambda _result: setattr(self, "_question", None))

    @property
    def question(self) -> QMessageBox | None:
        """The question waiting for the operator's answer, if any."""
        return self._question

    # -- forwarding and state ----------------------------------------------------------------------

    @_operator_action
    def set_forwarding_of(self, user_id: str, number: str | None) -> None:
        self.tasks.run(
            self.session.set_forwarding(user_id, number),
            key=f"fwd:{user_id}",
            on_success=lambda _done: self.forwarding_set.emit(user_id),
        )

    @_operator_action
    def set_state_of(self, user_id: str, template_name: str) -> None:
        self.tasks.run(self.session.set_template(user_id, template_name), key=f"state:{user_id}")
