"""The exercise's echo server, mono-task (`EchoServer`) and multi-task (`echo_multi`).

docs/protocol.md section 4: every chunk of bytes received goes back as `echo:` + those bytes, whatever
they are. When the client goes away, cleanly or not, the server goes straight back to accepting.
A client beyond `max_connections` gets one line that begins with `busy:`, never with `echo:`.

While the server window's wire view watches a client (`ConnectionStats.wire`), each chunk read and
its echo are recorded there; the echo cuts no messages, so a chunk stands alone.
"""

from __future__ import annotations

import logging
import socket
import threading
import time

from models.server_state import ServerMonitor
from network.serveur import Serveur, format_peer

ECHO_PORT = 49631
PREFIX = b"echo:"
RECV_SIZE = 65536
PREVIEW_SIZE = 40
BUSY = b"busy:"
MAX_CONNECTIONS = 256


def speak_to_client(connection: socket.socket, peer: str, monitor: ServerMonitor) -> None:
    """The whole conversation with one client: echo each chunk until the client leaves or stays idle too long."""
    stats = monitor.connection_opened(peer, threading.current_thread().name)
    why = ""
    try:
        while chunk := connection.recv(RECV_SIZE):
            # Read once per chunk: the only cost of the wire view while nobody watches.
            wire = stats.wire
            if wire is not None:
                wire.read(chunk, time.time(), [], (False, False))
            connection.sendall(PREFIX + chunk)
            if wire is not None:
                wire.replies([PREFIX + chunk], time.time())
            monitor.event(logging.INFO, f"echoed {len(chunk)} bytes: {_preview(chunk)}", peer)
    except TimeoutError:
        why = f"idle for {connection.gettimeout():g} s"
    except OSError as error:
        why = error.strerror or str(error)
    finally:
        monitor.connection_closed(stats, why)


class EchoServer(Serveur):
    """Mono-task: the accepting thread speaks to each client itself, so a second one waits in the backlog.

    `monitor.connections()` lists the clients being served and `monitor.events()` has a line per
    chunk echoed, for a window.
    """

    one_thread_per_connection = False

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = ECHO_PORT,
        idle_timeout: float | None = 300.0,
        max_connections: int = MAX_CONNECTIONS,
    ):
        super().__init__(host, port, max_connections, idle_timeout)
        self.monitor = ServerMonitor()

    def handle(self, connection: socket.socket, peer: tuple) -> None:
        # A client accepted once stop() has begun (in the race, or drained from the backlog) is not
        # among the connections stop() shuts: speaking to it would hold stop() up.
        if not self.stopping:
            speak_to_client(connection, format_peer(peer), self.monitor)

    def stop(self) -> None:
        super().stop()
        # Refusals not yet logged one by one are reported, as the readings server does.
        self.monitor.report_rejections()

    def refuse(self, connection: socket.socket, peer: tuple) -> None:
        self.monitor.refused(format_peer(peer), f"connection limit ({self.max_connections}) reached")
        connection.sendall(BUSY + b" connection limit (%d) reached, try again later\n" % self.max_connections)


def echo_multi(
    host: str = "127.0.0.1",
    port: int = ECHO_PORT,
    idle_timeout: float | None = 300.0,
    max_connections: int = MAX_CONNECTIONS,
) -> EchoServer:
    """The multi-task echo server: its accept loop starts a thread running `speak_to_client` for each client."""
    server = EchoServer(host, port, idle_timeout, max_connections)
    server.one_thread_per_connection = True
    return server


def _preview(chunk: bytes) -> str:
    text = repr(chunk[:PREVIEW_SIZE].decode("utf-8", "replace"))
    return text + "…" if len(chunk) > PREVIEW_SIZE else text
