"""What a running `ServeurTCP` lets others see, without Qt and without a callback per reading.

Connection threads write into plain structures; an observer (the headless status line, the server
window's timer) reads them at its own pace:
- `ReadingTap`: a bounded buffer of readings, with their reception time, that the observer drains in batches;
- `events()`: the recent server events (started, client connected, message rejected, ...), where
  repeated rejections from one host are summarised (`models.rejections`);
- `totals()` and `connections()`: counters, the rate over the last few seconds, and one snapshot
  per open connection;
- the storage's alarms raised and cleared (models/alarms/), taken into `events()` as they are read.
Each counter is written by one thread only, so the hot path takes no lock.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from models.history import count_stored
from models.reading import Reading
from models.rejections import RejectionLimiter, Summary
from models.sliding_rate import SlidingRate
from models.storage import StorageError, TextFileStorage
from models.wire import WireTap

log = logging.getLogger("thermolab.server")
alarm_log = logging.getLogger("thermolab.alarms")
"""Where the alarms of the event log are logged too; the headless server tells them on stdout instead."""

MAX_EVENTS = 2_000
UNLOGGED_REJECTIONS = "{count:,} more rejected messages in the last {seconds} s"
UNLOGGED_REJECTIONS_FROM_HOSTS = "{count:,} more rejected messages from {hosts:,} hosts in the last {seconds} s"
DUPLICATES_MERGED = "{count:,} readings received again were already stored: each is kept once"
DUPLICATES_EVERY = 10.0
"""Seconds at least between two event log lines about readings received again: a sensor resending
after each lost connection would otherwise write one per batch."""
_WHERE = re.compile(r" at byte \d+$")


@dataclass(frozen=True)
class ServerEvent:
    time: float
    level: int
    """A `logging` level: INFO for the usual, WARNING for a rejected message, ERROR for storage."""
    message: str
    peer: str = ""
    template: str = ""
    """The fixed English sentence `message` was made from with `values`, for a translation; "" when
    the message was not made from a template."""
    values: dict = field(default_factory=dict)


@dataclass
class ConnectionStats:
    peer: str
    thread_name: str
    since: float
    readings: int = 0
    rejected: int = 0
    last_message_at: float | None = None
    wire: WireTap | None = field(default=None, init=False, repr=False, compare=False)
    """Set while a window watches this connection; its thread records into it (models/wire.py).
    Not copied into the snapshots the panels read."""
    capteur_id: str | None = None
    """The sensor of its last reading: a message it sends that names none is counted as that sensor's."""


@dataclass(frozen=True)
class Totals:
    connections: int
    received: int
    rejected: int
    stored: int
    """Readings committed since the server started."""
    failed: int
    in_storage: int | None = None
    """Readings the storage file holds: those it held when the server started and those stored since;
    None when they could not be counted."""
    per_second: float = 0.0
    """Readings received per second over the last few seconds."""
    duplicates: int = 0
    """Readings received again that storage held already, kept once (docs/protocol.md, "Resending is safe")."""


@dataclass(frozen=True)
class BrokerLink:
    """The MQTT collector's link to its broker, as the status line and the window show it."""

    broker: str
    """The broker's URL, its password masked."""
    connected: bool
    problem: str = ""
    """Why the collector is not connected (one sentence), while it tries again; "" otherwise."""
    topics: tuple[str, ...] = ()
    """The topic filters subscribed, `$share/GROUP/` included."""
    per_second: float = 0.0
    """Messages received per second over the last few seconds, stored or not."""


@dataclass(frozen=True)
class ServerPanels:
    """What the server window's panels show, read from the monitor in one go twice a second."""

    totals: Totals
    connections: list[ConnectionStats]
    events: list[ServerEvent]
    """Only the events recorded since the previous read."""
    rejected: dict[str, int]
    """Messages rejected per sensor since the server started."""
    reasons: dict[str, dict[str, int]] = field(default_factory=dict)
    """For each sensor with rejected messages: how many for each reason (the wire's words)."""
    broker: BrokerLink | None = None
    """The MQTT collector's link, when the server subscribes to a broker."""


@dataclass
class ReadingTap:
    """Readings for one observer, by the chunk that brought them, with its reception time; when it
    drains too slowly the oldest chunks are dropped, and their readings counted."""

    maxlen: int
    """Readings kept at most."""
    dropped: int = 0
    _chunks: deque = field(init=False, default_factory=deque)
    _count: int = field(init=False, default=0)
    _lock: threading.Lock = field(init=False, default_factory=threading.Lock)

    def extend(self, readings: Sequence[Reading], received_at: float) -> None:
        """One chunk's readings, kept as they are: the caller never changes the list afterwards."""
        with self._lock:
            self._chunks.append((received_at, readings))
            self._count += len(readings)
            while self._count > self.maxlen:
                _, gone = self._chunks.popleft()
                self._count -= len(gone)
                self.dropped += len(gone)

    def drain(self) -> list[tuple[float, Sequence[Reading]]]:
        """(reception time, readings) for each chunk since the last drain, oldest first."""
        with self._lock:
            chunks = list(self._chunks)
            self._chunks.clear()
            self._count = 0
        return chunks


class ServerMonitor:
    def __init__(self, storage=None, clock: Callable[[], float] = time.time, rate_clock: Callable[[], float] = time.monotonic):
        self._storage = storage
        self._clock = clock
        self._rate_clock = rate_clock
        self._rate = SlidingRate()
        # Counted from the start: the first status line, five seconds in, has a rate to show.
        self._rate.sample(rate_clock(), 0)
        self._found = _found_in(storage)
        self._lock = threading.Lock()
        self._open: dict[int, ConnectionStats] = {}
        self._brokers: set[int] = set()
        """Which of `_open` are links to a broker, not clients."""
        self._closed_readings = 0
        self._closed_rejected = 0
        self._events: deque[ServerEvent] = deque(maxlen=MAX_EVENTS)
        self._event_total = 0
        self._rejected_by_sensor: dict[str, dict[str, int]] = {}
        self._duplicates_said = 0
        self._duplicates_said_at = -DUPLICATES_EVERY
        self._rejections = RejectionLimiter()
        self._taps: list[ReadingTap] = []
        self._watched: ConnectionStats | None = None
        alarms = getattr(storage, "alarms", None)
        self._alarms = alarms.feed() if alarms is not None else None
        self.broker_link: Callable[[], BrokerLink] | None = None
        """Set by an MQTT collector feeding this monitor: its link, read at the observer's pace."""

    def tap(self, maxlen: int = 500_000) -> ReadingTap:
        tap = ReadingTap(maxlen)
        with self._lock:
            self._taps = [*self._taps, tap]
        return tap

    def untap(self, tap: ReadingTap) -> None:
        with self._lock:
            self._taps = [t for t in self._taps if t is not tap]

    def watch(self, peer: str) -> WireTap | None:
        """Record the conversation of the open connection from `peer`, and stop recording any other:
        at most one connection's worth is kept. None when no open connection comes from `peer`."""
        with self._lock:
            self._stop_watching()
            # A broker's link carries no bytes of this protocol: there is nothing of it to watch.
            clients = (stats for stats in self._open.values() if stats.peer == peer and id(stats) not in self._brokers)
            self._watched = next(clients, None)
            if self._watched is None:
                return None
            self._watched.wire = WireTap(peer, clock=self._clock)
            return self._watched.wire

    def unwatch(self) -> None:
        with self._lock:
            self._stop_watching()

    def _stop_watching(self) -> None:
        if self._watched is not None:
            self._watched.wire = None
            self._watched = None

    def event(self, level: int, message: str, peer: str = "", **values) -> None:
        """Record and log an event; with `values`, `message` is a template with a {field} for each."""
        text = self._record(self._clock(), level, message, peer, values)
        log.log(level, "%s%s", f"{peer}: " if peer else "", text)

    def _record(self, at: float, level: int, message: str, peer: str, values: dict) -> str:
        text = message.format(**values) if values else message
        with self._lock:
            self._events.append(ServerEvent(at, level, text, peer, message if values else "", values))
            self._event_total += 1
        return text

    def _report_alarms(self) -> None:
        """An alarm raised is a warning, its clearing news; each at the time it happened."""
        if self._alarms is None:
            return
        for alarm in self._alarms.drain():
            level = logging.WARNING if alarm.active else logging.INFO
            template, values = alarm.template()
            alarm_log.log(level, "%s", self._record(alarm.changed_at, level, template, "", values))

    def events(self, since: int = 0) -> tuple[int, list[ServerEvent]]:
        """The events after the first `since` ever recorded, and the count to pass next time.

        Each observer keeps its own count, so two observers never take events from each other.
        """
        self._report_due_rejections()
        self._report_duplicates()
        self._report_alarms()
        with self._lock:
            fresh = min(self._event_total - since, len(self._events))
            return self._event_total, list(self._events)[len(self._events) - fresh :] if fresh > 0 else []

    def connection_opened(self, peer: str, thread_name: str, broker: bool = False) -> ConnectionStats:
        """`broker=True` for the MQTT collector's link to its broker: shown among the connections but
        not counted as a client, and it says itself how it connects."""
        stats = ConnectionStats(peer, thread_name, self._clock())
        with self._lock:
            self._open[id(stats)] = stats
            if broker:
                self._brokers.add(id(stats))
        if not broker:
            self.event(logging.INFO, "client connected", peer)
        return stats

    def connection_closed(self, stats: ConnectionStats, why: str = "") -> None:
        with self._lock:
            self._open.pop(id(stats), None)
            self._closed_readings += stats.readings
            self._closed_rejected += stats.rejected
            broker = id(stats) in self._brokers
            self._brokers.discard(id(stats))
            if self._watched is stats:
                self._watched = None
        if stats.wire is not None:
            stats.wire.closed(why)
        if not broker:
            self.event(logging.INFO, f"client disconnected{f' ({why})' if why else ''}", stats.peer)

    def readings_received(self, stats: ConnectionStats, readings: Sequence[Reading], at: float) -> None:
        stats.readings += len(readings)
        stats.last_message_at = at
        if readings:
            stats.capteur_id = readings[-1].capteur_id
        for tap in self._taps:
            tap.extend(readings, at)

    def rejected(self, stats: ConnectionStats, reason: str, at: float, capteur_id: str | None = None) -> None:
        stats.rejected += 1
        stats.last_message_at = at
        if capteur_id is not None:
            kind = _WHERE.sub("", reason)
            with self._lock:
                reasons = self._rejected_by_sensor.setdefault(capteur_id, {})
                reasons[kind] = reasons.get(kind, 0) + 1
        self._limited(stats.peer, f"rejected: {reason}")

    def refused(self, peer: str, reason: str) -> None:
        """A connection turned away (the server is full): logged, and summarised, as rejections are."""
        self._limited(peer, f"refused: {reason}")

    def _limited(self, peer: str, sentence: str) -> None:
        with self._lock:
            logged, summaries = self._rejections.rejected(peer.rpartition(":")[0], self._clock())
        self._report(summaries)
        if logged:
            self.event(logging.WARNING, sentence, peer)

    def report_rejections(self) -> None:
        """Report every rejection not yet logged, whether its summary is due or not: at the end."""
        with self._lock:
            summaries = self._rejections.flush(self._clock())
        self._report(summaries)

    def _report_due_rejections(self) -> None:
        with self._lock:
            summaries = self._rejections.due(self._clock())
        self._report(summaries)

    def _report(self, summaries: list[Summary]) -> None:
        for summary in summaries:
            if summary.host:
                self.event(logging.WARNING, UNLOGGED_REJECTIONS, summary.host, count=summary.count, seconds=summary.seconds)
            else:
                template = UNLOGGED_REJECTIONS_FROM_HOSTS
                self.event(logging.WARNING, template, count=summary.count, hosts=summary.hosts, seconds=summary.seconds)

    def broker(self) -> BrokerLink | None:
        return None if self.broker_link is None else self.broker_link()

    def panels(self, events_seen: int) -> tuple[int, ServerPanels]:
        """Everything the window's panels show, and the count of events to pass next time."""
        events_seen, events = self.events(events_seen)
        rejected, reasons = self.rejected_by_sensor(), self.rejection_reasons()
        return events_seen, ServerPanels(self.totals(), self.connections(), events, rejected, reasons, self.broker())

    def rejected_by_sensor(self) -> dict[str, int]:
        with self._lock:
            return {sensor: sum(reasons.values()) for sensor, reasons in self._rejected_by_sensor.items()}

    def rejection_reasons(self) -> dict[str, dict[str, int]]:
        """For each sensor, its rejected messages counted by reason ("invalid JSON at byte 17" counts as
        "invalid JSON")."""
        with self._lock:
            return {sensor: dict(reasons) for sensor, reasons in self._rejected_by_sensor.items()}

    def _report_duplicates(self) -> None:
        """One line for the readings received again since the last, once every DUPLICATES_EVERY s at most."""
        duplicates = self._storage.duplicates if self._storage else 0
        now = self._rate_clock()
        with self._lock:
            if duplicates <= self._duplicates_said or now - self._duplicates_said_at < DUPLICATES_EVERY:
                return
            count, self._duplicates_said, self._duplicates_said_at = duplicates - self._duplicates_said, duplicates, now
        self.event(logging.INFO, DUPLICATES_MERGED, count=count)

    def connections(self) -> list[ConnectionStats]:
        with self._lock:
            return [replace(stats) for stats in self._open.values()]

    def totals(self) -> Totals:
        """Also reports the rejection summaries that are due and the alarms: the status line asks for totals alone."""
        self._report_due_rejections()
        self._report_alarms()
        with self._lock:
            open_connections = list(self._open.values())
            received = self._closed_readings + sum(s.readings for s in open_connections)
            rejected = self._closed_rejected + sum(s.rejected for s in open_connections)
            per_second = self._rate.sample(self._rate_clock(), received)
            clients = len(open_connections) - len(self._brokers)
        stored = self._storage.stored if self._storage else 0
        failed = self._storage.failed if self._storage else 0
        duplicates = self._storage.duplicates if self._storage else 0
        purged = self._storage.purged if self._storage else 0
        in_storage = None if self._found is None else self._found + stored - purged
        return Totals(clients, received, rejected, stored, failed, in_storage, per_second, duplicates)


def _found_in(storage) -> int | None:
    """What the storage file held when the server started; None without a storage, or unreadable."""
    if storage is None:
        return None
    try:
        return count_stored(storage.location, isinstance(storage, TextFileStorage))
    except (StorageError, OSError) as error:
        log.warning("cannot count the readings in %s (%s): the status shows those stored since the start", storage.where, error)
        return None
