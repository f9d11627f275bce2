"""Which connection a full readings server ends to let a new one in: the one idle the longest.

Idle means without a complete message. A connection that has not completed one yet ranks before
every connection that has, the oldest first: however many silent sockets a peer opens, they push
each other out before they reach a sensor that talks. A share per peer address would not help the
usual set-up, where the server listens on 127.0.0.1 and every sensor comes from that one address.
"""

from __future__ import annotations

import math
import socket
import threading
import time

SILENT = -math.inf


class IdleRanking:
    def __init__(self):
        self._lock = threading.Lock()
        # Each connection's last message (time.monotonic()); a dict keeps the order of opening, so
        # among the silent ones min() finds the oldest.
        self._last_message: dict[socket.socket, float] = {}
        self._evicted: set[socket.socket] = set()

    def opened(self, connection: socket.socket) -> None:
        with self._lock:
            self._last_message[connection] = SILENT

    def heard(self, connection: socket.socket) -> None:
        """The connection completed a message."""
        now = time.monotonic()
        with self._lock:
            if connection in self._last_message:
                self._last_message[connection] = now

    def evict(self) -> socket.socket | None:
        """The connection idle the longest, now marked evicted; None when there is none."""
        with self._lock:
            if not self._last_message:
                return None
            connection = min(self._last_message, key=self._last_message.__getitem__)
            del self._last_message[connection]
            self._evicted.add(connection)
        return connection

    def evicted(self, connection: socket.socket) -> bool:
        with self._lock:
            return connection in self._evicted

    def closed(self, connection: socket.socket) -> bool:
        """Forget the connection; True when it was evicted."""
        with self._lock:
            self._last_message.pop(connection, None)
            if connection in self._evicted:
                self._evicted.remove(connection)
                return True
            return False
