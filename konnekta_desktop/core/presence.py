"""Local states and templates, and the mapping of presence between them and Konnekta activities.

Incoming: a Konnekta activity maps to a local template (activity mapping). Outgoing: a local state
maps to a Konnekta activity, and its state class decides available (green) or unavailable (red).
Anything unmapped is logged once per name and returned as `Unmapped`, never dropped silently.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from ..domain.states import (
    State,
    Template,
    availability_of,
)
from ..domain.types import PresenceChange

__all__ = [
    "PresenceMapper",
    "Unmapped",
]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Unmapped:
    """An activity or state that has no mapping (or maps to something that no longer exists)."""

    kind: Literal["activity", "state"]
    name: str

    @property
    def label(self) -> str:
        """What the UI shows in place of the missing mapping."""
        return f"unmapped: {self.name}"


class PresenceMapper:
    """Translates presence both ways with the mapping tables from settings.

    Build a new one when the settings or the list of activities change; it keeps which unmapped
    names it has logged, so each is logged once per mapper.
    """

    def __init__(
        self,
        *,
        activity_mappings: Mapping[str, str],
        state_mappings: Mapping[str, str],
        states: Sequence[State],
        templates: Sequence[Template],
        activities: Mapping[str, str],
    ) -> None:
        """`activity_mappings`: activity id -> template name; `state_mappings`: state name ->
        activity id; `activities`: activity id -> name, as fetched from Konnekta at start-up.
        """
        self._activity_mappings = dict(activity_mappings)
        self._state_mappings = dict(state_mappings)
        self._states = {state.name: state for state in states}
        self._templates = {template.name: template for template in templates}
        self._activities = dict(activities)
        self._unmapped: dict[tuple[str, str], Unmapped] = {}

    @property
    def unmapped(self) -> tuple[Unmapped, ...]:
        """Every unmapped activity and state met so far, in the order met (for a settings hint)."""
        return tuple(self._unmapped.values())

    def activity_name(self, activity_id: str) -> str:
        return self._activities.get(activity_id, activity_id)

    def state(self, name: str) -> State | None:
        return self._states.get(name)

    def template_for_activity(self, activity_id: str) -> Template | Unmapped:
        """The local template a Konnekta activity maps to, or `Unmapped` (named by the activity)."""
        template_name = self._activity_mappings.get(activity_id)
        template = self._templates.get(template_name) if template_name is not None else None
        if template is not None:
            return template
        name = self.activity_name(activity_id)
        if template_name is None:
            why = "no template is mapped to it in Settings > Activity mappings"
        else:
            why = f"it maps to template {template_name!r}, which does not exist"
        return self._note(Unmapped("activity", name), f"Konnekta activity {name!r} ({why})")

    def activity_for_state(self, state: State) -> str | Unmapped:
        """The Konnekta activity id a local state maps to, or `Unmapped` (named by the state)."""
        activity_id = self._state_mappings.get(state.name)
        if activity_id is not None and (not self._activities or activity_id in self._activities):
            return activity_id
        if activity_id is None:
            why = "no Konnekta activity is mapped to it in Settings > State mappings"
        else:
            why = f"it maps to activity id {activity_id!r}, which Konnekta does not list"
        return self._note(Unmapped("state", state.name), f"state {state.name!r} ({why})")

    def konnekta_for_state(self, state: State) -> PresenceChange:
        """What to send to Konnekta for a local state.

        The availability always follows the state class, mapped or not. An unmapped state sends no
        activity (Konnekta keeps its current one); it is logged once and listed in `unmapped`.
        """
        activity = self.activity_for_state(state)
        return PresenceChange(
            activity_id=None if isinstance(activity, Unmapped) else activity,
            availability=availability_of(state.state_class),
        )

    def _note(self, unmapped: Unmapped, what: str) -> Unmapped:
        key = (unmapped.kind, unmapped.name)
        if key not in self._unmapped:
            self._unmapped[key] = unmapped
            log.warning("Presence not mapped: %s; it is shown as %r", what, unmapped.label)
        return self._unmapped[key]
