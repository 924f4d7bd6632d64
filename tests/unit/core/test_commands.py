"""Operator commands: checked against the rules before anything is sent, and the PBX's answers
turned into refusals with a code and parameters."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from types import SimpleNamespace

import msgspec
import pytest

from konnekta_desktop.core.commands import Commands
from konnekta_desktop.core.model import LiveModel
from konnekta_desktop.domain import (
    Alias,
    Call,
    CallerIds,
    CallingDevice,
    CallState,
    CallUpdate,
    Direction,
    Line,
    LineRole,
    LineType,
    Right,
    User,
)
from konnekta_desktop.domain.numbers import NumberError, NumberPlan
from konnekta_desktop.domain.refusals import Reason, Refused, why
from konnekta_desktop.konnekta.errors import (
    BadRequest,
    ConnectionFailed,
    Forbidden,
    KonnektaError,
    NotFound,
    Timeout,
    Unavailable,
    Unprocessable,
)
from tests.helpers.fake_smg import FakeSmg

ALICE_LINE = Line(
    role=LineRole.PRIMARY,
    type=LineType.FIXED,
    number="+4533333333",
    aliases=(Alias(number="111", short_number=True),),
)
DORA_FIXED = Line(role=LineRole.PRIMARY, type=LineType.FIXED, number="+4544444444")
DORA_MOBILE = Line(role=LineRole.SECONDARY, type=LineType.MOBILE, number="+4520304050")
MONA_MOBILE = Line(role=LineRole.PRIMARY, type=LineType.MOBILE, number="+4521212121")

ALICE = User(
    id="alice",
    username="alice@example.dk",
    name="Alice Andersen",
    lines=(ALICE_LINE,),
    devices=(CallingDevice.LOCAL, CallingDevice.MOBILE),
    rights=(Right.SET_CALLER_ID,),
)
BOB = User(id="bob", username="bob@example.dk", name="Bob Berg", devices=(CallingDevice.LOCAL,))
DORA = User(
    id="dora",
    username="dora@example.dk",
    name="Dora Dahl",
    lines=(DORA_FIXED, DORA_MOBILE),
    devices=(CallingDevice.LOCAL, CallingDevice.MOBILE),
)
MONA = User(
    id="mona",
    username="mona@example.dk",
    name="Mona Madsen",
    lines=(MONA_MOBILE,),
    devices=(CallingDevice.LOCAL, CallingDevice.MOBILE),
    rights=(Right.SET_CALLER_ID,),
)


def leg(call_id: str, user: User, number: str, *, direction: Direction = Direction.INBOUND) -> Call:
    """A call leg of `user` in progress, on their line `number`."""
    other = "+4512345678"
    caller, called = (other, number) if direction is Direction.INBOUND else (number, other)
    return Call(
        call_id=call_id,
        user_id=user.id,
        state=CallState.ANSWERED,
        direction=direction,
        caller=caller,
        called=called,
        started_at=1000.0,
        answered_at=1001.0,
    )


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
    plan = NumberPlan(international_prefix="00", international_code="45")  # Denmark
    return Commands(SimpleNamespace(api=api, plan=plan), model)


async def refusal(action: Awaitable[object]) -> Refused:
    with pytest.raises(Refused) as caught:
        await action
    return caught.value


# -- dialling ----------------------------------------------------------------------------------


async def test_dial_sends_the_normalised_number_with_the_device(
    commands: Commands, api: FakeSmg
) -> None:
    call_id = await commands.dial("alice", "12 34 56 78", CallingDevice.MOBILE)

    assert call_id == "call-1"
    assert api.requests == [("make_call", "alice", "+4512345678", CallingDevice.MOBILE)]


async def test_dial_takes_an_international_number_in_the_operators_convention(
    commands: Commands, api: FakeSmg
) -> None:
    await commands.dial("alice", "00298 123456", CallingDevice.LOCAL)

    assert api.requests == [("make_call", "alice", "+298123456", CallingDevice.LOCAL)]


async def test_dial_from_a_fixed_line_named_by_its_short_alias(
    commands: Commands, api: FakeSmg
) -> None:
    await commands.dial("alice", "12345678", CallingDevice.LOCAL, from_number="111")

    assert api.requests == [("make_call", "alice", "+4512345678", CallingDevice.LOCAL)]


DIAL_REFUSALS: list[tuple[str, str, CallingDevice, str | None, Refused]] = [
    ("ghost", "12345678", CallingDevice.LOCAL, None, Refused(Reason.USER_UNKNOWN, user="ghost")),
    ("bob", "12345678", CallingDevice.LOCAL, None, Refused(Reason.NO_PHONE_LINE, name="Bob Berg")),
    (
        "mona",
        "12345678",
        CallingDevice.LOCAL,
        None,
        Refused(Reason.MOBILE_LINE, number="+4521212121"),
    ),
    (
        "dora",
        "12345678",
        CallingDevice.MOBILE,
        "+4520304050",
        Refused(Reason.MOBILE_LINE, number="+4520304050"),
    ),
    (
        "alice",
        "12345678",
        CallingDevice.TEAMS,
        None,
        Refused(Reason.NO_TEAMS_TELEPHONY, name="Alice Andersen"),
    ),
]


@pytest.mark.parametrize(
    ("user_id", "number", "device", "from_number", "expected"),
    DIAL_REFUSALS,
    ids=["unknown-user", "no-line", "mobile-only", "from-mobile-line", "device-lacking"],
)
async def test_dial_is_refused_by_the_rules_and_nothing_is_sent(
    commands: Commands,
    api: FakeSmg,
    user_id: str,
    number: str,
    device: CallingDevice,
    from_number: str | None,
    expected: Refused,
) -> None:
    refused = await refusal(commands.dial(user_id, number, device, from_number=from_number))

    assert refused == expected
    assert api.requests == []


async def test_dial_from_a_fixed_line_of_a_user_who_also_has_a_mobile_line(
    commands: Commands, api: FakeSmg
) -> None:
    await commands.dial("dora", "12345678", CallingDevice.LOCAL)

    assert api.requests == [("make_call", "dora", "+4512345678", CallingDevice.LOCAL)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12ab", NumberError(Reason.NUMBER_NOT_A_NUMBER, text="12ab")),
        ("  ", NumberError(Reason.NUMBER_EMPTY)),
        ("+", NumberError(Reason.NUMBER_NOT_A_NUMBER, text="+")),
    ],
)
async def test_dial_of_an_invalid_number_is_a_number_refusal_and_nothing_is_sent(
    commands: Commands, api: FakeSmg, text: str, expected: Refused
) -> None:
    refused = await refusal(commands.dial("alice", text, CallingDevice.LOCAL))

    assert isinstance(refused, NumberError)
    assert refused.reason.value.startswith("number_")
    assert refused == expected
    assert api.requests == []


async def test_dial_of_a_number_of_the_wrong_length_names_the_lengths(
    commands: Commands, api: FakeSmg
) -> None:
    refused = await refusal(commands.dial("alice", "1234567", CallingDevice.LOCAL))

    assert refused.reason is Reason.NUMBER_NOT_NATIONAL
    assert refused.params["lengths"] == "8"
    assert api.requests == []


# -- hang up and transfer ----------------------------------------------------------------------


async def test_hang_up_and_transfer_of_a_call_in_progress(
    commands: Commands, api: FakeSmg, model: LiveModel
) -> None:
    model.apply(CallUpdate(call=leg("c1", ALICE, "111")))
    model.apply(CallUpdate(call=leg("c2", DORA, "+4544444444", direction=Direction.OUTBOUND)))

    await commands.transfer("c1", "70 70 70 70")
    await commands.hang_up("c2")

    assert api.requests == [("transfer", "c1", "+4570707070"), ("hang_up", "c2")]


@pytest.mark.parametrize("ended_how", ["never-seen", "ended-event"])
async def test_hang_up_and_transfer_of_a_call_that_ended_are_refused(
    commands: Commands, api: FakeSmg, model: LiveModel, ended_how: str
) -> None:
    if ended_how == "ended-event":
        call = leg("c1", ALICE, "111")
        model.apply(CallUpdate(call=call))
        model.apply(CallUpdate(call=msgspec.structs.replace(call, state=CallState.ENDED)))

    assert await refusal(commands.hang_up("c1")) == Refused(Reason.CALL_ENDED)
    assert await refusal(commands.transfer("c1", "12345678")) == Refused(Reason.CALL_ENDED)
    assert api.requests == []


async def test_hang_up_and_transfer_on_a_mobile_line_are_refused(
    commands: Commands, api: FakeSmg, model: LiveModel
) -> None:
    model.apply(CallUpdate(call=leg("c1", DORA, "+4520304050")))

    expected = Refused(Reason.MOBILE_LINE, number="+4520304050")
    assert await refusal(commands.hang_up("c1")) == expected
    assert await refusal(commands.transfer("c1", "12345678")) == expected
    assert api.requests == []


async def test_transfer_to_an_invalid_number_is_refused_and_nothing_is_sent(
    commands: Commands, api: FakeSmg, model: LiveModel
) -> None:
    model.apply(CallUpdate(call=leg("c1", ALICE, "111")))

    refused = await refusal(commands.transfer("c1", "call me"))

    assert refused == NumberError(Reason.NUMBER_NOT_A_NUMBER, text="call me")
    assert api.requests == []


# -- forwarding --------------------------------------------------------------------------------


async def test_set_forwarding_sends_the_normalised_number(commands: Commands, api: FakeSmg) -> None:
    await commands.set_forwarding("bob", "0045 12 34 56 78")

    assert api.requests == [("set_diversion", "bob", "+4512345678")]


@pytest.mark.parametrize("number", [None, "", "   "])
async def test_set_forwarding_to_nothing_clears_it(
    commands: Commands, api: FakeSmg, number: str | None
) -> None:
    await commands.set_forwarding("bob", number)

    assert api.requests == [("clear_diversion", "bob")]


async def test_set_forwarding_to_an_invalid_number_is_refused(
    commands: Commands, api: FakeSmg
) -> None:
    refused = await refusal(commands.set_forwarding("bob", "abc"))

    assert refused == NumberError(Reason.NUMBER_NOT_A_NUMBER, text="abc")
    assert api.requests == []


# -- caller ID ---------------------------------------------------------------------------------


async def test_caller_ids_are_loaded_through_the_gate(commands: Commands, api: FakeSmg) -> None:
    api.caller_id_answer = CallerIds(current="+4533333333", valid=("+4533333333", "+4570707070"))

    assert await commands.caller_ids("alice") == api.caller_id_answer
    assert api.requests == [("caller_ids", "alice")]


async def test_caller_ids_failure_is_a_refusal_of_loading(commands: Commands, api: FakeSmg) -> None:
    api.failures["caller_ids"] = Unavailable(DOWN, status=503)

    refused = await refusal(commands.caller_ids("alice"))

    assert refused == Refused(Reason.PBX_FAILED, DOWN, command="load_caller_ids")


async def test_set_caller_id_picks_the_valid_option_as_konnekta_lists_it(
    commands: Commands, api: FakeSmg
) -> None:
    api.caller_id_answer = CallerIds(current="+4533333333", valid=("+4533333333", "+4570707070"))

    await commands.set_caller_id("alice", "0045 70 70 70 70")

    assert api.requests == [("caller_ids", "alice"), ("set_caller_id", "alice", "+4570707070")]


async def test_set_caller_id_without_the_right_is_refused_before_anything_is_sent(
    commands: Commands, api: FakeSmg
) -> None:
    refused = await refusal(commands.set_caller_id("dora", "44444444"))

    assert refused == Refused(Reason.NO_CALLER_ID_RIGHT, name="Dora Dahl")
    assert api.requests == []


async def test_set_caller_id_not_among_the_valid_names_the_valid_ones(
    commands: Commands, api: FakeSmg
) -> None:
    api.caller_id_answer = CallerIds(current="+4533333333", valid=("+4533333333", "+4570707070"))

    refused = await refusal(commands.set_caller_id("alice", "12345678"))

    assert refused == Refused(
        Reason.CALLER_ID_NOT_VALID,
        number="12 34 56 78",
        name="Alice Andersen",
        valid="33 33 33 33, 70 70 70 70",
    )
    assert api.requests == [("caller_ids", "alice")]  # the list was loaded, nothing was set


async def test_set_caller_id_refuses_a_mistyped_number_before_asking_konnekta(
    commands: Commands, api: FakeSmg
) -> None:
    refused = await refusal(commands.set_caller_id("alice", "7O7O7O7O"))

    assert refused.reason is Reason.NUMBER_NOT_A_NUMBER
    assert api.requests == []


async def test_clear_caller_id_returns_to_the_default(commands: Commands, api: FakeSmg) -> None:
    await commands.clear_caller_id("alice")

    assert api.requests == [("clear_caller_id", "alice")]


async def test_clear_caller_id_without_the_right_is_refused_before_anything_is_sent(
    commands: Commands, api: FakeSmg
) -> None:
    refused = await refusal(commands.clear_caller_id("dora"))

    assert refused == Refused(Reason.NO_CALLER_ID_RIGHT, name="Dora Dahl")
    assert api.requests == []


# -- unknown users, for every command that names one -------------------------------------------

USER_COMMANDS: dict[str, Callable[[Commands], Awaitable[object]]] = {
    "dial": lambda c: c.dial("ghost", "12345678", CallingDevice.LOCAL),
    "set_forwarding": lambda c: c.set_forwarding("ghost", "12345678"),
    "clear_forwarding": lambda c: c.set_forwarding("ghost", None),
    "caller_ids": lambda c: c.caller_ids("ghost"),
    "set_caller_id": lambda c: c.set_caller_id("ghost", "12345678"),
    "clear_caller_id": lambda c: c.clear_caller_id("ghost"),
}


@pytest.mark.parametrize("command", USER_COMMANDS.values(), ids=USER_COMMANDS.keys())
async def test_a_command_for_an_unknown_user_is_refused_and_nothing_is_sent(
    commands: Commands, api: FakeSmg, command: Callable[[Commands], Awaitable[object]]
) -> None:
    assert await refusal(command(commands)) == Refused(Reason.USER_UNKNOWN, user="ghost")
    assert api.requests == []


# -- the PBX's own answers ---------------------------------------------------------------------


DOWN = why(Reason.KONNEKTA_UNAVAILABLE, status="503", said="")
AT = {"server": "konnekta", "address": "smg.example:443", "setting": "SMG Address"}


def konnekta_errors() -> list[tuple[KonnektaError, Reason]]:
    return [
        (Forbidden(why(Reason.NOT_ALLOWED, said=""), status=403), Reason.PBX_REFUSED),
        (NotFound(why(Reason.NOT_KNOWN_TO_KONNEKTA, said="x"), status=404), Reason.PBX_REFUSED),
        (Unprocessable(why(Reason.KONNEKTA_COULD_NOT, said="y"), status=422), Reason.PBX_REFUSED),
        (BadRequest(why(Reason.REQUEST_MALFORMED, said=""), status=400), Reason.PBX_FAILED),
        (Unavailable(DOWN, status=503), Reason.PBX_FAILED),
        (Timeout(why(Reason.SERVER_TIMEOUT, **AT), address="smg.example"), Reason.PBX_FAILED),
        (ConnectionFailed(why(Reason.NO_CONNECTION, **AT), address="s"), Reason.PBX_FAILED),
    ]


@pytest.mark.parametrize(
    ("error", "reason"), konnekta_errors(), ids=[type(e).__name__ for e, _ in konnekta_errors()]
)
async def test_a_pbx_answer_becomes_refused_or_failed_with_command_and_detail(
    commands: Commands, api: FakeSmg, error: KonnektaError, reason: Reason
) -> None:
    api.failures["make_call"] = error

    refused = await refusal(commands.dial("alice", "12345678", CallingDevice.LOCAL))

    assert refused == Refused(reason, error.why, command="dial")
    assert not isinstance(refused, KonnektaError)  # the UI only ever sees a refusal


@pytest.mark.parametrize(
    ("failing", "action", "command"),
    [
        ("hang_up", lambda c: c.hang_up("c1"), "hang_up"),
        ("transfer", lambda c: c.transfer("c1", "12345678"), "transfer"),
        ("set_diversion", lambda c: c.set_forwarding("alice", "12345678"), "set_forwarding"),
        ("clear_diversion", lambda c: c.set_forwarding("alice", None), "clear_forwarding"),
        ("set_caller_id", lambda c: c.set_caller_id("alice", "33333333"), "set_caller_id"),
        ("caller_ids", lambda c: c.set_caller_id("alice", "33333333"), "load_caller_ids"),
        ("clear_caller_id", lambda c: c.clear_caller_id("alice"), "clear_caller_id"),
    ],
)
async def test_each_command_names_itself_in_a_pbx_refusal(
    commands: Commands,
    api: FakeSmg,
    model: LiveModel,
    failing: str,
    action: Callable[[Commands], Awaitable[object]],
    command: str,
) -> None:
    model.apply(CallUpdate(call=leg("c1", ALICE, "+4533333333")))
    api.failures[failing] = Forbidden(why(Reason.NOT_ALLOWED, said="No"), status=403)

    refused = await refusal(action(commands))

    assert refused == Refused(
        Reason.PBX_REFUSED, why(Reason.NOT_ALLOWED, said="No"), command=command
    )


async def test_a_call_with_several_legs_is_checked_on_the_answered_leg_whatever_the_order(
    commands: Commands, api: FakeSmg, model: LiveModel, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A queue call rings on Mona's mobile line and is answered on Alice's fixed line: hang up
    checks the answered leg, so it is allowed, whichever leg the model lists first (it once
    depended on the order of a set: sent or refused by the hash seed)."""
    ringing = msgspec.structs.replace(
        leg("q1", MONA, "+4521212121"), state=CallState.RINGING, answered_at=None
    )
    answered = leg("q1", ALICE, "111")
    model.apply(CallUpdate(call=ringing))
    model.apply(CallUpdate(call=answered))
    for order in ([ringing, answered], [answered, ringing]):
        monkeypatch.setattr(model, "active_calls", lambda order=order: list(order))
        await commands.hang_up("q1")
    assert api.requests == [("hang_up", "q1"), ("hang_up", "q1")]
