"""The MQTT collector against a real broker: what the broker delivers is stored once committed and
only then acknowledged; bad messages are counted and named, never stored; a broker that is down,
restarts or refuses us is one sentence, and the collector reconnects by itself."""

from __future__ import annotations

import contextlib
import logging
import re
import sqlite3

from models.mqtt_mapping import PRESETS, TopicMapping
from models.storage import open_storage
from network.collector.mqtt_collector import MqttCollector
from network.mqtt.broker import Broker, parse_broker
from tests.engines import free_port
from tests.engines.mosquitto import Mosquitto
from tests.mqtt_support import publish_all, publisher
from tests.sensor_support import wait_until
from tests.support import stored_rows


@contextlib.contextmanager
def collecting(broker: Broker, path, **options):
    storage = open_storage(path)
    collector = MqttCollector(broker, storage, client_id=options.pop("client_id", "test-collector"), **options)
    collector.start()
    try:
        yield collector
    finally:
        collector.stop()
        storage.close()


def readings(count: int, first: int = 0, sensor: str = "s1") -> list[tuple[str, bytes]]:
    return [
        (f"thermolab/{sensor}", b'{"temperature": 20.5, "timestamp": %d}' % (1_790_000_000 + i))
        for i in range(first, first + count)
    ]


def connected(collector: MqttCollector) -> bool:
    return collector.link().connected


def test_readings_are_stored_and_acknowledged_after_their_commit(mosquitto, tmp_path):
    broker = parse_broker(mosquitto.url)
    with collecting(broker, tmp_path / "m.db") as collector, publisher(broker) as client:
        wait_until(lambda: connected(collector), "the collector to subscribe")
        publish_all(client, readings(500))
        wait_until(lambda: collector.acked == 500, "every message acknowledged")
        assert len(stored_rows(tmp_path / "m.db")) == 500
        assert collector.monitor.totals().received == 500
        link = collector.link()
        assert link.topics == ("thermolab/#",) and link.problem == ""


def test_bad_messages_are_counted_and_named_and_the_next_ones_are_stored(mosquitto, tmp_path):
    broker = parse_broker(mosquitto.url)
    mappings = (PRESETS["thermolab"], PRESETS["zigbee2mqtt"])
    with collecting(broker, tmp_path / "m.db", mappings=mappings) as collector, publisher(broker) as client:
        wait_until(lambda: connected(collector), "the collector to subscribe")
        publish_all(
            client,
            [
                ("thermolab/s1", b'{"temperature": "hot"}'),
                ("zigbee2mqtt/hall_switch", b'{"action":"single","linkquality":87}'),
                ("thermolab/s1", b"\xff"),
                ("zigbee2mqtt/kitchen", b'{"temperature": 19.5, "humidity": 51}'),
            ],
        )
        wait_until(lambda: collector.acked == 4, "every message acknowledged, the bad ones too")
        totals = collector.monitor.totals()
        _, events = collector.monitor.events()
    assert [row[:2] for row in stored_rows(tmp_path / "m.db")] == [("kitchen", 19.5)]
    assert (totals.connections, totals.received, totals.rejected) == (0, 1, 3)
    warnings = [event.message for event in events if event.level == logging.WARNING]
    assert warnings == [
        "rejected: temperature must be a number (topic thermolab/s1)",
        "rejected: temperature is missing (topic zigbee2mqtt/hall_switch)",
        "rejected: invalid UTF-8 at byte 0 (topic thermolab/s1)",
    ]


def test_a_message_whose_commit_failed_is_not_acknowledged_and_comes_back(mosquitto, tmp_path, monkeypatch):
    monkeypatch.setattr("models.storage.sqlite.LOCK_WAIT", 0.2)
    path = tmp_path / "m.db"
    broker = parse_broker(mosquitto.url)
    with collecting(broker, path) as collector, publisher(broker) as client:
        wait_until(lambda: connected(collector), "the collector to subscribe")
        holder = sqlite3.connect(path, isolation_level=None)
        holder.execute("BEGIN EXCLUSIVE")
        publish_all(client, readings(3))
        wait_until(lambda: collector.storage.failed >= 3, "the commit to fail")
        assert collector.acked == 0
        holder.execute("ROLLBACK")
        holder.close()
        wait_until(lambda: collector.acked == 3, "the broker to send the messages again")
        assert len(stored_rows(path)) == 3


def test_a_broker_down_at_the_start_is_one_sentence_and_is_reached_once_it_runs(tmp_path):
    broker_folder = Mosquitto(tmp_path / "broker")
    broker_folder.port = free_port()
    broker = parse_broker(broker_folder.url)
    with collecting(broker, tmp_path / "m.db") as collector:
        wait_until(lambda: collector.link().problem.startswith("no broker answers at"), "the sentence")
        assert collector.link().problem == f"no broker answers at {broker}: is it running, and is the port right?"
        with broker_folder, publisher(broker) as client:
            wait_until(lambda: connected(collector), "the collector to connect", timeout=20)
            publish_all(client, readings(10))
            wait_until(lambda: collector.acked == 10, "every message acknowledged")


def test_a_broker_restart_mid_stream_loses_nothing(mosquitto, tmp_path):
    broker = parse_broker(mosquitto.url)
    with collecting(broker, tmp_path / "m.db") as collector:
        with publisher(broker) as client:
            wait_until(lambda: connected(collector), "the collector to subscribe")
            publish_all(client, readings(200))
        mosquitto.restart()
        with publisher(broker) as client:
            publish_all(client, readings(200, 200))
            wait_until(lambda: len(stored_rows(tmp_path / "m.db")) == 400, "every reading stored", timeout=20)
        _, events = collector.monitor.events()
    assert any(event.message.startswith(f"lost the broker {broker}") for event in events)
    assert sum(event.message.startswith("connected to the broker") for event in events) == 2


def test_wrong_credentials_are_one_sentence_that_shows_no_password(tmp_path, caplog):
    with Mosquitto(tmp_path / "broker", users={"ann": "right"}) as mosquitto:
        broker = Broker("127.0.0.1", mosquitto.port, username="ann", password="hunter2")
        with caplog.at_level(logging.DEBUG), collecting(broker, tmp_path / "m.db") as collector:
            wait_until(lambda: "refused" in collector.link().problem, "the refusal")
            _, events = collector.monitor.events()
        good = Broker("127.0.0.1", mosquitto.port, username="ann", password="right")
        with collecting(good, tmp_path / "m.db") as collector:
            wait_until(lambda: connected(collector), "the right password to connect")
    assert collector.link().problem == ""
    assert "refused the user name or password" in events[-1].message
    shown = " ".join(event.message + event.peer for event in events) + caplog.text
    assert "ann:***@" in shown and "hunter2" not in shown


def test_a_tls_broker_is_reached_with_its_ca_file_and_refused_in_one_sentence_without(tmp_path):
    with Mosquitto(tmp_path / "broker", tls=True) as mosquitto:
        trusted = parse_broker(mosquitto.url, ca_file=str(mosquitto.ca_file))
        with collecting(trusted, tmp_path / "m.db") as collector, publisher(trusted) as client:
            wait_until(lambda: connected(collector), "the collector to connect over TLS")
            publish_all(client, readings(5))
            wait_until(lambda: collector.acked == 5, "every message acknowledged")
        untrusted = parse_broker(mosquitto.url)
        with collecting(untrusted, tmp_path / "m.db", client_id="other") as collector:
            wait_until(lambda: "TLS" in collector.link().problem, "the TLS refusal")
            problem = collector.link().problem
    assert len(stored_rows(tmp_path / "m.db")) == 5
    assert problem.startswith(f"the TLS handshake with mqtts://127.0.0.1:{mosquitto.port} failed (")
    assert problem.endswith("): check the CA file and the port")


def test_a_flood_of_bad_messages_gets_a_few_lines_and_one_summary(mosquitto, tmp_path):
    broker = parse_broker(mosquitto.url)
    with collecting(broker, tmp_path / "m.db") as collector, publisher(broker) as client:
        wait_until(lambda: connected(collector), "the collector to subscribe")
        publish_all(client, [("thermolab/s1", b"garbage")] * 40 + readings(1))
        wait_until(lambda: collector.acked == 41, "every message acknowledged")
        collector.monitor.report_rejections()
        _, events = collector.monitor.events()
    warnings = [event.message for event in events if event.level == logging.WARNING]
    assert warnings[:5] == ["rejected: invalid JSON at byte 0 (topic thermolab/s1)"] * 5
    assert len(warnings) == 6 and re.fullmatch(r"35 more rejected messages in the last \d+ s", warnings[5])
    assert len(stored_rows(tmp_path / "m.db")) == 1


def test_filters_that_overlap_store_each_reading_once_and_acknowledge_every_copy(mosquitto, tmp_path):
    broker = parse_broker(mosquitto.url)
    mappings = (PRESETS["esphome"], PRESETS["thermolab"], TopicMapping.parse("thermolab/+ topic:2 thermolab"))
    with collecting(broker, tmp_path / "m.db", mappings=mappings) as collector, publisher(broker) as client:
        wait_until(lambda: connected(collector), "the collector to subscribe")
        publish_all(client, [("thermolab/s1", b'{"temperature": 20.5}')] * 5 + [("thermolab/sensor/temperature/state", b"8")])
        wait_until(lambda: collector.acked == 12, "every copy acknowledged, two of each message")
        totals = collector.monitor.totals()
    assert sorted(row[:2] for row in stored_rows(tmp_path / "m.db")) == [("s1", 20.5)] * 5 + [("thermolab", 8.0)]
    assert (totals.received, totals.rejected) == (6, 0)


def test_a_collector_stopped_mid_stream_and_started_again_stores_each_message_once(mosquitto, tmp_path):
    """Without timestamps, only the acks the broker read keep a message from being stored twice."""
    broker = parse_broker(mosquitto.url)
    unstamped = [("thermolab/s1", b'{"temperature": %d.%02d}' % divmod(i, 100)) for i in range(6000)]
    for first in (0, 3000):
        with collecting(broker, tmp_path / "m.db") as collector, publisher(broker, in_flight=500) as client:
            wait_until(lambda: connected(collector), "the collector to subscribe")
            publish_all(client, unstamped[first : first + 3000])
    with collecting(broker, tmp_path / "m.db"):
        wait_until(lambda: len(stored_rows(tmp_path / "m.db")) >= 6000, "the messages left on the broker", timeout=20)
    temperatures = [row[1] for row in stored_rows(tmp_path / "m.db")]
    assert len(temperatures) == len(set(temperatures)) == 6000


def test_qos_0_retained_huge_and_long_named_messages_are_taken_or_refused_in_one_short_sentence(mosquitto, tmp_path):
    broker = parse_broker(mosquitto.url)
    long_topic = "thermolab/" + "x" * 65_000
    with publisher(broker) as client:
        client.publish("thermolab/old", b'{"temperature": 0}', qos=1, retain=True).wait_for_publish(10)
    with collecting(broker, tmp_path / "m.db") as collector, publisher(broker) as client:
        wait_until(lambda: connected(collector), "the collector to subscribe")
        client.publish("thermolab/qos0", b'{"temperature": 1}', qos=0).wait_for_publish(10)
        client.publish("thermolab/retained", b'{"temperature": 2}', qos=1, retain=True).wait_for_publish(10)
        huge = ("thermolab/big", b"1" * 10_000_000)
        publish_all(client, [huge, (long_topic, b'{"temperature": 3}'), ("thermolab/ok", b'{"temperature": 4}')])
        wait_until(lambda: collector.acked == 4, "every QoS 1 message acknowledged")
        _, events = collector.monitor.events()
    assert sorted(row[:2] for row in stored_rows(tmp_path / "m.db")) == [("ok", 4.0), ("qos0", 1.0), ("retained", 2.0)]
    warnings = [event.message for event in events if event.level == logging.WARNING]
    assert warnings == [
        "rejected: message too large (topic thermolab/big)",
        f"rejected: capteur_id must be at most 64 characters (topic {long_topic[:120]}…)",
    ]
