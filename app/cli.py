"""The command line: every module of app/commands that has `register(commands)` adds one subcommand.

Adding a command is adding a file. Modules are imported to build the parser, so they import Qt only
inside the functions that open a window: `server --headless`, `send` and the other network commands
never load it.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import pkgutil
import sys

import app.commands

DEFAULT_COMMAND = ["server"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python main.py",
        description="Thermolab: collect, watch and export temperature readings sent over TCP.",
        epilog="Without a command: the server window, on its saved or default settings.",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log every event, not only warnings")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    for module in pkgutil.iter_modules(app.commands.__path__):
        command = importlib.import_module(f"app.commands.{module.name}")
        if hasattr(command, "register"):
            command.register(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "run"):
        args = parser.parse_args([*argv, *DEFAULT_COMMAND])
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(message)s",
        datefmt="%H:%M:%S",
    )
    try:
        return args.run(args)
    except KeyboardInterrupt:
        return 130
