"""File > Export CSV…: which sensors, which time range, which layout, where; the same again next time."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QDateTime, QSettings, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
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
        store: QSettings | None = None,
    ):
        """`destination`: the file offered when nothing was exported before; `store`: where the choices of
        an export are kept (folder, sensors, time range, layout), to be offered again the next time."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export readings as CSV"))
        self._visible_range = visible_range
        self._database = database
        self._store = store

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
        self.format.setToolTip(
            self.tr(
                "Standard: commas and decimal points, for scripts and most programs. Excel (French): what a spreadsheet "
                "set to French opens as numbers and dates, with the local time beside the UTC one."
            )
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
        if store is not None:
            self._restore(store, destination.name)

    def selection(self) -> ExportFilter:
        checked = self._checked()
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
        path = self.path()
        if self.sensors.count() and not self._checked():
            self._refuse(self.tr("Tick at least one sensor to export."))
            return
        if self._database is not None and writes_over_database(self._database, path):
            self._refuse(self.tr("{0} is the database being exported (or its journal): choose another file.").format(path))
            return
        if path.is_dir():
            self._refuse(self.tr("{0} is a folder: add the name of the file to write.").format(path))
            return
        if path.exists() and not self._replace_allowed(path):
            return
        if self._store is not None:
            self._remember(self._store)
        super().accept()

    def path(self) -> Path:
        return Path(self.destination.text().strip()).expanduser()

    def _checked(self) -> list[str]:
        items = (self.sensors.item(i) for i in range(self.sensors.count()))
        return [item.text() for item in items if item.checkState() == Qt.CheckState.Checked]

    def _refuse(self, sentence: str) -> None:
        self.problem.setText(sentence)
        self.problem.show()

    def _replace_allowed(self, path: Path) -> bool:
        question = self.tr("{0} already exists in {1}. Replace it?").format(path.name, path.parent)
        box = QMessageBox(QMessageBox.Icon.Question, self.windowTitle(), question, parent=self)
        replace = box.addButton(self.tr("Replace"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Cancel))
        box.exec()
        return box.clickedButton() is replace

    def _remember(self, store: QSettings) -> None:
        store.setValue("export/folder", str(self.path().absolute().parent))
        chosen = self.selection().sensors
        store.setValue("export/sensors", json.dumps(list(chosen)) if chosen else "")
        store.setValue("export/range", self.range_group.checkedId())
        if self.range_group.checkedId() == self.BETWEEN:
            store.setValue("export/since", self.since.dateTime().toSecsSinceEpoch())
            store.setValue("export/until", self.until.dateTime().toSecsSinceEpoch())
        store.setValue("export/format", self.format.currentData())

    def _restore(self, store: QSettings, name: str) -> None:
        """The last export's choices; a folder since gone, or sensors of which none is left, are not offered."""
        folder = Path(store.value("export/folder", "", type=str))
        if str(folder) != "." and folder.is_dir():
            self.destination.setText(str(folder / name))
        try:
            chosen = set(json.loads(store.value("export/sensors", "", type=str) or "[]"))
        except ValueError:
            chosen = set()
        items = [self.sensors.item(i) for i in range(self.sensors.count())]
        if chosen & {item.text() for item in items}:
            for item in items:
                item.setCheckState(Qt.CheckState.Checked if item.text() in chosen else Qt.CheckState.Unchecked)
        choice = store.value("export/range", self.ALL, type=int)
        if choice in (self.ALL, self.VISIBLE, self.BETWEEN):
            self.range_group.button(choice).setChecked(True)
        # The dates of a range chosen last time; otherwise those of the chart now.
        if choice == self.BETWEEN and store.contains("export/since") and store.contains("export/until"):
            self.since.setDateTime(QDateTime.fromSecsSinceEpoch(store.value("export/since", type=int)))
            self.until.setDateTime(QDateTime.fromSecsSinceEpoch(store.value("export/until", type=int)))
        index = self.format.findData(store.value("export/format", STANDARD.name, type=str))
        self.format.setCurrentIndex(max(index, 0))

    def _check_all(self, state) -> None:
        for i in range(self.sensors.count()):
            self.sensors.item(i).setCheckState(state)

    def _browse(self) -> None:
        # Export asks before replacing a file, typed or chosen here: once is enough.
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export to"),
            self.destination.text(),
            self.tr("CSV files (*.csv)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            self.destination.setText(path if path.endswith(".csv") else path + ".csv")
