"""The connector's event log under load: 20 lines a second, then "... and N more events in the
last second", written when that second ends, not when the next event arrives (issue "Hardening
the connection", item 9). The second ends on a fake timer: nothing sleeps."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator

import pytest

from konnekta_desktop.core.clock import ManualClock
from konnekta_desktop.core.config import ConnectorConfig
from konnekta_desktop.core.connector import Connector
from konnekta_desktop.domain.events import UserUpdate
from konnekta_desktop.domain.types import User
from tests.helpers.timers import FakeTimers

CONNECTOR_LOG = "konnekta_desktop.core.connector"


@pytest.fixture
def timers() -> FakeTimers:
    return FakeTimers()


@pytest.fixture
async def connector(timers: FakeTimers) -> AsyncIterator[Connector]:
    config = ConnectorConfig(
        issuer_uri="https://keycloak.invalid/realms/t",
        smg_address="https://smg.invalid",
        client_id="id",
        client_secret="secret",
        user="user",
        password="password",
    )
    connector = Connector(config, clock=ManualClock(), call_later=timers.call_later)
    yield connector
    await connector.close()


def added(number: int) -> UserUpdate:
    return UserUpdate(user=User(id=f"u{number}", username=f"user{number}", name=f"User {number}"))


def event_lines(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == CONNECTOR_LOG]


async def test_the_count_of_events_not_logged_comes_out_when_the_second_ends(
    connector: Connector, timers: FakeTimers, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger=CONNECTOR_LOG)
    connector._deliver([added(number) for number in range(25)])
    lines = event_lines(caplog)
    assert len(lines) == 20
    assert all(line.startswith("Event user added or changed") for line in lines)
    assert [timer.seconds for timer in timers.pending()] == [1.0]
    timers.fire()  # the second is over; no further event arrives
    assert event_lines(caplog)[20:] == ["... and 5 more events in the last second"]


async def test_a_quiet_second_says_nothing_more_and_the_next_event_starts_a_new_one(
    connector: Connector, timers: FakeTimers, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger=CONNECTOR_LOG)
    connector._deliver([added(1)])
    timers.fire()
    assert len(event_lines(caplog)) == 1
    connector._deliver([added(2)])
    assert len(event_lines(caplog)) == 2
    assert len(timers.pending()) == 1


async def test_closing_says_the_count_of_the_second_not_yet_over(
    connector: Connector, timers: FakeTimers, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger=CONNECTOR_LOG)
    connector._deliver([added(number) for number in range(22)])
    await connector.close()
    assert "... and 2 more events in the last second" in event_lines(caplog)
    assert timers.pending() == []
