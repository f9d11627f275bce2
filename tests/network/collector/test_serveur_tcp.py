"""ServeurTCP over real sockets: acks after commit, errors in order, limits, token, other sensors unharmed."""

import socket
import struct

import pytest

from tests.support import LineClient, running_server, stored_rows

GOOD = {"capteur_id": "capteur_1", "temperature": 23.5}


def test_acks_and_errors_come_back_in_message_order(server, client):
    client.send({**GOOD, "seq": 1}, {**GOOD, "temperature": "hot", "seq": 2}, {**GOOD, "seq": 3})
    assert [client.answer() for _ in range(3)] == [
        {"ack": 1},
        {"error": "temperature must be a number", "seq": 2},
        {"ack": 3},
    ]


def test_an_ack_means_the_row_is_already_committed(server, client, tmp_path):
    client.send({**GOOD, "seq": 41})
    assert client.answer() == {"ack": 41}
    assert [row[:2] for row in stored_rows(tmp_path / "mesures.db")] == [("capteur_1", 23.5)]


BAD_MESSAGES = [
    ({"temperature": 1, "seq": 1}, "capteur_id is missing"),
    ({"capteur_id": "", "temperature": 1, "seq": 1}, "capteur_id must not be empty"),
    ({"capteur_id": "x" * 65, "temperature": 1, "seq": 1}, "capteur_id must be at most 64 characters"),
    ({"capteur_id": ["a"], "temperature": 1, "seq": 1}, "capteur_id must be a string"),
    ({"capteur_id": "a\nb", "temperature": 1, "seq": 1}, "capteur_id must not contain control characters"),
    ({"capteur_id": "c", "seq": 1}, "temperature is missing"),
    ({"capteur_id": "c", "temperature": "23", "seq": 1}, "temperature must be a number"),
    ({"capteur_id": "c", "temperature": False, "seq": 1}, "temperature must be a number"),
    ({"capteur_id": "c", "temperature": None, "seq": 1}, "temperature must be a number"),
    (b'{"capteur_id": "c", "temperature": NaN, "seq": 1}\n', "temperature must be finite (not NaN or Infinity)"),
    (b'{"capteur_id": "c", "temperature": Infinity, "seq": 1}\n', "temperature must be finite (not NaN or Infinity)"),
    ({"capteur_id": "c", "temperature": -300, "seq": 1}, "temperature is below absolute zero (-273.15 °C)"),
    ({"capteur_id": "c", "temperature": 1, "unit": "R", "seq": 1}, 'unit must be "C", "F" or "K"'),
    ({"capteur_id": "c", "temperature": 1, "timestamp": "soon", "seq": 1}, "timestamp is not an ISO 8601 date"),
    ({"capteur_id": "c", "temperature": 1, "seq": -1}, "seq must be an integer from 0 to 9223372036854775807"),
    ({"capteur_id": "c", "temperature": 1, "seq": 0.5}, "seq must be an integer from 0 to 9223372036854775807"),
    (b"[1, 2, 3]\n", "message must be a JSON object"),
    (b'{"capteur_id": "c" "temperature": 1}\n', "invalid JSON at byte 19"),
    (b'{"capteur_id": "\xff", "temperature": 1}\n', "invalid UTF-8 at byte 16"),
]


@pytest.mark.parametrize(("message", "reason"), BAD_MESSAGES)
def test_a_bad_message_is_answered_stored_nowhere_and_the_connection_reads_on(server, client, tmp_path, message, reason):
    client.send(message, {**GOOD, "seq": 2})
    error = client.answer()
    assert error["error"] == reason
    assert client.answer() == {"ack": 2}
    assert [row[0] for row in stored_rows(tmp_path / "mesures.db")] == ["capteur_1"]
    assert server.monitor.totals().rejected == 1


def test_blank_lines_are_not_messages(server, client):
    client.send(b"\n\r\n   \n", {**GOOD, "seq": 5})
    assert client.answer() == {"ack": 5}
    assert server.monitor.totals().rejected == 0


def test_a_70_kb_message_without_newline_is_refused_and_what_came_before_is_kept(server, client, tmp_path):
    client.send({**GOOD, "seq": 1})
    assert client.answer() == {"ack": 1}
    client.socket.sendall(b'{"capteur_id": "' + b"x" * 70_000)
    assert client.answer() == {"error": "message too large"}
    client.wait_until_closed()
    assert len(stored_rows(tmp_path / "mesures.db")) == 1


def test_a_resent_reading_with_a_timestamp_is_stored_once(server, client, tmp_path):
    reading = {**GOOD, "timestamp": "2026-11-21T14:31:05.123Z"}
    client.send({**reading, "seq": 1}, {**reading, "seq": 2}, {**GOOD, "seq": 3}, {**GOOD, "seq": 4})
    assert [client.answer() for _ in range(4)] == [{"ack": 1}, {"ack": 2}, {"ack": 3}, {"ack": 4}]
    assert len(stored_rows(tmp_path / "mesures.db")) == 3


def test_a_one_shot_client_is_never_written_to(server, tmp_path):
    with socket.create_connection(server.address) as one_shot:
        one_shot.sendall(b'{"capteur_id": "capteur_1", "temperature": 23.5}')
        one_shot.shutdown(socket.SHUT_WR)
        one_shot.settimeout(10)
        assert one_shot.recv(100) == b""
    server.stop()
    server.storage.close()
    assert stored_rows(tmp_path / "mesures.db")[0][:2] == ("capteur_1", 23.5)


def test_a_peer_that_vanishes_mid_message_stores_nothing_and_others_carry_on(server, tmp_path):
    with LineClient(server.address) as steady:
        with socket.create_connection(server.address) as vanishing:
            vanishing.sendall(b'{"capteur_id": "half", "temper')
            vanishing.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        steady.send({**GOOD, "seq": 1})
        assert steady.answer() == {"ack": 1}
    assert [row[0] for row in stored_rows(tmp_path / "mesures.db")] == ["capteur_1"]


def test_a_silent_peer_is_closed_after_the_idle_timeout(tmp_path):
    with running_server(tmp_path / "m.db", idle_timeout=0.3) as server, LineClient(server.address) as silent:
        silent.wait_until_closed()


def test_a_wrong_token_is_unauthorized_and_nothing_is_stored(tmp_path):
    with running_server(tmp_path / "m.db", token="s3cret") as server, LineClient(server.address) as intruder:
        intruder.send({**GOOD, "seq": 1}, {"auth": "s3cret"})
        assert intruder.answer() == {"error": "unauthorized"}
        intruder.wait_until_closed()
    assert stored_rows(tmp_path / "m.db") == []


def test_the_right_token_opens_the_connection(tmp_path):
    with running_server(tmp_path / "m.db", token="s3cret") as server, LineClient(server.address) as sensor:
        sensor.send({"auth": "s3cret"}, {**GOOD, "seq": 1})
        assert [sensor.answer(), sensor.answer()] == [{"ok": "auth"}, {"ack": 1}]


def test_stop_is_prompt_with_idle_clients_connected(tmp_path):
    with running_server(tmp_path / "m.db") as server:
        clients = [LineClient(server.address) for _ in range(20)]
        clients[0].send({**GOOD, "seq": 1})
        assert clients[0].answer() == {"ack": 1}
    for client in clients:
        client.wait_until_closed()
        client.close()


def test_the_text_file_gets_one_line_per_reading(tmp_path):
    path = tmp_path / "donnees.txt"
    with running_server(path, text_file=True) as server, LineClient(server.address) as sensor:
        sensor.send({**GOOD, "timestamp": 1_790_000_000.5, "seq": 1}, {"capteur_id": "=cmd", "temperature": 1, "seq": 2})
        assert [sensor.answer(), sensor.answer()] == [{"ack": 1}, {"ack": 2}]
        lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "capteur_1,23.5,2026-09-21T14:13:20.500000Z"
    assert lines[1].startswith("'=cmd,1.0,")


def test_rejections_are_counted_per_sensor_when_it_can_be_named(server, client):
    client.send({"capteur_id": "hot", "temperature": "x", "seq": 1}, {"temperature": 1, "seq": 2}, {**GOOD, "seq": 3})
    assert [client.answer() for _ in range(3)][-1] == {"ack": 3}
    assert server.monitor.rejected_by_sensor() == {"hot": 1}


def test_a_client_that_closed_its_side_still_gets_its_acks(server, tmp_path):
    with socket.create_connection(server.address, timeout=10) as sensor:
        sensor.sendall(b'{"capteur_id": "c", "temperature": 1, "seq": 1}\n{"capteur_id": "c", "temperature": "x", "seq": 2}\n')
        sensor.shutdown(socket.SHUT_WR)
        answers = b""
        while chunk := sensor.recv(1000):
            answers += chunk
    assert answers == b'{"ack": 1}\n{"error": "temperature must be a number", "seq": 2}\n'
    assert [row[0] for row in stored_rows(tmp_path / "mesures.db")] == ["c"]
