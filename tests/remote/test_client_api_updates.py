"""Updates: a change in Konnekta reaches every client with the next number; a client that
reconnects with last_seq gets what it missed, once, or a snapshot when that is gone."""

from __future__ import annotations

from konnekta_desktop.domain.types import Activity, Availability
from konnekta_desktop.remote.protocol import Snapshot, UpdateMessage
from konnekta_desktop.remote.window import WINDOW_SECONDS
from tests.remote.conftest import Running
from tests.remote.wsclient import Client


def an_available_colleague(
    connector: Running, skip: set[str] | frozenset[str] = frozenset()
) -> str:
    for colleague in connector.session.colleagues:
        if colleague.availability is Availability.AVAILABLE and colleague.id not in skip:
            return colleague.id
    raise AssertionError("nobody is available")


def an_activity(connector: Running) -> Activity:
    return next(iter(connector.session.colleagues.activities.values()))


def shows(update: UpdateMessage, user_id: str, availability: Availability) -> bool:
    return any(c.user.id == user_id and c.availability is availability for c in update.colleagues)


async def make_unavailable(connector: Running, user_id: str) -> int:
    """Change the user's presence in Konnekta; the number of the update that told of it."""
    activity = an_activity(connector)
    await connector.simulator.set_presence(user_id, activity.id, "unavailable")
    session = connector.session
    update = await connector.published(
        lambda _u: (
            (c := session.model.get(user_id)) is not None
            and c.availability is Availability.UNAVAILABLE
        )
    )
    return update.seq


def numbers(client: Client) -> list[int]:
    return [u.seq for u in client.updates()]


async def test_a_presence_change_reaches_two_clients_as_the_next_update(
    connector: Running,
) -> None:
    user_id = an_available_colleague(connector)
    async with connector.client() as first, connector.client() as second:
        await first.hello()
        await second.hello()
        snapshots = [await first.expect(Snapshot), await second.expect(Snapshot)]
        assert snapshots[0].seq == snapshots[1].seq
        await connector.simulator.set_presence(user_id, an_activity(connector).id, "unavailable")
        for client in (first, second):
            await client.update_where(lambda u: shows(u, user_id, Availability.UNAVAILABLE))
    start = snapshots[0].seq
    # The first update after the snapshot has the next number, and none is skipped.
    assert numbers(first) == list(range(start + 1, start + 1 + len(numbers(first))))
    assert numbers(first) == numbers(second)
    assert first.updates() == second.updates()


async def test_reconnecting_with_last_seq_resumes_without_loss_or_duplicates(
    connector: Running,
) -> None:
    first_user = an_available_colleague(connector)
    second_user = an_available_colleague(connector, {first_user})
    async with connector.client() as client:
        welcome = await client.hello()
        snapshot = await client.expect(Snapshot)
        await connector.simulator.set_presence(first_user, an_activity(connector).id, "unavailable")
        await client.update_where(lambda u: shows(u, first_user, Availability.UNAVAILABLE))
        last_seq = client.updates()[-1].seq
    # Gone: what happens now it must get when it comes back.
    missed_until = await make_unavailable(connector, second_user)
    assert missed_until > last_seq
    async with connector.client() as again:
        resumed = await again.hello(last_seq=last_seq, stream=welcome.stream)
        assert resumed.resumed
        await again.update_where(lambda u: u.seq == connector.api.window.seq)
        assert not any(isinstance(m, Snapshot) for m in again.received)
        seen = numbers(client) + numbers(again)
        assert seen == list(range(snapshot.seq + 1, connector.api.window.seq + 1))
        assert any(shows(u, second_user, Availability.UNAVAILABLE) for u in again.updates())
        # and it goes on live from there
        third_user = an_available_colleague(connector, {first_user, second_user})
        await connector.simulator.set_presence(third_user, an_activity(connector).id, "unavailable")
        await again.update_where(lambda u: shows(u, third_user, Availability.UNAVAILABLE))
    seen = numbers(client) + numbers(again)
    assert seen == list(range(snapshot.seq + 1, seen[-1] + 1))


async def test_a_client_up_to_date_resumes_with_nothing_to_catch_up(connector: Running) -> None:
    async with connector.client() as client:
        welcome = await client.hello()
        snapshot = await client.expect(Snapshot)
    async with connector.client() as again:
        resumed = await again.hello(last_seq=snapshot.seq, stream=welcome.stream)
        assert resumed.resumed
        user_id = an_available_colleague(connector)
        await connector.simulator.set_presence(user_id, an_activity(connector).id, "unavailable")
        update = await again.update_where(lambda u: shows(u, user_id, Availability.UNAVAILABLE))
    assert again.updates()[0].seq == snapshot.seq + 1
    assert update.seq >= snapshot.seq + 1


async def test_a_last_seq_older_than_the_window_gets_a_fresh_snapshot(connector: Running) -> None:
    async with connector.client() as client:
        welcome = await client.hello()
        snapshot = await client.expect(Snapshot)
    await make_unavailable(connector, an_available_colleague(connector))
    connector.clock.advance(WINDOW_SECONDS + 1)  # the update it missed is no longer held
    async with connector.client() as again:
        answer = await again.hello(last_seq=snapshot.seq, stream=welcome.stream)
        fresh = await again.expect(Snapshot)
    assert not answer.resumed
    assert fresh.seq == connector.api.window.seq > snapshot.seq


async def test_a_last_seq_of_another_stream_or_never_sent_gets_a_snapshot(
    connector: Running,
) -> None:
    async with connector.client() as client:
        welcome = await client.hello()
        snapshot = await client.expect(Snapshot)
    for last_seq, stream in [
        (snapshot.seq, "a-connector-that-ran-before"),
        (snapshot.seq, None),
        (snapshot.seq + 1000, welcome.stream),
    ]:
        async with connector.client() as again:
            answer = await again.hello(last_seq=last_seq, stream=stream)
            fresh = await again.expect(Snapshot)
        assert not answer.resumed
        assert fresh.seq == connector.api.window.seq
