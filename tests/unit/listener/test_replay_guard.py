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


def test_it_answers_as_a_dict_of_ids_would_over_a_long_random_stream() -> None:
    """The fixed table (probing, removal by shifting entries back) against the obvious model: a
    dict of id -> time seen, oldest first, forgetting by age and by count. A small table and a
    few reused ids make every probe run long and every removal shift entries."""
    import random
    from collections import OrderedDict

    rng = random.Random(7)
    window, max_ids = 50.0, 40
    guard = ReplayGuard(window_seconds=window, max_ids=max_ids)
    model: OrderedDict[str, float] = OrderedDict()
    now = 0.0
    for _ in range(20_000):
        now += rng.choice((0.0, 0.1, 1.0, 3.0))
        webhook_id = f"msg_{rng.randrange(120)}"
        while model and next(iter(model.values())) < now - window:
            model.popitem(last=False)
        expected = webhook_id not in model
        if expected:
            model[webhook_id] = now
            if len(model) > max_ids:
                model.popitem(last=False)
        assert guard.first_time(webhook_id, now) is expected
        assert len(guard) == len(model)


def test_its_memory_is_taken_once_and_stays_the_same_however_many_ids_pass() -> None:
    """A dict of ids would grow to its bound and then step up whenever it compacts itself; the
    guard's memory is allocated when it is made."""
    import tracemalloc

    guard = ReplayGuard(window_seconds=600, max_ids=1_000)
    tracemalloc.start()
    try:
        for number in range(1_000):
            guard.first_time(f"msg_{number}", now=float(number))
        after_filling, _ = tracemalloc.get_traced_memory()
        for number in range(1_000, 50_000):
            guard.first_time(f"msg_{number}", now=float(number) / 100)
        after_many, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(guard) == 1_000
    assert after_many - after_filling < 4_096
