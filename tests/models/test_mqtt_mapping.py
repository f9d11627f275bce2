"""A mapping is a line a user writes and reads back; a wrong one is refused with the part that is wrong."""

from __future__ import annotations

import re

import pytest

from models.mqtt_mapping import DEFAULT_MAPPINGS, PRESETS, MappingError, TopicMapping, parse_mappings, topic_matches


def test_a_line_is_read_back_as_it_was_written():
    line = "tele/+/SENSOR topic:2 json:*.Temperature json:TempUnit"
    assert str(TopicMapping.parse(line)) == line
    assert TopicMapping.parse("  zigbee2mqtt/+   topic:2  json:temperature ") == TopicMapping(
        "zigbee2mqtt/+", "topic:2", "json:temperature", "C"
    )


def test_every_ready_made_mapping_is_a_valid_line_and_is_known_by_its_name():
    for name, mapping in PRESETS.items():
        assert TopicMapping.parse(str(mapping)) == mapping
        assert TopicMapping.parse(name) == mapping
    assert DEFAULT_MAPPINGS == (TopicMapping("thermolab/#", "topic:2", "thermolab"),)


@pytest.mark.parametrize(
    ("line", "sentence"),
    [
        ("zigbee2mqtt/+ topic:2", "write FILTER SENSOR VALUE [UNIT]"),
        ("zigbee2mqtt/+ topic:3 json:temperature", "topic:3: the filter zigbee2mqtt/+ has levels 1 to 2"),
        ("zigbee2mqtt/+ name json:temperature", "name: say where the sensor id is, topic:LEVEL or json:FIELD"),
        ("zigbee2mqtt/+ topic:2 temperature", "temperature: say where the temperature is, thermolab, number or json:PATH"),
        ("zigbee2mqtt/+ topic:2 number R", "R: the unit is C, F, K or json:FIELD"),
        ("sensors/kitchen+ topic:1 number", "sensors/kitchen+: a wildcard (+ or #) must fill a whole level"),
        ("sensors/#/state topic:1 number", "sensors/#/state: # may only be the last level"),
        (
            "$share/lab/thermolab/# topic:4 thermolab",
            "$share/lab/thermolab/#: write the group in the Group field (--mqtt-group), not in the filter",
        ),
    ],
)
def test_a_wrong_line_is_refused_with_its_wrong_part(line, sentence):
    with pytest.raises(MappingError, match=re.escape(sentence)):
        TopicMapping.parse(line)


def test_a_list_names_its_wrong_line_and_skips_blank_ones():
    assert parse_mappings(["thermolab", "", "esphome"]) == (PRESETS["thermolab"], PRESETS["esphome"])
    with pytest.raises(MappingError, match="^mapping 3: "):
        parse_mappings(["thermolab", "", "a/b topic:9 number"])


@pytest.mark.parametrize(
    ("topic_filter", "topic", "matches"),
    [
        ("thermolab/#", "thermolab/s1", True),
        ("thermolab/#", "thermolab/lab/s1", True),
        ("thermolab/#", "thermolab", True),
        ("thermolab/#", "thermolabs/s1", False),
        ("zigbee2mqtt/+", "zigbee2mqtt/kitchen", True),
        ("zigbee2mqtt/+", "zigbee2mqtt/kitchen/availability", False),
        ("+/sensor/temperature/state", "porch/sensor/temperature/state", True),
        ("+/sensor/temperature/state", "porch/sensor/humidity/state", False),
        ("#", "$SYS/broker/uptime", False),
        ("+/broker/uptime", "$SYS/broker/uptime", False),
    ],
)
def test_topics_match_filters_as_a_broker_decides(topic_filter, topic, matches):
    assert topic_matches(topic_filter, topic) is matches
