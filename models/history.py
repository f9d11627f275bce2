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
from models.storage.readers import open_for_reading
from models.storage.sqlite import open_for_reading as open_sqlite
from models.storage.url import Location

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
    `through`: only the rows up to this rowid, when a window that follows the database counts the later
    ones as `NewReadings` brings them (SQLite only, as `NewReadings` is)."""
    clock = _clock(by_reception)
    up_to = [] if through is None else [through]
    with contextlib.closing(open_for_reading(db_path)) as reader:
        seconds = reader.seconds(clock)
        if window is None:
            rows = reader.execute(
                f"SELECT capteur_id, 0, count(*), min(temperature), max(temperature), sum(temperature), max({seconds})"
                f" FROM mesures{' WHERE rowid <= ?' if up_to else ''} GROUP BY capteur_id ORDER BY capteur_id",
                up_to,
            ).fetchall()
        else:
            width = slot_width(window)
            rows = reader.execute(
                f"SELECT capteur_id, {reader.slot(clock)} AS slot, count(*), min(temperature), max(temperature),"
                f" sum(temperature), max({seconds}) FROM mesures WHERE {clock} >= {reader.moment}"
                f"{' AND rowid <= ?' if up_to else ''} GROUP BY capteur_id, slot ORDER BY capteur_id, slot",
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


FOLLOW_ROWS = 50_000
"""Readings one look takes at most: a collector that stored a million while nobody looked is caught
up with in a few looks, none of which holds the window for long."""


class NewReadings:
    """The readings other processes commit to a database, in the order they were stored, after those
    this reader has already seen: what a window that follows a database it does not write adds.

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
