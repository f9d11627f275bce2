"""`server`: the collector, in its window or, with --headless, on the terminal."""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
import time
from pathlib import Path

from app.commands.alarm_hook import AlarmHook, parse_command
from app.commands.common import add_address, fail, file_path, positive_int, positive_number, whole_number
from app.paths import storage_file
from models.alarms import AlarmEvent, AlarmFeed
from models.mqtt_mapping import PRESETS, MappingError
from models.server_config import DEFAULT_PORT, ServerConfig
from models.server_state import BrokerLink, ServerMonitor, alarm_log
from models.storage import StorageError, is_database_url, location_of, masked, open_storage
from network.collector.mqtt_collector import MqttCollector
from network.collector.serveur_tcp import ServeurTCP
from network.mqtt.broker import PASSWORD_VARIABLE, BrokerError
from network.serveur import ServerError, format_peer

STATUS_EVERY = 5.0
ALARM_WAIT = 0.5
"""Seconds the terminal waits for an alarm before it looks at the signals and the status line again."""


def register(commands) -> None:
    parser = commands.add_parser(
        "server",
        help="receive readings and store them",
        description="Receive readings over TCP (docs/protocol.md), from an MQTT broker, or both, and store each one.",
    )
    parser.add_argument("--headless", action="store_true", help="no window: log to the terminal")
    add_address(parser, DEFAULT_PORT, listening=True)
    storage = parser.add_mutually_exclusive_group()
    storage.add_argument(
        "--db",
        type=location_of,
        metavar="FILE|URL",
        help="SQLite file (default: mesures.db in the user's data folder), or a PostgreSQL URL: postgresql://USER@HOST/DB"
        " or postgresql:///?service=NAME (the password from PGPASSWORD or ~/.pgpass: one on the command line is seen by"
        " every user of the machine)",
    )
    storage.add_argument("--text-file", type=file_path, help="append readings to this text file instead (donnees.txt)")
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
    parser.add_argument(
        "--keep-days",
        type=whole_number,
        metavar="N",
        help="delete readings older than N days from the database, a little at a time (default: 0, keep everything)",
    )
    parser.add_argument(
        "--on-alarm",
        metavar="CMD",
        help="with --headless: run CMD (no shell) for each alarm raised or cleared, the event in "
        "THERMOLAB_ALARM_* environment variables (README); rules: `alarms --help`",
    )
    add_mqtt(parser)
    # None marks what the user did not give, so the window can fall back on its saved settings.
    parser.set_defaults(
        run=run, host=None, port=None, max_connections=None, idle_timeout=None, message_timeout=None, keep_days=None
    )


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
    if args.on_alarm and not args.headless:
        return fail("--on-alarm runs with --headless only: the window shows its alarms itself", 2)
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
        hook = AlarmHook(parse_command(args.on_alarm), _warn) if args.on_alarm else None
    except ValueError as error:
        return fail(str(error), 2)
    try:
        storage = open_storage(path, text_file, keep_days=config.retention)
    except StorageError as error:
        return fail(str(error), 2)
    assert storage.alarms is not None, "an open storage watches its alarms"
    alarms = storage.alarms.feed()
    # This terminal tells each alarm on stdout, once: not again in the log.
    alarm_log.disabled = True
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
    if hook is not None:
        hook.start()
    if collector is not None:
        collector.start()
    if server is not None:
        server.start()
    print(f"{'text file' if text_file else 'database'}: {masked(path) if is_database_url(path) else Path(path).resolve()}")
    if config.retention:
        print(f"keeping the last {config.keep_days} days: older readings are deleted a little at a time")
    rules, active = storage.alarms.rules(), storage.alarms.active()
    raised = f" (event {', '.join(str(event.id) for event in active)})" if active else ""
    print(f"alarms: {len(rules):,} rules, {len(active):,} raised{raised}")
    if collector is not None:
        print(f"subscribing to {', '.join(collector.topics)} on {collector.broker} as {collector.client_id}", flush=True)
    if server is not None:
        print(f"listening on {format_peer(server.address)}", flush=True)
    _report_until(stop, monitor, alarms, hook)
    if server is not None:
        server.stop()
    if collector is not None:
        collector.stop()
    storage.close()
    _tell(alarms.drain(), hook)
    if hook is not None:
        hook.stop()
        if hook.failures or hook.skipped:
            _warn(f"the alarm command {hook.name} failed for {hook.failures:,} events and did not run for {hook.skipped:,}")
    totals = monitor.totals()
    print(f"stopped: {totals.stored:,} readings stored, {totals.rejected:,} rejected", flush=True)
    return 0


def _report_until(stop: threading.Event, monitor: ServerMonitor, alarms: AlarmFeed, hook: AlarmHook | None) -> None:
    """Each alarm as it comes, and a status line every few seconds, until a signal arrives."""
    status_at = time.monotonic() + STATUS_EVERY
    while not stop.is_set():
        _tell(alarms.drain(ALARM_WAIT), hook)
        if time.monotonic() < status_at:
            continue
        status_at += STATUS_EVERY
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


def _tell(events: list[AlarmEvent], hook: AlarmHook | None) -> None:
    for event in events:
        print(_line(event), flush=True)
        if hook is not None:
            hook.submit(event)


def _line(event: AlarmEvent) -> str:
    """`alarm raised: fridge above 8 °C (9.5 °C) [event 3]`: the number `alarms ack` takes."""
    return f"{event.sentence()} [event {event.id}]"


def _warn(sentence: str) -> None:
    print(f"thermolab: {sentence}", file=sys.stderr, flush=True)
