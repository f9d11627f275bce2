"""What the sensors table shows about each sensor, updated in batches as readings are drained.

Count, extremes and mean cover the chart's time window ("the last 10 minutes"): readings are kept as
`SLOTS` slots of that window, each with its count, extremes and sum, and a slot leaves once it is
wholly older than the window. So the figures slide with the clock, as the chart does, instead of
growing from the moment the window was loaded; they are right to a slot's width (5 s of 10 min).
"""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass, field

import numpy as np

from models.series import SensorBatch
from models.sliding_rate import SlidingRate

SLOTS = 120
"""Slots across a window: the figures' edge moves in steps of 1/120 of it."""
DELAY_GAIN = 1 / 16
"""How much each reading moves the delay and the jitter: RTP's (RFC 3550, 6.4.1), so they follow about
the last 16 readings, and one late reading moves them a sixteenth of the way."""


def slot_width(window: float) -> float:
    """Seconds of one slot of a window of `window` seconds."""
    return window / SLOTS


@dataclass(slots=True)
class SensorStats:
    capteur_id: str
    window: float | None = None
    """Seconds the count, extremes and mean cover, back from now; None: every reading."""
    count: int = 0
    minimum: float = float("inf")
    maximum: float = float("-inf")
    total: float = 0.0
    last_value: float | None = None
    last_seen: float | None = None
    """Unix seconds of the newest reading."""
    rejected: int = 0
    received: int = 0
    """Readings added since the table began, for the rate."""
    stored_until: float | None = None
    """The newest reading storage held when these figures were read from it. The first live batch after
    that may be in them already (received before, handed over after): its readings up to it are skipped."""
    _slots: deque = field(default_factory=deque, repr=False)
    """[slot number, count, lowest, highest, sum], oldest first: the readings within the window."""
    _oldest_slot: int | None = field(default=None, repr=False)
    """Slots before this one are out of the window (set by `expire`)."""
    _open: tuple[float, float] = field(default=(math.inf, -math.inf), repr=False)
    """The times the newest slot spans: a frame's readings within it need no slot arithmetic."""
    _rate: SlidingRate = field(default_factory=SlidingRate, repr=False)
    delay: float | None = None
    """Seconds from measurement to reception, smoothed over the last readings the sensor stamped;
    None while it stamped none. Negative when the sensor's clock is ahead of the server's."""
    jitter: float | None = None
    """The mean absolute difference between the delays of successive readings, smoothed alike."""
    _last_delay: float = field(default=math.nan, repr=False)

    def __post_init__(self):
        if self.window is None:
            self._open = (-math.inf, math.inf)

    @property
    def mean(self) -> float | None:
        return self.total / self.count if self.count else None

    def add(self, batch: SensorBatch) -> None:
        """Readings received live: a frame's worth, most often all in the newest slot."""
        self.received += len(batch.values)
        if batch.delays:
            self._add_delays(batch)
        if self.stored_until is not None:
            stored_until, self.stored_until = self.stored_until, None
            if batch.newest <= stored_until:
                return
            if batch.times[0] <= stored_until:
                fresh = np.searchsorted(batch.times, stored_until, side="right")
                batch = SensorBatch.of(batch.times[fresh:], batch.values[fresh:])
        if self.last_seen is None or batch.newest >= self.last_seen:
            self.last_seen, self.last_value = batch.newest, batch.newest_value
        low, high, total = batch.low, batch.high, batch.total
        if self._open[0] <= batch.times[0] and batch.newest < self._open[1]:
            # Most batches: the newest slot and the figures grow, inline as it runs for every sensor a frame.
            count = len(batch.values)
            if self._slots:
                newest = self._slots[-1]
                newest[1] += count
                newest[4] += total
                if low < newest[2]:
                    newest[2] = low
                if high > newest[3]:
                    newest[3] = high
            self.count += count
            self.total += total
            if low < self.minimum:
                self.minimum = low
            if high > self.maximum:
                self.maximum = high
            return
        width = self._slot_width()
        if batch.newest - batch.times[0] < width:
            # A frame's readings across the edge of a slot all go to the newer one: they leave the
            # figures at most a frame's time late, for no slot arithmetic per reading.
            self.add_slot(self.slot_of(batch.newest), len(batch.values), low, high, total)
            return
        # Sensor-stamped readings far apart (a sensor resending what it kept while cut off).
        slots = np.floor(batch.times / width).astype(int)
        starts = np.flatnonzero(np.r_[True, slots[1:] != slots[:-1]])
        for slot, count, low, high, total in zip(
            slots[starts].tolist(),
            np.diff(np.r_[starts, len(slots)]).tolist(),
            np.minimum.reduceat(batch.values, starts).tolist(),
            np.maximum.reduceat(batch.values, starts).tolist(),
            np.add.reduceat(batch.values, starts).tolist(),
            strict=True,
        ):
            self.add_slot(slot, count, low, high, total)

    def add_slot(self, slot: int, count: int, low: float, high: float, total: float) -> None:
        """Readings of one slot (`slot_of` their time), from storage or live."""
        if self.window is None:
            self._add_to_figures(count, low, high, total)
            return
        if self._oldest_slot is not None and slot < self._oldest_slot:
            return
        slots = self._slots
        position = len(slots)
        while position and slots[position - 1][0] > slot:
            position -= 1  # older than the newest slot: a resent reading, rare
        if position and slots[position - 1][0] == slot:
            kept = slots[position - 1]
            kept[1:] = kept[1] + count, min(kept[2], low), max(kept[3], high), kept[4] + total
        else:
            slots.insert(position, [slot, count, low, high, total])
            if position == len(slots) - 1:
                width = self._slot_width()
                self._open = (slot * width, (slot + 1) * width)
        self._add_to_figures(count, low, high, total)

    def slot_of(self, timestamp: float) -> int:
        """The slot of a reading's time; as SQLite's CAST(timestamp / width AS INTEGER) (models/history.py)."""
        return math.floor(timestamp / self._slot_width())

    def expire(self, now: float) -> None:
        """Let go of the slots wholly older than the window ending at `now` (Unix seconds)."""
        if self.window is None:
            return
        self._oldest_slot = self.slot_of(now - self.window)
        slots, extreme_left = self._slots, False
        while slots and slots[0][0] < self._oldest_slot:
            _, count, low, high, total = slots.popleft()
            self.count -= count
            self.total -= total
            extreme_left = extreme_left or low <= self.minimum or high >= self.maximum
        if not slots:
            self.minimum, self.maximum, self.total = float("inf"), float("-inf"), 0.0
            self._open = (math.inf, -math.inf)
        elif extreme_left:
            self.minimum = min(slot[2] for slot in slots)
            self.maximum = max(slot[3] for slot in slots)

    def _add_delays(self, batch: SensorBatch) -> None:
        mean = batch.delay_sum / batch.delays
        self.delay = _smoothed(self.delay, mean, batch.delays)
        steps, step_sum = batch.steps, batch.step_sum
        if not math.isnan(self._last_delay) and not math.isnan(batch.first_delay):
            steps, step_sum = steps + 1, step_sum + abs(batch.first_delay - self._last_delay)
        if steps:
            self.jitter = _smoothed(self.jitter, step_sum / steps, steps)
        self._last_delay = batch.last_delay

    def keep_delays(self, before: SensorStats) -> None:
        """Take the delay figures of the row these figures replace: storage holds none."""
        self.delay, self.jitter, self._last_delay = before.delay, before.jitter, before._last_delay

    def sample_rate(self, now: float) -> float:
        """Readings per second over the last few seconds; call it at a steady pace."""
        return self._rate.sample(now, self.received)

    def _slot_width(self) -> float:
        """Figures over every reading (no `window`) keep no slots: `__post_init__` opens their newest
        slot to all times, so `add` never leaves its fast path and `add_slot` never asks."""
        assert self.window is not None, "figures without a window have no slots"
        return slot_width(self.window)

    def _add_to_figures(self, count: int, low: float, high: float, total: float) -> None:
        self.count += count
        self.total += total
        if low < self.minimum:
            self.minimum = low
        if high > self.maximum:
            self.maximum = high


def _smoothed(current: float | None, mean: float, count: int) -> float:
    """`current` moved towards `mean` as `count` readings of that mean, each by DELAY_GAIN, would move it."""
    if current is None:
        return mean
    return current + (mean - current) * (1 - (1 - DELAY_GAIN) ** count)
