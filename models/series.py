"""Each sensor's points for the chart: numpy arrays that grow in batches, bounded in size.

A fast sensor sends far more points than a screen has pixels. With a `resolution`, the buffer keeps,
for each time slot of that width, only the lowest and the highest value (peak decimation as readings
arrive), so a curve holds a few thousand points whatever the rate and no spike is lost. Without one,
it keeps every point.

Where a sensor was silent much longer than usual (a gap), the buffer holds a break: a point (two with
a resolution, as a slot has) whose value is NaN, at the time of the last reading before the silence.
The chart ends the line there rather than draw a straight line across time that has no readings.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import NamedTuple

import numpy as np

from models.reading import Reading

DEFAULT_CAPACITY = 100_000
GAP_FACTOR = 5.0
"""A silence this many times the sensor's usual interval (the median of its recent ones) is a gap."""
GAP_SLOTS = 3
"""With a resolution, a gap also spans at least this many slots: a narrower one would hardly show, and
a fast sensor fills every slot, so that one missing slot is no silence."""
RECENT_INTERVALS = 32
"""How many of a sensor's latest intervals say what its usual one is."""


class SensorBatch(NamedTuple):
    """One sensor's new readings, sorted by time, and what the table and the chart need of them."""

    times: np.ndarray
    values: np.ndarray
    low: float
    high: float
    total: float
    newest: float
    """The latest time."""
    newest_value: float
    delays: int = 0
    """Readings the sensor stamped, each with a delay: reception minus measurement (seconds)."""
    delay_sum: float = 0.0
    first_delay: float = math.nan
    """The delay of the batch's first reading, NaN when the sensor did not stamp it."""
    last_delay: float = math.nan
    steps: int = 0
    """Pairs of successive stamped readings in the batch, and the sum of their delays' differences."""
    step_sum: float = 0.0

    @classmethod
    def of(cls, times: Sequence[float] | np.ndarray, values: Sequence[float] | np.ndarray) -> SensorBatch:
        """A batch of one sensor's readings (at least one)."""
        return _summarise(np.zeros(len(times), dtype=int), np.asarray(times, float), np.asarray(values, float))[0]


def group_by_sensor(
    readings: Sequence[Reading], received: np.ndarray | None = None, by_reception: bool = False
) -> dict[str, SensorBatch]:
    """A frame's readings as one batch per capteur_id.

    `received`: each reading's reception time, which gives the delay of those the sensor stamped and,
    `by_reception`, every reading's place on the time axis instead of its timestamp.

    A frame drains thousands of readings: a handful of numpy calls for the whole frame costs the GUI
    thread far less than a Python loop per reading, or numpy calls per sensor.
    """
    if not readings:
        return {}
    numbers: dict[str, int] = {}
    codes = np.array([numbers.setdefault(r.capteur_id, len(numbers)) for r in readings])
    times = np.array([r.timestamp for r in readings], dtype=float)
    values = np.array([r.temperature for r in readings], dtype=float)
    delays = None
    if received is not None:
        stamped = np.array([r.sensor_timestamp for r in readings], dtype=bool)
        delays = np.where(stamped, received - times, np.nan)
        if by_reception:
            times = received
    return dict(zip(numbers, _summarise(codes, times, values, delays), strict=True))


def group_received(chunks: Sequence[tuple[float, Sequence[Reading]]], by_reception: bool = False) -> dict[str, SensorBatch]:
    """`group_by_sensor` for what a `ReadingTap` gives: (reception time, readings) by chunk read."""
    readings = [reading for _, batch in chunks for reading in batch]
    received = np.repeat([at for at, _ in chunks], [len(batch) for _, batch in chunks])
    return group_by_sensor(readings, received, by_reception)


def _summarise(codes: np.ndarray, times: np.ndarray, values: np.ndarray, delays: np.ndarray | None = None) -> list[SensorBatch]:
    order = np.lexsort((times, codes))
    codes, times, values = codes[order], times[order], values[order]
    starts = np.flatnonzero(np.r_[True, codes[1:] != codes[:-1]])
    ends = np.r_[starts[1:], len(codes)] - 1
    columns = [
        np.split(times, starts[1:]),
        np.split(values, starts[1:]),
        np.minimum.reduceat(values, starts).tolist(),
        np.maximum.reduceat(values, starts).tolist(),
        np.add.reduceat(values, starts).tolist(),
        times[ends].tolist(),
        values[ends].tolist(),
    ]
    if delays is not None:
        columns += _delay_columns(codes, delays[order], starts, ends)
    return [SensorBatch(*fields) for fields in zip(*columns, strict=True)]


def _delay_columns(codes: np.ndarray, delays: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> list[list]:
    """Per sensor: stamped readings, their delays' sum, the first and last delay, and the steps between
    successive stamped readings (a step belongs to the sensor of its second reading)."""
    stamped = ~np.isnan(delays)
    step = stamped[1:] & stamped[:-1] & (codes[1:] == codes[:-1])
    sizes = np.where(step, np.abs(np.diff(delays)), 0.0)
    return [
        np.add.reduceat(stamped, starts).tolist(),
        np.add.reduceat(np.where(stamped, delays, 0.0), starts).tolist(),
        delays[starts].tolist(),
        delays[ends].tolist(),
        np.add.reduceat(np.r_[False, step], starts).tolist(),
        np.add.reduceat(np.r_[0.0, sizes], starts).tolist(),
    ]


class SeriesBuffer:
    """Times (Unix seconds) and values (°C) of one sensor; the newest `capacity` points are kept.

    The arrays have room for twice the capacity. Appending writes after the end; when the room runs
    out, the newest points move to the front once. So appends cost O(1) amortised and `x`, `y` are
    contiguous views that pyqtgraph can draw without a copy.
    """

    def __init__(self, capacity: int = DEFAULT_CAPACITY, resolution: float = 0.0):
        self.capacity = capacity
        self.resolution = resolution
        self._x = np.empty(2 * capacity)
        self._y = np.empty(2 * capacity)
        self._start = 0
        self._end = 0
        self._last_slot: int | None = None
        self._intervals = np.empty(RECENT_INTERVALS)
        self._intervals_seen = 0
        self.gaps = 0
        """Breaks added so far: while none was, the chart draws each curve as one line, unsearched."""
        self.revision = 0
        """Counts the changes: a picture of the points knows whether it is out of date."""

    def __len__(self) -> int:
        return self._end - self._start

    @property
    def x(self) -> np.ndarray:
        return self._x[self._start : self._end]

    @property
    def y(self) -> np.ndarray:
        return self._y[self._start : self._end]

    @property
    def settled(self) -> float:
        """Points before this time stay as they are: new points come after the last one, and only the
        newest slot's lowest and highest values can still move. With a resolution that holds whatever
        arrives (older slots are dropped); without one, it holds for readings added in time order,
        which is also what drawing the points by searching in `x` needs."""
        return float(self._x[max(self._start, self._end - 3)]) if len(self) else -math.inf

    def extend(self, times: Sequence[float] | np.ndarray, values: Sequence[float] | np.ndarray) -> None:
        self.revision += 1
        x, y = np.asarray(times, dtype=float), np.asarray(values, dtype=float)
        if len(x) == 0:
            return
        if self.resolution > 0:
            x, y = self._decimate(x, y)
        x, y = self._broken_at_gaps(x, y)
        self._append(x[-self.capacity :], y[-self.capacity :])

    def add(self, batch: SensorBatch) -> None:
        """A frame's new readings. Usually they fall in the newest slot, or in it and the next one:
        then a few values move or follow, in far fewer numpy calls than `_decimate` makes (15 µs a
        sensor and frame instead of 45)."""
        if self.resolution > 0 and len(self):
            first = math.floor(batch.times[0] / self.resolution)
            last = math.floor(batch.newest / self.resolution)
            if first == last == self._last_slot:
                self._widen_newest_slot(batch.low, batch.high)
                self.revision += 1
                return
            if first == self._last_slot and last == first + 1:
                self._spill_into_next_slot(first, batch.times, batch.values)
                self.revision += 1
                return
        self.extend(batch.times, batch.values)

    def clear(self) -> None:
        self.revision += 1
        self._start = self._end = 0
        self._last_slot = None

    def _widen_newest_slot(self, low: float, high: float) -> None:
        """`_in_line_order` for one slot, without numpy's cost per call: this runs per sensor and frame."""
        y, end = self._y, self._end
        low, high = min(y[end - 2], y[end - 1], low), max(y[end - 2], y[end - 1], high)
        falling = len(self) >= 4 and low + high < y[end - 4] + y[end - 3]
        y[end - 2], y[end - 1] = (high, low) if falling else (low, high)

    def _spill_into_next_slot(self, newest_slot: int, times: np.ndarray, values: np.ndarray) -> None:
        """Readings, sorted, that begin in the newest slot (`_last_slot`) and end in the next one."""
        split = int(np.floor(times / self.resolution).searchsorted(newest_slot + 1))
        (low, next_low), (high, next_high) = np.minimum.reduceat(values, [0, split]), np.maximum.reduceat(values, [0, split])
        self._widen_newest_slot(low, high)
        self._remember_intervals([self.resolution])
        y, end = self._y, self._end
        falling = next_low + next_high < y[end - 2] + y[end - 1]
        self._last_slot = newest_slot + 1
        base = self._last_slot * self.resolution
        self._append(
            np.array((base, base + self.resolution / 2)), np.array((next_high, next_low) if falling else (next_low, next_high))
        )

    def _decimate(self, times: np.ndarray, values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Two points per slot, its lowest and highest value (`_in_line_order`); the newest slot may
        still grow."""
        slots = np.floor(times / self.resolution).astype(np.int64)
        if self._last_slot is not None:
            # Older than what is drawn (a resent reading): storage has it, the next reload shows it.
            keep = slots >= self._last_slot
            slots, values = slots[keep], values[keep]
        if len(slots) == 0:
            return slots.astype(float), values
        order = np.argsort(slots, kind="stable")
        slots, values = slots[order], values[order]
        starts = np.flatnonzero(np.r_[True, slots[1:] != slots[:-1]])
        lows, highs, slots = np.minimum.reduceat(values, starts), np.maximum.reduceat(values, starts), slots[starts]
        if slots[0] == self._last_slot and len(self):
            self._widen_newest_slot(lows[0], highs[0])
            slots, lows, highs = slots[1:], lows[1:], highs[1:]
        if len(slots):
            self._last_slot = int(slots[-1])
        base = slots * self.resolution
        before = (self._y[self._end - 2] + self._y[self._end - 1]) / 2 if len(self) else None
        return np.column_stack((base, base + self.resolution / 2)).ravel(), _in_line_order(lows, highs, before)

    def _broken_at_gaps(self, times: np.ndarray, values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """New points, sorted, with a break before each that follows a gap. Intervals are measured
        between slots (their first points) with a resolution, between points without one."""
        step = 2 if self.resolution > 0 else 1
        starts = times[::step]
        joined = np.concatenate(([self._x[self._end - step]], starts)) if len(self) else starts
        intervals = np.diff(joined)
        if not len(intervals):
            return times, values
        known = self._intervals[: min(self._intervals_seen, RECENT_INTERVALS)]
        usual = float(np.median(np.concatenate((known, intervals))))
        gap = intervals > max(GAP_FACTOR * usual, GAP_SLOTS * self.resolution)
        self._remember_intervals(intervals[~gap])
        if not gap.any():
            return times, values
        before = (np.flatnonzero(gap) + (0 if len(self) else 1)) * step
        last = np.where(before > 0, times[before - 1], self._x[self._end - 1] if len(self) else 0.0)
        self.gaps += len(before)
        at = np.repeat(before, step)
        return np.insert(times, at, np.repeat(last, step)), np.insert(values, at, np.nan)

    def _remember_intervals(self, intervals) -> None:
        for interval in intervals[-RECENT_INTERVALS:]:
            self._intervals[self._intervals_seen % RECENT_INTERVALS] = interval
            self._intervals_seen += 1

    def _append(self, times: np.ndarray, values: np.ndarray) -> None:
        count = len(times)
        if self._end + count > len(self._x):
            keep = min(len(self), self.capacity - count)
            self._x[:keep] = self._x[self._end - keep : self._end]
            self._y[:keep] = self._y[self._end - keep : self._end]
            self._start, self._end = 0, keep
        self._x[self._end : self._end + count] = times
        self._y[self._end : self._end + count] = values
        self._end += count
        self._start = max(self._start, self._end - self.capacity)


def _in_line_order(lows: np.ndarray, highs: np.ndarray, before: float | None) -> np.ndarray:
    """Each slot's lowest and highest value, in the order the line goes through them: the highest
    first where the curve falls (the slot's middle below the one before, `before` for the first).
    Always the lowest first drew a falling curve with a hook back up in every slot."""
    middles = (lows + highs) / 2
    previous = np.concatenate(([middles[0] if before is None else before], middles[:-1]))
    falling = middles < previous
    return np.column_stack((np.where(falling, highs, lows), np.where(falling, lows, highs))).ravel()
