"""What the chart and the sensors table show after a restart: each sensor's stored readings over a
time window, bucketed; and how many readings a storage file holds.

SQLite does the bucketing (`GROUP BY` slot), so a day of fast sensors comes back as a few thousand
rows: for the chart, the lowest and the highest reading of each slot, the same shape `SeriesBuffer`
keeps live; for the table, each slot's count, extremes and sum, the shape `SensorStats` keeps live.
"""

from __future__ import annotations

import contextlib
import math
from pathlib import Path

import numpy as np

from models.sensor_stats import SensorStats, slot_width
from models.storage.sqlite import open_for_reading

COUNT_CHUNK = 1 << 20
"""Bytes read at a time when counting the lines of a text file."""
RECEIVED = "coalesce(received_at, timestamp)"
"""A reading's reception time; rows written before the column was filled have only their timestamp.
No index serves it: reading history by reception time scans the table."""


def _clock(by_reception: bool) -> str:
    """The column that places readings in time: their timestamp, or their reception."""
    return RECEIVED if by_reception else "timestamp"


def load_history(
    db_path, since: float | None, resolution: float, by_reception: bool = False
) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """{capteur_id: (times, values)}: per slot of `resolution` seconds, its minimum then its maximum."""
    clock = _clock(by_reception)
    with contextlib.closing(open_for_reading(db_path)) as connection:
        where, parameters = (f"WHERE {clock} >= ?", [since]) if since is not None else ("", [])
        rows = connection.execute(
            f"SELECT capteur_id, CAST({clock} / ? AS INTEGER) AS slot, min(temperature), max(temperature)"
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
    with contextlib.closing(open_for_reading(db_path)) as connection:
        first, last = connection.execute(f"SELECT min({clock}), max({clock}) FROM mesures").fetchone()
    return None if first is None else (first, last)


def count_stored(path: Path | str, text_file: bool = False) -> int:
    """The readings a storage file holds: its rows, or its lines for a text file (one reading each).

    Counted once when a server starts, which then adds what it commits: a figure that survives
    restarts for the cost of one pass over the smallest index (or over the file, in large chunks).
    """
    if text_file:
        lines = 0
        with open(path, "rb") as file:
            while chunk := file.read(COUNT_CHUNK):
                lines += chunk.count(b"\n")
        return lines
    with contextlib.closing(open_for_reading(path)) as connection:
        return connection.execute("SELECT count(*) FROM mesures").fetchone()[0]


def sensor_summaries(db_path, window: float | None, now: float, by_reception: bool = False) -> list[SensorStats]:
    """Each sensor's figures over the `window` seconds up to `now` (None: everything), as the table shows
    them: its readings in the window's slots (models/sensor_stats.py), and its latest reading."""
    clock = _clock(by_reception)
    with contextlib.closing(open_for_reading(db_path)) as connection:
        if window is None:
            rows = connection.execute(
                f"SELECT capteur_id, 0, count(*), min(temperature), max(temperature), sum(temperature), max({clock})"
                " FROM mesures GROUP BY capteur_id ORDER BY capteur_id"
            ).fetchall()
        else:
            width = slot_width(window)
            rows = connection.execute(
                f"SELECT capteur_id, CAST({clock} / ? AS INTEGER) AS slot, count(*), min(temperature), max(temperature),"
                f" sum(temperature), max({clock}) FROM mesures WHERE {clock} >= ?"
                " GROUP BY capteur_id, slot ORDER BY capteur_id, slot",
                (width, math.floor((now - window) / width) * width),
            ).fetchall()
        latest = f"SELECT temperature FROM mesures WHERE capteur_id = ? AND {clock} = ? LIMIT 1"
        summaries: dict[str, SensorStats] = {}
        for capteur_id, slot, count, low, high, total, last in rows:
            stats = summaries.setdefault(capteur_id, SensorStats(capteur_id, window))
            stats.add_slot(slot, count, low, high, total)
            stats.last_seen = last if stats.last_seen is None else max(stats.last_seen, last)
        for stats in summaries.values():
            stats.last_value = connection.execute(latest, (stats.capteur_id, stats.last_seen)).fetchone()[0]
            stats.stored_until = stats.last_seen
            stats.expire(now)
        return list(summaries.values())
