"""`server --headless --mqtt URL` as a user runs it, against a real Mosquitto: nothing the broker
accepted is lost when the collector is killed, collectors of one group share the readings, the
readings port keeps working while the broker is away, and no password is ever printed."""

from __future__ import annotations

import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
import threading

from network.mqtt.broker import PASSWORD_VARIABLE, parse_broker
from tests.engines import free_port
from tests.engines.mosquitto import Mosquitto
from tests.mqtt_support import publish_all, publisher
from tests.sensor_support import wait_until
from tests.support import ROOT, TIMEOUT, LineClient, ServerProcess, run_main

FIRST_TIMESTAMP = 1_790_000_000


class CollectorProcess:
    """`python main.py server --headless --no-tcp --mqtt URL ...`, once it has said what it subscribes to."""

    def __init__(self, *arguments: str, env: dict | None = None):
        self.process = subprocess.Popen(
            [sys.executable, str(ROOT / "main.py"), "server", "--headless", "--no-tcp", *arguments],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        self.subscribing = next((line for line in self.process.stdout if line.startswith("subscribing to ")), "")
        assert self.subscribing, self.process.communicate(timeout=TIMEOUT)

    def kill(self) -> None:
        self.process.kill()
        self.process.communicate(timeout=TIMEOUT)

    def stop(self) -> tuple[int, str, str]:
        self.process.send_signal(signal.SIGTERM)
        stdout, stderr = self.process.communicate(timeout=TIMEOUT)
        return self.process.returncode, self.subscribing + stdout, stderr


def stored(path) -> int:
    if not path.exists():
        return 0
    with contextlib.closing(sqlite3.connect(path)) as connection:
        with contextlib.suppress(sqlite3.OperationalError):
            return connection.execute("SELECT count(*) FROM mesures").fetchone()[0]
    return 0


def timestamps(path) -> list[float]:
    with contextlib.closing(sqlite3.connect(path)) as connection:
        return [row[0] for row in connection.execute("SELECT timestamp FROM mesures ORDER BY timestamp")]


def publish_readings(url: str, count: int) -> None:
    """QoS 1 readings on thermolab/s0..s9, each with its own timestamp; returns once the broker has all.

    Up to 1,000 in flight: faster than the collector stores, so it always holds messages received
    and not yet committed, those a collector that acknowledged too early would lose when killed.
    """
    with publisher(parse_broker(url), in_flight=1_000) as client:
        readings = [
            (f"thermolab/s{i % 10}", b'{"temperature": 21.5, "timestamp": %d}' % (FIRST_TIMESTAMP + i)) for i in range(count)
        ]
        publish_all(client, readings)


def test_two_sigkills_mid_stream_lose_nothing_and_store_nothing_twice(mosquitto, tmp_path):
    path = tmp_path / "m.db"
    collector = CollectorProcess("--mqtt", mosquitto.url, "--db", str(path))
    publishing = threading.Thread(target=publish_readings, args=(mosquitto.url, 10_000))
    publishing.start()
    at_kill = []
    try:
        for threshold in (2_500, 6_000):
            wait_until(lambda count=threshold: stored(path) >= count, f"{threshold} readings stored", timeout=60)
            collector.kill()
            at_kill.append(stored(path))
            collector = CollectorProcess("--mqtt", mosquitto.url, "--db", str(path))
    finally:
        publishing.join()
    assert at_kill[-1] < 10_000, "the stream was over before the second kill"
    wait_until(lambda: stored(path) >= 10_000, "every reading stored", timeout=30)
    code, stdout, _ = collector.stop()
    assert code == 0
    assert timestamps(path) == [float(FIRST_TIMESTAMP + i) for i in range(10_000)]
    assert stdout.startswith("subscribing to thermolab/# on mqtt://127.0.0.1:")


def test_two_collectors_of_one_group_share_the_readings_and_store_each_once(mosquitto, tmp_path):
    path = tmp_path / "m.db"
    common = ("--mqtt", mosquitto.url, "--db", str(path), "--mqtt-group", "lab")
    first = CollectorProcess(*common, "--mqtt-client-id", "collector-a")
    second = CollectorProcess(*common, "--mqtt-client-id", "collector-b")
    assert first.subscribing.startswith("subscribing to $share/lab/thermolab/# on ")
    try:
        wait_until(lambda: _subscribers(mosquitto) >= 2, "both collectors to subscribe")
        publish_readings(mosquitto.url, 4_000)
        wait_until(lambda: stored(path) >= 4_000, "every reading stored", timeout=60)
    finally:
        outcomes = [first.stop(), second.stop()]
    assert timestamps(path) == [float(FIRST_TIMESTAMP + i) for i in range(4_000)]
    shares = [int(stdout.rpartition("stopped: ")[2].split()[0].replace(",", "")) for _, stdout, _ in outcomes]
    assert sum(shares) == 4_000 and min(shares) > 0, shares


def _subscribers(mosquitto: Mosquitto) -> int:
    """Mosquitto logs each client that connects, by its id."""
    return sum(" as collector-" in line for line in mosquitto.log)


def test_the_readings_port_acks_while_the_broker_is_down(tmp_path):
    server = ServerProcess("--db", str(tmp_path / "m.db"), "--mqtt", f"mqtt://127.0.0.1:{free_port()}")
    with LineClient(server.address) as sensor:
        sensor.send({"capteur_id": "tcp", "temperature": 20.0, "seq": 1})
        assert sensor.answer() == {"ack": 1}
    code, _, stderr = server.stop()
    assert code == 0
    assert "no broker answers at mqtt://127.0.0.1:" in stderr and "is it running, and is the port right?" in stderr


def test_no_password_is_printed_whether_the_broker_takes_it_or_not(tmp_path):
    with Mosquitto(tmp_path / "broker", users={"ann": "right-horse"}) as mosquitto:
        url = f"mqtt://ann@127.0.0.1:{mosquitto.port}"
        env = {**os.environ, PASSWORD_VARIABLE: "right-horse"}
        good = CollectorProcess("--mqtt", url, "--db", str(tmp_path / "m.db"), env=env)
        wait_until(lambda: any("ann" in line and "connected" in line.lower() for line in mosquitto.log), "the login")
        outcomes = [good.stop()]
        bad = CollectorProcess("--mqtt", f"mqtt://ann:battery-staple@127.0.0.1:{mosquitto.port}", "--db", str(tmp_path / "m.db"))
        wait_until(lambda: sum("not authorised" in line or "Bad" in line for line in mosquitto.log) > 0, "the refusal")
        outcomes.append(bad.stop())
    printed = "".join(stdout + stderr for _, stdout, stderr in outcomes)
    assert "right-horse" not in printed and "battery-staple" not in printed
    assert "mqtt://ann:***@127.0.0.1" in printed
    assert "refused the user name or password" in outcomes[1][2]


def test_a_wrong_mqtt_setting_is_one_sentence(tmp_path):
    db = str(tmp_path / "m.db")
    for arguments, sentence in [
        (("--no-tcp",), "--no-tcp leaves nothing to receive readings from: give --mqtt URL too"),
        (("--mqtt", "http://ann:secret@host"), "http://ann:***@host is not a broker URL"),
        (("--mqtt", "mqtt://host", "--mqtt-map", "zigbee2mqtt/+ topic:5 number"), "mapping 1: topic:5: the filter"),
        (("--mqtt", "mqtt://host", "--mqtt-group", "a/b"), "a/b: a group name cannot hold /, + or #"),
    ]:
        result = run_main("server", "--headless", "--port", "0", "--db", db, *arguments)
        assert result.returncode == 2 and result.stderr.startswith(f"thermolab: {sentence}"), result.stderr
        assert "secret" not in result.stderr


def test_the_mqtt_options_are_in_the_servers_help():
    result = run_main("server", "--help")
    for option in (
        "--mqtt URL",
        "--mqtt-map MAPPING",
        "--mqtt-client-id ID",
        "--mqtt-group NAME",
        "--mqtt-ca-file FILE",
        "--no-tcp",
    ):
        assert option in result.stdout
    assert "$THERMOLAB_MQTT_PASSWORD" in result.stdout and "visible to every user" in " ".join(result.stdout.split())
