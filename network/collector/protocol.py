"""The readings protocol without a socket: bytes in, readings and replies out (docs/protocol.md, section 1).

A connection feeds whatever `recv()` returned to `ReadingProtocol.receive_data()` and gets back, in
message order, a `Reading` for each accepted message and a reply event for everything else.
`encode_reply()` turns any of them into the bytes the peer is owed.

Newline-delimited JSON takes a fast path (one `orjson.loads` per line). A line that does not parse
alone (a pretty-printed object, objects back to back, garbage) is handed to `_ValueScanner`, which
finds where each top-level value ends, so every framing the contract allows gives the same messages
however TCP splits the bytes.
"""

from __future__ import annotations

import hmac
import json
import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import orjson

from models.reading import MAX_MESSAGE, InvalidReading, Reading, reading_from_message

# orjson recurses without a depth limit, so a line of 60,000 "[" can overflow a thread's stack and
# kill the process. A line with more brackets than any reading needs takes the careful path, which
# refuses nesting deeper than MAX_DEPTH.
MAX_FAST_BRACKETS = 64
# How deep arrays and objects may nest, as `_ValueScanner` measures it before the standard library's
# parser recurses: that parser's own limit depends on how deep the calling thread already is, so one
# message could be refused on one path and accepted on another. No lower than MAX_FAST_BRACKETS, so
# that whatever orjson reads is read the same by the careful path.
MAX_DEPTH = 64
# An integer with more digits is beyond every range of the contract (a float ends near 1.8e308).
_EXACT_DIGITS = 400
_WHITESPACE = b" \t\r\n"
UNFORESEEN = "the server failed to read this message (its log says why)"

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Rejected:
    """The message was refused and nothing of it stored; the connection carries on."""

    reason: str
    seq: int | None = None
    capteur_id: str | None = field(default=None, compare=False)
    """The sensor, when the message named a valid one; never sent back."""


@dataclass(frozen=True, slots=True)
class Authenticated:
    """The peer gave the right token."""


@dataclass(frozen=True, slots=True)
class Closing:
    """The peer broke a rule that ends the connection; send the reply, then close."""

    reason: str


Event = Reading | Rejected | Authenticated | Closing


def encode_reply(event: Event) -> bytes:
    """The line owed for an event; b"" when the contract says nothing is sent back."""
    if isinstance(event, Reading):
        return b'{"ack": %d}\n' % event.seq if event.seq is not None else b""
    if isinstance(event, Rejected):
        reply = {"error": event.reason} if event.seq is None else {"error": event.reason, "seq": event.seq}
        return _line(reply)
    if isinstance(event, Authenticated):
        return b'{"ok": "auth"}\n'
    return _line({"error": event.reason})


def _line(reply: dict) -> bytes:
    """Spaced as docs/protocol.md prints it, so a peer comparing lines as text is not surprised."""
    return json.dumps(reply, ensure_ascii=False).encode() + b"\n"


class ReadingProtocol:
    """One connection's decoder: feed it bytes, `b""` at end of stream."""

    def __init__(
        self,
        token: str | None = None,
        max_message: int = MAX_MESSAGE,
        clock: Callable[[], float] = time.time,
    ):
        self._token = token.encode() if token else None
        self._max_message = max_message
        self._clock = clock
        self._buffer = b""
        self._scanner: _ValueScanner | None = None
        self.closed = False
        """True once a Closing event was produced: the rest of the stream is ignored."""
        self.received_at = 0.0
        """When the last data arrived: the timestamp of readings that carry none."""
        self.cuts: list[tuple[int, bytes]] | None = None
        """While a wire view watches the connection, a list that gets each message's bytes as it is cut,
        with the index of its event in what `receive_data` returns; None otherwise, at the cost of
        one comparison a message."""

    def receive_data(self, data: bytes) -> list[Event]:
        if self.closed:
            return []
        events: list[Event] = []
        received_at = self.received_at = self._clock()
        buffer = self._buffer + data if self._buffer else data
        position = self._read(buffer, received_at, events)
        self._buffer = buffer[position:]
        if self._scanner is not None:
            self._scanner.rebase(position)
        if not self.closed:
            if not data:
                self._finish(received_at, events)
            elif self._pending_length() > self._max_message:
                self._close("message too large", events)
        return events

    def _read(self, buffer: bytes, received_at: float, events: list[Event]) -> int:
        """Consume every complete message of `buffer`; return where the incomplete rest begins."""
        position = 0
        while position < len(buffer) and not self.closed:
            if self._scanner is None:
                last_newline = buffer.rfind(b"\n", position)
                if last_newline < 0:
                    if self._pending_starts_value(buffer, position):
                        self._scanner = _ValueScanner(buffer, position)
                        continue
                    # Blanks before a message mean nothing and never count towards its size limit:
                    # dropped here, or a peer streaming spaces would make the buffer grow for ever.
                    return len(buffer) - len(buffer[position:].lstrip(_WHITESPACE))
                position = self._read_lines(buffer, position, last_newline, received_at, events)
            else:
                start, end = self._scanner.scan(buffer)
                if end is None:
                    return start
                too_deep, self._scanner = self._scanner.too_deep, None
                self._message(buffer[start:end], received_at, events, too_deep)
                position = end
        return position

    def _read_lines(self, buffer: bytes, position: int, end: int, received_at: float, events: list) -> int:
        """The fast path: whole lines up to `end`; stops at the first line that needs the scanner."""
        cuts = self.cuts
        for line in buffer[position:end].split(b"\n"):
            if self.closed:
                break
            value = _fast_parse(line, self._max_message)
            if value is _DECLINED:
                stripped = line.strip(_WHITESPACE)
                if stripped[:1] in (b"{", b"["):
                    self._scanner = _ValueScanner(buffer, position)
                    return position
                if stripped:
                    self._message(stripped, received_at, events)
            else:
                if cuts is not None:
                    cuts.append((len(events), line))
                self._value(value, received_at, events)
            position += len(line) + 1
        return position

    def _message(self, raw: bytes, received_at: float, events: list[Event], too_deep: bool = False) -> None:
        """A message the fast path declined. Only one that begins with a bracket can nest, and the
        scanner has then measured how deep: `too_deep`."""
        raw = raw.strip(_WHITESPACE)
        if self.cuts is not None:
            self.cuts.append((len(events), raw))
        if len(raw) > self._max_message:
            self._close("message too large", events)
            return
        try:
            value = _parse_strictly(raw, too_deep)
        except InvalidReading as error:
            if self._token is not None:
                self._close("unauthorized", events)
            else:
                events.append(Rejected(error.reason))
            return
        except Exception:
            # A case this parser failed to foresee costs that message, not the connection.
            log.exception("cannot parse a message of %d bytes", len(raw))
            events.append(Rejected(UNFORESEEN))
            return
        self._value(value, received_at, events)

    def _value(self, value: object, received_at: float, events: list[Event]) -> None:
        if self._token is not None:
            self._authenticate(value, self._token, events)
            return
        try:
            events.append(reading_from_message(value, received_at))
        except InvalidReading as error:
            events.append(Rejected(error.reason, error.seq, error.capteur_id))
        except Exception:
            # A rule that fails on a value nobody foresaw costs that message, not the connection.
            log.exception("cannot validate a message")
            events.append(Rejected(UNFORESEEN))

    def _authenticate(self, value: object, expected: bytes, events: list[Event]) -> None:
        token = value.get("auth") if isinstance(value, dict) else None
        # surrogatepass: a JSON escape such as \ud800 gives a string that plain UTF-8 cannot encode.
        if isinstance(token, str) and hmac.compare_digest(token.encode("utf-8", "surrogatepass"), expected):
            self._token = None
            events.append(Authenticated())
        else:
            self._close("unauthorized", events)

    def _finish(self, received_at: float, events: list[Event]) -> None:
        """End of stream: a last message without a newline still counts."""
        too_deep = self._scanner is not None and self._scanner.too_deep
        self._scanner = None
        rest, self._buffer = self._buffer, b""
        if rest.strip(_WHITESPACE):
            self._message(rest, received_at, events, too_deep)

    def _pending_starts_value(self, buffer: bytes, position: int) -> bool:
        rest = buffer[position:].lstrip(_WHITESPACE)
        return rest[:1] in (b"{", b"[")

    @property
    def pending(self) -> bool:
        """True while part of a message has arrived and not yet its end; blank bytes are no message."""
        return self._pending_length() > 0

    def _pending_length(self) -> int:
        return len(self._buffer.lstrip(_WHITESPACE))

    def _close(self, reason: str, events: list[Event]) -> None:
        self.closed = True
        self._buffer = b""
        events.append(Closing(reason))


_DECLINED = object()


def decode_message(raw: bytes, max_message: int = MAX_MESSAGE) -> object:
    """One whole message (an MQTT payload, say) decoded as a message on the readings port is:
    the same size limit, nesting limit and sentences; raises InvalidReading."""
    if len(raw) > max_message:
        raise InvalidReading("message too large")
    value = _fast_parse(raw, max_message)
    if value is not _DECLINED:
        return value
    raw = raw.strip(_WHITESPACE)
    scanner = _ValueScanner(raw, 0)
    if raw[:1] in (b"{", b"["):
        scanner.scan(raw)
    return _parse_strictly(raw, scanner.too_deep)


def _fast_parse(line: bytes, max_message: int) -> object:
    """orjson's reading of a plain line, or _DECLINED when the line needs the careful path."""
    if len(line) > max_message or line.count(b"[") + line.count(b"{") > MAX_FAST_BRACKETS:
        return _DECLINED
    try:
        return orjson.loads(line)
    except orjson.JSONDecodeError:
        return _DECLINED


def _parse_strictly(raw: bytes, too_deep: bool) -> object:
    """The slow path, for messages orjson refused: say what is wrong and where.

    The standard library parser accepts NaN and Infinity, so such a temperature is refused by the
    validation with a sentence that names the field rather than as mere invalid JSON.
    """
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InvalidReading(f"invalid UTF-8 at byte {error.start}") from None
    if too_deep:
        raise InvalidReading("invalid JSON: nested too deeply")
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise _invalid_json(text, error) from None
    except ValueError:
        return _parse_long_integers(text)


def _parse_long_integers(text: str) -> object:
    """For a message with an integer longer than int() reads (4,300 digits unless the interpreter
    says otherwise): read with a stand-in as far out of range, it gets the verdict a 400-digit one
    would, and its seq is read."""
    try:
        return json.loads(text, parse_int=_integer)
    except json.JSONDecodeError as error:
        raise _invalid_json(text, error) from None


def _invalid_json(text: str, error: json.JSONDecodeError) -> InvalidReading:
    return InvalidReading(f"invalid JSON at byte {len(text[: error.pos].encode())}")


def _integer(digits: str) -> int:
    if len(digits) <= _EXACT_DIGITS:
        return int(digits)
    return -(10**_EXACT_DIGITS) if digits.startswith("-") else 10**_EXACT_DIGITS


class _ValueScanner:
    """Finds where a top-level JSON object or array ends by counting brackets outside strings.

    It remembers how far it has looked, so a value that arrives a byte at a time is scanned once.
    """

    _OUTSIDE_STRING = re.compile(rb'[{}\[\]"]')
    _INSIDE_STRING = re.compile(rb'["\\]')

    def __init__(self, buffer: bytes, position: int):
        while buffer[position : position + 1] in (b" ", b"\t", b"\r", b"\n"):
            position += 1
        self.start = position
        self._cursor = position
        self._depth = 0
        self._in_string = False
        self.too_deep = False
        """Whether the value nested deeper than MAX_DEPTH in what was scanned so far."""

    def scan(self, buffer: bytes) -> tuple[int, int | None]:
        """(start, end) of the value; end is None until its last byte has arrived."""
        if self.start >= len(buffer):
            return self.start, None
        cursor = self._cursor
        while True:
            if self._in_string:
                match = self._INSIDE_STRING.search(buffer, cursor)
                if match is None:
                    break
                if match.group() == b"\\":
                    if match.end() >= len(buffer):
                        break
                    cursor = match.end() + 1
                    continue
                self._in_string = False
            else:
                match = self._OUTSIDE_STRING.search(buffer, cursor)
                if match is None:
                    break
                token = match.group()
                if token == b'"':
                    self._in_string = True
                elif token in b"{[":
                    self._depth += 1
                    if self._depth > MAX_DEPTH:
                        self.too_deep = True
                else:
                    self._depth -= 1
                    if self._depth <= 0:
                        return self.start, match.end()
            cursor = match.end()
        self._cursor = len(buffer) if match is None else cursor
        return self.start, None

    def rebase(self, offset: int) -> None:
        self.start -= offset
        self._cursor -= offset
