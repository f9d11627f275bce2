"""A database opened to be looked at: its history on a chart and in a sensors table, read-only, and
what other programs store into it as they commit.

This window's server never stores here; the window's title and the line above the chart say so, so
that a user who opened an older file cannot take it for the server's live storage.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QSplitter, QVBoxLayout, QWidget

from models.storage import Location, masked
from widgets.actions import make_action
from widgets.chart.chart import LiveChart
from widgets.core_text import translated
from widgets.server.sensor_table import SensorTable, SensorTableModel


class DatabaseViewer(QMainWindow):
    export_requested = Signal()
    closing = Signal()

    def __init__(self, path: Location, live_storage: Location | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("{0} (read-only) — Thermolab").format(path.name if isinstance(path, Path) else masked(path)))
        self.setObjectName("databaseViewer")
        self.resize(1000, 700)
        self.chart = LiveChart()
        self.sensor_model = SensorTableModel(self)
        self.sensor_table = SensorTable(self.sensor_model)
        self.sensor_table.selection_changed.connect(self.chart.highlight)
        self.sensor_model.visibility_changed.connect(self.chart.set_sensor_visible)
        self.chart.sensor_visibility_changed.connect(self.sensor_model.set_visible)
        notice = self.tr("Read-only view of {0}: what collectors store into it appears as they commit.").format(masked(path))
        if live_storage is not None:
            notice += " " + self.tr("This server's readings still go to {0} (change it in the server's Settings).").format(
                masked(live_storage)
            )
        self.notice = QLabel(notice)
        self.notice.setWordWrap(True)
        self.notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.chart)
        splitter.addWidget(self.sensor_table)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.notice)
        layout.addWidget(splitter)
        self.setCentralWidget(central)

        self.export_action = make_action(
            self,
            self.tr("&Export CSV…"),
            "export_csv",
            self.tr("Write this file's readings to a CSV file"),
            self.export_requested.emit,
        )
        close = make_action(self, self.tr("&Close"), tip=self.tr("Close this view; the file is left as it is"), slot=self.close)
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addActions([self.export_action, close])

    def add_readings(self, points: dict) -> None:
        """{capteur_id: SensorBatch} stored since the last look, on the chart and in the table."""
        self.chart.add_points(points)
        self.sensor_model.add_points(points, {c: self.chart.colour(c) for c in points})

    def replace_history(self, history: dict, resolution: float, summaries: list) -> None:
        self.chart.replace_history(history, resolution)
        self.sensor_model.replace(summaries, {c: self.chart.colour(c) for c in history})

    def show_problem(self, message: str) -> None:
        QMessageBox.warning(self, self.windowTitle(), translated(message))

    def closeEvent(self, event) -> None:
        self.closing.emit()
        super().closeEvent(event)
