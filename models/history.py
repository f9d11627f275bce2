"""What the chart shows after a restart: each sensor's stored points over a time window."""

from __future__ import annotations

import contextlib

import numpy as np

from models.storage.sqlite import open_for_reading

MAX_POINTS = 100_000


def load_history(db_path, since: float | None, max_points: int = MAX_POINTS) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """{capteur_id: (times, values)} in time order; a sensor with more points keeps min and max per bucket."""
    with contextlib.closing(open_for_reading(db_path)) as connection:
        where, parameters = ("WHERE timestamp >= ?", [since]) if since is not None else ("", [])
        rows = connection.execute(
            f"SELECT capteur_id, timestamp, temperature FROM mesures {where} ORDER BY capteur_id, timestamp", parameters
        ).fetchall()
    history: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    start = 0
    for end in range(1, len(rows) + 1):
        if end == len(rows) or rows[end][0] != rows[start][0]:
            points = np.array([row[1:] for row in rows[start:end]], dtype=float)
            history[rows[start][0]] = peak_decimate(points[:, 0], points[:, 1], max_points)
            start = end
    return history


def peak_decimate(times: np.ndarray, values: np.ndarray, max_points: int) -> tuple[np.ndarray, np.ndarray]:
    """At most `max_points`: the lowest and highest point of each bucket, so no spike disappears."""
    if len(times) <= max_points:
        return times, values
    buckets = max_points // 2
    edges = np.linspace(0, len(times), buckets + 1, dtype=int)
    keep = []
    for first, last in zip(edges[:-1], edges[1:]):
        if last > first:
            chunk = values[first:last]
            keep.extend(sorted({first + int(np.argmin(chunk)), first + int(np.argmax(chunk))}))
    keep = np.array(keep)
    return times[keep], values[keep]
