"""A database in a read-only window that follows it: its history, then what other processes store.

File > Open database opens one beside the live server (opening a file never moves where live readings
go: only the server's Settings do that); `python main.py view` opens one in a process that collects
nothing, on any machine that reaches the database. Four times a second the window asks whether anyone
committed (models/history.py, `follow`), and adds what was stored since it last looked to the chart
and the sensors table, as the server window adds what it receives. PostgreSQL also tells it: a
collector's commit makes the follower's socket readable, and the window looks at once.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, QSettings, QSocketNotifier, QTimer, Signal

from app.commands.common import fail
from app.history_view import ask_csv_export, read_history
from app.paths import default_database
from app.qt_app import closing_on_signals, make_application, run_event_loop
from app.server.export_job import ExportJob
from app.settings import settings
from models.history import NewReadings, PostgresNewReadings, follow
from models.series import group_by_sensor
from models.storage import Location, StorageError
from widgets.core_text import translated
from widgets.database_viewer import DatabaseViewer

EXPORT_NOTE_MS = 10_000
FOLLOW_MS = 250
"""How often the window looks for new readings: a commit shows within a quarter of a second, for one
query four times a second while nothing changes (docs/performance.md)."""


class ViewerApp(QObject):
    closed = Signal()

    def __init__(self, path: Location, live_storage: Location | None, store: QSettings):
        """`live_storage`: where the server of this process stores, None when it has none. `store`: where
        the export dialog keeps its choices. Raises StorageError, with a sentence for the user, when
        `path` holds no Thermolab readings."""
        super().__init__()
        self.path = path
        self.store = store
        # Opened before any window shows, to refuse a file that is no Thermolab database.
        self.new_readings: NewReadings | PostgresNewReadings | None = follow(path)
        self._woken: QSocketNotifier | None = None
        self.window = DatabaseViewer(path, live_storage)
        self._export: ExportJob | None = None
        self._follow = QTimer(self, interval=FOLLOW_MS, timeout=self._add_new_readings)
        self.window.chart.window_changed.connect(lambda _: self._load_history())
        self.window.export_requested.connect(self._export_csv)
        self.window.closing.connect(self._closing)

    def start(self) -> None:
        """Shown with all of the file's history: an older file has nothing in the last minute."""
        self.window.show()
        self.window.chart.set_time_window(None)
        self._follow.start()

    def _load_history(self) -> None:
        """The history up to the last reading stored now, then following from there: a reading
        committed while the history is read is counted once, when the next look brings it. (The chart
        may draw it twice, at the same place.)"""
        self.window.sensor_model.set_window(self.window.chart.time_window)
        try:
            new_readings = follow(self.path)
        except StorageError as error:
            self.window.show_problem(str(error))
            return
        try:
            history, resolution, summaries = read_history(self.path, self.window.chart, through=new_readings.cursor)
        except StorageError as error:
            new_readings.close()
            self.window.show_problem(str(error))
            return
        for stats in summaries:
            # The cursor bounds the history exactly: no reading a look brings is in it, however old.
            stats.stored_until = None
        self.window.replace_history(history, resolution, summaries)
        self._stop_following()
        self.new_readings = new_readings
        if (socket := new_readings.wake_socket()) is not None:
            self._woken = QSocketNotifier(socket, QSocketNotifier.Type.Read, self)
            self._woken.activated.connect(lambda *_: self._add_new_readings())

    def _add_new_readings(self) -> None:
        if self.new_readings is None:
            return
        try:
            readings = self.new_readings.take()
        except StorageError as error:
            self._stop_following()
            self.window.show_problem(str(error))
            return
        if readings:
            self.window.add_readings(group_by_sensor(readings))
        # "Received" and the rates move with the clock, new readings or not.
        self.window.sensor_model.refresh()

    def _stop_following(self) -> None:
        if self._woken is not None:
            self._woken.setEnabled(False)
            self._woken.deleteLater()
            self._woken = None
        if self.new_readings is not None:
            self.new_readings.close()
            self.new_readings = None

    def _export_csv(self) -> None:
        self._export = ask_csv_export(self.path, self.window.chart, self.window, self.store)
        if self._export is not None:
            self._export.finished.connect(self._export_done)

    def _export_done(self, message: str) -> None:
        self._export = None
        self.window.statusBar().showMessage(translated(message), EXPORT_NOTE_MS)

    def _closing(self) -> None:
        self._follow.stop()
        self._stop_following()
        if self._export is not None:
            self._export.cancel_and_wait()
        self.closed.emit()


def run_viewer(path: Location | None) -> int:
    """`python main.py view`: the viewer alone, in a process that stores nothing."""
    app = make_application(sys.argv[:1])
    try:
        viewer = ViewerApp(path or default_database(), None, settings())
    except StorageError as error:
        return fail(str(error), 2)
    with closing_on_signals(viewer.window.close):
        viewer.start()
        return run_event_loop(app)
