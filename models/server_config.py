"""The server's settings, shared by the headless server and the window: command line over saved over defaults."""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

DEFAULT_PORT = 50007
"""The readings port when nobody chose one: the exercise's, for the server and every client."""


@dataclass(frozen=True)
class ServerConfig:
    host: str = "127.0.0.1"
    port: int = DEFAULT_PORT
    storage_path: Path | None = None
    """None: the default file of the kind chosen in the user's data folder (app.paths.default_storage)."""
    text_file: bool = False
    token: str = field(default="", repr=False)
    """Left out of the repr, so that no log line or traceback shows it."""
    max_connections: int = 256
    idle_timeout: float = 300.0
    message_timeout: float = 30.0
    """Seconds a message may take from its first byte to its last, however often bytes come."""
    keep_days: int = 0
    """Readings older than this many days are deleted from a database; 0 keeps everything."""

    @property
    def retention(self) -> float | None:
        """`keep_days` as the storage takes it: None keeps everything (a text file refuses any other)."""
        return float(self.keep_days) if self.keep_days else None

    def updated(self, args: argparse.Namespace) -> ServerConfig:
        """These settings with what the command line gave (arguments left out are None)."""
        given = {f.name: getattr(args, f.name) for f in fields(self) if getattr(args, f.name, None) is not None}
        if args.db is not None:
            given.update(storage_path=args.db, text_file=False)
        if args.text_file is not None:
            given.update(storage_path=args.text_file, text_file=True)
            # A retention saved for the database is no reason to refuse the text file asked for now.
            given.setdefault("keep_days", 0)
        return replace(self, **given)
