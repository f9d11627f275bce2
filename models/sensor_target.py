"""Where the simulator's sensors send: a readings server, or an MQTT broker they publish to.

Plain data, so that the window, the simulator's settings and the sensor process (which receives it
through a pipe) share one value; network/sensors/simulation.py turns a broker URL into a `Broker`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from models.server_config import DEFAULT_PORT

DEFAULT_BROKER_URL = "mqtt://127.0.0.1:1883"


@dataclass(frozen=True)
class SensorTarget:
    host: str = "127.0.0.1"
    port: int = DEFAULT_PORT
    token: str = field(default="", repr=False)
    """The server's token; left out of the repr, so that no log line or traceback shows it."""
    mqtt: bool = False
    """True: the sensors publish to `broker_url`, and host, port and token wait for the next switch back."""
    broker_url: str = DEFAULT_BROKER_URL
    """Never with a password in it: that is `broker_password`, kept with the other secrets."""
    broker_password: str = field(default="", repr=False)

    def __str__(self) -> str:
        return self.broker_url if self.mqtt else f"{self.host}:{self.port}"
