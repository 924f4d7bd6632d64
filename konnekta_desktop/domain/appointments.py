"""Appointments: a template applied to a colleague for a time span."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Appointment"]


@dataclass(frozen=True, slots=True)
class Appointment:
    """A template to apply to a user from `start` (inclusive) to `end` (exclusive)."""

    id: str
    user_id: str
    template_name: str
    start: float
    end: float

    def __post_init__(self) -> None:
        if self.end <= self.start:
            raise ValueError(
                f"Appointment {self.template_name!r} ends before it starts: "
                "choose an end time after the start time"
            )

    def current_at(self, now: float) -> bool:
        return self.start <= now < self.end
