"""CapteurTCP against real servers on 127.0.0.1: delivery, timestamps, controls while it runs, resending."""

import time
from itertools import pairwise

import pytest

from models.value_models import Constant, make_model
from network.sensors.capteur_tcp import CapteurTCP, State
from network.sensors.schedule import Backoff
from tests.sensor_support import free_port, sensor_for, started, wait_until
from tests.support import running_server, stored_rows


def test_each_reading_is_acked_and_stored_once_with_its_measurement_time(server, tmp_path):
    sensor = sensor_for(server, rate=2000, count=300, model=Constant(value=21.5))
    with started(sensor):
        assert sensor.join(10)
    status = sensor.status()
    assert (status.state, status.measured, status.sent, status.acked, status.buffered) == (State.STOPPED, 300, 300, 300, 0)
    assert (status.dropped, status.resent, status.errors, status.last_error) == (0, 0, 0, None)
    rows = stored_rows(tmp_path / "mesures.db")
    assert {(capteur_id, temperature) for capteur_id, temperature, _ in rows} == {("capteur_1", 21.5)}
    timestamps = [timestamp for _, _, timestamp in rows]
    assert len(set(timestamps)) == 300
    assert [b - a for a, b in pairwise(timestamps)] == pytest.approx([1 / 2000] * 299, abs=1e-6)
    assert abs(timestamps[0] - time.time()) < 30


def test_a_fast_sensor_keeps_up_at_ten_thousand_readings_a_second(server):
    sensor = sensor_for(server, rate=10_000, count=10_000)
    with started(sensor):
        assert sensor.join(10)
    assert sensor.status().acked == 10_000
    # One write per turn, not one per reading: the server receives far fewer chunks than readings.
    assert server.storage.commits < 2_000


def test_acks_and_refusals_mixed_in_one_reply_are_matched_in_order(server, tmp_path):
    # Half the readings spike, half of those below absolute zero: the server refuses about a quarter.
    model = make_model("constant", value=-250, spike_rate=0.5, spike_size=40)
    sensor = sensor_for(server, rate=5000, count=2000, model=model, seed=4)
    with started(sensor):
        assert sensor.join(10)
    status = sensor.status()
    stored = [row[1] for row in stored_rows(tmp_path / "mesures.db")]
    assert 400 < status.rejected < 600
    assert status.acked + status.rejected == 2000
    assert len(stored) == status.acked and set(stored) == {-250, -210}


def test_a_duration_bounds_the_measuring(server):
    sensor = sensor_for(server, rate=1000, duration=0.2, model=make_model("sine"))
    with started(sensor):
        assert sensor.join(5)
    assert sensor.status().acked == 200


def test_a_new_rate_applies_at_once(server):
    sensor = sensor_for(server, rate=0.01, count=50)
    with started(sensor):
        wait_until(lambda: sensor.status().acked == 1, "the first reading")
        sensor.set_rate(5000)
        assert sensor.join(5), "at 0.01 Hz the second reading alone would take 100 s"


def test_paused_it_measures_nothing_and_resumed_it_goes_on(server, tmp_path):
    sensor = sensor_for(server, rate=500, count=400)
    with started(sensor):
        wait_until(lambda: sensor.status().acked > 50, "some readings")
        sensor.pause()
        wait_until(lambda: sensor.status().state == State.PAUSED, "the pause")
        wait_until(lambda: sensor.status().buffered == 0, "what was measured to be delivered")
        measured = sensor.status().measured
        sensor.set_rate(5000)
        assert sensor.status().measured == measured
        sensor.resume()
        assert sensor.join(10)
    timestamps = [row[2] for row in stored_rows(tmp_path / "mesures.db")]
    assert len(timestamps) == 400
    assert timestamps == sorted(timestamps)


def test_the_model_can_be_changed_while_it_runs(server, tmp_path):
    sensor = sensor_for(server, rate=2000, count=2000, model=Constant(value=1))
    with started(sensor):
        wait_until(lambda: sensor.status().measured > 100, "some readings")
        sensor.model = Constant(value=42)
        assert sensor.join(10)
    temperatures = [row[1] for row in stored_rows(tmp_path / "mesures.db")]
    assert temperatures[0] == 1 and temperatures[-1] == 42
    assert temperatures == sorted(temperatures)


def test_with_the_right_token_readings_are_stored(tmp_path):
    with running_server(tmp_path / "m.db", token="s3cret") as server:
        sensor = sensor_for(server, token="s3cret", count=100)
        with started(sensor):
            assert sensor.join(10)
    assert sensor.status().acked == 100
    assert len(stored_rows(tmp_path / "m.db")) == 100


def test_readings_measured_before_the_server_starts_are_delivered_once_it_does(tmp_path):
    port = free_port()
    sensor = CapteurTCP("capteur_1", "127.0.0.1", port, rate=1000, count=500, backoff=Backoff(initial=0.05, cap=0.2))
    with started(sensor):
        wait_until(lambda: sensor.status().errors >= 2, "a few refused connections")
        with running_server(tmp_path / "m.db", port=port):
            assert sensor.join(10)
    assert sensor.status().acked == 500
    assert len(stored_rows(tmp_path / "m.db")) == 500


def test_a_restarted_server_gets_what_was_not_acked_and_stores_nothing_twice(tmp_path):
    port = free_port()
    path = tmp_path / "m.db"
    sensor = CapteurTCP("capteur_1", "127.0.0.1", port, rate=5000, count=6000, backoff=Backoff(initial=0.05, cap=0.2))
    with started(sensor):
        with running_server(path, port=port):
            wait_until(lambda: sensor.status().acked > 1000, "the first readings")
        with running_server(path, port=port):
            assert sensor.join(10)
    status = sensor.status()
    assert (status.acked, status.dropped, status.buffered) == (6000, 0, 0)
    assert status.errors >= 1
    rows = stored_rows(path)
    assert len(rows) == len({row[2] for row in rows}) == 6000


def test_a_stopped_sensor_counts_the_ack_of_its_last_reading(server):
    # At 1 reading/s the reply waits for the next turn (REPLY_DELAY): stopping before it must not lose it.
    sensor = sensor_for(server, rate=1, model=Constant(value=20.0))
    with started(sensor):
        wait_until(lambda: server.storage.stored == 1, "the first reading to be stored")
        sensor.stop()
        status = sensor.status()
    assert (status.state, status.sent, status.acked, status.buffered) == (State.STOPPED, 1, 1, 0)
