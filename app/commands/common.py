"""Arguments and messages that several commands share."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from models.storage.url import is_database_url


def add_address(
    parser: argparse.ArgumentParser, port: int, host: str = "127.0.0.1", what: str = "server", listening: bool = False
) -> None:
    """--host and --port; a listening server also learns that port 0 picks a free one."""
    free = "; 0 picks a free port and prints it" if listening else ""
    parser.add_argument("--host", default=host, help=f"address of the {what} (default: {host})")
    parser.add_argument("--port", type=port_number, default=port, help=f"TCP port of the {what} (default: {port}{free})")


def port_number(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number") from None
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{port} is not a port number: choose one from 0 to 65535")
    return port


def decimal(text: str) -> float:
    """A number written as a French user writes it (23,5) or as Python does (23.5)."""
    try:
        return float(text.replace(",", ".") if "." not in text else text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number: write it as 23.5 or 23,5") from None


def positive_number(text: str) -> float:
    value = decimal(text)
    if not value > 0:
        raise argparse.ArgumentTypeError(f"{text} must be above 0")
    return value


def positive_int(text: str) -> int:
    return _int_from(text, 1)


def whole_number(text: str) -> int:
    """0 or more."""
    return _int_from(text, 0)


def _int_from(text: str, least: int) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < least:
        raise argparse.ArgumentTypeError(f"{value} must be {least} or more")
    return value


def file_path(text: str) -> Path:
    """A file named on the command line. A database URL is refused here: named as a file, the URL and
    its password would go into every sentence about the file."""
    if is_database_url(text):
        raise argparse.ArgumentTypeError("this option takes a file; a PostgreSQL URL goes with --db of server, export or alarms")
    return Path(text)


def fail(message: str, code: int = 1) -> int:
    """Print one sentence for the user on stderr; return the exit code to give."""
    print(f"thermolab: {message}", file=sys.stderr)
    return code
