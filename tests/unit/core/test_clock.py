"""Clocks: the manual clock moves only when told, and both clocks satisfy the `Clock` protocol."""

from __future__ import annotations

import pytest

from konnekta_desktop.core.clock import Clock, ManualClock, SystemClock


def test_both_clocks_are_clocks() -> None:
    assert isinstance(SystemClock(), Clock)
    assert isinstance(ManualClock(), Clock)


def test_manual_clock_moves_wall_and_monotonic_time_together() -> None:
    clock = ManualClock(now=1000.0)
    clock.advance(2.5)
    assert (clock.now(), clock.monotonic()) == (1002.5, 2.5)


def test_manual_clock_jump_moves_only_the_wall_clock() -> None:
    clock = ManualClock(now=1000.0)
    clock.set(500.0)
    assert (clock.now(), clock.monotonic()) == (500.0, 0.0)


def test_manual_clock_refuses_to_go_back() -> None:
    with pytest.raises(ValueError, match="cannot go back"):
        ManualClock().advance(-1)


def test_system_clock_monotonic_time_does_not_go_back() -> None:
    clock = SystemClock()
    first = clock.monotonic()
    assert clock.monotonic() >= first
    assert clock.now() > 1_600_000_000
