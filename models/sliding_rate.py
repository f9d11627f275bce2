"""A rate over the last few seconds, from a running count that an observer samples at its own pace.

Counting what arrived between two samples half a second apart makes a jumpy figure: a steady 18
readings/s from sensors at 2 Hz shows 6, then 30, as their readings fall on either side of a sample.
Over a few seconds, each sensor's share is nearly the same from one sample to the next.
"""

from __future__ import annotations

from collections import deque

RATE_WINDOW = 5.0
"""Seconds the rate covers: long enough to be steady, short enough to follow a change."""


class SlidingRate:
    def __init__(self, window: float = RATE_WINDOW):
        self.window = window
        self._samples: deque[tuple[float, int]] = deque()

    def sample(self, now: float, count: int) -> float:
        """Per second over the last `window` seconds; `now` from a clock that never goes back."""
        samples = self._samples
        samples.append((now, count))
        while len(samples) > 2 and now - samples[0][0] > self.window:
            samples.popleft()
        then, count_then = samples[0]
        return (count - count_then) / (now - then) if now > then else 0.0
