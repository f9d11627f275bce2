"""`echo-server`: the exercise's echo server, mono-task or, with --multi, one thread per client."""

from __future__ import annotations

import argparse

from app.commands.common import add_address, positive_int, positive_number
from app.commands.serving import serve_until_signal
from network.services.echo import ECHO_PORT, MAX_CONNECTIONS, EchoServer, echo_multi


def register(commands) -> None:
    parser = commands.add_parser(
        "echo-server",
        help="send back what clients send, after echo:",
        description=(
            "Send back every chunk a client sends, after 'echo:'. Mono-task by default: one client at a time, "
            "the next ones wait; --multi serves every client at once, one thread each."
        ),
    )
    parser.add_argument("--multi", action="store_true", help="multi-task: one thread per client (echo_multi)")
    add_address(parser, ECHO_PORT, listening=True)
    parser.add_argument(
        "--idle-timeout", type=positive_number, default=300.0, help="drop a client idle for S seconds (default: 300)"
    )
    parser.add_argument(
        "--max-connections",
        type=positive_int,
        default=MAX_CONNECTIONS,
        help=f"with --multi: clients at once; the next one is told the server is busy (default: {MAX_CONNECTIONS})",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.multi:
        server = echo_multi(args.host, args.port, args.idle_timeout, args.max_connections)
        return serve_until_signal(server, "echo server (multi-task)")
    return serve_until_signal(EchoServer(args.host, args.port, args.idle_timeout), "echo server (mono-task)")
