"""The accepting thread never waits on one client: not on its commit, nor on a peer that reads nothing."""

from __future__ import annotations

import contextlib
import functools
import json
import resource
import select
import socket
import subprocess
import sys

from models.storage import SQLiteStorage
from network.collector.serveur_tcp import ServeurTCP
from tests.support import LineClient, ServerProcess, stored_rows

READING = {"capteur_id": "capteur_1", "temperature": 23.5}
# Long enough to show that an answer does not come; every other wait ends on an event.
QUIET = 0.6
LOCK_HOLDER = """
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
sys.stdin.readline()
"""


@contextlib.contextmanager
def listening_server(path, **storage_options):
    """A server that listens but accepts only once the test says `start()`: clients wait in the backlog."""
    storage = SQLiteStorage(path, **storage_options)
    storage.open()
    server = ServeurTCP(storage, port=0)
    server.listen()
    try:
        yield server
    finally:
        server.stop()
        storage.close()


def one_shot(address, data: bytes, receive_buffer: int | None = None) -> socket.socket:
    """The exercise's client: connect, send everything, close its side; the socket stays open to read."""
    client = socket.socket()
    client.settimeout(10)
    if receive_buffer:
        client.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, receive_buffer)
    client.connect(address)
    client.sendall(data)
    client.shutdown(socket.SHUT_WR)
    return client


def test_one_shot_clients_waiting_on_a_locked_database_hold_up_no_other_client(tmp_path):
    with listening_server(tmp_path / "m.db") as server, contextlib.ExitStack() as clients:
        lock_holder = [sys.executable, "-c", LOCK_HOLDER, str(tmp_path / "m.db")]
        holder = clients.enter_context(subprocess.Popen(lock_holder, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True))
        assert holder.stdout.readline() == "locked\n"
        message = json.dumps({**READING, "seq": 1}).encode()
        waiting = [clients.enter_context(one_shot(server.address, message)) for _ in range(6)]
        server.start()
        with LineClient(server.address) as other:
            other.send(b"x\n")
            assert other.answer() == {"error": "invalid JSON at byte 0"}
        holder.stdin.close()
        assert [client.recv(100) for client in waiting] == [b'{"ack": 1}\n'] * 6
    assert len(stored_rows(tmp_path / "m.db")) == 6


def test_one_shot_readings_meeting_a_full_writer_queue_hold_up_no_other_client(tmp_path):
    with listening_server(tmp_path / "m.db", max_pending=2) as server, contextlib.ExitStack() as clients:
        lock_holder = [sys.executable, "-c", LOCK_HOLDER, str(tmp_path / "m.db")]
        holder = clients.enter_context(subprocess.Popen(lock_holder, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True))
        assert holder.stdout.readline() == "locked\n"
        # Owed no answer, they are queued from the accepting thread; the third at the latest finds
        # the queue full while the writer waits for the lock.
        message = (json.dumps(READING).encode() + b"\n") * 3
        waiting = [clients.enter_context(one_shot(server.address, message)) for _ in range(3)]
        server.start()
        with LineClient(server.address) as other:
            other.send(b"x\n")
            assert other.answer() == {"error": "invalid JSON at byte 0"}
        assert server.storage.failed == 0, "the answer came only once the writer gave up waiting for the lock"
        holder.stdin.close()
        assert [client.recv(100) for client in waiting] == [b""] * 3
    assert len(stored_rows(tmp_path / "m.db")) == 9


def test_big_one_shot_floods_that_read_nothing_hold_up_no_sensor(tmp_path):
    with listening_server(tmp_path / "m.db") as server, contextlib.ExitStack() as clients:
        for _ in range(2):
            clients.enter_context(one_shot(server.address, b"x\n" * 32_000, receive_buffer=1024))
        server.start()
        with LineClient(server.address) as sensor:
            sensor.send({**READING, "seq": 1})
            assert sensor.answer() == {"ack": 1}


def test_one_shot_readings_without_seq_are_stored(tmp_path):
    with listening_server(tmp_path / "m.db") as server:
        message = json.dumps(READING).encode() + b"\n"
        clients = [one_shot(server.address, message * 3) for _ in range(4)]
        server.start()
        for client in clients:
            with client:
                assert client.recv(100) == b""
    assert len(stored_rows(tmp_path / "m.db")) == 12


def test_out_of_file_descriptors_the_server_logs_once_and_accepts_again_when_some_are_freed(tmp_path):
    limit = functools.partial(resource.setrlimit, resource.RLIMIT_NOFILE, (40, 40))
    with open(tmp_path / "server.log", "w") as log:
        server = ServerProcess("--db", str(tmp_path / "m.db"), stderr=log, preexec_fn=limit)
        try:
            with contextlib.ExitStack() as waiting_one:
                with contextlib.ExitStack() as idle:
                    for _ in range(60):
                        idle.enter_context(socket.create_connection(server.address, timeout=10))
                    waiting = waiting_one.enter_context(LineClient(server.address))
                    waiting.send({**READING, "seq": 1})
                    assert select.select([waiting.socket], [], [], QUIET)[0] == [], "no descriptor was left to accept it"
                # Its connection was kept in the backlog; the descriptors freed, it is served.
                assert waiting.answer() == {"ack": 1}
        finally:
            server.stop()
    lines = (tmp_path / "server.log").read_text().splitlines()
    assert sum("accept failed: [Errno 24] Too many open files" in line for line in lines) == 1
