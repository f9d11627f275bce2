"""Alarm rules refused with one sentence, and the rule that watches each sensor."""

import math

import pytest

from models.alarms import AlarmKind, AlarmRule, InvalidRule, check_rules, rules_for


@pytest.mark.parametrize(
    ("rule", "sentence"),
    [
        (AlarmRule(AlarmKind.HIGH, math.nan), "the threshold must be a finite number, got nan"),
        (AlarmRule(AlarmKind.HIGH, 30.0, hysteresis=-1.0), "the hysteresis must be 0 °C or more, got -1"),
        (AlarmRule(AlarmKind.LOW, 2.0, min_duration=-5.0), "the minimum duration must be 0 s or more, got -5"),
        (AlarmRule(AlarmKind.SILENT, 0.0), "a silence must last more than 0 s, got 0"),
        (AlarmRule(AlarmKind.SILENT, 60.0, hysteresis=1.0), "a silence rule has no hysteresis: give it to a high or a low rule"),
        (AlarmRule(AlarmKind.LOW, -300.0), "a threshold cannot be below absolute zero (-273.15 °C), got -300"),
        (AlarmRule(AlarmKind.HIGH, 30.0, sensor=""), "sensor must not be empty"),
        (AlarmRule(AlarmKind.HIGH, 30.0, sensor="a\nb"), "sensor must not contain control characters"),
    ],
)
def test_a_rule_that_cannot_be_kept_is_one_sentence(rule, sentence):
    with pytest.raises(InvalidRule) as refused:
        rule.check()
    assert str(refused.value) == sentence


def test_low_must_stay_below_high_for_each_sensor_defaults_included():
    default_high = AlarmRule(AlarmKind.HIGH, 30.0)
    with pytest.raises(InvalidRule) as refused:
        check_rules([default_high, AlarmRule(AlarmKind.LOW, 30.0, "fridge")])
    assert str(refused.value) == "the low threshold (30 °C) must be below the high threshold (30 °C) for fridge"
    with pytest.raises(InvalidRule, match="for all sensors$"):
        check_rules([default_high, AlarmRule(AlarmKind.LOW, 31.0)])
    check_rules([default_high, AlarmRule(AlarmKind.LOW, 29.5, "fridge"), AlarmRule(AlarmKind.HIGH, 50.0, "oven")])


def test_two_rules_of_one_kind_for_one_sensor_are_refused():
    with pytest.raises(InvalidRule, match="^fridge has two high rules: keep one$"):
        check_rules([AlarmRule(AlarmKind.HIGH, 30.0, "fridge"), AlarmRule(AlarmKind.HIGH, 40.0, "fridge")])


def test_a_sensor_follows_its_own_rule_else_the_default_of_that_kind():
    default_high, default_silent = AlarmRule(AlarmKind.HIGH, 30.0, id=1), AlarmRule(AlarmKind.SILENT, 60.0, id=2)
    own_high = AlarmRule(AlarmKind.HIGH, 8.0, "fridge", id=3)
    rules = [default_high, own_high, default_silent]
    assert rules_for("fridge", rules) == [own_high, default_silent]
    assert rules_for("oven", rules) == [default_high, default_silent]


def test_a_rule_reads_as_a_line_of_alarms_list():
    rule = AlarmRule(AlarmKind.HIGH, 30.0, hysteresis=0.5, min_duration=10.0)
    assert rule.describe() == "high above 30 °C, hysteresis 0.5 °C, for 10 s"
    assert AlarmRule(AlarmKind.SILENT, 120.0).describe() == "silent for more than 120 s"
