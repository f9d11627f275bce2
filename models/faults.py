"""Faults a simulated sensor can be told to make, and the counts of those it made: a lab on what a server
must survive (a broken message, a message cut in pieces, a burst, a lost connection, a resend, a wrong clock).

Plain data with no socket and no Qt: the simulator's edit dialog and `simulate` build a `Faults`, the sensor
process applies it (network/sensors/fault_injection.py) and sends back a `FaultCounts` in every snapshot.
Two kinds, kept apart so that another transport could reuse the first alone:
- faults in a message's bytes: `malformed`, `duplicates`, `clock_offset`;
- faults in the sending: `split`, the bursts, `disconnects`.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, fields
from typing import NamedTuple

from models.capteur import CapteurError

MAX_BURST = 1000
"""Readings in one burst at most: they are stamped a millisecond apart, so a burst spans a second at most."""
BURST_SPACING = 0.001
"""Seconds between the timestamps of a burst's readings: each is stored, none merged with another."""
MIN_BURST_EVERY, MAX_BURST_EVERY = 0.1, 3600.0
MAX_CLOCK_OFFSET = 86400.0 * 365
MAX_SPLIT = 65536
MIN_DISCONNECT_EVERY, MAX_DISCONNECT_EVERY = 0.05, 86400.0


@dataclass(frozen=True)
class Faults:
    """What a sensor does wrong on purpose; the default, nothing.

    Shares and chances are from 0 to 1, drawn for each reading from the sensor's own random generator,
    seeded with `seed` (None: a new seed each run), so a test sees the same faults every time.
    """

    malformed: float = 0.0
    """Share of readings sent broken: invalid JSON, the temperature missing, or a temperature below
    absolute zero, in turn at random; the server refuses each."""
    duplicates: float = 0.0
    """Share of readings sent a second time at once, without `seq` (no second ack is owed); a server
    that keeps one reading per (capteur_id, timestamp) stores it once."""
    clock_offset: float = 0.0
    """Seconds added to every timestamp: a sensor whose clock is wrong."""
    split: int = 0
    """At most this many bytes per send() (1: a byte at a time); 0 writes each batch whole."""
    burst_size: int = 0
    """Readings measured at once every `burst_every` seconds, on top of the usual rate; 0: no bursts."""
    burst_every: float = 10.0
    disconnect_every: float = 0.0
    """Mean seconds between two cuts of the connection, each in the middle of a message (a reset, no
    goodbye), drawn at random around that mean; 0: never."""
    seed: int | None = None

    def __post_init__(self):
        for name in ("malformed", "duplicates"):
            share = getattr(self, name)
            if not (isinstance(share, (int, float)) and 0.0 <= share <= 1.0):
                raise CapteurError(f"{name} must be a share from 0 to 1, got {share!r}")
        if (
            not (isinstance(self.clock_offset, (int, float)) and math.isfinite(self.clock_offset))
            or abs(self.clock_offset) > MAX_CLOCK_OFFSET
        ):
            raise CapteurError(f"clock_offset must be at most a year either way, got {self.clock_offset!r}")
        for name in ("split", "burst_size"):
            if isinstance(getattr(self, name), bool) or not isinstance(getattr(self, name), int):
                raise CapteurError(f"{name} must be a whole number, got {getattr(self, name)!r}")
        if not 0 <= self.split <= MAX_SPLIT:
            raise CapteurError(f"split must be from 0 (off) to {MAX_SPLIT:,} bytes per send, got {self.split}")
        if not 0 <= self.burst_size <= MAX_BURST:
            raise CapteurError(f"burst size must be from 0 (off) to {MAX_BURST:,} readings, got {self.burst_size}")
        if not MIN_BURST_EVERY <= self.burst_every <= MAX_BURST_EVERY:
            raise CapteurError(f"bursts come every {MIN_BURST_EVERY:g} to {MAX_BURST_EVERY:g} seconds, got {self.burst_every:g}")
        if self.disconnect_every and not MIN_DISCONNECT_EVERY <= self.disconnect_every <= MAX_DISCONNECT_EVERY:
            raise CapteurError(
                f"disconnections come every {MIN_DISCONNECT_EVERY:g} to {MAX_DISCONNECT_EVERY:g} seconds on average "
                f"(0: never), got {self.disconnect_every:g}"
            )

    @property
    def active(self) -> bool:
        return self.without_seed() != Faults()

    def without_seed(self) -> Faults:
        return Faults(**{**asdict(self), "seed": None})

    def to_dict(self) -> dict:
        """Only what differs from no fault: a saved sensor without faults saves nothing more."""
        default = Faults()
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name) != getattr(default, f.name)}

    @classmethod
    def from_dict(cls, record: dict) -> Faults:
        """CapteurError for a value refused, TypeError for an unknown name."""
        return cls(**record)


NO_FAULTS = Faults()


class FaultCounts(NamedTuple):
    """The faults a sensor made, each kind counted since it was added (a restart carries them on)."""

    bad_json: int = 0
    missing_field: int = 0
    out_of_range: int = 0
    duplicates: int = 0
    split_sends: int = 0
    """send() calls made to write pieces of at most `split` bytes."""
    bursts: int = 0
    disconnects: int = 0

    def __add__(self, other: tuple) -> FaultCounts:
        return FaultCounts(*(mine + theirs for mine, theirs in zip(self, other, strict=True)))

    @property
    def malformed(self) -> int:
        return self.bad_json + self.missing_field + self.out_of_range
