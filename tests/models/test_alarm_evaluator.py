"""Alarm rules applied to readings with a clock moved by hand: thresholds with hysteresis, minimum durations,
silences, rules changed while alarms are raised."""

import itertools
from dataclasses import replace

from models.alarms import AlarmEvaluator, AlarmKind, AlarmRule
from models.reading import Reading

T0 = 1_790_000_000.0
HIGH = AlarmRule(AlarmKind.HIGH, 30.0, "fridge", hysteresis=2.0, id=1)
LOW = AlarmRule(AlarmKind.LOW, 2.0, None, hysteresis=1.0, id=2)
SILENT = AlarmRule(AlarmKind.SILENT, 60.0, None, id=3)


class Clock:
    def __init__(self, now: float = T0):
        self.now = now

    def __call__(self) -> float:
        return self.now


def numbered():
    ids = itertools.count(100)
    return lambda event: replace(event, id=next(ids))


def values(sensor: str, *temperatures: float) -> list[Reading]:
    return [Reading(sensor, t, T0, None, False) for t in temperatures]


def states(changes) -> list[tuple]:
    return [(event.sensor, event.kind.value, event.state, event.value) for event in changes]


def test_a_high_threshold_raises_once_and_clears_only_below_the_hysteresis():
    evaluator = AlarmEvaluator([HIGH], clock=Clock())
    assert evaluator.observe(values("fridge", 25.0, 29.9, 30.0), T0) == []
    raised = evaluator.observe(values("fridge", 31.0, 35.0), T0 + 1)
    assert states(raised) == [("fridge", "high", "raised", 31.0)]
    assert raised[0].raised_at == T0 + 1
    # Wavering under the threshold but within the hysteresis keeps the one alarm raised.
    assert evaluator.observe(values("fridge", 29.0, 30.5, 28.5), T0 + 2) == []
    cleared = evaluator.observe(values("fridge", 28.0), T0 + 3)
    assert states(cleared) == [("fridge", "high", "cleared", 31.0)]
    assert (cleared[0].raised_at, cleared[0].cleared_at) == (T0 + 1, T0 + 3)
    assert evaluator.active() == []
    assert states(evaluator.observe(values("fridge", 40.0), T0 + 4)) == [("fridge", "high", "raised", 40.0)]


def test_a_low_threshold_for_all_sensors_watches_each_sensor_apart():
    evaluator = AlarmEvaluator([LOW], clock=Clock())
    changes = evaluator.observe(values("a", 1.5) + values("b", 5.0) + values("c", -3.0), T0)
    assert states(changes) == [("a", "low", "raised", 1.5), ("c", "low", "raised", -3.0)]
    assert states(evaluator.observe(values("a", 2.5) + values("c", 3.0), T0 + 1)) == [("c", "low", "cleared", -3.0)]


def test_a_spike_and_its_return_in_one_batch_are_both_told_in_order():
    evaluator = AlarmEvaluator([HIGH], clock=Clock())
    assert [e.state for e in evaluator.observe(values("fridge", 20.0, 50.0, 20.0), T0)] == ["raised", "cleared"]


def test_a_sensor_of_its_own_rule_ignores_the_default_of_the_same_kind():
    own_low = AlarmRule(AlarmKind.LOW, -20.0, "freezer", id=4)
    evaluator = AlarmEvaluator([LOW, own_low], clock=Clock())
    assert states(evaluator.observe(values("freezer", -18.0) + values("room", 1.0), T0)) == [("room", "low", "raised", 1.0)]
    assert states(evaluator.observe(values("freezer", -25.0), T0)) == [("freezer", "low", "raised", -25.0)]


def test_a_minimum_duration_ignores_a_spike_and_raises_what_lasts():
    clock = Clock()
    rule = replace(HIGH, min_duration=10.0)
    evaluator = AlarmEvaluator([rule], clock=clock)
    assert evaluator.observe(values("fridge", 35.0), T0) == []
    assert evaluator.observe(values("fridge", 20.0), T0 + 5) == []
    clock.now = T0 + 30
    assert evaluator.tick() == [], "the spike was over before its 10 s"
    assert evaluator.observe(values("fridge", 33.0), T0 + 40) == []
    assert evaluator.observe(values("fridge", 34.0), T0 + 45) == []
    raised = evaluator.observe(values("fridge", 36.0), T0 + 50)
    assert states(raised) == [("fridge", "high", "raised", 36.0)]
    assert raised[0].raised_at == T0 + 50


def test_a_minimum_duration_is_raised_by_the_clock_when_the_sensor_says_nothing_more():
    clock = Clock()
    evaluator = AlarmEvaluator([replace(HIGH, min_duration=10.0)], clock=clock)
    evaluator.observe(values("fridge", 35.0), T0)
    clock.now = T0 + 9
    assert evaluator.tick() == []
    clock.now = T0 + 10
    raised = evaluator.tick()
    assert states(raised) == [("fridge", "high", "raised", 35.0)]
    assert raised[0].raised_at == T0 + 10
    assert evaluator.tick() == []


def test_a_silence_is_raised_after_the_limit_and_cleared_by_the_next_reading():
    clock = Clock()
    evaluator = AlarmEvaluator([SILENT], clock=clock)
    evaluator.observe(values("a", 20.0) + values("b", 20.0), T0)
    clock.now = T0 + 50
    evaluator.observe(values("b", 20.0), T0 + 50)
    clock.now = T0 + 60
    assert evaluator.tick() == [], "silent for exactly the limit, not more"
    clock.now = T0 + 61
    assert states(evaluator.tick()) == [("a", "silent", "raised", 61.0)]
    assert evaluator.tick() == []
    clock.now = T0 + 111
    assert states(evaluator.tick()) == [("b", "silent", "raised", 61.0)]
    assert states(evaluator.observe(values("a", 21.0), T0 + 112)) == [("a", "silent", "cleared", 61.0)]


def test_a_silence_with_a_minimum_duration_waits_that_much_longer():
    clock = Clock()
    evaluator = AlarmEvaluator([replace(SILENT, min_duration=30.0)], clock=clock)
    evaluator.observe(values("a", 20.0), T0)
    clock.now = T0 + 89
    assert evaluator.tick() == []
    clock.now = T0 + 90
    assert states(evaluator.tick()) == [("a", "silent", "raised", 90.0)]


def test_a_sensor_named_by_a_silence_rule_is_watched_before_its_first_reading():
    clock = Clock()
    evaluator = AlarmEvaluator([replace(SILENT, sensor="never")], clock=clock)
    clock.now = T0 + 61
    assert states(evaluator.tick()) == [("never", "silent", "raised", 61.0)]


def test_alarms_raised_before_a_restart_stay_raised_and_are_not_raised_again():
    first = AlarmEvaluator([HIGH, SILENT], record=numbered(), clock=Clock())
    first.observe(values("fridge", 40.0), T0)
    clock = Clock(T0 + 100)
    silent = first.tick(T0 + 100)
    active = first.active()
    assert {(e.kind, e.id) for e in active} == {(AlarmKind.HIGH, 100), (AlarmKind.SILENT, 101)} and silent

    again = AlarmEvaluator([HIGH, SILENT], active=active, clock=clock)
    heard = again.observe(values("fridge", 41.0), T0 + 101)
    assert [(e.kind, e.state, e.id) for e in heard] == [(AlarmKind.SILENT, "cleared", 101)], "no second high alarm"
    cleared = again.observe(values("fridge", 20.0), T0 + 501)
    assert [(e.kind, e.state, e.id) for e in cleared] == [(AlarmKind.HIGH, "cleared", 100)]
    assert again.active() == []


def test_an_alarm_whose_rule_is_removed_is_cleared_and_a_changed_rule_keeps_its_alarm():
    clock = Clock()
    evaluator = AlarmEvaluator([HIGH, LOW], clock=clock)
    evaluator.observe(values("fridge", 40.0) + values("room", 0.0), T0)
    clock.now = T0 + 5
    changes = evaluator.set_rules([replace(HIGH, threshold=45.0)])
    assert [(e.sensor, e.state, e.cleared_at) for e in changes] == [("room", "cleared", T0 + 5)]
    assert evaluator.observe(values("fridge", 44.0), T0 + 6) == [], "raised under the old threshold, cleared by the new rule"
    assert [e.state for e in evaluator.observe(values("fridge", 43.0), T0 + 7)] == ["cleared"]


def test_without_rules_nothing_is_looked_at():
    evaluator = AlarmEvaluator(clock=Clock())
    assert evaluator.observe(values("a", 1e6), T0) == []
    assert evaluator.tick(T0 + 1e6) == []


def test_an_alarm_of_the_default_rule_clears_when_a_rule_of_the_sensors_own_takes_over():
    clock = Clock()
    evaluator = AlarmEvaluator([LOW], clock=clock)
    evaluator.observe(values("freezer", -18.0), T0)
    clock.now = T0 + 5
    cleared = evaluator.set_rules([LOW, AlarmRule(AlarmKind.LOW, -25.0, "freezer", id=7)])
    assert [(e.sensor, e.rule_id, e.state, e.cleared_at) for e in cleared] == [("freezer", 2, "cleared", T0 + 5)]
    assert evaluator.observe(values("freezer", -18.0), T0 + 6) == []
