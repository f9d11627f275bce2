"""Helpers for tests of simulated sensors: waiting for a condition, free ports, sensors that are
always stopped."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Callable

from network.sensors.capteur_tcp import CapteurTCP
from tests.support import TIMEOUT


def wait_until(condition: Callable[[], object], what: str, timeout: float = TIMEOUT) -> None:
    """Return as soon as `condition()` is true; fail the test if it is still false after `timeout` s."""
    deadline = time.monotonic() + timeout
    pause = threading.Event()
    while not condition():
        assert time.monotonic() < deadline, f"gave up after {timeout:g} s waiting for {what}"
        pause.wait(0.01)


def free_port() -> int:
    """A port of 127.0.0.1 that nothing listens on (bound, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def started(sensor: CapteurTCP):
    sensor.start()
    try:
        yield sensor
    finally:
        sensor.stop()


def sensor_for(server, **options) -> CapteurTCP:
    """capteur_1 at 1,000 readings/s to `server`, unless told otherwise."""
    options.setdefault("rate", 1000)
    return CapteurTCP(options.pop("capteur_id", "capteur_1"), "127.0.0.1", server.address[1], **options)


def assert_stops_within_a_second(sensor: CapteurTCP) -> None:
    started_at = time.monotonic()
    sensor.stop()
    assert time.monotonic() - started_at < 1.0
    assert not sensor.running
