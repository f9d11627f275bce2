"""`echo`: talk to an echo server line by line, as the exercise's echo_client.py does; `quit` leaves."""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Iterator

from app.commands.common import add_address, fail
from network.services.echo import ECHO_PORT
from network.services.echo_client import EchoClient, EchoTimeout
from network.services.service_client import ServiceError

NOTICE_AFTER = 2.0


def register(commands) -> None:
    parser = commands.add_parser(
        "echo",
        help="type lines to an echo server",
        description="Send each line typed to an echo server and print its answer; quit (or Ctrl+D) leaves.",
    )
    add_address(parser, ECHO_PORT)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        with EchoClient(args.host, args.port) as client:
            print(f"connected to {args.host}:{args.port}: type a line, or quit to leave", file=sys.stderr, flush=True)
            for line in _typed_lines():
                client.send(line)
                print(_wait_for_echo(client).decode("utf-8", "replace"), flush=True)
    except ServiceError as error:
        return fail(str(error))
    return 0


def _typed_lines() -> Iterator[str]:
    prompt = "> " if sys.stdin.isatty() else ""
    while True:
        try:
            line = input(prompt)
        except EOFError:
            return
        if line.strip() == "quit":
            return
        # Sending nothing would leave the client waiting for an echo that never comes.
        if line:
            yield line


def _wait_for_echo(client: EchoClient) -> bytes:
    try:
        return client.receive(NOTICE_AFTER)
    except EchoTimeout:
        print(
            "no echo yet: a mono-task server answers one client at a time, this one waits its turn (Ctrl+C leaves)",
            file=sys.stderr,
            flush=True,
        )
        return client.receive(math.inf)
