"""Numbers no float can hold, sent to a real ServeurTCP: each gets its error line, nothing else changes."""

import socket

import pytest

from tests.support import TIMEOUT, LineClient, stored_rows

GOOD = b'{"capteur_id": "capteur_1", "temperature": 23.5, "seq": %d}\n'
HUGE_NUMBERS = [
    (b'{"capteur_id": "a", "temperature": 1' + b"0" * 400 + b', "seq": 3}', "temperature is out of range"),
    (b'{"capteur_id": "a", "temperature": -1' + b"0" * 400 + b', "seq": 3}', "temperature is out of range"),
    (b'{"capteur_id": "a", "temperature": 1' + b"0" * 5_000 + b', "seq": 3}', "temperature is out of range"),
    (
        b'{"capteur_id": "a", "temperature": 1, "timestamp": 1' + b"0" * 400 + b', "seq": 3}',
        "timestamp is out of range (years 1 to 9999)",
    ),
    (b'{"capteur_id": "a", "temperature": 1e308, "unit": "F", "seq": 3}', "temperature is out of range once converted to °C"),
]


def one_shot(address, message: bytes) -> None:
    """The exercise's client: connect, send, close, without reading."""
    with socket.create_connection(address, timeout=TIMEOUT) as sensor:
        sensor.sendall(message)


def one_shot_answer(address, message: bytes) -> bytes:
    """A one-shot client that closes only its sending side and reads what the server says."""
    with socket.create_connection(address, timeout=TIMEOUT) as sensor:
        sensor.sendall(message)
        sensor.shutdown(socket.SHUT_WR)
        answer = b""
        while chunk := sensor.recv(1000):
            answer += chunk
    return answer


@pytest.mark.parametrize(("message", "reason"), HUGE_NUMBERS)
def test_a_one_shot_client_with_a_huge_number_leaves_the_server_accepting(server, tmp_path, message, reason):
    one_shot(server.address, message)
    assert one_shot_answer(server.address, message) == b'{"error": "%s", "seq": 3}\n' % reason.encode()
    with LineClient(server.address) as sensor:
        sensor.send(GOOD % 1)
        assert sensor.answer() == {"ack": 1}
    server.stop()
    assert [row[0] for row in stored_rows(tmp_path / "mesures.db")] == ["capteur_1"]
    assert server.monitor.totals().rejected == 2


@pytest.mark.parametrize(("message", "reason"), HUGE_NUMBERS)
def test_every_other_reading_of_the_chunk_is_answered(server, client, tmp_path, message, reason):
    client.send(GOOD % 1 + GOOD % 2 + message + b"\n" + GOOD % 4)
    assert [client.answer() for _ in range(4)] == [{"ack": 1}, {"ack": 2}, {"error": reason, "seq": 3}, {"ack": 4}]
    client.send(GOOD % 5)
    assert client.answer() == {"ack": 5}
    assert len(stored_rows(tmp_path / "mesures.db")) == 4
