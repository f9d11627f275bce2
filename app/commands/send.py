"""`send`: one reading, as the exercise's client.py sends it."""

from __future__ import annotations

import argparse
import json
import os

from app.commands.common import add_address, decimal, fail
from models.reading import UNITS
from models.server_config import DEFAULT_PORT
from network.sensors.client import SendError, send_message


def register(commands) -> None:
    parser = commands.add_parser(
        "send",
        help="send one reading to a server",
        description="Send one reading and print the server's answer.",
    )
    parser.add_argument("--id", required=True, help="the sensor's capteur_id, e.g. capteur_1")
    parser.add_argument("--temperature", type=decimal, required=True, help="the value, e.g. 23.5 or 23,5")
    parser.add_argument("--unit", choices=UNITS, default="C", help="C (default), F or K")
    parser.add_argument("--timestamp", help="when it was measured: Unix seconds or ISO 8601 (default: now, by the server)")
    add_address(parser, DEFAULT_PORT)
    parser.add_argument(
        "--token", default=os.environ.get("THERMOLAB_TOKEN"), help="for a server that requires one (default: $THERMOLAB_TOKEN)"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    message: dict = {"capteur_id": args.id, "temperature": args.temperature, "seq": 1}
    if args.unit != "C":
        message["unit"] = args.unit
    if args.timestamp is not None:
        message["timestamp"] = _number_or_text(args.timestamp)
    try:
        answer = send_message(args.host, args.port, message, token=args.token)
    except SendError as error:
        return fail(str(error))
    print(json.dumps(answer, ensure_ascii=False))
    return 0 if "ack" in answer else 1


def _number_or_text(text: str) -> float | str:
    try:
        return float(text)
    except ValueError:
        return text
