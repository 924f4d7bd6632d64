"""States and templates: what a colleague is doing, as the operator names it.

A state has a state class, which decides whether the colleague is available (green) or not
(red) in the PBX. A template is a named preset that sets a state, and optionally a duration,
a caller ID and a forwarding number. `ShownState` is what the switchboard shows for a colleague.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Final

from .types import Availability

__all__ = [
    "DEFAULT_STATES",
    "DEFAULT_TEMPLATES",
    "ShownState",
    "State",
    "StateClass",
    "SyncDirection",
    "Template",
    "availability_of",
]


class SyncDirection(StrEnum):
    """Which side wins when states are reconciled after start-up or a reconnect."""

    KONNEKTA_TO_LOCAL = "konnekta_to_local"
    LOCAL_TO_KONNEKTA = "local_to_konnekta"


class StateClass(StrEnum):
    """What kind of absence a state is; only Free counts as available."""

    FREE = "Free"
    TENTATIVE = "Tentative"
    BUSY = "Busy"
    OUT_OF_OFFICE = "OutOfOffice"
    WORKING_ELSEWHERE = "WorkingElsewhere"


def availability_of(state_class: StateClass) -> Availability:
    """Free is available (green) in Konnekta; every other class is unavailable (red)."""
    if state_class is StateClass.FREE:
        return Availability.AVAILABLE
    return Availability.UNAVAILABLE


@dataclass(frozen=True, slots=True)
class State:
    """What a user is doing, as the operator names it."""

    name: str
    state_class: StateClass


@dataclass(frozen=True, slots=True)
class Template:
    """A named preset: a state (by name), and optionally a duration, caller ID and forwarding.

    `duration_minutes` None means "until changed"; `caller_id` and `forwarding` None mean "leave
    as it is" (they are normalised numbers when set).
    """

    name: str
    state: str
    duration_minutes: int | None = None
    caller_id: str | None = None
    forwarding: str | None = None

    def __post_init__(self) -> None:
        if self.duration_minutes is not None and self.duration_minutes <= 0:
            raise ValueError(
                f"Template {self.name!r}: the duration must be a positive number of minutes, "
                f"not {self.duration_minutes}; leave it empty for 'until changed'"
            )


DEFAULT_STATES: Final[tuple[State, ...]] = (
    State("Available", StateClass.FREE),
    State("Busy", StateClass.BUSY),
    State("Meeting", StateClass.BUSY),
    State("Tentative meeting", StateClass.TENTATIVE),
    State("Lunch", StateClass.OUT_OF_OFFICE),
    State("Wrap-up", StateClass.BUSY),
    State("Working from home", StateClass.WORKING_ELSEWHERE),
    State("Travelling", StateClass.WORKING_ELSEWHERE),
    State("Course", StateClass.WORKING_ELSEWHERE),
    State("Out of office", StateClass.OUT_OF_OFFICE),
    State("Holiday", StateClass.OUT_OF_OFFICE),
    State("Sick", StateClass.OUT_OF_OFFICE),
)
"""States a Danish reception uses every day; operators add and rename their own in settings."""

DEFAULT_TEMPLATES: Final[tuple[Template, ...]] = (
    Template("Available", "Available"),
    Template("Busy", "Busy"),
    Template("Meeting 30 min", "Meeting", duration_minutes=30),
    Template("Meeting 1 hour", "Meeting", duration_minutes=60),
    Template("Tentative meeting", "Tentative meeting"),
    Template("Lunch", "Lunch", duration_minutes=30),
    Template("Wrap-up", "Wrap-up"),
    Template("Working from home", "Working from home"),
    Template("Travelling", "Travelling"),
    Template("Course", "Course"),
    Template("Out of office", "Out of office"),
    Template("Holiday", "Holiday"),
    Template("Sick", "Sick"),
)
"""One template per default state; forwarding and caller ID are company-specific, so left empty."""


@dataclass(frozen=True, slots=True)
class ShownState:
    """What the grid shows in the state column: the label, and the availability dot."""

    label: str
    available: bool
    unmapped: bool = False
    # Set here while disconnected with synchronisation off: Konnekta never heard of it, and
    # nothing will send it; it stays so until the next change, here or in Konnekta.
    out_of_step: bool = False
