"""Helpers for tests that talk to real servers over 127.0.0.1."""

from __future__ import annotations

import contextlib
import json
import select
import signal
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path

from models.series import SensorBatch
from models.storage import open_storage
from network.collector.serveur_tcp import ServeurTCP

TIMEOUT = 10.0
ROOT = Path(__file__).resolve().parent.parent


@contextlib.contextmanager
def running_server(path: Path, text_file: bool = False, port: int = 0, **options):
    """Storage and server started (on a free port unless one is given); both stopped and committed on exit."""
    storage = open_storage(path, text_file)
    server = ServeurTCP(storage, port=port, **options)
    server.start()
    try:
        yield server
    finally:
        server.stop()
        storage.close()


@contextlib.contextmanager
def serving(server):
    """A Serveur (clock, echo, ...) accepting in its own thread, stopped on exit."""
    server.start()
    try:
        yield server
    finally:
        server.stop()


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

    def trickle(self, data: bytes, every: float) -> None:
        """Send a byte every `every` seconds until the server has something to say."""
        for byte in data:
            self.socket.sendall(bytes([byte]))
            readable, _, _ = select.select([self.socket], [], [], every)
            if readable:
                return
        raise AssertionError("the whole message went through without a word from the server")

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


class ServerProcess:
    """`python main.py server --headless` in a real process, on a free port unless one is given."""

    def __init__(self, *arguments: str, port: int = 0, stderr=subprocess.PIPE, preexec_fn=None):
        self.process = subprocess.Popen(
            [sys.executable, str(ROOT / "main.py"), "server", "--headless", "--port", str(port), *arguments],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
            preexec_fn=preexec_fn,
        )
        self.printed: list[str] = []
        """What stdout said before the lines waited for."""
        self.address = _address(self.wait_for_line("listening on "))

    def wait_for_line(self, prefix: str) -> str:
        """The first stdout line that starts with `prefix`; fails if the process ends first.

        Lines are read as they come: a selector on the pipe would miss a line that readline()
        already buffered. A server that stays silent is ended by the test timeout.
        """
        for line in self.process.stdout:
            if line.startswith(prefix):
                return line.strip()
            self.printed.append(line)
        raise AssertionError(f"the server never printed {prefix!r}: {self.process.stderr.read()}")

    def stop(self, signum: int = signal.SIGTERM) -> tuple[int, str, str]:
        """Send the signal; return the exit code, the rest of stdout and stderr."""
        self.process.send_signal(signum)
        stdout, stderr = self.process.communicate(timeout=TIMEOUT)
        return self.process.returncode, stdout, stderr


def _address(line: str) -> tuple[str, int]:
    host, port = line.removeprefix("listening on ").rsplit(":", 1)
    return host, int(port)


def run_main(*arguments: str, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *arguments], cwd=ROOT, capture_output=True, text=True, timeout=timeout
    )


def batches(points: dict) -> dict:
    """{capteur_id: (times, values)} as the chart and the sensors table take them."""
    return {capteur_id: SensorBatch.of(times, values) for capteur_id, (times, values) in points.items()}
