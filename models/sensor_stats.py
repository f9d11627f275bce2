"""What the sensors table shows about each sensor, updated in batches as readings are drained."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

from models.series import SensorBatch

RATE_WINDOW = 5.0


@dataclass
class SensorStats:
    capteur_id: str
    count: int = 0
    minimum: float = float("inf")
    maximum: float = float("-inf")
    total: float = 0.0
    last_value: float | None = None
    last_seen: float | None = None
    """Unix seconds of the newest reading."""
    rejected: int = 0
    _counts: deque = field(default_factory=deque, repr=False)
    """(monotonic time, count) samples over the last RATE_WINDOW seconds, for the rate."""

    @property
    def mean(self) -> float | None:
        return self.total / self.count if self.count else None

    def add(self, batch: SensorBatch) -> None:
        self.count += len(batch.values)
        self.minimum = min(self.minimum, batch.low)
        self.maximum = max(self.maximum, batch.high)
        self.total += batch.total
        if self.last_seen is None or batch.newest >= self.last_seen:
            self.last_seen, self.last_value = batch.newest, batch.newest_value

    def sample_rate(self, now: float) -> float:
        """Readings per second over the last few seconds; call it at a steady pace."""
        self._counts.append((now, self.count))
        while len(self._counts) > 2 and now - self._counts[0][0] > RATE_WINDOW:
            self._counts.popleft()
        then, count_then = self._counts[0]
        return (self.count - count_then) / (now - then) if now > then else 0.0
