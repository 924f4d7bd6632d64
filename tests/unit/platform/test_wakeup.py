"""The connector's pauses: noticing that the computer slept, and being cut short on request."""

from __future__ import annotations

import asyncio

from konnekta_desktop.core.wakeup import MINIMUM_JUMP, ResumeWatch
from konnekta_desktop.domain.refusals import Reason, english, why


class FakeTime:
    """A wall clock, a monotonic clock and the loop's timer, moved by the fake sleep.

    `asleep_for` makes the next pause last longer, as a suspended computer does: `linux` moves only
    the wall clock (the monotonic clock stops in suspend); `windows` moves every clock.
    """

    def __init__(self) -> None:
        self.wall = 1_750_000_000.0
        self.mono = 100.0
        self.timer = 5_000.0
        self.pauses: list[float] = []
        self.extra_wall = 0.0
        self.extra_all = 0.0

    def now(self) -> float:
        return self.wall

    def monotonic(self) -> float:
        return self.mono

    def loop_time(self) -> float:
        return self.timer

    async def sleep(self, seconds: float) -> None:
        self.pauses.append(seconds)
        self.wall += seconds + self.extra_wall + self.extra_all
        self.mono += seconds + self.extra_all
        self.timer += seconds + self.extra_all
        self.extra_wall = self.extra_all = 0.0


def watch(time: FakeTime) -> ResumeWatch:
    return ResumeWatch(time, time.sleep, timer=time.loop_time)


async def test_an_ordinary_pause_asks_for_nothing() -> None:
    time = FakeTime()
    assert await watch(time).pause(10) is None
    assert time.pauses == [10]


async def test_a_wall_clock_jump_during_a_pause_means_the_computer_slept() -> None:
    time = FakeTime()
    time.extra_wall = 45 * 60  # Linux and macOS: the monotonic clock stood still
    reason = await watch(time).pause(10)
    assert reason == why(Reason.AWOKE, minutes="45")
    assert english(reason) == "Reconnecting after the computer was asleep for about 45 minutes"


async def test_a_pause_whose_timer_overran_means_the_computer_slept() -> None:
    time = FakeTime()
    time.extra_all = 3 * 3600  # Windows: every clock counted the sleep
    reason = await watch(time).pause(10)
    assert reason == why(Reason.AWOKE, minutes="180")


async def test_a_jump_of_up_to_twice_the_interval_is_not_a_sleep() -> None:
    time = FakeTime()
    time.extra_wall = 19.9  # with a 10 s health interval, 20 s is the line
    assert await watch(time).pause(10) is None
    time.extra_all = 20.1
    assert await watch(time).pause(10) is not None


async def test_short_intervals_still_need_a_real_stall_to_count_as_a_sleep() -> None:
    time = FakeTime()
    time.extra_all = MINIMUM_JUMP - 0.5  # a busy test machine, not a sleep
    assert await watch(time).pause(0.05) is None


async def test_a_wall_clock_set_back_is_not_a_sleep() -> None:
    time = FakeTime()
    time.extra_wall = -3600  # an NTP correction backwards
    assert await watch(time).pause(10) is None


async def test_a_request_before_the_pause_ends_it_at_once_and_counts_once() -> None:
    time = FakeTime()
    resume = watch(time)
    resume.request(why(Reason.NETWORK_CHANGED))
    resume.request(why(Reason.NETWORK_BACK))
    assert await resume.pause(10) == why(Reason.NETWORK_BACK)
    assert time.pauses == []  # no waiting at all
    assert await resume.pause(10) is None  # the burst counted once
    assert time.pauses == [10]


async def test_a_request_during_a_long_pause_cuts_it_short() -> None:
    resume = ResumeWatch(FakeTime(), asyncio.sleep)
    pausing = asyncio.create_task(resume.pause(3600))
    await asyncio.sleep(0)  # let the pause begin
    assert not pausing.done()
    resume.request(why(Reason.NETWORK_CHANGED))
    assert await asyncio.wait_for(pausing, 5) == why(Reason.NETWORK_CHANGED)
    assert not resume.requested


async def test_cancelling_a_pause_leaves_no_task_behind() -> None:
    resume = ResumeWatch(FakeTime(), asyncio.sleep)
    before = len(asyncio.all_tasks())
    pausing = asyncio.create_task(resume.pause(3600))
    await asyncio.sleep(0)
    pausing.cancel()
    await asyncio.gather(pausing, return_exceptions=True)
    assert len(asyncio.all_tasks()) == before
