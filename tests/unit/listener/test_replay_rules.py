"""ReplayGuard's edges: an id is remembered for exactly the window, and for at most 200 000 ids."""

from __future__ import annotations

from konnekta_desktop.listener.replay import ReplayGuard

WINDOW = 600.0
SEEN = 1000.0


def test_an_id_exactly_one_window_old_is_still_refused() -> None:
    """The window includes its edge: a redelivery arriving exactly `window` seconds after the
    first delivery is still a replay."""
    guard = ReplayGuard(window_seconds=WINDOW)
    assert guard.first_time("msg_1", now=SEEN)
    assert not guard.first_time("msg_1", now=SEEN + WINDOW)
    assert len(guard) == 1


def test_an_id_just_past_the_window_is_taken_again() -> None:
    guard = ReplayGuard(window_seconds=WINDOW)
    assert guard.first_time("msg_1", now=SEEN)
    assert guard.first_time("msg_1", now=SEEN + WINDOW + 0.5)


def test_forgetting_stops_at_the_first_id_still_in_the_window() -> None:
    """Ids are forgotten oldest first, up to the edge: the one seen exactly a window ago stays."""
    guard = ReplayGuard(window_seconds=WINDOW)
    guard.first_time("old", now=SEEN - 1)
    guard.first_time("edge", now=SEEN)
    guard.first_time("new", now=SEEN + 1)
    assert guard.first_time("now", now=SEEN + WINDOW)
    assert len(guard) == 3  # "old" is forgotten; "edge", "new" and "now" are kept
    assert not guard.first_time("edge", now=SEEN + WINDOW)
    assert guard.first_time("old", now=SEEN + WINDOW)


def test_by_default_at_most_200_000_ids_are_remembered() -> None:
    guard = ReplayGuard(window_seconds=WINDOW)
    for number in range(200_001):
        guard.first_time(f"msg_{number}", now=SEEN)
    assert len(guard) == 200_000
    assert not guard.first_time("msg_1", now=SEEN)
    assert guard.first_time("msg_0", now=SEEN)  # the oldest went to make room
