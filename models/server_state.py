"""What a running `ServeurTCP` lets others see, without Qt and without a callback per reading.

Connection threads write into plain structures; an observer (the headless status line, the server
window's timer) reads them at its own pace:
- `ReadingTap`: a bounded buffer of readings that the observer drains in batches;
- `events()`: the recent server events (started, client connected, message rejected, ...), where
  repeated rejections from one host are summarised (`models.rejections`);
- `totals()` and `connections()`: counters, the rate over the last few seconds, and one snapshot
  per open connection.
Each counter is written by one thread only, so the hot path takes no lock.
"""

from __future__ import annotations

import logging
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

log = logging.getLogger("thermolab.server")

MAX_EVENTS = 2_000
UNLOGGED_REJECTIONS = "{count:,} more rejected messages in the last {seconds} s"
UNLOGGED_REJECTIONS_FROM_HOSTS = "{count:,} more rejected messages from {hosts:,} hosts in the last {seconds} s"


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


@dataclass(frozen=True)
class ServerPanels:
    """What the server window's panels show, read from the monitor in one go twice a second."""

    totals: Totals
    connections: list[ConnectionStats]
    events: list[ServerEvent]
    """Only the events recorded since the previous read."""
    rejected: dict[str, int]
    """Messages rejected per sensor since the server started."""


@dataclass
class ReadingTap:
    """Readings for one observer; when it drains too slowly the oldest are dropped, and counted."""

    maxlen: int
    dropped: int = 0
    _items: deque = field(init=False)
    _lock: threading.Lock = field(init=False, default_factory=threading.Lock)

    def __post_init__(self):
        self._items = deque(maxlen=self.maxlen)

    def extend(self, readings: Sequence[Reading]) -> None:
        with self._lock:
            overflow = len(self._items) + len(readings) - self.maxlen
            if overflow > 0:
                self.dropped += overflow
            self._items.extend(readings)

    def drain(self) -> list[Reading]:
        with self._lock:
            items = list(self._items)
            self._items.clear()
        return items


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
        self._closed_readings = 0
        self._closed_rejected = 0
        self._events: deque[ServerEvent] = deque(maxlen=MAX_EVENTS)
        self._event_total = 0
        self._rejected_by_sensor: dict[str, int] = {}
        self._rejections = RejectionLimiter()
        self._taps: list[ReadingTap] = []

    def tap(self, maxlen: int = 500_000) -> ReadingTap:
        tap = ReadingTap(maxlen)
        with self._lock:
            self._taps = [*self._taps, tap]
        return tap

    def untap(self, tap: ReadingTap) -> None:
        with self._lock:
            self._taps = [t for t in self._taps if t is not tap]

    def event(self, level: int, message: str, peer: str = "", **values) -> None:
        """Record and log an event; with `values`, `message` is a template with a {field} for each."""
        text = message.format(**values) if values else message
        with self._lock:
            self._events.append(ServerEvent(self._clock(), level, text, peer, message if values else "", values))
            self._event_total += 1
        log.log(level, "%s%s", f"{peer}: " if peer else "", text)

    def events(self, since: int = 0) -> tuple[int, list[ServerEvent]]:
        """The events after the first `since` ever recorded, and the count to pass next time.

        Each observer keeps its own count, so two observers never take events from each other.
        """
        self._report_due_rejections()
        with self._lock:
            fresh = min(self._event_total - since, len(self._events))
            return self._event_total, list(self._events)[len(self._events) - fresh :] if fresh > 0 else []

    def connection_opened(self, peer: str, thread_name: str) -> ConnectionStats:
        stats = ConnectionStats(peer, thread_name, self._clock())
        with self._lock:
            self._open[id(stats)] = stats
        self.event(logging.INFO, "client connected", peer)
        return stats

    def connection_closed(self, stats: ConnectionStats, why: str = "") -> None:
        with self._lock:
            self._open.pop(id(stats), None)
            self._closed_readings += stats.readings
            self._closed_rejected += stats.rejected
        self.event(logging.INFO, f"client disconnected{f' ({why})' if why else ''}", stats.peer)

    def readings_received(self, stats: ConnectionStats, readings: Sequence[Reading], at: float) -> None:
        stats.readings += len(readings)
        stats.last_message_at = at
        for tap in self._taps:
            tap.extend(readings)

    def rejected(self, stats: ConnectionStats, reason: str, at: float, capteur_id: str | None = None) -> None:
        stats.rejected += 1
        stats.last_message_at = at
        if capteur_id is not None:
            with self._lock:
                self._rejected_by_sensor[capteur_id] = self._rejected_by_sensor.get(capteur_id, 0) + 1
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

    def rejected_by_sensor(self) -> dict[str, int]:
        with self._lock:
            return dict(self._rejected_by_sensor)

    def connections(self) -> list[ConnectionStats]:
        with self._lock:
            return [replace(stats) for stats in self._open.values()]

    def totals(self) -> Totals:
        """Also reports the rejection summaries that are due: the status line asks for totals alone."""
        self._report_due_rejections()
        with self._lock:
            open_connections = list(self._open.values())
            received = self._closed_readings + sum(s.readings for s in open_connections)
            rejected = self._closed_rejected + sum(s.rejected for s in open_connections)
            per_second = self._rate.sample(self._rate_clock(), received)
        stored = self._storage.stored if self._storage else 0
        failed = self._storage.failed if self._storage else 0
        purged = self._storage.purged if self._storage else 0
        in_storage = None if self._found is None else self._found + stored - purged
        return Totals(len(open_connections), received, rejected, stored, failed, in_storage, per_second)


def _found_in(storage) -> int | None:
    """What the storage file held when the server started; None without a storage, or unreadable."""
    if storage is None:
        return None
    try:
        return count_stored(storage.path, isinstance(storage, TextFileStorage))
    except (StorageError, OSError) as error:
        log.warning("cannot count the readings in %s (%s): the status shows those stored since the start", storage.path, error)
        return None
