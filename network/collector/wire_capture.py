"""What a watched connection reads, recorded for the wire view (models/wire.py).

Only a connection that a window watches comes here: the others call `receive_data` straight away,
and their protocol records no message bytes.
"""

from __future__ import annotations

from models.reading import Reading
from models.wire import WireKind, WireTap
from network.collector.protocol import Authenticated, Closing, Event, ReadingProtocol, Rejected

_KINDS = {
    Reading: WireKind.READING,
    Rejected: WireKind.REJECTED,
    Authenticated: WireKind.AUTHENTICATED,
    Closing: WireKind.CLOSING,
}


def receive_watched(wire: WireTap, protocol: ReadingProtocol, data: bytes) -> list[Event]:
    """`protocol.receive_data(data)`, with the chunk and the messages cut from it recorded in `wire`."""
    pending_before = protocol.pending
    protocol.cuts = []
    try:
        events = protocol.receive_data(data)
    finally:
        cuts, protocol.cuts = protocol.cuts, None
    raw = dict(cuts)
    messages = [(_KINDS[type(event)], raw.get(index, b""), _reason(event)) for index, event in enumerate(events)]
    wire.read(data, protocol.received_at, messages, (pending_before, protocol.pending))
    return events


def _reason(event: Event) -> str:
    return event.reason if isinstance(event, (Rejected, Closing)) else ""
