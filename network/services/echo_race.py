"""N echo clients that each hold a short conversation with one echo server, all at once: what makes the
waiting of a mono-task server visible (docs/architecture.md, "Why a second client waits").

The clients connect one after the other, so their position is the order the server's backlog holds
them in, then each sends `messages` lines, one round trip at a time, `pause` seconds apart, and
leaves. A mono-task server serves them in turn: client k's first round trip lasts as long as the
conversations of the k - 1 before it. A multi-task server answers them all at once.

`round_trips()` gives each client's longest round trip so far, counting one still waiting as the time
it has waited: read a few times a second, a waiting client's figure grows while it waits.
"""

from __future__ import annotations

import socket
import threading
import time
from dataclasses import dataclass

from network.services.echo import PREFIX

MAX_CLIENTS = 32
"""At the default pace a conversation lasts half a second: the last of 32 clients of a mono-task server
waits about 15 s, long enough to be seen, short enough to wait for."""
CONNECT_TIMEOUT = 5.0


@dataclass
class _Client:
    position: int
    longest: float = 0.0
    waiting_since: float | None = None
    """When the round trip under way began; None between round trips."""
    answered: int = 0
    problem: str | None = None
    connection: socket.socket | None = None


class EchoRace:
    """Not started by the constructor; `stop()` ends every client thread, which `start()` made."""

    def __init__(self, host: str, port: int, clients: int, messages: int = 5, pause: float = 0.1):
        if not 1 <= clients <= MAX_CLIENTS:
            raise ValueError(f"clients must be from 1 to {MAX_CLIENTS}, got {clients}")
        self.address = (host, port)
        self.messages, self.pause = messages, pause
        self._clients = [_Client(position) for position in range(1, clients + 1)]
        self._stopping = threading.Event()
        self._threads: list[threading.Thread] = []

    def start(self) -> None:
        """Connect every client in turn (the server's backlog keeps that order), then let them all talk."""
        for client in self._clients:
            try:
                client.connection = socket.create_connection(self.address, CONNECT_TIMEOUT)
            except OSError as error:
                client.problem = error.strerror or str(error)
        for client in self._clients:
            if client.connection is not None:
                thread = threading.Thread(target=self._talk, args=(client,), name=f"echo client {client.position}", daemon=True)
                self._threads.append(thread)
                thread.start()

    def round_trips(self, now: float | None = None) -> list[float]:
        """Seconds, in the clients' order: each one's longest round trip, one under way counted as far as it went."""
        now = time.monotonic() if now is None else now
        shown = []
        for client in self._clients:
            since = client.waiting_since
            shown.append(max(client.longest, now - since) if since is not None else client.longest)
        return shown

    @property
    def finished(self) -> bool:
        """Every client has had all its answers, or has given up."""
        return all(client.answered == self.messages or client.problem for client in self._clients)

    def problems(self) -> list[str]:
        return [f"client {client.position}: {client.problem}" for client in self._clients if client.problem]

    def stop(self) -> None:
        """End every conversation now; the threads are joined before it returns."""
        self._stopping.set()
        for client in self._clients:
            if client.connection is not None:
                try:
                    client.connection.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass  # already closed by its thread, or never connected
        for thread in self._threads:
            thread.join()
        self._threads = []

    def _talk(self, client: _Client) -> None:
        connection = client.connection
        assert connection is not None, "start() runs only the clients that connected"
        try:
            with connection:
                # No timeout: a client of a mono-task server waits as long as the ones before it talk; stop() wakes it.
                connection.settimeout(None)
                for number in range(1, self.messages + 1):
                    if self._stopping.is_set():
                        return
                    self._round_trip(client, connection, b"message %d of client %d\n" % (number, client.position))
                    if self._stopping.wait(self.pause):
                        return
        except OSError as error:
            if not self._stopping.is_set():
                client.problem = error.strerror or str(error)
        finally:
            client.waiting_since = None

    def _round_trip(self, client: _Client, connection: socket.socket, line: bytes) -> None:
        expected = len(PREFIX) + len(line)
        client.waiting_since = started = time.monotonic()
        connection.sendall(line)
        received = 0
        while received < expected:
            chunk = connection.recv(expected - received)
            if not chunk:
                raise ConnectionResetError(0, "the server closed the connection")
            received += len(chunk)
        client.longest = max(client.longest, time.monotonic() - started)
        client.waiting_since = None
        client.answered += 1
