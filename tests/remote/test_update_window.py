"""The update window: the frames after a client's last_seq while they are all held, else None."""

from __future__ import annotations

from konnekta_desktop.core.clock import ManualClock
from konnekta_desktop.remote.window import WINDOW_SECONDS, UpdateWindow


def filled(window: UpdateWindow, first: int, last: int) -> None:
    for seq in range(first, last + 1):
        window.add(seq, f"update {seq}".encode())


def test_the_frames_after_last_seq_come_in_order() -> None:
    window = UpdateWindow(ManualClock())
    filled(window, 1, 5)
    assert window.since(2) == [b"update 3", b"update 4", b"update 5"]
    assert window.since(5) == []
    assert window.since(0) == [f"update {n}".encode() for n in range(1, 6)]


def test_a_last_seq_never_sent_gets_none() -> None:
    window = UpdateWindow(ManualClock())
    filled(window, 1, 3)
    assert window.since(4) is None
    assert window.since(-1) is None


def test_updates_older_than_ten_minutes_are_forgotten() -> None:
    clock = ManualClock()
    window = UpdateWindow(clock)
    filled(window, 1, 2)
    clock.advance(WINDOW_SECONDS / 2)
    filled(window, 3, 4)
    clock.advance(WINDOW_SECONDS / 2 + 1)
    assert window.since(1) is None  # update 2 is gone
    assert window.since(2) == [b"update 3", b"update 4"]
    clock.advance(WINDOW_SECONDS)
    assert window.since(2) is None
    assert window.since(4) == []  # up to date: nothing missed


def test_the_window_is_bounded_by_count_and_bytes() -> None:
    by_count = UpdateWindow(ManualClock(), count=3)
    filled(by_count, 1, 10)
    assert len(by_count) == 3
    assert by_count.since(6) is None
    assert by_count.since(7) == [b"update 8", b"update 9", b"update 10"]
    by_bytes = UpdateWindow(ManualClock(), most_bytes=20)
    filled(by_bytes, 1, 10)
    assert by_bytes.since(8) == [b"update 9", b"update 10"]
    assert by_bytes.since(7) is None


def test_a_gap_in_the_numbers_empties_the_window() -> None:
    window = UpdateWindow(ManualClock())
    filled(window, 1, 3)
    window.add(7, b"update 7")
    assert window.since(3) is None
    assert window.since(6) == [b"update 7"]
