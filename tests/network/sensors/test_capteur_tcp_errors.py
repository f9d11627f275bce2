"""CapteurTCP when things go wrong: a sentence and a count for each error, the thread carrying on or
stopping as it should, and `stop()` within a second wherever the thread is."""

import socket

import pytest

from models.capteur import CapteurError
from models.value_models import Constant
from network.sensors.capteur_tcp import CapteurTCP, State
from network.sensors.schedule import Backoff
from tests.sensor_support import assert_stops_within_a_second, free_port, sensor_for, started, wait_until
from tests.support import running_server, stored_rows


@pytest.mark.parametrize(("token", "sentence"), [("wrong", "refused the token"), (None, "requires a token")])
def test_a_refused_token_stops_the_sensor_with_a_sentence(tmp_path, token, sentence):
    with running_server(tmp_path / "m.db", token="s3cret") as server:
        sensor = sensor_for(server, token=token, rate=10_000)
        with started(sensor):
            assert sensor.join(5)
    status = sensor.status()
    port = server.address[1]
    assert status.last_error == f"127.0.0.1:{port} {sentence}: give the token the server was started with"
    assert (status.gave_up, status.state, status.acked) == (True, State.STOPPED, 0)
    assert stored_rows(tmp_path / "m.db") == []


def test_readings_the_server_refuses_are_counted_and_not_sent_again(server):
    sensor = sensor_for(server, count=20, model=Constant(value=-300))
    with started(sensor):
        assert sensor.join(10)
    status = sensor.status()
    assert (status.rejected, status.errors, status.acked, status.sent, status.buffered) == (20, 20, 0, 20, 0)
    assert status.last_error == "the server refused a reading of capteur_1: temperature is below absolute zero (-273.15 °C)"


def test_an_unknown_host_stops_the_sensor_with_a_sentence():
    sensor = CapteurTCP("capteur_1", "bad_host!", 50007)
    with started(sensor):
        assert sensor.join(5)
    status = sensor.status()
    assert (status.gave_up, status.errors) == (True, 1)
    assert status.last_error == "unknown host bad_host!: check the server's address"


def test_no_server_means_backing_off_errors_counted_and_a_prompt_stop():
    port = free_port()
    sensor = CapteurTCP("capteur_1", "127.0.0.1", port, rate=100, backoff=Backoff(initial=30, cap=30))
    with started(sensor):
        wait_until(lambda: sensor.status().state == State.BACKING_OFF, "backing off")
        assert_stops_within_a_second(sensor)
    status = sensor.status()
    assert status.errors == 1
    assert status.last_error == f"no server listens on 127.0.0.1:{port}: start one or check the address; retrying"


def test_a_busy_server_is_retried(tmp_path):
    with running_server(tmp_path / "m.db", max_connections=0) as server:
        sensor = sensor_for(server, backoff=Backoff(initial=0.01, cap=0.02))
        with started(sensor):
            wait_until(lambda: sensor.status().errors >= 3, "a few attempts")
    assert sensor.status().last_error == f"127.0.0.1:{server.address[1]} is busy (too many connections); retrying"


def test_a_peer_that_is_not_a_thermolab_server_is_named(tmp_path):
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        sensor = CapteurTCP("capteur_1", *listener.getsockname(), rate=10, backoff=Backoff(initial=30, cap=30))
        with started(sensor):
            connection, _ = listener.accept()
            with connection:
                connection.sendall(b"echo: hello\n")
                wait_until(lambda: sensor.status().state == State.BACKING_OFF, "the sensor to give this peer up")
        port = listener.getsockname()[1]
    assert sensor.status().last_error == f"127.0.0.1:{port} does not answer as a Thermolab server: check the port; retrying"


def test_a_full_buffer_drops_the_oldest_readings_and_counts_them():
    sensor = CapteurTCP("capteur_1", "127.0.0.1", free_port(), rate=10_000, count=1000, buffer_size=100, backoff=Backoff(30, 30))
    with started(sensor):
        wait_until(lambda: sensor.status().measured == 1000, "every reading measured")
    status = sensor.status()
    assert (status.dropped, status.buffered, status.acked) == (900, 100, 0)


def test_stop_is_prompt_while_connecting():
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(0)
        # A listen queue of one, filled: the next connection attempt hangs instead of being refused.
        with socket.create_connection(listener.getsockname()):
            sensor = CapteurTCP("capteur_1", *listener.getsockname(), rate=10)
            with started(sensor):
                wait_until(lambda: sensor.status().measured >= 3, "a few readings measured while connecting")
                assert sensor.status().state == State.CONNECTING
                assert_stops_within_a_second(sensor)


def test_stop_is_prompt_while_the_server_reads_nothing():
    with socket.socket() as listener:
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        sensor = CapteurTCP("x" * 64, *listener.getsockname(), rate=10_000)
        with started(sensor):
            connection, _ = listener.accept()
            with connection:
                wait_until(lambda: sensor.status().measured - sensor.status().sent > 5000, "the socket to be full")
                assert sensor.status().state == State.SENDING
                assert_stops_within_a_second(sensor)


@pytest.mark.parametrize(
    ("options", "sentence"),
    [
        ({"rate": 0}, "rate must be from 0.01 to 10,000 readings per second, got 0"),
        ({"rate": -5}, "rate must be from 0.01 to 10,000 readings per second, got -5"),
        ({"rate": 20_000}, "rate must be from 0.01 to 10,000 readings per second, got 20000"),
        ({"count": 0}, "count must be 1 or more, got 0"),
        ({"duration": 0}, "duration must be above 0 seconds, got 0"),
        ({"buffer_size": 0}, "buffer_size must be 1 or more, got 0"),
    ],
)
def test_bad_settings_are_refused_before_anything_starts(options, sentence):
    with pytest.raises(CapteurError) as refused:
        CapteurTCP("capteur_1", **options)
    assert str(refused.value) == sentence


def test_a_bad_rate_while_running_is_refused_and_the_old_one_kept(server):
    sensor = sensor_for(server, rate=50)
    with started(sensor):
        with pytest.raises(CapteurError):
            sensor.set_rate(0)
        assert sensor.rate == 50
