"""Deadlines and back-off, on a made-up clock: the rate holds however irregular the turns are."""

import random

import pytest

from network.sensors.schedule import Backoff, Schedule


def run_for(schedule, seconds, turns):
    """Take what is due at `turns` irregular moments up to `seconds`; return every deadline taken."""
    rng = random.Random(5)
    moments = sorted(rng.uniform(0, seconds) for _ in range(turns)) + [seconds]
    return [deadline for now in moments for deadline in schedule.take(now, limit=10_000)]


def test_sixty_seconds_at_ten_hertz_are_six_hundred_readings_however_late_the_turns():
    for turns in (50, 600, 5_000):
        deadlines = run_for(Schedule(10.0, start=0.0), 59.999, turns)
        assert len(deadlines) == 600
        assert deadlines == pytest.approx([k / 10 for k in range(600)])


def test_a_late_turn_takes_every_reading_due_and_the_next_one_is_still_on_time():
    schedule = Schedule(100.0, start=50.0)
    assert schedule.take(50.0, 10_000) == [50.0]
    assert len(schedule.take(50.5, 10_000)) == 50
    assert schedule.next == pytest.approx(50.51)


def test_a_turn_takes_no_more_than_its_limit_and_the_rest_stays_due():
    schedule = Schedule(1000.0, start=0.0)
    assert len(schedule.take(1.0, limit=300)) == 300
    assert len(schedule.take(1.0, limit=10_000)) == 701


def test_a_new_rate_applies_from_now_without_making_up_readings():
    schedule = Schedule(0.01, start=0.0)
    assert schedule.take(5.0, 10) == [0.0]
    schedule.restart(5.0, rate=10.0)
    assert schedule.take(6.0, 100) == pytest.approx([5.0 + k / 10 for k in range(11)])


def test_deadlines_keep_growing_when_the_rate_rises_right_after_a_reading():
    schedule = Schedule(1.0, start=0.0)
    taken = schedule.take(3.0, 10)
    schedule.restart(2.5, rate=4.0)
    taken += schedule.take(4.0, 10)
    assert taken == [0.0, 1.0, 2.0, 3.0, 3.25, 3.5, 3.75, 4.0]


def test_a_pause_skips_the_readings_it_covered():
    schedule = Schedule(2.0, start=0.0)
    schedule.take(1.0, 10)
    schedule.restart(30.0)
    assert schedule.take(31.0, 10) == [30.0, 30.5, 31.0]


def test_backoff_doubles_up_to_its_cap_with_jitter_below_each_step():
    backoff = Backoff(initial=0.1, cap=1.0, rng=random.Random(2))
    ceilings = [0.1, 0.2, 0.4, 0.8, 1.0, 1.0, 1.0]
    for ceiling in ceilings:
        assert ceiling / 2 <= backoff.next_delay() <= ceiling
    backoff.reset()
    assert backoff.next_delay() <= 0.1


def test_backoff_jitter_spreads_sensors_that_failed_together():
    delays = {round(Backoff(initial=1.0, cap=1.0).next_delay(), 6) for _ in range(50)}
    assert len(delays) > 40
