"""The exercise's clock: a mono-task server that tells each client the time, and its client.

docs/protocol.md section 4: for each connection the server sends the local time as exactly eight ASCII
bytes, `HH:MM:SS`, closes that connection and goes back to accepting.
"""

from __future__ import annotations

import logging
import re
import socket
import time
from dataclasses import dataclass

from models.server_state import ServerMonitor
from network.serveur import Serveur, format_peer
from network.services.service_client import ServiceError, connect

CLOCK_PORT = 51793
TIME_FORMAT = "%H:%M:%S"
TIME_SIZE = 8
# 60: a leap second, which some systems show.
TIME_PATTERN = re.compile(rb"([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)")


class ClockServer(Serveur):
    """Mono-task: it never waits for a client, so one at a time costs nobody anything.

    `monitor` has one event per client served, for a window's log.
    """

    one_thread_per_connection = False

    def __init__(self, host: str = "127.0.0.1", port: int = CLOCK_PORT):
        super().__init__(host, port)
        self.monitor = ServerMonitor()

    def handle(self, connection: socket.socket, peer: tuple) -> None:
        now = time.strftime(TIME_FORMAT)
        try:
            connection.sendall(now.encode("ascii"))
        except OSError as error:
            self.monitor.event(logging.WARNING, f"time not sent: {error.strerror or error}", format_peer(peer))
        else:
            self.monitor.event(logging.INFO, f"sent {now}", format_peer(peer))


@dataclass(frozen=True)
class TimeAnswer:
    time: str
    """`HH:MM:SS`, the server's local time."""
    round_trip: float
    """Seconds from the start of the connection to the arrival of the time."""


def ask_time(host: str = "127.0.0.1", port: int = CLOCK_PORT, timeout: float = 5.0) -> TimeAnswer:
    """The time a clock server gives; ServiceError says what went wrong."""
    started = time.perf_counter()
    with connect(host, port, timeout, "clock-server") as connection:
        try:
            answer = _read_exactly(connection, TIME_SIZE)
            round_trip = time.perf_counter() - started
            extra = connection.recv(1)
        except TimeoutError:
            raise ServiceError(f"no time from {host}:{port} within {timeout:g} s: is it a clock server?") from None
        except OSError as error:
            raise ServiceError(f"the connection with {host}:{port} broke ({error.strerror or error}): try again") from None
    if extra or TIME_PATTERN.fullmatch(answer) is None:
        raise ServiceError(f"the answer from {host}:{port} is not a time (HH:MM:SS): is it a clock server?")
    return TimeAnswer(answer.decode("ascii"), round_trip)


def _read_exactly(connection: socket.socket, size: int) -> bytes:
    """Up to `size` bytes; fewer only when the server closed first."""
    data = b""
    while len(data) < size and (chunk := connection.recv(size - len(data))):
        data += chunk
    return data
