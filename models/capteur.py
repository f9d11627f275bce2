"""`Capteur`, the exercise's sensor base class: an identifier and `mesurer()`, nothing about networks.

What every sensor shares lives here (its id, the value model, the seeded generator); how a reading
travels is the business of subclasses such as `network.sensors.capteur_tcp.CapteurTCP`. So a test, a chart
preview or another transport can take measurements without opening a socket.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from typing import NamedTuple

from models.reading import InvalidReading, validate_capteur_id
from models.value_models import DEFAULT_MODEL, ValueModel, make_model

# A real sensor's resolution; it also keeps every line on the wire short.
DECIMALS = 3


class CapteurError(ValueError):
    """A sensor that cannot be made as asked; the message says what to change."""


class Measurement(NamedTuple):
    capteur_id: str
    temperature: float
    """Degrees Celsius."""
    timestamp: float
    """Unix seconds (UTC) when it was measured."""


class Capteur:
    """A sensor: `capteur_id` names it, `mesurer()` takes one measurement from its value model.

    `model` may be replaced at any time, from any thread (the next measurement uses the new one).
    With a `seed`, the same measurement times give the same values.
    """

    def __init__(
        self,
        capteur_id: str,
        model: ValueModel | str = DEFAULT_MODEL,
        seed: int | None = None,
        clock: Callable[[], float] = time.time,
    ):
        self.capteur_id = check_capteur_id(capteur_id)
        self.model = make_model(model) if isinstance(model, str) else model
        self._random = random.Random(seed)
        self._clock = clock

    def mesurer(self, at: float | None = None) -> Measurement:
        """One measurement, taken now or, for a sensor that keeps a schedule, at `at` (Unix seconds)."""
        timestamp = self._clock() if at is None else at
        return Measurement(self.capteur_id, round(self.model.sample(timestamp, self._random), DECIMALS), timestamp)


def check_capteur_id(capteur_id: str) -> str:
    """The id docs/protocol.md allows, or CapteurError with the rule it breaks."""
    try:
        return validate_capteur_id(capteur_id)
    except InvalidReading as error:
        raise CapteurError(f"{capteur_id!r} cannot be a capteur_id: {error.reason}") from None
