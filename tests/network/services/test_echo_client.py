"""`EchoClient` against the real echo server, and against a hand-driven one that cuts its replies."""

from __future__ import annotations

import math
import socket

import pytest

from network.services.echo import echo_multi
from network.services.echo_client import EchoClient, EchoTimeout
from network.services.service_client import ServiceError
from tests.support import TIMEOUT, serving

QUIET = 0.3


@pytest.fixture
def hand():
    """A listening socket the test answers itself, to send replies the real server seldom does."""
    with socket.create_server(("127.0.0.1", 0)) as listener:
        yield listener


def accepted(listener: socket.socket) -> socket.socket:
    connection, _ = listener.accept()
    connection.settimeout(TIMEOUT)
    return connection


def test_sends_text_or_bytes_and_receives_the_echo(echo_server):
    with EchoClient(*echo_server.address) as client:
        client.send("Le Mans")
        assert client.receive() == b"echo:Le Mans"
        client.send(b"\xff\x00binary")
        assert client.receive() == b"echo:\xff\x00binary"


def test_receives_a_line_longer_than_one_server_read_whole(echo_server):
    # Over 64 KiB, so the server reads it in several chunks; made of prefixes to be hard to follow.
    line = b"echo:" * 16_000
    with EchoClient(*echo_server.address) as client:
        client.send(line)
        reply = client.receive()
        client.send("next")
        assert client.receive() == b"echo:next"
    assert reply.count(b"echo:") > line.count(b"echo:")


@pytest.mark.parametrize(
    ("sent", "pieces"),
    [
        (b"hello", [b"echo:hel", b"echo:lo"]),
        (b"hello", [b"ec", b"ho:h", b"ello"]),
        (b"aecho:b", [b"echo:aecho:", b"echo:b"]),
        (b"aecho:b", [b"echo:a", b"echo:echo:b"]),
    ],
)
def test_follows_a_reply_the_server_cut_into_chunks(hand, sent, pieces):
    with EchoClient(*hand.getsockname()) as client, accepted(hand) as server:
        client.send(sent)
        assert server.recv(64) == sent
        for piece in pieces:
            server.sendall(piece)
        assert client.receive() == b"".join(pieces)


def test_keeps_what_arrived_when_it_times_out(hand):
    with EchoClient(*hand.getsockname()) as client, accepted(hand) as server:
        client.send("slow")
        server.sendall(b"echo:sl")
        with pytest.raises(EchoTimeout, match="no echo from .* within 0.3 s"):
            client.receive(QUIET)
        server.sendall(b"ow")
        assert client.receive(math.inf) == b"echo:slow"


def test_rejects_an_answer_that_is_no_echo(hand):
    with EchoClient(*hand.getsockname()) as client, accepted(hand) as server:
        client.send("hello")
        server.sendall(b"HTTP/1.1 400 Bad Request\r\n")
        with pytest.raises(ServiceError, match="is not an echo of what was sent"):
            client.receive()


def test_says_when_the_server_closed(hand):
    with EchoClient(*hand.getsockname()) as client:
        accepted(hand).close()
        client.send("anyone?")
        with pytest.raises(ServiceError, match="closed the connection: connect again"):
            client.receive()


def test_quit_closes_its_side(hand):
    client = EchoClient(*hand.getsockname())
    client.connect()
    with accepted(hand) as server:
        client.quit()
        assert server.recv(64) == b""


def test_used_without_a_connection_says_to_connect_first(hand):
    client = EchoClient(*hand.getsockname())
    not_connected = r"^the echo client is not connected to 127\.0\.0\.1:\d+: call connect\(\) first$"
    with pytest.raises(RuntimeError, match=not_connected):
        client.send("before connect()")
    client.connect()
    client.send("unanswered")
    client.quit()
    with pytest.raises(RuntimeError, match=not_connected):
        client.receive()


def test_without_server_says_how_to_start_one():
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        with pytest.raises(ServiceError, match="no server listens on .*: start one with `python main.py echo-server`"):
            EchoClient(*unused.getsockname()).connect()


def test_a_busy_echo_server_is_said_so():
    with serving(echo_multi(port=0, max_connections=1)) as server, EchoClient(*server.address) as first:
        first.send("first")
        assert first.receive() == b"echo:first"
        with EchoClient(*server.address) as second:
            second.send("second")
            with pytest.raises(ServiceError) as refused:
                second.receive()
    assert (
        str(refused.value) == f"the echo server at 127.0.0.1:{server.port} is busy: connection limit (1) reached, try again later"
    )
