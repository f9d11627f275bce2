"""File > Export CSV…: which sensors, which time range, which layout, where."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (
    QButtonGroup, QComboBox, QDateTimeEdit, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QGridLayout,
    QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QPushButton, QRadioButton, QVBoxLayout, QWidget,
)

from models.csv_format import EXCEL_FR, STANDARD, STYLES, CsvStyle
from models.export import ExportFilter, writes_over_database
from widgets.locale_format import date_time_format


class ExportDialog(QDialog):
    ALL, VISIBLE, BETWEEN = range(3)

    def __init__(
        self,
        sensors: list[str],
        visible_range: tuple[float, float],
        destination: Path,
        parent: QWidget | None = None,
        database: Path | None = None,
        style: CsvStyle = STANDARD,
    ):
        """`style`: the layout chosen last time, chosen again."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export readings as CSV"))
        self._visible_range = visible_range
        self._database = database

        self.sensors = QListWidget()
        for capteur_id in sensors:
            item = QListWidgetItem(capteur_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.sensors.addItem(item)
        every = QPushButton(self.tr("All"))
        every.clicked.connect(lambda: self._check_all(Qt.CheckState.Checked))
        none = QPushButton(self.tr("None"))
        none.clicked.connect(lambda: self._check_all(Qt.CheckState.Unchecked))
        sensor_buttons = QHBoxLayout()
        sensor_buttons.addWidget(every)
        sensor_buttons.addWidget(none)
        sensor_buttons.addStretch()
        sensor_box = QVBoxLayout()
        sensor_box.addWidget(self.sensors)
        sensor_box.addLayout(sensor_buttons)

        self.range_group = QButtonGroup(self)
        ranges = QGridLayout()
        for row, label in enumerate([self.tr("Everything stored"), self.tr("What the chart shows now"), self.tr("From")]):
            button = QRadioButton(label)
            self.range_group.addButton(button, row)
            ranges.addWidget(button, row, 0)
        self.range_group.button(self.ALL).setChecked(True)
        start, end = visible_range
        self.since = QDateTimeEdit(QDateTime.fromSecsSinceEpoch(int(start)), calendarPopup=True)
        self.until = QDateTimeEdit(QDateTime.fromSecsSinceEpoch(int(end) + 1), calendarPopup=True)
        for edit in (self.since, self.until):
            edit.setDisplayFormat(date_time_format())
        between = QHBoxLayout()
        between.addWidget(self.since)
        between.addWidget(QLabel(self.tr("to")))
        between.addWidget(self.until)
        ranges.addLayout(between, self.BETWEEN, 1)

        self.format = QComboBox()
        self.format.addItem(self.tr("Standard CSV (RFC 4180)"), STANDARD.name)
        self.format.addItem(self.tr("Excel (French): semicolons, decimal comma"), EXCEL_FR.name)
        self.format.setCurrentIndex(self.format.findData(style.name))
        self.format.setToolTip(
            self.tr("Standard: commas and decimal points, for scripts and most programs. Excel (French): what a spreadsheet "
                    "set to French opens as numbers and dates, with the local time beside the UTC one.")
        )

        self.destination = QLineEdit(str(destination))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        destination_row = QHBoxLayout()
        destination_row.addWidget(self.destination)
        destination_row.addWidget(browse)

        form = QFormLayout(self)
        form.addRow(self.tr("Sensors:"), sensor_box)
        form.addRow(self.tr("Time range:"), ranges)
        form.addRow(self.tr("Format:"), self.format)
        form.addRow(self.tr("Save to:"), destination_row)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.hide()
        form.addRow(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def selection(self) -> ExportFilter:
        checked = [self.sensors.item(i).text() for i in range(self.sensors.count()) if self.sensors.item(i).checkState() == Qt.CheckState.Checked]
        every_sensor = len(checked) == self.sensors.count()
        sensors = () if every_sensor else tuple(checked)
        choice = self.range_group.checkedId()
        if choice == self.VISIBLE:
            return ExportFilter(sensors, *self._visible_range)
        if choice == self.BETWEEN:
            return ExportFilter(sensors, self.since.dateTime().toSecsSinceEpoch(), self.until.dateTime().toSecsSinceEpoch())
        return ExportFilter(sensors)

    def style(self) -> CsvStyle:
        return STYLES[self.format.currentData()]

    def accept(self) -> None:
        if self._database is not None and writes_over_database(self._database, self.path()):
            self.problem.setText(self.tr("{0} is the database being exported (or its journal): choose another file.").format(self.path()))
            self.problem.show()
            return
        super().accept()

    def path(self) -> Path:
        return Path(self.destination.text().strip())

    def _check_all(self, state) -> None:
        for i in range(self.sensors.count()):
            self.sensors.item(i).setCheckState(state)

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export to"), self.destination.text(), self.tr("CSV files (*.csv)"))
        if path:
            self.destination.setText(path if path.endswith(".csv") else path + ".csv")
