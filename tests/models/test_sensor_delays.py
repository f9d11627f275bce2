"""Each sensor's delay (reception minus measurement) and jitter, from the readings a frame drained."""

import numpy as np
import pytest

from models.reading import Reading
from models.sensor_stats import SensorStats
from models.series import group_by_sensor, group_received


def test_a_frame_gives_each_sensor_its_delays_and_the_steps_between_them():
    readings = [Reading("a", 1.0, 10.0, None, True), Reading("b", 2.0, 11.0), Reading("a", 3.0, 12.0, None, True)]
    batches = group_by_sensor(readings, np.array([10.5, 11.0, 12.1]))
    a = batches["a"]
    assert (a.delays, a.delay_sum, a.first_delay, a.last_delay, a.steps) == (2, pytest.approx(0.6), 0.5, pytest.approx(0.1), 1)
    assert a.step_sum == pytest.approx(0.4)
    assert batches["b"].delays == 0, "a reading the server stamped has no delay"


def test_by_reception_the_frame_is_placed_at_its_arrival():
    chunks = [(3_700.0, [Reading("a", 1.0, 100.0, None, True)]), (3_701.0, [Reading("a", 2.0, 101.0, None, True)])]
    assert list(group_received(chunks)["a"].times) == [100.0, 101.0]
    batch = group_received(chunks, by_reception=True)["a"]
    assert list(batch.times) == [3_700.0, 3_701.0]
    assert batch.delay_sum == 2 * 3_600.0


def test_delay_and_jitter_follow_the_last_readings_and_stay_none_without_timestamps():
    stats, unstamped = SensorStats("a"), SensorStats("b")
    stats.add(group_by_sensor([Reading("a", 1.0, 10.0, None, True)], np.array([10.2]))["a"])
    assert (stats.delay, stats.jitter) == (pytest.approx(0.2), None)
    for n in range(1, 200):
        # The delay alternates between 0.2 s and 0.3 s: each step is 0.1 s.
        at = 10.0 + n
        stats.add(group_by_sensor([Reading("a", 1.0, at, None, True)], np.array([at + 0.2 + 0.1 * (n % 2)]))["a"])
    assert stats.delay == pytest.approx(0.25, abs=0.01)
    assert stats.jitter == pytest.approx(0.1)
    unstamped.add(group_by_sensor([Reading("b", 1.0, 10.0)], np.array([10.0]))["b"])
    assert (unstamped.delay, unstamped.jitter) == (None, None)
