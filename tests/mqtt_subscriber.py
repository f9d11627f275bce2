"""A plain paho subscriber for the tests: what a broker delivered under `thermolab/#`, decoded.

It keeps a persistent session (a fixed client id, QoS 1), so a broker restarted mid-test hands it
what it had queued for it, as a collector's subscription would get.
"""

from __future__ import annotations

import threading

import orjson

from network.mqtt.broker import close_client, connect, new_client, parse_broker

TIMEOUT = 10.0


class Subscriber:
    """`with Subscriber(url) as heard:` subscribed once the block starts; `heard.readings` in order."""

    def __init__(self, url: str, topic: str = "thermolab/#"):
        self.broker = parse_broker(url)
        self.topic = topic
        self.readings: list[tuple[str, dict]] = []
        """(topic, decoded payload) of every message delivered, duplicates included."""
        self._changed = threading.Condition()
        self._subscribed = threading.Event()
        self.client = new_client(self.broker, client_id="thermolab-test-subscriber")

    def __enter__(self) -> Subscriber:
        client = self.client
        client.on_connect = lambda c, _u, _f, reason, _p: reason.is_failure or c.subscribe(self.topic, qos=1)
        client.on_subscribe = lambda *_: self._subscribed.set()
        client.on_message = self._heard
        connect(client, self.broker, persistent=True)
        client.loop_start()
        if not self._subscribed.wait(TIMEOUT):
            close_client(client)
            raise TimeoutError(f"no subscription to {self.topic} within {TIMEOUT:g} s")
        return self

    def __exit__(self, *_) -> None:
        close_client(self.client)

    def _heard(self, _client, _userdata, message) -> None:
        with self._changed:
            self.readings.append((message.topic, orjson.loads(message.payload)))
            self._changed.notify_all()

    def wait_for(self, count: int, timeout: float = TIMEOUT) -> bool:
        """True once `count` messages have arrived (duplicates count), False after `timeout` s."""
        with self._changed:
            return self._changed.wait_for(lambda: len(self.readings) >= count, timeout)

    def distinct(self) -> set[tuple[str, str, int, float]]:
        """Each reading once: (topic, capteur_id, seq, timestamp)."""
        return {(topic, reading["capteur_id"], reading["seq"], reading["timestamp"]) for topic, reading in self.readings}
