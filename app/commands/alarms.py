"""`alarms`: the alarm rules and events of a database, from the command line (models/alarms/).

It writes with a connection of its own, so it works whether the server runs or not: a running server
follows the rules changed here within a second.
"""

from __future__ import annotations

import argparse
import getpass
import sys
import time

from app.commands.common import fail, file_path
from app.paths import default_database
from models.alarms import AlarmBook, AlarmEvent, AlarmKind, AlarmRule, InvalidRule, UnknownAlarm, alarm_book_path
from models.csv_format import iso_utc
from models.export import writes_over_database
from models.storage import Location, StorageError, is_database_url, location_of, open_alarm_book

DESCRIPTION = """\
Alarm rules watch the readings the server stores, and each alarm raised or cleared is kept as an event.
A rule is a high threshold (a reading above it raises an alarm), a low threshold (below it), or a
silence (no reading for more than S seconds). A rule names one sensor, or with no --sensor it is the
default for every sensor without a rule of that kind of its own. `server --headless` prints each alarm
and can run a command for it (--on-alarm); the server window shows them.

examples:
  %(prog)s add --high 30 --hysteresis 0.5         every sensor: alarm above 30 °C, cleared at 29.5 °C
  %(prog)s add --sensor fridge --high 8 --for 60  the fridge: above 8 °C for a whole minute
  %(prog)s add --silent 120                       any sensor silent for more than two minutes
  %(prog)s                                        the rules, with their numbers
  %(prog)s remove 2                               remove rule 2
  %(prog)s events --active                        the alarms raised now
  %(prog)s ack 7                                  say that you have seen event 7
  %(prog)s export --out alarms.csv                every event as CSV
"""


def register(commands) -> None:
    parser = commands.add_parser(
        "alarms",
        help="list, add and remove alarm rules; list, acknowledge and export alarm events",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    actions = parser.add_subparsers(title="actions (default: list)", metavar="ACTION")
    parser.set_defaults(run=_list, create=False, db=None, text_file=None)

    listing = _action(actions, "list", "the rules, with their numbers", _list)
    listing.set_defaults(create=False)

    add = _action(actions, "add", "add a rule, or replace the sensor's rule of that kind", _add)
    kind = add.add_mutually_exclusive_group(required=True)
    kind.add_argument("--high", type=float, metavar="T", help="alarm when a reading is above T °C")
    kind.add_argument("--low", type=float, metavar="T", help="alarm when a reading is below T °C")
    kind.add_argument("--silent", type=float, metavar="S", help="alarm when a sensor sends nothing for more than S seconds")
    add.add_argument("--sensor", metavar="ID", help="the sensor (default: every sensor without a rule of this kind)")
    add.add_argument(
        "--hysteresis",
        type=float,
        default=0.0,
        metavar="H",
        help="°C a reading must come back inside by before the alarm clears, so a value wavering around T "
        "raises one alarm (default: 0)",
    )
    add.add_argument(
        "--for",
        dest="min_duration",
        type=float,
        default=0.0,
        metavar="S",
        help="raise the alarm only once the condition has held S seconds, so a single spike raises none (default: 0)",
    )
    add.set_defaults(create=True)

    remove = _action(actions, "remove", "remove a rule; its past events stay", _remove)
    remove.add_argument("rule", type=int, metavar="RULE", help="the rule's number, as `alarms list` shows it")
    remove.set_defaults(create=True)

    events = _action(actions, "events", "the alarm events, newest first", _events)
    events.add_argument("--active", action="store_true", help="only the alarms raised and not cleared yet")
    events.add_argument("--sensor", metavar="ID", help="only this sensor's")
    events.add_argument("--limit", type=int, default=50, metavar="N", help="at most N events (default: 50; 0: all)")
    events.set_defaults(create=False)

    ack = _action(actions, "ack", "acknowledge an event: say who has seen it", _ack)
    ack.add_argument("event", type=int, metavar="EVENT", help="the event's number, as `alarms events` shows it")
    ack.add_argument("--by", default=_user(), help="who acknowledges (default: your user name, %(default)s)")
    ack.set_defaults(create=True)

    export = _action(actions, "export", "every event as CSV, oldest first (times in UTC)", _export)
    export.add_argument("--out", default="-", help="CSV file to write, or - for standard output (default)")
    export.set_defaults(create=False)


def _action(actions, name: str, what: str, run) -> argparse.ArgumentParser:
    action = actions.add_parser(name, help=what, description=what[:1].upper() + what[1:] + ".")
    storage = action.add_mutually_exclusive_group()
    storage.add_argument(
        "--db",
        type=location_of,
        metavar="FILE|URL",
        help="the SQLite file (default: the server's default database), or a PostgreSQL URL as for the server",
    )
    storage.add_argument(
        "--text-file", type=file_path, metavar="FILE", help="the server's text file: its alarms are in FILE.alarms.db beside it"
    )
    action.set_defaults(run=run)
    return action


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "someone"


def _storage(args: argparse.Namespace) -> tuple[Location, bool]:
    """The storage the arguments name, and whether it is a text file."""
    if args.text_file is not None:
        return args.text_file, True
    return (args.db if args.db is not None else default_database()), False


def _with_book(args: argparse.Namespace, work) -> int:
    """Open the book of the storage the arguments name, run `work(book)`, and turn refusals into one sentence."""
    path, text_file = _storage(args)
    try:
        book = open_alarm_book(path, text_file, create=args.create)
    except StorageError as error:
        return fail(str(error), 2)
    if book is None:
        print(f"no alarm rules for {path} yet: `alarms add --text-file {path} ...` makes the first")
        return 0
    try:
        return work(book)
    except InvalidRule as error:
        return fail(str(error), 2)
    except UnknownAlarm as error:
        return fail(str(error), 1)
    except StorageError as error:
        return fail(str(error), 2)
    finally:
        book.close()


def _list(args: argparse.Namespace) -> int:
    def work(book: AlarmBook) -> int:
        rules = book.rules()
        if not rules:
            print("no alarm rules: `alarms add --help` says how to add one")
            return 0
        _table(["rule", "sensor", "alarm"], [[str(rule.id), rule.scope, rule.describe()] for rule in rules])
        return 0

    return _with_book(args, work)


def _add(args: argparse.Namespace) -> int:
    given = {AlarmKind.HIGH: args.high, AlarmKind.LOW: args.low, AlarmKind.SILENT: args.silent}
    kind = next(kind for kind, threshold in given.items() if threshold is not None)
    rule = AlarmRule(kind, given[kind], args.sensor, args.hysteresis, args.min_duration)

    def work(book: AlarmBook) -> int:
        saved = book.save_rule(rule)
        print(f"rule {saved.id}: {saved.scope}, {saved.describe()}")
        return 0

    return _with_book(args, work)


def _remove(args: argparse.Namespace) -> int:
    def work(book: AlarmBook) -> int:
        removed = book.remove_rule(args.rule)
        print(f"removed rule {removed.id}: {removed.scope}, {removed.describe()}")
        return 0

    return _with_book(args, work)


def _events(args: argparse.Namespace) -> int:
    def work(book: AlarmBook) -> int:
        events = book.events(args.sensor, args.active, args.limit or None)
        if not events:
            print("no alarm events")
            return 0
        _table(["event", "sensor", "alarm", "value", "raised (UTC)", "cleared (UTC)", "acknowledged"], [_row(e) for e in events])
        return 0

    return _with_book(args, work)


def _row(event: AlarmEvent) -> list[str]:
    unit = "s" if event.kind is AlarmKind.SILENT else "°C"
    acknowledged = "" if event.acknowledged_at is None else f"{event.acknowledged_by}, {_moment(event.acknowledged_at)}"
    return [
        str(event.id),
        event.sensor,
        AlarmRule(event.kind, event.threshold).describe(),
        f"{event.value:g} {unit}",
        _moment(event.raised_at),
        "still raised" if event.cleared_at is None else _moment(event.cleared_at),
        acknowledged,
    ]


def _moment(timestamp: float) -> str:
    return iso_utc(timestamp, "seconds")


def _ack(args: argparse.Namespace) -> int:
    def work(book: AlarmBook) -> int:
        now = time.time()
        event = book.acknowledge(args.event, args.by, now)
        before = "" if event.acknowledged_at == now else "already "
        print(f"event {event.id} {before}acknowledged by {event.acknowledged_by} at {_moment(event.acknowledged_at or now)}")
        return 0

    return _with_book(args, work)


def _export(args: argparse.Namespace) -> int:
    to_file = args.out != "-"

    def work(book: AlarmBook) -> int:
        if not to_file:
            book.export_csv(sys.stdout)
            return 0
        try:
            with open(args.out, "w", encoding="utf-8", newline="") as out:
                written = book.export_csv(out)
        except OSError as error:
            return fail(f"cannot write {args.out} ({error.strerror}): choose another file", 2)
        print(f"{written:,} alarm events written to {args.out}", file=sys.stderr)
        return 0

    storage, text_file = _storage(args)
    if to_file and not is_database_url(storage) and writes_over_database(alarm_book_path(storage, text_file), args.out):
        return fail(f"{args.out} is the database being exported (or its journal): choose another file for the CSV", 2)
    return _with_book(args, work)


def _table(header: list[str], rows: list[list[str]]) -> None:
    widths = [max(len(cell) for cell in column) for column in zip(header, *rows, strict=True)]
    for row in [header, *rows]:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
