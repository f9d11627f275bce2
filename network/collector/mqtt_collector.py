"""`MqttCollector`: readings from an MQTT broker into the same storage, at least once.

It subscribes with QoS 1 in a persistent session (a stable client id, no clean start), so what the
broker accepted while the collector was away waits for it. paho's network thread decodes each
message (`mqtt_payload.py`, the readings port's rules) and queues it; the committer thread submits
what is queued as one batch, waits for its commit and only then acknowledges those messages to the
broker (paho's manual ack), in the order they came. A collector killed at any moment has therefore
acknowledged only what is on disk: the broker sends the rest again to the next one.

A batch whose commit failed is not acknowledged: the collector drops the link, so that the broker
sends those messages again at once, on the reconnection that follows (docs/protocol.md, MQTT).
Acknowledgements are tied to the connection that delivered their messages: one owed on a link that
has since been lost is never sent on the next, where the same message id may stand for another
message.

Filters may overlap (`thermolab/#` and `thermolab/+`), and a broker then sends a message once per
filter it matches. Each filter is subscribed with an identifier of its own (MQTT 5), so that the copy
brought by a filter other than the one whose mapping reads the message is acknowledged and dropped.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import socket
import sys
import threading
import time
import zlib
from collections import deque
from collections.abc import Sequence
from pathlib import Path

import paho.mqtt.client as mqtt
from paho.mqtt.packettypes import PacketTypes
from paho.mqtt.properties import Properties
from paho.mqtt.subscribeoptions import SubscribeOptions

from models.mqtt_mapping import DEFAULT_MAPPINGS, TopicMapping, check_group, parse_mappings
from models.reading import InvalidReading, Reading
from models.server_config import ServerConfig
from models.server_state import BrokerLink, ConnectionStats, ServerMonitor
from models.sliding_rate import SlidingRate
from models.storage import Storage
from network.collector.mqtt_payload import reading_from_publish
from network.collector.protocol import UNFORESEEN
from network.mqtt.broker import (
    PASSWORD_VARIABLE,
    Broker,
    close_client,
    connect_in_background,
    connection_failure,
    new_client,
    parse_broker,
)

log = logging.getLogger(__name__)

RECEIVE_MAXIMUM = 2_000
"""QoS 1 messages the broker may send before we acknowledge any (MQTT 5's Receive Maximum): what
one group commit can take in, and the most a collector holds unacknowledged."""
MAX_TOPIC_SHOWN = 120
"""A topic is named in a rejection up to this many characters: MQTT allows 65,535."""
# Never send the messages a broker retained before we subscribed: a retained temperature is an old
# one without its time, and it would be stored again, stamped now, at every reconnection.
SUBSCRIBE_OPTIONS = SubscribeOptions(qos=1, retainHandling=SubscribeOptions.RETAIN_DO_NOT_SEND)
ACKS_READ_TIMEOUT = 5.0
"""Seconds `stop()` waits for the broker to show it has read our last acknowledgements."""


class MqttCollector:
    """Subscribe to `mappings`' topics on `broker` and store each reading in `storage`.

    `start()` returns at once: the link is opened, and opened again when lost, by paho's network
    thread, with back-off; `link()` says how it stands. `stop()` stores and acknowledges what was
    received, then disconnects (the session stays on the broker). A `monitor` shared with a
    `ServeurTCP` puts both in one event log, one set of totals and one chart.
    """

    def __init__(
        self,
        broker: Broker,
        storage: Storage,
        mappings: Sequence[TopicMapping] = DEFAULT_MAPPINGS,
        client_id: str = "",
        group: str = "",
        monitor: ServerMonitor | None = None,
        receive_maximum: int = RECEIVE_MAXIMUM,
    ):
        self.broker = broker
        self.storage = storage
        self.mappings = tuple(mappings)
        self.client_id = client_id
        self.group = group
        self._subscribed = {m.topic_filter: f"$share/{group}/{m.topic_filter}" if group else m.topic_filter for m in mappings}
        """Each mapping's filter as subscribed: within the group's shared subscription, if any."""
        self.topics = tuple(dict.fromkeys(self._subscribed.values()))
        self._identifiers = {topic: subscription_identifier(topic) for topic in self.topics}
        """The identifier each filter is subscribed with: it says which filters brought a message."""
        self._identified = True
        """Whether the broker takes subscription identifiers (most do; MQTT 5 lets one say no)."""
        self._subscribing: dict[int, str] = {}
        """The filters whose subscription the broker has yet to confirm, by message id."""
        self._refused: list[str] = []
        self._proof: int | None = None
        """The message id of the SUBSCRIBE whose answer proves our last acks were read (`stop()`)."""
        if monitor is None:
            monitor = ServerMonitor(storage)
            storage.on_error = lambda reason: monitor.event(logging.ERROR, reason)
        self.monitor = monitor
        self.received = 0
        """Messages received (paho's thread), valid or not."""
        self.acked = 0
        """Messages acknowledged to the broker (the committer's thread)."""
        self._receive_maximum = receive_maximum
        self._client = new_client(broker, client_id)
        self._client.manual_ack_set(True)
        self._client.on_connect = self._on_connect
        self._client.on_connect_fail = self._on_connect_fail
        self._client.on_disconnect = self._on_disconnect
        self._client.on_subscribe = self._on_subscribe
        self._client.on_message = self._on_message
        self._committer = threading.Thread(target=self._commit_loop, name="mqtt committer", daemon=True)
        self._stats: ConnectionStats
        """The broker's row among the monitor's connections, from `start()` on."""
        self._condition = threading.Condition()
        self._pending: deque[tuple[int, int, int, Reading | None]] = deque()
        """(link, message id, QoS, reading or None for a rejected message), in the order received."""
        self._link = 0
        """Counts the connections and losses: an ack is sent only on the link its message came by."""
        self._stopping = False
        self._connected = False
        self._resumed = False
        self._problem = "connecting…"
        self._rate = SlidingRate()

    @classmethod
    def from_config(cls, storage: Storage, config: ServerConfig, monitor: ServerMonitor | None = None) -> MqttCollector:
        """The collector the settings describe; raises BrokerError or MappingError with one sentence."""
        environ = {PASSWORD_VARIABLE: config.mqtt_password} if config.mqtt_password else os.environ
        broker = parse_broker(config.mqtt_url, config.mqtt_ca_file or None, environ)
        mappings = parse_mappings(config.mqtt_mappings) or DEFAULT_MAPPINGS
        check_group(config.mqtt_group)
        client_id = config.mqtt_client_id or stable_client_id(storage.path)
        return cls(broker, storage, mappings, client_id, config.mqtt_group, monitor)

    def start(self) -> None:
        self._stats = self.monitor.connection_opened(str(self.broker), "mqtt", broker=True)
        self.monitor.broker_link = self.link
        self._committer.start()
        connect_in_background(self._client, self.broker, persistent=True, receive_maximum=self._receive_maximum)
        self._client.loop_start()

    def stop(self) -> None:
        """Store and acknowledge what was received, then leave the broker; the session stays."""
        if not self._committer.is_alive():
            return
        with self._condition:
            self._stopping = True
            self._condition.notify_all()
        self._committer.join()
        self._wait_until_acks_read()
        close_client(self._client)
        self.monitor.broker_link = None
        self.monitor.connection_closed(self._stats)
        self.monitor.event(logging.INFO, f"left the broker {self.broker}")

    def _wait_until_acks_read(self) -> None:
        """Closing a link while the broker still sends makes the system reset it, and a broker may
        then drop the acknowledgements it had not read yet and send those messages again to our next
        run. A broker answers packets in order: subscribing again, as at each connection, and
        waiting for its answer proves it has read every ack sent before."""
        if not self._connected:
            return
        topic = self.topics[0]
        with self._condition:
            self._proof = self._client.subscribe(topic, options=SUBSCRIBE_OPTIONS, properties=self._identifier_of(topic))[1]
            self._condition.wait_for(lambda: self._proof is None, ACKS_READ_TIMEOUT)

    def link(self) -> BrokerLink:
        """How the link stands; for one observer at a time, since each call samples the message rate."""
        per_second = self._rate.sample(time.monotonic(), self.received)
        return BrokerLink(str(self.broker), self._connected, self._problem, self.topics, per_second)

    # paho's network thread

    def _on_connect(self, client, _userdata, flags, reason, properties) -> None:
        if reason.is_failure:
            self._trouble(connection_failure(self.broker, reason=reason))
            return
        with self._condition:
            self._link += 1
        self._resumed = flags.session_present
        self._identified = getattr(properties, "SubscriptionIdentifierAvailable", 1) == 1
        self._subscribing, self._refused = {}, []
        # Subscribed again on each connection, whether or not the broker kept the session: a
        # mapping may have been added since, and subscribing anew to a filter changes nothing else.
        # One filter per SUBSCRIBE, since a SUBSCRIBE carries one identifier for all its filters.
        for topic in self.topics:
            _, mid = client.subscribe(topic, options=SUBSCRIBE_OPTIONS, properties=self._identifier_of(topic))
            if mid is not None:
                self._subscribing[mid] = topic

    def _identifier_of(self, topic: str) -> Properties | None:
        if not self._identified:
            return None
        properties = Properties(PacketTypes.SUBSCRIBE)
        properties.SubscriptionIdentifier = self._identifiers[topic]
        return properties

    def _on_subscribe(self, _client, _userdata, mid, reasons, _properties) -> None:
        """Connected means subscribed to every filter: a message published before the broker has our
        subscription is not ours to receive."""
        with self._condition:
            if mid == self._proof:
                self._proof = None
                self._condition.notify_all()
                return
        topic = self._subscribing.pop(mid, None)
        if topic is None:
            return
        self._refused += [f"{topic} ({reason})" for reason in reasons if reason.is_failure]
        if self._subscribing:
            return
        if self._refused:
            self._trouble(f"the broker at {self.broker} refused the subscription to {', '.join(self._refused)}")
            return
        self._connected, self._problem = True, ""
        topics = ", ".join(self.topics)
        if self._resumed:
            self.monitor.event(logging.INFO, f"connected to the broker {self.broker} (session resumed); subscribed to {topics}")
        else:
            self.monitor.event(logging.INFO, f"connected to the broker {self.broker}; subscribed to {topics}")

    def _on_connect_fail(self, _client, _userdata) -> None:
        self._trouble(connection_failure(self.broker, sys.exc_info()[1]))

    def _on_disconnect(self, _client, _userdata, _flags, reason, _properties) -> None:
        with self._condition:
            self._link += 1
            # No answer comes on a lost link: `stop()` need not wait for it.
            self._proof = None
            self._condition.notify_all()
        # A broker that refused us also ends the link: its refusal is the sentence that stays.
        if self._connected and not self._stopping:
            self._trouble(f"lost the broker {self.broker} ({reason})")

    def _trouble(self, sentence: str) -> None:
        """Said once when it starts or changes, not at every try: paho tries again with back-off."""
        self._connected = False
        if sentence != self._problem:
            self._problem = sentence
            self.monitor.event(logging.WARNING, f"{sentence}: trying again")

    def _on_message(self, _client, _userdata, message: mqtt.MQTTMessage) -> None:
        # An exception here would end paho's network thread, and with it the subscription.
        try:
            self._take(message)
        except Exception:
            log.exception("cannot take an MQTT message of %d bytes", len(message.payload))

    def _take(self, message: mqtt.MQTTMessage) -> None:
        self.received += 1
        received_at = time.time()
        try:
            if self._is_copy(message):
                reading = None
            else:
                reading = reading_of(self.mappings, message.topic, bytes(message.payload), received_at)
        except InvalidReading as error:
            reading = None
            self.monitor.rejected(self._stats, f"{error.reason} (topic {_shown(message.topic)})", received_at, error.capteur_id)
        with self._condition:
            # The broker sends at most RECEIVE_MAXIMUM unacknowledged QoS 1 messages; QoS 0 ones have
            # no such bound, and wait here while the storage's back-pressure holds the committer.
            while len(self._pending) >= self._receive_maximum and not self._stopping:
                self._condition.wait()
            if self._stopping:
                # Neither stored nor acknowledged: the broker sends it again to the next collector.
                return
            self._pending.append((self._link, message.mid, message.qos, reading))
            self._condition.notify_all()

    def _is_copy(self, message: mqtt.MQTTMessage) -> bool:
        """Brought only by filters of ours other than the one whose mapping reads it, which brings
        it too. A message brought by a filter of an earlier run, or by a broker that gives no
        identifiers, is read: it may be the only copy."""
        brought_by = getattr(message.properties, "SubscriptionIdentifier", None)
        if not brought_by or not set(brought_by) <= set(self._identifiers.values()):
            return False
        mapping = next((mapping for mapping in self.mappings if mapping.matches(message.topic)), None)
        return mapping is not None and self._identifiers[self._subscribed[mapping.topic_filter]] not in brought_by

    # the committer's thread

    def _commit_loop(self) -> None:
        while batch := self._next_batch():
            readings = [reading for *_, reading in batch if reading is not None]
            failed = False
            if readings:
                received_at = time.time()
                commit = self.storage.submit(readings, received_at)
                commit.wait()
                failed = commit.error is not None
                if not failed:
                    self.monitor.readings_received(self._stats, readings, received_at)
            if failed:
                self._drop_link()
            else:
                self._acknowledge(batch)

    def _next_batch(self) -> list[tuple[int, int, int, Reading | None]]:
        """Everything queued, or [] once stopping with nothing left."""
        with self._condition:
            while not self._pending and not self._stopping:
                self._condition.wait()
            batch = list(self._pending)
            self._pending.clear()
            self._condition.notify_all()
            return batch

    def _acknowledge(self, batch: list[tuple[int, int, int, Reading | None]]) -> None:
        with self._condition:
            # Under the lock, so that no reconnection starts a new link between the check and the ack.
            for link, mid, qos, _ in batch:
                if link == self._link and qos:
                    self._client.ack(mid, qos)
                    self.acked += 1

    def _drop_link(self) -> None:
        """Lose the link on purpose: paho reconnects, and the broker sends again what we did not ack."""
        with self._condition:
            self._link += 1
        link = self._client.socket()
        if isinstance(link, socket.socket):
            with contextlib.suppress(OSError):
                link.shutdown(socket.SHUT_RDWR)


def stable_client_id(storage_path: Path) -> str:
    """The same at every start of a collector on this machine writing this file, so that it finds
    its session, and what the broker kept for it, again; 18 characters, as every broker accepts."""
    where = f"{socket.gethostname()}:{Path(storage_path).resolve()}"
    return "thermolab-" + hashlib.sha1(where.encode(), usedforsecurity=False).hexdigest()[:8]


def subscription_identifier(topic: str) -> int:
    """The same for a filter at every run, so that a message queued in the session for a filter
    subscribed by an earlier run is known by it; from 1 to 268,435,455, as MQTT 5 allows."""
    return zlib.crc32(topic.encode()) % 268_435_455 + 1


def reading_of(mappings: Sequence[TopicMapping], topic: str, payload: bytes, received_at: float) -> Reading:
    """`reading_from_publish`, with any unforeseen failure turned into a rejection of that message."""
    try:
        return reading_from_publish(mappings, topic, payload, received_at)
    except InvalidReading:
        raise
    except Exception:
        log.exception("cannot read an MQTT message on %s", _shown(topic))
        raise InvalidReading(UNFORESEEN) from None


def _shown(topic: str) -> str:
    """The topic for a log line: shortened, and with any control character escaped."""
    short = topic if len(topic) <= MAX_TOPIC_SHOWN else topic[:MAX_TOPIC_SHOWN] + "…"
    return short if short.isprintable() else ascii(short)[1:-1]
