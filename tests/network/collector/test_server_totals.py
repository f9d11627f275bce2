"""The server's figures: readings per second steady for steady sensors, and the readings in storage
counted across restarts."""

import time

import pytest

from models.reading import Reading
from models.server_state import ServerMonitor
from models.value_models import Constant
from network.sensors.fleet import Fleet
from tests.sensor_support import wait_until
from tests.support import LineClient, running_server


class Clock:
    """Time that moves only when a test says so."""

    def __init__(self):
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_readings_per_second_stay_steady_whatever_side_of_a_sample_they_fall(monkeypatch):
    # 9 sensors at 2 readings/s, in step (18/s), watched every half second by a timer that runs late by
    # up to a tenth of a second: each half second holds 0, 1 or 2 of their rounds.
    clock = Clock()
    monitor = ServerMonitor(rate_clock=clock)
    connection = monitor.connection_opened("127.0.0.1:1", "client")
    rates = []
    next_round, next_sample = 0.0, 0.5
    lateness = [0.0, 0.1, 0.0, 0.05, 0.1, 0.0]
    for step in range(1, 400):
        clock.now = 1000.0 + step * 0.05
        if step * 0.05 >= next_round:
            monitor.readings_received(connection, [Reading("c", 20.0, clock.now)] * 9, clock.now)
            next_round += 0.5
        if step * 0.05 >= next_sample:
            rates.append(monitor.totals().per_second)
            next_sample += 0.5 + lateness[len(rates) % len(lateness)]
    steady = rates[len(rates) // 3 :]
    assert min(steady) >= 16 and max(steady) <= 20


def test_the_first_figure_counts_from_the_start():
    clock = Clock()
    monitor = ServerMonitor(rate_clock=clock)
    connection = monitor.connection_opened("127.0.0.1:1", "client")
    monitor.readings_received(connection, [Reading("c", 20.0, clock.now)] * 10, clock.now)
    clock.now += 5.0
    assert monitor.totals().per_second == 2.0


@pytest.mark.parametrize("text_file", [False, True])
def test_readings_in_storage_count_what_was_there_before_the_start(tmp_path, text_file):
    path = tmp_path / ("donnees.txt" if text_file else "mesures.db")
    with running_server(path, text_file) as server, LineClient(server.address) as sensor:
        sensor.send(*({"capteur_id": "c", "temperature": 20 + i, "seq": i} for i in range(5)))
        [sensor.answer() for _ in range(5)]
    with running_server(path, text_file) as server, LineClient(server.address) as sensor:
        assert (server.monitor.totals().in_storage, server.monitor.totals().stored) == (5, 0)
        sensor.send(*({"capteur_id": "c", "temperature": 30 + i, "seq": i} for i in range(3)))
        [sensor.answer() for _ in range(3)]
        totals = server.monitor.totals()
    assert (totals.in_storage, totals.stored) == (8, 3)


def test_real_sensors_at_eighteen_readings_a_second_read_as_eighteen(server):
    fleet = Fleet.create(6, "127.0.0.1", server.address[1], 3.0, Constant(value=20.0))
    rates: list[tuple[float, float]] = []

    def watched(until: float) -> bool:
        rates.append((time.monotonic(), server.monitor.totals().per_second))
        return rates[-1][0] >= until

    fleet.start()
    try:
        began = time.monotonic()
        wait_until(lambda: watched(began + 8), "eight seconds of readings")
    finally:
        fleet.stop()
    steady = [rate for at, rate in rates if at >= began + 6]
    assert min(steady) >= 16 and max(steady) <= 20
