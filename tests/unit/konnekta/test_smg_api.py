"""The SMG API client: every endpoint's request and typed answer, error mapping, and retries.

The SMG API is played through httpx's MockTransport (see konnekta_fakes); the client under test and
its httpx client are real. Backoff sleeps go to a recorder instead of the clock.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import httpx
import msgspec
import pytest
from konnekta_fakes import (
    CLIENT_ID,
    CLIENT_SECRET,
    ISSUER,
    PASSWORD,
    SMG,
    USERNAME,
    FakeClock,
    FakeKeycloak,
    FakeTokens,
    ScriptedSmg,
)

from konnekta_desktop import domain
from konnekta_desktop.domain.refusals import Reason, why
from konnekta_desktop.konnekta.api import SMG_ADDRESS, SmgClient
from konnekta_desktop.konnekta.auth import KonnektaAuth
from konnekta_desktop.konnekta.errors import (
    BadRequest,
    ConfigurationError,
    ConnectionFailed,
    Forbidden,
    KonnektaError,
    NotFound,
    ProtocolError,
    RequestRefused,
    Timeout,
    Unauthorized,
    Unavailable,
    Unprocessable,
)
from konnekta_desktop.konnekta.models import (
    Activity,
    Availability,
    Call,
    CallerIds,
    CallingDevice,
    Diversion,
    Presence,
    User,
    UserStatus,
    WebhookSubscription,
)

WEBHOOK_SECRET = "whsec_c2VjcmV0LXdlYmhvb2stS0VZ"

USER = {
    "id": "u1",
    "username": "anna",
    "name": "Anna Berg",
    "department": "Reception",
    "lines": [
        {
            "role": "primary",
            "type": "Fixed",
            "number": "+4570000001",
            "aliases": [{"number": "201", "short_number": True}],
        }
    ],
    "devices": ["local", "mobile"],
    "rights": ["SetCallerId"],
    "wrap_up": True,
}
STATUS = {"user_id": "u1", "activity_id": "a1", "availability": "available", "diversion": None}
PRESENCE = {"activity_id": "a2", "availability": "unavailable"}
CALLER_IDS = {"current": "+4570000001", "valid": ["+4570000001", "+4570000000"]}
CALL = {
    "call_id": "c1",
    "user_id": "u1",
    "state": "ringing",
    "direction": "inbound",
    "caller": "+4520000000",
    "called": "+4570000001",
    "started_at": 1700000000.0,
}
QUEUE = {
    "name": "Front desk",
    "number": "+4570000000",
    "agents": [{"user_id": "u1", "logged_in": True}, {"user_id": "u2", "logged_in": False}],
    "waiting": [
        {"call_id": "c5", "caller": "+4520000000", "callback": True, "waiting_since": 1700000000.0}
    ],
}
SUBSCRIPTION = {"id": "s1", "url": "https://pc.example:8443/hooks", "expires_at": 1700003600.0}


class SleepRecorder:
    def __init__(self) -> None:
        self.delays: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)


@pytest.fixture
def smg() -> ScriptedSmg:
    return ScriptedSmg()


@pytest.fixture
def tokens() -> FakeTokens:
    return FakeTokens()


@pytest.fixture
def sleep() -> SleepRecorder:
    return SleepRecorder()


@pytest.fixture
async def client(
    smg: ScriptedSmg, tokens: FakeTokens, sleep: SleepRecorder
) -> AsyncIterator[SmgClient]:
    async with httpx.AsyncClient(transport=httpx.MockTransport(smg.handle)) as http:
        yield SmgClient(SMG, tokens, http=http, retries=3, backoff=0.2, sleep=sleep)


type Call_ = Callable[[SmgClient], Awaitable[Any]]

ENDPOINTS: list[Any] = [
    # (call, method, path, request body, answer status, answer body, expected result)
    pytest.param(
        lambda c: c.users(),
        "GET",
        "/users",
        None,
        200,
        [USER],
        [msgspec.convert(USER, User)],
        id="users",
    ),
    pytest.param(
        lambda c: c.user("u1"),
        "GET",
        "/users/u1",
        None,
        200,
        USER,
        msgspec.convert(USER, User),
        id="user",
    ),
    pytest.param(
        lambda c: c.statuses(),
        "GET",
        "/users/status",
        None,
        200,
        [STATUS],
        [UserStatus(user_id="u1", activity_id="a1", availability=Availability.AVAILABLE)],
        id="statuses",
    ),
    pytest.param(
        lambda c: c.activities(),
        "GET",
        "/presence/activities",
        None,
        200,
        [{"id": "a1", "name": "Lunch"}],
        [Activity(id="a1", name="Lunch")],
        id="activities",
    ),
    pytest.param(
        lambda c: c.presence("u1"),
        "GET",
        "/users/u1/presence",
        None,
        200,
        PRESENCE,
        Presence(activity_id="a2", availability=Availability.UNAVAILABLE),
        id="presence",
    ),
    pytest.param(
        lambda c: c.set_presence("u1", activity_id="a2", availability=Availability.UNAVAILABLE),
        "PUT",
        "/users/u1/presence",
        {"activity_id": "a2", "availability": "unavailable"},
        200,
        PRESENCE,
        Presence(activity_id="a2", availability=Availability.UNAVAILABLE),
        id="set_presence",
    ),
    pytest.param(
        lambda c: c.set_presence("u1", availability=Availability.AVAILABLE),
        "PUT",
        "/users/u1/presence",
        {"availability": "available"},
        200,
        {"activity_id": None, "availability": "available"},
        Presence(activity_id=None, availability=Availability.AVAILABLE),
        id="set_availability_only",
    ),
    pytest.param(
        lambda c: c.diversion("u1"),
        "GET",
        "/users/u1/diversion",
        None,
        200,
        {"number": None},
        Diversion(number=None),
        id="diversion",
    ),
    pytest.param(
        lambda c: c.set_diversion("u1", "+4520000000"),
        "PUT",
        "/users/u1/diversion",
        {"number": "+4520000000"},
        200,
        {"number": "+4520000000"},
        Diversion(number="+4520000000"),
        id="set_diversion",
    ),
    pytest.param(
        lambda c: c.clear_diversion("u1"),
        "DELETE",
        "/users/u1/diversion",
        None,
        204,
        None,
        None,
        id="clear_diversion",
    ),
    pytest.param(
        lambda c: c.caller_ids("u1"),
        "GET",
        "/users/u1/caller-ids",
        None,
        200,
        CALLER_IDS,
        CallerIds(current="+4570000001", valid=("+4570000001", "+4570000000")),
        id="caller_ids",
    ),
    pytest.param(
        lambda c: c.set_caller_id("u1", "+4570000000"),
        "PUT",
        "/users/u1/caller-id",
        {"number": "+4570000000"},
        200,
        {**CALLER_IDS, "current": "+4570000000"},
        CallerIds(current="+4570000000", valid=("+4570000001", "+4570000000")),
        id="set_caller_id",
    ),
    pytest.param(
        lambda c: c.clear_caller_id("u1"),
        "DELETE",
        "/users/u1/caller-id",
        None,
        204,
        None,
        None,
        id="clear_caller_id",
    ),
    pytest.param(
        lambda c: c.calls(),
        "GET",
        "/calls",
        None,
        200,
        [CALL],
        [msgspec.convert(CALL, Call)],
        id="calls",
    ),
    pytest.param(
        lambda c: c.make_call("u1", "+4520000000", CallingDevice.MOBILE),
        "POST",
        "/users/u1/calls",
        {"destination": "+4520000000", "device": "mobile"},
        201,
        {"call_id": "c9"},
        "c9",
        id="make_call",
    ),
    pytest.param(
        lambda c: c.hang_up("c1"), "DELETE", "/calls/c1", None, 204, None, None, id="hang_up"
    ),
    pytest.param(
        lambda c: c.transfer("c1", "202"),
        "POST",
        "/calls/c1/transfer",
        {"destination": "202"},
        204,
        None,
        None,
        id="transfer",
    ),
    pytest.param(
        lambda c: c.hold("u1", "c1"),
        "PUT",
        "/users/u1/calls/c1/hold",
        None,
        204,
        None,
        None,
        id="hold",
    ),
    pytest.param(
        lambda c: c.resume("u1", "c1"),
        "DELETE",
        "/users/u1/calls/c1/hold",
        None,
        204,
        None,
        None,
        id="resume",
    ),
    pytest.param(
        lambda c: c.answer("u1", "c1"),
        "POST",
        "/users/u1/calls/c1/answer",
        None,
        204,
        None,
        None,
        id="answer",
    ),
    pytest.param(
        lambda c: c.pick_up("u1", "c1", CallingDevice.MOBILE),
        "POST",
        "/users/u1/calls/c1/pickup",
        {"device": "mobile"},
        204,
        None,
        None,
        id="pick_up",
    ),
    pytest.param(
        lambda c: c.consult("u1", "c1", "202"),
        "POST",
        "/users/u1/calls/c1/consultation",
        {"destination": "202"},
        201,
        {"call_id": "c2"},
        "c2",
        id="consult",
    ),
    pytest.param(
        lambda c: c.complete_transfer("u1", "c1"),
        "POST",
        "/users/u1/calls/c1/consultation/complete",
        None,
        204,
        None,
        None,
        id="complete_transfer",
    ),
    pytest.param(
        lambda c: c.go_back("u1", "c1"),
        "DELETE",
        "/users/u1/calls/c1/consultation",
        None,
        204,
        None,
        None,
        id="go_back",
    ),
    pytest.param(
        lambda c: c.queues(),
        "GET",
        "/queues",
        None,
        200,
        [QUEUE],
        [msgspec.convert(QUEUE, domain.QueueStatus)],
        id="queues",
    ),
    pytest.param(
        lambda c: c.log_in_to_queue("u1", "Front desk"),
        "PUT",
        "/queues/Front%20desk/agents/u1",
        {"logged_in": True},
        200,
        {"user_id": "u1", "logged_in": True},
        domain.QueueAgent(user_id="u1", logged_in=True),
        id="log_in_to_queue",
    ),
    pytest.param(
        lambda c: c.log_out_of_queue("u1", "Front desk"),
        "PUT",
        "/queues/Front%20desk/agents/u1",
        {"logged_in": False},
        200,
        {"user_id": "u1", "logged_in": False},
        domain.QueueAgent(user_id="u1", logged_in=False),
        id="log_out_of_queue",
    ),
    pytest.param(
        lambda c: c.subscribe("https://pc.example:8443/hooks", WEBHOOK_SECRET, 600),
        "POST",
        "/webhooks",
        {"url": "https://pc.example:8443/hooks", "secret": WEBHOOK_SECRET, "ttl_seconds": 600},
        201,
        SUBSCRIPTION,
        WebhookSubscription(id="s1", url="https://pc.example:8443/hooks", expires_at=1700003600.0),
        id="subscribe",
    ),
    pytest.param(
        lambda c: c.renew("s1", 600),
        "PUT",
        "/webhooks/s1",
        {"ttl_seconds": 600},
        200,
        SUBSCRIPTION,
        WebhookSubscription(id="s1", url="https://pc.example:8443/hooks", expires_at=1700003600.0),
        id="renew",
    ),
    pytest.param(
        lambda c: c.unsubscribe("s1"),
        "DELETE",
        "/webhooks/s1",
        None,
        204,
        None,
        None,
        id="unsubscribe",
    ),
]


@pytest.mark.parametrize(
    ("call", "method", "path", "sent", "status", "answer", "expected"), ENDPOINTS
)
async def test_endpoint_sends_the_documented_request_and_returns_the_typed_answer(
    client: SmgClient,
    smg: ScriptedSmg,
    call: Call_,
    method: str,
    path: str,
    sent: Any,
    status: int,
    answer: Any,
    expected: Any,
) -> None:
    smg.then(status, answer)

    result = await call(client)

    # The client answers in the switchboard's own types (domain/), with the wire's values.
    assert msgspec.to_builtins(result) == msgspec.to_builtins(expected)
    for item in result if isinstance(result, list) else [result]:
        if type(item).__name__ in domain.__all__:
            assert type(item) is getattr(domain, type(item).__name__)
    (request,) = smg.requests
    assert request.method == method
    assert str(request.url) == SMG + path
    assert request.headers["Authorization"] == "Bearer access-1-TOKENVALUE"
    assert smg.body() == sent


async def test_path_parameters_are_escaped(client: SmgClient, smg: ScriptedSmg) -> None:
    smg.then(200, USER)
    await client.user("../calls?x=1")
    assert smg.requests[0].url.raw_path == b"/api-admin/realm/acme/fwd/users/..%2Fcalls%3Fx%3D1"


@pytest.mark.parametrize(
    ("status", "kind"),
    [
        (400, BadRequest),
        (403, Forbidden),
        (404, NotFound),
        (422, Unprocessable),
        (409, RequestRefused),
    ],
)
async def test_refusals_become_typed_errors_keeping_the_server_message(
    client: SmgClient,
    smg: ScriptedSmg,
    status: int,
    kind: type[RequestRefused],
    caplog: pytest.LogCaptureFixture,
) -> None:
    smg.then(status, {"code": "some_code", "message": "Caller ID +4599 is not valid for u1"})

    with caplog.at_level(logging.INFO), pytest.raises(kind) as caught:
        await client.set_caller_id("u1", "+4599")

    error = caught.value
    assert type(error) is kind
    assert error.status == status
    assert error.code == "some_code"
    assert error.server_message == "Caller ID +4599 is not valid for u1"
    assert "Could not set the caller ID of user u1 to +4599" in caplog.text  # what was asked
    assert error.why.params["said"] == "Caller ID +4599 is not valid for u1"
    assert "Caller ID +4599 is not valid for u1" in str(error)
    assert not error.transient


async def test_forbidden_caller_id_points_at_the_set_caller_id_right(
    client: SmgClient, smg: ScriptedSmg
) -> None:
    smg.then(403, {"code": "forbidden", "message": "missing right"})
    with pytest.raises(Forbidden, match="Set Caller ID right"):
        await client.set_caller_id("u1", "+4570000000")


async def test_forbidden_default_caller_id_points_at_the_set_caller_id_right(
    client: SmgClient, smg: ScriptedSmg
) -> None:
    smg.then(403, {"code": "forbidden", "message": "missing right"})
    with pytest.raises(Forbidden, match="Set Caller ID right"):
        await client.clear_caller_id("u1")


async def test_404_without_an_api_error_points_at_the_smg_address(
    client: SmgClient, smg: ScriptedSmg
) -> None:
    smg.answers.append(httpx.Response(404, text="<html>nginx</html>"))
    with pytest.raises(NotFound) as caught:
        await client.users()
    assert caught.value.setting == SMG_ADDRESS
    assert SMG in str(caught.value)


async def test_401_renews_the_token_and_repeats_once(
    client: SmgClient, smg: ScriptedSmg, tokens: FakeTokens
) -> None:
    smg.then(401, {"code": "unauthorized", "message": "token expired"})
    smg.then(201, {"call_id": "c9"})

    assert await client.make_call("u1", "202", CallingDevice.LOCAL) == "c9"
    assert tokens.invalidated == ["access-1-TOKENVALUE"]
    assert [r.headers["Authorization"] for r in smg.requests] == [
        "Bearer access-1-TOKENVALUE",
        "Bearer access-2-TOKENVALUE",
    ]


async def test_second_401_is_unauthorized_naming_the_settings(
    client: SmgClient, smg: ScriptedSmg
) -> None:
    smg.then(401, {"code": "unauthorized", "message": "unknown token"})
    smg.then(401, {"code": "unauthorized", "message": "unknown token"})

    with pytest.raises(Unauthorized) as caught:
        await client.users()

    assert len(smg.requests) == 2
    assert caught.value.setting == SMG_ADDRESS


async def test_401_with_real_login_refreshes_the_keycloak_token() -> None:
    clock = FakeClock()
    keycloak = FakeKeycloak()
    smg = ScriptedSmg()
    smg.then(401, {"code": "unauthorized", "message": "expired"})
    smg.then(200, [])

    def route(request: httpx.Request) -> Any:
        if request.url.path.startswith("/auth/"):
            return keycloak.handle(request)
        return smg.handle(request)

    async def handler(request: httpx.Request) -> httpx.Response:
        answer = route(request)
        return await answer if not isinstance(answer, httpx.Response) else answer

    async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as http:
        auth = KonnektaAuth(
            ISSUER, CLIENT_ID, CLIENT_SECRET, USERNAME, PASSWORD, http=http, clock=clock
        )
        client = SmgClient(SMG, auth, http=http)
        assert await client.calls() == []

    assert keycloak.password_logins == 1
    assert keycloak.refresh_grants == ["refresh-2-TOKENVALUE"]
    assert smg.requests[1].headers["Authorization"] == "Bearer access-3-TOKENVALUE"


@pytest.mark.parametrize("status", [500, 502, 503, 504])
async def test_get_is_retried_with_exponential_backoff_on_5xx(
    client: SmgClient, smg: ScriptedSmg, sleep: SleepRecorder, status: int
) -> None:
    for _ in range(3):
        smg.then(status, {"code": "unavailable", "message": "try later"})
    smg.then(200, [])

    assert await client.calls() == []
    assert len(smg.requests) == 4
    assert sleep.delays == pytest.approx([0.2, 0.4, 0.8])


async def test_get_gives_up_after_the_retries_with_unavailable(
    client: SmgClient, smg: ScriptedSmg
) -> None:
    for _ in range(4):
        smg.then(503, {"code": "unavailable", "message": "maintenance"})

    with pytest.raises(Unavailable) as caught:
        await client.users()

    assert len(smg.requests) == 4
    assert caught.value.status == 503
    assert caught.value.transient
    assert "maintenance" in str(caught.value)


async def test_retry_after_is_honoured_up_to_a_limit(
    client: SmgClient, smg: ScriptedSmg, sleep: SleepRecorder
) -> None:
    smg.then(503, None, headers={"Retry-After": "3"})
    smg.then(503, None, headers={"Retry-After": "3600"})
    smg.then(200, [])

    await client.calls()

    assert sleep.delays == [3.0, 10.0]


@pytest.mark.parametrize(
    "error",
    [
        pytest.param(lambda r: httpx.ReadTimeout("timed out", request=r), id="read timeout"),
        pytest.param(lambda r: httpx.RemoteProtocolError("closed", request=r), id="cut off"),
    ],
)
async def test_put_is_retried_after_a_timeout_or_broken_connection(
    client: SmgClient, smg: ScriptedSmg, error: Callable[[httpx.Request], Exception]
) -> None:
    smg.then_raise(error(httpx.Request("PUT", SMG)))
    smg.then(200, {"number": "+4520000000"})

    assert await client.set_diversion("u1", "+4520000000") == Diversion(number="+4520000000")
    assert len(smg.requests) == 2


@pytest.mark.parametrize(
    ("call", "path"),
    [
        pytest.param(lambda c: c.make_call("u1", "202", CallingDevice.LOCAL), "/users/u1/calls"),
        pytest.param(lambda c: c.transfer("c1", "202"), "/calls/c1/transfer"),
        pytest.param(lambda c: c.answer("u1", "c1"), "/users/u1/calls/c1/answer"),
        pytest.param(
            lambda c: c.pick_up("u1", "c1", CallingDevice.LOCAL), "/users/u1/calls/c1/pickup"
        ),
        pytest.param(lambda c: c.consult("u1", "c1", "202"), "/users/u1/calls/c1/consultation"),
        pytest.param(
            lambda c: c.complete_transfer("u1", "c1"), "/users/u1/calls/c1/consultation/complete"
        ),
        pytest.param(lambda c: c.subscribe("https://pc.example/h", WEBHOOK_SECRET), "/webhooks"),
    ],
)
async def test_post_that_gets_a_503_is_sent_once(
    client: SmgClient, smg: ScriptedSmg, sleep: SleepRecorder, call: Call_, path: str
) -> None:
    smg.then(503, {"code": "unavailable", "message": "busy"})

    with pytest.raises(Unavailable):
        await call(client)

    assert [r.url.path for r in smg.requests] == ["/api-admin/realm/acme/fwd" + path]
    assert sleep.delays == []


async def test_post_that_times_out_is_sent_once(client: SmgClient, smg: ScriptedSmg) -> None:
    smg.then_raise(httpx.ReadTimeout("timed out", request=httpx.Request("POST", SMG)))

    with pytest.raises(Timeout) as caught:
        await client.make_call("u1", "202", CallingDevice.LOCAL)

    assert len(smg.requests) == 1
    assert "konnekta.example:443" in str(caught.value)


async def test_post_is_repeated_when_no_connection_could_be_opened(
    client: SmgClient, smg: ScriptedSmg
) -> None:
    smg.then_raise(httpx.ConnectError("refused", request=httpx.Request("POST", SMG)))
    smg.then(201, {"call_id": "c9"})

    assert await client.make_call("u1", "202", CallingDevice.LOCAL) == "c9"
    assert len(smg.requests) == 2


async def test_connection_failure_after_retries_names_the_address(
    client: SmgClient, smg: ScriptedSmg
) -> None:
    for _ in range(4):
        smg.then_raise(httpx.ConnectError("refused", request=httpx.Request("GET", SMG)))

    with pytest.raises(ConnectionFailed) as caught:
        await client.users()

    assert len(smg.requests) == 4
    assert caught.value.address == "konnekta.example:443"
    assert caught.value.setting == SMG_ADDRESS
    assert "SMG Address" in str(caught.value)


async def test_get_timeout_after_retries_is_a_timeout(client: SmgClient, smg: ScriptedSmg) -> None:
    for _ in range(4):
        smg.then_raise(httpx.ReadTimeout("timed out", request=httpx.Request("GET", SMG)))
    with pytest.raises(Timeout):
        await client.activities()
    assert len(smg.requests) == 4


async def test_repeated_hang_up_that_finds_the_call_gone_counts_as_done(
    client: SmgClient, smg: ScriptedSmg
) -> None:
    smg.then_raise(httpx.ReadTimeout("timed out", request=httpx.Request("DELETE", SMG)))
    smg.then(404, {"code": "not_found", "message": "no call c1"})

    await client.hang_up("c1")

    assert len(smg.requests) == 2


async def test_hang_up_of_an_unknown_call_is_not_found(client: SmgClient, smg: ScriptedSmg) -> None:
    smg.then(404, {"code": "not_found", "message": "no call c1"})
    with pytest.raises(NotFound, match="no call c1") as caught:
        await client.hang_up("c1")
    assert caught.value.why.reason is Reason.NOT_KNOWN_TO_KONNEKTA


@pytest.mark.parametrize(
    "answer",
    [
        pytest.param([{"id": "u1"}], id="missing field"),
        pytest.param({"id": "u1"}, id="object instead of list"),
        pytest.param([{**USER, "devices": ["fax"]}], id="unknown device"),
    ],
)
async def test_answer_of_the_wrong_shape_is_a_protocol_error(
    client: SmgClient, smg: ScriptedSmg, answer: Any
) -> None:
    smg.then(200, answer)
    with pytest.raises(ProtocolError, match="GET /api-admin/realm/acme/fwd/users"):
        await client.users()


async def test_non_json_answer_is_a_protocol_error(client: SmgClient, smg: ScriptedSmg) -> None:
    smg.answers.append(httpx.Response(200, text="<html>login page</html>"))
    with pytest.raises(ProtocolError):
        await client.calls()


async def test_set_presence_needs_something_to_set(client: SmgClient) -> None:
    with pytest.raises(ValueError, match="activity_id"):
        await client.set_presence("u1")


async def test_every_attempt_is_counted_per_endpoint_and_reported_to_the_hook(
    smg: ScriptedSmg, tokens: FakeTokens, sleep: SleepRecorder
) -> None:
    heard: list[tuple[str, str, int | None]] = []
    smg.then(503, None)
    smg.then(200, PRESENCE)
    smg.then(200, PRESENCE)
    smg.then_raise(httpx.ConnectError("refused", request=httpx.Request("GET", SMG)))
    smg.then(200, [])
    async with httpx.AsyncClient(transport=httpx.MockTransport(smg.handle)) as http:
        client = SmgClient(
            SMG, tokens, http=http, sleep=sleep, on_request=lambda *a: heard.append(a)
        )
        await client.presence("u1")
        await client.presence("u2")
        await client.calls()

    assert client.request_counts == {"GET /users/{user_id}/presence": 3, "GET /calls": 2}
    assert heard == [
        ("GET", "/users/{user_id}/presence", 503),
        ("GET", "/users/{user_id}/presence", 200),
        ("GET", "/users/{user_id}/presence", 200),
        ("GET", "/calls", None),
        ("GET", "/calls", 200),
    ]


async def test_requests_are_logged_at_debug_without_tokens_or_secrets(
    client: SmgClient, smg: ScriptedSmg, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    smg.then(400, {"code": "bad_request", "message": f"bad secret {WEBHOOK_SECRET}"})
    smg.then(201, SUBSCRIPTION)

    with pytest.raises(BadRequest) as caught:
        await client.subscribe("https://pc.example:8443/hooks", WEBHOOK_SECRET)
    await client.subscribe("https://pc.example:8443/hooks", WEBHOOK_SECRET)

    assert "POST /webhooks -> 400" in caplog.text
    assert "POST /webhooks -> 201" in caplog.text
    for text in (caplog.text, str(caught.value), repr(caught.value)):
        assert "TOKENVALUE" not in text
        assert WEBHOOK_SECRET not in text
    assert WEBHOOK_SECRET not in (caught.value.server_message or "")


async def test_server_message_echoing_the_token_is_scrubbed(
    client: SmgClient, smg: ScriptedSmg
) -> None:
    smg.then(422, {"code": "unprocessable", "message": "token access-1-TOKENVALUE lacks device"})
    with pytest.raises(Unprocessable) as caught:
        await client.make_call("u1", "202", CallingDevice.TEAMS)
    assert "TOKENVALUE" not in str(caught.value)
    assert "lacks device" in str(caught.value)


async def test_login_failure_reaches_the_caller_unchanged(smg: ScriptedSmg) -> None:
    class RefusingLogin:
        async def access_token(self) -> str:
            raise Unauthorized(why(Reason.TOKEN_REFUSED, said="nope"), status=401)

        def invalidate(self, refused_token: str | None = None) -> None:
            raise AssertionError("not called")

    async with httpx.AsyncClient(transport=httpx.MockTransport(smg.handle)) as http:
        client = SmgClient(SMG, RefusingLogin(), http=http)
        with pytest.raises(KonnektaError, match="nope"):
            await client.users()
    assert smg.requests == []


async def test_smg_address_over_plain_http_to_a_remote_host_is_refused(tokens: FakeTokens) -> None:
    client = SmgClient("http://konnekta.example/api-admin/realm/acme/fwd", tokens)
    with pytest.raises(ConfigurationError) as caught:
        await client.users()  # refused before anything is sent
    assert caught.value.setting == SMG_ADDRESS
    await client.close()
