"""Commands over the client API: carried out once per request id, whichever connection sends
it; a refusal comes back as its code."""

from __future__ import annotations

from konnekta_desktop.domain.refusals import Reason
from konnekta_desktop.domain.types import CallingDevice, CallState, LineType
from konnekta_desktop.remote.protocol import (
    CommandRefused,
    CommandResult,
    ErrorMessage,
    Snapshot,
    domain_why,
)
from tests.remote.conftest import Running
from tests.remote.wsclient import Client

EXTERNAL = "+4587123456"


def a_caller(connector: Running) -> str:
    """A colleague who can dial from a fixed desk phone."""
    for colleague in connector.session.colleagues:
        user = colleague.user
        if (
            CallingDevice.LOCAL in user.devices
            and user.lines
            and all(line.type is LineType.FIXED for line in user.lines)
            and not colleague.calls
        ):
            return colleague.id
    raise AssertionError("nobody can dial")


def calls_placed(connector: Running, user_id: str) -> int:
    return sum(
        1
        for command in connector.simulator.received
        if command.method == "POST" and command.path == f"/users/{user_id}/calls"
    )


async def ready(client: Client) -> None:
    await client.hello()
    await client.expect(Snapshot)


def reason_of(answer: object) -> Reason:
    assert isinstance(answer, CommandRefused | ErrorMessage), answer
    said = domain_why(answer.why)
    assert said is not None
    return said.reason


async def test_a_dial_reaches_konnekta_once_though_resent_after_a_reconnect(
    connector: Running,
) -> None:
    caller = a_caller(connector)
    dial = {"user_id": caller, "destination": EXTERNAL, "device": "local"}
    async with connector.client() as client:
        await ready(client)
        answer = await client.command("dial", dial, request_id="dial-1")
    assert isinstance(answer, CommandResult)
    call_id = answer.value
    assert isinstance(call_id, str)
    # The answer was lost (say): the client comes back and sends the same command again.
    async with connector.client() as again:
        await ready(again)
        repeated = await again.command("dial", dial, request_id="dial-1")
    assert repeated == answer
    assert calls_placed(connector, caller) == 1
    assert connector.simulator.tenant.calls[call_id][caller].state is CallState.RINGING


async def test_a_dial_sent_just_before_the_client_dropped_is_placed_once(
    connector: Running,
) -> None:
    caller = a_caller(connector)
    dial = {"user_id": caller, "destination": EXTERNAL, "device": "local"}
    async with connector.client() as client:
        await ready(client)
        await client.send_text(
            '{"type": "command", "request_id": "dial-2", "name": "dial", "arguments": '
            f'{{"user_id": "{caller}", "destination": "{EXTERNAL}", "device": "local"}}}}'
        )
    # Dropped without waiting for the answer.
    async with connector.client() as again:
        await ready(again)
        answer = await again.command("dial", dial, request_id="dial-2")
    assert isinstance(answer, CommandResult)
    assert calls_placed(connector, caller) == 1


async def test_a_request_id_reused_for_another_command_is_refused(connector: Running) -> None:
    caller = a_caller(connector)
    async with connector.client() as client:
        await ready(client)
        first = await client.command(
            "dial",
            {"user_id": caller, "destination": EXTERNAL, "device": "local"},
            request_id="dial-3",
        )
        other = await client.command(
            "dial",
            {"user_id": caller, "destination": "+4587000000", "device": "local"},
            request_id="dial-3",
        )
    assert isinstance(first, CommandResult)
    assert reason_of(other) is Reason.REQUEST_ID_REUSED
    assert calls_placed(connector, caller) == 1


async def test_refused_commands_come_back_with_their_codes(connector: Running) -> None:
    caller = a_caller(connector)
    async with connector.client() as client:
        await ready(client)
        no_template = await client.command(
            "set_template", {"user_id": caller, "template_name": "No such template"}
        )
        not_a_number = await client.command(
            "dial", {"user_id": caller, "destination": "reception", "device": "local"}
        )
        nobody = await client.command(
            "set_forwarding", {"user_id": "user-nobody", "number": "+4587123456"}
        )
    assert isinstance(no_template, CommandRefused)
    refused = domain_why(no_template.why)
    assert refused is not None
    assert refused.reason is Reason.NO_SUCH_TEMPLATE
    assert refused.params == {"name": "No such template"}
    assert reason_of(not_a_number) is Reason.NUMBER_NOT_A_NUMBER
    assert reason_of(nobody) is Reason.USER_UNKNOWN
    assert calls_placed(connector, caller) == 0


async def test_queries_and_state_commands_answer_with_domain_values(connector: Running) -> None:
    caller = a_caller(connector)
    async with connector.client() as client:
        await ready(client)
        caller_ids = await client.command("caller_ids", {"user_id": caller})
        activities = await client.command("activities")
        lunch = await client.command("set_template", {"user_id": caller, "template_name": "Lunch"})
        forwarded = await client.command(
            "set_forwarding", {"user_id": caller, "number": "+4587123456"}
        )
    assert isinstance(caller_ids, CommandResult)
    assert set(caller_ids.value) == {"current", "valid"}
    assert isinstance(activities, CommandResult)
    assert {a["id"] for a in activities.value} == {
        a.id for a in connector.simulator.tenant.activities
    }
    assert isinstance(lunch, CommandResult)
    assert lunch.value is None
    assert isinstance(forwarded, CommandResult)
    assert forwarded.value is None
    assert connector.simulator.tenant.diversion.get(caller) == "+4587123456"


async def test_an_unknown_command_or_wrong_arguments_get_an_error_with_the_request_id(
    connector: Running,
) -> None:
    async with connector.client() as client:
        await ready(client)
        unknown = await client.command("make_coffee", {}, request_id="coffee")
        wrong = await client.command("dial", {"user_id": 7}, request_id="wrong")
    assert isinstance(unknown, ErrorMessage)
    assert unknown.request_id == "coffee"
    assert reason_of(unknown) is Reason.COMMAND_UNKNOWN
    assert isinstance(wrong, ErrorMessage)
    assert wrong.request_id == "wrong"
    assert reason_of(wrong) is Reason.MESSAGE_FIELDS_WRONG
