"""Where a broker is and how to reach it: one URL, parsed once, shown masked, turned into a paho client.

The collector (subscribing) and the simulator (publishing) both start here, so both accept the same
URLs, read the password from the same places and say the same sentence when the broker cannot be
reached. Nothing here is particular to one broker: any MQTT 5 broker will do.
"""

from __future__ import annotations

import os
import socket
import ssl
from dataclasses import dataclass

import paho.mqtt.client as mqtt
from paho.mqtt.packettypes import PacketTypes
from paho.mqtt.properties import Properties

from models.broker_url import BrokerUrlError, read_url

PASSWORD_VARIABLE = "THERMOLAB_MQTT_PASSWORD"
"""Read when the URL names a user but no password: a password on a command line is visible to every
user of the machine (`ps`), one in the environment only to the same user."""

KEEPALIVE = 30
"""Seconds between pings when nothing else is said, so a dead link is noticed within a minute."""
RECONNECT_DELAYS = (1, 30)
"""paho's back-off after a lost link: from 1 s, doubling, to at most 30 s."""


class BrokerError(Exception):
    """A broker URL that cannot be used, or a broker that cannot be reached; the message says why."""


@dataclass(frozen=True)
class Broker:
    """A broker's address and credentials. `str()` never shows the password."""

    host: str
    port: int
    tls: bool = False
    username: str | None = None
    password: str | None = None
    ca_file: str | None = None
    """The CA certificate file that signed the broker's certificate; None trusts the system's CAs."""

    def __str__(self) -> str:
        scheme = "mqtts" if self.tls else "mqtt"
        user = f"{self.username}{':***' if self.password else ''}@" if self.username else ""
        return f"{scheme}://{user}{self.host}:{self.port}"

    def __repr__(self) -> str:
        return f"Broker({self})"


def parse_broker(url: str, ca_file: str | None = None, environ=os.environ) -> Broker:
    """`mqtt://[user[:password]@]host[:port]` or `mqtts://...`; raises BrokerError with one sentence."""
    try:
        address = read_url(url)
    except BrokerUrlError as error:
        raise BrokerError(str(error)) from None
    password = address.password
    if address.username and password is None:
        password = environ.get(PASSWORD_VARIABLE)
    return Broker(address.host, address.port, address.tls, address.username, password, ca_file)


def new_client(broker: Broker, client_id: str = "") -> mqtt.Client:
    """A paho client speaking MQTT 5 to `broker`, with its credentials and TLS, not yet connected.

    Once `connect` has succeeded and `loop_start` runs, paho reconnects by itself after a lost link,
    waiting RECONNECT_DELAYS between tries.
    """
    client = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, client_id=client_id, protocol=mqtt.MQTTv5)
    if broker.username:
        client.username_pw_set(broker.username, broker.password)
    if broker.tls:
        context = ssl.create_default_context(cafile=broker.ca_file)
        context.sslsocket_class = _ClosingSSLSocket
        client.tls_set_context(context)
    client.reconnect_delay_set(*RECONNECT_DELAYS)
    return client


class _ClosingSSLSocket(ssl.SSLSocket):
    """Closes itself when its handshake fails: paho drops such a socket without closing it, leaving it
    to the garbage collector, at every try of a client that reconnects."""

    def do_handshake(self, *args, **kwargs) -> None:
        try:
            super().do_handshake(*args, **kwargs)
        except BaseException:
            self.close()
            raise


def connect(client: mqtt.Client, broker: Broker, persistent: bool = False) -> None:
    """Open the link (blocking, in the caller's thread); raises BrokerError with one sentence.

    `persistent` keeps the session on the broker across disconnections (give the client a stable id),
    so QoS 1 messages published while the client was away wait for it. A refusal by the broker
    (wrong password, say) arrives later, in `on_connect`'s reason code: `connection_failure` words it.
    """
    try:
        client.connect(broker.host, broker.port, KEEPALIVE, clean_start=not persistent, properties=_properties(persistent))
    except (OSError, ValueError) as error:
        raise BrokerError(connection_failure(broker, error)) from None


def connect_in_background(client: mqtt.Client, broker: Broker, persistent: bool = False, receive_maximum: int = 0) -> None:
    """Let the network thread (`loop_start`) open the link, and open it again each time it fails or is
    lost, waiting RECONNECT_DELAYS between tries: for a broker that may be down when we start.

    Each failed try calls `on_connect_fail` from within the `except` that caught it, so
    `sys.exc_info()` there is what `connection_failure` words. `receive_maximum` (MQTT 5) caps the
    QoS 1 messages the broker sends before we acknowledge any; 0 leaves the broker's default.
    """
    properties = _properties(persistent, receive_maximum)
    client.connect_async(broker.host, broker.port, KEEPALIVE, clean_start=not persistent, properties=properties)


def _properties(persistent: bool, receive_maximum: int = 0) -> Properties | None:
    if not persistent and not receive_maximum:
        return None
    properties = Properties(PacketTypes.CONNECT)
    if persistent:
        # MQTT 5 ends a session with its connection unless told to keep it: keep it as long as allowed.
        properties.SessionExpiryInterval = 0xFFFFFFFF
    if receive_maximum:
        properties.ReceiveMaximum = receive_maximum
    return properties


def close_client(client: mqtt.Client) -> None:
    """Disconnect, stop the network thread and close every socket the client holds.

    paho closes the socket pair made by `loop_start` only when the client is deleted
    (eclipse-paho/paho.mqtt.python#627), which a reference cycle through a callback can put off until
    the garbage collector runs: close it here instead.
    """
    client.disconnect()
    client.loop_stop()
    client._reset_sockets()


def connection_failure(broker: Broker, error: BaseException | None = None, reason: object = None) -> str:
    """One sentence for a broker that could not be reached or refused us, from the exception raised
    while connecting or the CONNACK's reason code."""
    if reason is not None:
        text = str(reason).lower()
        if "not authorized" in text or "user name or password" in text:
            return f"the broker at {broker} refused the user name or password: check them in Settings or {PASSWORD_VARIABLE}"
        return f"the broker at {broker} refused the connection: {reason}"
    if isinstance(error, socket.gaierror):
        return f"the broker's host {broker.host} is unknown: check the broker URL"
    if isinstance(error, ssl.SSLError):
        return f"the TLS handshake with {broker} failed ({error.reason or error}): check the CA file and the port"
    if isinstance(error, ConnectionRefusedError):
        return f"no broker answers at {broker}: is it running, and is the port right?"
    if isinstance(error, (TimeoutError, socket.timeout)):
        return f"the broker at {broker} did not answer in time"
    if isinstance(error, OSError) and error.strerror:
        return f"the broker at {broker} cannot be reached: {error.strerror[:1].lower() + error.strerror[1:]}"
    return f"the broker at {broker} cannot be reached: {error}"
