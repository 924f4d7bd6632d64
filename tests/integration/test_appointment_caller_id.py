"""Appointments against the simulator: the caller ID an appointment sets is given back at its end.

Reference page, "Outbound Caller ID settings": the caller ID changes from the phone settings, a
state, or an appointment. An appointment's caller ID lasts as long as the appointment: at its end
the user's caller ID is what it was before, the default (none chosen) included.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from konnekta_desktop.core.clock import ManualClock
from konnekta_desktop.core.session import Session
from konnekta_desktop.core.store import Store
from konnekta_desktop.domain.appointments import Appointment
from konnekta_desktop.domain.states import Template
from konnekta_desktop.konnekta.models import CallerIds, Right, User  # the simulator's tenant
from konnekta_desktop.runtime import suggested_mappings
from konnekta_desktop.simulator.server import Simulator
from tests.helpers.konnekta import config_for, until

START = 1_800_000_000.0
COVER = Template("Reception cover", "Busy", caller_id="+4570203040")  # the main number


def may_set_caller_id(simulator: Simulator) -> User:
    return next(u for u in simulator.tenant.users.values() if Right.SET_CALLER_ID in u.rights)


def caller_id_in_konnekta(simulator: Simulator, user: User) -> Callable[[], str | None]:
    return lambda: simulator.tenant.caller_ids[user.id].current


async def cover_the_reception(
    simulator: Simulator, clock: ManualClock, tmp_path: Path, user: User
) -> Session:
    """A session whose store holds an appointment of `user` with COVER, begun 10 minutes ago."""
    store_path = tmp_path / "s.sqlite3"
    with Store(store_path) as store:
        store.save_template(COVER)
        store.save_appointment(
            Appointment("a1", user.id, COVER.name, clock.now() - 600, clock.now() + 3000)
        )
    activities, states = suggested_mappings(simulator.tenant.activities)
    config = config_for(simulator, activity_mappings=activities, state_mappings=states)
    session = Session(config, Store(store_path), clock=clock)
    await session.start()
    await session.connector.wait_connected()
    return session


async def test_outbound_caller_id_an_appointments_end_restores_the_default_caller_id(
    tmp_path: Path,
) -> None:
    clock = ManualClock(now=START)
    async with Simulator(users=10, seed=5, clock=clock.now) as simulator:
        user = may_set_caller_id(simulator)
        valid = simulator.tenant.caller_ids[user.id].valid
        simulator.tenant.caller_ids[user.id] = CallerIds(current=None, valid=valid)  # default
        session = await cover_the_reception(simulator, clock, tmp_path, user)
        current = caller_id_in_konnekta(simulator, user)
        await until(session.model, lambda: current() == COVER.caller_id)

        clock.advance(3001)
        await session.appointment_service.apply_due()

        assert current() is None
        assert [(c.method, c.path) for c in simulator.received if "caller-id" in c.path] == [
            ("PUT", f"/users/{user.id}/caller-id"),
            ("DELETE", f"/users/{user.id}/caller-id"),
        ]
        colleague = session.model.get(user.id)
        assert colleague is not None
        await until(session.model, lambda: colleague.caller_id is None)  # as Konnekta posted it
        assert session.store.active_appointments() == []
        await session.close()


async def test_outbound_caller_id_an_appointments_end_restores_the_caller_id_chosen_before(
    tmp_path: Path,
) -> None:
    clock = ManualClock(now=START)
    async with Simulator(users=10, seed=5, clock=clock.now) as simulator:
        user = may_set_caller_id(simulator)
        before = simulator.tenant.caller_ids[user.id].current
        assert before is not None
        assert before != COVER.caller_id
        session = await cover_the_reception(simulator, clock, tmp_path, user)
        current = caller_id_in_konnekta(simulator, user)
        await until(session.model, lambda: current() == COVER.caller_id)

        clock.advance(3001)
        await session.appointment_service.apply_due()

        assert current() == before
        await session.close()
