"""ReplayGuard: a webhook id is taken once, and what it remembers stays bounded by age and count."""

from __future__ import annotations

from konnekta_desktop.listener.replay import ReplayGuard


def test_an_id_seen_within_the_window_is_refused() -> None:
    guard = ReplayGuard(window_seconds=600)
    assert guard.first_time("msg_1", now=1000.0)
    assert not guard.first_time("msg_1", now=1599.0)


def test_different_ids_are_each_taken_once() -> None:
    guard = ReplayGuard(window_seconds=600)
    assert guard.first_time("msg_1", now=1000.0)
    assert guard.first_time("msg_2", now=1000.0)
    assert not guard.first_time("msg_2", now=1001.0)


def test_ids_older_than_the_window_are_forgotten() -> None:
    guard = ReplayGuard(window_seconds=600)
    for number in range(100):
        guard.first_time(f"msg_{number}", now=1000.0 + number)
    assert len(guard) == 100
    guard.first_time("late", now=1000.0 + 99 + 601)
    # Only the new id is left: every earlier one is past the window (and would be stale anyway).
    assert len(guard) == 1


def test_memory_is_bounded_by_count_under_a_flood_of_unique_ids() -> None:
    guard = ReplayGuard(window_seconds=600, max_ids=50)
    for number in range(1000):
        assert guard.first_time(f"msg_{number}", now=1000.0)
    assert len(guard) == 50


def test_the_newest_ids_are_kept_when_the_count_bound_is_hit() -> None:
    guard = ReplayGuard(window_seconds=600, max_ids=3)
    for webhook_id in ("a", "b", "c", "d"):
        guard.first_time(webhook_id, now=1000.0)
    assert not guard.first_time("d", now=1000.0)
    assert not guard.first_time("c", now=1000.0)
    assert guard.first_time("a", now=1000.0)
