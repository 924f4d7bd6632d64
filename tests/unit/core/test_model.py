"""The live model fed with domain updates: loading, calls, presence, users coming and going, and
one batched change per flush."""

from __future__ import annotations

import logging

import pytest

from konnekta_desktop.core.model import LiveModel
from konnekta_desktop.domain import (
    Activity,
    Availability,
    Call,
    CallerIdUpdate,
    CallState,
    CallUpdate,
    Direction,
    ForwardingUpdate,
    PbxEvent,
    Presence,
    PresenceUpdate,
    User,
    UserRemoval,
    UserStatus,
    UserUpdate,
)
from konnekta_desktop.domain.colleagues import ModelChange

# Ids deliberately out of name order, so row order (by name) and id order differ.
ALICE = User(id="u3", username="alice@example.dk", name="Alice Andersen", department="Sales")
BOB = User(id="u1", username="bob@example.dk", name="Bob Berg", department="Support")
CARL = User(id="u2", username="carl@example.dk", name="Carl Christensen", department="Sales")
ACTIVITIES = [Activity(id="act-free", name="Free"), Activity(id="act-lunch", name="Lunch")]


def leg(
    call_id: str,
    user_id: str,
    state: CallState,
    *,
    caller: str = "+4512345678",
    called: str = "+4533333333",
) -> Call:
    return Call(
        call_id=call_id,
        user_id=user_id,
        state=state,
        direction=Direction.INBOUND,
        caller=caller,
        called=called,
        started_at=1000.0,
        answered_at=1005.0 if state is not CallState.RINGING else None,
    )


def update(call_id: str, user_id: str, state: CallState) -> CallUpdate:
    return CallUpdate(call=leg(call_id, user_id, state))


class Heard:
    """A model consumer that keeps every change it is given."""

    def __init__(self, model: LiveModel) -> None:
        self.changes: list[ModelChange] = []
        model.subscribe(self.changes.append)


def snapshot(model: LiveModel) -> object:
    """Everything a consumer can read of the model, in row order."""
    rows = [
        (
            model.row_of(c.id),
            c.user,
            c.presence,
            c.diversion,
            c.caller_id,
            dict(c.calls),
        )
        for c in model
    ]
    active = sorted((call.call_id, call.user_id, call.state) for call in model.active_calls())
    return rows, active


@pytest.fixture
def model() -> LiveModel:
    """Alice, Bob and Carl loaded, with the load's reset already flushed away."""
    model = LiveModel()
    model.load(
        [BOB, CARL, ALICE],
        [
            UserStatus(
                user_id=ALICE.id,
                activity_id="act-free",
                availability=Availability.AVAILABLE,
                diversion=None,
                caller_id="+4570707070",
            ),
            UserStatus(
                user_id=BOB.id,
                activity_id="act-lunch",
                availability=Availability.UNAVAILABLE,
                diversion="+4512345678",
            ),
        ],
        ACTIVITIES,
    )
    model.flush()
    return model


# -- loading ---------------------------------------------------------------------------------


def test_load_and_flush_give_one_reset_change_and_then_nothing() -> None:
    model = LiveModel()
    heard = Heard(model)
    model.load([BOB, ALICE], [], ACTIVITIES, [leg("c1", BOB.id, CallState.ANSWERED)])

    change = model.flush()

    assert change is not None
    assert heard.changes == [change]
    assert change.reset
    assert change.calls_changed
    assert model.flush() is None  # nothing new: nobody is told again
    assert len(heard.changes) == 1


def test_load_sets_statuses_activities_and_calls_in_progress() -> None:
    model = LiveModel()
    ringing = leg("c1", ALICE.id, CallState.RINGING)
    model.load(
        [BOB, ALICE],
        [
            UserStatus(
                user_id=BOB.id,
                activity_id="act-lunch",
                availability=Availability.UNAVAILABLE,
                diversion="+4512345678",
                caller_id="+4570707070",
            ),
            UserStatus(user_id="ghost", activity_id=None, availability=Availability.AVAILABLE),
        ],
        ACTIVITIES,
        [
            ringing,
            leg("c2", BOB.id, CallState.ENDED),  # already over: not kept
            leg("c3", "ghost", CallState.ANSWERED),  # nobody we know: not kept
        ],
    )

    bob = model.get(BOB.id)
    assert bob is not None
    assert bob.presence == Presence(activity_id="act-lunch", availability=Availability.UNAVAILABLE)
    assert (bob.diversion, bob.caller_id) == ("+4512345678", "+4570707070")
    assert bob.calls == {}
    assert model.get(ALICE.id).calls == {"c1": ringing}  # type: ignore[union-attr]
    assert model.active_calls() == [ringing]
    assert "ghost" not in model
    assert len(model) == 2
    assert model.activity_name("act-lunch") == "Lunch"
    assert model.activity_name("act-gone") == "act-gone"  # unknown activity: shown by its id
    assert model.activity_name(None) == ""


def test_a_second_load_replaces_users_and_calls(model: LiveModel) -> None:
    model.apply(update("c1", CARL.id, CallState.ANSWERED))
    model.flush()

    model.load([ALICE], [], ACTIVITIES)

    assert [c.id for c in model] == [ALICE.id]
    assert model.active_calls() == []
    assert CARL.id not in model
    change = model.flush()
    assert change is not None
    assert change.reset


def test_rows_are_in_name_order_and_row_of_and_at_agree(model: LiveModel) -> None:
    assert [c.user.name for c in model] == ["Alice Andersen", "Bob Berg", "Carl Christensen"]
    for row, colleague in enumerate(model):
        assert model.row_of(colleague.id) == row
        assert model.at(row) is colleague
    assert model.row_of("ghost") is None


def test_rows_follow_a_danish_phone_list_ignoring_case_and_accents() -> None:
    names = [
        "Øjvind Ølund",
        "anna Berg",
        "Åse Ågaard",
        "Zack Zeuthen",
        "Ærø Hansen",
        "Émile Dupont",
    ]
    model = LiveModel()
    model.load([User(id=f"u{i}", username=f"u{i}", name=n) for i, n in enumerate(names)], [], [])

    assert [c.user.name for c in model] == [
        "anna Berg",
        "Émile Dupont",
        "Zack Zeuthen",
        "Ærø Hansen",
        "Øjvind Ølund",
        "Åse Ågaard",
    ]


# -- calls -----------------------------------------------------------------------------------


def test_a_call_leg_rings_is_answered_and_ends(model: LiveModel) -> None:
    heard = Heard(model)
    carl = model.get(CARL.id)
    assert carl is not None

    ringing = update("c1", CARL.id, CallState.RINGING)
    model.apply(ringing)
    change = model.flush()
    assert change is not None
    assert (change.reset, change.changed, change.calls_changed) == (False, {CARL.id}, True)
    assert change.ended_calls == []
    assert carl.calls == {"c1": ringing.call}
    assert model.active_calls() == [ringing.call]

    answered = update("c1", CARL.id, CallState.ANSWERED)
    model.apply(answered)
    change = model.flush()
    assert change is not None
    assert change.changed == {CARL.id}
    assert carl.calls == {"c1": answered.call}  # the same leg, now answered: not a second one
    assert model.active_calls() == [answered.call]

    ended = update("c1", CARL.id, CallState.ENDED)
    model.apply(ended)
    change = model.flush()
    assert change is not None
    assert change.changed == {CARL.id}
    assert change.calls_changed
    assert change.ended_calls == [ended.call]  # handed on (for the store) as it leaves
    assert carl.calls == {}
    assert model.active_calls() == []
    assert len(heard.changes) == 3


def test_legs_of_one_call_belong_to_each_user_and_end_separately(model: LiveModel) -> None:
    """A call offered to two users has a leg for each, sharing the call id."""
    model.apply(update("c1", ALICE.id, CallState.RINGING))
    model.apply(update("c1", BOB.id, CallState.RINGING))
    model.apply(update("c2", BOB.id, CallState.ANSWERED))
    assert sorted((c.call_id, c.user_id) for c in model.active_calls()) == sorted(
        [("c1", ALICE.id), ("c1", BOB.id), ("c2", BOB.id)]
    )

    model.apply(update("c1", ALICE.id, CallState.ENDED))

    assert model.get(ALICE.id).calls == {}  # type: ignore[union-attr]
    assert set(model.get(BOB.id).calls) == {"c1", "c2"}  # type: ignore[union-attr]
    assert sorted((c.call_id, c.user_id) for c in model.active_calls()) == [
        ("c1", BOB.id),
        ("c2", BOB.id),
    ]


def test_a_user_with_two_calls_stays_on_a_call_until_both_end(model: LiveModel) -> None:
    model.apply(update("c1", BOB.id, CallState.ANSWERED))
    model.apply(update("c2", BOB.id, CallState.RINGING))
    model.apply(update("c1", BOB.id, CallState.ENDED))

    assert [c.call_id for c in model.active_calls()] == ["c2"]

    model.apply(update("c2", BOB.id, CallState.ENDED))
    assert model.active_calls() == []


def test_several_updates_between_flushes_give_one_change_with_every_changed_user(
    model: LiveModel,
) -> None:
    heard = Heard(model)
    model.apply_all(
        [
            update("c1", ALICE.id, CallState.RINGING),
            PresenceUpdate(
                user_id=BOB.id, activity_id="act-free", availability=Availability.AVAILABLE
            ),
            update("c1", ALICE.id, CallState.ANSWERED),
            ForwardingUpdate(user_id=CARL.id, number="+4512345678"),
        ]
    )

    change = model.flush()

    assert heard.changes == [change]
    assert change is not None
    assert change.changed == {ALICE.id, BOB.id, CARL.id}
    assert change.calls_changed
    assert not change.reset
    assert change.events == 4
    assert model.flush() is None
    assert len(heard.changes) == 1


# -- presence, forwarding, caller ID ---------------------------------------------------------


def test_presence_update_sets_activity_and_availability(model: LiveModel) -> None:
    model.apply(
        PresenceUpdate(
            user_id=ALICE.id, activity_id="act-lunch", availability=Availability.UNAVAILABLE
        )
    )
    change = model.flush()

    assert change is not None
    assert change.changed == {ALICE.id}
    assert not change.calls_changed
    assert model.get(ALICE.id).presence == Presence(  # type: ignore[union-attr]
        activity_id="act-lunch", availability=Availability.UNAVAILABLE
    )


def test_forwarding_update_sets_and_clears_the_diversion(model: LiveModel) -> None:
    carl = model.get(CARL.id)
    assert carl is not None

    model.apply(ForwardingUpdate(user_id=CARL.id, number="+4512345678"))
    change = model.flush()
    assert change is not None
    assert change.changed == {CARL.id}
    assert carl.diversion == "+4512345678"

    model.apply(ForwardingUpdate(user_id=CARL.id, number=None))
    change = model.flush()
    assert change is not None
    assert change.changed == {CARL.id}
    assert carl.diversion is None


def test_caller_id_update_sets_the_caller_id(model: LiveModel) -> None:
    model.apply(CallerIdUpdate(user_id=BOB.id, number="+4533333333"))
    change = model.flush()

    assert change is not None
    assert change.changed == {BOB.id}
    assert model.get(BOB.id).caller_id == "+4533333333"  # type: ignore[union-attr]
    assert model.get(ALICE.id).caller_id == "+4570707070"  # type: ignore[union-attr]


# -- users coming, changing and going --------------------------------------------------------


def test_a_new_user_is_added_in_name_order_with_a_reset(model: LiveModel) -> None:
    bente = User(id="u9", username="bente@example.dk", name="Bente Bak")
    model.apply(UserUpdate(user=bente))
    change = model.flush()

    assert change is not None
    assert change.reset
    assert change.added == {"u9"}
    assert [c.user.name for c in model] == [
        "Alice Andersen",
        "Bente Bak",
        "Bob Berg",
        "Carl Christensen",
    ]
    assert model.row_of("u9") == 1
    assert model.at(1).user is bente
    assert model.row_of(BOB.id) == 2  # the rows after the new one moved down
    assert model.at(2).id == BOB.id
    assert len(model) == 4


def test_a_renamed_user_moves_to_their_new_row_with_a_reset(model: LiveModel) -> None:
    renamed = User(id=ALICE.id, username=ALICE.username, name="Zelda Andersen")
    model.apply(UserUpdate(user=renamed))
    change = model.flush()

    assert change is not None
    assert change.reset
    assert ALICE.id in change.changed
    assert change.added == set()
    assert [c.id for c in model] == [BOB.id, CARL.id, ALICE.id]
    assert model.row_of(ALICE.id) == 2
    assert model.at(2).user is renamed


def test_a_user_changed_without_a_rename_keeps_their_row_without_a_reset(
    model: LiveModel,
) -> None:
    moved = User(id=BOB.id, username=BOB.username, name=BOB.name, department="Accounts")
    model.apply(UserUpdate(user=moved))
    change = model.flush()

    assert change is not None
    assert not change.reset
    assert change.changed == {BOB.id}
    assert change.added == set()
    assert model.row_of(BOB.id) == 1
    assert model.get(BOB.id).user.department == "Accounts"  # type: ignore[union-attr]
    # Live state is kept: only the user record was replaced.
    assert model.get(BOB.id).diversion == "+4512345678"  # type: ignore[union-attr]


def test_a_removed_user_leaves_with_their_calls_and_a_reset(model: LiveModel) -> None:
    model.apply(update("c1", BOB.id, CallState.ANSWERED))
    model.apply(update("c2", CARL.id, CallState.RINGING))
    model.flush()

    model.apply(UserRemoval(user_id=BOB.id))
    change = model.flush()

    assert change is not None
    assert change.reset
    assert change.removed == {BOB.id}
    assert change.calls_changed
    assert BOB.id not in model
    assert model.get(BOB.id) is None
    assert model.row_of(BOB.id) is None
    assert [c.id for c in model] == [ALICE.id, CARL.id]
    assert model.row_of(CARL.id) == 1
    assert [(c.call_id, c.user_id) for c in model.active_calls()] == [("c2", CARL.id)]
    # Bob's call in progress ended with him, handed on for the call history.
    assert [(c.call_id, c.user_id, c.state) for c in change.ended_calls] == [
        ("c1", BOB.id, CallState.ENDED)
    ]


def test_a_reload_hands_on_the_calls_that_ended_before_it(model: LiveModel) -> None:
    model.apply(update("c1", BOB.id, CallState.ANSWERED))
    model.flush()
    model.apply(update("c1", BOB.id, CallState.ENDED))

    model.load([ALICE, BOB, CARL], [], ACTIVITIES)  # a reconnect, before the batch was flushed
    change = model.flush()

    assert change is not None
    assert change.reset
    assert [(c.call_id, c.state) for c in change.ended_calls] == [("c1", CallState.ENDED)]


def test_removing_an_unknown_user_changes_nothing(model: LiveModel) -> None:
    before = snapshot(model)
    model.apply(UserRemoval(user_id="ghost"))

    assert model.flush() is None
    assert snapshot(model) == before


# -- unknown users and lookups ---------------------------------------------------------------


@pytest.mark.parametrize(
    "event",
    [
        update("c1", "ghost", CallState.RINGING),
        PresenceUpdate(
            user_id="ghost", activity_id="act-free", availability=Availability.AVAILABLE
        ),
        ForwardingUpdate(user_id="ghost", number="+4512345678"),
        CallerIdUpdate(user_id="ghost", number="+4512345678"),
    ],
    ids=lambda event: type(event).__name__,
)
def test_an_update_for_an_unknown_user_is_logged_and_skipped(
    model: LiveModel, event: PbxEvent, caplog: pytest.LogCaptureFixture
) -> None:
    heard = Heard(model)
    before = snapshot(model)

    with caplog.at_level(logging.INFO, logger="konnekta_desktop.core.model"):
        model.apply(event)

    assert snapshot(model) == before
    assert "ghost" not in model
    assert model.flush() is None  # nothing for consumers
    assert heard.changes == []
    skipped = [r for r in caplog.records if r.name == "konnekta_desktop.core.model"]
    assert len(skipped) == 1
    assert "ghost" in skipped[0].getMessage()
    assert type(event).__name__ in skipped[0].getMessage()


def test_by_username_ignores_case_and_also_takes_the_id(model: LiveModel) -> None:
    assert model.by_username("ALICE@Example.DK") is model.get(ALICE.id)
    assert model.by_username("bob@example.dk") is model.get(BOB.id)
    assert model.by_username(CARL.id) is model.get(CARL.id)
    assert model.by_username("dora@example.dk") is None


# -- the same update twice -------------------------------------------------------------------

TWICE: list[PbxEvent] = [
    update("c1", ALICE.id, CallState.RINGING),
    update("c1", ALICE.id, CallState.ANSWERED),
    update("c9", CARL.id, CallState.ENDED),
    PresenceUpdate(user_id=BOB.id, activity_id="act-free", availability=Availability.AVAILABLE),
    ForwardingUpdate(user_id=ALICE.id, number="+4512345678"),
    ForwardingUpdate(user_id=BOB.id, number=None),
    CallerIdUpdate(user_id=CARL.id, number="+4533333333"),
    UserUpdate(user=User(id="u9", username="bente@example.dk", name="Bente Bak")),
    UserUpdate(user=User(id=ALICE.id, username=ALICE.username, name="Zelda Andersen")),
    UserUpdate(user=User(id=BOB.id, username=BOB.username, name=BOB.name, department="IT")),
    UserRemoval(user_id=CARL.id),
]


@pytest.mark.parametrize("event", TWICE, ids=lambda event: type(event).__name__)
def test_the_same_update_twice_changes_nothing_the_second_time(
    model: LiveModel, event: PbxEvent
) -> None:
    model.apply(update("c9", CARL.id, CallState.ANSWERED))  # something for the end to end
    model.flush()

    model.apply(event)
    model.flush()
    after_once = snapshot(model)

    model.apply(event)
    second = model.flush()

    assert snapshot(model) == after_once
    if second is not None:  # a consumer may be told again, but never to reload or re-add
        assert not second.reset
        assert second.added == set()
        assert second.removed == set()


# -- consumers ---------------------------------------------------------------------------------


def test_a_failing_consumer_is_logged_and_the_others_still_hear(
    model: LiveModel, caplog: pytest.LogCaptureFixture
) -> None:
    def fails(change: ModelChange) -> None:
        raise RuntimeError("boom")

    model.subscribe(fails)
    heard = Heard(model)
    model.apply(CallerIdUpdate(user_id=BOB.id, number="+4533333333"))

    with caplog.at_level(logging.ERROR, logger="konnekta_desktop.core.model"):
        change = model.flush()

    assert heard.changes == [change]
    assert any(r.exc_info for r in caplog.records)


def test_an_unsubscribed_consumer_hears_nothing_more(model: LiveModel) -> None:
    heard: list[ModelChange] = []
    unsubscribe = model.subscribe(heard.append)
    model.apply(CallerIdUpdate(user_id=BOB.id, number="+4533333333"))
    model.flush()
    unsubscribe()
    model.apply(CallerIdUpdate(user_id=BOB.id, number="+4570707070"))
    model.flush()

    assert len(heard) == 1
