"""One MQTT message turned into a `Reading` by the first mapping whose filter matches its topic.

The mapping only says where the fields are: the payload is decoded as a message on the readings port
is (`decode_message`), and the fields it yields go through `reading_from_message`, so a temperature
from Zigbee2MQTT is held to the same rules, with the same sentences, as one sent over TCP.
"""

from __future__ import annotations

from collections.abc import Sequence

from models.mqtt_mapping import JSON, NUMBER, THERMOLAB, TopicMapping
from models.reading import InvalidReading, Reading, reading_from_message
from network.collector.protocol import decode_message

NO_MAPPING = "no mapping matches this topic"


def reading_from_publish(mappings: Sequence[TopicMapping], topic: str, payload: bytes, received_at: float) -> Reading:
    """The reading a message carries; raises InvalidReading with the reason otherwise."""
    mapping = next((mapping for mapping in mappings if mapping.matches(topic)), None)
    if mapping is None:
        raise InvalidReading(NO_MAPPING)
    message = _number(payload) if mapping.value == NUMBER else decode_message(payload)
    named_by_topic = _sensor_from_topic(mapping, topic)
    if mapping.value == THERMOLAB:
        return reading_from_message(_with_topic_sensor(message, named_by_topic), received_at)
    temperature = message if mapping.value == NUMBER else _member(message, mapping.value.removeprefix(JSON).split("."))
    unit = _member(message, [mapping.unit.removeprefix(JSON)], "C") if mapping.unit.startswith(JSON) else mapping.unit
    capteur_id = named_by_topic if named_by_topic is not None else _member(message, [mapping.sensor.removeprefix(JSON)])
    return reading_from_message({"capteur_id": capteur_id, "temperature": temperature, "unit": unit}, received_at)


def _number(payload: bytes) -> object:
    """A bare number's payload, as JSON reads it: ESPHome sends `nan` for a sensor it cannot read."""
    try:
        return decode_message(payload)
    except InvalidReading:
        raise InvalidReading(f"the payload must be a bare number, not {payload[:20].decode(errors='replace')!r}") from None


def _sensor_from_topic(mapping: TopicMapping, topic: str) -> str | None:
    """The topic's level that names the sensor, or all levels from there on under a `#`."""
    level = mapping.sensor_level()
    if level is None:
        return None
    levels = topic.split("/")
    if mapping.levels[level] == "#":
        return "/".join(levels[level:])
    return levels[level]


def _with_topic_sensor(message: object, capteur_id: str | None) -> object:
    """A Thermolab reading on `thermolab/<capteur_id>` may leave its capteur_id out; if given, it must agree."""
    if capteur_id is None or not isinstance(message, dict):
        return message
    given = message.get("capteur_id", message.get("sensor_id"))
    if given is None:
        return {**message, "capteur_id": capteur_id}
    if given != capteur_id:
        raise InvalidReading(f"capteur_id {str(given)[:64]!r} does not match the topic's {capteur_id!r}")
    return message


_MISSING = object()


def _member(message: object, path: list[str], default: object = _MISSING) -> object:
    """The value at a dotted path; `*` is the first member of an object that has the rest of the path."""
    value = message
    for position, key in enumerate(path):
        if not isinstance(value, dict):
            break
        if key == "*":
            for member in value.values():
                found = _member(member, path[position + 1 :], None)
                if found is not None:
                    return found
            break
        if key not in value:
            break
        value = value[key]
    else:
        return value
    if default is not _MISSING:
        return default
    raise InvalidReading(f"{'.'.join(path)} is missing")
