"""The engines the MQTT and PostgreSQL tests start are real and answer: a message goes through the
broker, SQL runs on the server, and a missing engine fails the run where CI requires engines."""

from __future__ import annotations

import contextlib
import queue

import paho.mqtt.client as mqtt
import psycopg
import pytest

from tests.engines import missing

TIMEOUT = 10.0


def test_a_message_goes_through_the_broker_and_survives_its_restart(mosquitto):
    received: queue.Queue[bytes] = queue.Queue()
    with subscribed(mosquitto.port, received):
        publish("thermolab/capteur_1", b"23.5", mosquitto.port)
        assert received.get(timeout=TIMEOUT) == b"23.5"

    publish("thermolab/capteur_1", b"24.0", mosquitto.port)
    mosquitto.restart()
    with subscribed(mosquitto.port, received):
        assert received.get(timeout=TIMEOUT) == b"24.0", "the broker kept the queued message across its restart"


@contextlib.contextmanager
def subscribed(port: int, received: queue.Queue[bytes]):
    """A persistent session (same client id, no clean start) that puts each payload in `received`.

    A new paho client each time: `loop_start` makes a socket pair that only the client's deletion
    closes (eclipse-paho/paho.mqtt.python#627), so one client started twice leaks the first pair."""
    subscriber = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, client_id="engine-check", clean_session=False)
    subscriber.on_message = lambda _client, _userdata, message: received.put(message.payload)
    subscriber.connect("127.0.0.1", port)
    subscriber.subscribe("thermolab/#", qos=1)
    subscriber.loop_start()
    try:
        yield
    finally:
        subscriber.disconnect()
        subscriber.loop_stop()


def publish(topic: str, payload: bytes, port: int) -> None:
    publisher = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2)
    publisher.connect("127.0.0.1", port)
    publisher.loop_start()
    publisher.publish(topic, payload, qos=1).wait_for_publish(TIMEOUT)
    publisher.disconnect()
    publisher.loop_stop()


def test_the_postgres_server_runs_sql_and_asks_for_the_password(postgres_server, postgres_url):
    with psycopg.connect(postgres_url, connect_timeout=TIMEOUT) as connection:
        assert connection.execute("SELECT 1 + 1").fetchone() == (2,)
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        psycopg.connect(postgres_server.url(password="wrong"), connect_timeout=TIMEOUT)


def test_a_missing_engine_fails_where_engines_are_required(monkeypatch):
    monkeypatch.setenv("THERMOLAB_REQUIRE_ENGINES", "1")
    with pytest.raises(pytest.fail.Exception, match="install the Debian package `mosquitto`"):
        missing("Mosquitto", "mosquitto")
    monkeypatch.delenv("THERMOLAB_REQUIRE_ENGINES")
    with pytest.raises(pytest.skip.Exception, match="install the Debian package `postgresql`"):
        missing("PostgreSQL", "postgresql")
