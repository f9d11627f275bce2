"""Blocking calls (a weather fetch, a clock query, a reading sent by hand) in threads, results by signal.

The GUI thread never waits on a socket. Each call runs in a Python thread of its own; the expected
failures, the exceptions the runner is given, come back as their sentence and anything else is a bug
left to surface. The threads are daemons: a call still under way when the window closes is left to
end on its own timeout rather than hold the window open.

The runner has no Qt parent on purpose: a running call keeps it alive, so a result that arrives after
the window closed is emitted to nobody instead of to a deleted object.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal


class RequestRunner(QObject):
    succeeded = Signal(object, object)
    """The caller's tag, the result."""
    failed = Signal(object, str)
    """The caller's tag, the sentence of the failure."""

    def __init__(self, errors: tuple[type[Exception], ...], name: str):
        super().__init__()
        self._errors = errors
        self._name = name
        self._threads: set[threading.Thread] = set()
        self._lock = threading.Lock()

    @property
    def busy(self) -> bool:
        with self._lock:
            return bool(self._threads)

    def call(self, tag: object, function: Callable, *args) -> None:
        thread = threading.Thread(target=self._run, args=(tag, function, args), name=self._name, daemon=True)
        with self._lock:
            self._threads.add(thread)
        thread.start()

    def wait(self, timeout: float) -> bool:
        """Wait for the calls under way; False if some still run after `timeout` seconds."""
        deadline = time.monotonic() + timeout
        with self._lock:
            threads = list(self._threads)
        for thread in threads:
            thread.join(max(0.0, deadline - time.monotonic()))
        return not any(thread.is_alive() for thread in threads)

    def _run(self, tag: object, function: Callable, args: tuple) -> None:
        try:
            result = function(*args)
        except self._errors as error:
            self.failed.emit(tag, str(error))
        else:
            self.succeeded.emit(tag, result)
        finally:
            with self._lock:
                self._threads.discard(threading.current_thread())
