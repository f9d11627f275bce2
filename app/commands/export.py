"""`export`: stored readings as CSV (docs/protocol.md, section 3)."""

from __future__ import annotations

import argparse
import sys

from app.commands.common import fail
from app.paths import default_database
from models.csv_format import STANDARD, STYLES
from models.export import ExportFilter, count_readings, export_csv, writes_over_database
from models.reading import InvalidReading, parse_timestamp
from models.storage import StorageError, location_of


def register(commands) -> None:
    parser = commands.add_parser(
        "export",
        help="write stored readings as CSV",
        description="Write stored readings as CSV, in time order: capteur_id,temperature,timestamp (UTC).",
    )
    parser.add_argument(
        "--db",
        type=location_of,
        metavar="FILE|URL",
        help="the SQLite file (default: the server's default database), or a PostgreSQL URL as for the server",
    )
    parser.add_argument("--out", default="-", help="CSV file to write, or - for standard output (default)")
    parser.add_argument("--sensor", action="append", default=[], metavar="ID", help="only this sensor (repeatable)")
    parser.add_argument("--since", type=_moment, help="from this time: Unix seconds or ISO 8601 (UTC unless an offset is given)")
    parser.add_argument("--until", type=_moment, help="up to this time, included")
    parser.add_argument(
        "--format",
        choices=STYLES,
        default=STANDARD.name,
        help="standard: RFC 4180, commas, UTF-8 (default); excel-fr: for a spreadsheet in French: semicolons, "
        "decimal comma, UTF-8 with a BOM, and a heure_locale column of local time beside the UTC timestamp",
    )
    progress = parser.add_mutually_exclusive_group()
    progress.add_argument("--progress", dest="progress", action="store_true", default=None, help="always show the progress bar")
    progress.add_argument("--no-progress", dest="progress", action="store_false", help="never show it (default: on a terminal)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    db = args.db if args.db is not None else default_database()
    selection = ExportFilter(tuple(args.sensor), args.since, args.until)
    style = STYLES[args.format]
    to_file = args.out != "-"
    if to_file and writes_over_database(db, args.out):
        return fail(f"{args.out} is the database being exported (or its journal): choose another file for the CSV", 2)
    try:
        if not to_file:
            if style.bom:
                # Its BOM says UTF-8, whatever the encoding of the terminal or the file it is redirected to.
                sys.stdout.reconfigure(encoding="utf-8")
            export_csv(db, sys.stdout, selection, style=style)
            return 0
        show_progress = sys.stderr.isatty() if args.progress is None else args.progress
        bar = ProgressBar(count_readings(db, selection)) if show_progress else None
        with open(args.out, "w", encoding="utf-8", newline="") as out:
            written = export_csv(db, out, selection, bar.update if bar else None, style=style)
        if bar:
            bar.finish()
    except StorageError as error:
        return fail(str(error), 2)
    except OSError as error:
        return fail(f"cannot write {args.out} ({error.strerror}): choose another file", 2)
    print(f"{written:,} readings written to {args.out}", file=sys.stderr)
    return 0


def _moment(text: str) -> float:
    try:
        return parse_timestamp(float(text) if _is_number(text) else text)
    except InvalidReading as error:
        raise argparse.ArgumentTypeError(error.reason) from None


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


class ProgressBar:
    """`[#######.............]  35%  350,000 / 1,000,000` redrawn in place on stderr."""

    WIDTH = 30

    def __init__(self, total: int):
        self.total = total
        self.done = -1

    def update(self, done: int) -> None:
        self.done = done
        share = done / self.total if self.total else 1.0
        filled = round(share * self.WIDTH)
        bar = "#" * filled + "." * (self.WIDTH - filled)
        sys.stderr.write(f"\r[{bar}] {share:4.0%}  {done:,} / {self.total:,}")
        sys.stderr.flush()

    def finish(self) -> None:
        if self.done != self.total:
            self.update(self.total)
        sys.stderr.write("\n")
