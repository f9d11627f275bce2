"""`view`: a database in a read-only window that follows what collectors store, collecting nothing."""

from __future__ import annotations

import argparse

from models.storage import location_of


def register(commands) -> None:
    parser = commands.add_parser(
        "view",
        help="follow a database in a read-only window",
        description="Show a database's readings in a read-only window, and the new ones as any collector commits them.",
    )
    parser.add_argument(
        "--db",
        type=location_of,
        metavar="FILE|URL",
        help="the SQLite file (default: the server's default database), or a PostgreSQL URL as for the server"
        " (its history only: a PostgreSQL database is not followed yet)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from app.viewer_app import run_viewer

    return run_viewer(args.db)
