"""What a simulated sensor measures: value models chosen by name, each with its parameters.

Every model takes `noise` (the standard deviation of Gaussian noise added to each value, °C) and
`spike_rate` / `spike_size` (the share of readings that are outliers, and how far from the true value
they land), so any curve can be made noisy or given the odd absurd value that a display must survive.
Randomness comes from the generator the caller passes: one seed gives one sequence.

    parse_model("sine:period=60,amplitude=3,noise=0.1")   # as typed on the command line
    make_model("walk", step=0.5)                           # as called from code
"""

from __future__ import annotations

import math
import random
from abc import ABC, abstractmethod
from dataclasses import dataclass, field, fields, replace
from typing import ClassVar


class ModelError(ValueError):
    """A model name or parameter that cannot be used; the message says what to change."""


@dataclass(kw_only=True)
class ValueModel(ABC):
    name: ClassVar[str]
    noise: float = 0.0
    spike_rate: float = 0.0
    spike_size: float = 25.0

    def __post_init__(self) -> None:
        for parameter in parameter_names(type(self)):
            value = getattr(self, parameter)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
                raise ModelError(f"{parameter} must be a finite number, got {value!r}")
        _require(self.noise >= 0, "noise must be 0 or more")
        _require(0 <= self.spike_rate <= 1, "spike_rate must be from 0 to 1 (a share of the readings)")
        self.check()

    def sample(self, t: float, rng: random.Random) -> float:
        """The value measured at `t` (Unix seconds), noise and spikes included."""
        value = self.value_at(t, rng)
        if self.noise:
            value += rng.gauss(0.0, self.noise)
        if self.spike_rate and rng.random() < self.spike_rate:
            value += self.spike_size if rng.random() < 0.5 else -self.spike_size
        return value

    @abstractmethod
    def value_at(self, t: float, rng: random.Random) -> float:
        """The model's own value at `t`, before noise and spikes."""

    def check(self) -> None:
        """Refuse parameters that make no sense together; raise ModelError."""

    def fresh(self) -> ValueModel:
        """The same model and parameters without the state of past samples, for another sensor."""
        return replace(self)


@dataclass(kw_only=True)
class Constant(ValueModel):
    name = "constant"
    value: float = 20.0

    def value_at(self, t: float, rng: random.Random) -> float:
        return self.value


@dataclass(kw_only=True)
class Manual(ValueModel):
    """The value the user last set: a window assigns `model.value` while the sensor runs."""

    name = "manual"
    value: float = 20.0

    def value_at(self, t: float, rng: random.Random) -> float:
        return self.value


@dataclass(kw_only=True)
class RandomWalk(ValueModel):
    """Each value moves from the last by a Gaussian step, bounced back inside [low, high]."""

    name = "walk"
    start: float = 20.0
    step: float = 0.1
    low: float = 0.0
    high: float = 40.0
    _value: float | None = field(default=None, init=False, repr=False)

    def check(self) -> None:
        _require(self.step > 0, "step must be above 0")
        _require(self.low < self.high, "low must be below high")
        _require(self.low <= self.start <= self.high, "start must be between low and high")

    def value_at(self, t: float, rng: random.Random) -> float:
        if self._value is None:
            self._value = self.start
            return self._value
        value = self._value + rng.gauss(0.0, self.step)
        # Reflecting rather than clamping keeps the walk from sticking to a bound.
        width = self.high - self.low
        offset = (value - self.low) % (2 * width)
        self._value = self.low + (offset if offset <= width else 2 * width - offset)
        return self._value


@dataclass(kw_only=True)
class Sine(ValueModel):
    """mean ± amplitude over `period` seconds, warmest `peak` seconds into each period (UTC).

    The defaults are a day-night cycle: a day long, warmest at 15:00 UTC, coldest at 03:00.
    """

    name = "sine"
    mean: float = 15.0
    amplitude: float = 5.0
    period: float = 86_400.0
    peak: float = 15 * 3600.0

    def check(self) -> None:
        _require(self.period > 0, "period must be above 0")
        _require(self.amplitude >= 0, "amplitude must be 0 or more")

    def value_at(self, t: float, rng: random.Random) -> float:
        return self.mean + self.amplitude * math.cos(2 * math.pi * (t - self.peak) / self.period)


@dataclass(kw_only=True)
class Ramp(ValueModel):
    """From `start` to `end` in `duration` seconds from the first reading, then again (a sawtooth)."""

    name = "ramp"
    start: float = 10.0
    end: float = 30.0
    duration: float = 600.0
    _origin: float | None = field(default=None, init=False, repr=False)

    def check(self) -> None:
        _require(self.duration > 0, "duration must be above 0")

    def value_at(self, t: float, rng: random.Random) -> float:
        if self._origin is None:
            self._origin = t
        share = ((t - self._origin) % self.duration) / self.duration
        return self.start + (self.end - self.start) * share


MODELS: dict[str, type[ValueModel]] = {model.name: model for model in (Constant, RandomWalk, Sine, Ramp, Manual)}
DEFAULT_MODEL = "walk"


def parameter_names(model: type[ValueModel]) -> list[str]:
    """The model's own parameters first, then those every model takes."""
    shared = [f.name for f in fields(ValueModel)]
    return [f.name for f in fields(model) if f.init and f.name not in shared] + shared


def make_model(name: str, **parameters: float) -> ValueModel:
    """A fresh model; ModelError names the unknown model or parameter, or the value refused."""
    model = MODELS.get(name)
    if model is None:
        raise ModelError(f"unknown model {name!r}: choose {_choices(list(MODELS))}")
    allowed = parameter_names(model)
    for parameter in parameters:
        if parameter not in allowed:
            raise ModelError(f"the {name} model has no parameter {parameter!r}: it takes {_choices(allowed)}")
    return model(**parameters)


def model_spec(model: ValueModel) -> str:
    """The model as `parse_model` reads it back, every parameter written out."""
    return f"{model.name}:" + ",".join(f"{name}={getattr(model, name)!r}" for name in parameter_names(type(model)))


def parse_model(text: str) -> ValueModel:
    """`NAME` or `NAME:key=value,key=value`, as in `sine:period=60,noise=0.2`."""
    name, _, rest = text.partition(":")
    parameters: dict[str, float] = {}
    for pair in filter(None, (part.strip() for part in rest.split(","))):
        key, equals, value = pair.partition("=")
        if not equals:
            raise ModelError(f"{pair!r} is not key=value: write parameters as in sine:period=60,amplitude=3")
        try:
            parameters[key.strip()] = float(value)
        except ValueError:
            raise ModelError(f"{key.strip()} must be a number, got {value.strip()!r}") from None
    return make_model(name.strip(), **parameters)


def _choices(names: list[str]) -> str:
    return ", ".join(names[:-1]) + " or " + names[-1]


def _require(condition: bool, sentence: str) -> None:
    if not condition:
        raise ModelError(sentence)
