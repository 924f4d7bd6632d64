"""Shared pieces of the GUI tests: the tenant they use, a runner for coroutines under pytest-qt,
and a large numbered tenant for the grid's models."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from typing import Any, TypeVar

from pytestqt.qtbot import QtBot

from konnekta_desktop.core.model import LiveModel
from konnekta_desktop.core.states import ShownState
from konnekta_desktop.domain import (
    Availability,
    Line,
    LineRole,
    LineType,
    User,
    UserStatus,
)
from konnekta_desktop.domain.states import DEFAULT_TEMPLATES, Template

T = TypeVar("T")

SEED = 5
USERS = 40
OPERATOR_ID = "user-00013"  # Camilla Jeppesen: local, mobile and Teams devices; may set caller ID
NO_CALLER_ID_RIGHT = "user-00004"  # Emil Kristiansen lacks the Set Caller ID right


class Runner:
    """Runs coroutines on the qasync loop while pytest-qt spins Qt's event loop."""

    def __init__(self, loop: asyncio.AbstractEventLoop, qtbot: QtBot) -> None:
        self.loop = loop
        self.qtbot = qtbot

    def __call__(self, coro: Coroutine[Any, Any, T], timeout: int = 15_000) -> T:
        task = self.loop.create_task(coro)
        self.qtbot.waitUntil(task.done, timeout=timeout)
        return task.result()


class CountingPresence:
    """Stands in for PresenceService (no store or mappings needed): counts the rows it renders."""

    def __init__(self) -> None:
        self.calls = 0

    def templates(self) -> list[Template]:
        return list(DEFAULT_TEMPLATES)

    def shown_state(self, user_id: str) -> ShownState:
        self.calls += 1
        return ShownState("Available", True)

    async def set_template(self, user_id: str, template_name: str) -> None:
        raise NotImplementedError

    def subscribe(self, callback: object) -> None:
        return None


def named_colleagues(people: list[tuple[str, str, str]]) -> LiveModel:
    """A live model of colleagues given as (name, department, fixed line number), ids "p0".."""
    users = [
        User(
            id=f"p{i}",
            username=f"p{i}@x.dk",
            name=name,
            department=department,
            lines=(Line(role=LineRole.PRIMARY, type=LineType.FIXED, number=number),),
        )
        for i, (name, department, number) in enumerate(people)
    ]
    return loaded_model(users)


def numbered_colleagues(count: int) -> LiveModel:
    """A live model of `count` colleagues "Person 00000".. in 40 departments "Team00x".., each
    with the fixed line +4533 and the person's number, loaded and flushed as the connector does."""
    users = [
        User(
            id=f"u{i:05d}",
            username=f"u{i}@x.dk",
            name=f"Person {i:05d}",
            department=f"Team{i % 40:02d}x",
            lines=(Line(role=LineRole.PRIMARY, type=LineType.FIXED, number=f"+4533{i:06d}"),),
        )
        for i in range(count)
    ]
    return loaded_model(users)


def loaded_model(users: list[User]) -> LiveModel:
    statuses = [
        UserStatus(user_id=u.id, activity_id=None, availability=Availability.AVAILABLE)
        for u in users
    ]
    model = LiveModel()
    model.load(users, statuses, [])
    model.flush()  # the initial load is delivered as a reset, as the connector does
    return model
