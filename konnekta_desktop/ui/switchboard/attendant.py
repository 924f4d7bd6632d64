"""The attendant's call commands: answer, pick up, hold and resume, and the attended transfer
(ask the colleague first, then connect the two or go back to the caller).

Each acts only on what the operator sees and means (the rules of call safety): Answer takes the
call ringing at me; Pick up takes the call selected in the call list when it rings at others (a
queue's), else the ringing call of the colleague selected in the grid; Hold acts on my own call;
Ask first holds my call and calls the number in the dial bar or the selected colleague; while I
consult, Transfer connects the two and Back to caller ends the consultation. Nothing is chosen
because it happens to be the only call.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject

from ...domain.types import Call, CallState
from ..bridge import AppSession
from ..call_choice import (
    PanelCall,
    my_answered_calls,
    my_consultation,
    my_held_call,
    my_ringing_call,
    pick_up_target,
)
from ..shortcuts import key_label
from ..tasks import TaskRunner
from .call_panel import CallPanel
from .commands import CallCommands, colleague_number
from .dial_bar import DialBar
from .me_panel import MyUser
from .message_bar import MessageBar

if TYPE_CHECKING:
    from .grid_panel import GridPanel

__all__ = ["AttendantCommands"]

translate = QCoreApplication.translate


class AttendantCommands(QObject):
    """The commands; `handlers()` gives the window's actions for them."""

    def __init__(
        self,
        session: AppSession,
        tasks: TaskRunner,
        me: MyUser,
        dial_bar: DialBar,
        grid: GridPanel,
        call_panel: CallPanel,
        messages: MessageBar,
        commands: CallCommands,
    ) -> None:
        super().__init__(commands)
        self.session = session
        self.tasks = tasks
        self._me = me
        self._dial_bar, self._grid, self._call_panel = dial_bar, grid, call_panel
        self._messages = messages
        self._commands = commands
        call_panel.answer_requested.connect(self.answer)
        call_panel.pick_up_requested.connect(self.pick_up)
        call_panel.hold_requested.connect(self.hold_or_resume)
        call_panel.consult_requested.connect(self.consult)
        call_panel.go_back_requested.connect(self.go_back)
        commands.complete_consultation = self.complete
        # Calls this desktop transferred (a recall is this operator's only for those), and the
        # one that came back unanswered while I was busy, for Pick up to take.
        self._transferred: set[str] = set()
        self._recalled: str | None = None
        commands.transferred.connect(lambda call_id, _number, _who: self._transferred.add(call_id))

    def handlers(self) -> dict[str, tuple[str, Callable[[], object]]]:
        return {
            "answer": (translate("MainWindow", "&Answer"), self.answer),
            "pick_up": (translate("MainWindow", "&Pick up"), self.pick_up),
            "hold": (translate("MainWindow", "Hold or resume"), self.hold_or_resume),
            "consult": (translate("MainWindow", "As&k a colleague first"), self.consult),
            "go_back": (translate("MainWindow", "&Back to the caller"), self.go_back),
        }

    # -- what the commands act on -------------------------------------------------------------

    def _operator_id(self) -> str | None:
        operator = self._me.colleague(self.session.colleagues)
        if operator is None:
            self._messages.show_error(
                translate(
                    "MainWindow",
                    "Your own Konnekta user is not known: choose it in Settings > Calling and "
                    "wrap-up (F9).",
                )
            )
            return None
        return operator.id

    def _calls(self) -> list[PanelCall]:
        return self._call_panel.model.calls()

    def _party(self, panel: PanelCall) -> str:
        return self._call_panel.model.party(panel)

    def _my_answered(self, me: str) -> PanelCall | None:
        """My answered call that is not a consultation: the selected one if it is mine."""
        selected = self._call_panel.selected_call_id
        mine = my_answered_calls(self._calls(), me)
        chosen = [panel for panel in mine if panel.call_id == selected]
        return next(iter(chosen or mine), None)

    # -- the commands -------------------------------------------------------------------------

    def answer(self) -> None:
        self._messages.action_started()
        me = self._operator_id()
        if me is None:
            return
        panel = my_ringing_call(self._calls(), me)
        if panel is None:
            self._messages.show_error(translate("MainWindow", "No call is ringing at you."))
            return
        party = self._party(panel)
        self.tasks.run(
            self.session.answer(me, panel.call_id),
            key=f"answer:{panel.call_id}",
            on_success=lambda _r: self._messages.show_info(
                translate("MainWindow", "Answered the call from {party}.").format(party=party)
            ),
        )

    def pick_up(self) -> None:
        self._messages.action_started()
        me = self._operator_id()
        if me is None:
            return
        call_id, party = self._to_pick_up(me)
        if call_id is None:
            self._messages.show_error(
                translate(
                    "MainWindow",
                    "Select the ringing call to pick up: a queue call in the call list, or the "
                    "colleague whose phone rings.",
                )
            )
            return
        device = self._dial_bar.current_device()
        self.tasks.run(
            self.session.pick_up(me, call_id, device),
            key=f"pickup:{call_id}",
            on_success=lambda _r: self._messages.show_info(
                translate("MainWindow", "Picked up the call from {party}.").format(party=party)
            ),
        )

    def take_from_queue(self, queue: str, call_id: str) -> None:
        """Pick up the call that waited longest in `queue` (the queue panel's Take next)."""
        self._messages.action_started()
        me = self._operator_id()
        if me is None:
            return
        device = self._dial_bar.current_device()
        self.tasks.run(
            self.session.pick_up(me, call_id, device),
            key=f"pickup:{call_id}",
            on_success=lambda _r: self._messages.show_info(
                translate("MainWindow", "Took the next call waiting in {queue}.").format(
                    queue=queue
                )
            ),
        )

    def _to_pick_up(self, me: str) -> tuple[str | None, str]:
        panel = pick_up_target(self._calls(), self._call_panel.selected_call_id, me)
        if panel is not None:
            return panel.call_id, self._party(panel)
        recalled, self._recalled = self._recalled, None
        if recalled is not None and self._still_rings(recalled):
            return recalled, translate("MainWindow", "the call you transferred")
        colleague = self._grid.target_colleague()
        if colleague is None or colleague.id == me:
            return None, ""
        ringing: list[Call] = [c for c in colleague.calls.values() if c.state is CallState.RINGING]
        if not ringing:
            return None, ""
        call = ringing[0]
        return call.call_id, self._call_panel.model.number_or_name(call.caller)

    def _still_rings(self, call_id: str) -> bool:
        return any(
            call.call_id == call_id and call.state is CallState.RINGING
            for call in self.session.colleagues.active_calls()
        )

    def recall(self, call_id: str) -> None:
        """A call I transferred rang unanswered for the recall time: it comes back to me; while
        I talk in another call I am told, and Pick up takes it back."""
        if call_id not in self._transferred:
            return  # another desktop's transfer (a connector tells every desktop)
        self._transferred.discard(call_id)
        me = self._me.id
        if me is None or not self._still_rings(call_id):
            return
        busy = any(
            call.user_id == me and call.state is CallState.ANSWERED
            for call in self.session.colleagues.active_calls()
        )
        if busy:
            self._recalled = call_id
            self._messages.show_error(
                translate(
                    "MainWindow",
                    "Nobody answered the call you transferred. Pick up ({keys}) takes it back.",
                ).format(keys=key_label("pick_up"))
            )
            return
        device = self._dial_bar.current_device()
        self.tasks.run(
            self.session.pick_up(me, call_id, device),
            key=f"pickup:{call_id}",
            on_success=lambda _r: self._messages.show_info(
                translate(
                    "MainWindow", "Nobody answered the call you transferred: it is back with you."
                )
            ),
        )

    def hold_or_resume(self) -> None:
        self._messages.action_started()
        me = self._operator_id()
        if me is None:
            return
        panel = self._my_answered(me)
        if panel is None:
            self._messages.show_error(translate("MainWindow", "You have no call to hold."))
            return
        held = any(leg.user_id == me and leg.held for leg in panel.legs)
        party = self._party(panel)
        if held:
            command = self.session.resume(me, panel.call_id)
            said = translate("MainWindow", "{party} is back on the line.")
        else:
            command = self.session.hold(me, panel.call_id)
            said = translate("MainWindow", "{party} is on hold.")
        self.tasks.run(
            command,
            key=f"hold:{panel.call_id}",
            on_success=lambda _r: self._messages.show_info(said.format(party=party)),
        )

    def consult(self) -> None:
        """Hold my call and call the number in the dial bar, else the selected colleague."""
        self._messages.action_started()
        me = self._operator_id()
        if me is None:
            return
        panel = self._my_answered(me)
        if panel is None:
            self._messages.show_error(
                translate("MainWindow", "You have no call to ask a colleague about.")
            )
            return
        number, who = self._consult_whom()
        if number is None:
            return
        clear = bool(self._dial_bar.number_edit.text().strip())
        party = self._party(panel)

        def done(_call_id: object) -> None:
            if clear:
                self._dial_bar.number_edit.clear()
            self._messages.show_info(
                translate(
                    "MainWindow",
                    "{party} is on hold; calling {target}. Transfer (F4) connects them, "
                    "Back to the caller (Shift+F5) does not.",
                ).format(party=party, target=who)
            )

        self.tasks.run(
            self.session.consult(me, panel.call_id, number),
            key=f"consult:{panel.call_id}",
            on_success=done,
        )

    def _consult_whom(self) -> tuple[str | None, str]:
        typed = self._dial_bar.number_edit.text().strip()
        if typed:
            return typed, typed
        colleague = self._grid.target_colleague()
        number = colleague_number(colleague) if colleague is not None else None
        if colleague is None or number is None:
            self._messages.show_error(
                translate(
                    "MainWindow",
                    "Type the number to ask in the dial bar, or select a colleague.",
                )
            )
            return None, ""
        return number, colleague.user.name

    def consulting(self) -> tuple[str, str] | None:
        """(my id, the held call's id) while I consult a colleague; else None."""
        me = self._me.id
        found = my_consultation(self._calls(), me) if me is not None else None
        return (me, found[0]) if me is not None and found is not None else None

    def _held_by_me(self) -> tuple[str, str] | None:
        """(my id, the call I hold), as after a consultation nobody answered."""
        me = self._me.id
        held = my_held_call(self._calls(), me) if me is not None else None
        return (me, held.call_id) if me is not None and held is not None else None

    def complete(self) -> bool:
        """Connect the held caller with the colleague consulted; False when I consult nobody."""
        consulting = self.consulting()
        if consulting is None:
            return False
        me, held = consulting
        self._transferred.add(held)  # followed until the colleague answers
        self.tasks.run(
            self.session.complete_transfer(me, held),
            key=f"complete:{held}",
            on_success=lambda _r: self._messages.show_info(
                translate("MainWindow", "Connected the caller with your colleague.")
            ),
        )
        return True

    def go_back(self) -> None:
        """End the consultation (if still on) and take the held caller back; also when the
        colleague did not answer and only my held caller is left."""
        self._messages.action_started()
        consulting = self.consulting() or self._held_by_me()
        if consulting is None:
            self._messages.show_error(
                translate("MainWindow", "You are not asking a colleague about a call.")
            )
            return
        me, held = consulting
        self.tasks.run(
            self.session.go_back(me, held),
            key=f"goback:{held}",
            on_success=lambda _r: self._messages.show_info(
                translate("MainWindow", "Back with the caller.")
            ),
        )
