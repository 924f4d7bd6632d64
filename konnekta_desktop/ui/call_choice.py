"""Which call a command acts on: the calls the panel shows, and the rules for choosing one.

Qt-free, so the rules can be read and tested on their own. Hang up and Transfer act on the call
the operator selected in the call list, else on the operator's own call; never on some other
call because it happens to be the only one in the list. A call that a colleague answered is
theirs: touching it asks first (`answered_by_colleague`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..domain.types import Call, CallState, Direction

__all__ = [
    "PanelCall",
    "answered_by_colleague",
    "command_target",
    "my_answered_calls",
    "my_call",
    "my_consultation",
    "my_held_call",
    "my_ringing_call",
    "my_talking_call",
    "other_party",
    "panel_calls",
    "pick_up_target",
]


@dataclass(slots=True)
class PanelCall:
    """One call as the panel shows it: its main leg, and every leg of it that we know."""

    call: Call
    legs: tuple[Call, ...]
    mine: bool

    @property
    def call_id(self) -> str:
        return self.call.call_id


def panel_calls(calls: Iterable[Call], operator_id: str | None) -> list[PanelCall]:
    """Group legs by call; keep calls that are mine or a queue's.

    A queue call offered to several agents is one call with one leg per agent; it is shown once,
    by the leg that matters most (mine, else the answered one, else the first)."""
    live = [leg for leg in calls if leg.state is not CallState.ENDED]
    # Most calls in progress are colleagues' own: find the panel's calls before grouping legs.
    shown = {leg.call_id for leg in live if leg.queue or leg.user_id == operator_id}
    by_call: dict[str, list[Call]] = {}
    for leg in live:
        if leg.call_id in shown:
            by_call.setdefault(leg.call_id, []).append(leg)
    result: list[PanelCall] = []
    for legs in by_call.values():
        mine = [leg for leg in legs if leg.user_id == operator_id]
        answered = [leg for leg in legs if leg.state is CallState.ANSWERED]
        main = (mine or answered or legs)[0]
        result.append(PanelCall(main, tuple(legs), bool(mine)))
    # Mine first: in a panel a few rows high, the calls I act on are the ones in sight.
    result.sort(key=lambda panel: (not panel.mine, panel.call.started_at, panel.call_id))
    return result


def my_talking_call(calls: Sequence[PanelCall]) -> PanelCall | None:
    """The call I am talking in, if any."""
    for panel in calls:
        if panel.mine and panel.call.state is CallState.ANSWERED:
            return panel
    return None


def my_call(calls: Sequence[PanelCall]) -> PanelCall | None:
    """My own call: the one I talk in, else the first one ringing at me."""
    return my_talking_call(calls) or next((panel for panel in calls if panel.mine), None)


def command_target(calls: Sequence[PanelCall], selected_call_id: str | None) -> PanelCall | None:
    """The call that Hang up and Transfer act on: the selected one, else my own, else none."""
    if selected_call_id is not None:
        for panel in calls:
            if panel.call_id == selected_call_id:
                return panel
        return None
    return my_call(calls)


def answered_by_colleague(panel: PanelCall, operator_id: str | None) -> str | None:
    """The user id of the colleague who answered this call, when it is not mine."""
    if panel.mine:
        return None
    for leg in panel.legs:
        if leg.state is CallState.ANSWERED and leg.user_id != operator_id:
            return leg.user_id
    return None


def other_party(call: Call) -> str:
    """The number at the far end: who called in, or whom I called."""
    return call.caller if call.direction is Direction.INBOUND else call.called


def _my_leg(panel: PanelCall, operator_id: str | None) -> Call | None:
    return next((leg for leg in panel.legs if leg.user_id == operator_id), None)


def my_ringing_call(calls: Sequence[PanelCall], operator_id: str | None) -> PanelCall | None:
    """The first call ringing at me (what Answer takes)."""
    for panel in calls:
        leg = _my_leg(panel, operator_id)
        if leg is not None and leg.state is CallState.RINGING:
            return panel
    return None


def my_answered_calls(calls: Sequence[PanelCall], operator_id: str | None) -> list[PanelCall]:
    """The calls I talk in or hold, not counting a consultation (what Hold and Ask first take)."""
    found = []
    for panel in calls:
        leg = _my_leg(panel, operator_id)
        if leg is not None and leg.state is CallState.ANSWERED and leg.consultation_for is None:
            found.append(panel)
    return found


def my_held_call(calls: Sequence[PanelCall], operator_id: str | None) -> PanelCall | None:
    """The call I hold (as after a consultation nobody answered), if any."""
    for panel in my_answered_calls(calls, operator_id):
        leg = _my_leg(panel, operator_id)
        if leg is not None and leg.held:
            return panel
    return None


def my_consultation(
    calls: Sequence[PanelCall], operator_id: str | None
) -> tuple[str, PanelCall] | None:
    """(the held call's id, the consultation) while I consult a colleague about a held call."""
    for panel in calls:
        leg = _my_leg(panel, operator_id)
        if leg is not None and leg.consultation_for is not None:
            return leg.consultation_for, panel
    return None


def pick_up_target(
    calls: Sequence[PanelCall], selected_call_id: str | None, operator_id: str | None
) -> PanelCall | None:
    """The selected call, when it rings at someone else and not at me (a colleague's call or a
    queue's): only what the operator chose is picked up, never a call because it is alone."""
    for panel in calls:
        if panel.call_id != selected_call_id:
            continue
        ringing = all(leg.state is CallState.RINGING for leg in panel.legs)
        return panel if ringing and _my_leg(panel, operator_id) is None else None
    return None
