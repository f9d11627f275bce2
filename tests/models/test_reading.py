"""Every rule of docs/protocol.md section 1 broken on its own gets a sentence that names the field."""

import math
from datetime import UTC, datetime

import pytest

from models.reading import InvalidReading, Reading, _checked_reading, _usual_reading, reading_from_message

NOW = 1_790_000_000.0
GOOD = {"capteur_id": "capteur_1", "temperature": 23.5}


def refused(message) -> InvalidReading:
    with pytest.raises(InvalidReading) as caught:
        reading_from_message(message, NOW)
    return caught.value


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"capteur_id": None}, "capteur_id must be a string"),
        ({"capteur_id": ""}, "capteur_id must not be empty"),
        ({"capteur_id": "x" * 65}, "capteur_id must be at most 64 characters"),
        ({"capteur_id": 7}, "capteur_id must be a string"),
        ({"capteur_id": "cap\tteur"}, "capteur_id must not contain control characters"),
        ({"capteur_id": "cap\x85teur"}, "capteur_id must not contain control characters"),
        ({"capteur_id": "cap\ud800"}, "capteur_id is not valid Unicode (a lone surrogate)"),
        ({"temperature": "23.5"}, "temperature must be a number"),
        ({"temperature": True}, "temperature must be a number"),
        ({"temperature": None}, "temperature must be a number"),
        ({"temperature": math.nan}, "temperature must be finite (not NaN or Infinity)"),
        ({"temperature": math.inf}, "temperature must be finite (not NaN or Infinity)"),
        ({"temperature": -273.16}, "temperature is below absolute zero (-273.15 °C)"),
        ({"temperature": -1, "unit": "K"}, "temperature is below absolute zero (-273.15 °C)"),
        ({"unit": "celsius"}, 'unit must be "C", "F" or "K"'),
        ({"unit": "c"}, 'unit must be "C", "F" or "K"'),
        ({"timestamp": "yesterday"}, "timestamp is not an ISO 8601 date"),
        ({"timestamp": True}, "timestamp must be a number (Unix seconds) or an ISO 8601 string"),
        ({"timestamp": 1e20}, "timestamp is out of range (years 1 to 9999)"),
        ({"timestamp": 10**400}, "timestamp is out of range (years 1 to 9999)"),
        ({"timestamp": -(10**400)}, "timestamp is out of range (years 1 to 9999)"),
        ({"temperature": 10**400}, "temperature is out of range"),
        ({"temperature": -(10**400)}, "temperature is out of range"),
        ({"temperature": 1e308, "unit": "F"}, "temperature is out of range once converted to °C"),
        ({"seq": 2**63}, "seq must be an integer from 0 to 9223372036854775807"),
        ({"seq": 2**64}, "seq must be an integer from 0 to 9223372036854775807"),
        ({"seq": float(2**64)}, "seq must be an integer from 0 to 9223372036854775807"),
        ({"seq": -1}, "seq must be an integer from 0 to 9223372036854775807"),
        ({"seq": 1.5}, "seq must be an integer from 0 to 9223372036854775807"),
        ({"seq": "3"}, "seq must be an integer from 0 to 9223372036854775807"),
    ],
)
def test_each_broken_rule_is_named(change, reason):
    assert refused({**GOOD, **change}).reason == reason


@pytest.mark.parametrize("missing", ["capteur_id", "temperature"])
def test_a_missing_field_is_named(missing):
    message = dict(GOOD)
    del message[missing]
    assert refused(message).reason == f"{missing} is missing"


@pytest.mark.parametrize("value", [[1, 2], "text", 42, None])
def test_json_that_is_not_an_object(value):
    assert refused(value).reason == "message must be a JSON object"


def test_the_error_carries_the_seq_when_it_could_be_read():
    assert refused({**GOOD, "temperature": "hot", "seq": 9}).seq == 9
    assert refused({**GOOD, "temperature": "hot", "seq": -9}).seq is None


def test_a_good_reading_without_timestamp_gets_the_reception_time():
    assert reading_from_message(GOOD, NOW) == Reading("capteur_1", 23.5, NOW, None, False)


@pytest.mark.parametrize(
    ("unit", "value", "celsius"),
    [("C", 21.0, 21.0), ("F", 212.0, 100.0), ("K", 278.93, 5.78), ("K", 0, -273.15), ("F", -459.67, -273.15)],
)
def test_units_are_stored_in_celsius(unit, value, celsius):
    reading = reading_from_message({**GOOD, "temperature": value, "unit": unit}, NOW)
    assert reading.temperature == pytest.approx(celsius)


@pytest.mark.parametrize(
    ("timestamp", "expected"),
    [
        (1_700_000_000, 1_700_000_000.0),
        (1_700_000_000.25, 1_700_000_000.25),
        ("2026-11-21T14:31:05.123Z", datetime(2026, 11, 21, 14, 31, 5, 123000, UTC).timestamp()),
        ("2026-11-21T14:31:05", datetime(2026, 11, 21, 14, 31, 5, tzinfo=UTC).timestamp()),
        ("2026-11-21T15:31:05+01:00", datetime(2026, 11, 21, 14, 31, 5, tzinfo=UTC).timestamp()),
    ],
)
def test_a_sensor_timestamp_is_kept_and_marked(timestamp, expected):
    reading = reading_from_message({**GOOD, "timestamp": timestamp}, NOW)
    assert reading.timestamp == pytest.approx(expected)
    assert reading.sensor_timestamp


def test_sensor_id_is_an_alias_and_other_fields_are_ignored():
    reading = reading_from_message({"sensor_id": "s", "temperature": 1, "seq": 0, "room": "lab"}, NOW)
    assert (reading.capteur_id, reading.seq) == ("s", 0)


def test_a_64_character_id_with_accents_is_fine():
    assert reading_from_message({**GOOD, "capteur_id": "é" * 64}, NOW).capteur_id == "é" * 64


SENSOR_SHAPES = [
    GOOD,
    {**GOOD, "seq": 12},
    {**GOOD, "seq": 2**63 - 1},
    {**GOOD, "timestamp": 1_790_000_000.125},
    {**GOOD, "timestamp": 1_790_000_000.125, "seq": 0, "unit": "C"},
    {**GOOD, "capteur_id": "x" * 64, "temperature": -273.15},
]
ODD_SHAPES = [
    {**GOOD, "capteur_id": "x" * 65},
    {**GOOD, "capteur_id": "cap\x7fteur"},
    {**GOOD, "capteur_id": "salle de réunion"},
    {**GOOD, "capteur_id": ""},
    {**GOOD, "temperature": 23},
    {**GOOD, "temperature": -273.150001},
    {**GOOD, "temperature": math.nan},
    {**GOOD, "temperature": math.inf},
    {**GOOD, "temperature": 71.6, "unit": "F"},
    {**GOOD, "unit": 1},
    {**GOOD, "seq": True},
    {**GOOD, "seq": -1},
    {**GOOD, "seq": 2**63},
    {**GOOD, "timestamp": 1_790_000_000},
    {**GOOD, "timestamp": math.nan},
    {**GOOD, "timestamp": 1e20},
    {**GOOD, "timestamp": "2026-11-21T14:31:05Z"},
    {"sensor_id": "s", "temperature": 1.5},
    {"capteur_id": "a", "sensor_id": "b", "temperature": 1.5},
    {"temperature": 1.5},
    [GOOD],
]


@pytest.mark.parametrize("message", SENSOR_SHAPES + ODD_SHAPES)
def test_the_quick_check_of_usual_messages_agrees_with_every_rule(message):
    quick = _usual_reading(message, NOW)
    if message in SENSOR_SHAPES:
        assert quick is not None, "what sensors send takes the quick check"
    if quick is not None:
        assert quick == _checked_reading(message, NOW)
