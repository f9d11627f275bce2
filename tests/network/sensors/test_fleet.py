"""Fleet: many sensor threads built, refused, driven and stopped together."""

import threading
import time

import pytest

from models.capteur import CapteurError
from models.value_models import Constant, make_model
from network.sensors.capteur_tcp import CapteurTCP, State
from network.sensors.fleet import Fleet
from network.sensors.schedule import Backoff
from tests.sensor_support import free_port, wait_until
from tests.support import stored_rows


def test_every_sensor_delivers_its_readings_under_its_own_id(server, tmp_path):
    fleet = Fleet.create(5, "127.0.0.1", server.address[1], 1000, make_model("walk"), count=40, seed=1)
    fleet.start()
    assert fleet.wait(10)
    fleet.stop()
    status = fleet.status()
    assert (status.sensors, status.running, status.measured, status.acked, status.complete) == (5, 0, 200, 200, True)
    assert status.states == {"stopped": 5}
    ids = [row[0] for row in stored_rows(tmp_path / "mesures.db")]
    assert {f"capteur_{n}": ids.count(f"capteur_{n}") for n in range(1, 6)} == {f"capteur_{n}": 40 for n in range(1, 6)}


def test_seeded_fleets_are_reproducible_and_their_sensors_differ():
    def values(seed):
        fleet = Fleet.create(3, "127.0.0.1", 1, 1, make_model("walk", noise=1), seed=seed)
        return [[sensor.mesurer(at=float(t)).temperature for t in range(20)] for sensor in fleet.sensors]

    first = values(9)
    assert first == values(9)
    assert first[0] != first[1]


@pytest.mark.parametrize(
    ("options", "sentence"),
    [
        ({"rate": 0}, "rate must be from 0.01 to 10,000 readings per second, got 0"),
        ({"prefix": "p" * 64}, f"'{'p' * 64}1' cannot be a capteur_id: capteur_id must be at most 64 characters"),
        ({"sensors": 0}, "a fleet needs 1 sensor or more, got 0"),
    ],
)
def test_a_bad_setting_is_refused_before_any_thread_starts(options, sentence):
    settings = {"sensors": 3, "host": "127.0.0.1", "port": 1, "rate": 1, "model": Constant(), **options}
    threads = threading.active_count()
    with pytest.raises(CapteurError) as refused:
        Fleet.create(**settings)
    assert str(refused.value) == sentence
    assert threading.active_count() == threads


def test_controls_reach_every_sensor(server):
    fleet = Fleet.create(4, "127.0.0.1", server.address[1], 200, Constant(value=1))
    fleet.start()
    try:
        fleet.pause()
        wait_until(lambda: fleet.status().states == {"paused": 4}, "every sensor paused")
        fleet.set_rate(300)
        fleet.set_model(Constant(value=2))
        fleet.resume()
        wait_until(lambda: fleet.status().states == {"sending": 4}, "every sensor sending again")
        assert {sensor.rate for sensor in fleet.sensors} == {300}
        assert len({id(sensor.model) for sensor in fleet.sensors}) == 4, "each sensor has a model of its own"
    finally:
        fleet.stop()


def test_a_hundred_sensors_backing_off_stop_within_a_second():
    port = free_port()
    fleet = Fleet([CapteurTCP(f"c{n}", "127.0.0.1", port, 10, backoff=Backoff(initial=30, cap=30)) for n in range(100)])
    fleet.start()
    wait_until(lambda: fleet.status().states == {"backing off": 100}, "every sensor backing off")
    started = time.monotonic()
    fleet.stop()
    assert time.monotonic() - started < 1.0
    status = fleet.status()
    assert (status.running, status.errors, status.complete) == (0, 100, False)
    assert status.states == {State.STOPPED.value: 100}


def test_running_out_of_threads_stops_the_sensors_already_started(monkeypatch):
    port = free_port()
    fleet = Fleet([CapteurTCP(f"c{n}", "127.0.0.1", port, 10, backoff=Backoff(initial=30, cap=30)) for n in range(1, 4)])
    start = threading.Thread.start

    def start_but_the_third(thread):
        if thread.name == "capteur c3":
            raise RuntimeError("can't start new thread")
        start(thread)

    monkeypatch.setattr(threading.Thread, "start", start_but_the_third)
    with pytest.raises(CapteurError) as refused:
        fleet.start()
    assert str(refused.value) == "no thread could be started for c3: run fewer sensors"
    assert fleet.status().running == 0
