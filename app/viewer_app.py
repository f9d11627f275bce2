"""File > Open database: another database's history in a read-only window, beside the live server.

Opening a file never moves where live readings go: only the server's Settings do that.
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QObject, QSettings, Signal

from app.history_view import ask_csv_export, read_history
from app.server.export_job import ExportJob
from models.storage import Location, StorageError, open_for_reading
from widgets.core_text import translated
from widgets.database_viewer import DatabaseViewer

EXPORT_NOTE_MS = 10_000


class ViewerApp(QObject):
    closed = Signal()

    def __init__(self, path: Location, live_storage: Location, store: QSettings):
        """`store`: where the export dialog keeps its choices. Raises StorageError, with a sentence for
        the user, when `path` holds no Thermolab readings."""
        super().__init__()
        with contextlib.closing(open_for_reading(path)):
            pass  # opened only to refuse a file that is no Thermolab database before any window shows
        self.path = path
        self.store = store
        self.window = DatabaseViewer(path, live_storage)
        self._export: ExportJob | None = None
        self.window.chart.window_changed.connect(lambda _: self._load_history())
        self.window.export_requested.connect(self._export_csv)
        self.window.closing.connect(self._closing)

    def start(self) -> None:
        """Shown with all of the file's history: an older file has nothing in the last minute."""
        self.window.show()
        self.window.chart.set_time_window(None)

    def _load_history(self) -> None:
        try:
            self.window.replace_history(*read_history(self.path, self.window.chart))
        except StorageError as error:
            self.window.show_problem(str(error))

    def _export_csv(self) -> None:
        self._export = ask_csv_export(self.path, self.window.chart, self.window, self.store)
        if self._export is not None:
            self._export.finished.connect(self._export_done)

    def _export_done(self, message: str) -> None:
        self._export = None
        self.window.statusBar().showMessage(translated(message), EXPORT_NOTE_MS)

    def _closing(self) -> None:
        if self._export is not None:
            self._export.cancel_and_wait()
        self.closed.emit()
