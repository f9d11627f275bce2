"""A temperature reading and the rules a message must follow to become one (docs/protocol.md, section 1)."""

from __future__ import annotations

import math
import re
from datetime import UTC, datetime
from typing import NamedTuple

ABSOLUTE_ZERO_C = -273.15
# The longest message either end reads before giving up on the peer: the collector refuses a longer
# one, a sensor takes a longer reply for a peer that is not a Thermolab server.
MAX_MESSAGE = 64 * 1024
MAX_ID_LENGTH = 64
# The largest signed 64-bit integer: what a sensor written in C or Java can count to, and what
# orjson, the fast path's parser, still reads as an integer (beyond 2^64 it reads a float).
MAX_SEQ = 2**63 - 1
UNITS = ("C", "F", "K")
_new_tuple = tuple.__new__

# datetime can represent years 1 to 9999; a timestamp outside could be stored but never exported.
_MIN_TIMESTAMP = datetime(1, 1, 2, tzinfo=UTC).timestamp()
_MAX_TIMESTAMP = datetime(9999, 12, 30, tzinfo=UTC).timestamp()
# Lone surrogates come from JSON escapes such as \ud800: valid JSON, but no UTF-8 can store them.
_FORBIDDEN_CHARACTERS = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


class InvalidReading(ValueError):
    """A message that breaks the contract; `reason` is the sentence sent back to the sensor."""

    def __init__(self, reason: str, seq: int | None = None):
        super().__init__(reason)
        self.reason = reason
        self.seq = seq
        self.capteur_id: str | None = None
        """The sensor that sent it, when the message named one that follows the rules."""


class Reading(NamedTuple):
    """A stored temperature. A named tuple, not a dataclass: 50,000 are made a second on the
    connection threads, and a tuple is made in a third of the time."""

    capteur_id: str
    temperature: float
    """Degrees Celsius, whatever unit the sensor used."""
    timestamp: float
    """Unix epoch seconds (UTC) when measured, or when received if the sensor sent no timestamp."""
    seq: int | None = None
    sensor_timestamp: bool = False
    """True when the sensor gave the timestamp: only such readings are merged when resent."""


def reading_from_message(message: object, received_at: float) -> Reading:
    """Validate one decoded JSON value; raise InvalidReading with the reason otherwise."""
    return _usual_reading(message, received_at) or _checked_reading(message, received_at)


def _usual_reading(message: object, received_at: float) -> Reading | None:
    """The message in the shape sensors send (an ASCII capteur_id, a float in °C, maybe a float
    timestamp and a seq), checked in a few comparisons; None for anything else, which then goes
    through every rule. At 50,000 readings/s the full rules held the GIL for a quarter of the
    time, and the window's GUI thread waited behind them."""
    if type(message) is not dict:
        return None
    capteur_id, temperature = message.get("capteur_id"), message.get("temperature")
    if not (
        type(capteur_id) is str
        and 0 < len(capteur_id) <= MAX_ID_LENGTH
        and capteur_id.isascii()
        and capteur_id.isprintable()  # for ASCII: none of the control characters the rules forbid
        and type(temperature) is float
        and ABSOLUTE_ZERO_C <= temperature < math.inf  # also false for NaN
        and message.get("unit", "C") == "C"
    ):
        return None
    seq, timestamp = message.get("seq"), message.get("timestamp")
    if seq is not None and not (type(seq) is int and 0 <= seq <= MAX_SEQ):
        return None
    # tuple.__new__ skips the Python-level __new__ that Reading(...) calls: half the cost.
    if timestamp is None:
        return _new_tuple(Reading, (capteur_id, temperature, received_at, seq, False))
    if type(timestamp) is float and _MIN_TIMESTAMP <= timestamp <= _MAX_TIMESTAMP:
        return _new_tuple(Reading, (capteur_id, temperature, timestamp, seq, True))
    return None


def _checked_reading(message: object, received_at: float) -> Reading:
    if not isinstance(message, dict):
        raise InvalidReading("message must be a JSON object")
    seq = _seq(message)
    try:
        capteur_id = _capteur_id(message)
        temperature = _temperature(message)
        timestamp = message.get("timestamp")
        if timestamp is None:
            return Reading(capteur_id, temperature, received_at, seq, False)
        return Reading(capteur_id, temperature, parse_timestamp(timestamp), seq, True)
    except InvalidReading as error:
        error.seq = seq
        error.capteur_id = _readable_id(message)
        raise


def validate_capteur_id(capteur_id: object, field: str = "capteur_id") -> str:
    if not isinstance(capteur_id, str):
        raise InvalidReading(f"{field} must be a string")
    if not capteur_id:
        raise InvalidReading(f"{field} must not be empty")
    if len(capteur_id) > MAX_ID_LENGTH:
        raise InvalidReading(f"{field} must be at most {MAX_ID_LENGTH} characters")
    if forbidden := _FORBIDDEN_CHARACTERS.search(capteur_id):
        if forbidden.group() >= "\ud800":
            raise InvalidReading(f"{field} is not valid Unicode (a lone surrogate)")
        raise InvalidReading(f"{field} must not contain control characters")
    return capteur_id


def to_celsius(value: float, unit: str) -> float:
    # Rounded to a nanodegree, far below any sensor's precision, so 71.6 °F is stored as 22.0, not 21.999999999999996.
    if unit == "C":
        return value
    if unit == "K":
        return round(value + ABSOLUTE_ZERO_C, 9)
    if unit == "F":
        return round((value - 32.0) * 5.0 / 9.0, 9)
    raise InvalidReading('unit must be "C", "F" or "K"')


def parse_timestamp(value: object) -> float:
    """Unix seconds from a JSON number or an ISO 8601 string (an offset-less string is UTC)."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise InvalidReading("timestamp must be a number (Unix seconds) or an ISO 8601 string")
    if isinstance(value, str):
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            raise InvalidReading("timestamp is not an ISO 8601 date") from None
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        value = moment.timestamp()
    # Compared as it came, not as a float: an integer of 400 digits has no float; NaN is never in range.
    if not _MIN_TIMESTAMP <= value <= _MAX_TIMESTAMP:
        raise InvalidReading("timestamp is out of range (years 1 to 9999)")
    return float(value)


def _seq(message: dict) -> int | None:
    seq = message.get("seq")
    if seq is None:
        return None
    if type(seq) is not int or not 0 <= seq <= MAX_SEQ:
        raise InvalidReading(f"seq must be an integer from 0 to {MAX_SEQ}")
    return seq


def _readable_id(message: dict) -> str | None:
    try:
        return _capteur_id(message)
    except InvalidReading:
        return None


def _capteur_id(message: dict) -> str:
    if "capteur_id" in message:
        return validate_capteur_id(message["capteur_id"])
    if "sensor_id" in message:
        return validate_capteur_id(message["sensor_id"], "sensor_id")
    raise InvalidReading("capteur_id is missing")


def _temperature(message: dict) -> float:
    if "temperature" not in message:
        raise InvalidReading("temperature is missing")
    value = message["temperature"]
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise InvalidReading("temperature must be a number")
    try:
        value = float(value)
    except OverflowError:
        raise InvalidReading("temperature is out of range") from None
    if not math.isfinite(value):
        raise InvalidReading("temperature must be finite (not NaN or Infinity)")
    celsius = to_celsius(value, message.get("unit", "C"))
    if not math.isfinite(celsius):
        raise InvalidReading("temperature is out of range once converted to °C")
    # Converting -459.67 °F or 0 K may round a hair below absolute zero.
    if celsius < ABSOLUTE_ZERO_C - 1e-9:
        raise InvalidReading("temperature is below absolute zero (-273.15 °C)")
    return max(celsius, ABSOLUTE_ZERO_C)
