"""What the chart and the sensors table show after a restart: each sensor's stored readings over a
time window, bucketed; how many readings a storage file holds; and, for a window that follows a
database other processes write, the readings stored since it last looked.

The database does the bucketing (`GROUP BY` slot), so a day of fast sensors comes back as a few thousand
rows: for the chart, the lowest and the highest reading of each slot, the same shape `SeriesBuffer`
keeps live; for the table, each slot's count, extremes and sum, the shape `SensorStats` keeps live.
"""

from __future__ import annotations

import contextlib
import math
import sqlite3
from pathlib import Path

import numpy as np

from models.reading import Reading
from models.sensor_stats import SensorStats, slot_width
from models.storage.base import StorageError
from models.storage.readers import PostgresReader, open_for_reading
from models.storage.sqlite import open_for_reading as open_sqlite
from models.storage.url import Location, is_database_url, masked

COUNT_CHUNK = 1 << 20
"""Bytes read at a time when counting the lines of a text file."""
RECEIVED = 'coalesce(received_at, "timestamp")'
"""A reading's reception time; rows written before the column was filled have only their timestamp.
No index serves it: reading history by reception time scans the table."""


def _clock(by_reception: bool) -> str:
    """The column that places readings in time: their timestamp, or their reception."""
    return RECEIVED if by_reception else '"timestamp"'


def load_history(
    db_path, since: float | None, resolution: float, by_reception: bool = False
) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """{capteur_id: (times, values)}: per slot of `resolution` seconds, its minimum then its maximum."""
    clock = _clock(by_reception)
    with contextlib.closing(open_for_reading(db_path)) as reader:
        where, parameters = (f"WHERE {clock} >= {reader.moment}", [since]) if since is not None else ("", [])
        rows = reader.execute(
            f"SELECT capteur_id, {reader.slot(clock)} AS slot, min(temperature), max(temperature)"
            f" FROM mesures {where} GROUP BY capteur_id, slot ORDER BY capteur_id, slot",
            [resolution, *parameters],
        ).fetchall()
    history: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    start = 0
    for end in range(1, len(rows) + 1):
        if end == len(rows) or rows[end][0] != rows[start][0]:
            slots = np.array([row[1:] for row in rows[start:end]], dtype=float)
            base = slots[:, 0] * resolution
            times = np.column_stack((base, base + resolution / 2)).ravel()
            history[rows[start][0]] = times, slots[:, 1:3].ravel()
            start = end
    return history


def time_span(db_path, by_reception: bool = False) -> tuple[float, float] | None:
    """The first and the last time stored, or None for an empty table."""
    clock = _clock(by_reception)
    with contextlib.closing(open_for_reading(db_path)) as reader:
        seconds = reader.seconds(clock)
        first, last = reader.execute(f"SELECT min({seconds}), max({seconds}) FROM mesures").fetchone()
    return None if first is None else (first, last)


def count_stored(path: Location, text_file: bool = False) -> int:
    """The readings a storage holds: its rows, or its lines for a text file (one reading each).

    Counted once when a server starts, which then adds what it commits: a figure that survives
    restarts for the cost of one pass over the smallest index (or over the file, in large chunks).
    """
    if text_file:
        lines = 0
        with open(path, "rb") as file:
            while chunk := file.read(COUNT_CHUNK):
                lines += chunk.count(b"\n")
        return lines
    with contextlib.closing(open_for_reading(path)) as reader:
        return reader.execute("SELECT count(*) FROM mesures").fetchone()[0]


def sensor_summaries(
    db_path, window: float | None, now: float, by_reception: bool = False, through: int | None = None
) -> list[SensorStats]:
    """Each sensor's figures over the `window` seconds up to `now` (None: everything), as the table shows
    them: its readings in the window's slots (models/sensor_stats.py), and its latest reading.
    `through`: only the rows up to this row id (SQLite's rowid, PostgreSQL's id), when a window that
    follows the database counts the later ones as `NewReadings` brings them."""
    clock = _clock(by_reception)
    up_to = [] if through is None else [through]
    with contextlib.closing(open_for_reading(db_path)) as reader:
        seconds = reader.seconds(clock)
        if window is None:
            rows = reader.execute(
                f"SELECT capteur_id, 0, count(*), min(temperature), max(temperature), sum(temperature), max({seconds})"
                f" FROM mesures{f' WHERE {reader.row_id} <= ?' if up_to else ''} GROUP BY capteur_id ORDER BY capteur_id",
                up_to,
            ).fetchall()
        else:
            width = slot_width(window)
            rows = reader.execute(
                f"SELECT capteur_id, {reader.slot(clock)} AS slot, count(*), min(temperature), max(temperature),"
                f" sum(temperature), max({seconds}) FROM mesures WHERE {clock} >= {reader.moment}"
                f"{f' AND {reader.row_id} <= ?' if up_to else ''} GROUP BY capteur_id, slot ORDER BY capteur_id, slot",
                [width, math.floor((now - window) / width) * width, *up_to],
            ).fetchall()
        latest = f"SELECT temperature FROM mesures WHERE capteur_id = ? AND {clock} = {reader.moment} LIMIT 1"
        summaries: dict[str, SensorStats] = {}
        for capteur_id, slot, count, low, high, total, last in rows:
            stats = summaries.setdefault(capteur_id, SensorStats(capteur_id, window))
            stats.add_slot(slot, count, low, high, total)
            stats.last_seen = last if stats.last_seen is None else max(stats.last_seen, last)
        for stats in summaries.values():
            stats.last_value = reader.execute(latest, (stats.capteur_id, stats.last_seen)).fetchone()[0]
            stats.stored_until = stats.last_seen
            stats.expire(now)
        return list(summaries.values())


FOLLOWED_VERSION = 2
"""The PostgreSQL schema version that numbers the rows in commit order (models/storage/postgres_schema.py)."""
FOLLOW_ROWS = 50_000
"""Readings one look takes at most: a collector that stored a million while nobody looked is caught
up with in a few looks, none of which holds the window for long."""


def follow(location: Location) -> NewReadings | PostgresNewReadings:
    """What brings the readings other processes commit to `location`, from the last one stored now."""
    return PostgresNewReadings(str(location)) if is_database_url(location) else NewReadings(location)


class NewReadings:
    """The readings other processes commit to a database, in the order they were stored, after those
    this reader has already seen: what a window that follows a database it does not write adds.
    `PostgresNewReadings` does the same for PostgreSQL.

    SQLite gives each new row a rowid above every rowid in the table, and its writers commit one at a
    time, so "rowid above the last one seen" neither misses nor repeats a reading, whichever collector
    stored it. `PRAGMA data_version` changes only when another connection commits: a look that finds
    it unchanged costs one query and reads no page of the table.
    """

    def __init__(self, db_path):
        """Starts after the last reading stored now; raises StorageError."""
        self.path = Path(db_path)
        self._connection = open_sqlite(db_path)
        self._version = self._data_version()
        self._behind = False
        """The last look took `FOLLOW_ROWS` and left more: the next one reads without asking."""
        self.cursor = self._last_rowid()
        """The rowid of the last reading seen."""

    def take(self, limit: int = FOLLOW_ROWS) -> list[Reading]:
        """Up to `limit` readings stored since the last look, oldest first. Raises StorageError."""
        try:
            version = self._data_version()
            if version == self._version and not self._behind:
                return []
            self._version = version
            if self._last_rowid() < self.cursor:
                # Every row was deleted (a retention, by hand) and SQLite numbers them from 1 again.
                self.cursor = 0
            rows = self._connection.execute(
                "SELECT rowid, capteur_id, temperature, timestamp FROM mesures WHERE rowid > ? ORDER BY rowid LIMIT ?",
                (self.cursor, limit),
            ).fetchall()
        except sqlite3.Error as error:
            raise StorageError(f"cannot read {self.path} any more ({error}): open it again") from None
        self._behind = len(rows) == limit
        if rows:
            self.cursor = rows[-1][0]
        return [Reading(capteur_id, temperature, timestamp) for _, capteur_id, temperature, timestamp in rows]

    def close(self) -> None:
        self._connection.close()

    def _last_rowid(self) -> int:
        return self._connection.execute("SELECT coalesce(max(rowid), 0) FROM mesures").fetchone()[0]

    def _data_version(self) -> int:
        return self._connection.execute("PRAGMA data_version").fetchone()[0]

    def wake_socket(self) -> int | None:
        """SQLite says nothing when others commit: the window asks four times a second."""
        return None


class PostgresNewReadings:
    """`NewReadings` for PostgreSQL: the rows whose id is above the last one seen.

    Each write transaction takes one advisory lock until it commits, so the ids of several collectors
    follow the order of their commits (models/storage/postgres.py) and this cursor neither misses nor
    repeats a reading. Each one also NOTIFYs NEW_READINGS at its commit: the socket this reader
    LISTENs on turns readable, and a window watching `wake_socket()` looks at once rather than at its
    next poll. A look always asks the table, by the id index, so that polling alone stays right.
    """

    def __init__(self, url: str):
        """Starts after the last reading stored now; raises StorageError."""
        from models.storage.postgres_schema import NEW_READINGS, schema_version

        reader = open_for_reading(url)
        assert isinstance(reader, PostgresReader)
        self._reader = reader
        try:
            with self._reader.said():
                if (version := schema_version(self._reader.connection)) < FOLLOWED_VERSION:
                    raise StorageError(
                        f"{masked(url)} was made by an older Thermolab (schema version {version}): start a collector"
                        " of this version on it once, then open it again"
                    )
                self._reader.connection.execute(f"LISTEN {NEW_READINGS}")
            self.cursor = self._reader.execute("SELECT coalesce(max(id), 0) FROM mesures").fetchone()[0]
            """The id of the last reading seen."""
        except BaseException:
            self._reader.close()
            raise

    def take(self, limit: int = FOLLOW_ROWS) -> list[Reading]:
        """Up to `limit` readings committed since the last look, oldest first. Raises StorageError."""
        with self._reader.said():
            # Read the notifications that woke the window, so that its socket is quiet until the next.
            for _ in self._reader.connection.notifies(timeout=0):
                pass
        rows = self._reader.execute(
            'SELECT id, capteur_id, temperature, extract(epoch FROM "timestamp")::float8 FROM mesures'
            " WHERE id > ? ORDER BY id LIMIT ?",
            (self.cursor, limit),
        ).fetchall()
        if rows:
            self.cursor = rows[-1][0]
        return [Reading(capteur_id, temperature, timestamp) for _, capteur_id, temperature, timestamp in rows]

    def wake_socket(self) -> int:
        """The connection's socket, readable when a collector commits."""
        return self._reader.connection.fileno()

    def close(self) -> None:
        self._reader.close()
