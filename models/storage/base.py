"""What every storage shares: one writer thread, group commits, and back-pressure.

Connection threads hand over batches of readings with `submit()`. The writer takes everything queued,
writes it in one transaction and only then marks the batches done, so an ack sent after
`Commit.wait()` is a promise the data survives a crash. When the writer falls behind, `submit()`
blocks: a fast sender is slowed down instead of being buffered without end; `offer()` returns None
instead, for a thread that must never wait.

After each commit, the writer hands the batches to the storage's `AlarmWatch` (models/alarms/watch.py),
and at each turn, at least once a second, lets it look at the clock: alarms are evaluated here, per
batch, never on a connection thread.

A failed transaction (a full disk, a lock held by another program, the file deleted) fails every
batch in it, so their senders get errors; the writer then puts the file back as it was before the
transaction, reopening it where needed, and the next batches are tried afresh.

With a retention (`keep_days`), the same writer deletes readings older than that between batches, at
most `purge_rows` in a transaction of its own after each batch (or while none comes): a large purge is
many short steps taken in turn with the readings, never one long transaction they wait behind.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
import time
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from pathlib import Path

from models.alarms import AlarmBook, AlarmWatch
from models.alarms.watch import TICK
from models.reading import Reading

log = logging.getLogger(__name__)

MAX_PENDING_READINGS = 100_000
PURGE_ROWS = 2_000
"""Readings one retention step deletes at most: a few milliseconds of work, so a batch that arrives
meanwhile waits no longer than that."""
PURGE_EVERY = 60.0
"""Seconds between two looks for readings past the retention, once a look found none left: the
cutoff moves by a day a day, so a minute late costs nothing."""
FIRST_LOOK = 2.0
"""Seconds after the start before the first look: sensors that reconnect send what they kept first,
and the server that opened the storage is listening to what it says by then."""
DAY = 86_400.0


class StorageError(Exception):
    """A storage that cannot be opened or written; the message says what to do."""


class FileLost(StorageError):
    """The storage file was deleted or replaced by another one while the server wrote to it."""

    what = "the file"
    """What was lost, in the words a sender is told."""

    def __init__(self, path: Path, how: str):
        super().__init__(f"{self.what} was {how} while the server ran")
        self.path, self.how = path, how

    def explained(self) -> str:
        return f"{self.path} was {self.how} while the server ran"

    @property
    def what_next(self) -> str:
        return "a new, empty file takes its place" if self.how == "deleted" else "the next readings go to the new file"


def _described(error: Exception) -> str:
    """`no space left on device` rather than `[Errno 28] No space left on device`."""
    if isinstance(error, OSError) and error.strerror:
        return error.strerror[:1].lower() + error.strerror[1:]
    return str(error)


UNEXPECTED = "an unexpected error (the server's log says why)"


def file_identity(path: Path) -> tuple[int, int]:
    """What stays the same while a file is the same file, whatever is written to it."""
    status = os.stat(path)
    return status.st_dev, status.st_ino


def identity_now(path: Path) -> tuple[int, int] | None:
    """`file_identity`, or None when no file is there any more."""
    try:
        return file_identity(path)
    except OSError:
        return None


class Commit:
    """One submitted batch; `wait()` returns once it is durable or has failed."""

    __slots__ = ("readings", "received_at", "error", "_done")

    def __init__(self, readings: Sequence[Reading], received_at: float):
        self.readings = readings
        self.received_at = received_at
        self.error: str | None = None
        self._done = threading.Event()

    def wait(self, timeout: float | None = None) -> bool:
        return self._done.wait(timeout)

    @property
    def done(self) -> bool:
        return self._done.is_set()


class Storage(ABC):
    """Subclasses say how to open, write, commit and close; this class decides when."""

    CANNOT_OPEN = "the file cannot be opened"
    """A sender's reason when the file cannot be opened again: the sentence that says where and why
    is for the server's user (docs/protocol.md, section 2)."""

    def __init__(
        self,
        path: Path | str,
        max_pending: int = MAX_PENDING_READINGS,
        clock: Callable[[], float] = time.time,
        keep_days: float | None = None,
    ):
        """`clock`: the time alarms are evaluated at (silences, minimum durations) and a retention's
        age is measured from; tests move it by hand. `keep_days`: delete readings whose timestamp is
        older than that many days (None: keep everything)."""
        self.path = Path(path)
        self.stored = 0
        """Readings written and committed (a resent duplicate is not counted twice)."""
        self.duplicates = 0
        """Readings committed that the file held already (a sensor's resend): kept once."""
        self.commits = 0
        """Transactions committed: far fewer than readings, since each takes whatever is queued."""
        self.failed = 0
        """Readings lost to a storage error (their senders got an error instead of an ack)."""
        self.purged = 0
        """Readings deleted because they were older than the retention."""
        self.on_purged: Callable[[str], None] | None = None
        """Called from the writer thread with one sentence when a retention look has deleted readings,
        once it finds no more; without it, the sentence is logged."""
        self.keep_days = keep_days
        self.purge_rows = PURGE_ROWS
        self._purge_due = time.monotonic() + FIRST_LOOK
        """`time.monotonic()` at which the writer next looks for readings past the retention."""
        self._purge_failing = False
        self._purged_this_look = 0
        self.on_error: Callable[[str], None] | None = None
        """Called from the writer thread with one sentence when writing starts to fail, when it works
        again, and when the file is found deleted or replaced; without it, the sentence is logged."""
        self._identity: tuple[int, int] | None = None
        """`file_identity` of the file when it was opened; the subclass's `_open` sets it."""
        self._reopen_needed = False
        self._failing = False
        """Writing has failed since the last transaction that succeeded (and the fault was said)."""
        self._max_pending = max_pending
        self._queue: list[Commit] = []
        self._pending = 0
        self._closing = False
        self._condition = threading.Condition()
        self._writer: threading.Thread | None = None
        self._clock = clock
        self.alarms: AlarmWatch | None = None
        """The alarm rules evaluated after each commit, and their events; set by `open()`."""

    def open(self) -> None:
        """Open the file and start the writer; raise StorageError with a clear sentence."""
        self._open()
        try:
            self.alarms = AlarmWatch(self._alarm_book, self._report, self._clock)
        except BaseException:
            self._close()
            raise
        self._writer = threading.Thread(target=self._run, name=f"writer {self.short_name}", daemon=True)
        self._writer.start()

    @property
    def location(self) -> Path | str:
        """What readers open (models/storage/readers.py): the file's path, or a database's URL."""
        return self.path

    @property
    def where(self) -> str:
        """The storage as sentences name it: a path, or a URL whose password is masked."""
        return str(self.path)

    @property
    def short_name(self) -> str:
        """For the writer thread's name."""
        return self.path.name

    def submit(self, readings: Sequence[Reading], received_at: float) -> Commit:
        """Queue a batch, waiting for room while the writer is behind."""
        commit = self._queued(readings, received_at, wait=True)
        assert commit is not None
        return commit

    def offer(self, readings: Sequence[Reading], received_at: float) -> Commit | None:
        """Queue a batch if there is room now; None when the writer is behind, for a caller that
        must not wait (the accepting thread, which serves every client)."""
        return self._queued(readings, received_at, wait=False)

    def _queued(self, readings: Sequence[Reading], received_at: float, wait: bool) -> Commit | None:
        commit = Commit(readings, received_at)
        with self._condition:
            while self._pending >= self._max_pending and not self._closing:
                if not wait:
                    return None
                self._condition.wait()
            if self._closing:
                commit.error = "the server is stopping"
                commit._done.set()
                return commit
            self._queue.append(commit)
            self._pending += len(readings)
            self._condition.notify_all()
        return commit

    def close(self) -> None:
        """Commit what is queued, then stop the writer and close the file."""
        with self._condition:
            self._closing = True
            self._condition.notify_all()
        if self._writer is not None:
            self._writer.join()
            self._writer = None

    def _run(self) -> None:
        try:
            while (batches := self._next_batches()) is not None:
                if batches:
                    self._write_all(batches)
                self._watch(AlarmWatch.tick)
                if self._purge_is_due():
                    self._purge_step()
        finally:
            self._close()
            if self.alarms is not None:
                self.alarms.close()

    def _next_batches(self) -> list[Commit] | None:
        """What is queued; [] when the alarms' tick or a retention step comes first; None once closing
        with nothing left."""
        with self._condition:
            if not self._queue and not self._closing:
                wait = self._purge_wait()
                self._condition.wait(TICK if wait is None else max(0.0, min(TICK, wait)))
            if not self._queue and self._closing:
                return None
            batches, self._queue, self._pending = self._queue, [], 0
            self._condition.notify_all()
            return batches

    def _purge_wait(self) -> float | None:
        """Seconds until the next retention step; None without a retention or while writing fails."""
        if self.keep_days is None or self._failing or self._reopen_needed:
            return None
        return self._purge_due - time.monotonic()

    def _purge_is_due(self) -> bool:
        wait = self._purge_wait()
        return wait is not None and wait <= 0

    def _purge_step(self) -> None:
        """Delete one bounded step of readings older than the retention; the next step is due at once
        until the look is over, then the next look in `PURGE_EVERY` seconds. A failure refuses no
        reading: it is said once, and tried again at the next look."""
        assert self.keep_days is not None, "a step is due only with a retention"
        cutoff = self._clock() - self.keep_days * DAY
        try:
            deleted, finished = self._purge(cutoff, self.purge_rows)
        except Exception as error:
            with contextlib.suppress(Exception):
                self._rollback()
            self._purge_due = time.monotonic() + PURGE_EVERY
            if not self._purge_failing:
                self._purge_failing = True
                self._report(f"deleting readings older than {self.keep_days:g} days failed: {_described(error)} ({self.path})")
            return
        self._purge_failing = False
        self.purged += deleted
        self._purged_this_look += deleted
        if finished:
            self._purge_due = time.monotonic() + PURGE_EVERY
            if self._purged_this_look:
                sentence = f"readings older than {self.keep_days:g} days deleted: {self._purged_this_look:,}"
                self._tell(self.on_purged, sentence, logging.INFO)
                self._purged_this_look = 0

    def _write_all(self, batches: list[Commit]) -> None:
        try:
            if self._reopen_needed:
                self._reopen()
            self._begin()
            stored = sum(self._write(batch.readings, batch.received_at) for batch in batches) + self._flush()
            self._commit()
            self._check_file()
        except Exception as error:
            # Any failure, even a bug, is an error reply: the writer serves every connection.
            for batch in batches:
                batch.error = f"storage failed: {self._reason(error)}"
            self.failed += sum(len(batch.readings) for batch in batches)
            self._recover(error)
        else:
            self.stored += stored
            self.duplicates += sum(len(batch.readings) for batch in batches) - stored
            self.commits += 1
            if self._failing:
                self._failing = False
                self._report(f"storage works again: readings are stored in {self.where}")
        for batch in batches:
            batch._done.set()
        if batches[0].error is None:
            # After the acks are released: a sender waits for its commit, never for the alarms.
            self._watch(lambda alarms: alarms.after_commit([(batch.readings, batch.received_at) for batch in batches]))

    def _watch(self, step: Callable[[AlarmWatch], None]) -> None:
        if self.alarms is None:
            return
        try:
            step(self.alarms)
        except Exception:
            # The writer serves every connection: a fault of the alarms must not stop it.
            log.exception("evaluating the alarms failed")

    def _reason(self, error: Exception) -> str:
        """A few words for the senders, never a path of this machine: any peer may read them."""
        if isinstance(error, FileLost):
            return str(error)
        if isinstance(error, StorageError):
            return self.CANNOT_OPEN
        if isinstance(error, OSError) and error.strerror:
            return _described(error)
        return UNEXPECTED

    def _explain(self, error: Exception) -> str:
        """The failure in a few words for the server's user (the log and event log)."""
        return _described(error)

    def _check_file(self) -> None:
        """An ack must never stand for rows in a file that nobody can open any more."""
        identity = identity_now(self.path)
        if identity != self._identity:
            raise FileLost(self.path, "deleted" if identity is None else "replaced")

    def _recover(self, error: Exception) -> None:
        """Leave the file as it was before the failed transaction, reopened if that is what it takes."""
        if isinstance(error, FileLost):
            self._replace_lost_file(error)
            return
        if not self._reopen_needed:
            try:
                self._rollback()
            except Exception:
                # Tried again before the next batch if it fails now.
                with contextlib.suppress(Exception):
                    self._reopen()
        self._trouble_starts(f"storage failed: {self._explain(error)} ({self.where})")

    def _replace_lost_file(self, lost: FileLost) -> None:
        try:
            self._reopen()
        except Exception as reopening:
            again = "created again" if lost.how == "deleted" else "opened"
            self._trouble_starts(f"{lost.explained()} and cannot be {again} ({reopening}): readings are refused until it can")
        else:
            self._report(f"{lost.explained()}: {lost.what_next}")

    def _trouble_starts(self, sentence: str) -> None:
        """Said when writing starts to fail, not for every batch after it; success says it is over."""
        if not self._failing:
            self._failing = True
            self._report(sentence)

    def _reopen(self) -> None:
        self._reopen_needed = True
        if self.alarms is not None:
            # Its connection would keep the lost file's journal alive for the new one: closed first.
            self.alarms.close()
        self._close()
        self._open()
        self._reopen_needed = False
        if self.alarms is not None:
            self.alarms.reopen()

    def _report(self, sentence: str) -> None:
        self._tell(self.on_error, sentence, logging.ERROR)

    @staticmethod
    def _tell(listener: Callable[[str], None] | None, sentence: str, level: int) -> None:
        if listener is None:
            log.log(level, "%s", sentence)
            return
        try:
            listener(sentence)
        except Exception:
            # The writer serves every connection: a listener's bug must not stop it.
            log.exception("%s (and telling it failed)", sentence)

    @abstractmethod
    def _open(self) -> None: ...

    def _purge(self, cutoff: float, limit: int) -> tuple[int, bool]:
        """One step of a look: delete and commit at most `limit` readings stamped before `cutoff`, and
        return how many, and whether the look is over (none left)."""
        raise NotImplementedError(f"{type(self).__name__} keeps every reading")

    def _alarm_book(self) -> AlarmBook | None:
        """A connection of its own to the alarms of this storage; None while it has none (a text file
        without rules yet, a storage with no room for them): no rule is then evaluated."""
        return None

    def _begin(self) -> None:
        """Start the transaction that `_commit` ends."""

    @abstractmethod
    def _write(self, readings: Sequence[Reading], received_at: float) -> int:
        """Write without committing; return how many readings were new."""

    def _flush(self) -> int:
        """Write what `_write` only staged, before the commit; return how many readings were new."""
        return 0

    @abstractmethod
    def _commit(self) -> None: ...

    @abstractmethod
    def _rollback(self) -> None:
        """Undo what was written since `_begin`; raise if the file cannot be brought back so."""

    @abstractmethod
    def _close(self) -> None:
        """Close the file; called again on a storage already closed, it does nothing."""
