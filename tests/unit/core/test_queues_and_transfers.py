"""The queues in the live model, transferred calls followed until answered (the recall), the
read-back noticing a missed hold, and the log's line for a queue event."""

from __future__ import annotations

import msgspec

from konnekta_desktop.core.clock import ManualClock
from konnekta_desktop.core.connector import describe
from konnekta_desktop.core.model import LiveModel
from konnekta_desktop.core.reconcile import missed_events, rows
from konnekta_desktop.core.transfers import Transfers
from konnekta_desktop.domain import (
    Availability,
    Call,
    CallState,
    CallUpdate,
    Direction,
    QueueAgent,
    QueueStatus,
    QueueUpdate,
    User,
    UserStatus,
    WaitingCall,
)
from tests.helpers.timers import FakeTimers

ANNA = User(id="anna", username="anna@x.dk", name="Anna Holm")
BO = User(id="bo", username="bo@x.dk", name="Bo Lund")
SUPPORT = QueueStatus(
    name="Support",
    number="+4570203041",
    agents=(QueueAgent(user_id="anna", logged_in=True), QueueAgent(user_id="bo", logged_in=False)),
)


def waiting(call_id: str, since: float) -> WaitingCall:
    return WaitingCall(call_id=call_id, caller="+4512345678", waiting_since=since)


def leg(call_id: str, user_id: str, state: CallState, *, held: bool = False) -> Call:
    return Call(
        call_id=call_id,
        user_id=user_id,
        state=state,
        direction=Direction.INBOUND,
        caller="+4512345678",
        called="+4533333333",
        started_at=1000.0,
        answered_at=None if state is CallState.RINGING else 1005.0,
        held=held,
    )


def loaded(queues: list[QueueStatus] | None = None, calls: list[Call] | None = None) -> LiveModel:
    model = LiveModel()
    model.load([ANNA, BO], [], [], calls or [], queues if queues is not None else [SUPPORT])
    model.flush()
    return model


# -- queues in the model ---------------------------------------------------------------------


def test_the_queues_loaded_are_kept_in_konnektas_order_and_a_load_marks_them_changed() -> None:
    sales = QueueStatus(name="Sales", number="+4570203042")
    model = LiveModel()
    model.load([ANNA], [], [], [], [SUPPORT, sales])

    change = model.flush()

    assert change is not None
    assert change.queues_changed
    assert [queue.name for queue in model.queues()] == ["Support", "Sales"]


def test_a_queue_update_replaces_the_queue_and_is_one_change() -> None:
    model = loaded()
    now = msgspec.structs.replace(SUPPORT, waiting=(waiting("q1", 2000.0),))

    model.apply(QueueUpdate(queue=now))
    change = model.flush()

    assert change is not None
    assert change.queues_changed
    assert not change.changed
    assert not change.calls_changed
    assert model.queues() == [now]
    assert model.waiting_call("q1") == now
    assert model.waiting_call("q2") is None


def test_the_same_queue_again_changes_nothing() -> None:
    model = loaded()
    model.apply(QueueUpdate(queue=SUPPORT))
    assert model.flush() is None


def test_waiting_calls_are_kept_longest_waiting_first() -> None:
    model = loaded()
    jumbled = msgspec.structs.replace(
        SUPPORT, waiting=(waiting("late", 3000.0), waiting("early", 1000.0))
    )
    model.apply(QueueUpdate(queue=jumbled))

    (support,) = model.queues()
    assert [call.call_id for call in support.waiting] == ["early", "late"]
    assert support.longest_waiting_since() == 1000.0


def test_a_new_queue_goes_after_the_known_ones_and_replace_queues_takes_all_afresh() -> None:
    model = loaded()
    sales = QueueStatus(name="Sales", number="+4570203042")
    model.apply(QueueUpdate(queue=sales))
    assert [queue.name for queue in model.queues()] == ["Support", "Sales"]
    model.flush()

    model.replace_queues([sales])
    change = model.flush()
    assert change is not None
    assert change.queues_changed
    assert model.queues() == [sales]
    model.replace_queues([sales])
    assert model.flush() is None


def test_a_queue_event_is_one_line_in_the_log() -> None:
    now = msgspec.structs.replace(SUPPORT, waiting=(waiting("q1", 2000.0),))
    line = describe(QueueUpdate(queue=now), loaded())
    assert line == "queue Support: 1 waiting, 1 of 2 agents logged in"


# -- the read-back ---------------------------------------------------------------------------


def test_a_hold_that_no_event_told_of_is_found_by_the_read_back() -> None:
    model = loaded(calls=[leg("c1", "anna", CallState.ANSWERED)])
    before = rows(model)
    statuses = [
        UserStatus(user_id=user, activity_id=None, availability=Availability.AVAILABLE)
        for user in ("anna", "bo")
    ]
    held = leg("c1", "anna", CallState.ANSWERED, held=True)

    missed = missed_events(before, rows(model), {c.id: c for c in model}, statuses, [held])

    assert missed == [CallUpdate(call=held)]


# -- transferred calls -----------------------------------------------------------------------


class Recalls:
    def __init__(self) -> None:
        self.told: list[tuple[str, ...]] = []

    def __call__(self, call_ids: tuple[str, ...]) -> None:
        self.told.append(call_ids)


def following(model: LiveModel) -> tuple[Transfers, FakeTimers, Recalls]:
    timers, recalls = FakeTimers(), Recalls()
    transfers = Transfers(
        model, ManualClock(), recalls, recall_seconds=25.0, call_later=timers.call_later
    )
    return transfers, timers, recalls


def test_a_transferred_call_still_ringing_when_the_time_is_up_is_recalled() -> None:
    model = loaded(calls=[leg("c1", "bo", CallState.RINGING)])
    transfers, timers, recalls = following(model)

    transfers.follow("c1", "anna")
    assert [timer.seconds for timer in timers.pending()] == [25.0]
    assert transfers.following()[0].recall_at == ManualClock().now() + 25.0
    timers.fire()

    assert recalls.told == [("c1",)]
    assert transfers.following() == []


def test_a_transferred_call_the_colleague_answers_is_not_recalled() -> None:
    model = loaded(calls=[leg("c1", "bo", CallState.RINGING)])
    transfers, timers, recalls = following(model)
    transfers.follow("c1", "anna")

    model.apply(CallUpdate(call=leg("c1", "bo", CallState.ANSWERED)))
    model.flush()
    transfers.on_calls_changed()

    assert timers.pending() == []
    assert transfers.following() == []
    assert recalls.told == []


def test_a_call_answered_before_the_transfer_was_answered_is_not_followed() -> None:
    model = loaded(calls=[leg("c1", "bo", CallState.ANSWERED)])
    transfers, timers, _recalls = following(model)

    transfers.follow("c1", "anna")

    assert timers.pending() == []


def test_a_transferred_call_that_ended_unanswered_is_not_recalled() -> None:
    model = loaded(calls=[leg("c1", "bo", CallState.RINGING)])
    transfers, timers, recalls = following(model)
    transfers.follow("c1", "anna")

    model.apply(CallUpdate(call=leg("c1", "bo", CallState.ENDED)))
    model.flush()
    transfers.on_calls_changed()
    timers.fire()

    assert recalls.told == []


def test_a_call_transferred_to_a_queue_and_waiting_there_is_recalled() -> None:
    model = loaded(queues=[msgspec.structs.replace(SUPPORT, waiting=(waiting("c1", 1000.0),))])
    transfers, timers, recalls = following(model)

    transfers.follow("c1", "anna")
    timers.fire()

    assert recalls.told == [("c1",)]


def test_the_transferring_users_own_leg_does_not_count_as_answered() -> None:
    model = loaded(
        calls=[leg("c1", "anna", CallState.ANSWERED), leg("c1", "bo", CallState.RINGING)]
    )
    transfers, timers, recalls = following(model)

    transfers.follow("c1", "anna")
    transfers.on_calls_changed()
    timers.fire()

    assert recalls.told == [("c1",)]


def test_a_recall_time_of_0_follows_no_transferred_call() -> None:
    """The operator's setting "Transferred Calls Come Back After": 0 turns recalls off."""
    from konnekta_desktop.core.clock import ManualClock
    from konnekta_desktop.core.model import LiveModel
    from konnekta_desktop.core.transfers import Transfers

    told: list[tuple[str, ...]] = []
    transfers = Transfers(LiveModel(), ManualClock(), told.append, recall_seconds=0)
    transfers.follow("call-1", "user-1")
    assert transfers.following() == []
