"""`CapteurTCP`: a `Capteur` that measures on a schedule and sends its readings over TCP, in a thread.

It inherits the identifier, the value model and `mesurer()` from `Capteur`, the thread and its
controls (start, pause, resume, stop) from `SensorThread`, and adds what a network sensor needs: the
server's address, the rate, `finish()` and live counters. One `threading.Thread` per sensor, as the exercise's threads
extension asks; what that thread does, turn after turn, is `network.sensors.sensor_loop.SensorLoop`.

Each reading carries its measurement `timestamp` and a `seq`. Readings not yet acknowledged wait in
a bounded buffer; when it is full the oldest are dropped and counted. A lost connection is retried
with capped, jittered exponential back-off and what was not acknowledged is resent: the server keeps
one reading per (capteur_id, timestamp), so resending is safe (docs/protocol.md).
"""

from __future__ import annotations

import math
import socket
import threading
import time

from models.capteur import CapteurError
from models.faults import NO_FAULTS, Faults
from models.server_config import DEFAULT_PORT
from models.value_models import DEFAULT_MODEL, ValueModel
from network.mqtt.broker import Broker
from network.sensors.schedule import Backoff
from network.sensors.send_buffer import DEFAULT_CAPACITY, SendBuffer
from network.sensors.sensor_loop import SensorLoop
from network.sensors.sensor_status import SensorStatus, State
from network.sensors.sensor_thread import SensorThread

MIN_RATE, MAX_RATE = 0.01, 10_000.0
STOP_TIMEOUT = 0.9
"""How long `stop()` waits for the thread; it ends once the last replies are in (LAST_REPLIES_WAIT at
most, in network/sensors/sensor_loop.py), far sooner when the server answers."""


class CapteurTCP(SensorThread):
    """A sensor sending `rate` readings per second to host:port until `stop()`.

    With `broker` it publishes to that MQTT broker instead (network/sensors/mqtt_link.py), with the same
    buffer, acknowledgements and resending.

    With `count` or `duration` (seconds) it measures that many readings or for that long, then ends
    once all are answered.

    Every method may be called from any thread; other threads watch it through `status()`. `stop()`
    ends it once the replies to what was sent are in; readings still not answered stay counted in
    `buffered`.
    """

    STOP_WAIT = STOP_TIMEOUT

    def __init__(
        self,
        capteur_id: str,
        host: str = "127.0.0.1",
        port: int = DEFAULT_PORT,
        rate: float = 1.0,
        model: ValueModel | str = DEFAULT_MODEL,
        *,
        seed: int | None = None,
        token: str | None = None,
        count: int | None = None,
        duration: float | None = None,
        buffer_size: int = DEFAULT_CAPACITY,
        backoff: Backoff | None = None,
        broker: Broker | None = None,
        faults: Faults = NO_FAULTS,
    ):
        super().__init__(capteur_id, model, seed)
        if count is not None and count < 1:
            raise CapteurError(f"count must be 1 or more, got {count}")
        if duration is not None and not duration > 0:
            raise CapteurError(f"duration must be above 0 seconds, got {duration:g}")
        if buffer_size < 1:
            raise CapteurError(f"buffer_size must be 1 or more, got {buffer_size}")
        self.host, self.port, self.token = host, port, token or None
        self.broker = broker
        self.count, self.duration = count, duration
        self._rate = check_rate(rate)
        self.finishing = False
        """Set by `finish()`: measure no more, end once every reading is answered."""
        self.finish_by = math.inf
        self.requests = 0
        """Counts what other threads asked; the sensor's thread compares it before a long sleep."""
        self.faults = faults
        """What it does wrong on purpose (models/faults.py); `set_faults` changes it while it runs."""
        self._loop = SensorLoop(self, SendBuffer(buffer_size), backoff or Backoff())
        self._wake_lock = threading.Lock()
        self._wake_reader: socket.socket | None = None
        self._wake_writer: socket.socket | None = None

    @property
    def rate(self) -> float:
        return self._rate

    def set_rate(self, rate: float) -> None:
        """Readings per second from now on; CapteurError outside 0.01 to 10,000."""
        self._rate = check_rate(rate)
        self._wake()

    def set_faults(self, faults: Faults) -> None:
        self.faults = faults
        self._wake()

    def finish(self, grace: float | None = None) -> None:
        """Stop measuring and end once every reading is answered, or after `grace` seconds at most."""
        if grace is not None:
            self.finish_by = min(self.finish_by, time.monotonic() + grace)
        self.finishing = True
        self._wake()

    def status(self) -> SensorStatus:
        loop = self._loop
        # acked is read before sent: a reader never sees more readings acknowledged than sent.
        acked, rejected = loop.acked, loop.rejected
        state = State.PAUSED if self._paused and self.running else loop.state
        return SensorStatus(
            self.capteur_id,
            state,
            loop.measured,
            loop.sent,
            acked,
            loop.resent,
            loop.buffer.dropped,
            rejected,
            loop.errors,
            len(loop.buffer),
            loop.last_error,
            loop.gave_up,
            loop.injector.counts,
        )

    def _open(self) -> None:
        reader, writer = socket.socketpair()
        writer.setblocking(False)
        self._wake_reader, self._wake_writer = reader, writer

    def _close(self) -> None:
        with self._wake_lock:
            if self._wake_writer is not None:
                self._wake_writer.close()
                self._wake_writer = None
        if self._wake_reader is not None:
            self._wake_reader.close()
            self._wake_reader = None

    def _run(self) -> None:
        assert self._wake_reader is not None, "start() opens the socket pair before the thread runs"
        try:
            self._loop.run(self._wake_reader)
        finally:
            self._close()

    def _wake(self) -> None:
        self.requests += 1
        if self._loop.busy:
            # It takes a turn within MIN_TURN anyway. A system call here would also make this thread
            # wait for the GIL again afterwards, which with a hundred busy sensors can take seconds.
            return
        with self._wake_lock:
            if self._wake_writer is not None:
                try:
                    self._wake_writer.send(b"\0")
                except BlockingIOError:
                    pass  # the pipe is full of wake-ups already: the thread will wake


def check_rate(rate: float) -> float:
    if isinstance(rate, bool) or not isinstance(rate, (int, float)) or not MIN_RATE <= rate <= MAX_RATE:
        shown = f"{rate:g}" if isinstance(rate, (int, float)) else repr(rate)
        raise CapteurError(f"rate must be from {MIN_RATE:g} to {MAX_RATE:,.0f} readings per second, got {shown}")
    return float(rate)
