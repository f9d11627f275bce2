"""One non-blocking connection from a sensor to a readings server (docs/protocol.md, section 1).

It never blocks its thread: connecting, writing and reading each do what the socket allows at once,
and the sensor's selector says when to call them again. So the sensor thread keeps its deadlines
and can be stopped at any moment, even when the server reads nothing.
"""

from __future__ import annotations

import errno
import math
import os
import selectors
import socket
import struct

import orjson

from models.reading import MAX_MESSAGE
from network.serveur import format_peer

RECV_SIZE = 256 * 1024
_ACK = b'{"ack": '
_CONNECT_IN_PROGRESS = {0, errno.EINPROGRESS, errno.EWOULDBLOCK, getattr(errno, "WSAEWOULDBLOCK", -1)}
_UNKNOWN_HOST = {socket.EAI_NONAME, getattr(socket, "EAI_NODATA", socket.EAI_NONAME)}


class LinkError(Exception):
    """The connection failed or is gone; `fatal` when trying again cannot help."""

    def __init__(self, sentence: str, fatal: bool = False):
        super().__init__(sentence)
        self.fatal = fatal


class SensorLink:
    """Started by the constructor (name lookup, then a connection in progress); `connected` once done.

    The sensor loop speaks to it and to `MqttLink` (network/sensors/mqtt_link.py) alike, but for the
    bytes: faults are made of bytes on a TCP connection, a broker's sensor publishes readings whole.
    """

    connecting_events = selectors.EVENT_WRITE
    """What the socket does once the connection is made (or has failed)."""
    max_in_flight = math.inf
    """A server answers every line in order, however many are on their way."""
    due = math.inf
    """When the link needs a turn of its own, readings apart: never, TCP keeps no heartbeat."""

    def __init__(self, host: str, port: int):
        self.where = format_peer((host, port))
        family, address = _resolve(host, port)
        self.socket = socket.socket(family, socket.SOCK_STREAM)
        self.socket.setblocking(False)
        code = self.socket.connect_ex(address)
        if code not in _CONNECT_IN_PROGRESS:
            self.socket.close()
            raise LinkError(self._connect_failure(code))
        self.connected = False
        self._out = memoryview(b"")
        self._partial = b""

    @property
    def wants_write(self) -> bool:
        """True while connecting or while bytes wait for room in the socket."""
        return not self.connected or bool(self._out)

    def finish_connecting(self) -> None:
        """Call when the socket became writable while connecting."""
        code = self.socket.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
        if code:
            raise LinkError(self._connect_failure(code))
        self.connected = True
        # The sensor batches its readings itself; Nagle's algorithm would only delay each batch.
        self.socket.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def queue(self, data: bytes) -> None:
        self._out = memoryview(bytes(self._out) + data) if self._out else memoryview(data)

    def flush(self, piece: int = 0) -> int:
        """Write what the socket takes now, at most `piece` bytes per send() when not 0; the rest waits for
        the next `flush()`. Returns how many sends wrote something."""
        sends = 0
        while self._out:
            try:
                written = self.socket.send(self._out[:piece] if piece else self._out)
            except BlockingIOError:
                return sends
            except OSError as error:
                raise self._lost(error) from None
            self._out = self._out[written:]
            sends += 1
        return sends

    def read(self) -> tuple[list[int | dict], bool]:
        """The replies that arrived, in order, and whether the server closed the connection.

        A run of acks comes back as one number (how many), anything else as the decoded object:
        a fast server sends little but acks, and they are counted, not parsed one by one.
        """
        chunks, closed = [], False
        while True:
            try:
                data = self.socket.recv(RECV_SIZE)
            except BlockingIOError:
                break
            except OSError as error:
                raise self._lost(error) from None
            if not data:
                closed = True
                break
            chunks.append(data)
            if len(data) < RECV_SIZE:
                break
        return self._replies(self._partial + b"".join(chunks)), closed

    def close(self) -> None:
        self.socket.close()

    def abort(self) -> None:
        """Close at once with a reset, as a sensor that loses power would: no goodbye, unsent bytes lost."""
        self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.socket.close()

    def _replies(self, data: bytes) -> list[int | dict]:
        end = data.rfind(b"\n") + 1
        complete, self._partial = data[:end], data[end:]
        if len(self._partial) > MAX_MESSAGE:
            raise LinkError(self._not_a_server())
        lines = complete.count(b"\n")
        if not lines:
            return []
        if complete.count(_ACK) == lines:
            return [lines]
        replies: list[int | dict] = []
        acks = 0
        for line in complete[:-1].split(b"\n"):
            if line.startswith(_ACK):
                acks += 1
                continue
            if acks:
                replies.append(acks)
                acks = 0
            replies.append(self._decode(line))
        if acks:
            replies.append(acks)
        return replies

    def _decode(self, line: bytes) -> dict:
        try:
            reply = orjson.loads(line)
        except orjson.JSONDecodeError:
            reply = None
        if not isinstance(reply, dict):
            raise LinkError(self._not_a_server())
        return reply

    def _connect_failure(self, code: int) -> str:
        if code == errno.ECONNREFUSED:
            return f"no server listens on {self.where}: start one or check the address; retrying"
        return f"cannot connect to {self.where} ({os.strerror(code)}); retrying"

    def closed_by_server(self) -> LinkError:
        return LinkError(f"{self.where} closed the connection; resending what was not acknowledged")

    def _lost(self, error: OSError) -> LinkError:
        why = error.strerror or str(error)
        return LinkError(f"the connection to {self.where} was lost ({why}); resending what was not acknowledged")

    def _not_a_server(self) -> str:
        return f"{self.where} does not answer as a Thermolab server: check the port; retrying"


def _resolve(host: str, port: int) -> tuple[int, tuple]:
    try:
        family, _, _, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    except socket.gaierror as error:
        if error.errno in _UNKNOWN_HOST:
            raise LinkError(f"unknown host {host}: check the server's address", fatal=True) from None
        raise LinkError(f"cannot look up {host} ({error.strerror}); retrying") from None
    except UnicodeError:
        raise LinkError(f"{host!r} is not a valid host name: check the server's address", fatal=True) from None
    return family, address
