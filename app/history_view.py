"""What a window shows of a database it did not write itself: the server window after a restart, the
read-only viewer of another file. Both read history the same way and export it the same way."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMainWindow

from app.server.export_job import ExportJob
from models.history import load_history, sensor_summaries, time_span
from widgets.chart.chart import TIME_WINDOWS, LiveChart
from widgets.server.export_dialog import ExportDialog


def read_history(
    path: Path, chart: LiveChart, by_reception: bool = False, through: int | None = None
) -> tuple[dict, float, list]:
    """The chart's curves, their resolution and the table's statistics for the chart's time window
    ("All": from the first reading stored to the last), each reading placed at its timestamp or, `by_reception`,
    at its reception; `through`: the statistics count the rows up to this rowid only (models/history.py,
    `sensor_summaries`). Raises StorageError."""
    span = chart.time_window
    if span is None:
        first_last = time_span(path, by_reception)
        span = max(first_last[1] - first_last[0], TIME_WINDOWS[0]) if first_last else TIME_WINDOWS[0]
    now = time.time()
    since = None if chart.time_window is None else now - span
    resolution = chart.resolution_for(span)
    history = load_history(path, since, resolution, by_reception)
    return history, resolution, sensor_summaries(path, chart.time_window, now, by_reception, through)


def ask_csv_export(database: Path, chart: LiveChart, window: QMainWindow, store: QSettings) -> ExportJob | None:
    """The export dialog for `database`, offering the choices kept in `store`; the export started (not
    yet finished), or None if cancelled."""
    dialog = ExportDialog(chart.sensors(), chart.visible_range(), Path.home() / "thermolab.csv", window, database, store)
    if not dialog.exec():
        return None
    job = ExportJob(database, dialog.path(), dialog.selection(), window, dialog.style())
    job.start()
    return job
