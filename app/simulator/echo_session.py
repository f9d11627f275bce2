"""The echo panel's conversation: an `EchoClient` in a thread of its own, fed through a queue.

The thread connects, sends each line typed and waits for its echo in short slices, so a word from the
window (another line, disconnect) is taken at once, even while a mono-task server busy with another
client keeps this one waiting; after NOTICE_AFTER seconds without an echo it says so, once.

Like the request runner it has no Qt parent: its thread keeps it alive until the thread ends.
"""

from __future__ import annotations

import queue
import threading
import time
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from network.services.echo_client import EchoClient, EchoTimeout
from network.services.service_client import ServiceError

NOTICE_AFTER = 2.0
SLICE = 0.05


@dataclass(frozen=True)
class _Line:
    text: str


@dataclass(frozen=True)
class _Leave:
    pass


class EchoSession(QObject):
    connected = Signal(str)
    """host:port."""
    echoed = Signal(str)
    """The server's answer to what was sent, `echo:` included."""
    waiting = Signal()
    closed = Signal(str)
    """Why, in one sentence; empty when the user left."""

    def __init__(self):
        super().__init__()
        self._commands: queue.Queue | None = None
        self._thread: threading.Thread | None = None

    def open(self, host: str, port: int) -> None:
        """Connect in the background; `connected` or `closed` follows.

        The panel offers Connect only once the last session said `closed`, so two never overlap.
        """
        self._commands = queue.Queue()
        self._thread = threading.Thread(
            target=self._run, args=(EchoClient(host, port), self._commands), name="echo client", daemon=True
        )
        self._thread.start()

    def send(self, line: str) -> None:
        if self._commands is not None:
            self._commands.put(_Line(line))

    def close(self) -> None:
        """Leave, as the exercise's client does on quit; `closed` follows."""
        if self._commands is not None:
            self._commands.put(_Leave())
            self._commands = None

    def wait(self, timeout: float) -> bool:
        """Wait for the thread to end; False if it is still connecting after `timeout` seconds."""
        if self._thread is None:
            return True
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def _run(self, client: EchoClient, commands: queue.Queue) -> None:
        try:
            client.connect()
        except ServiceError as error:
            self.closed.emit(str(error))
            return
        self.connected.emit(f"{client.host}:{client.port}")
        why = ""
        try:
            self._converse(client, commands)
        except ServiceError as error:
            why = str(error)
        finally:
            client.quit()
        self.closed.emit(why)

    def _converse(self, client: EchoClient, commands: queue.Queue) -> None:
        asked_at: float | None = None
        told = False
        while True:
            try:
                command = commands.get(block=asked_at is None)
            except queue.Empty:
                command = None
            if isinstance(command, _Leave):
                return
            if isinstance(command, _Line):
                client.send(command.text)
                asked_at = asked_at or time.monotonic()
            if asked_at is None:
                continue
            try:
                reply = client.receive(SLICE)
            except EchoTimeout:
                if not told and time.monotonic() - asked_at >= NOTICE_AFTER:
                    self.waiting.emit()
                    told = True
                continue
            self.echoed.emit(reply.decode("utf-8", "replace"))
            asked_at, told = None, False
