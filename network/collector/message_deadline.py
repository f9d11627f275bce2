"""How long a readings connection may stay idle, and take to complete one message.

The socket's own timeout counts from the last `recv()`: a peer that trickles a byte every few seconds
never meets it and would hold its connection for good. So both limits count from what the peer said,
not from when it last sent something. Idle time counts from the last byte that was not blank, or the
last message completed: a space a second keeps no connection open. The message deadline counts from
the chunk that brought the first byte of a message still incomplete, and starts again with the chunk
that completes a message. The socket's timeout is set to end with whichever limit comes first.
"""

from __future__ import annotations

import socket
import time

# JSON's whitespace, which the protocol skips between messages.
BLANK = b" \t\r\n"
# A limit already reached: the next recv() times out at once unless bytes are waiting.
AT_ONCE = 0.001


class MessageDeadline:
    def __init__(self, connection: socket.socket, idle_timeout: float | None, limit: float | None):
        self._connection = connection
        self._idle_timeout = idle_timeout
        self.limit = limit
        """Seconds a message may take from its first byte to its last; None: as long as it likes."""
        self._due: float | None = None
        self._active = time.monotonic()
        self._timeout = idle_timeout
        """The socket's timeout as last set (the server sets it to idle_timeout on accepting)."""

    def note(self, data: bytes, pending: bool, completed: bool) -> None:
        """After a chunk: whether part of a message waits for the rest, and whether a message completed.

        Raise TimeoutError when the peer has been idle too long, however many blanks it sent.
        """
        now = time.monotonic()
        if completed or data.strip(BLANK):
            self._active = now
        if not pending:
            self._due = None
        elif self.limit is not None and (self._due is None or completed):
            self._due = now + self.limit
        lefts = [self._due - now] if self._due is not None else []
        if self._idle_timeout is not None:
            idle_left = self._idle_timeout - (now - self._active)
            if idle_left <= 0:
                raise TimeoutError("idle")
            lefts.append(idle_left)
        timeout = max(min(lefts), AT_ONCE) if lefts else None
        if timeout != self._timeout:
            self._timeout = timeout
            self._connection.settimeout(timeout)

    @property
    def overdue(self) -> bool:
        return self._due is not None and time.monotonic() >= self._due

    @property
    def reason(self) -> str:
        return f"message not completed within {self.limit:g} s"
