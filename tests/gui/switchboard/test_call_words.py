"""The attendant's call features, the call list: colleagues by name, not number; "Talking (me)"
says with whom; a ringing queue call says whether I am one of the agents it rings; a held call
and a consultation say so. Over a live model, offscreen."""

from __future__ import annotations

from konnekta_desktop.domain import Call, CallState, CallUpdate, Direction
from konnekta_desktop.domain.numbers import NumberPlan
from konnekta_desktop.ui.calls import CallColumn, CallTableModel
from tests.gui.gui_helpers import named_colleagues

ME = "p0"
CUSTOMER = "+4587654321"


def table_with(*legs: Call) -> CallTableModel:
    model = named_colleagues(
        [("Me Myself", "Front desk", "+4533000000"), ("Lone Skov", "Sales", "+4533111111")]
        + [(f"Agent {n}", "Support", f"+453322222{n}") for n in range(3)]
    )
    for leg in legs:
        model.apply(CallUpdate(call=leg))
    table = CallTableModel(model, NumberPlan(), lambda: ME, lambda: 100.0)
    table.refresh()
    return table


def leg(
    user_id: str,
    state: CallState,
    *,
    caller: str = CUSTOMER,
    called: str = "+4570203041",
    direction: Direction = Direction.INBOUND,
    **more: object,
) -> Call:
    return Call(
        call_id=str(more.pop("call_id", "c1")),
        user_id=user_id,
        state=state,
        direction=direction,
        caller=caller,
        called=called,
        started_at=10.0,
        **more,  # type: ignore[arg-type]
    )


def who(table: CallTableModel, row: int = 0) -> str:
    return str(table.index(row, CallColumn.WHO).data())


def test_a_colleague_calling_me_is_named_and_talking_says_with_whom() -> None:
    table = table_with(leg(ME, CallState.ANSWERED, caller="+4533111111"))
    assert table.index(0, CallColumn.CALLER).data() == "Lone Skov"
    assert who(table) == "Talking (me) with Lone Skov"
    outside = table_with(leg(ME, CallState.ANSWERED))
    assert who(outside) == "Talking (me) with 87 65 43 21"


def test_a_ringing_queue_call_says_whether_it_rings_at_me() -> None:
    at_me = table_with(
        *(leg(user, CallState.RINGING, queue="Support") for user in (ME, "p2", "p3"))
    )
    assert who(at_me) == "Ringing at 3 agents, me too"
    not_me = table_with(*(leg(user, CallState.RINGING, queue="Support") for user in ("p2", "p3")))
    assert who(not_me) == "Ringing at 2 agents, not me"


def test_a_held_call_and_a_consultation_say_so() -> None:
    table = table_with(
        leg(ME, CallState.ANSWERED, held=True),
        leg(
            ME,
            CallState.ANSWERED,
            call_id="c2",
            caller="+4533000000",
            called="+4533111111",
            consultation_for="c1",
            direction=Direction.OUTBOUND,
        ),
    )
    rows = {table.call_at(r).call_id: r for r in range(table.rowCount())}
    assert who(table, rows["c1"]) == "On hold (me): 87 65 43 21"
    assert who(table, rows["c2"]) == "Consulting (me): Lone Skov"
