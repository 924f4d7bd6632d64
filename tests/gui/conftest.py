"""GUI test set-up: a qasync loop driven by pytest-qt, and the real simulator and session over loopback.

Tests are plain (synchronous) pytest-qt tests. The qasync loop is created "already running", so
asyncio tasks (the simulator's server, the connector, commands) make progress whenever Qt processes
events, which `qtbot.waitUntil` does while it polls. `run()` waits for one coroutine that way.
"""

from __future__ import annotations

import asyncio
import gc
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import qasync
import shiboken6
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from konnekta_desktop.core.session import Session
from konnekta_desktop.core.store import Store
from konnekta_desktop.domain.status import Connection
from konnekta_desktop.runtime import suggested_mappings
from konnekta_desktop.simulator.server import Simulator
from konnekta_desktop.ui.bridge import Bridge
from konnekta_desktop.ui.switchboard import MainWindow
from tests.gui.gui_helpers import OPERATOR_ID, SEED, USERS, Runner
from tests.helpers.konnekta import config_for


def delete_now(window: MainWindow) -> None:
    """Delete the window here rather than whenever deleteLater or the garbage collector gets to
    it: a lingering window's timers and event filters call Python, and a collection inside one
    of those calls frees the object Qt is delivering to (a segfault a few tests later)."""
    if shiboken6.isValid(window):
        window.shut_down()
        shiboken6.delete(window)


@pytest.fixture(autouse=True)
def collect_garbage_between_tests() -> Iterator[None]:
    """No garbage collection while a test runs Qt's event loop; one collection after it.

    A Qt object kept only by a reference cycle is deleted when the collector runs, and the
    collector runs whenever Python allocates: inside a timer event, an event filter or a slot
    of that very object, Qt then delivers to freed memory (segfaults a few tests later). Set up
    first, so the collection runs after every other fixture has closed what it opened."""
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
        gc.collect(1)  # this test's objects; older ones were collected after earlier tests


@pytest.fixture(autouse=True)
def no_thread_left_running() -> Iterator[None]:
    """Every thread a test starts (webhook listeners, the loop's executor) ends with the test:
    set up first, so this runs after every other fixture has closed what it opened."""
    before = set(threading.enumerate())
    yield
    started = [
        thread
        for thread in threading.enumerate()
        # Dummy threads stand for threads Python did not start (Qt's); they cannot be joined.
        if thread not in before and not isinstance(thread, threading._DummyThread)
    ]
    for thread in started:
        thread.join(timeout=5)
    assert [thread.name for thread in started if thread.is_alive()] == []


@pytest.fixture
def qasync_loop(qapp: QApplication, qtbot: QtBot) -> Iterator[asyncio.AbstractEventLoop]:
    loop = qasync.QEventLoop(qapp, already_running=True)
    asyncio.set_event_loop(loop)
    try:
        yield loop
    finally:
        # Whatever a test left waiting (a simulator's idle sender, say) ends before the loop does.
        leftovers = [task for task in asyncio.all_tasks(loop) if not task.done()]
        for task in leftovers:
            task.cancel()
        qtbot.waitUntil(lambda: all(task.done() for task in leftovers))
        # Not loop.stop(): it calls QApplication.exit(), which makes every later QEventLoop
        # (qtbot.waitUntil's too) return at once. Mark the loop stopped by hand instead.
        qapp.aboutToQuit.disconnect(loop._after_run_forever)
        loop._after_run_forever()
        loop._QEventLoop__is_running = False
        asyncio.events._set_running_loop(None)
        asyncio.set_event_loop(None)
        loop.close()


@pytest.fixture
def run(qasync_loop: asyncio.AbstractEventLoop, qtbot: QtBot) -> Runner:
    return Runner(qasync_loop, qtbot)


@pytest.fixture
def simulator(run: Runner) -> Iterator[Simulator]:
    sim = Simulator(users=USERS, seed=SEED)
    run(sim.start())
    try:
        yield sim
    finally:
        run(sim.close())


def make_session(
    simulator: Simulator, store_path: Path, operator_id: str, **overrides: Any
) -> Session:
    activities, states = suggested_mappings(simulator.tenant.activities)
    values: dict[str, Any] = {
        "activity_mappings": activities,
        "state_mappings": states,
        "operator_user": simulator.tenant.users[operator_id].username,
        "wrap_up": False,
    }
    values.update(overrides)
    return Session(config_for(simulator, **values), Store(store_path), simulator=simulator)


@pytest.fixture
def operator_id() -> str:
    return OPERATOR_ID


@pytest.fixture
def session(
    simulator: Simulator, tmp_path: Path, operator_id: str, run: Runner
) -> Iterator[Session]:
    session = make_session(simulator, tmp_path / "store.sqlite3", operator_id)
    try:
        yield session
    finally:
        run(session.close())


@pytest.fixture
def window(session: Session, qtbot: QtBot, run: Runner) -> Iterator[MainWindow]:
    """The switchboard window on a started, connected session."""
    bridge = Bridge(session)
    bridge.attach()
    window = MainWindow(session, bridge)
    qtbot.addWidget(window)
    window.show()
    run(session.start())
    qtbot.waitUntil(lambda: session.connector.status.state is Connection.CONNECTED, timeout=15_000)
    qtbot.waitUntil(lambda: window.colleague_model.rowCount() == USERS)
    try:
        yield window
    finally:
        run(window.tasks.cancel_all())
        bridge.detach()
        delete_now(window)
