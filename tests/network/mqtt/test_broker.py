"""A broker URL is read once and the same way everywhere, never shows its password, and a broker that
cannot be reached or refuses us is one sentence."""

from __future__ import annotations

import queue
import socket

import pytest

from network.mqtt.broker import (
    PASSWORD_VARIABLE,
    Broker,
    BrokerError,
    close_client,
    connect,
    connection_failure,
    new_client,
    parse_broker,
)
from tests.engines import free_port
from tests.engines.mosquitto import Mosquitto

TIMEOUT = 10.0


def test_a_url_gives_host_port_and_credentials():
    assert parse_broker("mqtt://broker.lan") == Broker("broker.lan", 1883)
    assert parse_broker("mqtts://broker.lan") == Broker("broker.lan", 8883, tls=True)
    assert parse_broker("mqtt://ann:s%40cret@10.0.0.2:1884") == Broker("10.0.0.2", 1884, False, "ann", "s@cret")


def test_the_password_comes_from_the_environment_when_the_url_has_none():
    assert parse_broker("mqtt://ann@host", environ={PASSWORD_VARIABLE: "from-env"}).password == "from-env"
    assert parse_broker("mqtt://ann:in-url@host", environ={PASSWORD_VARIABLE: "from-env"}).password == "in-url"


def test_a_broker_is_shown_without_its_password():
    broker = parse_broker("mqtts://ann:hunter2@host:8884")
    assert str(broker) == repr(broker)[7:-1] == "mqtts://ann:***@host:8884"
    assert "hunter2" not in f"{broker!s} {broker!r}"


@pytest.mark.parametrize(
    ("url", "sentence"),
    [
        ("http://ann:hunter2@host", "http://ann:***@host is not a broker URL: write mqtt://HOST:PORT"),
        ("mqtt://host:99999", "mqtt://host:99999 has a port that is not a number from 1 to 65535"),
        ("mqtt://", "mqtt:// names no host"),
    ],
)
def test_a_wrong_url_is_one_sentence_without_the_password(url, sentence):
    with pytest.raises(BrokerError) as refused:
        parse_broker(url)
    assert str(refused.value).startswith(sentence)
    assert "hunter2" not in str(refused.value)


def test_a_broker_that_is_not_running_is_one_sentence():
    broker = Broker("127.0.0.1", free_port())
    client = new_client(broker)
    with pytest.raises(BrokerError, match=r"^no broker answers at mqtt://127\.0\.0\.1:\d+: is it running"):
        connect(client, broker)
    close_client(client)


def test_an_unknown_host_is_named():
    broker = Broker("nowhere.invalid", 1883)
    assert connection_failure(broker, socket.gaierror(-2, "Name or service not known")) == (
        "the broker's host nowhere.invalid is unknown: check the broker URL"
    )


def test_a_wrong_password_is_refused_in_one_sentence_and_the_right_one_connects(tmp_path):
    with Mosquitto(tmp_path / "broker", users={"ann": "right"}) as mosquitto:
        assert connect_and_wait(Broker("127.0.0.1", mosquitto.port, username="ann", password="right")) is None
        refusal = connect_and_wait(Broker("127.0.0.1", mosquitto.port, username="ann", password="wrong"))
    assert refusal.startswith("the broker at mqtt://ann:***@127.0.0.1:")
    assert "refused the user name or password" in refusal and "wrong" not in refusal


def connect_and_wait(broker: Broker) -> str | None:
    """None once the broker accepts us, else the sentence for its refusal."""
    answers: queue.Queue[str | None] = queue.Queue()
    client = new_client(broker)
    client.on_connect = lambda _c, _u, _flags, reason, _p: answers.put(
        connection_failure(broker, reason=reason) if reason.is_failure else None
    )
    connect(client, broker)
    client.loop_start()
    try:
        return answers.get(timeout=TIMEOUT)
    finally:
        close_client(client)


@pytest.mark.parametrize(
    ("url", "password"),
    [
        ("mqtt://ann:pa/ss@host:1884", "pa/ss"),
        ("mqtt://ann:p?ss@host:1884", "p?ss"),
        ("mqtt://ann:p#ss@host:1884", "p#ss"),
        ("mqtt://ann:12/ss@host:1884", "12/ss"),
        ("mqtt://ann:p@ss@host:1884", "p@ss"),
        ("mqtt://ann:p:s//s@host:1884", "p:s//s"),
        ("mqtt://ann:p%2Fss@host:1884", "p/ss"),
        ("mqtt://ann:100%@host:1884", "100%"),
    ],
)
def test_a_password_typed_as_it_is_is_read_whole_and_never_shown(url, password):
    broker = parse_broker(url)
    assert (broker.host, broker.port, broker.username, broker.password) == ("host", 1884, "ann", password)
    assert str(broker) == "mqtt://ann:***@host:1884"


@pytest.mark.parametrize(
    "url", ["http://ann:pa/ss@host", "mqtt://ann:pa/ss@host:99999", "mqtt//ann:pa/ss@host", "mqtt://ann:pa/ss@"]
)
def test_a_wrong_url_never_shows_a_password_with_slashes(url):
    with pytest.raises(BrokerError) as refused:
        parse_broker(url)
    assert "pa/ss" not in str(refused.value) and "ann:***@" in str(refused.value)
