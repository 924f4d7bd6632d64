"""The desktop's client mode: a `RemoteSession` on a real company connector running the
simulator. It shows what the connector's session shows, hears every change as an update with the
connector's number, carries commands out once per request id (also when the connection drops
mid-command), brings refusals back as their codes, starts afresh after the connector restarts,
and is stale, refusing calls, while it is not connected."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest

from konnekta_desktop.core.session import Session
from konnekta_desktop.domain.interface import Role, Update
from konnekta_desktop.domain.list_edits import DeleteTemplate, SaveTemplate
from konnekta_desktop.domain.refusals import Reason, Refused, WentWrong, why
from konnekta_desktop.domain.states import State, StateClass, Template
from konnekta_desktop.domain.status import Connection
from konnekta_desktop.domain.types import Availability, CallingDevice, CallState
from konnekta_desktop.remote.client import client_url
from konnekta_desktop.remote.remote_session import RemoteSession
from konnekta_desktop.remote.server import ClientApi
from konnekta_desktop.remote.service import ServerOptions, serve_connector
from konnekta_desktop.runtime import LaunchOptions
from konnekta_desktop.settings import AppPaths
from tests.helpers.ports import free_port
from tests.remote.conftest import Running
from tests.remote.test_client_api_commands import EXTERNAL, a_caller, calls_placed
from tests.remote.test_client_api_updates import an_activity, an_available_colleague
from tests.remote.wsclient import WAIT


class Watched:
    """A remote session and the updates it published."""

    def __init__(self, session: RemoteSession) -> None:
        self.session = session
        self.updates: list[Update] = []
        self._waiting: list[tuple[Callable[[Update], bool], asyncio.Future[Update]]] = []
        session.subscribe(self._on_update)

    def _on_update(self, update: Update) -> None:
        self.updates.append(update)
        for wanted, found in list(self._waiting):
            if not found.done() and wanted(update):
                found.set_result(update)

    async def update(self, wanted: Callable[[Update], bool]) -> Update:
        """The next update for which `wanted` is true."""
        found: asyncio.Future[Update] = asyncio.get_running_loop().create_future()
        entry = (wanted, found)
        self._waiting.append(entry)
        try:
            return await asyncio.wait_for(found, WAIT)
        finally:
            self._waiting.remove(entry)


async def connected(address: str, token: str, **options: float) -> Watched:
    watched = Watched(RemoteSession(address, token=token, **options))
    await watched.session.start()
    await asyncio.wait_for(watched.session.wait_connected(), WAIT)
    return watched


@pytest.fixture
async def remote(connector: Running) -> AsyncIterator[Watched]:
    watched = await connected(connector.api.base_url, connector.token)
    try:
        yield watched
    finally:
        await watched.session.close()


def reason_of(error: pytest.ExceptionInfo[Refused]) -> Reason:
    return error.value.reason


# -- what it shows ---------------------------------------------------------------------------


async def test_its_colleagues_match_the_connectors(remote: Watched, connector: Running) -> None:
    mine, theirs = remote.session, connector.session
    assert [c.id for c in mine.colleagues] == [c.id for c in theirs.colleagues]
    for colleague in theirs.colleagues:
        copy = mine.colleagues.get(colleague.id)
        assert copy == colleague
        assert mine.colleagues.row_of(colleague.id) == theirs.colleagues.row_of(colleague.id)
        assert mine.shown_state(colleague.id) == theirs.shown_state(colleague.id)
    assert dict(mine.colleagues.activities) == dict(theirs.colleagues.activities)
    assert mine.operator is not None
    assert mine.operator == theirs.operator
    assert mine.plan == theirs.plan
    assert mine.states() == theirs.states()
    assert mine.templates() == theirs.templates()
    assert mine.demo
    assert mine.status.state is Connection.CONNECTED
    assert not mine.stale
    assert mine.listener_port is None  # no webhook listener on this desktop


async def test_a_presence_change_reaches_it_as_an_update_with_the_connectors_number(
    remote: Watched, connector: Running
) -> None:
    user_id = an_available_colleague(connector)
    await connector.simulator.set_presence(user_id, an_activity(connector).id, "unavailable")
    session = connector.session

    def unavailable(model_of: Any) -> bool:
        colleague = model_of.get(user_id)
        return colleague is not None and colleague.availability is Availability.UNAVAILABLE

    published = await connector.published(lambda _u: unavailable(session.colleagues))
    update = await remote.update(lambda u: u.seq == published.seq)
    assert update.colleagues is not None
    assert user_id in update.colleagues.changed
    assert unavailable(remote.session.colleagues)
    assert remote.session.shown_state(user_id) == session.shown_state(user_id)


async def test_a_call_back_call_rings_and_leaves_with_its_mark(
    remote: Watched, connector: Running
) -> None:
    call_id = await connector.simulator.ring_queue("Support", "+4587654321", callback=True)
    await remote.update(
        lambda _u: any(c.call_id == call_id for c in remote.session.colleagues.active_calls())
    )
    legs = [c for c in remote.session.colleagues.active_calls() if c.call_id == call_id]
    assert legs
    assert all(leg.callback and leg.queue == "Support" for leg in legs)
    await connector.simulator.hang_up(call_id)

    def gone(_update: Update) -> bool:
        return not any(c.call_id == call_id for c in remote.session.colleagues.active_calls())

    await remote.update(gone)
    ended = [
        call
        for update in remote.updates
        if update.colleagues is not None
        for call in update.colleagues.ended_calls
        if call.call_id == call_id
    ]
    assert {leg.user_id for leg in legs} <= {c.user_id for c in ended}
    assert all(c.state is CallState.ENDED for c in ended)


async def test_a_colleague_added_and_removed_comes_and_goes_in_name_order(
    remote: Watched, connector: Running
) -> None:
    user = await connector.simulator.add_user("Åse Østergaard", department="Salg")
    added = await remote.update(lambda _u: remote.session.colleagues.get(user.id) is not None)
    assert added.colleagues is not None
    assert added.colleagues.reset
    mine, theirs = remote.session.colleagues, connector.session.colleagues
    assert [c.id for c in mine] == [c.id for c in theirs]
    await connector.simulator.remove_user(user.id)
    await remote.update(lambda _u: remote.session.colleagues.get(user.id) is None)
    assert [c.id for c in mine] == [c.id for c in theirs]


# -- commands --------------------------------------------------------------------------------


async def test_a_dial_through_it_reaches_konnekta_once(remote: Watched, connector: Running) -> None:
    caller = a_caller(connector)
    call_id = await remote.session.dial(caller, EXTERNAL, CallingDevice.LOCAL, request_id="r-1")
    assert calls_placed(connector, caller) == 1
    await remote.update(lambda _u: call_id in calls_of(remote.session, caller))
    assert connector.simulator.tenant.calls[call_id][caller].state is CallState.RINGING


def calls_of(session: RemoteSession, user_id: str) -> set[str]:
    colleague = session.colleagues.get(user_id)
    return set(colleague.calls) if colleague is not None else set()


async def test_a_dial_whose_connection_drops_mid_command_is_sent_again_and_placed_once(
    remote: Watched, connector: Running, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = connector.session
    caller = a_caller(connector)
    dial = session.dial
    seen: list[str | None] = []

    async def dial_and_lose_the_answer(*args: Any, request_id: str | None = None) -> str:
        seen.append(request_id)
        placing = asyncio.ensure_future(dial(*args, request_id=request_id))
        if len(seen) == 1:
            # The connector has the command; the desktop's connection drops before the answer.
            await remote.session.reconnect_now(why(Reason.NETWORK_CHANGED))
        return await placing

    monkeypatch.setattr(session, "dial", dial_and_lose_the_answer)
    before = len(remote.updates)
    call_id = await remote.session.dial(caller, EXTERNAL, CallingDevice.LOCAL, request_id="r-2")
    assert seen == ["r-2", "r-2"]  # sent again with the same request id
    assert calls_placed(connector, caller) == 1
    assert connector.simulator.tenant.calls[call_id][caller].state is CallState.RINGING
    states = [u.status.state for u in remote.updates[before:] if u.status is not None]
    assert Connection.RECONNECTING in states
    # It resumed where it was: no fresh snapshot (a reset) was needed.
    assert not any(u.colleagues is not None and u.colleagues.reset for u in remote.updates[before:])


async def test_a_command_whose_connection_does_not_come_back_is_said_to_be_lost(
    connector: Running, monkeypatch: pytest.MonkeyPatch
) -> None:
    watched = await connected(connector.api.base_url, connector.token, resend_within=0.0)
    session = connector.session
    dial = session.dial
    closing: list[asyncio.Task[None]] = []

    async def dial_as_the_connector_goes(*args: Any, request_id: str | None = None) -> str:
        closing.append(asyncio.ensure_future(connector.api.close()))
        return await dial(*args, request_id=request_id)

    monkeypatch.setattr(session, "dial", dial_as_the_connector_goes)
    try:
        with pytest.raises(Refused) as lost:
            await watched.session.dial(a_caller(connector), EXTERNAL, CallingDevice.LOCAL)
        assert reason_of(lost) is Reason.CONNECTOR_ANSWER_LOST
        assert lost.value.params == {"command": "dial", "seconds": "0"}
    finally:
        await asyncio.gather(*closing)
        await watched.session.close()


async def test_a_refusal_comes_back_as_the_connectors_code(
    remote: Watched, connector: Running
) -> None:
    caller = a_caller(connector)
    with pytest.raises(Refused) as at_the_connector:
        await connector.session.set_template(caller, "No such template")
    with pytest.raises(Refused) as here:
        await remote.session.set_template(caller, "No such template")
    assert here.value == at_the_connector.value
    assert reason_of(here) is Reason.NO_SUCH_TEMPLATE
    with pytest.raises(Refused) as not_a_number:
        await remote.session.dial(caller, "reception", CallingDevice.LOCAL)
    assert reason_of(not_a_number) is Reason.NUMBER_NOT_A_NUMBER
    await remote.session.set_forwarding(caller, EXTERNAL, request_id="same")
    with pytest.raises(Refused) as reused:
        await remote.session.set_forwarding(caller, "+4587000000", request_id="same")
    assert reason_of(reused) is Reason.REQUEST_ID_REUSED
    assert calls_placed(connector, caller) == 0


async def test_the_tenants_settings_are_the_connectors(remote: Watched) -> None:
    session = remote.session
    assert session.role.value == "operator"  # Settings shows the tenant's pages read-only
    with pytest.raises(WentWrong) as refused:
        session.save_state(State("Somewhere", StateClass.BUSY))
    assert refused.value.why.reason is Reason.TENANT_SETTINGS_AT_CONNECTOR
    assert session.settings_problems == ()
    assert session.secrets is None


# -- not connected ---------------------------------------------------------------------------


async def test_it_starts_stale_and_refuses_calls_until_it_reaches_a_connector() -> None:
    address = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    watched = Watched(RemoteSession(address, token="some token"))
    session = watched.session
    try:
        assert session.stale
        assert session.status.state is Connection.CONNECTING
        await session.start()
        update = await watched.update(lambda u: u.status is not None)
        assert update.status is not None
        assert update.status.state is Connection.CONNECTING
        assert update.status.why is not None
        assert update.status.why.reason is Reason.CONNECTOR_UNREACHABLE
        assert session.stale
        with pytest.raises(Refused) as dial:
            await session.dial("user-00001", EXTERNAL, CallingDevice.LOCAL)
        assert reason_of(dial) is Reason.CALLS_WAIT_UNTIL_LIVE
        with pytest.raises(Refused) as forwarding:
            await session.set_forwarding("user-00001", EXTERNAL)
        assert reason_of(forwarding) is Reason.CONNECTOR_NOT_REACHED
    finally:
        await session.close()


async def test_it_is_stale_and_refuses_calls_while_the_connector_is_gone(
    remote: Watched, connector: Running
) -> None:
    await connector.api.close()  # the connector says goodbye to its desktops (1001)
    update = await remote.update(lambda u: u.status is not None)
    assert update.status is not None
    assert update.status.state is Connection.RECONNECTING
    assert remote.session.stale
    caller = a_caller(connector)
    with pytest.raises(Refused) as hang_up:
        await remote.session.hang_up("call-1")
    assert reason_of(hang_up) is Reason.CALLS_WAIT_UNTIL_LIVE
    with pytest.raises(Refused) as dial:
        await remote.session.dial(caller, EXTERNAL, CallingDevice.LOCAL)
    assert reason_of(dial) is Reason.CALLS_WAIT_UNTIL_LIVE
    assert calls_placed(connector, caller) == 0
    # What it showed stays on screen meanwhile.
    assert len(remote.session.colleagues) == len(connector.session.colleagues)


# -- the connector restarts ------------------------------------------------------------------


async def start_connector(
    config_dir: Path, port: int, users: int, seed: int
) -> tuple[ClientApi, Session, asyncio.Event, asyncio.Task[int]]:
    stop = asyncio.Event()
    ready: asyncio.Future[tuple[ClientApi, Session]] = asyncio.get_running_loop().create_future()

    def on_ready(api: ClientApi, session: Session) -> None:
        assert session.simulator is not None
        session.simulator.set_auto_traffic(False)
        ready.set_result((api, session))

    options = ServerOptions(
        launch=LaunchOptions(demo=True, config_dir=config_dir, users=users, seed=seed), port=port
    )
    run = asyncio.create_task(serve_connector(options, stop, on_ready))
    api, session = await asyncio.wait_for(ready, WAIT)
    await asyncio.wait_for(session.wait_connected(), WAIT)
    return api, session, stop, run


async def test_after_the_connector_restarts_it_starts_again_from_a_fresh_snapshot(
    tmp_path: Path, restore_logging: None
) -> None:
    port = free_port()
    api, _, stop, run = await start_connector(tmp_path / "first", port, users=20, seed=4)
    invitation = api.operators.invite("anyone", Role.OPERATOR)
    token, _ = api.operators.enrol(invitation.code, "test desktop")
    watched = await connected(api.base_url, token)
    session = watched.session
    try:
        first_stream = api.stream
        stop.set()
        assert await asyncio.wait_for(run, 30) == 0
        await watched.update(
            lambda u: u.status is not None and u.status.state is Connection.RECONNECTING
        )
        assert session.stale

        # Its store (so the operators) is the same; its tenant another.
        api, second, stop, run = await start_connector(tmp_path / "first", port, users=12, seed=9)
        assert api.stream != first_stream
        await session.reconnect_now(why(Reason.NETWORK_BACK))  # rather than wait for the retry
        fresh = await watched.update(lambda u: u.colleagues is not None and u.colleagues.reset)
        assert fresh.seq <= api.window.seq  # the new connector's numbers
        assert [c for c in session.colleagues] == [c for c in second.colleagues]
        assert len(session.colleagues) == 12
        await asyncio.wait_for(session.wait_connected(), WAIT)
        assert not session.stale
    finally:
        await session.close()
        stop.set()
        assert await asyncio.wait_for(run, 30) == 0


# -- the address -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "url"),
    [
        ("http://127.0.0.1:8471", "ws://127.0.0.1:8471/client"),
        ("http://127.0.0.1:8471/", "ws://127.0.0.1:8471/client"),
        ("127.0.0.1:8471", "ws://127.0.0.1:8471/client"),
        ("https://switchboard.example.dk:443", "wss://switchboard.example.dk:443/client"),
        ("ws://[::1]:8471/client", "ws://[::1]:8471/client"),
        ("https://switchboard.example.dk", "wss://switchboard.example.dk:443/client"),
        ("localhost", "ws://localhost:8471/client"),
        ("wss://Switchboard.Example.dk/connector", "wss://switchboard.example.dk:443/connector"),
    ],
)
def test_the_address_given_becomes_the_client_api_address(typed: str, url: str) -> None:
    assert client_url(typed) == url


@pytest.mark.parametrize(
    "typed", ["", "ftp://host:1", "http://:8471", "http://h:1?x", "https://h:99999"]
)
def test_an_address_that_is_no_connectors_is_refused_with_a_code(typed: str) -> None:
    with pytest.raises(WentWrong) as refused:
        client_url(typed)
    assert refused.value.why.reason is Reason.CONNECTOR_ADDRESS_WRONG


@pytest.mark.parametrize(
    "typed", ["http://switchboard.example.dk", "ws://10.0.0.5:8471", "http://192.168.1.2"]
)
def test_a_connector_on_another_computer_is_reached_only_over_tls(typed: str) -> None:
    """Issue "Company connector" item 5: plain HTTP only on loopback."""
    with pytest.raises(WentWrong) as refused:
        client_url(typed)
    assert refused.value.why.reason is Reason.CONNECTOR_NEEDS_TLS


# -- starting from the kept snapshot ---------------------------------------------------------


async def test_a_desktop_starts_from_its_kept_snapshot_stale_until_the_connector_answers(
    connector: Running, tmp_path: Path
) -> None:
    """Issue "Company connector" item 4: the desktop starts from its cached last snapshot,
    marked stale, with call commands refused until it is live."""
    paths = AppPaths.for_dir(tmp_path / "desktop")
    first = RemoteSession(connector.api.base_url, token=connector.token, paths=paths)
    await first.start()
    try:
        await asyncio.wait_for(first.wait_connected(), WAIT)
    finally:
        await first.close()
    kept = paths.cache_dir / "connector-snapshot.json"
    assert kept.stat().st_mode & 0o077 == 0  # owner-only

    await connector.api.close()  # the connector is away when the desktop starts again
    watched = Watched(RemoteSession(connector.api.base_url, token=connector.token, paths=paths))
    session = watched.session
    try:
        await session.start()
        assert len(session.colleagues) == len(connector.session.colleagues)
        assert session.stale
        assert session.pending_wrapups() == []
        with pytest.raises(Refused) as dial:
            await session.dial(a_caller(connector), EXTERNAL, CallingDevice.LOCAL)
        assert reason_of(dial) is Reason.CALLS_WAIT_UNTIL_LIVE
    finally:
        await session.close()

    other = RemoteSession(f"http://127.0.0.1:{free_port()}", token="t", paths=paths)
    await other.start()
    try:
        assert len(other.colleagues) == 0  # another connector's snapshot is not shown
    finally:
        await other.close()


async def test_two_operators_desktops_see_one_call_and_a_dial_from_one_reaches_the_pbx_once(
    connector: Running,
) -> None:
    """Issue "Company connector", tests: server + simulator + two desktops' sessions."""
    colleagues = [c for c in connector.session.colleagues if c.user.username]
    first = await connected(connector.api.base_url, connector.enrolled(colleagues[0].user.username))
    second = await connected(
        connector.api.base_url, connector.enrolled(colleagues[1].user.username)
    )
    try:
        assert first.session.operator is not None
        assert second.session.operator is not None
        assert first.session.operator.id != second.session.operator.id
        caller = a_caller(connector)
        call_id = await first.session.dial(caller, EXTERNAL, CallingDevice.LOCAL)

        def shown(desktop: Watched) -> bool:
            return call_id in calls_of(desktop.session, caller)

        for desktop in (first, second):
            if not shown(desktop):
                await desktop.update(lambda _update, d=desktop: shown(d))
        assert calls_placed(connector, caller) == 1
    finally:
        await first.session.close()
        await second.session.close()


async def test_two_desktops_of_one_operator_both_show_a_wrap_up_and_the_first_completion_ends_it(
    connector: Running,
) -> None:
    """Issue "Company connector", item 4: with two desktops of one operator, both show the
    wrap-up and the first completion ends it on both."""
    me = connector.session.operator
    assert me is not None
    first = await connected(connector.api.base_url, connector.enrolled(me.user.username))
    second = await connected(connector.api.base_url, connector.enrolled(me.user.username))
    try:
        call_id = await connector.simulator.ring(me.id, EXTERNAL)
        await connector.simulator.answer(call_id)
        await connector.simulator.hang_up(call_id)
        for desktop in (first, second):
            if not any(w.call_id == call_id for w in desktop.session.pending_wrapups()):
                await desktop.update(lambda u: any(w.call_id == call_id for w in u.wrapups))
        [wrapup] = [w for w in first.session.pending_wrapups() if w.call_id == call_id]
        await first.session.complete_wrapup(wrapup, "done on the first desktop")
        if not any(call_id in u.wrapups_done for u in second.updates):
            await second.update(lambda u: call_id in u.wrapups_done)
        assert all(w.call_id != call_id for w in second.session.pending_wrapups())
    finally:
        await first.session.close()
        await second.session.close()


async def test_wrap_up_runs_for_the_operators_whose_desktop_is_connected(
    connector: Running,
) -> None:
    """Issue "Company connector", item 4: wrap-up runs for operators whose desktop is connected
    (the Wrap-Up section of the reference page), not for whoever the connector's settings name."""
    configured = connector.session.operator
    assert configured is not None
    other = next(
        c for c in connector.session.colleagues if c.user.wrap_up and c.id != configured.id
    )
    desktop = await connected(connector.api.base_url, connector.enrolled(other.user.username))
    try:
        theirs = await connector.simulator.ring(other.id, EXTERNAL)
        await connector.simulator.answer(theirs)
        await connector.simulator.hang_up(theirs)
        if not any(w.call_id == theirs for w in desktop.session.pending_wrapups()):
            await desktop.update(lambda u: any(w.call_id == theirs for w in u.wrapups))

        nobodys = await connector.simulator.ring(configured.id, EXTERNAL)
        await connector.simulator.answer(nobodys)
        ended = asyncio.ensure_future(
            connector.published(
                lambda u: (
                    u.colleagues is not None
                    and any(c.call_id == nobodys for c in u.colleagues.ended_calls)
                )
            )
        )
        await asyncio.sleep(0)  # listening before the call ends
        await connector.simulator.hang_up(nobodys)
        await ended
        pending = {w.call_id for w in connector.session.pending_wrapups()}
        assert theirs in pending
        assert nobodys not in pending  # the configured operator has no desktop here
    finally:
        await desktop.session.close()


async def test_an_administrator_changes_the_tenants_lists_for_every_desktop_and_an_operator_cannot(
    connector: Running,
) -> None:
    """Issue "Company connector", item 3: only administrators change templates (and states and
    appointments), through the desktop's Settings window, which edits the connector's; every
    desktop then shows the new lists."""
    colleagues = [c for c in connector.session.colleagues if c.user.username]
    admin = await connected(connector.api.base_url, connector.token)
    operator = await connected(
        connector.api.base_url, connector.enrolled(colleagues[3].user.username)
    )
    try:
        state = connector.session.states()[0].name
        new = Template(name="Front desk cover", state=state, duration_minutes=30)
        await admin.session.save_lists([SaveTemplate(template=new)])
        assert new in connector.session.store.templates()
        if new not in operator.session.templates():
            await operator.update(lambda u: u.lists)
        assert new in operator.session.templates()

        with pytest.raises(Refused) as refused:
            await operator.session.save_lists([DeleteTemplate(name=new.name)])
        assert reason_of(refused) is Reason.ADMINISTRATORS_ONLY
        assert new in connector.session.store.templates()
    finally:
        await admin.session.close()
        await operator.session.close()


async def test_an_administrator_changes_the_company_settings_on_the_connector(
    connector: Running, tmp_path: Path
) -> None:
    """Issue "Company connector", item 3: mappings and the other company settings are changed
    through an administrator's desktop, which edits the connector's configuration; never the
    connection, and never by an operator."""
    admin = await connected(connector.api.base_url, connector.token)
    colleagues = [c for c in connector.session.colleagues if c.user.username]
    operator = await connected(
        connector.api.base_url, connector.enrolled(colleagues[3].user.username)
    )
    try:
        activity = next(iter(connector.session.colleagues.activities))
        mappings = {activity: connector.session.templates()[0].name}
        await admin.session.save_tenant_settings({"activity_mappings": mappings})
        assert dict(connector.session.config.activity_mappings) == mappings
        assert connector.session.paths is not None
        assert activity in connector.session.paths.settings_file.read_text()
        if not any(u.tenant_settings for u in operator.updates):
            await operator.update(lambda u: u.tenant_settings)

        with pytest.raises(Refused) as wrong:
            await admin.session.save_tenant_settings({"international_code": "999999"})
        assert wrong.value.why.params.get("setting") == "International Code"
        with pytest.raises(Refused) as connection:
            await admin.session.save_tenant_settings({"smg_address": "https://evil.example"})
        assert reason_of(connection) is Reason.MESSAGE_FIELDS_WRONG
        with pytest.raises(Refused) as not_admin:
            await operator.session.save_tenant_settings({"activity_mappings": {}})
        assert reason_of(not_admin) is Reason.ADMINISTRATORS_ONLY
        assert dict(connector.session.config.activity_mappings) == mappings
    finally:
        await admin.session.close()
        await operator.session.close()
