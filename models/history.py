"""What the chart shows after a restart: each sensor's stored points over a time window, bucketed.

SQLite does the bucketing (`GROUP BY` slot), so a day of fast sensors comes back as a few thousand
rows: the lowest and the highest reading of each slot, the same shape `SeriesBuffer` keeps live.
"""

from __future__ import annotations

import contextlib

import numpy as np

from models.sensor_stats import SensorStats
from models.storage.sqlite import open_for_reading


def load_history(db_path, since: float | None, resolution: float) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """{capteur_id: (times, values)}: per slot of `resolution` seconds, its minimum then its maximum."""
    with contextlib.closing(open_for_reading(db_path)) as connection:
        where, parameters = ("WHERE timestamp >= ?", [since]) if since is not None else ("", [])
        rows = connection.execute(
            f"SELECT capteur_id, CAST(timestamp / ? AS INTEGER) AS slot, min(temperature), max(temperature)"
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


def time_span(db_path) -> tuple[float, float] | None:
    """The first and the last timestamp stored, or None for an empty table."""
    with contextlib.closing(open_for_reading(db_path)) as connection:
        first, last = connection.execute("SELECT min(timestamp), max(timestamp) FROM mesures").fetchone()
    return None if first is None else (first, last)


def sensor_summaries(db_path, since: float | None) -> list[SensorStats]:
    """Each sensor's count, extremes, mean and latest reading over the window, as the table shows them."""
    where, parameters = ("WHERE timestamp >= ?", [since]) if since is not None else ("", [])
    with contextlib.closing(open_for_reading(db_path)) as connection:
        rows = connection.execute(
            f"SELECT capteur_id, count(*), min(temperature), max(temperature), sum(temperature), max(timestamp)"
            f" FROM mesures {where} GROUP BY capteur_id ORDER BY capteur_id",
            parameters,
        ).fetchall()
        latest = "SELECT temperature FROM mesures WHERE capteur_id = ? AND timestamp = ? LIMIT 1"
        return [
            SensorStats(capteur_id, count, low, high, total, connection.execute(latest, (capteur_id, last)).fetchone()[0], last)
            for capteur_id, count, low, high, total, last in rows
        ]
