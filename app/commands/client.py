"""`client`: the sensor simulator window, aimed at a readings server."""

from __future__ import annotations

import argparse
import os

from app.commands.common import port_number
from models.server_config import DEFAULT_PORT


def register(commands) -> None:
    parser = commands.add_parser(
        "client",
        help="open the sensor simulator window",
        description="Open the sensor simulator: sensor threads sending readings, a reading typed by hand, "
        "a city's weather, and the clock and echo clients.",
    )
    parser.add_argument("--host", help="address of the readings server (default: the one saved, else 127.0.0.1)")
    parser.add_argument(
        "--port", type=port_number, help=f"port of the readings server (default: the one saved, else {DEFAULT_PORT})"
    )
    parser.add_argument(
        "--token",
        default=os.environ.get("THERMOLAB_TOKEN"),
        help="token for a server that requires one (default: $THERMOLAB_TOKEN, else the one saved)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    # Qt is loaded only here: building the parser for a headless command must not load it.
    from app.simulator.simulator_app import run_client

    return run_client(args)
