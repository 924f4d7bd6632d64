"""Fixtures of the reliability suite, and a terminal summary of the inputs tried and recovery times."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.reliability.support import LiveListener, live_listener, recoveries, tally


@pytest.fixture(scope="module")
def listener() -> Iterator[LiveListener]:
    """One listener per module: starting one per hypothesis example would measure start-up."""
    with live_listener() as running:
        yield running


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not tally and not recoveries:
        return
    terminalreporter.section("reliability: inputs tried")
    for kind, count in sorted(tally.items()):
        terminalreporter.write_line(f"{count:8d}  {kind}")
    terminalreporter.write_line(f"{sum(tally.values()):8d}  in all")
    if recoveries:
        terminalreporter.section("reliability: recovery after the fault ended")
        for fault, seconds in sorted(recoveries.items()):
            terminalreporter.write_line(f"{seconds:8.2f} s  {fault}")
