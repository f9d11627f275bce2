"""Helpers for tests that talk to real servers over 127.0.0.1."""

from __future__ import annotations

import contextlib
import json
import socket
import sqlite3
from pathlib import Path

from models.storage import open_storage
from network.serveur_tcp import ServeurTCP

TIMEOUT = 10.0


@contextlib.contextmanager
def running_server(path: Path, text_file: bool = False, **options):
    """Storage and server started on port 0; both stopped and committed on exit."""
    storage = open_storage(path, text_file)
    server = ServeurTCP(storage, port=0, **options)
    server.start()
    try:
        yield server
    finally:
        server.stop()
        storage.close()


class LineClient:
    """A sensor that speaks newline-delimited JSON and reads the server's answers line by line."""

    def __init__(self, address: tuple[str, int]):
        self.socket = socket.create_connection(address, timeout=TIMEOUT)
        self._buffer = b""

    def __enter__(self) -> LineClient:
        return self

    def __exit__(self, *_) -> None:
        self.close()

    def send(self, *messages: dict | bytes) -> None:
        self.socket.sendall(b"".join(m if isinstance(m, bytes) else json.dumps(m).encode() + b"\n" for m in messages))

    def answer(self) -> dict:
        """The next answer; fails the test if none comes within TIMEOUT."""
        while b"\n" not in self._buffer:
            chunk = self.socket.recv(65536)
            assert chunk, "the server closed the connection instead of answering"
            self._buffer += chunk
        line, self._buffer = self._buffer.split(b"\n", 1)
        return json.loads(line)

    def wait_until_closed(self) -> None:
        """Return once the server ends the connection; a timeout fails the test."""
        try:
            while chunk := self.socket.recv(65536):
                self._buffer += chunk
        except ConnectionResetError:
            pass

    def close(self) -> None:
        self.socket.close()


def stored_rows(path: Path) -> list[tuple]:
    with contextlib.closing(sqlite3.connect(path)) as connection:
        return connection.execute("SELECT capteur_id, temperature, timestamp FROM mesures ORDER BY rowid").fetchall()
