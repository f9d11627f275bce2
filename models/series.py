"""Each sensor's recent points for the chart: numpy arrays that grow in batches, bounded in size."""

from __future__ import annotations

from typing import Sequence

import numpy as np

DEFAULT_CAPACITY = 100_000


class SeriesBuffer:
    """Times (Unix seconds) and values (°C) of one sensor; the newest `capacity` points are kept.

    The arrays have room for twice the capacity. Appending writes after the end; when the room runs
    out, the newest points move to the front once. So appends cost O(1) amortised and `x`, `y` are
    contiguous views that pyqtgraph can draw without a copy.
    """

    def __init__(self, capacity: int = DEFAULT_CAPACITY):
        self.capacity = capacity
        self._x = np.empty(2 * capacity)
        self._y = np.empty(2 * capacity)
        self._start = 0
        self._end = 0

    def __len__(self) -> int:
        return self._end - self._start

    @property
    def x(self) -> np.ndarray:
        return self._x[self._start : self._end]

    @property
    def y(self) -> np.ndarray:
        return self._y[self._start : self._end]

    def extend(self, times: Sequence[float], values: Sequence[float]) -> None:
        times, values = np.asarray(times, dtype=float)[-self.capacity :], np.asarray(values, dtype=float)[-self.capacity :]
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

    def clear(self) -> None:
        self._start = self._end = 0
