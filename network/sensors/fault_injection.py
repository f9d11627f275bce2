"""How a sensor makes the faults its `Faults` asks for (models/faults.py), and counts them.

`encode()` makes the bytes of a batch of readings, some broken, some doubled, all stamped by a clock
`clock_offset` seconds off; it knows nothing of sockets, so another transport could send its bytes.
`cut_due()` says when to cut the connection and `encode()` where, `burst_due()` when a burst is due:
what the sending does with those is the sensor loop's (network/sensors/sensor_loop.py).

Every choice comes from one `random.Random` per sensor, seeded from `Faults.seed`: the same seed gives
the same faults at the same readings, so a test can count what the server should have refused.
"""

from __future__ import annotations

import itertools
import math
import random
from collections.abc import Sequence

import orjson

from models.faults import FaultCounts, Faults

BELOW_ABSOLUTE_ZERO = -300.0
_NEWLINE = orjson.OPT_APPEND_NEWLINE


class FaultInjector:
    """Used by the sensor's thread only, but `counts` may be read from any thread."""

    def __init__(self, capteur_id: str, faults: Faults):
        self.faults = faults
        self.active = faults.active
        """Worked out once per change: the sensor's hot path asks at every batch."""
        self.counts = FaultCounts()
        self._prefix = {"capteur_id": capteur_id}
        self._random = random.Random(faults.seed)
        self._next_burst: float | None = None
        self._next_cut = math.inf

    def change(self, faults: Faults) -> None:
        """New settings from now on; the counts go on, and a new seed starts the draws again."""
        if faults.seed != self.faults.seed:
            self._random = random.Random(faults.seed)
        if (faults.burst_size, faults.burst_every) != (self.faults.burst_size, self.faults.burst_every):
            self._next_burst = None
        self.faults, self.active = faults, faults.active

    def connected(self, now: float) -> None:
        """A new connection: when to cut it, if cuts are asked for."""
        every = self.faults.disconnect_every
        self._next_cut = now + self._random.expovariate(1 / every) if every else math.inf

    def cut_due(self, now: float) -> bool:
        if not self.faults.disconnect_every:
            return False
        if self._next_cut == math.inf:
            self.connected(now)
        return now >= self._next_cut

    def encode(
        self, first_seq: int, timestamps: Sequence[float], temperatures: Sequence[float], cut_one: bool = False
    ) -> tuple[bytes, int, int | None]:
        """The lines of these readings, how many readings they carry, and, with `cut_one`, where in them to
        cut the connection: in the middle of one of them, drawn at random. Readings after it are not encoded:
        they wait for the next connection."""
        faults, draw, dumps = self.faults, self._random.random, orjson.dumps
        cut_in = self._random.randrange(len(timestamps)) if cut_one else -1
        lines: list[bytes] = []
        size = 0
        cut: int | None = None
        bad_json = missing = out_of_range = doubled = 0
        for seq, timestamp, temperature in zip(itertools.count(first_seq), timestamps, temperatures):
            message = {**self._prefix, "temperature": temperature, "timestamp": timestamp + faults.clock_offset, "seq": seq}
            if faults.malformed and draw() < faults.malformed:
                kind = self._random.randrange(3)
                if kind == 0:
                    # A trailing comma: the braces still balance, so the server finds where it ends and reads on.
                    line = dumps(message)[:-1] + b",}\n"
                    bad_json += 1
                elif kind == 1:
                    del message["temperature"]
                    line = dumps(message, option=_NEWLINE)
                    missing += 1
                else:
                    line = dumps({**message, "temperature": BELOW_ABSOLUTE_ZERO}, option=_NEWLINE)
                    out_of_range += 1
            else:
                line = dumps(message, option=_NEWLINE)
                if faults.duplicates and draw() < faults.duplicates:
                    del message["seq"]
                    line += dumps(message, option=_NEWLINE)
                    doubled += 1
            if len(lines) == cut_in:
                cut = size + len(line) // 2
            lines.append(line)
            size += len(line)
            if cut is not None:
                break
        if bad_json or missing or out_of_range or doubled:
            self.counts = self.counts._replace(
                bad_json=self.counts.bad_json + bad_json,
                missing_field=self.counts.missing_field + missing,
                out_of_range=self.counts.out_of_range + out_of_range,
                duplicates=self.counts.duplicates + doubled,
            )
        return b"".join(lines), len(lines), cut

    def burst_due(self, now: float) -> int:
        """How many readings to measure at once now: `burst_size` once every `burst_every` s, else 0."""
        faults = self.faults
        if not faults.burst_size:
            return 0
        if self._next_burst is None:
            self._next_burst = now + faults.burst_every
        if now < self._next_burst:
            return 0
        self._next_burst = now + faults.burst_every
        self.counts = self.counts._replace(bursts=self.counts.bursts + 1)
        return faults.burst_size

    @property
    def next_burst(self) -> float | None:
        return self._next_burst if self.faults.burst_size else None

    def sent_pieces(self, pieces: int) -> None:
        self.counts = self.counts._replace(split_sends=self.counts.split_sends + pieces)

    def disconnected(self) -> None:
        self._next_cut = math.inf
        self.counts = self.counts._replace(disconnects=self.counts.disconnects + 1)
