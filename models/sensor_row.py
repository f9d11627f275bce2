"""One simulated sensor's state and counters as the simulator's table shows them, and the totals of all.

Plain data with no Qt: the process that runs the sensor threads builds them four times a second and
the window's process receives them, so they are named tuples of numbers and strings, which cross a
pipe in microseconds. What a sensor measures is not here: the window decided it and knows it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from models.faults import FaultCounts


class SensorRow(NamedTuple):
    capteur_id: str
    rate: float
    """Readings per second."""
    state: str
    """connecting, sending, backing off, paused or stopped."""
    running: bool
    measured: int
    sent: int
    acked: int
    waiting: int
    """Measured and not acknowledged yet."""
    dropped: int
    rejected: int
    last_value: float | None
    problem: str | None
    """The last error, in one sentence."""
    faults: FaultCounts = FaultCounts()
    """The faults it made on purpose since it was added (models/faults.py)."""


@dataclass(frozen=True)
class Totals:
    sensors: int
    connected: int
    sent: int
    acked: int
    dropped: int
