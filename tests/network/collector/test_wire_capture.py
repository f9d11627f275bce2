"""The wire view's recording: chunks, the messages cut from them, the replies; nothing when unwatched."""

import json

from models.wire import WireKind, WireTap
from network.collector.protocol import ReadingProtocol
from network.collector.wire_capture import receive_watched
from network.serveur import format_peer
from tests.support import LineClient

GOOD = {"capteur_id": "capteur_1", "temperature": 23.5}


def kinds(events):
    return [event.kind for event in events]


def test_a_message_cut_in_three_chunks_is_one_message_that_began_in_the_first():
    tap, protocol = WireTap("peer"), ReadingProtocol()
    line = json.dumps({**GOOD, "seq": 7}).encode() + b"\n"
    for part in (line[:10], line[10:30], line[30:]):
        receive_watched(tap, protocol, part)
    events = tap.drain()
    assert kinds(events) == [WireKind.CHUNK] * 3 + [WireKind.READING]
    assert [event.size for event in events[:3]] == [10, 20, len(line) - 30]
    message = events[3]
    assert (message.first_chunk, message.chunk, message.size) == (1, 3, len(line) - 1)
    assert message.text == line[:-1].decode()
    assert message.spans_chunks


def test_messages_of_one_chunk_began_in_it_except_the_first_when_one_was_pending():
    tap, protocol = WireTap("peer"), ReadingProtocol()
    receive_watched(tap, protocol, b'{"capteur_id": "a", "temp')
    receive_watched(tap, protocol, b'erature": 1.0}\n{"capteur_id": "b", "temperature": 2.0}\n{"capteur_id": "c", ')
    receive_watched(tap, protocol, b'"temperature": "hot"}\n')
    messages = [event for event in tap.drain() if event.kind is not WireKind.CHUNK]
    assert [(m.kind, m.first_chunk, m.chunk) for m in messages] == [
        (WireKind.READING, 1, 2),
        (WireKind.READING, 2, 2),
        (WireKind.REJECTED, 2, 3),
    ]
    assert messages[2].reason == "temperature must be a number"


def test_a_pretty_printed_message_is_cut_by_the_scanner_and_recorded_whole():
    tap, protocol = WireTap("peer"), ReadingProtocol()
    receive_watched(tap, protocol, b'{\n  "capteur_id": "a",\n')
    receive_watched(tap, protocol, b'  "temperature": 1.0\n}')
    message = [event for event in tap.drain() if event.kind is WireKind.READING]
    assert [(m.first_chunk, m.chunk, m.text) for m in message] == [(1, 2, '{\\n  "capteur_id": "a",\\n  "temperature": 1.0\\n}')]


def test_the_tap_keeps_its_last_events_and_counts_the_others():
    tap, protocol = WireTap("peer", maxlen=5), ReadingProtocol()
    for n in range(4):
        receive_watched(tap, protocol, json.dumps({**GOOD, "seq": n}).encode() + b"\n")
    events = tap.drain()
    assert len(events) == 5 and tap.dropped == 3
    assert events[-1].text == json.dumps({**GOOD, "seq": 3})


def test_a_watched_connection_records_its_chunks_messages_and_replies(server):
    with LineClient(server.address) as client:
        client.send({**GOOD, "seq": 1})
        assert client.answer() == {"ack": 1}
        tap = server.monitor.watch(format_peer(client.socket.getsockname()))
        assert tap is not None
        client.send({**GOOD, "seq": 2}, {**GOOD, "temperature": "hot", "seq": 3})
        assert [client.answer(), client.answer()] == [{"ack": 2}, {"error": "temperature must be a number", "seq": 3}]
    events = [event for event in tap.drain() if event.kind is not WireKind.CHUNK]
    assert [(event.kind, event.text) for event in events[:4]] == [
        (WireKind.READING, json.dumps({**GOOD, "seq": 2})),
        (WireKind.REJECTED, json.dumps({**GOOD, "temperature": "hot", "seq": 3})),
        (WireKind.REPLY, '{"ack": 2}\\n'),
        (WireKind.ERROR_REPLY, '{"error": "temperature must be a number", "seq": 3}\\n'),
    ]


def test_an_unwatched_connection_records_nothing_and_cuts_no_message_bytes(server):
    with LineClient(server.address) as watched, LineClient(server.address) as other:
        for client in (watched, other):
            client.send({**GOOD, "seq": 1})
            assert client.answer() == {"ack": 1}
        tap = server.monitor.watch(format_peer(watched.socket.getsockname()))
        other.send({**GOOD, "seq": 2})
        assert other.answer() == {"ack": 2}
        server.monitor.unwatch()
        watched.send({**GOOD, "seq": 2})
        assert watched.answer() == {"ack": 2}
        assert tap.drain() == []
        assert all(stats.wire is None for stats in server.monitor._open.values())


def test_watching_a_peer_that_is_not_connected_gives_nothing(server):
    assert server.monitor.watch("127.0.0.1:1") is None
