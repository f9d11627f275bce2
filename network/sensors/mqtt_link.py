"""One MQTT session from a sensor to a broker, driven by the sensor's own thread (docs/protocol.md, MQTT).

It offers the sensor loop what `SensorLink` offers (a socket to watch, readings queued, flushed, and
answered in order), so a sensor does not know whether it speaks TCP or MQTT. Each reading is one
QoS 1 PUBLISH of its JSON object to `thermolab/<capteur_id>`; the broker's PUBACK is its answer,
and an MQTT broker sends the PUBACKs of one connection in the order of the PUBLISHes, so each
belongs to the oldest reading in flight, exactly as a server's `{"ack": seq}` does.

paho-mqtt runs without a thread of its own: the sensor's selector watches the client's socket and
calls `loop_read`, `loop_write` and `loop_misc`. Each link is a fresh client with a clean session:
what was not acknowledged when a link was lost waits in the sensor's `SendBuffer` and is published
again on the next link, and the collector keeps one reading per (capteur_id, timestamp).

paho connects in the caller's thread: the sensor waits for the TCP (and TLS) handshake, at most
CONNECT_TIMEOUT (a stop asked meanwhile waits as long), the rest (CONNACK included) comes through
the selector. On 127.0.0.1, or to a broker that refuses at once, that is a millisecond.
"""

from __future__ import annotations

import contextlib
import itertools
import math
import selectors
import socket
import time

import orjson
import paho.mqtt.client as mqtt

from network.mqtt.broker import KEEPALIVE, Broker, BrokerError, close_client, connect, connection_failure, new_client
from network.sensors.send_buffer import Batch
from network.sensors.sensor_link import LinkError

TOPIC_PREFIX = "thermolab/"
CONNECT_TIMEOUT = 3.0
MAX_IN_FLIGHT = 10_000
"""PUBLISHes awaiting their PUBACK at most: a packet id has 16 bits, and a broker may ask for fewer."""
_TCP_CORK = getattr(socket, "TCP_CORK", None)
"""Linux's; elsewhere each PUBLISH goes out on its own."""
_FATAL_REFUSALS = ("not authorized", "user name or password", "banned", "client identifier not valid")


class MqttLink:
    """Started by the constructor (the TCP handshake, then CONNECT sent); `connected` once the broker's
    CONNACK accepted it."""

    connecting_events = selectors.EVENT_READ
    """The CONNACK is read: the CONNECT was written by the constructor."""

    def __init__(self, broker: Broker, capteur_id: str):
        self.where = str(broker)
        self.broker = broker
        self.topic = TOPIC_PREFIX + capteur_id
        self._prefix = {"capteur_id": capteur_id}
        self.connected = False
        self.max_in_flight = MAX_IN_FLIGHT
        self._replies: list[int | dict] = []
        self._refusal: LinkError | None = None
        self._gone = False
        self.client = client = new_client(broker)
        client.connect_timeout = CONNECT_TIMEOUT
        client.max_inflight_messages_set(MAX_IN_FLIGHT)
        client.on_connect = self._on_connect
        client.on_publish = self._on_publish
        client.on_disconnect = self._on_disconnect
        try:
            connect(client, broker)
        except BrokerError as error:
            close_client(client)
            # As for a readings server, an unknown host is final and anything else is tried again (the
            # sensor's state says so: the broker's sentence is shown as it is).
            raise LinkError(str(error), fatal=isinstance(error.__context__, socket.gaierror)) from None
        opened = client.socket()
        assert isinstance(opened, socket.socket), "connect() opened a TCP (or TLS) socket"
        self.socket = opened

    @property
    def wants_write(self) -> bool:
        return self.client.want_write()

    @property
    def due(self) -> float:
        """A quiet sensor still takes a turn now and then, so that paho pings the broker in time."""
        return time.monotonic() + KEEPALIVE / 2

    def finish_connecting(self) -> None:
        """Call when the socket became readable while connecting: the CONNACK, or the link's end."""
        _, closed = self.read()
        if closed:
            raise self.closed_by_server()

    def queue_batch(self, batch: Batch) -> None:
        """Publish each reading of `batch`: paho writes what the socket takes, `flush()` the rest and
        raises if the link was lost meanwhile."""
        publish, dumps, prefix, topic = self.client.publish, orjson.dumps, self._prefix, self.topic
        self._cork(True)
        try:
            for seq, timestamp, temperature in zip(itertools.count(batch.first_seq), batch.timestamps, batch.temperatures):
                publish(topic, dumps({**prefix, "temperature": temperature, "timestamp": timestamp, "seq": seq}), qos=1)
        finally:
            self._cork(False)

    def flush(self, piece: int = 0) -> int:
        """Write what paho holds; `piece` is for a TCP link's faults, which a broker's sensor has none of."""
        if self.client.loop_write() != mqtt.MQTT_ERR_SUCCESS or self._gone:
            raise self.closed_by_server()
        return 1

    def read(self) -> tuple[list[int | dict], bool]:
        """The broker's answers since the last call (a run of PUBACKs as one number, a refused reading
        as `{"error": reason, "seq": ...}`) and whether the link is gone."""
        client = self.client
        failed = client.loop_read() != mqtt.MQTT_ERR_SUCCESS
        # A TLS socket may hold decrypted bytes that the selector cannot see.
        while not failed and client.socket() is not None and getattr(client.socket(), "pending", lambda: 0)():
            failed = client.loop_read() != mqtt.MQTT_ERR_SUCCESS
        if not failed:
            failed = client.loop_misc() != mqtt.MQTT_ERR_SUCCESS
        if self._refusal is not None:
            raise self._refusal
        replies, self._replies = self._replies, []
        return replies, failed or self._gone

    def close(self) -> None:
        close_client(self.client)

    def closed_by_server(self) -> LinkError:
        return LinkError(f"the link to the broker at {self.where} was lost; resending what was not acknowledged")

    def _cork(self, corked: bool) -> None:
        """paho writes each PUBLISH with a send() of its own; corked, the kernel sends them together
        when uncorked, in full segments, instead of one segment (and one wake-up of the broker) each."""
        if _TCP_CORK is not None and not self._gone:
            with contextlib.suppress(OSError):
                self.socket.setsockopt(socket.IPPROTO_TCP, _TCP_CORK, int(corked))

    def _on_connect(self, _client, _userdata, _flags, reason, properties) -> None:
        if reason.is_failure:
            fatal = any(words in str(reason).lower() for words in _FATAL_REFUSALS)
            self._refusal = LinkError(connection_failure(self.broker, reason=reason), fatal=fatal)
            return
        receive_maximum = getattr(properties, "ReceiveMaximum", None) or math.inf
        self.max_in_flight = int(min(MAX_IN_FLIGHT, receive_maximum))
        self.connected = True

    def _on_publish(self, _client, _userdata, mid, reason, _properties) -> None:
        replies = self._replies
        if reason.is_failure:
            replies.append({"error": str(reason), "seq": mid})
        elif replies and isinstance(replies[-1], int):
            replies[-1] += 1
        else:
            replies.append(1)

    def _on_disconnect(self, *_) -> None:
        self._gone = True


def publish_once(broker: Broker, capteur_id: str, seq: int, timestamp: float, temperature: float, timeout: float) -> None:
    """Publish one reading and wait for the broker's PUBACK, as a city's sensor does once every few
    minutes; LinkError with the sentence when it was not acknowledged within `timeout` seconds."""
    link = MqttLink(broker, capteur_id)
    until = time.monotonic() + timeout
    try:
        with selectors.DefaultSelector() as selector:
            selector.register(link.socket, selectors.EVENT_READ)
            while not link.connected:
                _wait(selector, until, link)
                link.finish_connecting()
            link.queue_batch(Batch(seq, [timestamp], [temperature], 0))
            while True:
                link.flush()
                replies, closed = link.read()
                if replies:
                    if isinstance(replies[0], dict):
                        raise LinkError(f"the broker refused a reading of {capteur_id}: {replies[0]['error']}")
                    return
                if closed:
                    raise link.closed_by_server()
                _wait(selector, until, link)
    finally:
        link.close()


def _wait(selector: selectors.BaseSelector, until: float, link: MqttLink) -> None:
    if not selector.select(until - time.monotonic()):
        raise LinkError(f"the broker at {link.where} did not answer in time")
