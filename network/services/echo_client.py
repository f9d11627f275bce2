"""`EchoClient`: the exercise's echo_client.py as a class: connect, send, receive the echo, quit."""

from __future__ import annotations

import math
import socket
import time

from network.services.echo import BUSY, ECHO_PORT, PREFIX, RECV_SIZE
from network.services.service_client import ServiceError, connect

_BEGUN = len(PREFIX)
_UNDER_WAY = _BEGUN + 1
MAX_READINGS = 8


class EchoTimeout(ServiceError):
    """The echo is not complete yet; what arrived is kept, so `receive()` can be called again."""


class EchoClient:
    def __init__(self, host: str = "127.0.0.1", port: int = ECHO_PORT, timeout: float = 5.0):
        self.host = host
        self.port = port
        self.timeout = timeout
        self._socket: socket.socket | None = None
        self._reply = _EchoReply()

    def __enter__(self) -> EchoClient:
        self.connect()
        return self

    def __exit__(self, *_) -> None:
        self.quit()

    def connect(self) -> None:
        self._socket = connect(self.host, self.port, self.timeout, "echo-server")

    def send(self, data: bytes | str) -> None:
        """Send bytes as they are, or text as UTF-8."""
        data = data.encode() if isinstance(data, str) else data
        connection = self._connected()
        try:
            connection.sendall(data)
        except OSError as error:
            raise self._broken(error) from None
        self._reply.sent += data

    def receive(self, timeout: float | None = None) -> bytes:
        """The echo of everything sent since the last one, as the server wrote it: `echo:` before each chunk it read.

        EchoTimeout when it is not complete within `timeout` seconds (None: the client's; math.inf: no limit).
        """
        limit = self.timeout if timeout is None else timeout
        deadline = time.monotonic() + limit
        while self._reply.sent and not self._reply.complete:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise EchoTimeout(f"no echo from {self.host}:{self.port} within {limit:g} s")
            connection = self._connected()
            connection.settimeout(None if remaining == math.inf else remaining)
            try:
                chunk = connection.recv(RECV_SIZE)
            except TimeoutError:
                continue
            except OSError as error:
                raise self._broken(error) from None
            if not chunk:
                raise ServiceError(f"the echo server at {self.host}:{self.port} closed the connection: connect again")
            if not self._reply.feed(chunk):
                if self._reply.received.startswith(BUSY):
                    said = bytes(self._reply.received[len(BUSY) :]).decode("utf-8", "replace").strip()
                    raise ServiceError(f"the echo server at {self.host}:{self.port} is busy: {said}")
                raise ServiceError(
                    f"the answer from {self.host}:{self.port} is not an echo of what was sent: is it an echo server?"
                )
        reply, self._reply = bytes(self._reply.received), _EchoReply()
        return reply

    def quit(self) -> None:
        """Leave: close the connection, as the exercise's client does when its user types quit."""
        if self._socket is not None:
            self._socket.close()
            self._socket = None

    def _connected(self) -> socket.socket:
        """The connection; RuntimeError before `connect()` or after `quit()`, a misuse no window makes."""
        if self._socket is None:
            raise RuntimeError(f"the echo client is not connected to {self.host}:{self.port}: call connect() first")
        return self._socket

    def _broken(self, error: OSError) -> ServiceError:
        return ServiceError(f"the connection with {self.host}:{self.port} broke ({error.strerror or error}): connect again")


class _EchoReply:
    """Follows the reply against what was sent, however the server cut it into chunks.

    A reading is (bytes of `sent` echoed, progress): below _BEGUN, the bytes of an `echo:` read so
    far; _BEGUN, a chunk that has no byte yet; _UNDER_WAY, a chunk that has some. Data that itself
    holds `echo:` can be read several ways, so several readings may be alive at once.
    """

    def __init__(self):
        self.sent = b""
        self.received = bytearray()
        self._readings = {(0, 0)}

    @property
    def complete(self) -> bool:
        return (len(self.sent), _UNDER_WAY) in self._readings

    def feed(self, chunk: bytes) -> bool:
        """Take more of the reply; False when it cannot be an echo of `sent`."""
        self.received += chunk
        sent, readings = self.sent, self._readings
        for byte in chunk:
            following = set()
            for echoed, progress in readings:
                if progress < _BEGUN:
                    if byte == PREFIX[progress]:
                        following.add((echoed, progress + 1))
                    continue
                if echoed < len(sent) and byte == sent[echoed]:
                    following.add((echoed + 1, _UNDER_WAY))
                if progress == _UNDER_WAY and byte == PREFIX[0]:
                    following.add((echoed, 1))
            if len(following) > MAX_READINGS:
                # Data that repeats `echo:` has a reading per repeat, which would make this quadratic:
                # keep those with the fewest prefixes, since a server seldom cuts what it reads.
                following = set(sorted(following, reverse=True)[:MAX_READINGS])
            readings = following
        self._readings = readings
        return bool(readings)
