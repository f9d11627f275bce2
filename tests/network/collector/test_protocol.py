"""The readings protocol fed with bytes, no socket: framing, limits, token, replies."""

import json
import tracemalloc

import pytest

import network.collector.protocol as protocol_module
from models.reading import Reading
from network.collector.protocol import UNFORESEEN, Authenticated, Closing, ReadingProtocol, Rejected, encode_reply

NOW = 1_790_000_000.0


def decode(*chunks: bytes, end: bool = True, **options) -> list:
    protocol = ReadingProtocol(clock=lambda: NOW, **options)
    events = [event for chunk in chunks for event in protocol.receive_data(chunk)]
    return events + (protocol.receive_data(b"") if end else [])


def reading(capteur_id: str, temperature: float, seq=None) -> Reading:
    return Reading(capteur_id, float(temperature), NOW, seq, False)


STREAM = (
    b'{"capteur_id": "c1", "temperature": 20.5, "seq": 1}\n'
    b'{"capteur_id": "c2", "temperature": "warm", "seq": 2}\r\n'
    b"\n   \n"
    b'{"capteur_id": "c3", "temperature": 3}{"capteur_id": "c4", "temperature": 4}\n'
    b'{\n    "capteur_id": "c5",\n    "temperature": 5\n}\n'
    b"not json\n"
    b'{"capteur_id": "c6", "temperature": 6}'
)
EXPECTED = [
    reading("c1", 20.5, 1),
    Rejected("temperature must be a number", 2),
    reading("c3", 3),
    reading("c4", 4),
    reading("c5", 5),
    Rejected("invalid JSON at byte 0"),
    reading("c6", 6),
]


def test_every_framing_of_the_contract():
    assert decode(STREAM) == EXPECTED


@pytest.mark.parametrize("cut", range(1, len(STREAM)))
def test_a_message_split_at_any_byte_gives_the_same_messages(cut):
    assert decode(STREAM[:cut], STREAM[cut:]) == EXPECTED


def test_a_stream_arriving_byte_by_byte():
    assert decode(*(STREAM[i : i + 1] for i in range(len(STREAM)))) == EXPECTED


def test_the_last_object_is_complete_only_at_end_of_stream():
    assert decode(b'{"capteur_id": "c", "temperature": 1}', end=False) == [reading("c", 1)]
    assert decode(b'{"capteur_id": "c", "temperature": 1', end=False) == []
    assert decode(b'{"capteur_id": "c", "temperature": 1') == [Rejected("invalid JSON at byte 36")]


def test_the_exercise_one_shot_client():
    message = json.dumps({"capteur_id": "capteur_1", "temperature": 23.5}, indent=4).encode()
    assert decode(message) == [reading("capteur_1", 23.5)]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (b'{"capteur_id": "c", "temperature": 1,}', "invalid JSON at byte 37"),
        (b'{"capteur_id": "\xe9t\xe9", "temperature": 1}', "invalid UTF-8 at byte 16"),
        (b"[1, 2]", "message must be a JSON object"),
        (b"42", "message must be a JSON object"),
        (b'{"capteur_id": "c", "temperature": NaN, "seq": 4}', "temperature must be finite (not NaN or Infinity)"),
        (b'{"capteur_id": "c", "temperature": -Infinity}', "temperature must be finite (not NaN or Infinity)"),
        (b'{"capteur_id": "c", "temperature": 1e999}', "temperature must be finite (not NaN or Infinity)"),
    ],
)
def test_bad_messages_are_rejected_and_the_next_one_is_read(line, reason):
    events = decode(line + b"\n" + b'{"capteur_id": "next", "temperature": 2}\n')
    assert [type(e) for e in events] == [Rejected, Reading]
    assert events[0].reason == reason


def test_a_message_over_64_kib_is_refused_while_it_streams():
    protocol = ReadingProtocol(clock=lambda: NOW)
    assert protocol.receive_data(b'{"capteur_id": "c", "temperature": 1}\n') == [reading("c", 1)]
    assert protocol.receive_data(b'{"capteur_id": "' + b"x" * 40_000) == []
    assert protocol.receive_data(b"x" * 30_000) == [Closing("message too large")]
    assert protocol.closed
    assert protocol.receive_data(b'"}\n{"capteur_id": "c", "temperature": 1}\n') == []


def test_a_complete_line_over_the_limit_is_refused_the_same_way():
    line = b'{"capteur_id": "c", "temperature": 1, "pad": "' + b"x" * 70_000 + b'"}\n'
    assert decode(line, end=False) == [Closing("message too large")]


def test_blank_lines_alone_say_nothing():
    assert decode(b"\n\r\n   \n\t\n" * 20_000) == []


def test_a_peer_streaming_blanks_holds_no_memory():
    """Blanks without a newline are no message, so they never reach the 64 KiB limit: they must not
    pile up either, or 100 chunks of spaces would hold 6.5 MB per connection."""
    protocol = ReadingProtocol(clock=lambda: NOW)
    tracemalloc.start()
    try:
        for _ in range(100):
            assert protocol.receive_data(b" \t" * 32_768) == []
        held, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert held < 256 * 1024
    assert protocol.receive_data(b'{"capteur_id": "c1", "temperature": 1}\n') == [reading("c1", 1)]


def test_a_good_token_first_then_readings():
    events = decode(b'{"auth": "s3cret"}\n{"capteur_id": "c", "temperature": 1}\n', token="s3cret")
    assert events == [Authenticated(), reading("c", 1)]


@pytest.mark.parametrize(
    "first",
    [b'{"auth": "wrong"}\n', b'{"capteur_id": "c", "temperature": 1}\n', b"garbage\n", b'{"auth": 5}\n'],
)
def test_anything_but_the_token_first_closes_and_stores_nothing(first):
    events = decode(first + b'{"auth": "s3cret"}\n{"capteur_id": "c", "temperature": 1}\n', token="s3cret")
    assert events == [Closing("unauthorized")]


def test_replies_are_spelled_as_the_contract_prints_them():
    assert encode_reply(reading("c", 1, seq=7)) == b'{"ack": 7}\n'
    assert encode_reply(reading("c", 1)) == b""
    assert encode_reply(Rejected("seq must be a non-negative integer")) == b'{"error": "seq must be a non-negative integer"}\n'
    assert encode_reply(Rejected("temperature must be a number", 3)) == b'{"error": "temperature must be a number", "seq": 3}\n'
    assert encode_reply(Closing("server busy")) == b'{"error": "server busy"}\n'
    assert encode_reply(Authenticated()) == b'{"ok": "auth"}\n'


@pytest.mark.parametrize("depth", [100, 30_000])
def test_deep_nesting_is_an_error_not_a_crash(depth):
    events = decode(b"[" * depth + b"]" * depth + b'\n{"capteur_id": "c", "temperature": 1}\n')
    assert [type(e) for e in events] == [Rejected, Reading]
    assert events[0].reason in ("invalid JSON: nested too deeply", "message must be a JSON object")


def test_many_objects_back_to_back_on_one_line():
    line = b"".join(b'{"capteur_id": "c%d", "temperature": %d}' % (i, i) for i in range(100)) + b"\n"
    assert decode(line) == [reading(f"c{i}", i) for i in range(100)]


SEQ_LIMIT_REASON = "seq must be an integer from 0 to 9223372036854775807"


def framings(message: dict, seq: bytes) -> list[bytes]:
    """The same message on one line, pretty-printed, and as the one-shot client sends it."""
    body = json.dumps(message)[:-1].encode() + b', "seq": ' + seq + b"}"
    pretty = json.dumps(message, indent=4)[:-2].encode() + b',\n    "seq": ' + seq + b"\n}"
    return [body + b"\n", pretty + b"\n", body]


@pytest.mark.parametrize(
    ("seq", "verdict"),
    [
        (b"9223372036854775807", reading("c", 1, seq=2**63 - 1)),
        (b"9223372036854775808", Rejected(SEQ_LIMIT_REASON)),
        (b"18446744073709551616", Rejected(SEQ_LIMIT_REASON)),
        (b"1" + b"0" * 30, Rejected(SEQ_LIMIT_REASON)),
    ],
)
def test_a_seq_gets_the_same_verdict_whatever_the_framing(seq, verdict):
    for message in framings({"capteur_id": "c", "temperature": 1.0}, seq):
        assert decode(message) == [verdict]
        assert decode(*(message[i : i + 1] for i in range(len(message)))) == [verdict]


def decoded_beneath(frames: int, message: bytes) -> list:
    """`decode` called with `frames` more Python frames on the stack, as a deeper caller would."""
    return decode(message) if frames == 0 else decoded_beneath(frames - 1, message)


@pytest.mark.parametrize("depth", [64, 65, 700])
def test_how_deep_a_message_may_nest_does_not_depend_on_the_caller(depth):
    message = b'{"capteur_id": "c", "temperature": 1, "extra": ' + b"[" * (depth - 1) + b"]" * (depth - 1) + b"}"
    verdicts = [decoded_beneath(frames, message) for frames in (0, 300)]
    assert verdicts[0] == verdicts[1]
    assert verdicts[0] == ([reading("c", 1)] if depth <= 64 else [Rejected("invalid JSON: nested too deeply")])


def test_a_token_with_a_lone_surrogate_is_unauthorized():
    assert decode(b'{"auth": "\\ud800"}\n', token="s3cret") == [Closing("unauthorized")]


@pytest.mark.parametrize("step", ["_parse_strictly", "reading_from_message"])
def test_a_bug_met_on_one_message_costs_that_message_only(monkeypatch, caplog, step):
    """Stands in for a case nobody foresaw: the step fails on one message as only a bug would."""
    original = getattr(protocol_module, step)

    def failing(value, *rest):
        if b"bug" in value if isinstance(value, bytes) else value.get("capteur_id") == "bug":
            raise RuntimeError("a bug")
        return original(value, *rest)

    monkeypatch.setattr(protocol_module, step, failing)
    events = decode(
        b'{"capteur_id": "c", "temperature": 1}\n{"capteur_id": "bug",\n "temperature": 2}\n{"capteur_id": "d", "temperature": 3}'
    )
    assert events == [reading("c", 1), Rejected(UNFORESEEN), reading("d", 3)]
    assert "RuntimeError: a bug" in caplog.text
