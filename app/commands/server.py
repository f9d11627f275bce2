"""`server`: the collector, in its window or, with --headless, on the terminal."""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
from pathlib import Path

from app.commands.common import add_address, fail, positive_int, positive_number, whole_number
from app.paths import storage_file
from models.server_config import DEFAULT_PORT, ServerConfig
from models.storage import StorageError, open_storage
from network.collector.serveur_tcp import ServeurTCP
from network.serveur import ServerError, format_peer

STATUS_EVERY = 5.0


def register(commands) -> None:
    parser = commands.add_parser(
        "server",
        help="receive readings and store them",
        description="Receive readings over TCP (docs/protocol.md) and store each one.",
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
    parser.add_argument(
        "--keep-days",
        type=whole_number,
        metavar="N",
        help="delete readings older than N days from the database, a little at a time (default: 0, keep everything)",
    )
    # None marks what the user did not give, so the window can fall back on its saved settings.
    parser.set_defaults(
        run=run, host=None, port=None, max_connections=None, idle_timeout=None, message_timeout=None, keep_days=None
    )


def run(args: argparse.Namespace) -> int:
    if not args.headless:
        from app.server.server_app import run_window

        return run_window(args)
    return run_headless(args)


def run_headless(args: argparse.Namespace) -> int:
    config = ServerConfig().updated(args)
    path, text_file = storage_file(config), config.text_file
    try:
        storage = open_storage(path, text_file, config.retention)
    except StorageError as error:
        return fail(str(error), 2)
    server = ServeurTCP.from_config(storage, config)
    try:
        server.listen()
    except ServerError as error:
        storage.close()
        return fail(str(error), 2)

    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())
    server.start()
    print(f"{'text file' if text_file else 'database'}: {path.resolve()}")
    if config.retention:
        print(f"keeping the last {config.keep_days} days: older readings are deleted a little at a time")
    print(f"listening on {format_peer(server.address)}", flush=True)
    _report_until(stop, server)
    server.stop()
    storage.close()
    totals = server.monitor.totals()
    print(f"stopped: {totals.stored:,} readings stored, {totals.rejected:,} rejected", flush=True)
    return 0


def _report_until(stop: threading.Event, server: ServeurTCP) -> None:
    """A status line every few seconds until a signal arrives."""
    while not stop.wait(STATUS_EVERY):
        totals = server.monitor.totals()
        stored = (
            f"{totals.stored:,} stored"
            if totals.in_storage is None
            else f"{totals.in_storage:,} stored ({totals.stored:,} since the start)"
        )
        print(
            f"{totals.connections} connections · {totals.per_second:,.0f} readings/s · {stored} · {totals.rejected:,} rejected",
            flush=True,
        )
    print("stopping: committing what was received…", file=sys.stderr, flush=True)
