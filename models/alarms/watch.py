"""The alarms of a running storage: its rules evaluated on the writer thread, each change told to feeds.

`Storage` makes one `AlarmWatch` when it opens and calls it from its writer thread only: `after_commit()`
with the batches just committed, `tick()` at every turn (it does its work once a second). So rules cost
nothing on the connection threads, and the headless server and the window share one evaluation.

Any thread may read `rules()` and `active()`, and take an `AlarmFeed` (`feed()`), which it drains at
its own pace: the window on a timer, the headless server in its loop. Rules are changed through an
`AlarmBook` of one's own (the window, `python main.py alarms`, even while the server runs); the next
tick sees the change.
"""

from __future__ import annotations

import itertools
import logging
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence

from models.alarms.book import AlarmBook
from models.alarms.evaluator import AlarmEvaluator
from models.alarms.events import AlarmEvent
from models.alarms.rules import AlarmRule
from models.reading import Reading

log = logging.getLogger(__name__)

TICK = 1.0
"""Seconds between two looks at the clock and at the rules: a silence is raised at most this late."""
FEED_SIZE = 10_000


class AlarmFeed:
    """Alarm changes (`AlarmEvent`s, raised or cleared) for one observer; the oldest are dropped, and
    counted, when it drains too slowly."""

    def __init__(self, maxlen: int = FEED_SIZE):
        self.dropped = 0
        self._items: deque[AlarmEvent] = deque(maxlen=maxlen)
        self._ready = threading.Condition()

    def put(self, events: Sequence[AlarmEvent]) -> None:
        with self._ready:
            self.dropped += max(0, len(self._items) + len(events) - (self._items.maxlen or 0))
            self._items.extend(events)
            self._ready.notify_all()

    def drain(self, timeout: float = 0.0) -> list[AlarmEvent]:
        """What arrived, in order; waits up to `timeout` seconds for something when nothing has."""
        with self._ready:
            if not self._items and timeout > 0:
                self._ready.wait(timeout)
            items = list(self._items)
            self._items.clear()
        return items


class AlarmWatch:
    def __init__(
        self,
        open_book: Callable[[], AlarmBook | None],
        report: Callable[[str], None] = log.error,
        clock: Callable[[], float] = time.time,
    ):
        """`open_book`: the storage's alarm book, or None while it has none (a text file without rules yet);
        called again at each tick until it gives one. `report`: where a failure to store an event is said."""
        self._open_book = open_book
        self._report = report
        self._clock = clock
        self._book = open_book()
        self._version = self._book.changed() if self._book else None
        self._failing = False
        self._closed = False
        self._evaluator = AlarmEvaluator(
            self._book.rules() if self._book else (), self._book.active() if self._book else (), self._record, clock
        )
        self._next_tick = time.monotonic() + TICK
        """When the next tick is due, on a clock no change of the system's time moves."""
        self._lock = threading.Lock()
        self._feeds: list[AlarmFeed] = []
        self._rules = self._evaluator.rules
        self._active = self._evaluator.active()

    def feed(self, maxlen: int = FEED_SIZE) -> AlarmFeed:
        feed = AlarmFeed(maxlen)
        with self._lock:
            self._feeds = [*self._feeds, feed]
        return feed

    def unfeed(self, feed: AlarmFeed) -> None:
        with self._lock:
            self._feeds = [f for f in self._feeds if f is not feed]

    def rules(self) -> list[AlarmRule]:
        """The rules in force, from any thread."""
        return list(self._rules)

    def active(self) -> list[AlarmEvent]:
        """The alarms raised and not cleared, from any thread."""
        return list(self._active)

    def after_commit(self, batches: Sequence[tuple[Sequence[Reading], float]]) -> None:
        """Writer thread: (readings, received_at) of each batch just committed. They are evaluated as one,
        received when the last of them was: one transaction takes a few milliseconds, and a batch of a
        few readings would cost as much to evaluate alone as a thousand do together."""
        readings = itertools.chain.from_iterable(readings for readings, _ in batches)
        self._publish(self._evaluator.observe(readings, max(at for _, at in batches)))

    def tick(self) -> None:
        """Writer thread, at every turn: once a second, rules changed elsewhere, silences, minimum durations."""
        if time.monotonic() < self._next_tick:
            return
        self._next_tick = time.monotonic() + TICK
        changes = self._reload()
        changes += self._evaluator.tick(self._clock())
        self._publish(changes)

    def close(self) -> None:
        """Close the book, until `reopen()`."""
        self._closed = True
        if self._book is not None:
            self._book.close()
            self._book = None
            self._version = None

    def reopen(self) -> None:
        """Open the book again once the storage has opened its file again; rules are read again at the next turn."""
        self._closed = False
        self._next_tick = 0.0

    def _reload(self) -> list[AlarmEvent]:
        try:
            if self._book is None:
                if self._closed:
                    return []
                self._book = self._open_book()
                if self._book is None:
                    return []
            version = self._book.changed()
            if version == self._version:
                return []
            self._version = version
            rules = self._book.rules()
        except Exception as error:
            # A file refused (StorageError, sqlite3.Error, OSError) or a bug: said once, the writer goes on.
            self._trouble(f"alarm rules cannot be read: {error}")
            return []
        if rules == self._evaluator.rules:
            return []
        changes = self._evaluator.set_rules(rules)
        self._rules = self._evaluator.rules
        return changes

    def _record(self, event: AlarmEvent) -> AlarmEvent | None:
        """Store a change; when the file refuses, the alarm is still told, and the fault said once."""
        if self._book is None:
            return event
        refusals: tuple[type[Exception], ...] = (*self._book.errors, OSError)
        try:
            recorded = self._book.record(event)
        except refusals as error:
            self._trouble(f"alarm events cannot be stored: {error}")
            return event
        if self._failing:
            self._failing = False
            self._report("alarm events are stored again")
        return recorded

    def _trouble(self, sentence: str) -> None:
        if not self._failing:
            self._failing = True
            self._report(sentence)

    def _publish(self, changes: list[AlarmEvent]) -> None:
        if not changes:
            return
        self._active = self._evaluator.active()
        for feed in self._feeds:
            feed.put(changes)
