"""ServeurTCP's limits against hostile peers, over real sockets: a bug, a trickle, a crowd of idle sockets."""

from __future__ import annotations

import contextlib
import json
import socket

import pytest

from models.storage import SQLiteStorage
from network.serveur_tcp import ServeurTCP
from tests.support import LineClient, running_server, stored_rows

GOOD = {"capteur_id": "capteur_1", "temperature": 23.5}
# Long enough to show that an answer does not come; every other wait ends on an event.
QUIET = 0.6
DEADLINE = 1.0


class BuggyStorage(SQLiteStorage):
    """Meets a bug with the readings of sensor "bug", as an unforeseen fault would."""

    def submit(self, readings, received_at):
        if any(reading.capteur_id == "bug" for reading in readings):
            raise ZeroDivisionError("a bug met in serving one client")
        return super().submit(readings, received_at)


def test_a_bug_in_serving_a_one_shot_client_leaves_the_server_accepting(tmp_path, caplog):
    storage = BuggyStorage(tmp_path / "m.db")
    storage.open()
    server = ServeurTCP(storage, port=0)
    server.listen()
    try:
        with socket.create_connection(server.address, timeout=10) as one_shot:
            # All said before the server accepts: it is served in the accepting thread.
            one_shot.sendall(json.dumps({"capteur_id": "bug", "temperature": 1}).encode())
            one_shot.shutdown(socket.SHUT_WR)
            server.start()
            assert one_shot.recv(100) == b""
        with LineClient(server.address) as sensor:
            sensor.send({**GOOD, "seq": 1})
            assert sensor.answer() == {"ack": 1}
    finally:
        server.stop()
        storage.close()
    assert caplog.text.count("ZeroDivisionError: a bug met in serving one client") == 1
    _, events = server.monitor.events()
    assert "client disconnected (server error: ZeroDivisionError)" in [event.message for event in events]
    assert [row[0] for row in stored_rows(tmp_path / "m.db")] == ["capteur_1"]


def test_a_message_trickled_past_its_deadline_gets_one_error_line_and_is_closed(tmp_path):
    message = json.dumps({**GOOD, "seq": 1}).encode() + b"\n"
    with running_server(tmp_path / "m.db", message_timeout=DEADLINE) as server, LineClient(server.address) as trickler:
        trickler.trickle(message, every=DEADLINE / 5)
        assert trickler.answer() == {"error": "message not completed within 1 s"}
        trickler.wait_until_closed()
    assert stored_rows(tmp_path / "m.db") == []


def test_the_deadline_counts_per_message_not_per_connection(tmp_path):
    first, second, third = (json.dumps({**GOOD, "seq": seq}).encode() + b"\n" for seq in (1, 2, 3))
    with running_server(tmp_path / "m.db", message_timeout=DEADLINE) as server, LineClient(server.address) as sensor:
        # Each message is completed QUIET after its first byte, within the deadline; all three take longer.
        sensor.send(first + second[:10])
        assert sensor.answer() == {"ack": 1}
        sensor.socket.settimeout(QUIET)
        with pytest.raises(TimeoutError):
            sensor.socket.recv(100)
        sensor.send(second[10:] + third[:10])
        assert sensor.answer() == {"ack": 2}
        with pytest.raises(TimeoutError):
            sensor.socket.recv(100)
        sensor.send(third[10:])
        assert sensor.answer() == {"ack": 3}


def connect_and_be_acked(address: tuple[str, int]) -> None:
    with LineClient(address) as sensor:
        sensor.send({**GOOD, "seq": 1})
        assert sensor.answer() == {"ack": 1}


def test_a_full_server_closes_the_connection_idle_the_longest_to_let_a_sensor_in(tmp_path):
    with running_server(tmp_path / "m.db", max_connections=4) as server, contextlib.ExitStack() as clients:
        idle = [clients.enter_context(LineClient(server.address)) for _ in range(4)]
        connect_and_be_acked(server.address)
        assert idle[0].answer() == {"error": "server busy"}
        idle[0].wait_until_closed()
        idle[1].send({**GOOD, "seq": 2})
        assert idle[1].answer() == {"ack": 2}
        _, events = server.monitor.events()
    assert "client disconnected (closed to make room for a new connection)" in [event.message for event in events]


def test_silent_sockets_make_room_before_a_sensor_that_talks_however_long_ago_it_came(tmp_path):
    with running_server(tmp_path / "m.db", max_connections=4) as server, contextlib.ExitStack() as clients:
        talker = clients.enter_context(LineClient(server.address))
        talker.send({**GOOD, "seq": 1})
        assert talker.answer() == {"ack": 1}
        silent = [clients.enter_context(LineClient(server.address)) for _ in range(3)]
        connect_and_be_acked(server.address)
        assert silent[0].answer() == {"error": "server busy"}
        talker.send({**GOOD, "seq": 2})
        assert talker.answer() == {"ack": 2}


def test_blanks_trickled_do_not_keep_an_idle_connection_open(tmp_path):
    with running_server(tmp_path / "m.db", idle_timeout=DEADLINE, message_timeout=DEADLINE) as server, LineClient(server.address) as trickler:
        trickler.trickle(b" " * 50, every=DEADLINE / 5)
        trickler.wait_until_closed()
        _, events = server.monitor.events()
    assert "client disconnected (idle for 1 s)" in [event.message for event in events]


def test_garbage_is_no_activity_a_full_server_ends_it_before_a_sensor_that_talks(tmp_path):
    with running_server(tmp_path / "m.db", max_connections=4) as server, contextlib.ExitStack() as clients:
        sensors = [clients.enter_context(LineClient(server.address)) for _ in range(3)]
        for seq, sensor in enumerate(sensors, 1):
            sensor.send({**GOOD, "seq": seq})
            assert sensor.answer() == {"ack": seq}
        garbage = clients.enter_context(LineClient(server.address))
        garbage.send(b"x\n")
        assert garbage.answer() == {"error": "invalid JSON at byte 0"}
        connect_and_be_acked(server.address)
        assert garbage.answer() == {"error": "server busy"}
        sensors[0].send({**GOOD, "seq": 4})
        assert sensors[0].answer() == {"ack": 4}
