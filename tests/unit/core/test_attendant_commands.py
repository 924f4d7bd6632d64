"""The attendant's call commands and queue logins at the gate: each acts on the user's own leg of
the call, on a line that allows call control, and Konnekta's refusals come back as codes."""

from __future__ import annotations

from types import SimpleNamespace

import msgspec
import pytest

from konnekta_desktop.core.commands import Commands
from konnekta_desktop.core.model import LiveModel
from konnekta_desktop.domain import (
    CallingDevice,
    CallState,
    CallUpdate,
    QueueStatus,
    QueueUpdate,
    User,
    WaitingCall,
)
from konnekta_desktop.domain.numbers import NumberError, NumberPlan
from konnekta_desktop.domain.refusals import Reason, Refused, why
from konnekta_desktop.konnekta.errors import Forbidden
from tests.helpers.fake_smg import FakeSmg
from tests.unit.core.test_commands import ALICE, BOB, DORA, MONA, leg, refusal


@pytest.fixture
def model() -> LiveModel:
    model = LiveModel()
    model.load([ALICE, BOB, DORA, MONA], [], [])
    model.flush()
    return model


@pytest.fixture
def api() -> FakeSmg:
    return FakeSmg()


@pytest.fixture
def commands(api: FakeSmg, model: LiveModel) -> Commands:
    plan = NumberPlan(international_prefix="00", international_code="45")
    return Commands(SimpleNamespace(api=api, plan=plan), model)


def ringing(call_id: str, user: User, number: str) -> CallUpdate:
    """A leg of `user` ringing on their line `number`."""
    answered = leg(call_id, user, number)
    return CallUpdate(call=msgspec.structs.replace(answered, state=CallState.RINGING))


async def test_hold_resume_answer_complete_and_go_back_act_on_the_users_leg(
    commands: Commands, api: FakeSmg, model: LiveModel
) -> None:
    model.apply(CallUpdate(call=leg("c1", ALICE, "111")))

    await commands.hold("alice", "c1")
    await commands.resume("alice", "c1")
    await commands.answer("alice", "c1")
    await commands.complete_transfer("alice", "c1")
    await commands.go_back("alice", "c1")

    assert api.requests == [
        ("hold", "alice", "c1"),
        ("resume", "alice", "c1"),
        ("answer", "alice", "c1"),
        ("complete_transfer", "alice", "c1"),
        ("go_back", "alice", "c1"),
    ]


async def test_consult_sends_the_normalised_number_and_answers_the_consultations_id(
    commands: Commands, api: FakeSmg, model: LiveModel
) -> None:
    model.apply(CallUpdate(call=leg("c1", ALICE, "111")))

    consultation = await commands.consult("alice", "c1", "44 44 44 44")

    assert consultation == "consultation-1"
    assert api.requests == [("consult", "alice", "c1", "+4544444444")]
    refused = await refusal(commands.consult("alice", "c1", "the boss"))
    assert refused == NumberError(Reason.NUMBER_NOT_A_NUMBER, text="the boss")
    assert len(api.requests) == 1


@pytest.mark.parametrize("command", ["hold", "resume", "answer", "complete_transfer", "go_back"])
async def test_a_call_command_is_refused_by_the_rules_and_nothing_is_sent(
    commands: Commands, api: FakeSmg, model: LiveModel, command: str
) -> None:
    model.apply(CallUpdate(call=leg("c1", ALICE, "111")))
    model.apply(CallUpdate(call=leg("c2", DORA, "+4520304050")))  # on Dora's mobile line
    act = getattr(commands, command)

    assert await refusal(act("ghost", "c1")) == Refused(Reason.USER_UNKNOWN, user="ghost")
    assert await refusal(act("dora", "c1")) == Refused(Reason.CALL_ENDED)  # not her leg
    assert await refusal(act("alice", "c9")) == Refused(Reason.CALL_ENDED)
    mobile = Refused(Reason.MOBILE_LINE, number="+4520304050")
    assert await refusal(act("dora", "c2")) == mobile
    assert api.requests == []


async def test_pick_up_of_a_colleagues_ringing_call(
    commands: Commands, api: FakeSmg, model: LiveModel
) -> None:
    model.apply(ringing("c1", DORA, "+4544444444"))

    await commands.pick_up("alice", "c1", CallingDevice.MOBILE)

    assert api.requests == [("pick_up", "alice", "c1", CallingDevice.MOBILE)]


async def test_pick_up_of_a_call_waiting_in_a_queue_that_rings_nobody(
    commands: Commands, api: FakeSmg, model: LiveModel
) -> None:
    waiting = WaitingCall(call_id="q1", caller="+4512345678", waiting_since=1000.0)
    model.apply(
        QueueUpdate(queue=QueueStatus(name="Support", number="+4570203041", waiting=(waiting,)))
    )

    await commands.pick_up("alice", "q1", CallingDevice.LOCAL)

    assert api.requests == [("pick_up", "alice", "q1", CallingDevice.LOCAL)]


async def test_pick_up_is_refused_by_the_rules_and_nothing_is_sent(
    commands: Commands, api: FakeSmg, model: LiveModel
) -> None:
    model.apply(ringing("c1", DORA, "+4544444444"))
    model.apply(ringing("c2", DORA, "+4520304050"))  # ringing on her mobile line

    assert await refusal(commands.pick_up("alice", "gone", CallingDevice.LOCAL)) == Refused(
        Reason.CALL_ENDED
    )
    assert await refusal(commands.pick_up("alice", "c1", CallingDevice.TEAMS)) == Refused(
        Reason.NO_TEAMS_TELEPHONY, name="Alice Andersen"
    )
    assert await refusal(commands.pick_up("bob", "c1", CallingDevice.LOCAL)) == Refused(
        Reason.NO_PHONE_LINE, name="Bob Berg"
    )
    assert await refusal(commands.pick_up("mona", "c1", CallingDevice.LOCAL)) == Refused(
        Reason.MOBILE_LINE, number="+4521212121"
    )
    assert await refusal(commands.pick_up("alice", "c2", CallingDevice.LOCAL)) == Refused(
        Reason.MOBILE_LINE, number="+4520304050"
    )
    assert api.requests == []


async def test_queue_login_and_logout_and_konnektas_refusal_for_a_user_not_its_agent(
    commands: Commands, api: FakeSmg
) -> None:
    await commands.set_queue_login("alice", "Support", False)
    await commands.set_queue_login("alice", "Support", True)
    assert api.requests == [
        ("log_out_of_queue", "alice", "Support"),
        ("log_in_to_queue", "alice", "Support"),
    ]

    agents_only = why(Reason.QUEUE_AGENTS_ONLY, said="not an agent")
    api.failures["log_in_to_queue"] = Forbidden(agents_only, status=403)
    refused = await refusal(commands.set_queue_login("bob", "Support", True))
    assert refused == Refused(Reason.PBX_REFUSED, agents_only, command="queue_log_in")
    assert await refusal(commands.set_queue_login("ghost", "Support", True)) == Refused(
        Reason.USER_UNKNOWN, user="ghost"
    )


async def test_a_blind_transfer_answers_whose_leg_was_transferred(
    commands: Commands, model: LiveModel
) -> None:
    model.apply(ringing("c1", DORA, "+4544444444"))
    model.apply(CallUpdate(call=leg("c1", ALICE, "111")))

    assert await commands.transfer("c1", "12345678") == "alice"
