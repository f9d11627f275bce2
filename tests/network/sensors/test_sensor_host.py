"""The sensor process: commands in, snapshots out, every sensor thread stopped when it ends; no Qt."""

from __future__ import annotations

import os
import socket
import time

import pytest

from models.sensor_target import SensorTarget
from models.value_models import make_model
from network.sensors.sensor_host import (
    Add,
    Change,
    Pause,
    Problem,
    Remove,
    Retarget,
    SensorHost,
    SetManualValue,
    Snapshot,
    Start,
    Stop,
)
from tests.sensor_support import wait_until
from tests.support import running_server, stored_rows


class Watcher:
    """The host, and the last snapshot it sent."""

    def __init__(self, host: SensorHost):
        self.host = host
        self.snapshot: Snapshot | None = None
        self.problems: list[str] = []

    def rows(self) -> dict:
        for message in self.host.messages():
            if isinstance(message, Problem):
                self.problems.append(message.sentence)
            else:
                self.snapshot = message
        return {row.capteur_id: row for row in self.snapshot.rows} if self.snapshot else {}

    def wait(self, condition, what: str) -> dict:
        wait_until(lambda: condition(self.rows()), what)
        return self.rows()


@pytest.fixture
def host(server):
    host = SensorHost(SensorTarget("127.0.0.1", server.address[1]))
    yield Watcher(host)
    host.close()


def test_sensors_added_send_and_their_counters_survive_a_restart(host, tmp_path):
    host.host.send(Add(("a", "b"), make_model("walk"), 50.0, True))
    rows = host.wait(lambda rows: len(rows) == 2 and all(r.acked >= 20 for r in rows.values()), "readings acknowledged")
    assert {r.state for r in rows.values()} == {"sending"}
    host.host.send(Pause(("a",)))
    host.wait(lambda rows: rows["a"].state == "paused", "a paused")
    host.host.send(Stop(("a", "b")))
    rows = host.wait(lambda rows: {r.state for r in rows.values()} == {"stopped"}, "both stopped")
    acked = rows["a"].acked
    host.host.send(Start(("a",)))
    host.wait(lambda rows: rows["a"].acked > acked + 10, "a sending again, its count carried on")
    host.host.send(Remove(("b",)))
    rows = host.wait(lambda rows: list(rows) == ["a"], "b removed")
    assert host.snapshot.totals.acked >= rows["a"].acked + 20
    assert {row[0] for row in stored_rows(tmp_path / "mesures.db")} == {"a", "b"}


def test_a_stopped_sensor_waits_for_nothing_that_was_stored(host, server):
    host.host.send(Add(("a",), make_model("walk"), 1.0, True))
    wait_until(lambda: server.storage.stored == 1, "the first reading to be stored")
    host.host.send(Stop(("a",)))
    rows = host.wait(lambda rows: rows["a"].state == "stopped", "a stopped")
    assert (rows["a"].sent, rows["a"].acked, rows["a"].waiting) == (1, 1, 0)


def test_a_rate_a_model_and_a_manual_value_change_while_running(host):
    host.host.send(Add(("m",), make_model("manual"), 20.0, True))
    host.wait(lambda rows: rows.get("m") and rows["m"].last_value == 20.0, "the first value")
    host.host.send(SetManualValue("m", 31.5))
    host.wait(lambda rows: rows["m"].last_value == 31.5, "the value typed")
    host.host.send(Change("m", make_model("constant", value=4.0), 40.0))
    rows = host.wait(lambda rows: rows["m"].last_value == 4.0, "the new model")
    assert rows["m"].rate == 40.0


def test_a_command_refused_comes_back_as_one_sentence(host):
    host.host.send(Add(("a",), make_model("walk"), 1.0, False))
    host.host.send(Add(("a",), make_model("walk"), 1.0, False))
    host.host.send(Change("a", None, 100_000.0))
    wait_until(lambda: host.rows() is not None and len(host.problems) == 2, "two refusals")
    assert host.problems == [
        "there is already a sensor named a: choose another name",
        "rate must be from 0.01 to 10,000 readings per second, got 100000",
    ]


def test_running_sensors_follow_a_new_target(host, tmp_path):
    host.host.send(Add(("a",), make_model("walk"), 50.0, True))
    host.wait(lambda rows: rows.get("a") and rows["a"].acked > 0, "readings to the first server")
    with running_server(tmp_path / "other.db") as other:
        host.host.send(Retarget(SensorTarget("127.0.0.1", other.address[1])))
        wait_until(lambda: other.monitor.totals().stored >= 10, "readings to the new server")


def test_closing_ends_the_process_within_a_second(server):
    host = SensorHost(SensorTarget("127.0.0.1", server.address[1]))
    host.send(Add(tuple(f"s{n}" for n in range(100)), make_model("walk"), 10.0, True))
    watcher = Watcher(host)
    watcher.wait(lambda rows: sum(r.state == "sending" for r in rows.values()) == 100, "100 sensors sending")
    started = time.monotonic()
    host.close()
    assert time.monotonic() - started < 1.0
    assert not host.alive


def test_the_process_ends_by_itself_when_the_window_process_is_gone(server):
    host = SensorHost(SensorTarget("127.0.0.1", server.address[1]))
    host.send(Add(("a",), make_model("walk"), 10.0, True))
    # As if the window's process died: the pipe ends, and nothing else is said. Shut down, not
    # closed under the feet of the host's reader thread, which would read from no handle at all.
    with socket.socket(fileno=os.dup(host._connection.fileno())) as pipe:
        pipe.shutdown(socket.SHUT_RDWR)
    wait_until(lambda: not host.alive, "the sensor process to end")
    host._reader.join(10)
    host._connection.close()
