"""Publishing to a test's broker as a sensor would: QoS 1, each message acknowledged by the broker."""

from __future__ import annotations

import contextlib

import paho.mqtt.client as mqtt

from network.mqtt.broker import Broker, close_client, connect, new_client

PUBLISH_TIMEOUT = 60.0


@contextlib.contextmanager
def publisher(broker: Broker, in_flight: int = 20):
    """A connected paho client; `in_flight` QoS 1 messages may await the broker's ack at once."""
    client = new_client(broker)
    client.max_inflight_messages_set(in_flight)
    connect(client, broker)
    client.loop_start()
    try:
        yield client
    finally:
        close_client(client)


def publish_all(client: mqtt.Client, messages: list[tuple[str, bytes]]) -> None:
    """Publish with QoS 1 and return once the broker has acknowledged every one."""
    infos = [client.publish(topic, payload, qos=1) for topic, payload in messages]
    for info in infos:
        info.wait_for_publish(PUBLISH_TIMEOUT)
