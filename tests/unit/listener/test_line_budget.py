"""A budget of log lines per window whose count of the rest comes out when the window closes, on
a fake timer: not when the next line happens to come (issue "Hardening the connection", item 9's
pattern, used for the listener's connection warnings)."""

from __future__ import annotations

import logging

import pytest

from konnekta_desktop.listener.line_budget import LineBudget
from tests.helpers.timers import FakeTimers

LOGGER = "konnekta_desktop.listener.test_line_budget"


def budget(timers: FakeTimers, per_window: int = 3) -> LineBudget:
    return LineBudget(
        logging.getLogger(LOGGER),
        logging.WARNING,
        per_window=per_window,
        window_seconds=60.0,
        summary="... and %d more in the last minute",
        call_later=timers.call_later,
    )


def messages(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [record.getMessage() for record in caplog.records if record.name == LOGGER]


def test_the_count_of_lines_held_back_comes_out_when_the_window_closes(
    caplog: pytest.LogCaptureFixture,
) -> None:
    timers = FakeTimers()
    lines = budget(timers)
    logged = [lines.line("line %d", number) for number in range(5)]
    assert logged == [True, True, True, False, False]
    assert messages(caplog) == ["line 0", "line 1", "line 2"]
    assert [timer.seconds for timer in timers.started] == [60.0]
    timers.fire()  # the window's end, with no further line
    assert messages(caplog)[-1] == "... and 2 more in the last minute"


def test_a_window_without_lines_held_back_ends_silently_and_the_next_line_opens_another(
    caplog: pytest.LogCaptureFixture,
) -> None:
    timers = FakeTimers()
    lines = budget(timers)
    lines.line("first")
    timers.fire()
    assert messages(caplog) == ["first"]
    for number in range(4):
        lines.line("again %d", number)
    assert len(timers.started) == 2
    timers.fire()
    assert messages(caplog)[1:] == [
        "again 0",
        "again 1",
        "again 2",
        "... and 1 more in the last minute",
    ]


def test_closing_says_the_count_at_once_and_stops_the_timer(
    caplog: pytest.LogCaptureFixture,
) -> None:
    timers = FakeTimers()
    lines = budget(timers, per_window=1)
    lines.line("one")
    lines.line("two")
    lines.close()
    assert messages(caplog) == ["one", "... and 1 more in the last minute"]
    assert all(timer.cancelled for timer in timers.started)
    lines.close()  # nothing more to say
    assert len(messages(caplog)) == 2


def test_admit_counts_a_line_the_caller_builds_only_when_it_fits(
    caplog: pytest.LogCaptureFixture,
) -> None:
    # For lines that cost something to build (the connector's event descriptions).
    timers = FakeTimers()
    lines = budget(timers, per_window=2)
    assert [lines.admit() for _ in range(5)] == [True, True, False, False, False]
    assert messages(caplog) == []  # admitted lines are the caller's to log
    timers.fire()
    assert messages(caplog) == ["... and 3 more in the last minute"]
