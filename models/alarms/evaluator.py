"""The rules applied to readings, a batch at a time, and to silences, at each tick of a clock.

`observe()` takes everything one commit stored; `tick()` raises what time alone raises (a silence, a
condition held for its minimum duration). Neither is called per reading: a batch of readings is
grouped by sensor once, and a sensor whose alarms are quiet and whose values all lie inside its
thresholds costs a `max()` and a `min()`. Every change is handed to `record` (which stores it and
gives it its id, or None when another collector stored it first) and returned, in order. The clock
is injected, so tests move time by hand.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from models.alarms.events import AlarmEvent
from models.alarms.rules import AlarmKind, AlarmRule, rules_for
from models.reading import Reading


@dataclass
class _Watch:
    """One rule on one sensor."""

    since: float | None = None
    """When the condition began to hold; None while it does not (or once its alarm is raised)."""
    value: float = 0.0
    """The latest value that broke the rule while `since` waits for the minimum duration."""
    active: AlarmEvent | None = None


class AlarmEvaluator:
    def __init__(
        self,
        rules: Iterable[AlarmRule] = (),
        active: Iterable[AlarmEvent] = (),
        record: Callable[[AlarmEvent], AlarmEvent | None] | None = None,
        clock: Callable[[], float] = time.time,
    ):
        """`active`: the alarms still raised when the server last stopped; they stay raised, not raised again."""
        self._clock = clock
        self._record = record or (lambda event: event)
        self._rules: list[AlarmRule] = []
        self._watches: dict[tuple[str, int | None], _Watch] = {}
        self._last_seen: dict[str, float] = {}
        """When each sensor watched for silence last sent a reading (or when the watch began)."""
        now = clock()
        for event in active:
            self._watches[event.sensor, event.rule_id] = _Watch(active=event)
            if event.kind is AlarmKind.SILENT:
                self._last_seen[event.sensor] = now
        self._changes: list[AlarmEvent] = []
        self.set_rules(rules)

    @property
    def rules(self) -> list[AlarmRule]:
        return list(self._rules)

    def active(self) -> list[AlarmEvent]:
        return [watch.active for watch in self._watches.values() if watch.active is not None]

    def set_rules(self, rules: Iterable[AlarmRule]) -> list[AlarmEvent]:
        """New rules; an alarm whose rule is gone is cleared, one whose rule changed stays raised until the new
        rule clears it."""
        self._rules = list(rules)
        self._by_sensor: dict[str, tuple[list[AlarmRule], list[AlarmRule]]] = {}
        """Per sensor seen: its (high and low rules, silence rules); filled as sensors appear."""
        self._silence_anywhere = any(rule.kind is AlarmKind.SILENT for rule in self._rules)
        now = self._clock()
        for rule in self._rules:
            if rule.kind is AlarmKind.SILENT and rule.sensor is not None:
                self._last_seen.setdefault(rule.sensor, now)
        for (sensor, rule_id), watch in list(self._watches.items()):
            bounds, silences = self._sensor_rules(sensor)
            if all(rule.id != rule_id for rule in bounds + silences):
                # Removed, or no longer the sensor's: a rule of its own took over from the default.
                del self._watches[sensor, rule_id]
                if watch.active is not None:
                    self._change(replace(watch.active, cleared_at=now))
            else:
                watch.since = None
        return self._take_changes()

    def observe(self, readings: Iterable[Reading], at: float) -> list[AlarmEvent]:
        """The readings of one writer turn, received at `at`, in the order they arrived."""
        if not self._rules:
            return []
        values: defaultdict[str, list[float]] = defaultdict(list)
        for reading in readings:
            values[reading.capteur_id].append(reading.temperature)
        for sensor, sensor_values in values.items():
            bounds, silences = self._sensor_rules(sensor)
            if silences:
                self._heard(sensor, silences, at)
            if bounds:
                self._check_values(sensor, bounds, sensor_values, at)
        return self._take_changes()

    def tick(self, now: float | None = None) -> list[AlarmEvent]:
        """Raise what time raises: silences, and conditions that have now held for their minimum duration."""
        now = self._clock() if now is None else now
        for (sensor, rule_id), watch in self._watches.items():
            if watch.since is not None and watch.active is None:
                rule = self._rule(sensor, rule_id)
                if rule is not None and rule.kind is not AlarmKind.SILENT and now - watch.since >= rule.min_duration:
                    self._raise(sensor, rule, watch, watch.value, now)
        if self._silence_anywhere:
            for sensor, seen in self._last_seen.items():
                for rule in self._sensor_rules(sensor)[1]:
                    self._check_silence(sensor, rule, seen, now)
        return self._take_changes()

    def _sensor_rules(self, sensor: str) -> tuple[list[AlarmRule], list[AlarmRule]]:
        found = self._by_sensor.get(sensor)
        if found is None:
            mine = rules_for(sensor, self._rules)
            found = [r for r in mine if r.kind is not AlarmKind.SILENT], [r for r in mine if r.kind is AlarmKind.SILENT]
            self._by_sensor[sensor] = found
        return found

    def _rule(self, sensor: str, rule_id: int | None) -> AlarmRule | None:
        return next((rule for rule in self._sensor_rules(sensor)[0] if rule.id == rule_id), None)

    def _check_values(self, sensor: str, rules: list[AlarmRule], values: list[float], at: float) -> None:
        highest = lowest = None
        for rule in rules:
            watch = self._watches.get((sensor, rule.id))
            if watch is None or (watch.active is None and watch.since is None):
                # The usual case: nothing raised, nothing pending, every value inside.
                if rule.kind is AlarmKind.HIGH:
                    highest = max(values) if highest is None else highest
                    if highest <= rule.threshold:
                        continue
                else:
                    lowest = min(values) if lowest is None else lowest
                    if lowest >= rule.threshold:
                        continue
                watch = self._watches.setdefault((sensor, rule.id), _Watch())
            for value in values:
                if watch.active is not None:
                    if rule.back(value):
                        self._change(replace(watch.active, cleared_at=at))
                        watch.active = None
                elif rule.beyond(value):
                    if watch.since is None:
                        watch.since = at
                    watch.value = value
                    if at - watch.since >= rule.min_duration:
                        self._raise(sensor, rule, watch, value, at)
                else:
                    watch.since = None

    def _heard(self, sensor: str, rules: list[AlarmRule], at: float) -> None:
        self._last_seen[sensor] = at
        for rule in rules:
            watch = self._watches.get((sensor, rule.id))
            if watch is not None and watch.active is not None:
                self._change(replace(watch.active, cleared_at=at))
                watch.active = None

    def _check_silence(self, sensor: str, rule: AlarmRule, seen: float, now: float) -> None:
        key = (sensor, rule.id)
        watch = self._watches.get(key)
        if watch is not None and watch.active is not None:
            return
        silent_for = now - seen
        if silent_for > rule.threshold and silent_for - rule.threshold >= rule.min_duration:
            self._raise(sensor, rule, self._watches.setdefault(key, _Watch()), round(silent_for, 1), now)

    def _raise(self, sensor: str, rule: AlarmRule, watch: _Watch, value: float, at: float) -> None:
        assert rule.id is not None, "only saved rules are evaluated"
        watch.since = None
        watch.active = self._change(AlarmEvent(sensor, rule.id, rule.kind, rule.threshold, value, at))

    def _change(self, event: AlarmEvent) -> AlarmEvent:
        recorded = self._record(event)
        if recorded is None:
            # Another collector on the same database told this change first: held here, told once.
            return event
        self._changes.append(recorded)
        return recorded

    def _take_changes(self) -> list[AlarmEvent]:
        changes, self._changes = self._changes, []
        return changes
