"""When a sensor measures and when it tries again: deadline scheduling and jittered back-off.

Both are plain arithmetic on times the caller passes in, so they are tested with a made-up clock.
"""

from __future__ import annotations

import math
import random


class Schedule:
    """Deadlines `start + k / rate` on a monotonic clock.

    Sleeping a fixed time after each send would add the send's own duration to every period and drift;
    with deadlines a late reading is taken at once and the next one is still due on time, so over 60 s
    at 10 Hz there are 600 readings, give or take the one at the edge.
    """

    def __init__(self, rate: float, start: float):
        self.rate = rate
        self._start = start
        self._k = 0
        self._last: float | None = None

    @property
    def next(self) -> float:
        """The deadline of the next reading."""
        return self._start + self._k / self.rate

    def take(self, now: float, limit: int) -> list[float]:
        """The deadlines due by `now`, oldest first, at most `limit` of them."""
        due = min(limit, math.floor((now - self._start) * self.rate) + 1 - self._k)
        if due <= 0:
            return []
        first = self._k
        self._k += due
        deadlines = [self._start + k / self.rate for k in range(first, first + due)]
        self._last = deadlines[-1]
        return deadlines

    def restart(self, now: float, rate: float | None = None) -> None:
        """Deadlines from `now` on, at `rate` if given: after a pause, or when the rate changes.

        The readings missed while paused are not made up, and the next deadline is never closer to
        the last one than a period, so a sensor's timestamps always grow.
        """
        if rate is not None:
            self.rate = rate
        self._start = now if self._last is None else max(now, self._last + 1 / self.rate)
        self._k = 0


class Backoff:
    """How long to wait before the next connection attempt: doubling from `initial` up to `cap`.

    Each delay is drawn between half and all of that value, so a fleet of sensors that lost the same
    server comes back spread out instead of all at the same instant.
    """

    def __init__(self, initial: float = 0.1, cap: float = 5.0, rng: random.Random | None = None):
        self.initial = initial
        self.cap = cap
        self._rng = rng or random.Random()
        self._failures = 0

    def next_delay(self) -> float:
        ceiling = min(self.cap, self.initial * 2 ** min(self._failures, 32))
        self._failures += 1
        return self._rng.uniform(ceiling / 2, ceiling)

    def reset(self) -> None:
        """The connection works again: the next failure starts from `initial`."""
        self._failures = 0
