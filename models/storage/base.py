"""What every storage shares: one writer thread, group commits, and back-pressure.

Connection threads hand over batches of readings with `submit()`. The writer takes everything queued,
writes it in one transaction and only then marks the batches done, so an ack sent after
`Commit.wait()` is a promise the data survives a crash. When the writer falls behind, `submit()`
blocks: a fast sender is slowed down instead of being buffered without end.
"""

from __future__ import annotations

import logging
import threading
from abc import ABC, abstractmethod
from pathlib import Path
from typing import Callable, Sequence

from models.reading import Reading

log = logging.getLogger(__name__)

MAX_PENDING_READINGS = 100_000


class StorageError(Exception):
    """A storage that cannot be opened or written; the message says what to do."""


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

    def __init__(self, path: Path | str, max_pending: int = MAX_PENDING_READINGS):
        self.path = Path(path)
        self.stored = 0
        """Readings written and committed (a resent duplicate is not counted twice)."""
        self.commits = 0
        """Transactions committed: far fewer than readings, since each takes whatever is queued."""
        self.failed = 0
        """Readings lost to a storage error (their senders got an error instead of an ack)."""
        self.on_error: Callable[[str], None] | None = None
        """Called from the writer thread with a sentence when a transaction fails."""
        self._max_pending = max_pending
        self._queue: list[Commit] = []
        self._pending = 0
        self._closing = False
        self._condition = threading.Condition()
        self._writer: threading.Thread | None = None

    def open(self) -> None:
        """Open the file and start the writer; raise StorageError with a clear sentence."""
        self._open()
        self._writer = threading.Thread(target=self._run, name=f"writer {self.path.name}", daemon=True)
        self._writer.start()

    def submit(self, readings: Sequence[Reading], received_at: float) -> Commit:
        commit = Commit(readings, received_at)
        with self._condition:
            while self._pending >= self._max_pending and not self._closing:
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
            while batches := self._next_batches():
                self._write_all(batches)
        finally:
            self._close()

    def _next_batches(self) -> list[Commit]:
        with self._condition:
            while not self._queue and not self._closing:
                self._condition.wait()
            batches, self._queue, self._pending = self._queue, [], 0
            self._condition.notify_all()
            return batches

    def _write_all(self, batches: list[Commit]) -> None:
        try:
            stored = sum(self._write(batch.readings, batch.received_at) for batch in batches)
            self._commit()
        except (OSError, StorageError, self._database_errors()) as error:
            self._rollback()
            reason = f"storage failed: {error}"
            log.error("%s (%s)", reason, self.path)
            self.failed += sum(len(batch.readings) for batch in batches)
            for batch in batches:
                batch.error = reason
            if self.on_error is not None:
                self.on_error(reason)
        else:
            self.stored += stored
            self.commits += 1
        for batch in batches:
            batch._done.set()

    def _database_errors(self) -> type[Exception] | tuple[type[Exception], ...]:
        """Errors of the backend's own library that mean the transaction failed."""
        return ()

    @abstractmethod
    def _open(self) -> None: ...

    @abstractmethod
    def _write(self, readings: Sequence[Reading], received_at: float) -> int:
        """Write without committing; return how many readings were new."""

    @abstractmethod
    def _commit(self) -> None: ...

    def _rollback(self) -> None:
        """Undo what `_write` did since the last commit, where the backend can."""

    @abstractmethod
    def _close(self) -> None: ...
