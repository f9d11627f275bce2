"""How long a readings connection may take to complete one message, apart from its idle timeout.

The idle timeout is the socket's timeout, so it counts from the last `recv()`: a peer that trickles
a byte every few seconds never meets it and would hold its connection for good. This deadline counts
from the chunk that brought the first byte of a message still incomplete, and starts again with the
chunk that completes a message. While it runs, the socket's timeout is shortened to end with it.
"""

from __future__ import annotations

import socket
import time


class MessageDeadline:
    def __init__(self, connection: socket.socket, idle_timeout: float | None, limit: float | None):
        self._connection = connection
        self._idle_timeout = idle_timeout
        self.limit = limit
        """Seconds a message may take from its first byte to its last; None: as long as it likes."""
        self._due: float | None = None

    def note(self, pending: bool, completed: bool) -> None:
        """After a chunk: whether part of a message waits for the rest, and whether a message completed."""
        if not pending:
            if self._due is not None:
                self._due = None
                self._connection.settimeout(self._idle_timeout)
            return
        if self.limit is None:
            return
        now = time.monotonic()
        if self._due is None or completed:
            self._due = now + self.limit
        left = self._due - now
        if left > 0:
            self._connection.settimeout(left if self._idle_timeout is None else min(left, self._idle_timeout))

    @property
    def overdue(self) -> bool:
        return self._due is not None and time.monotonic() >= self._due

    @property
    def reason(self) -> str:
        return f"message not completed within {self.limit:g} s"
