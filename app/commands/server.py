"""`server`: the collector, in its window or, with --headless, on the terminal."""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
from pathlib import Path

from app.commands.common import add_address, fail, positive_int, positive_number
from app.paths import storage_file
from models.mqtt_mapping import PRESETS, MappingError
from models.server_config import DEFAULT_PORT, ServerConfig
from models.server_state import BrokerLink, ServerMonitor
from models.storage import StorageError, open_storage
from network.collector.mqtt_collector import MqttCollector
from network.collector.serveur_tcp import ServeurTCP
from network.mqtt.broker import PASSWORD_VARIABLE, BrokerError
from network.serveur import ServerError, format_peer

STATUS_EVERY = 5.0


def register(commands) -> None:
    parser = commands.add_parser(
        "server",
        help="receive readings and store them",
        description="Receive readings over TCP (docs/protocol.md), from an MQTT broker, or both, and store each one.",
    )
    parser.add_argument("--headless", action="store_true", help="no window: log to the terminal")
    add_address(parser, DEFAULT_PORT, listening=True)
    storage = parser.add_mutually_exclusive_group()
    storage.add_argument("--db", type=Path, help="SQLite file (default: mesures.db in the user's data folder)")
    storage.add_argument("--text-file", type=Path, help="append readings to this text file instead (donnees.txt)")
    parser.add_argument(
        "--token",
        default=os.environ.get("THERMOLAB_TOKEN"),
        help="shared token every connection must send first (default: $THERMOLAB_TOKEN)",
    )
    parser.add_argument("--max-connections", type=positive_int, default=256, help="connections at once (default: 256)")
    parser.add_argument(
        "--idle-timeout", type=positive_number, default=300.0, help="close a silent connection after S seconds (default: 300)"
    )
    parser.add_argument(
        "--message-timeout",
        type=positive_number,
        default=30.0,
        help="close a connection whose message is not complete S seconds after its first byte (default: 30)",
    )
    add_mqtt(parser)
    # None marks what the user did not give, so the window can fall back on its saved settings.
    parser.set_defaults(run=run, host=None, port=None, max_connections=None, idle_timeout=None, message_timeout=None)


def add_mqtt(parser: argparse.ArgumentParser) -> None:
    mqtt = parser.add_argument_group("MQTT", "Also store the readings an MQTT broker delivers (docs/protocol.md, MQTT).")
    mqtt.add_argument(
        "--mqtt",
        dest="mqtt_url",
        metavar="URL",
        help=f"subscribe to this broker: mqtt://[USER@]HOST[:PORT], or mqtts:// for TLS; the password comes from "
        f"${PASSWORD_VARIABLE} (one in the URL is visible to every user of this machine)",
    )
    mqtt.add_argument(
        "--mqtt-map",
        dest="mqtt_mappings",
        action="append",
        metavar="MAPPING",
        help=f"where readings are: 'FILTER SENSOR VALUE [UNIT]' or a ready-made one ({', '.join(PRESETS)}); "
        "repeat for several (default: thermolab)",
    )
    mqtt.add_argument(
        "--mqtt-client-id",
        metavar="ID",
        help="the session's name on the broker (default: one made from this machine and the storage file)",
    )
    mqtt.add_argument(
        "--mqtt-group", metavar="NAME", help="share the subscription with every collector of this group ($share/NAME/...)"
    )
    mqtt.add_argument(
        "--mqtt-ca-file", metavar="FILE", help="the CA certificate that signed an mqtts:// broker's (default: the system's)"
    )
    mqtt.add_argument(
        "--no-tcp", dest="tcp", action="store_false", default=None, help="do not listen on the readings port: MQTT only"
    )


def run(args: argparse.Namespace) -> int:
    if not args.headless:
        from app.server.server_app import run_window

        return run_window(args)
    return run_headless(args)


def run_headless(args: argparse.Namespace) -> int:
    config = ServerConfig().updated(args)
    if not config.tcp and not config.mqtt_url:
        return fail("--no-tcp leaves nothing to receive readings from: give --mqtt URL too", 2)
    path, text_file = storage_file(config), config.text_file
    try:
        storage = open_storage(path, text_file)
    except StorageError as error:
        return fail(str(error), 2)
    server = ServeurTCP.from_config(storage, config) if config.tcp else None
    try:
        collector = MqttCollector.from_config(storage, config, server.monitor if server else None) if config.mqtt_url else None
        if server is not None:
            server.listen()
    except (ServerError, BrokerError, MappingError) as error:
        storage.close()
        return fail(str(error), 2)
    monitor = server.monitor if server else collector.monitor

    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())
    print(f"{'text file' if text_file else 'database'}: {path.resolve()}")
    if collector is not None:
        collector.start()
        print(f"subscribing to {', '.join(collector.topics)} on {collector.broker} as {collector.client_id}", flush=True)
    if server is not None:
        server.start()
        print(f"listening on {format_peer(server.address)}", flush=True)
    _report_until(stop, monitor)
    if server is not None:
        server.stop()
    if collector is not None:
        collector.stop()
    storage.close()
    totals = monitor.totals()
    print(f"stopped: {totals.stored:,} readings stored, {totals.rejected:,} rejected", flush=True)
    return 0


def _report_until(stop: threading.Event, monitor: ServerMonitor) -> None:
    """A status line every few seconds until a signal arrives."""
    while not stop.wait(STATUS_EVERY):
        totals = monitor.totals()
        stored = (
            f"{totals.stored:,} stored"
            if totals.in_storage is None
            else f"{totals.in_storage:,} stored ({totals.stored:,} since the start)"
        )
        print(
            f"{totals.connections} connections · {totals.per_second:,.0f} readings/s · {stored} · {totals.rejected:,} rejected"
            + _broker_status(monitor.broker()),
            flush=True,
        )
    print("stopping: committing what was received…", file=sys.stderr, flush=True)


def _broker_status(link: BrokerLink | None) -> str:
    if link is None:
        return ""
    if link.connected:
        return f" · broker connected, {link.per_second:,.0f} messages/s"
    return f" · broker: {link.problem}"
