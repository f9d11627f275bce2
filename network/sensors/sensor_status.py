"""What a running sensor reports of itself (its state and its counters) and the controls it offers.

Shared by `CapteurTCP` and `CityCapteur`, so that a window shows and drives both alike.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Protocol

from models.faults import FaultCounts


class State(enum.Enum):
    CONNECTING = "connecting"
    SENDING = "sending"
    BACKING_OFF = "backing off"
    PAUSED = "paused"
    STOPPED = "stopped"


@dataclass(frozen=True)
class SensorStatus:
    capteur_id: str
    state: State
    measured: int
    sent: int
    """Readings written to a connection, resends included."""
    acked: int
    resent: int
    dropped: int
    """Readings pushed out of the full buffer before the server acknowledged them."""
    rejected: int
    """Readings the server refused; they count among the errors too."""
    errors: int
    buffered: int
    """Readings measured and not answered yet."""
    last_error: str | None
    gave_up: bool
    """Stopped on an error that trying again cannot fix (a wrong token, an unknown host)."""
    faults: FaultCounts = FaultCounts()
    """The faults it made on purpose (models/faults.py)."""


class RunningSensor(Protocol):
    """A sensor measuring and sending in its own thread, as `Fleet` and the simulator drive it."""

    capteur_id: str
    stop_requested: bool

    @property
    def rate(self) -> float: ...

    @property
    def paused(self) -> bool: ...

    @property
    def running(self) -> bool: ...

    def set_rate(self, rate: float) -> None: ...

    def start(self) -> None: ...

    def pause(self) -> None: ...

    def resume(self) -> None: ...

    def finish(self, grace: float | None = None) -> None: ...

    def stop(self, wait: bool = True) -> None: ...

    def join(self, timeout: float | None = None) -> bool: ...

    def status(self) -> SensorStatus: ...
