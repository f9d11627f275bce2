"""`ServeurTCP`: the readings collector of the exercise, a `Serveur` that speaks docs/protocol.md section 1.

Each connection thread reads what the socket has, lets `ReadingProtocol` cut it into messages, hands
the readings of that chunk to the storage as one batch, and answers in message order. When one of
those readings asked for an ack, the thread first waits for the batch to be committed: an ack is a
promise that the reading survives a crash.
"""

from __future__ import annotations

import functools
import logging
import socket
import threading
import time

from models.reading import MAX_MESSAGE, Reading
from models.server_config import DEFAULT_PORT, ServerConfig
from models.server_state import ServerMonitor
from models.storage import Storage
from network.collector.idle_ranking import IdleRanking
from network.collector.message_deadline import MessageDeadline
from network.collector.protocol import Authenticated, Closing, ReadingProtocol, Rejected, encode_reply
from network.collector.wire_capture import receive_watched
from network.serveur import Serveur, format_peer

# 64 KiB: enough readings per batch for the writer, and a thread blocked by back-pressure holds
# no more than that parsed; 100 connections x 256 KiB took the peak memory near 150 MB.
RECV_SIZE = 64 * 1024
# Once the server stops, a peer that keeps streaming gets this many more reads, not forever.
DRAIN_READS = 64
BUSY_REPLY = encode_reply(Closing("server busy"))
MESSAGE_TIMEOUT = 30.0
# A finished client that sent more than this is served by a thread: the accepting thread parses no
# more per client than a few readings, so a flood of big one-shot payloads holds up no other client.
PARSED_ON_ACCEPT = 4 * 1024


class ServeurTCP(Serveur):
    def __init__(
        self,
        storage: Storage,
        host: str = "127.0.0.1",
        port: int = DEFAULT_PORT,
        token: str | None = None,
        max_connections: int = 256,
        idle_timeout: float | None = 300.0,
        max_message: int = MAX_MESSAGE,
        message_timeout: float | None = MESSAGE_TIMEOUT,
    ):
        super().__init__(host, port, max_connections, idle_timeout)
        self.storage = storage
        self.token = token or None
        self.max_message = max_message
        self.message_timeout = message_timeout
        self._idle = IdleRanking()
        self.monitor = ServerMonitor(storage)
        storage.on_error = lambda reason: self.monitor.event(logging.ERROR, reason)
        storage.on_purged = lambda sentence: self.monitor.event(logging.INFO, sentence)

    @classmethod
    def from_config(cls, storage: Storage, config: ServerConfig) -> ServeurTCP:
        """The server the settings describe, as the window and the headless command both run it."""
        return cls(
            storage,
            config.host,
            config.port,
            config.token,
            config.max_connections,
            config.idle_timeout,
            message_timeout=config.message_timeout,
        )

    def serve_forever(self) -> None:
        if self._listener is None:
            self.listen()
        self.monitor.event(logging.INFO, f"server started on {format_peer(self.address)}")
        try:
            super().serve_forever()
        finally:
            self.monitor.event(logging.INFO, "server stopped")

    def stop(self) -> None:
        super().stop()
        # Once no connection is left, the rejections a summary has not yet counted are reported.
        self.monitor.report_rejections()

    def refuse(self, connection: socket.socket, peer: tuple) -> None:
        self.monitor.refused(format_peer(peer), "server busy")
        connection.sendall(BUSY_REPLY)

    def make_room(self) -> bool:
        """End the connection idle the longest (idle_ranking.py) with the busy line, so a sensor gets in."""
        evicted = self._idle.evict()
        if evicted is None:
            return False
        try:
            # Its thread's recv() then meets the end of the stream; the thread says why and leaves.
            # That thread sends the line, not this one: a peer that reads nothing holds up no other.
            evicted.shutdown(socket.SHUT_RD)
        except OSError:
            # Its peer or its own thread ended it meanwhile: the room is made all the same.
            pass
        return True

    def dispatch(self, connection: socket.socket, peer: tuple) -> None:
        """One thread per connection, except for a client that has already said everything and is
        owed no answer.

        The exercise's client connects, sends one reading and closes, often before it is accepted.
        Its whole conversation is then in the kernel's buffer: when it is small and holds only
        readings without a `seq`, it is read and queued here, in the accepting thread, instead of
        paying for a thread (and its hand-offs) to read 50 bytes. Whatever could block (waiting for
        a commit, sending to a peer that reads nothing, parsing a big chunk) is left to a thread.
        """
        said, finished = _already_said(connection)
        if finished and len(said) <= PARSED_ON_ACCEPT:
            protocol = ReadingProtocol(self.token, self.max_message)
            events = protocol.receive_data(said) + protocol.receive_data(b"")
            readings = [event for event in events if type(event) is Reading and event.seq is None]
            # A writer behind would make this thread wait for room: a client's thread waits instead.
            if len(readings) == len(events) and (not readings or self.storage.offer(readings, protocol.received_at)):
                queued = functools.partial(self._queued, readings=readings, received_at=protocol.received_at)
                self.serve_here(connection, peer, queued)
                return
        # Ranked here, in the accepting thread, so that the next make_room() already sees it.
        self._idle.opened(connection)
        try:
            self.serve_in_thread(connection, peer, functools.partial(self.handle, first=said, ended=finished))
        except BaseException:
            self._idle.closed(connection)
            raise

    def _queued(self, connection: socket.socket, peer: tuple, readings: list[Reading], received_at: float) -> None:
        """The conversation of a one-shot client owed no answer, its readings already queued: counted."""
        stats = self.monitor.connection_opened(format_peer(peer), threading.current_thread().name)
        why = ""
        try:
            if readings:
                self.monitor.readings_received(stats, readings, received_at)
        except Exception as error:
            why = f"server error: {type(error).__name__}"
            raise
        finally:
            self.monitor.connection_closed(stats, why)

    def handle(self, connection: socket.socket, peer: tuple, first: bytes = b"", ended: bool = False) -> None:
        """The conversation with one sensor; `first` is what was read before it began, and `ended`
        says the sensor had closed its side by then: no read is left to make, not even the one that
        would return end of stream (a poll and a recv more on the accepting thread)."""
        stats = self.monitor.connection_opened(format_peer(peer), threading.current_thread().name)
        protocol = ReadingProtocol(self.token, self.max_message)
        deadline = MessageDeadline(connection, self.idle_timeout, self.message_timeout)
        why = ""
        reads_left = DRAIN_READS
        try:
            if first:
                self._take(connection, protocol, deadline, first, stats)
            while not protocol.closed and reads_left and not deadline.overdue:
                try:
                    data = b"" if ended else connection.recv(RECV_SIZE)
                except TimeoutError:
                    if not deadline.overdue:
                        raise
                    break
                if not data and self._idle.evicted(connection):
                    # What was pending was cut by the server, not by the peer: it is no message.
                    connection.sendall(BUSY_REPLY)
                    break
                self._take(connection, protocol, deadline, data, stats)
                if not data:
                    break
                if self.stopping:
                    reads_left -= 1
            if deadline.overdue:
                self._answer(connection, [Closing(deadline.reason)], time.time(), stats)
        except TimeoutError:
            # Sending, too, waits no longer than a pending message has left.
            why = deadline.reason if deadline.overdue else f"idle for {self.idle_timeout:g} s"
        except OSError as error:
            why = error.strerror or str(error)
        except Exception as error:
            # A bug: Serveur logs its traceback; the event log says why this sensor was dropped.
            why = f"server error: {type(error).__name__}"
            raise
        finally:
            if self._idle.closed(connection):
                why = "closed to make room for a new connection"
            self.monitor.connection_closed(stats, why)

    def _take(self, connection: socket.socket, protocol: ReadingProtocol, deadline: MessageDeadline, data: bytes, stats) -> None:
        """One chunk: its messages answered, the connection's rank and limits brought up to date."""
        wire = stats.wire
        events = protocol.receive_data(data) if wire is None else receive_watched(wire, protocol, data)
        deadline.note(data, protocol.pending, bool(events))
        if any(type(event) is Reading or type(event) is Authenticated for event in events):
            # Only what the server accepted counts as activity: garbage keeps no connection ranked.
            self._idle.heard(connection)
        self._answer(connection, events, protocol.received_at, stats)

    def _answer(self, connection: socket.socket, events: list, received_at: float, stats) -> None:
        if not events:
            return
        readings = [event for event in events if type(event) is Reading]
        failure = None
        # A message that names no sensor (not even JSON) counts as the sensor of the reading before it on
        # this connection: a connection speaks for one sensor.
        sensor = stats.capteur_id
        if readings:
            commit = self.storage.submit(readings, received_at)
            self.monitor.readings_received(stats, readings, received_at)
            if any(reading.seq is not None for reading in readings):
                commit.wait()
                failure = commit.error
        replies = []
        for event in events:
            if type(event) is Reading:
                sensor = event.capteur_id
                if event.seq is not None:
                    replies.append(encode_reply(Rejected(failure, event.seq) if failure else event))
            else:
                if isinstance(event, Rejected):
                    self.monitor.rejected(stats, event.reason, received_at, event.capteur_id or sensor)
                elif isinstance(event, Closing):
                    self.monitor.rejected(stats, event.reason, received_at)
                replies.append(encode_reply(event))
        if replies:
            if stats.wire is not None:
                # Before sending: once the peer has its answer, the view has it too.
                stats.wire.replies(replies, time.time())
            connection.sendall(b"".join(replies))


def _already_said(connection: socket.socket) -> tuple[bytes, bool]:
    """What the client has sent so far, without waiting, and whether it has closed its side too."""
    timeout = connection.gettimeout()
    connection.setblocking(False)
    chunks: list[bytes] = []
    try:
        while sum(map(len, chunks)) < RECV_SIZE:
            chunk = connection.recv(RECV_SIZE)
            if not chunk:
                return b"".join(chunks), True
            chunks.append(chunk)
    except OSError:
        # Nothing more yet, or a reset that the connection's own thread will meet and report.
        pass
    finally:
        connection.settimeout(timeout)
    return b"".join(chunks), False
