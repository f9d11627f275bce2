"""One connection's conversation as the server saw it, for the wire view: chunks, messages, replies.

What `recv()` returns does not match what the sensor sent: TCP carries a stream of bytes, and one read
may hold half a message or fifty. A `WireTap` records, in order, each chunk read (its size and time),
each message the protocol cut out of the chunks (and the chunk where it began, when that was an
earlier one), and each line sent back. It keeps the last `maxlen` events and counts those it let go.

Nothing is recorded unless a window watches the connection: the connection thread checks one
attribute per chunk (`ConnectionStats.wire`), and the server lets one connection be watched at a time.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from dataclasses import dataclass
from enum import Enum

WIRE_EVENTS = 2_000
"""Events a tap keeps: the last ones, what a person reads back after pausing."""
SHOWN_BYTES = 400
"""Bytes of a chunk or a message kept for the view: enough to see where it was cut."""


class WireKind(Enum):
    CHUNK = "chunk"
    READING = "reading"
    """A message stored as a reading."""
    REJECTED = "rejected"
    """A message refused; the connection carries on."""
    AUTHENTICATED = "authenticated"
    CLOSING = "closing"
    """The peer broke a rule that ends the connection."""
    REPLY = "reply"
    ERROR_REPLY = "error reply"
    CLOSED = "closed"


@dataclass(frozen=True, slots=True)
class WireEvent:
    kind: WireKind
    time: float
    size: int
    """Bytes of the chunk, message or reply."""
    text: str
    """The bytes as text, cut after SHOWN_BYTES; for CLOSED, why the connection ended ("" if the peer closed)."""
    chunk: int = 0
    """The chunk it was read in (for a message, where it ended), counted from 1; 0 for what was sent."""
    first_chunk: int = 0
    """For a message, the chunk where it began: lower than `chunk` when it spanned several; for a chunk,
    its own number."""
    reason: str = ""
    """For a message refused or ending the connection, the sentence sent back."""

    @property
    def spans_chunks(self) -> bool:
        return 0 < self.first_chunk < self.chunk


_ESCAPES = {**{code: f"\\x{code:02x}" for code in range(32)}, 10: "\\n", 13: "\\r", 9: "\\t", 127: "\\x7f"}
"""Controls written as Python writes them: the line end that frames a message shows where it is."""


def shown(data: bytes) -> str:
    """The bytes as a person reads them: UTF-8 where it is, controls and other bytes escaped."""
    text = data[:SHOWN_BYTES].decode("utf-8", "backslashreplace").translate(_ESCAPES)
    return text + ("…" if len(data) > SHOWN_BYTES else "")


class WireTap:
    """Filled by the connection thread, drained by a window's timer: each takes the lock briefly."""

    def __init__(self, peer: str, maxlen: int = WIRE_EVENTS, clock=time.time):
        self.peer = peer
        self.maxlen = maxlen
        self.dropped = 0
        """Events let go because nobody drained them in time."""
        self._clock = clock
        self._events: deque[WireEvent] = deque()
        self._lock = threading.Lock()
        self._chunks = 0
        self._pending_since = 0
        """The chunk where the message still incomplete began."""

    def read(self, data: bytes, at: float, messages: list[tuple[WireKind, bytes, str]], pending: tuple[bool, bool]) -> None:
        """A chunk read, and the messages (kind, bytes, reason) the protocol cut from it, in order.

        `pending`: whether part of a message had arrived without its end, before this chunk and after
        it. The first message cut began where that part began; the others, in this chunk.
        """
        pending_before, pending_after = pending
        self._chunks += 1
        number = self._chunks
        began = self._pending_since if pending_before else number
        events = [WireEvent(WireKind.CHUNK, at, len(data), shown(data), number, number)]
        for kind, raw, reason in messages:
            events.append(WireEvent(kind, at, len(raw), shown(raw), number, began, reason))
            began = number
        if pending_after and (messages or not pending_before):
            self._pending_since = number
        self._add(events)

    def replies(self, lines: list[bytes], at: float) -> None:
        events = []
        for line in lines:
            kind = WireKind.ERROR_REPLY if line.startswith(b'{"error"') else WireKind.REPLY
            events.append(WireEvent(kind, at, len(line), shown(line)))
        self._add(events)

    def closed(self, why: str) -> None:
        self._add([WireEvent(WireKind.CLOSED, self._clock(), 0, why)])

    def drain(self) -> list[WireEvent]:
        with self._lock:
            events = list(self._events)
            self._events.clear()
        return events

    def _add(self, events: list[WireEvent]) -> None:
        if not events:
            return
        with self._lock:
            self._events.extend(events)
            overflow = len(self._events) - self.maxlen
            if overflow > 0:
                self.dropped += overflow
                for _ in range(overflow):
                    self._events.popleft()
