"""The yardstick of `bench ingest`: the plainest collector that stores what one-shot clients send.

Blocking `accept()` on an accept queue as long as the system's usual limit (`socket.SOMAXCONN`),
one thread per connection, and a queue to one writer thread that commits whatever is waiting. It
checks readings with Thermolab's own rules and writes the same table, so the two differ only in how
they accept, serve and store; it answers nothing, has no limits, and stops only when killed.
`bench ingest` runs it in a child process:
`python -m app.bench.plain_server --db FILE` prints `listening on HOST:PORT` as the real server does.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import queue
import socket
import sqlite3
import threading
import time
from pathlib import Path

from models.reading import reading_from_message
from models.storage.sqlite import prepare_database

INSERT = "INSERT OR IGNORE INTO mesures VALUES (?, ?, ?, ?, ?)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    path = parser.parse_args().db
    db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    prepare_database(db, path)
    rows: queue.SimpleQueue = queue.SimpleQueue()
    threading.Thread(target=write, args=(db, rows), daemon=True).start()
    with socket.create_server(("127.0.0.1", 0), backlog=socket.SOMAXCONN) as listener:
        print(f"listening on 127.0.0.1:{listener.getsockname()[1]}", flush=True)
        while True:
            connection, _ = listener.accept()
            threading.Thread(target=serve, args=(connection, rows), daemon=True).start()


def serve(connection: socket.socket, rows: queue.SimpleQueue) -> None:
    """Read until the client closes; each line, and what follows the last newline, is one reading."""
    with connection:
        pending = b""
        while chunk := connection.recv(65536):
            *lines, pending = (pending + chunk).split(b"\n")
            for line in lines:
                store(line, rows)
        store(pending, rows)


def store(line: bytes, rows: queue.SimpleQueue) -> None:
    if not line.strip():
        return
    received_at = time.time()
    with contextlib.suppress(ValueError):  # InvalidReading and JSON errors alike: the line is dropped
        reading = reading_from_message(json.loads(line), received_at)
        rows.put(
            (reading.capteur_id, reading.temperature, reading.timestamp, received_at, 1 if reading.sensor_timestamp else None)
        )


def write(db: sqlite3.Connection, rows: queue.SimpleQueue) -> None:
    """Take every row waiting, or wait for one; commit them in one transaction."""
    while True:
        batch = [rows.get()]
        with contextlib.suppress(queue.Empty):
            while True:
                batch.append(rows.get_nowait())
        db.execute("BEGIN")
        db.executemany(INSERT, batch)
        db.execute("COMMIT")


if __name__ == "__main__":
    main()
