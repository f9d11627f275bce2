"""`Serveur`: what every TCP server of Thermolab does, whatever it says to its clients.

It listens, accepts, and hands each connection to `handle()`: in a thread of its own (the threads
extension of the exercise), or in the accepting thread for a mono-task server, where a second client
waits in the system's backlog until the first has left. Subclasses only say what a conversation is.
A bug met in serving one client is logged with its traceback and ends that connection, no other.

Stopping is prompt whatever the clients do: `stop()` wakes the accept loop through a socket pair
and half-closes every connection. On Linux a `recv()` then still returns what the client had already
delivered, then end of stream, so nothing sent before the stop is lost. A thread still alive after a
grace period (blocked sending to a peer that reads nothing) has its connection shut both ways.
"""

from __future__ import annotations

import errno
import logging
import selectors
import socket
import threading
from abc import ABC, abstractmethod

log = logging.getLogger(__name__)

# Connections the kernel completes while the accepting thread is busy. Beyond them it drops each
# new client's SYN, and the client retries only a second later: a burst of one-shot clients then
# waits on retries, not on the server (`bench ingest` counts them). Linux caps the value at
# net.core.somaxconn, 4096 by default since Linux 5.4.
BACKLOG = 4096
# A connection thread needs far less than the default 8 MiB stack, and a smaller one starts sooner
# (79 µs against 105 µs, measured on a 2-core VM) and reserves less memory per connection.
CONNECTION_STACK = 1024 * 1024
DRAIN_GRACE = 2.0
# Errors that leave the client in the backlog until the process or the system frees memory or a file
# descriptor; accept() is tried again after this pause, and the episode logged once.
STARVING = frozenset({errno.EMFILE, errno.ENFILE, errno.ENOBUFS, errno.ENOMEM})
STARVED_PAUSE = 0.1
JOIN_TIMEOUT = 5.0


class ServerError(Exception):
    """A server that cannot start; the message says what happened and what to do."""


class PortInUse(ServerError):
    """Another program listens on the port: a window offers another port instead of only saying so."""


class Serveur(ABC):
    one_thread_per_connection = True
    """False for a mono-task server: the accepting thread serves each client itself."""

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        max_connections: int = 256,
        idle_timeout: float | None = 300.0,
    ):
        self.host = host
        self.port = port
        self.max_connections = max_connections
        self.idle_timeout = idle_timeout
        self._listener: socket.socket | None = None
        self._wake_reader: socket.socket | None = None
        self._wake_writer: socket.socket | None = None
        self._stopping = threading.Event()
        self._stopped = False
        self._lock = threading.Lock()
        self._connections: dict[socket.socket, threading.Thread] = {}
        self._accept_thread: threading.Thread | None = None
        self._starved = False
        """accept() failed for want of a resource, and has not succeeded since."""

    @property
    def address(self) -> tuple[str, int]:
        """Where the server listens; the real port when it was asked for port 0."""
        return self.host, self.port

    def listen(self) -> None:
        """Bind and listen; raise ServerError with one sentence when that is impossible."""
        try:
            infos = socket.getaddrinfo(self.host, self.port, type=socket.SOCK_STREAM)
        except socket.gaierror:
            raise ServerError(f"unknown host {self.host}: give an address of this machine, such as 127.0.0.1") from None
        family, _, _, _, address = infos[0]
        listener = socket.socket(family, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            listener.bind(address)
            listener.listen(BACKLOG)
            # Non-blocking, so a client that resets between select() and accept() cannot hang the loop.
            listener.setblocking(False)
        except OSError as error:
            listener.close()
            raise (PortInUse if error.errno == errno.EADDRINUSE else ServerError)(self._explain(error)) from None
        self._listener = listener
        self.port = listener.getsockname()[1]
        self._wake_reader, self._wake_writer = socket.socketpair()

    def start(self) -> None:
        """Listen, then accept in a thread of its own; for callers that do not give up a thread."""
        if self._listener is None:
            self.listen()
        self._accept_thread = threading.Thread(target=self.serve_forever, name=f"accept :{self.port}", daemon=True)
        self._accept_thread.start()

    def serve_forever(self) -> None:
        """Accept until `stop()`; listens first if `listen()` was not called."""
        listener, wake_reader = self._listening()
        with selectors.DefaultSelector() as selector:
            selector.register(listener, selectors.EVENT_READ)
            selector.register(wake_reader, selectors.EVENT_READ)
            while not self._stopping.is_set():
                for key, _ in selector.select():
                    if key.fileobj is listener and not self._stopping.is_set():
                        while self._accept(listener):
                            pass
                if self._starved and not self._stopping.is_set():
                    # The client stays in the backlog and the listener readable: watching it now
                    # would spin. The wake-up socket alone is watched meanwhile, so stop stays prompt.
                    selector.unregister(listener)
                    selector.select(STARVED_PAUSE)
                    selector.register(listener, selectors.EVENT_READ)
        if self.one_thread_per_connection:
            # Clients whose connect() already succeeded may have sent readings: take them too,
            # `stop()` then drains them like every other connection.
            while self._accept(listener):
                pass

    def _listening(self) -> tuple[socket.socket, socket.socket]:
        """The listening socket and the reader of the wake-up pair; listens first if `listen()` was not called."""
        if self._listener is None:
            self.listen()
        assert self._listener is not None and self._wake_reader is not None, "listen() makes both or raises"
        return self._listener, self._wake_reader

    def request_stop(self) -> None:
        """Make the accept loop return soon; returns at once, so a window's thread can call it."""
        with self._lock:
            if self._stopping.is_set():
                return
            self._stopping.set()
        if self._wake_writer is not None:
            self._wake_writer.send(b"x")

    def stop(self) -> None:
        """Stop accepting, end every connection, and wait for their threads; a second call does nothing."""
        with self._lock:
            if self._stopped:
                return
            self._stopped = True
        self.request_stop()
        # A mono-task server's accept loop may be busy with a client: free it before joining it.
        threads = self._shut_connections(socket.SHUT_RD)
        if self._accept_thread is not None and self._accept_thread is not threading.current_thread():
            self._accept_thread.join(JOIN_TIMEOUT)
        if self._listener is not None:
            self._listener.close()
        # Only now can no connection be added: end those accepted while the loop was winding down.
        # A thread leaves the connections before it ends, so each list so far is joined, not the last.
        threads += self._shut_connections(socket.SHUT_RD)
        _join(threads, DRAIN_GRACE)
        # Those still open are shut both ways.
        _join([*threads, *self._shut_connections(socket.SHUT_RDWR)], JOIN_TIMEOUT)
        for wake in (self._wake_reader, self._wake_writer):
            if wake is not None:
                wake.close()

    def _shut_connections(self, how: int) -> list[threading.Thread]:
        with self._lock:
            connections = list(self._connections.items())
        for connection, _ in connections:
            _shutdown(connection, how)
        return [thread for _, thread in connections]

    @property
    def stopping(self) -> bool:
        return self._stopping.is_set()

    def connection_count(self) -> int:
        with self._lock:
            return len(self._connections)

    @abstractmethod
    def handle(self, connection: socket.socket, peer: tuple) -> None:
        """Talk with one client; return when it is done. The socket is closed afterwards."""

    def refuse(self, connection: socket.socket, peer: tuple) -> None:
        """A client over `max_connections`; the default closes without a word."""

    def make_room(self) -> bool:
        """A client over `max_connections`: end another connection to let it in, or say False to refuse it."""
        return False

    def _accept(self, listener: socket.socket) -> bool:
        """Accept one waiting client; False when none is waiting."""
        try:
            connection, peer = listener.accept()
        except BlockingIOError:
            return False
        except OSError as error:
            if error.errno not in STARVING:
                # A network error that consumed the client: keep serving those already connected.
                log.warning("accept failed: %s", error)
            elif not self._starved:
                self._starved = True
                log.warning("accept failed: %s; trying again every %g s", error, STARVED_PAUSE)
            return False
        if self._starved:
            self._starved = False
            log.warning("accepting again")
        try:
            connection.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
            connection.settimeout(self.idle_timeout)
            if self.connection_count() >= self.max_connections and not self.make_room():
                self._serve(connection, peer, self.refuse)
            else:
                self.dispatch(connection, peer)
        except Exception:
            # A bug met before the conversation began (a thread that cannot start, say): this client
            # is lost, the others are not.
            log.exception("could not serve %s; the server goes on", format_peer(peer))
            with self._lock:
                self._connections.pop(connection, None)
            connection.close()
        return True

    def dispatch(self, connection: socket.socket, peer: tuple) -> None:
        """Serve an accepted client: in a thread of its own, or right here for a mono-task server."""
        if self.one_thread_per_connection:
            self.serve_in_thread(connection, peer, self.handle)
        else:
            self.serve_here(connection, peer, self.handle)

    def serve_in_thread(self, connection: socket.socket, peer: tuple, conversation) -> None:
        thread = threading.Thread(target=self._serve, args=(connection, peer, conversation), daemon=True)
        thread.name = f"client {format_peer(peer)}"
        with self._lock:
            self._connections[connection] = thread
        _start_with_stack(thread, CONNECTION_STACK)

    def serve_here(self, connection: socket.socket, peer: tuple, conversation) -> None:
        with self._lock:
            self._connections[connection] = threading.current_thread()
        self._serve(connection, peer, conversation)

    def _serve(self, connection: socket.socket, peer: tuple, conversation) -> None:
        try:
            conversation(connection, peer)
        except OSError as error:
            log.info("connection with %s ended: %s", format_peer(peer), error)
        except Exception:
            # A bug in one conversation must not end the accept loop, nor reach threading.excepthook.
            log.exception("serving %s failed; the server goes on", format_peer(peer))
        finally:
            with self._lock:
                self._connections.pop(connection, None)
            _shutdown(connection)
            connection.close()

    def _explain(self, error: OSError) -> str:
        where = f"{self.host}:{self.port}"
        if error.errno == errno.EADDRINUSE:
            return f"port {self.port} is already in use on {self.host}: stop the program using it or choose another port"
        if error.errno == errno.EACCES:
            return f"not allowed to listen on {where}: choose a port above 1023"
        if error.errno == errno.EADDRNOTAVAIL:
            return f"{self.host} is not an address of this machine: use 127.0.0.1 or one of its own addresses"
        return f"cannot listen on {where}: {error.strerror}"


def format_peer(peer: tuple) -> str:
    host, port = peer[0], peer[1]
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def _shutdown(connection: socket.socket, how: int = socket.SHUT_RDWR) -> None:
    try:
        connection.shutdown(how)
    except OSError:
        pass


def _start_with_stack(thread: threading.Thread, size: int) -> None:
    """The stack size is a process-wide setting read when a thread starts: set it for this one only."""
    previous = threading.stack_size(size)
    try:
        thread.start()
    finally:
        threading.stack_size(previous)


def _join(threads: list[threading.Thread], timeout: float) -> None:
    for thread in threads:
        if thread is not threading.current_thread():
            thread.join(timeout)
