"""The chart's per-sensor buffers keep the newest points, in order, within their capacity."""

import numpy as np
import pytest

from models.reading import Reading
from models.sensor_stats import SensorStats
from models.series import SensorBatch, SeriesBuffer, group_by_sensor


def test_the_newest_points_are_kept_in_order_whatever_the_batch_sizes():
    series = SeriesBuffer(capacity=1000)
    added = 0
    for batch in [1, 7, 500, 999, 3, 1000, 2500, 13] * 5:
        series.extend(np.arange(added, added + batch), np.arange(added, added + batch) * 2.0)
        added += batch
        expected = np.arange(max(0, added - 1000), added)
        assert np.array_equal(series.x, expected)
        assert np.array_equal(series.y, expected * 2.0)


def test_memory_is_bounded():
    series = SeriesBuffer(capacity=100)
    for start in range(0, 100_000, 37):
        series.extend(range(start, start + 37), [1.0] * 37)
    assert len(series) == 100
    assert series.x.base.size == 200


def test_with_a_resolution_each_slot_keeps_its_lowest_and_highest_value():
    series = SeriesBuffer(capacity=1000, resolution=1.0)
    series.extend([10.1, 10.5, 10.9, 11.2], [5.0, 9.0, 1.0, 4.0])
    series.extend([11.8, 12.0], [7.0, 3.0])
    assert list(series.x) == [10.0, 10.5, 11.0, 11.5, 12.0, 12.5]
    assert list(series.y) == [1.0, 9.0, 4.0, 7.0, 3.0, 3.0]


def test_a_falling_curve_goes_down_through_each_slot_without_a_hook_back_up():
    times = np.arange(0.0, 10.0, 0.05)
    falling = 30.0 - times
    at_once = SeriesBuffer(capacity=1000, resolution=1.0)
    at_once.extend(times, falling)
    frame_by_frame = SeriesBuffer(capacity=1000, resolution=1.0)
    for start in range(0, len(times), 3):
        frame_by_frame.add(SensorBatch.of(times[start : start + 3], falling[start : start + 3]))
    for series in (at_once, frame_by_frame):
        # The first slot has none before it to say which way the curve goes: lowest first.
        assert np.all(np.diff(series.y[1:]) <= 0), series.y
        assert series.y[-1] == pytest.approx(20.05)


@pytest.mark.parametrize("capacity", [10_000, 40])
def test_a_curve_built_frame_by_frame_is_the_curve_built_at_once(capacity):
    rng = np.random.default_rng(7)
    times = np.cumsum(rng.uniform(0.001, 0.08, 3000))
    values = 20 + np.cumsum(rng.standard_normal(3000))
    at_once = SeriesBuffer(capacity=capacity, resolution=0.2)
    at_once.extend(times, values)
    frame_by_frame = SeriesBuffer(capacity=capacity, resolution=0.2)
    start = 0
    while start < len(times):
        # From one reading in the newest slot to several slots at once, as frames come.
        end = start + int(rng.integers(1, 12))
        frame_by_frame.add(SensorBatch.of(times[start:end], values[start:end]))
        start = end
    assert np.array_equal(frame_by_frame.x, at_once.x)
    assert np.array_equal(frame_by_frame.y, at_once.y)


def test_a_fast_sensor_stays_a_few_points_per_slot():
    series = SeriesBuffer(capacity=8_000, resolution=0.03)
    for second in range(60):
        times = second + np.arange(500) / 500
        series.extend(times, np.sin(times))
    assert len(series) == 4_000
    assert series.y.max() == pytest.approx(1.0, abs=1e-4) and series.y.min() == pytest.approx(-1.0, abs=1e-4)


def test_stats_of_a_sensor():
    stats = SensorStats("c")
    stats.add(SensorBatch.of([10.0, 12.0, 11.0], [20.0, 25.0, 15.0]))
    stats.add(SensorBatch.of([9.0], [40.0]))
    assert (stats.count, stats.minimum, stats.maximum, stats.mean) == (4, 15.0, 40.0, 25.0)
    assert (stats.last_seen, stats.last_value) == (12.0, 25.0)


def test_stats_over_a_window_let_go_of_what_grows_older_than_it():
    stats = SensorStats("c", window=600.0)
    stats.add(SensorBatch.of([1000.0, 1001.0], [30.0, 10.0]))
    stats.add(SensorBatch.of([1300.0], [20.0]))
    stats.expire(now=1400.0)
    assert (stats.count, stats.minimum, stats.maximum, stats.mean) == (3, 10.0, 30.0, 20.0)
    stats.expire(now=1610.0)
    assert (stats.count, stats.minimum, stats.maximum, stats.mean) == (1, 20.0, 20.0, 20.0)
    stats.add(SensorBatch.of([900.0], [99.0]))  # resent, from before the window: not in its figures
    assert (stats.count, stats.maximum, stats.last_value) == (1, 20.0, 20.0)
    stats.expire(now=2000.0)
    assert (stats.count, stats.mean, stats.last_seen) == (0, None, 1300.0)


def test_rate_over_the_last_seconds():
    stats = SensorStats("c")
    assert stats.sample_rate(100.0) == 0.0
    stats.add(SensorBatch.of([1.0] * 50, [1.0] * 50))
    assert stats.sample_rate(101.0) == 50.0
    stats.add(SensorBatch.of([1.0] * 10, [1.0] * 10))
    assert stats.sample_rate(110.0) == pytest.approx(10 / 9)


def test_a_frame_is_grouped_by_sensor_sorted_by_time_with_its_summary():
    readings = [Reading("b", 21.0, 3.0), Reading("a", 10.0, 1.0), Reading("b", 22.0, 2.0), Reading("a", 11.0, 4.0)]
    grouped = group_by_sensor(readings)
    assert sorted(grouped) == ["a", "b"]
    b = grouped["b"]
    assert (list(b.times), list(b.values)) == ([2.0, 3.0], [22.0, 21.0])
    assert (b.low, b.high, b.total, b.newest, b.newest_value) == (21.0, 22.0, 43.0, 3.0, 21.0)
    assert (list(grouped["a"].times), grouped["a"].newest_value) == ([1.0, 4.0], 11.0)
    assert group_by_sensor([]) == {}


def test_readings_within_the_newest_slot_widen_it_in_place():
    series = SeriesBuffer(capacity=100, resolution=1.0)
    series.add(SensorBatch.of([5.1, 5.2], [20.0, 21.0]))
    series.add(SensorBatch.of([5.3, 5.4], [19.0, 20.5]))
    series.add(SensorBatch.of([5.5], [22.0]))
    series.add(SensorBatch.of([5.9, 6.2], [18.0, 30.0]))
    assert list(series.x) == [5.0, 5.5, 6.0, 6.5] and list(series.y) == [18.0, 22.0, 30.0, 30.0]


def breaks(series: SeriesBuffer) -> list[float]:
    """The times where the curve breaks: each break's point (two with a resolution) counted once."""
    return sorted(set(series.x[np.isnan(series.y)].tolist()))


@pytest.mark.parametrize("resolution", [0.0, 0.2, 1.0])
def test_a_silence_much_longer_than_usual_breaks_the_curve_once_read_at_once_or_frame_by_frame(resolution):
    rng = np.random.default_rng(3)
    times = np.concatenate((np.arange(0.0, 100.0), np.arange(160.0, 200.0))) + rng.uniform(0, 0.3, 140)
    values = 20 + rng.standard_normal(140)
    at_once = SeriesBuffer(capacity=10_000, resolution=resolution)
    at_once.extend(times, values)
    frame_by_frame = SeriesBuffer(capacity=10_000, resolution=resolution)
    for time, value in zip(times, values, strict=True):
        frame_by_frame.add(SensorBatch.of([time], [value]))
    for series in (at_once, frame_by_frame):
        assert len(breaks(series)) == 1 and 99 <= breaks(series)[0] < 100
        real = ~np.isnan(series.y)
        assert series.y[real].min() == values.min() and series.y[real].max() == values.max()


@pytest.mark.parametrize("rate", [500.0, 1.0, 0.2])
def test_a_steady_sensor_read_frame_by_frame_has_no_break(rate):
    """Fast sensors fill every slot; slow ones leave most empty: neither is a silence."""
    rng = np.random.default_rng(5)
    times = np.cumsum(rng.uniform(0.5, 1.5, int(600 * rate)) / rate)
    series = SeriesBuffer(capacity=1200, resolution=0.2)
    for start in range(0, len(times), max(1, int(rate / 30))):
        chunk = times[start : start + max(1, int(rate / 30))]
        series.add(SensorBatch.of(chunk, np.full(len(chunk), 20.0)))
    assert series.gaps == 0 and not np.isnan(series.y).any()


def test_a_break_keeps_each_slot_a_pair_of_points():
    series = SeriesBuffer(capacity=40, resolution=1.0)
    for start in (0.0, 100.0, 200.0):
        series.extend(np.arange(start, start + 30), np.full(30, 20.0))
        assert len(series) % 2 == 0
        assert np.all(np.isnan(series.y[0::2]) == np.isnan(series.y[1::2]))
    assert series.gaps == 2
