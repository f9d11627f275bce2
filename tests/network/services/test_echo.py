"""The echo server, mono-task and multi-task, over real sockets on 127.0.0.1 (docs/protocol.md section 4)."""

from __future__ import annotations

import logging
import socket
import struct
import threading
import time

import pytest

from models.rejections import LOGGED_PER_WINDOW
from models.wire import WireKind
from network.services.echo import EchoServer, echo_multi
from tests.support import TIMEOUT, serving

# Long enough to show that an answer does not come; every other wait ends on an event.
QUIET = 0.3
# Every byte value but "e", so that each "echo:" in a reply is a prefix and never data.
NO_E = bytes(value for value in range(256) if value != ord("e"))


@pytest.fixture(params=["mono", "multi"])
def server(request):
    with serving(EchoServer(port=0) if request.param == "mono" else echo_multi(port=0)) as server:
        yield server


@pytest.fixture
def multi():
    with serving(echo_multi(port=0)) as server:
        yield server


def connect(server: EchoServer) -> socket.socket:
    return socket.create_connection(server.address, timeout=TIMEOUT)


def echo(connection: socket.socket, data: bytes) -> bytes:
    """Send one small message and read its echo: loopback hands it to the server in one chunk."""
    connection.sendall(data)
    return read_exactly(connection, len(b"echo:") + len(data))


def read_exactly(connection: socket.socket, size: int) -> bytes:
    data = b""
    while len(data) < size:
        chunk = connection.recv(size - len(data))
        assert chunk, f"the server closed the connection after {data!r}"
        data += chunk
    return data


def reset(connection: socket.socket) -> None:
    """Leave with a RST instead of a FIN (SO_LINGER 0), as a crashed client does."""
    connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    connection.close()


def test_prefixes_each_message_with_echo(server):
    with connect(server) as connection:
        assert echo(connection, b"hello") == b"echo:hello"
        assert echo(connection, "Saint-Étienne\n".encode()) == "echo:Saint-Étienne\n".encode()


@pytest.mark.parametrize("data", [bytes(range(256)), b"\xff\xfe\x00\x80 not UTF-8 \xc3", b"\x00", b"echo:echo:"])
def test_echoes_any_bytes_byte_for_byte(server, data):
    with connect(server) as connection:
        assert echo(connection, data) == b"echo:" + data


def test_echoes_a_very_long_input_whole(server):
    data = NO_E * 16_000
    with connect(server) as connection:
        # The client must read while it sends, or both sides' buffers fill up and wait on each other.
        sender = threading.Thread(target=connection.sendall, args=(data,))
        sender.start()
        reply = b""
        try:
            while len(reply.replace(b"echo:", b"")) < len(data):
                chunk = connection.recv(1 << 20)
                assert chunk, "the server closed the connection mid-echo"
                reply += chunk
        finally:
            sender.join()
    assert reply.startswith(b"echo:")
    assert reply.replace(b"echo:", b"") == data


def test_mono_task_answers_a_second_client_only_after_the_first_leaves(echo_server):
    first, second = connect(echo_server), connect(echo_server)
    with first, second:
        assert echo(first, b"first") == b"echo:first"
        # The kernel completed the second handshake, so sending works; nobody reads it yet.
        second.sendall(b"second")
        second.settimeout(QUIET)
        with pytest.raises(TimeoutError):
            second.recv(64)
        assert echo(first, b"still first") == b"echo:still first"
        first.close()
        second.settimeout(TIMEOUT)
        assert read_exactly(second, len(b"echo:second")) == b"echo:second"


def test_multi_task_answers_every_client_at_once(multi):
    clients = [connect(multi) for _ in range(20)]
    try:
        for number, client in enumerate(reversed(clients)):
            assert echo(client, b"%d" % number) == b"echo:%d" % number
    finally:
        for client in clients:
            client.close()


def test_goes_back_to_accepting_after_a_client_resets(server):
    served = connect(server)
    assert echo(served, b"bye") == b"echo:bye"
    reset(served)
    gone_before_its_echo = connect(server)
    gone_before_its_echo.sendall(b"anyone?")
    reset(gone_before_its_echo)
    with connect(server) as connection:
        assert echo(connection, b"next") == b"echo:next"


def test_serves_many_clients_in_a_row(server):
    for number in range(100):
        with connect(server) as connection:
            assert echo(connection, b"%d" % number) == b"echo:%d" % number


def test_mono_task_drops_a_silent_client_and_serves_the_next():
    server = EchoServer(port=0, idle_timeout=QUIET)
    server.start()
    try:
        with connect(server) as silent, connect(server) as waiting:
            waiting.sendall(b"my turn")
            assert read_exactly(waiting, len(b"echo:my turn")) == b"echo:my turn"
            assert silent.recv(64) == b""
        _, events = server.monitor.events()
    finally:
        server.stop()
    assert f"client disconnected (idle for {QUIET:g} s)" in [event.message for event in events]


def test_monitor_lists_clients_and_logs_each_echo(echo_server):
    with connect(echo_server) as connection:
        host, port = connection.getsockname()
        peer = f"{host}:{port}"
        echo(connection, b"hello")
        assert [stats.peer for stats in echo_server.monitor.connections()] == [peer]
    # Mono-task: the first client's goodbye is logged before the next client is served.
    with connect(echo_server) as connection:
        echo(connection, b"x")
    _, events = echo_server.monitor.events()
    assert [event.message for event in events if event.peer == peer] == [
        "client connected",
        "echoed 5 bytes: 'hello'",
        "client disconnected",
    ]


@pytest.mark.parametrize("mode", ["mono", "multi"])
def test_stops_promptly_with_clients_connected(mode):
    server = EchoServer(port=0) if mode == "mono" else echo_multi(port=0)
    server.start()
    served, waiting = connect(server), connect(server)
    with served, waiting:
        echo(served, b"busy")
        started = time.monotonic()
        server.stop()
        assert time.monotonic() - started < 2
        assert served.recv(64) == b""


def test_multi_task_tells_a_client_beyond_its_limit_that_it_is_busy():
    with serving(echo_multi(port=0, max_connections=2)) as server, connect(server) as first, connect(server) as second:
        assert echo(first, b"1") == b"echo:1"
        with connect(server) as third:
            refusal = b"busy: connection limit (2) reached, try again later\n"
            assert read_exactly(third, len(refusal)) == refusal
            assert third.recv(64) == b""
        assert echo(second, b"2") == b"echo:2"


def test_refusals_are_logged_a_few_times_then_summarised():
    server = echo_multi(port=0, max_connections=1)
    with serving(server), connect(server) as first:
        assert echo(first, b"1") == b"echo:1"
        for _ in range(20):
            with connect(server) as refused:
                assert refused.recv(64).startswith(b"busy:")
    warnings = [event.message for event in server.monitor.events()[1] if event.level == logging.WARNING]
    refusals = ["refused: connection limit (1) reached"] * LOGGED_PER_WINDOW
    assert warnings == [*refusals, "15 more rejected messages in the last 1 s"]


def test_a_watched_client_s_chunks_and_echoes_are_recorded_and_an_unwatched_one_s_are_not(server):
    with connect(server) as watched:
        assert echo(watched, b"before") == b"echo:before"
        peer = f"127.0.0.1:{watched.getsockname()[1]}"
        tap = server.monitor.watch(peer)
        assert tap is not None
        assert echo(watched, b"hello") == b"echo:hello"
        server.monitor.unwatch()
        assert echo(watched, b"after") == b"echo:after"
    said = tap.drain()
    assert [(event.kind, event.size, event.text) for event in said] == [
        (WireKind.CHUNK, 5, "hello"),
        (WireKind.REPLY, 10, "echo:hello"),
    ]
