"""`clock`: ask a clock server the time, as the exercise's horloge_client.py does."""

from __future__ import annotations

import argparse

from app.commands.common import add_address, fail, positive_number
from network.services.clock import CLOCK_PORT, ask_time
from network.services.service_client import ServiceError


def register(commands) -> None:
    parser = commands.add_parser(
        "clock",
        help="ask a clock server the time",
        description="Ask a clock server the time and print it with the round-trip time.",
    )
    add_address(parser, CLOCK_PORT)
    parser.add_argument("--timeout", type=positive_number, default=5.0, help="seconds to wait for the answer (default: 5)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        answer = ask_time(args.host, args.port, args.timeout)
    except ServiceError as error:
        return fail(str(error))
    print(f"{answer.time}  (round trip {answer.round_trip * 1000:.2f} ms)")
    return 0
