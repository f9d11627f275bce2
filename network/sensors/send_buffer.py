"""The readings a sensor measured that the server has not answered yet, oldest first, bounded.

The oldest readings are `in flight` (written to the connection, a reply expected), the rest wait to
be written. The server answers every reading in the order it was sent, so each reply belongs to the
oldest reading in flight: no sequence number needs to be looked up.

When the buffer is full the oldest reading is dropped and counted. If it was in flight, its reply
will still come and must not be taken for the next reading's: those replies are skipped.
When a connection is lost, what was in flight waits again, ahead of the rest, to be resent.

A reading is kept as two floats in arrays (16 bytes) rather than as its encoded line (about 130
bytes with the object around it): a full buffer of 100,000 readings is 1.6 MB, not 13 MB, which
matters for a hundred sensors whose server is down. Its `seq` is implied by its position.
"""

from __future__ import annotations

from array import array
from typing import NamedTuple

DEFAULT_CAPACITY = 100_000
_COMPACT_FROM = 4096


class Batch(NamedTuple):
    """Readings taken to be written: `seq` of the first, then one by one."""

    first_seq: int
    timestamps: list[float]
    temperatures: list[float]
    resent: int
    """How many of them were written once already, on a connection since lost."""


class SendBuffer:
    def __init__(self, capacity: int = DEFAULT_CAPACITY):
        self.capacity = capacity
        self.dropped = 0
        self.first_seq = 1
        """The `seq` of the oldest reading kept; the others follow one by one."""
        self._timestamps = array("d")
        self._temperatures = array("d")
        self._head = 0
        """Where the oldest reading kept is in the arrays; what comes before is answered or dropped."""
        self._in_flight = 0
        self._replies_to_skip = 0
        self._resends_waiting = 0
        """How many of the first waiting readings were written once already."""

    def __len__(self) -> int:
        return len(self._timestamps) - self._head

    @property
    def in_flight(self) -> int:
        return self._in_flight

    @property
    def waiting(self) -> int:
        return len(self) - self._in_flight

    def add(self, timestamp: float, temperature: float) -> None:
        if len(self) >= self.capacity:
            self._drop_oldest()
        self._timestamps.append(timestamp)
        self._temperatures.append(temperature)

    def take(self, limit: int) -> Batch:
        """Up to `limit` waiting readings, oldest first; they are in flight from now on."""
        start = self._head + self._in_flight
        end = start + min(limit, len(self._timestamps) - start)
        first_seq = self.first_seq + self._in_flight
        self._in_flight += end - start
        resent = min(end - start, self._resends_waiting)
        self._resends_waiting -= resent
        return Batch(first_seq, self._timestamps[start:end].tolist(), self._temperatures[start:end].tolist(), resent)

    def answer(self, replies: int) -> int:
        """`replies` replies arrived; return how many readings in flight they answered."""
        skipped = min(replies, self._replies_to_skip)
        self._replies_to_skip -= skipped
        answered = min(replies - skipped, self._in_flight)
        self._in_flight -= answered
        self._forget(answered)
        return answered

    def requeue(self) -> None:
        """The connection is gone: what was in flight waits again, ahead of the rest."""
        self._resends_waiting += self._in_flight
        self._in_flight = 0
        self._replies_to_skip = 0

    def _drop_oldest(self) -> None:
        self.dropped += 1
        if self._in_flight:
            self._in_flight -= 1
            self._replies_to_skip += 1
        else:
            self._resends_waiting = max(0, self._resends_waiting - 1)
        self._forget(1)

    def _forget(self, count: int) -> None:
        """Let go of the `count` oldest readings; free their room once it is worth a copy."""
        self._head += count
        self.first_seq += count
        if self._head >= _COMPACT_FROM and self._head * 2 >= len(self._timestamps):
            del self._timestamps[: self._head]
            del self._temperatures[: self._head]
            self._head = 0
