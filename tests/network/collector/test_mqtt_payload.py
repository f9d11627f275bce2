"""Messages as each project publishes them become readings held to the readings port's rules.

The samples follow each project's documentation: Zigbee2MQTT's "MQTT Topics and Messages" (a JSON
object per device), Tasmota's telemetry (`tele/<topic>/SENSOR`, the unit in `TempUnit`), ESPHome's
state topics and Shelly H&T's (a bare number).
"""

from __future__ import annotations

import pytest

from models.mqtt_mapping import DEFAULT_MAPPINGS, PRESETS, TopicMapping
from models.reading import InvalidReading, Reading
from network.collector.mqtt_payload import NO_MAPPING, reading_from_publish

NOW = 1_764_000_000.0
ALL = tuple(PRESETS.values())


@pytest.mark.parametrize(
    ("topic", "payload", "reading"),
    [
        (
            "thermolab/lab-1",
            b'{"temperature": 21.5, "timestamp": 1764000000.5, "seq": 7}',
            Reading("lab-1", 21.5, 1764000000.5, 7, True),
        ),
        ("thermolab/lab-1", b'{"capteur_id": "lab-1", "temperature": 70.7, "unit": "F"}', Reading("lab-1", 21.5, NOW)),
        ("thermolab/hall/north", b'{"temperature": 19}', Reading("hall/north", 19.0, NOW)),
        (
            "zigbee2mqtt/living_room",
            b'{"battery":97,"humidity":44.72,"linkquality":120,"temperature":27.34,"voltage":3005}',
            Reading("living_room", 27.34, NOW),
        ),
        (
            "tele/tasmota_5C2A3B/SENSOR",
            b'{"Time":"2024-11-30T08:15:02","DS18B20":{"Id":"0315A80FE5FF","Temperature":21.6},"TempUnit":"C"}',
            Reading("tasmota_5C2A3B", 21.6, NOW),
        ),
        (
            "tele/greenhouse/SENSOR",
            b'{"Time":"2024-11-30T08:15:02","AM2301":{"Temperature":71.6,"Humidity":52.1,"DewPoint":53.2},"TempUnit":"F"}',
            Reading("greenhouse", 22.0, NOW),
        ),
        ("porch/sensor/temperature/state", b"8.4", Reading("porch", 8.4, NOW)),
        ("shellies/shellyht-6A8C2F/sensor/temperature", b"20.25", Reading("shellyht-6A8C2F", 20.25, NOW)),
    ],
)
def test_each_projects_message_becomes_a_reading(topic, payload, reading):
    assert reading_from_publish(ALL, topic, payload, NOW) == reading


@pytest.mark.parametrize(
    ("topic", "payload", "reason"),
    [
        (
            "thermolab/lab-1",
            b'{"capteur_id": "lab-2", "temperature": 21.5}',
            "capteur_id 'lab-2' does not match the topic's 'lab-1'",
        ),
        ("thermolab/lab-1", b'{"temperature": "21.5"}', "temperature must be a number"),
        ("thermolab/lab-1", b'{"temperature": 21.5', "invalid JSON at byte 20"),
        ("thermolab/lab-1", b'{"temperature": -300}', "temperature is below absolute zero (-273.15 °C)"),
        ("zigbee2mqtt/hall_switch", b'{"action":"single","linkquality":87}', "temperature is missing"),
        ("zigbee2mqtt/bridge", b'{"state":"online"}', "temperature is missing"),
        ("tele/plug/SENSOR", b'{"Time":"2024-11-30T08:15:02","ENERGY":{"Power":12}}', "*.Temperature is missing"),
        ("tele/bad/SENSOR", b'{"DS18B20":{"Temperature":21.6},"TempUnit":"R"}', 'unit must be "C", "F" or "K"'),
        ("porch/sensor/temperature/state", b"nan", "the payload must be a bare number, not 'nan'"),
        ("porch/sensor/temperature/state", b'"warm"', "temperature must be a number"),
        ("weather/paris", b"12.0", NO_MAPPING),
    ],
)
def test_a_message_that_fails_is_refused_with_the_readings_ports_sentence(topic, payload, reason):
    with pytest.raises(InvalidReading) as refused:
        reading_from_publish(ALL, topic, payload, NOW)
    assert refused.value.reason == reason


def test_the_first_mapping_that_matches_decides():
    by_field = TopicMapping.parse("lab/# json:probe json:celsius")
    bare = TopicMapping.parse("lab/# topic:2 number K")
    assert reading_from_publish([by_field, bare], "lab/any", b'{"probe": "p7", "celsius": 4.5}', NOW) == Reading("p7", 4.5, NOW)
    assert reading_from_publish([bare, by_field], "lab/any", b"300", NOW) == Reading("any", 26.85, NOW)


def test_a_payload_too_large_is_refused_as_on_the_readings_port():
    with pytest.raises(InvalidReading, match="message too large"):
        reading_from_publish(DEFAULT_MAPPINGS, "thermolab/s", b" " * (64 * 1024 + 1), NOW)
