"""`Fleet`: many running sensors (`CapteurTCP` made by `create`) started, watched and stopped together.

The `simulate` command and the simulator window both drive sensors through it: build them all (so a
bad setting is refused before any thread starts), start, pause, change the rate or the model, read
the summed counters, and stop every thread within a second.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Generic, TypeVar

from models.capteur import CapteurError
from models.faults import NO_FAULTS, FaultCounts, Faults
from models.value_models import ValueModel
from network.mqtt.broker import Broker
from network.sensors.capteur_tcp import STOP_TIMEOUT, CapteurTCP
from network.sensors.send_buffer import DEFAULT_CAPACITY
from network.sensors.sensor_status import RunningSensor

if sys.platform != "win32":  # Windows has no per-process limit on open files to raise
    import resource

FILES_PER_SENSOR = 3
"""Its connection and the two ends of the socket pair that wakes its thread."""
SPARE_FILES = 64

S = TypeVar("S", bound=RunningSensor)


@dataclass(frozen=True)
class FleetStatus:
    sensors: int
    running: int
    states: dict[str, int]
    """How many sensors are in each state ("sending": 98, "backing off": 2)."""
    measured: int
    sent: int
    acked: int
    resent: int
    dropped: int
    rejected: int
    errors: int
    buffered: int
    gave_up: int
    last_error: str | None
    faults: FaultCounts = FaultCounts()

    @property
    def complete(self) -> bool:
        """Every reading measured was answered as it should: acknowledged, or refused because it was sent
        malformed on purpose; none dropped or still waiting."""
        return self.acked + min(self.rejected, self.faults.malformed) == self.measured and self.gave_up == 0


class Fleet(Generic[S]):
    def __init__(self, sensors: Iterable[S]):
        self.sensors = list(sensors)

    @classmethod
    def create(
        cls,
        sensors: int,
        host: str,
        port: int,
        rate: float,
        model: ValueModel,
        *,
        prefix: str = "capteur_",
        seed: int | None = None,
        token: str | None = None,
        count: int | None = None,
        duration: float | None = None,
        buffer_size: int = DEFAULT_CAPACITY,
        broker: Broker | None = None,
        faults: Faults = NO_FAULTS,
    ) -> Fleet[CapteurTCP]:
        """Sensors `prefix1` to `prefixN`; CapteurError with one sentence if any setting is refused.

        With a fault seed, sensor N draws its faults from seed + N: each its own, every run the same."""
        if sensors < 1:
            raise CapteurError(f"a fleet needs 1 sensor or more, got {sensors}")
        ensure_file_limit(sensors)
        return Fleet(
            CapteurTCP(
                f"{prefix}{number}",
                host,
                port,
                rate,
                model.fresh(),
                seed=None if seed is None else seed + number,
                token=token,
                count=count,
                duration=duration,
                buffer_size=buffer_size,
                broker=broker,
                faults=faults if faults.seed is None else replace(faults, seed=faults.seed + number),
            )
            for number in range(1, sensors + 1)
        )

    def start(self) -> None:
        """Start every sensor; if the system runs out of threads, stop those started and raise CapteurError."""
        for sensor in self.sensors:
            try:
                sensor.start()
            except CapteurError:
                self.stop()
                raise

    def pause(self) -> None:
        for sensor in self.sensors:
            sensor.pause()

    def resume(self) -> None:
        for sensor in self.sensors:
            sensor.resume()

    def set_rate(self, rate: float) -> None:
        for sensor in self.sensors:
            sensor.set_rate(rate)

    def set_model(self: Fleet[CapteurTCP], model: ValueModel) -> None:
        for sensor in self.sensors:
            sensor.model = model.fresh()

    def finish(self, grace: float | None = None) -> None:
        """Stop measuring; each sensor ends once its readings are answered, or after `grace` s."""
        for sensor in self.sensors:
            sensor.finish(grace)

    def stop(self) -> None:
        """End every sensor now; returns within about a second however many there are."""
        for sensor in self.sensors:
            sensor.stop(wait=False)
        self.wait(STOP_TIMEOUT)

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until every sensor's thread has ended; False if some still run after `timeout` s."""
        deadline = None if timeout is None else time.monotonic() + timeout
        for sensor in self.sensors:
            left = None if deadline is None else max(0.0, deadline - time.monotonic())
            if not sensor.join(left):
                return False
        return True

    def status(self) -> FleetStatus:
        statuses = [sensor.status() for sensor in self.sensors]
        errors = [s.last_error for s in statuses if s.last_error]
        return FleetStatus(
            sensors=len(statuses),
            running=sum(sensor.running for sensor in self.sensors),
            states=dict(Counter(s.state.value for s in statuses)),
            measured=sum(s.measured for s in statuses),
            sent=sum(s.sent for s in statuses),
            acked=sum(s.acked for s in statuses),
            resent=sum(s.resent for s in statuses),
            dropped=sum(s.dropped for s in statuses),
            rejected=sum(s.rejected for s in statuses),
            errors=sum(s.errors for s in statuses),
            buffered=sum(s.buffered for s in statuses),
            gave_up=sum(s.gave_up for s in statuses),
            last_error=errors[-1] if errors else None,
            faults=sum((s.faults for s in statuses), FaultCounts()),
        )


def ensure_file_limit(sensors: int) -> None:
    """Raise this process's limit on open files if the sensors need more; CapteurError if it cannot."""
    # A block, not an early return: so the type checker skips it for Windows, where `resource` is not imported.
    if sys.platform != "win32":
        needed = sensors * FILES_PER_SENSOR + SPARE_FILES
        soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        if soft == resource.RLIM_INFINITY or soft >= needed:
            return
        if hard != resource.RLIM_INFINITY and hard < needed:
            raise CapteurError(f"{sensors} sensors need {needed} open files but this system allows {hard}: run fewer sensors")
        resource.setrlimit(resource.RLIMIT_NOFILE, (needed, hard))
