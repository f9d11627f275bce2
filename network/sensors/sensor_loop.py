"""What the thread of a `CapteurTCP` does, turn after turn, until it is told to stop or has finished.

A turn reads the replies that arrived, measures every reading due (at its deadline), connects if need
be, and writes everything waiting in one go. Then the thread waits in a selector for the next turn:
- a quiet sensor (the next deadline further than `MIN_TURN`) sleeps until that deadline or until
  the connection completes; replies wake it only if that deadline is more than `REPLY_DELAY` away,
  otherwise they are counted at the next turn: a thousand sensors at 1 Hz wake once per reading;
- a busy one takes a turn every `MIN_TURN` seconds and deals with all that happened meanwhile, so
  a 10,000 readings/s sensor makes 50 writes and 50 reads a second, not 10,000 of each.
Either way a word from another thread (stop, pause, new rate) comes through the wake-up socket and
is seen at once. The selector never waits on a blocking call: connecting, writing and reading are
non-blocking (`SensorLink`; `MqttLink` only waits for the TCP handshake, see network/sensors/mqtt_link.py).
The loop knows a link, not what it speaks: a sensor aimed at a broker publishes through `MqttLink`,
any other sends to a readings server through `SensorLink`, and both answer its readings in order.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import math
import selectors
import socket
import time
from typing import Protocol

import orjson

from models.capteur import Measurement
from models.faults import BURST_SPACING, Faults
from network.mqtt.broker import Broker
from network.sensors.client import token_refused
from network.sensors.fault_injection import FaultInjector
from network.sensors.mqtt_link import MqttLink
from network.sensors.schedule import Backoff, Schedule
from network.sensors.send_buffer import Batch, SendBuffer
from network.sensors.sensor_link import LinkError, SensorLink
from network.sensors.sensor_status import State

log = logging.getLogger("thermolab.sensor")

MIN_TURN = 0.05
REPLY_DELAY = 1.0
"""How long a reply may wait for the next turn before a quiet sensor wakes up just to count it."""
CONNECT_TIMEOUT = 5.0
BATCH = 8192
"""Readings written at most per turn, so that replies are read between large writes."""
MEASURE_CHUNK = 10_000
"""Readings measured at most per turn by a sensor far behind its schedule."""
LAST_REPLIES_WAIT = 0.5
"""How long a stopping sensor waits for the replies to what it has sent, so that its counters are final:
below `STOP_TIMEOUT` (network/sensors/capteur_tcp.py), so a stop is still over within it."""
Link = SensorLink | MqttLink
"""What carries a sensor's readings: both offer what the loop uses, but for the bytes of TCP faults."""
# poll() needs no file descriptor of its own, unlike epoll: a thousand sensors save a thousand of them.
_Selector = getattr(selectors, "PollSelector", selectors.SelectSelector)


class SensorControls(Protocol):
    """What the loop reads of its sensor (a `CapteurTCP`): its settings, what other threads asked, and
    `mesurer`. The loop writes none of it."""

    capteur_id: str
    host: str
    port: int
    token: str | None
    broker: Broker | None
    """Set: the readings are published to this broker, and host, port and token are not used."""
    count: int | None
    duration: float | None
    finishing: bool
    finish_by: float
    stop_requested: bool
    requests: int
    faults: Faults
    """Replaced whole by other threads; the loop takes the new one at its next turn."""

    @property
    def rate(self) -> float: ...

    @property
    def paused(self) -> bool: ...

    def mesurer(self, at: float | None = None) -> Measurement: ...


class SensorLoop:
    """The thread's state and its counters; each counter is written by that thread only."""

    def __init__(self, sensor: SensorControls, buffer: SendBuffer, backoff: Backoff):
        self.sensor = sensor
        self.buffer = buffer
        self.backoff = backoff
        self.state = State.STOPPED
        self.measured = self.sent = self.acked = self.resent = self.rejected = self.errors = 0
        self.last_error: str | None = None
        self.gave_up = False
        self._prefix = {"capteur_id": sensor.capteur_id}
        self._link: Link | None = None
        self._watching = 0
        self._retry_at = self._connect_by = 0.0
        self._schedule = Schedule(sensor.rate, 0.0)
        self._wall_offset = 0.0
        self._was_paused = False
        self._count_done = False
        self._measure_until = math.inf
        self._selector: selectors.BaseSelector = _Selector()
        self.busy = False
        """True while the thread takes a turn every MIN_TURN at least: it needs no wake-up byte."""
        self._requests_seen = 0
        self.injector = FaultInjector(sensor.capteur_id, sensor.faults)

    @property
    def finishing(self) -> bool:
        """No more measuring: the sensor was asked to finish, or its `count` or `duration` is done."""
        return self._count_done or self.sensor.finishing

    def run(self, wake: socket.socket) -> None:
        sensor = self.sensor
        now = time.monotonic()
        # Timestamps are deadlines on the monotonic clock placed once on the wall clock: evenly spaced,
        # and never going back when the system clock is set, which would make two readings one.
        self._wall_offset = time.time() - now
        self._schedule = Schedule(sensor.rate, now)
        # Deadlines strictly before the end: 60 s at 10 Hz are 600 readings, not 601.
        self._measure_until = now + sensor.duration - 1e-9 if sensor.duration else math.inf
        self.state = State.CONNECTING
        with self._selector as selector:
            selector.register(wake, selectors.EVENT_READ)
            self._requests_seen = sensor.requests
            try:
                while not (sensor.stop_requested or self.gave_up):
                    now = time.monotonic()
                    if sensor.faults is not self.injector.faults:
                        self.injector.change(sensor.faults)
                    if self._link is not None and self._link.connected:
                        self._exchange(self._link)
                    self._measure_due(now)
                    if self.finishing and (not self.buffer or now >= sensor.finish_by):
                        break
                    self._keep_connected(now)
                    self._send()
                    self._wait(now, wake)
                if sensor.stop_requested:
                    self._take_last_replies(wake)
            finally:
                self._drop_link()
                self.state = State.STOPPED

    def _take_last_replies(self, wake: socket.socket) -> None:
        """Stopped with readings in flight: their replies, within LAST_REPLIES_WAIT. A quiet sensor reads
        replies at its next turn, which a stop cancels: without this, a stored and acknowledged reading
        would stay counted as waiting."""
        until = time.monotonic() + LAST_REPLIES_WAIT
        while self._link is not None and self._link.connected and self.buffer.in_flight:
            link = self._link
            left = until - time.monotonic()
            if left <= 0:
                return
            self._watch(link, selectors.EVENT_READ)
            for key, _ in self._selector.select(left):
                if key.fileobj is wake:
                    wake.recv(4096)
            self._exchange(link)

    def _measure_due(self, now: float) -> None:
        sensor = self.sensor
        if sensor.paused or self.finishing:
            self._was_paused = sensor.paused
            self._count_done = self._count_done or now >= self._measure_until
            return
        if self._was_paused or sensor.rate != self._schedule.rate:
            self._schedule.restart(now, sensor.rate)
            self._was_paused = False
        limit = MEASURE_CHUNK if sensor.count is None else min(MEASURE_CHUNK, sensor.count - self.measured)
        deadlines = self._schedule.take(min(now, self._measure_until), limit)
        for deadline in deadlines:
            _, temperature, timestamp = sensor.mesurer(deadline + self._wall_offset)
            self.buffer.add(timestamp, temperature)
        self.measured += len(deadlines)
        self._measure_burst(now)
        self._count_done = (sensor.count is not None and self.measured >= sensor.count) or now >= self._measure_until

    def _measure_burst(self, now: float) -> None:
        """A burst's readings are measured at once, stamped a millisecond apart so that none is merged."""
        size = self.injector.burst_due(now)
        start = now + self._wall_offset
        for number in range(size):
            _, temperature, timestamp = self.sensor.mesurer(start + number * BURST_SPACING)
            self.buffer.add(timestamp, temperature)
        self.measured += size

    def _keep_connected(self, now: float) -> None:
        if self._link is None and now >= self._retry_at:
            self.state = State.CONNECTING
            try:
                self._link = self._open_link()
            except LinkError as error:
                self._fail(error)
                return
            self._connect_by = now + CONNECT_TIMEOUT
        elif self._link is not None and not self._link.connected and now >= self._connect_by:
            self._fail(LinkError(f"no answer from {self._link.where} within {CONNECT_TIMEOUT:g} s; retrying"))

    def _open_link(self) -> Link:
        sensor = self.sensor
        if sensor.broker is not None:
            return MqttLink(sensor.broker, sensor.capteur_id)
        return SensorLink(sensor.host, sensor.port)

    def _send(self) -> None:
        link = self._link
        if link is None or not link.connected:
            return
        cut = None
        room = min(BATCH, link.max_in_flight - self.buffer.in_flight)
        if not link.wants_write and self.buffer.waiting and room > 0:
            batch = self.buffer.take(int(room))
            if isinstance(link, MqttLink):
                link.queue_batch(batch)
                written = len(batch.timestamps)
            else:
                written, cut = self._queue(link, batch)
            self.sent += written
            self.resent += min(written, batch.resent)
        if self._flush(link) and cut is not None:
            assert isinstance(link, SensorLink), "only a TCP connection is cut on purpose"
            self._cut(link)

    def _queue(self, link: SensorLink, batch: Batch) -> tuple[int, int | None]:
        """`batch` as lines, with the faults asked for: how many readings were written, and where the
        connection is to be cut (None: it is not)."""
        cut = None
        if self.injector.active:
            cut_now = self.injector.cut_due(time.monotonic())
            data, written, cut = self.injector.encode(batch.first_seq, batch.timestamps, batch.temperatures, cut_now)
        else:
            data, written = self._encode(batch), len(batch.timestamps)
        link.queue(data if cut is None else data[:cut])
        return written, cut

    def _flush(self, link: Link) -> bool:
        """Write what waits, in pieces if the faults ask for it; False if the connection failed."""
        piece = self.injector.faults.split if isinstance(link, SensorLink) else 0
        try:
            sends = link.flush(piece)
        except LinkError as error:
            self._fail_writing(link, error)
            return False
        if piece:
            self.injector.sent_pieces(sends)
        return True

    def _cut(self, link: SensorLink) -> None:
        """An injected fault: the connection reset in the middle of a message; what was not acknowledged is resent."""
        self.injector.disconnected()
        self._watch(link, 0)
        link.abort()
        self._link = None
        self.buffer.requeue()
        self._fail(
            LinkError(
                f"the connection to {link.where} was cut on purpose (an injected fault); resending what was not acknowledged"
            )
        )

    def _encode(self, batch: Batch) -> bytes:
        prefix, dumps, newline = self._prefix, orjson.dumps, orjson.OPT_APPEND_NEWLINE
        readings = zip(itertools.count(batch.first_seq), batch.timestamps, batch.temperatures)
        return b"".join(
            dumps({**prefix, "temperature": temperature, "timestamp": timestamp, "seq": seq}, option=newline)
            for seq, timestamp, temperature in readings
        )

    def _wait(self, now: float, wake: socket.socket) -> None:
        wake_at = self._next_event()
        quiet = wake_at > now + MIN_TURN
        # Published before the last look at the requests: a controller that saw `busy` sent no wake-up
        # byte, trusting the next turn to come within MIN_TURN (see CapteurTCP._wake).
        self.busy = not quiet
        if not (quiet and self.sensor.requests != self._requests_seen):
            self._select(now, wake, wake_at if quiet else now + MIN_TURN)
        self._requests_seen = self.sensor.requests

    def _select(self, now: float, wake: socket.socket, next_turn: float) -> None:
        link = self._link
        events = 0
        if link is not None and not link.connected:
            events = link.connecting_events
        elif link is not None and self.buffer.waiting and self.buffer.in_flight >= link.max_in_flight:
            # The broker takes no more before it answers: its answers are what the next turn waits for.
            events = selectors.EVENT_READ | (selectors.EVENT_WRITE if link.wants_write else 0)
        elif link is not None and next_turn > now + MIN_TURN:
            # Replies wait for the next turn when it is near: one wake-up per reading, not two.
            events = selectors.EVENT_READ if next_turn > now + REPLY_DELAY else 0
            events |= selectors.EVENT_WRITE if link.wants_write else 0
        if link is not None:
            self._watch(link, events)
        timeout = None if next_turn == math.inf else next_turn - now
        for key, _ in self._selector.select(timeout):
            if key.fileobj is wake:
                wake.recv(4096)
            elif self._link is not None and not self._link.connected:
                self._connected(self._link)

    def _next_event(self) -> float:
        """When the thread has something to do next, replies apart."""
        sensor, link = self.sensor, self._link
        if self.finishing:
            moments = [sensor.finish_by]
        else:
            moments = [self._measure_until] if sensor.paused else [self._measure_until, self._schedule.next]
            if not sensor.paused and self.injector.next_burst is not None:
                moments.append(self.injector.next_burst)
        if link is None:
            moments.append(self._retry_at)
        elif not link.connected:
            moments.append(self._connect_by)
        elif self.buffer.waiting and self.buffer.in_flight < link.max_in_flight or link.wants_write:
            moments.append(0.0)
        else:
            moments.append(link.due)
        return min(moments, default=math.inf)

    def _watch(self, link: Link, events: int) -> None:
        """Watch the link's socket for `events` (0: not at all, before the link is dropped)."""
        if events == self._watching:
            return
        if not self._watching:
            self._selector.register(link.socket, events)
        elif not events:
            self._selector.unregister(link.socket)
        else:
            self._selector.modify(link.socket, events)
        self._watching = events

    def _connected(self, link: Link) -> None:
        try:
            link.finish_connecting()
        except LinkError as error:
            self._fail(error)
            return
        if not link.connected:
            return  # the broker's CONNACK is on its way
        self.state = State.SENDING
        self.injector.connected(time.monotonic())
        if self.sensor.token and isinstance(link, SensorLink):
            # Readings follow at once: the server reads the token first and stores nothing if it is wrong.
            link.queue(orjson.dumps({"auth": self.sensor.token}, option=orjson.OPT_APPEND_NEWLINE))

    def _exchange(self, link: Link) -> None:
        try:
            self._read_replies(link)
        except LinkError as error:
            self._fail(error)
            return
        if self._link is not None:
            self._flush(link)

    def _read_replies(self, link: Link) -> None:
        replies, closed = link.read()
        for reply in replies:
            self._answer(link, reply)
            if self._link is None:
                return
        if closed:
            raise link.closed_by_server()

    def _fail_writing(self, link: Link, error: LinkError) -> None:
        """A server that refuses a token answers, then closes: its answer says more than the failed write."""
        with contextlib.suppress(LinkError):
            self._read_replies(link)
        if self._link is not None:
            self._fail(error)

    def _answer(self, link: Link, reply: int | dict) -> None:
        if isinstance(reply, int) or "ack" in reply:
            self.acked += self.buffer.answer(reply if isinstance(reply, int) else 1)
            self.backoff.reset()
            return
        reason = reply.get("error")
        where = link.where
        if reason is None:
            return  # {"ok": "auth"}: the readings sent behind the token are being read
        if reason == "unauthorized":
            self._fail(LinkError(token_refused(where, self.sensor.token), fatal=True))
        elif reason == "server busy":
            self._fail(LinkError(f"{where} is busy (too many connections); retrying"))
        else:
            # Every refused message gets its reply, in order, its seq or not (a message that is not JSON
            # has none the server could read): it answers the oldest reading in flight.
            self.rejected += self.buffer.answer(1)
            self._error(f"the server refused a reading of {self.sensor.capteur_id}: {reason}")

    def _fail(self, error: LinkError) -> None:
        self._error(str(error))
        self._drop_link()
        if error.fatal:
            self.gave_up = True
            return
        self.state = State.BACKING_OFF
        self._retry_at = time.monotonic() + self.backoff.next_delay()

    def _error(self, sentence: str) -> None:
        self.errors += 1
        self.last_error = sentence
        log.info("%s: %s", self.sensor.capteur_id, sentence)

    def _drop_link(self) -> None:
        if self._link is not None:
            self._watch(self._link, 0)
            self._link.close()
            self._link = None
            self.buffer.requeue()
