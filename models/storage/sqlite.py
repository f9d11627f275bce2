"""Readings in one SQLite file, table `mesures`, and the alarms beside them (docs/protocol.md, section 2)."""

from __future__ import annotations

import functools
import os
import sqlite3
from collections.abc import Sequence
from pathlib import Path

from models.alarms import ALARM_SCHEMA, AlarmBook, alarm_book_path
from models.reading import Reading
from models.storage.base import FileLost, Storage, StorageError, file_identity, identity_now

SCHEMA_VERSION = 2
"""1: `mesures`; 2: the alarm tables added (models/alarms/book.py). An older file is brought up to date
when it is opened for writing."""

# `sensor_clock` is 1 when the sensor gave the timestamp and NULL when the server stamped the reading.
# SQLite treats NULLs as distinct in a UNIQUE index, so one index both merges resent readings
# (docs/protocol.md, "Resending is safe") and never merges server-stamped ones; its leading columns
# also serve "one sensor over a time range".
_SCHEMA = """
CREATE TABLE IF NOT EXISTS mesures (
    capteur_id   TEXT NOT NULL,
    temperature  REAL NOT NULL,
    timestamp    REAL NOT NULL,
    received_at  REAL,
    sensor_clock INTEGER
);
CREATE UNIQUE INDEX IF NOT EXISTS mesures_capteur_timestamp
    ON mesures (capteur_id, timestamp, sensor_clock);
"""
# A retention walks the sensors in the order of the unique index, and deletes each one's old readings
# through it: two index searches per sensor, and no index on time alone that every insert would pay for.
_NEXT_SENSOR = "SELECT min(capteur_id) FROM mesures WHERE capteur_id > ?"
_PURGE = "DELETE FROM mesures WHERE rowid IN (SELECT rowid FROM mesures WHERE capteur_id = ? AND timestamp < ? LIMIT ?)"
SENSORS_PER_STEP = 64
"""Sensors one retention step looks at, at most, besides deleting at most `purge_rows` readings."""
ROWS_PER_INSERT = 256
"""Rows one INSERT statement may carry. Python's sqlite3 lets other threads run during each step of
a statement, and with one step per row the writer and the window's thread traded the GIL 50,000
times a second; one step per few dozen rows is also faster. 256 rows are 1,280 parameters, far
below SQLite's limit of 32,766."""


@functools.cache
def _insert(rows: int) -> str:
    return "INSERT OR IGNORE INTO mesures (capteur_id, temperature, timestamp, received_at, sensor_clock) VALUES " + ", ".join(
        ["(?, ?, ?, ?, ?)"] * rows
    )


LOCK_WAIT = 5.0
"""Seconds a transaction waits for a lock another program holds before its batch is refused
(docs/protocol.md, section 2): senders get errors instead of waiting as long as that program pleases."""

_REQUIRED_COLUMNS = {"capteur_id", "temperature", "timestamp"}
_ADDED_COLUMNS = {"received_at": "REAL", "sensor_clock": "INTEGER"}


class JournalLost(FileLost):
    """The -wal file deleted or replaced: commits went on into a journal that no one else reads."""

    what = "the database's journal"
    what_next = "the database is opened again, with a new journal"


class SQLiteStorage(Storage):
    CANNOT_OPEN = "the database cannot be opened"

    _journal_identity: tuple[int, int] | None = None
    """`file_identity` of the -wal file once opened: SQLite never removes it while a connection is open."""
    _purged_through = ""
    """The retention's walk: every sensor up to this one has no old reading left in this look. Every
    capteur_id is longer than "", so "" starts a look."""

    def _open(self) -> None:
        check_writable(self.path)
        if self._identity is not None and identity_now(self.path) != self._identity:
            # The database was deleted or replaced under the server: the journal beside it belongs to
            # the lost file (SQLite leaves it when the file has moved), and would be replayed into
            # the one now there.
            for leftover in ("-wal", "-shm"):
                self.path.with_name(self.path.name + leftover).unlink(missing_ok=True)
        self._connection = connect_database(self.path)
        self._identity = file_identity(self.path)
        self._journal_identity = file_identity(self._journal)

    def _alarm_book(self) -> AlarmBook:
        return AlarmBook(connect_database(self.path))

    @property
    def _journal(self) -> Path:
        return self.path.with_name(self.path.name + "-wal")

    def _check_file(self) -> None:
        super()._check_file()
        # Deleting the -wal file while the server runs leaves its commits where no one will read them,
        # and a kill then loses them; one more stat per transaction tells.
        identity = identity_now(self._journal)
        if identity != self._journal_identity:
            raise JournalLost(self._journal, "deleted" if identity is None else "replaced")

    def _reason(self, error: Exception) -> str:
        # SQLite's own words (database is locked, disk I/O error) name no file.
        return str(error) if isinstance(error, sqlite3.Error) else super()._reason(error)

    def _begin(self) -> None:
        self._connection.execute("BEGIN")

    def _write(self, readings: Sequence[Reading], received_at: float) -> int:
        before = self._connection.total_changes
        values = [
            value
            for r in readings
            for value in (r.capteur_id, r.temperature, r.timestamp, received_at, 1 if r.sensor_timestamp else None)
        ]
        start, count = 0, len(readings)
        while start < count:
            # Powers of two, so a handful of statements are ever prepared and stay in sqlite3's cache.
            rows = min(ROWS_PER_INSERT, 1 << ((count - start).bit_length() - 1))
            self._connection.execute(_insert(rows), values[5 * start : 5 * (start + rows)])
            start += rows
        return self._connection.total_changes - before

    def _commit(self) -> None:
        self._connection.execute("COMMIT")

    def _rollback(self) -> None:
        # A full disk may have rolled the transaction back already: a second ROLLBACK would fail.
        if self._connection.in_transaction:
            self._connection.execute("ROLLBACK")

    def _purge(self, cutoff: float, limit: int) -> tuple[int, bool]:
        # The walk moves on only once the step is committed: a step rolled back is walked again.
        through, deleted, finished = self._purged_through, 0, False
        self._begin()
        for _ in range(SENSORS_PER_STEP):
            (sensor,) = self._connection.execute(_NEXT_SENSOR, (through,)).fetchone()
            if sensor is None:
                through, finished = "", True
                break
            deleted += self._connection.execute(_PURGE, (sensor, cutoff, limit - deleted)).rowcount
            if deleted == limit:
                break
            through = sensor
        self._commit()
        self._purged_through = through
        return deleted, finished

    def _close(self) -> None:
        self._connection.close()


def check_writable(path: Path) -> None:
    """Say in one sentence why a database cannot live at `path`, before SQLite says it worse."""
    folder = path.parent
    if not folder.is_dir():
        raise StorageError(f"the folder {folder} does not exist: create it or choose another file")
    if path.exists() and path.is_dir():
        raise StorageError(f"{path} is a folder: choose a file name")
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise StorageError(f"cannot write to {path}: choose a file in a folder you can write to")


def connect_database(path: Path) -> sqlite3.Connection:
    """A connection for writing, to a database brought up to date (`prepare_database`)."""
    connection = sqlite3.connect(path, LOCK_WAIT, check_same_thread=False, isolation_level=None)
    try:
        prepare_database(connection, path)
    except (sqlite3.DatabaseError, StorageError) as error:
        connection.close()
        if isinstance(error, StorageError):
            raise
        raise StorageError(_explain(error, path)) from None
    return connection


def open_file_alarm_book(storage_path: Path, text_file: bool = False, create: bool = True) -> AlarmBook | None:
    """The alarms of a storage file, for a program beside the server (the window, `alarms`): in the database,
    or in the database beside a text file (None when there is none yet and `create` is False)."""
    path = alarm_book_path(storage_path, text_file)
    if not create and not path.is_file():
        if text_file:
            return None
        raise StorageError(f"{path} does not exist: check the path of the database")
    check_writable(path)
    if not text_file:
        return AlarmBook(connect_database(path))
    connection = sqlite3.connect(path, LOCK_WAIT, check_same_thread=False, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode = WAL")
        connection.executescript(ALARM_SCHEMA)
    except sqlite3.DatabaseError as error:
        connection.close()
        raise StorageError(_explain(error, path)) from None
    return AlarmBook(connection)


def prepare_database(connection: sqlite3.Connection, path: Path) -> None:
    """WAL journal, tables and indexes, schema version; an older `mesures` table gets the new columns, an
    older file the alarm tables."""
    connection.execute("PRAGMA journal_mode = WAL")
    # In WAL mode, NORMAL loses no committed transaction when the process is killed; only a power
    # cut can take back the last commits, and FULL would cost one fsync per group commit.
    connection.execute("PRAGMA synchronous = NORMAL")
    columns = {row[1] for row in connection.execute("PRAGMA table_info(mesures)")}
    if columns and not _REQUIRED_COLUMNS <= columns:
        missing = ", ".join(sorted(_REQUIRED_COLUMNS - columns))
        raise StorageError(f"{path} has a table mesures without the column(s) {missing}: choose another file")
    for name, kind in _ADDED_COLUMNS.items():
        if columns and name not in columns:
            connection.execute(f"ALTER TABLE mesures ADD COLUMN {name} {kind}")
    connection.executescript(_SCHEMA + ALARM_SCHEMA)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def open_for_reading(path: Path | str) -> sqlite3.Connection:
    """A read-only connection for the chart's history and for export, beside the writer."""
    path = Path(path)
    if not path.is_file():
        raise StorageError(f"{path} does not exist: check the path of the database")
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
        columns = {row[1] for row in connection.execute("PRAGMA table_info(mesures)")}
    except sqlite3.DatabaseError as error:
        raise StorageError(_explain(error, path)) from None
    if not _REQUIRED_COLUMNS <= columns:
        connection.close()
        raise StorageError(f"{path} holds no readings (no table mesures): choose a Thermolab database")
    return connection


def _explain(error: sqlite3.DatabaseError, path: Path) -> str:
    if "not a database" in str(error) or "malformed" in str(error):
        return f"{path} is not a SQLite database: choose another file"
    return f"cannot open {path} ({error}): choose another file"
