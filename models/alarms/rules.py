"""Alarm rules: a high or a low threshold with hysteresis, or a silence, for one sensor or for all.

A rule for all sensors (`sensor` None) is the default: a sensor with a rule of the same kind of its own
follows that one instead. Each rule is checked alone (`AlarmRule.check`) and with the others it will
live beside (`check_rules`), and every refusal is one sentence that says what to change.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from models.reading import InvalidReading, validate_capteur_id


class AlarmKind(StrEnum):
    HIGH = "high"
    """Raised when a reading is above the threshold (°C); cleared once one is at or below threshold - hysteresis."""
    LOW = "low"
    """Raised when a reading is below the threshold (°C); cleared once one is at or above threshold + hysteresis."""
    SILENT = "silent"
    """Raised when a sensor has sent nothing for more than the threshold (seconds); cleared by its next reading."""


ALL_SENSORS = "all sensors"
"""How a sentence names the scope of a rule for every sensor."""


class InvalidRule(ValueError):
    """A rule that cannot be kept; the message is one sentence that says what to change."""


@dataclass(frozen=True)
class AlarmRule:
    kind: AlarmKind
    threshold: float
    """°C for a high or a low rule; seconds without a reading for a silence rule."""
    sensor: str | None = None
    """The sensor it watches; None for every sensor without a rule of this kind of its own."""
    hysteresis: float = 0.0
    """°C a value must come back inside the threshold by before the alarm clears (high and low rules):
    a value wavering around the threshold raises one alarm, not one per reading."""
    min_duration: float = 0.0
    """Seconds the condition must hold before the alarm is raised: one spike raises nothing."""
    id: int | None = None
    """Given by the database; None until the rule is saved."""

    @property
    def scope(self) -> str:
        return self.sensor if self.sensor is not None else ALL_SENSORS

    def beyond(self, value: float) -> bool:
        """The value breaks a high or a low rule."""
        return value > self.threshold if self.kind is AlarmKind.HIGH else value < self.threshold

    def back(self, value: float) -> bool:
        """The value is back inside by the hysteresis: the alarm of a high or a low rule clears."""
        if self.kind is AlarmKind.HIGH:
            return value <= self.threshold - self.hysteresis
        return value >= self.threshold + self.hysteresis

    def describe(self) -> str:
        """`high above 30 °C, hysteresis 0.5 °C, for 10 s`: the rule in a line of `alarms list`."""
        if self.kind is AlarmKind.SILENT:
            words = f"silent for more than {self.threshold:g} s"
        else:
            words = f"{self.kind} {'above' if self.kind is AlarmKind.HIGH else 'below'} {self.threshold:g} °C"
            if self.hysteresis:
                words += f", hysteresis {self.hysteresis:g} °C"
        return words + (f", for {self.min_duration:g} s" if self.min_duration else "")

    def check(self) -> AlarmRule:
        """This rule, or InvalidRule with one sentence."""
        if not isinstance(self.kind, AlarmKind):
            raise InvalidRule(f"unknown alarm kind {self.kind}: choose high, low or silent")
        if self.sensor is not None:
            try:
                validate_capteur_id(self.sensor, "sensor")
            except InvalidReading as error:
                raise InvalidRule(error.reason) from None
        for words, value in (
            ("the threshold", self.threshold),
            ("the hysteresis", self.hysteresis),
            ("the minimum duration", self.min_duration),
        ):
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
                raise InvalidRule(f"{words} must be a finite number, got {value!r}")
        if self.hysteresis < 0:
            raise InvalidRule(f"the hysteresis must be 0 °C or more, got {self.hysteresis:g}")
        if self.min_duration < 0:
            raise InvalidRule(f"the minimum duration must be 0 s or more, got {self.min_duration:g}")
        if self.kind is AlarmKind.SILENT:
            if self.threshold <= 0:
                raise InvalidRule(f"a silence must last more than 0 s, got {self.threshold:g}")
            if self.hysteresis:
                raise InvalidRule("a silence rule has no hysteresis: give it to a high or a low rule")
        elif self.threshold < -273.15:
            raise InvalidRule(f"a threshold cannot be below absolute zero (-273.15 °C), got {self.threshold:g}")
        return self


def check_rules(rules: Iterable[AlarmRule]) -> list[AlarmRule]:
    """The rules, each checked, with no two of one kind for one scope and every low below its high."""
    rules = [rule.check() for rule in rules]
    seen: dict[tuple[str | None, AlarmKind], AlarmRule] = {}
    for rule in rules:
        if (rule.sensor, rule.kind) in seen:
            raise InvalidRule(f"{rule.scope} has two {rule.kind} rules: keep one")
        seen[rule.sensor, rule.kind] = rule
    for sensor in {rule.sensor for rule in rules}:
        high = seen.get((sensor, AlarmKind.HIGH)) or seen.get((None, AlarmKind.HIGH))
        low = seen.get((sensor, AlarmKind.LOW)) or seen.get((None, AlarmKind.LOW))
        if high is not None and low is not None and not low.threshold < high.threshold:
            scope = sensor if sensor is not None else ALL_SENSORS
            raise InvalidRule(
                f"the low threshold ({low.threshold:g} °C) must be below the high threshold ({high.threshold:g} °C) for {scope}"
            )
    return rules


def rules_for(sensor: str, rules: Iterable[AlarmRule]) -> list[AlarmRule]:
    """The rules that watch `sensor`: of each kind, its own rule, else the rule for all sensors."""
    chosen: dict[AlarmKind, AlarmRule] = {}
    for rule in rules:
        if rule.sensor == sensor or (rule.sensor is None and rule.kind not in chosen):
            chosen[rule.kind] = rule
    return list(chosen.values())
