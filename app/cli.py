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


def build_parser(prog: str = "python main.py") -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=prog,
        description="Thermolab: collect, watch and export temperature readings sent over TCP.",
        epilog="Without a command: the server window and the sensor simulator aimed at it.",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log every event, not only warnings")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    for module in pkgutil.iter_modules(app.commands.__path__):
        command = importlib.import_module(f"app.commands.{module.name}")
        if hasattr(command, "register"):
            command.register(commands)
    parser.set_defaults(command_names=set(commands.choices))
    return parser


def main(argv: list[str] | None = None, prog: str = "python main.py") -> int:
    """`prog`: how the user started Thermolab, as usage lines name it (`thermolab` once installed)."""
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser(prog)
    names = parser.get_default("command_names")
    if any(word in names or word in ("-h", "--help") for word in argv):
        args = parser.parse_args(argv)
    else:
        # No command: both windows, with what was given read as the server's options.
        verbose = [word for word in argv if word in ("-v", "--verbose")]
        args = parser.parse_args([*verbose, "server", *(word for word in argv if word not in verbose)])
        args.run = _run_lab
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(message)s",
        datefmt="%H:%M:%S",
    )
    try:
        return args.run(args)
    except KeyboardInterrupt:
        return 130


def _run_lab(args: argparse.Namespace) -> int:
    """Both windows, the simulator aimed at the server window's real port."""
    from app.lab_app import run_lab

    return run_lab(args)
