"""ReadingProtocol fed mutated readings (hypothesis): whatever the bytes and however they are cut, no
exception, one verdict per message, the verdict a one-shot client sending that message alone gets,
and every message whose seq can be read answered exactly once, with that seq.

Deterministic (derandomize) and with no example database, so CI runs the same examples every time.
"""

import json
from itertools import pairwise

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.reading import MAX_SEQ, Reading
from network.collector.protocol import MAX_DEPTH, UNFORESEEN, Authenticated, Closing, Rejected, encode_reply
from tests.network.collector.test_protocol import decode

FUZZ = settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
SEQ_BASE = 1_000_000
"""Message i carries seq SEQ_BASE + i unless mutated, so each answer names its message."""
BOM = b"\xef\xbb\xbf"

huge_integers = st.builds(lambda sign, zeros: sign + b"1" + b"0" * zeros, st.sampled_from([b"", b"-"]), st.integers(0, 5_000))
exponents = st.builds(lambda m, e: b"%de%d" % (m, e), st.integers(-9, 9), st.integers(-400, 400))
numbers = st.one_of(
    st.floats().map(lambda x: json.dumps(x).encode()),  # NaN, Infinity and -Infinity included
    st.integers(-(2**70), 2**70).map(lambda n: b"%d" % n),
    huge_integers,
    exponents,
    st.sampled_from(
        [b"1e308", b"-1e308", b"1e-400", b"4.9e-324", b"-0", b"-0.0", b"1.7976931348623157e308", b"-459.67"]
        + [b"%d" % n for n in (MAX_SEQ, MAX_SEQ + 1, 2**64 - 1, 2**64)]
    ),
)
# Pieces of a string's inside: never a bare quote or a lone backslash, so the string stays closed.
string_pieces = st.one_of(
    st.text(max_size=12).map(lambda text: json.dumps(text, ensure_ascii=False)[1:-1].encode()),
    # Escapes: lone surrogates, a pair, NUL, a quote, a backslash.
    st.sampled_from([b"\\ud800", b"\\udfff", b"\\ud83d\\ude00", b"\\u0000", b'\\"', b"\\\\"]),
    # Raw bytes: control characters, a BOM, overlong and invalid UTF-8, brackets a scanner must skip.
    st.sampled_from(
        [
            b"\x00", b"\t", b"\r", BOM, b"\xc0\xaf", b"\xe0\x80\xaf", b"\xed\xa0\x80", b"\xf4\x90\x80\x80",
            b"\xff", b"{", b"[", b"]", b"}", b"\xc3\xa9",
        ]
    ),
)  # fmt: skip
strings = st.lists(string_pieces, max_size=5).map(lambda pieces: b'"' + b"".join(pieces) + b'"')
nested = st.one_of(
    st.integers(1, 150).map(lambda depth: b"[" * depth + b"]" * depth),
    st.integers(1, 100).map(lambda depth: b'{"a": ' * depth + b"1" + b"}" * depth),
)
values = st.one_of(numbers, strings, nested, st.sampled_from([b"true", b"false", b"null", b"[]", b"{}"]))
keys = st.one_of(
    st.sampled_from(
        [b'"capteur_id"', b'"capteur\\u005fid"', b'"sensor_id"', b'"temperature"', b'"unit"', b'"timestamp"', b'"seq"']
    ),
    strings,
)
layouts = st.sampled_from([(b"", b" "), (b" ", b" "), (b"\n    ", b"\n"), (b"\r\n  ", b"\r\n")])
"""Where a pretty-printer puts breaks: before each field, and before the closing brace."""


@st.composite
def messages(draw, index: int) -> bytes:
    """A reading with some of its fields mutated, some fields twice, laid out one way or another."""
    fields = [
        (b'"capteur_id"', draw(st.one_of(st.just(b'"capteur_%d"' % index), strings, values))),
        (b'"temperature"', draw(st.one_of(numbers, values))),
    ]
    if draw(st.booleans()):
        fields.append((b'"unit"', draw(st.one_of(st.sampled_from([b'"C"', b'"F"', b'"K"', b'"c"']), values))))
    if draw(st.booleans()):
        fields.append((b'"timestamp"', draw(st.one_of(numbers, st.just(b'"2026-11-21T14:31:05Z"'), strings))))
    seq = draw(st.sampled_from(["own", "own", "own", "mutated", "none"]))
    if seq != "none":
        fields.append((b'"seq"', b"%d" % (SEQ_BASE + index) if seq == "own" else draw(numbers)))
    fields += draw(st.lists(st.tuples(keys, values), max_size=3))
    fields = draw(st.permutations(fields))
    before_field, before_end = draw(layouts)
    body = b"{" + b",".join(before_field + key + b": " + value for key, value in fields) + before_end + b"}"
    # Bytes before the brace make a line the parser cannot cut into values: only for one-line messages.
    prefix = draw(st.sampled_from([b"", b"", BOM, b"\x00", b"x"])) if b"\n" not in body else b""
    return prefix + body


@st.composite
def streams(draw) -> tuple[list[bytes], bytes]:
    """Messages and the stream that carries them: one per line, or back to back where the contract allows."""
    sent = [draw(messages(index)) for index in range(draw(st.integers(1, 6)))]
    stream = b""
    for message, following in zip(sent, sent[1:] + [None], strict=True):
        stream += message
        if following is None:
            stream += draw(st.sampled_from([b"", b"\n", b"\r\n"]))
        elif message.startswith(b"{") and following.startswith(b"{"):
            stream += draw(st.sampled_from([b"\n", b"\r\n", b"", b" ", b"\n\n"]))
        else:
            stream += draw(st.sampled_from([b"\n", b"\r\n", b"\n\n"]))
    return sent, stream


def cut(stream: bytes, points: set[int]) -> list[bytes]:
    bounds = [0, *sorted(points), len(stream)]
    return [stream[start:end] for start, end in pairwise(bounds)]


class Fields(list):
    """An object as the (key, value) pairs written, duplicates kept: nesting counts even in a value
    that a later duplicate replaces."""


def readable_seq(message: bytes) -> int | None:
    """The seq a careful reader finds in the message alone, or None: the test's oracle, written
    apart from the parser."""
    try:
        value = json.loads(
            message.decode("utf-8"),
            object_pairs_hook=Fields,
            parse_int=lambda digits: int(digits) if len(digits) < 1_000 else float(digits),
        )
    except ValueError:
        return None
    if type(value) is not Fields or depth(value) > MAX_DEPTH:
        return None
    seq = dict(value).get("seq")
    return seq if type(seq) is int and 0 <= seq <= MAX_SEQ else None


def depth(value: object) -> int:
    if isinstance(value, Fields):
        return 1 + max((depth(field) for _, field in value), default=0)
    if isinstance(value, list):
        return 1 + max(map(depth, value), default=0)
    return 0


def seq_of(event) -> int | None:
    return event.seq if isinstance(event, (Reading, Rejected)) else None


@FUZZ
@given(streams(), st.data())
def test_mutated_readings_get_one_verdict_each_whatever_the_framing(drawn, data):
    sent, stream = drawn
    alone = [decode(message) for message in sent]
    for message, verdicts in zip(sent, alone, strict=True):
        assert len(verdicts) == 1, message
        assert seq_of(verdicts[0]) == readable_seq(message), message
    expected = [verdicts[0] for verdicts in alone]
    assert UNFORESEEN not in [getattr(event, "reason", None) for event in expected]
    points = data.draw(st.sets(st.integers(1, len(stream) - 1), max_size=12))
    assert decode(stream) == expected
    assert decode(*cut(stream, points)) == expected
    replies = [json.loads(line) for line in b"".join(map(encode_reply, expected)).splitlines()]
    answered = [reply.get("ack", reply.get("seq")) for reply in replies]
    owed = [seq for seq in map(readable_seq, sent) if seq is not None]
    assert sorted(seq for seq in answered if seq is not None) == sorted(owed)


@FUZZ
@given(st.one_of(strings, numbers, nested), streams(), st.data())
def test_a_mutated_token_gets_one_verdict_whatever_the_framing(token, drawn, data):
    _, stream = drawn
    stream = b'{"auth": ' + token + b"}\n" + stream
    expected = decode(stream, token="s3cret")
    points = data.draw(st.sets(st.integers(1, len(stream) - 1), max_size=12))
    assert decode(*cut(stream, points), token="s3cret") == expected
    assert expected[:1] in ([Authenticated()], [Closing("unauthorized")])
    if expected[0] == Closing("unauthorized"):
        assert len(expected) == 1
