"""Which MQTT topics carry readings, and where a message keeps its sensor and its temperature.

Sensors on a broker speak their own project's dialect: Zigbee2MQTT a JSON object per device, Tasmota
a JSON object with the unit beside it, ESPHome and Shelly a bare number per topic. A mapping says,
for one topic filter, how to turn such a message into the fields of a Thermolab reading; the
collector then validates those fields by the same rules as a TCP reading (docs/protocol.md, MQTT).

A mapping is one line a user can write and read back (in Settings and after `--mqtt-map`):

    FILTER  SENSOR  VALUE  [UNIT]

- FILTER: an MQTT topic filter (`+` one level, `#` the rest);
- SENSOR: `topic:N`, the topic's level N (1 is the first), or everything from level N on when the
  filter's level N is `#`; or `json:FIELD`, a field of the message;
- VALUE: `thermolab` (a Thermolab JSON reading), `number` (the whole payload is a bare number) or
  `json:PATH` (dotted; `*` stands for the first member that has the rest of the path);
- UNIT: `C` (the default), `F`, `K`, or `json:FIELD` for a message that says its unit (Tasmota's
  `TempUnit`); ignored for `thermolab`, whose messages carry their own `unit`.

Pure data, no paho: the settings window edits mappings, the collector (network/collector) uses them.
"""

from __future__ import annotations

from dataclasses import dataclass

from models.reading import UNITS

THERMOLAB, NUMBER = "thermolab", "number"
TOPIC, JSON = "topic:", "json:"


class MappingError(ValueError):
    """A mapping line that cannot be used; the message says which part and why."""


@dataclass(frozen=True)
class TopicMapping:
    topic_filter: str
    sensor: str
    value: str
    unit: str = "C"

    @classmethod
    def parse(cls, line: str) -> TopicMapping:
        """A mapping from its line (or the name of a ready-made one); raises MappingError."""
        words = line.split()
        if len(words) == 1 and words[0] in PRESETS:
            return PRESETS[words[0]]
        if not 3 <= len(words) <= 4:
            raise MappingError(f"{line.strip()!r}: write FILTER SENSOR VALUE [UNIT], or the name of a ready-made mapping")
        mapping = cls(*words)
        mapping._check()
        return mapping

    def __str__(self) -> str:
        return " ".join([self.topic_filter, self.sensor, self.value] + ([] if self.value == THERMOLAB else [self.unit]))

    @property
    def levels(self) -> list[str]:
        return self.topic_filter.split("/")

    def matches(self, topic: str) -> bool:
        return topic_matches(self.topic_filter, topic)

    def sensor_level(self) -> int | None:
        """The level (from 0) that names the sensor, or None when a JSON field names it."""
        return int(self.sensor.removeprefix(TOPIC)) - 1 if self.sensor.startswith(TOPIC) else None

    def _check(self) -> None:
        check_filter(self.topic_filter)
        if self.sensor.startswith(TOPIC):
            level = self.sensor.removeprefix(TOPIC)
            if not level.isdigit() or not 1 <= int(level) <= len(self.levels):
                raise MappingError(f"{self.sensor}: the filter {self.topic_filter} has levels 1 to {len(self.levels)}")
        elif not self.sensor.startswith(JSON) or self.sensor == JSON:
            raise MappingError(f"{self.sensor}: say where the sensor id is, topic:LEVEL or json:FIELD")
        if self.value not in (THERMOLAB, NUMBER) and (not self.value.startswith(JSON) or self.value == JSON):
            raise MappingError(f"{self.value}: say where the temperature is, thermolab, number or json:PATH")
        if self.unit not in UNITS and (not self.unit.startswith(JSON) or self.unit == JSON):
            raise MappingError(f"{self.unit}: the unit is C, F, K or json:FIELD")


def check_filter(topic_filter: str) -> None:
    """MQTT's rules for a filter: wildcards fill a whole level, `#` only the last one."""
    levels = topic_filter.split("/")
    if not topic_filter or "\x00" in topic_filter:
        raise MappingError("a topic filter must not be empty")
    if levels[0] == "$share":
        # No topic starts with $share: such a mapping would read no message, and every one it
        # subscribed to would be acknowledged as matching no mapping, lost.
        raise MappingError(f"{topic_filter}: write the group in the Group field (--mqtt-group), not in the filter")
    for position, level in enumerate(levels):
        if ("+" in level or "#" in level) and len(level) > 1:
            raise MappingError(f"{topic_filter}: a wildcard (+ or #) must fill a whole level")
        if level == "#" and position != len(levels) - 1:
            raise MappingError(f"{topic_filter}: # may only be the last level")


def check_group(group: str) -> None:
    """A shared subscription's group is one level of its topic: no `/`, `+` or `#`."""
    if any(character in group for character in "/+#\x00"):
        raise MappingError(f"{group}: a group name cannot hold /, + or #")


def topic_matches(topic_filter: str, topic: str) -> bool:
    """Whether a topic matches a filter, as a broker decides (wildcards never match a `$` topic)."""
    if topic.startswith("$") and topic_filter[:1] in ("+", "#"):
        return False
    levels = topic.split("/")
    for position, level in enumerate(topic_filter.split("/")):
        if level == "#":
            return True
        if position >= len(levels) or (level != "+" and level != levels[position]):
            return False
    return len(topic_filter.split("/")) == len(levels)


def parse_mappings(lines: list[str] | tuple[str, ...]) -> tuple[TopicMapping, ...]:
    """Every non-blank line as a mapping; raises MappingError naming the first wrong line."""
    mappings = []
    for number, line in enumerate(lines, 1):
        if line.strip():
            try:
                mappings.append(TopicMapping.parse(line))
            except MappingError as error:
                raise MappingError(f"mapping {number}: {error}") from None
    return tuple(mappings)


PRESETS = {
    # thermolab/<capteur_id>: a Thermolab JSON reading, whose capteur_id may be left out.
    "thermolab": TopicMapping("thermolab/#", "topic:2", THERMOLAB),
    # zigbee2mqtt/<friendly name>: {"temperature": 21.5, "humidity": 48, "battery": 97, ...}
    "zigbee2mqtt": TopicMapping("zigbee2mqtt/+", "topic:2", "json:temperature"),
    # tele/<device>/SENSOR: {"Time": "...", "DS18B20": {"Temperature": 21.5}, "TempUnit": "C"}
    "tasmota": TopicMapping("tele/+/SENSOR", "topic:2", "json:*.Temperature", "json:TempUnit"),
    # <node>/sensor/<object id>/state: 21.5, for a sensor named "Temperature"
    "esphome": TopicMapping("+/sensor/temperature/state", "topic:1", NUMBER),
    # shellies/<device id>/sensor/temperature: 21.5 (Shelly H&T), a bare number on a topic of its own
    "shelly": TopicMapping("shellies/+/sensor/temperature", "topic:2", NUMBER),
}
"""Ready-made mappings, by the name `--mqtt-map` and Settings know them by."""

DEFAULT_MAPPINGS = (PRESETS["thermolab"],)
