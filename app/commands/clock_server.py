"""`clock-server`: the exercise's mono-task clock, telling each client the time as HH:MM:SS."""

from __future__ import annotations

import argparse

from app.commands.common import add_address
from app.commands.serving import serve_until_signal
from network.services.clock import CLOCK_PORT, ClockServer


def register(commands) -> None:
    parser = commands.add_parser(
        "clock-server",
        help="tell each client the time (HH:MM:SS)",
        description="Send each client the local time as HH:MM:SS, close its connection, and wait for the next one.",
    )
    add_address(parser, CLOCK_PORT, listening=True)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    return serve_until_signal(ClockServer(args.host, args.port), "clock server")
