"""A CSV export in a worker thread, with a progress dialog and Cancel; the window stays usable."""

from __future__ import annotations

import itertools
import os
import threading
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from models.csv_format import STANDARD, CsvStyle
from models.export import ExportCancelled, ExportFilter, count_readings, export_csv, writes_over_database
from models.storage import StorageError


class _ExportWorker(QObject):
    progress = Signal(int)
    done = Signal(str)
    """One sentence: how it went."""

    def __init__(self, database: Path, destination: Path, selection: ExportFilter, style: CsvStyle):
        super().__init__()
        self.database, self.destination, self.selection, self.style = database, destination, selection, style
        self.cancelled = threading.Event()

    @Slot()
    def run(self) -> None:
        if writes_over_database(self.database, self.destination):
            self.done.emit(
                self.tr("{0} is the database being exported (or its journal): choose another file.").format(self.destination)
            )
            return
        try:
            handle, partial = _new_file_beside(self.destination)
        except OSError as error:
            self.done.emit(self.tr("Could not write {0} ({1}): choose another place.").format(self.destination, error.strerror))
            return
        try:
            with open(handle, "w", encoding="utf-8", newline="") as out:
                written = export_csv(self.database, out, self.selection, self.progress.emit, self.cancelled.is_set, self.style)
            partial.replace(self.destination)
        except ExportCancelled:
            partial.unlink(missing_ok=True)
            self.done.emit(self.tr("Export cancelled; nothing was written."))
        except StorageError as error:
            partial.unlink(missing_ok=True)
            self.done.emit(str(error))
        except OSError as error:
            partial.unlink(missing_ok=True)
            self.done.emit(self.tr("Could not write {0} ({1}): choose another place.").format(self.destination, error.strerror))
        else:
            self.done.emit(self.tr("%Ln reading(s) exported to {0}", "", written).format(self.destination))


def _new_file_beside(destination: Path) -> tuple[int, Path]:
    """A new file for the CSV until it is whole, then renamed to `destination`. Created, never opened:
    a file already there under that name (a database called `out.csv.part`, say) is never written over."""
    for attempt in itertools.count():
        path = destination.with_name(f"{destination.name}.{attempt}.part" if attempt else f"{destination.name}.part")
        try:
            return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), path
        except FileExistsError:
            continue


class ExportJob(QObject):
    finished = Signal(str)

    def __init__(self, database: Path, destination: Path, selection: ExportFilter, parent: QWidget, style: CsvStyle = STANDARD):
        super().__init__(parent)
        self._worker = _ExportWorker(database, destination, selection, style)
        self._thread = QThread(self)
        self._thread.setObjectName("csv export")
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.done.connect(self._done)
        try:
            total = count_readings(database, selection)
        except StorageError:
            total = 0
        self.dialog = QProgressDialog(
            self.tr("Exporting readings to {0}…").format(destination.name), self.tr("Cancel"), 0, max(total, 1), parent
        )
        self.dialog.setWindowTitle(self.tr("Export CSV"))
        self.dialog.setWindowModality(Qt.WindowModality.NonModal)
        self.dialog.setMinimumDuration(300)
        self.dialog.canceled.connect(self._worker.cancelled.set)
        self._worker.progress.connect(self.dialog.setValue)

    def start(self) -> None:
        self._thread.start()

    def cancel_and_wait(self) -> None:
        self._worker.cancelled.set()
        self._thread.quit()
        self._thread.wait()

    def _done(self, message: str) -> None:
        self._thread.quit()
        self._thread.wait()
        self.dialog.reset()
        self.dialog.deleteLater()
        self.finished.emit(message)
