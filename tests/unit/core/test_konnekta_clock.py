"""Konnekta's clock from the `Date` of its answers, and what the operator is told about clocks
(Hardening the connection, item 3)."""

from __future__ import annotations

from email.utils import formatdate

from konnekta_desktop.core.clock import ManualClock
from konnekta_desktop.core.konnekta_clock import KonnektaClock, clock_warning
from konnekta_desktop.domain.refusals import Reason, why


def test_the_offset_is_the_median_of_the_answers_and_ignores_what_is_not_a_date() -> None:
    local = ManualClock(now=1_800_000_000.0)
    konnekta = KonnektaClock(local.now)
    for ahead in (600, 601, 5000, 599):  # one answer delayed in a queue does not move it
        konnekta.observe(formatdate(local.now() + ahead, usegmt=True))
    konnekta.observe("yesterday")
    konnekta.observe(None)
    assert konnekta.offset == 600.5
    assert konnekta.now() == local.now() + 600.5


def test_a_second_or_so_of_difference_is_no_difference() -> None:
    local = ManualClock(now=1_800_000_000.0)
    konnekta = KonnektaClock(local.now)
    konnekta.observe(formatdate(local.now() + 1, usegmt=True))
    assert konnekta.offset == 0.0


def test_the_operator_is_told_when_the_clocks_are_more_than_a_minute_apart() -> None:
    assert clock_warning(59.0, 0, 0, synced=None) is None
    assert clock_warning(-600.0, 0, 0, synced=None) == why(Reason.CLOCKS_DIFFER, minutes="10")
    assert clock_warning(600.0, 0, 0, synced=True) == why(Reason.KONNEKTA_CLOCK_AHEAD, minutes="10")
    assert clock_warning(-600.0, 0, 0, synced=True) == why(
        Reason.KONNEKTA_CLOCK_BEHIND, minutes="10"
    )


def test_three_signed_events_in_a_row_refused_for_their_time_are_said_first() -> None:
    assert clock_warning(0.0, 2, 900, synced=None) is None
    assert clock_warning(0.0, 3, 900, synced=None) == why(
        Reason.EVENTS_REFUSED_FOR_TIME, minutes="15"
    )
