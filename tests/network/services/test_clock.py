"""The clock server and its client, over real sockets on 127.0.0.1 (docs/protocol.md section 4)."""

from __future__ import annotations

import re
import socket
import struct
import threading
import time
from datetime import datetime, timedelta

import pytest

from network.services.clock import ClockServer, ask_time
from network.services.service_client import ServiceError
from tests.support import TIMEOUT, serving


@pytest.fixture
def clock():
    with serving(ClockServer(port=0)) as server:
        yield server


def read_to_end(address: tuple[str, int]) -> bytes:
    with socket.create_connection(address, timeout=TIMEOUT) as connection:
        data = b""
        while chunk := connection.recv(64):
            data += chunk
    return data


def times_between(before: datetime, after: datetime) -> set[str]:
    """Every HH:MM:SS the clock may have shown between the two moments, midnight included."""
    seconds = int((after - before).total_seconds()) + 2
    return {(before + timedelta(seconds=k)).strftime("%H:%M:%S") for k in range(seconds)}


def reset(address: tuple[str, int], data: bytes = b"") -> None:
    """Connect, and leave with a RST instead of a FIN (SO_LINGER 0), as a crashed client does."""
    connection = socket.create_connection(address, timeout=TIMEOUT)
    connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    if data:
        connection.sendall(data)
    connection.close()


def test_sends_exactly_eight_bytes_of_local_time_then_closes(clock):
    before = datetime.now()
    answer = read_to_end(clock.address)
    after = datetime.now()
    assert len(answer) == 8
    assert answer.decode("ascii") in times_between(before, after)


def test_ask_time_gives_the_time_and_the_round_trip(clock):
    before = datetime.now()
    answer = ask_time(*clock.address)
    assert answer.time in times_between(before, datetime.now())
    assert 0 < answer.round_trip < TIMEOUT


def test_serves_many_clients_in_a_row(clock):
    answers = [read_to_end(clock.address) for _ in range(200)]
    assert all(re.fullmatch(rb"\d\d:\d\d:\d\d", answer) for answer in answers)


def test_clients_that_reset_leave_it_serving(clock):
    for _ in range(50):
        reset(clock.address)
    reset(clock.address, b"what time is it?")
    assert re.fullmatch(r"\d\d:\d\d:\d\d", ask_time(*clock.address).time)


def test_logs_one_event_per_client(clock):
    with socket.create_connection(clock.address, timeout=TIMEOUT) as connection:
        host, port = connection.getsockname()
        peer = f"{host}:{port}"
        answer = connection.recv(64)
        assert connection.recv(64) == b""
    _, events = clock.monitor.events()
    assert [(event.message, event.peer) for event in events] == [(f"sent {answer.decode()}", peer)]


def test_stops_promptly():
    server = ClockServer(port=0)
    server.start()
    ask_time(*server.address)
    started = time.monotonic()
    server.stop()
    assert time.monotonic() - started < 2
    with pytest.raises(ServiceError, match="no server listens"):
        ask_time(*server.address)


def test_ask_time_without_server_says_how_to_start_one():
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
        with pytest.raises(ServiceError, match=rf"no server listens on 127.0.0.1:{port}: start one with .*clock-server"):
            ask_time("127.0.0.1", port)


def test_ask_time_gives_up_on_a_silent_server():
    # Listening but never accepting: the connection completes in the backlog and nothing comes.
    with socket.create_server(("127.0.0.1", 0)) as silent:
        with pytest.raises(ServiceError, match=r"no time from .* within 0.2 s: is it a clock server\?"):
            ask_time(*silent.getsockname(), timeout=0.2)


@pytest.mark.parametrize("answer", [b"hello, world", b"25:00:00", b"12:00", b"\xff\xfe:00:00"])
def test_ask_time_rejects_what_is_not_a_time(answer):
    with socket.create_server(("127.0.0.1", 0)) as impostor:

        def answer_once():
            connection, _ = impostor.accept()
            with connection:
                connection.sendall(answer)

        thread = threading.Thread(target=answer_once)
        thread.start()
        try:
            with pytest.raises(ServiceError, match="is not a time"):
                ask_time(*impostor.getsockname())
        finally:
            thread.join()
