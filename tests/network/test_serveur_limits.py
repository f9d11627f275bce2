"""ServeurTCP's limits against hostile peers, over real sockets: a bug, a trickle, a crowd of idle sockets."""

from __future__ import annotations

import contextlib
import json
import select
import socket
import time

from models.storage import SQLiteStorage
from network import serveur
from network.collector.serveur_tcp import ServeurTCP
from tests.support import LineClient, running_server, stored_rows

GOOD = {"capteur_id": "capteur_1", "temperature": 23.5}
DEADLINE = 1.0
# How long half a message waits for its end: long enough to show that no answer comes, and four
# of them outlast the deadline, each far within it.
PAUSE = 0.3


class BuggyStorage(SQLiteStorage):
    """Meets a bug with the readings of sensor "bug", as an unforeseen fault would."""

    def _queued(self, readings, received_at, wait):
        if any(reading.capteur_id == "bug" for reading in readings):
            raise ZeroDivisionError("a bug met in serving one client")
        return super()._queued(readings, received_at, wait)


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
    assert [row[0] for row in stored_rows(tmp_path / "m.db")] == ["capteur_1"]


def test_a_message_trickled_past_its_deadline_gets_one_error_line_and_is_closed(tmp_path):
    message = json.dumps({**GOOD, "seq": 1}).encode() + b"\n"
    with running_server(tmp_path / "m.db", message_timeout=DEADLINE) as server, LineClient(server.address) as trickler:
        trickler.trickle(message, every=DEADLINE / 5)
        assert trickler.answer() == {"error": "message not completed within 1 s"}
        trickler.wait_until_closed()
    assert stored_rows(tmp_path / "m.db") == []


def test_the_deadline_counts_per_message_not_per_connection(tmp_path):
    messages = [json.dumps({**GOOD, "seq": seq}).encode() + b"\n" for seq in range(1, 5)]
    with running_server(tmp_path / "m.db", message_timeout=DEADLINE) as server, LineClient(server.address) as sensor:
        # Each message is completed PAUSE after its first byte, far within the deadline (a late wake-up
        # on a busy machine only adds to a pause); all of them take longer than the deadline.
        started = time.monotonic()
        sensor.send(messages[0][:10])
        for seq, (message, following) in enumerate(zip(messages, [*messages[1:], b""], strict=True), 1):
            assert select.select([sensor.socket], [], [], PAUSE)[0] == [], "nothing is owed for half a message"
            sensor.send(message[10:] + following[:10])
            assert sensor.answer() == {"ack": seq}
        assert time.monotonic() - started > DEADLINE


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
    with (
        running_server(tmp_path / "m.db", idle_timeout=DEADLINE, message_timeout=DEADLINE) as server,
        LineClient(server.address) as trickler,
    ):
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


def test_a_connection_whose_thread_could_not_start_leaves_no_trace_in_the_ranking(tmp_path, monkeypatch):
    start = serveur._start_with_stack
    failures = iter([RuntimeError("can't start new thread")])

    def start_after_a_failure(thread, size):
        if (failure := next(failures, None)) is not None:
            raise failure
        start(thread, size)

    monkeypatch.setattr(serveur, "_start_with_stack", start_after_a_failure)
    with running_server(tmp_path / "m.db", max_connections=1) as server, contextlib.ExitStack() as clients:
        lost = clients.enter_context(LineClient(server.address))
        lost.wait_until_closed()
        idle = clients.enter_context(LineClient(server.address))
        connect_and_be_acked(server.address)
        assert idle.answer() == {"error": "server busy"}
