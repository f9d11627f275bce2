"""CityCapteur: a city's real temperature, from the OpenWeatherMap fixtures served on 127.0.0.1, into a real ServeurTCP."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import pytest

from models.capteur import CapteurError
from network.sensors.city_sensor import CityCapteur
from network.sensors.fleet import Fleet
from network.sensors.sensor_status import State
from tests.sensor_support import free_port, wait_until
from tests.support import running_server, stored_rows
from tests.weather_stub import KEY, openweathermap_stub


@pytest.fixture
def stub():
    with openweathermap_stub() as stub:
        yield stub


def city_sensor(stub, port, city="Orsay", key=KEY, **options) -> CityCapteur:
    return CityCapteur(city, city, "127.0.0.1", port, key, base_url=stub.base_url, **options)


def test_it_reports_the_temperature_observed_with_the_time_of_the_observation(stub, server, tmp_path):
    sensor = city_sensor(stub, server.address[1])
    sensor.start()
    try:
        wait_until(lambda: sensor.status().acked == 1, "the first report")
        status = sensor.status()
        assert (status.state, status.measured, status.sent, status.errors) == (State.SENDING, 1, 1, 0)
    finally:
        sensor.stop()
    observed = datetime(2021, 11, 6, 20, 49, 19, tzinfo=UTC).timestamp()
    assert stored_rows(tmp_path / "mesures.db") == [("Orsay", 5.78, observed)]
    assert stub.requests and all("appid=" in request for request in stub.requests)


def test_a_weather_failure_is_said_and_it_waits_to_try_again(stub, server):
    sensor = city_sensor(stub, server.address[1], key="wrong-key")
    sensor.start()
    try:
        wait_until(lambda: sensor.status().errors == 1, "the refusal")
        status = sensor.status()
        assert status.state == State.BACKING_OFF and status.sent == 0
        assert status.last_error == (
            "no weather for Orsay: OpenWeatherMap refused the API key (401): "
            "check it; a new key can take a few hours to be accepted"
        )
    finally:
        sensor.stop()


def test_no_server_is_said_in_one_sentence(stub):
    port = free_port()
    sensor = city_sensor(stub, port)
    sensor.start()
    try:
        wait_until(lambda: sensor.status().errors == 1, "the failed send")
        assert sensor.status().last_error == f"no server listens on 127.0.0.1:{port}: start one with `python main.py server`"
        assert sensor.status().acked == 0
    finally:
        sensor.stop()


def test_it_stops_within_a_second_while_it_waits_for_the_next_report(stub, server):
    sensor = city_sensor(stub, server.address[1])
    sensor.start()
    wait_until(lambda: sensor.status().acked == 1, "the first report")
    started = time.monotonic()
    sensor.stop()
    assert time.monotonic() - started < 1.0
    assert not sensor.running and sensor.status().state == State.STOPPED


def test_in_a_fleet_finishing_ends_it_once_its_report_is_answered(stub, server, tmp_path):
    sensor = city_sensor(stub, server.address[1])
    fleet = Fleet([sensor])
    fleet.start()
    try:
        wait_until(lambda: sensor.status().acked == 1, "the first report")
        fleet.finish()
        assert fleet.wait(1.0) and not sensor.running
    finally:
        fleet.stop()
    assert fleet.status().complete
    assert [row[0] for row in stored_rows(tmp_path / "mesures.db")] == ["Orsay"]


def test_paused_it_says_so_and_resumed_it_waits_for_its_turn(stub, server):
    sensor = city_sensor(stub, server.address[1])
    sensor.start()
    try:
        wait_until(lambda: sensor.status().acked == 1, "the first report")
        sensor.pause()
        assert sensor.status().state == State.PAUSED
        sensor.resume()
        assert sensor.status().state == State.SENDING and sensor.status().sent == 1
    finally:
        sensor.stop()


@pytest.mark.parametrize("interval", [30.0, 2 * 86_400.0])
def test_a_pace_the_service_would_not_like_is_refused(stub, interval):
    with pytest.raises(CapteurError, match="at most once a minute and at least once a day"):
        city_sensor(stub, 1, interval=interval)


def test_a_new_pace_is_checked_too(stub):
    sensor = city_sensor(stub, 1)
    sensor.set_rate(1 / 120)
    assert sensor.rate == pytest.approx(1 / 120)
    with pytest.raises(CapteurError):
        sensor.set_rate(1.0)


@pytest.mark.parametrize(("token", "sentence"), [("s3cret", None), ("wrong", "refused the token"), (None, "requires a token")])
def test_it_gives_the_token_of_a_server_that_requires_one(stub, tmp_path, token, sentence):
    with running_server(tmp_path / "m.db", token="s3cret") as server:
        port = server.address[1]
        sensor = city_sensor(stub, port, token=token)
        sensor.start()
        try:
            wait_until(lambda: sensor.status().acked + sensor.status().errors == 1, "the answer to the first report")
        finally:
            sensor.stop()
    status = sensor.status()
    if sentence is None:
        assert (status.acked, status.errors) == (1, 0)
        assert [row[0] for row in stored_rows(tmp_path / "m.db")] == ["Orsay"]
    else:
        assert status.last_error == f"127.0.0.1:{port} {sentence}: give the token the server was started with"
        assert stored_rows(tmp_path / "m.db") == []
