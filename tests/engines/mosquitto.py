"""The tests' Mosquitto: app/bench/mosquitto.py's broker, skipped (or failed on CI) where it is not installed."""

from __future__ import annotations

from app.bench import mosquitto
from tests.engines import missing


class Mosquitto(mosquitto.Mosquitto):
    def __enter__(self) -> Mosquitto:
        try:
            super().__enter__()
        except mosquitto.MosquittoMissing:
            missing("Mosquitto", mosquitto.PACKAGE)
        return self
