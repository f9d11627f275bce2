"""What every Serveur does whatever its conversation: a bug in serving one client stops nobody else."""

from __future__ import annotations

import logging
import socket
import threading

import pytest

from network.serveur import Serveur, format_peer
from tests.support import TIMEOUT, serving


class Fragile(Serveur):
    """Sends back what a client says, except "boom", which meets a bug."""

    def __init__(self, threads: bool):
        super().__init__(port=0)
        self.one_thread_per_connection = threads

    def handle(self, connection: socket.socket, peer: tuple) -> None:
        said = connection.recv(64)
        if said == b"boom":
            raise ValueError("a bug met in serving one client")
        connection.sendall(said)


def talk(server: Serveur, said: bytes) -> tuple[str, bytes]:
    """Say something on a connection of its own; the client's address and all the server answered."""
    with socket.create_connection(server.address, timeout=TIMEOUT) as client:
        client.sendall(said)
        client.shutdown(socket.SHUT_WR)
        answer = b""
        while chunk := client.recv(64):
            answer += chunk
        return format_peer(client.getsockname()), answer


@pytest.mark.parametrize("threads", [False, True], ids=["mono-task", "thread per client"])
def test_a_bug_in_serving_one_client_is_logged_once_and_the_next_client_is_served(threads, caplog, monkeypatch):
    uncaught = []
    monkeypatch.setattr(threading, "excepthook", uncaught.append)
    with serving(Fragile(threads)) as server:
        doomed, answer = talk(server, b"boom")
        assert answer == b""
        assert talk(server, b"hello")[1] == b"hello"
    assert uncaught == []
    failures = [record for record in caplog.records if record.levelno >= logging.ERROR]
    assert [record.getMessage() for record in failures] == [f"serving {doomed} failed; the server goes on"]
    assert "ValueError: a bug met in serving one client" in caplog.text


class NoThreadLeft(Fragile):
    """Cannot start a thread for its first client, as when the system has none left to give."""

    def __init__(self):
        super().__init__(threads=True)
        self.refusals = 1

    def serve_in_thread(self, connection, peer, conversation):
        if self.refusals:
            self.refusals -= 1
            raise RuntimeError("can't start new thread")
        super().serve_in_thread(connection, peer, conversation)


def test_a_client_that_cannot_be_given_a_thread_is_closed_and_logged_and_the_next_is_served(caplog):
    with serving(NoThreadLeft()) as server:
        with socket.create_connection(server.address, timeout=TIMEOUT) as client:
            unserved = format_peer(client.getsockname())
            assert client.recv(64) == b""
        assert talk(server, b"hello")[1] == b"hello"
        assert server.connection_count() == 0
    assert f"could not serve {unserved}; the server goes on" in caplog.text
    assert "RuntimeError: can't start new thread" in caplog.text
