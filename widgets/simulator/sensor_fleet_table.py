"""The simulator's sensors table: one row per sensor thread, refreshed from snapshots a timer takes.

The model never reads a sensor itself: the application hands it `SensorRow`s a few times a second
and it repaints what changed. Editing a rate cell emits `rate_edited`; the application applies it.
The Faults column counts what a sensor did wrong on purpose (models/faults.py), its tooltip says which.
"""

from __future__ import annotations

from dataclasses import fields

from PySide6.QtCore import QCoreApplication, QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from models.faults import NO_FAULTS, FaultCounts, Faults
from models.sensor_row import SensorRow
from models.value_models import ValueModel, parameter_names
from widgets.core_text import translated
from widgets.locale_format import DecimalSpinBox, Numbers
from widgets.model_labels import parameter_labels
from widgets.sorted_table_model import SortedTableModel, natural_key

# The rates CapteurTCP accepts (network.sensors.capteur_tcp.check_rate), so a spin box never offers one it refuses.
MIN_RATE, MAX_RATE = 0.01, 10_000.0
STATE_COLOURS = {
    "connecting": QColor("#3b7dd8"),
    "sending": QColor("#2e9d4f"),
    "backing off": QColor("#d9822b"),
    "paused": QColor("#8a8f98"),
    "stopped": QColor("#b8bcc4"),
}
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


def describe_model(model: ValueModel, numbers: Numbers) -> str:
    """`walk · Start (°C) 20 · Step (°C) 0.1 · …`: its own parameters, and noise or spikes when set,
    labelled as the add-sensors dialog labels them. The dot parts them in every language: neither
    the decimal comma nor French spacing rules clash with it."""
    own = [n for n in parameter_names(type(model)) if n not in {f.name for f in fields(ValueModel)}]
    shared = [n for n in ("noise", "spike_rate") if getattr(model, n)]
    labels = parameter_labels()
    return " · ".join([model.name, *(f"{labels.get(n, n)} {numbers.significant(getattr(model, n))}" for n in own + shared)])


def describe_rate(rate: float, numbers: Numbers) -> str:
    """`10 /s` from one a second up; `every 2 s`, `every 10 min` below."""
    if rate >= 1:
        return QCoreApplication.translate("describe_rate", "{0} /s").format(numbers.significant(rate, 4))
    period = 1 / rate
    if period >= 120:
        return QCoreApplication.translate("describe_rate", "every {0} min").format(numbers.significant(period / 60, 3))
    return QCoreApplication.translate("describe_rate", "every {0} s").format(numbers.significant(period, 3))


class SensorFleetModel(SortedTableModel):
    """Rows come from snapshots (`set_rows`); what each sensor measures from the application (`describe`),
    which decided it: the text is made once, not on every repaint of 500 rows. Unsorted, the rows
    keep the snapshots' order, the order sensors were added."""

    COLUMNS = ("capteur_id", "model", "rate", "state", "sent", "acked", "waiting", "dropped", "last", "faults")
    CITY_ROLE = Qt.ItemDataRole.UserRole + 1
    _RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    _NUMBERS = frozenset(("rate", "sent", "acked", "waiting", "dropped", "last"))
    rate_edited = Signal(str, float)

    def __init__(self, parent=None):
        super().__init__(
            [
                self.tr("Sensor"),
                self.tr("Measures"),
                self.tr("Rate"),
                self.tr("State"),
                self.tr("Sent"),
                self.tr("Acked"),
                self.tr("Waiting"),
                self.tr("Dropped"),
                self.tr("Last °C"),
                self.tr("Faults"),
            ],
            [
                self.tr("capteur_id, as the server stores it"),
                self.tr("The value model and its parameters"),
                self.tr("Readings per second; double-click to change it, even while it runs"),
                self.tr("connecting, sending, backing off (waiting to retry), paused or stopped"),
                self.tr("Readings written to the connection, resends included"),
                self.tr("Readings the server confirmed it stored"),
                self.tr("Readings measured and not acknowledged yet"),
                self.tr("Readings pushed out of a full buffer before the server acknowledged them"),
                self.tr("The last value measured"),
                self.tr("Faults made on purpose (double-click a sensor to choose them); hover a cell for each kind"),
            ],
            parent,
        )
        self._specs: dict[str, tuple[ValueModel, str | None, str]] = {}
        """capteur_id: the value model, the city of a weather sensor, the text of the Measures column."""
        self._snapshot_order: dict[str, int] = {}
        self._faults: dict[str, Faults] = {}
        self._numbers = Numbers.current()
        self._states = {
            "connecting": self.tr("connecting"),
            "sending": self.tr("sending"),
            "backing off": self.tr("backing off"),
            "paused": self.tr("paused"),
            "stopped": self.tr("stopped"),
        }

    def row_id(self, row: SensorRow) -> str:
        return row.capteur_id

    def sort_value(self, row: SensorRow, column: str):
        if column == "capteur_id":
            return natural_key(row.capteur_id)
        if column == "model":
            return self._specs[row.capteur_id][2]
        if column == "last":
            return row.last_value
        return getattr(row, column)

    def unsorted_position(self, row: SensorRow) -> int:
        return self._snapshot_order[row.capteur_id]

    def flags(self, index):
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsEditable if self.COLUMNS[index.column()] == "rate" else flags

    def cell(self, row: int, column: int) -> tuple[str, bool, str | None]:
        """What a cell shows: its text, whether it is a number (right-aligned), the state for its colour."""
        name = self.COLUMNS[column]
        sensor = self._rows[row]
        return self._text(sensor, name), name in self._NUMBERS, sensor.state if name == "state" else None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(self._rows[index.row()], column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self._RIGHT if column in self._NUMBERS else None
        if role == Qt.ItemDataRole.DecorationRole:
            return STATE_COLOURS.get(self._rows[index.row()].state) if column == "state" else None
        if role == Qt.ItemDataRole.ToolTipRole:
            row = self._rows[index.row()]
            if column == "model":
                return self._specs[row.capteur_id][2]
            if column == "faults":
                return self._faults_tip(row)
            return translated(row.problem) if column in ("capteur_id", "state") and row.problem else None
        if role == Qt.ItemDataRole.EditRole:
            return self._rows[index.row()].rate
        if role == self.CITY_ROLE:
            return self._specs[self._rows[index.row()].capteur_id][1]
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or self.COLUMNS[index.column()] != "rate":
            return False
        self.rate_edited.emit(self._rows[index.row()].capteur_id, float(value))
        return True

    def describe(self, capteur_id: str, model: ValueModel, city: str | None = None) -> None:
        """What a sensor measures: a value model, or the real temperature in `city`.

        Kept after the sensor is removed (a row may still be painted until the next snapshot); a sensor
        added again under the same name is described again.
        """
        text = self.tr("OpenWeatherMap: {0}").format(city) if city else describe_model(model, Numbers.current())
        self._specs[capteur_id] = (model, city, text)

    def set_faults(self, capteur_id: str, faults: Faults) -> None:
        self._faults[capteur_id] = faults

    def faults(self, capteur_id: str) -> Faults:
        return self._faults.get(capteur_id, NO_FAULTS)

    def spec(self, capteur_id: str) -> tuple[ValueModel, str | None]:
        model, city, _ = self._specs[capteur_id]
        return model, city

    def ids(self) -> list[str]:
        return [row.capteur_id for row in self._rows]

    def row(self, position: int) -> SensorRow:
        return self._rows[position]

    def set_rows(self, rows: list[SensorRow]) -> None:
        """The sensors as they are now: rows that left are removed, new ones added, all sorted and repainted."""
        self._snapshot_order = {row.capteur_id: position for position, row in enumerate(rows)}
        self._numbers = Numbers.current()
        for position in reversed(range(len(self._rows))):
            if self._rows[position].capteur_id not in self._snapshot_order:
                self.beginRemoveRows(QModelIndex(), position, position)
                del self._rows[position]
                self.endRemoveRows()
        self._reindex()
        new = [row for row in rows if row.capteur_id not in self._index]
        if new:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(new) - 1)
            self._rows.extend(new)
            self._reindex()
            self.endInsertRows()
        for row in rows:
            self._rows[self._index[row.capteur_id]] = row
        self.resort()
        if rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(self.COLUMNS) - 1))

    def _text(self, row: SensorRow, column: str) -> str:
        if column == "capteur_id":
            return row.capteur_id
        if column == "model":
            return self._specs[row.capteur_id][2]
        if column == "rate":
            return describe_rate(row.rate, self._numbers)
        if column == "state":
            return self._states.get(row.state, row.state)
        if column == "last":
            return "–" if row.last_value is None else self._numbers.fixed(row.last_value, 2)
        if column == "faults":
            return self._faults_text(row.faults, self.faults(row.capteur_id))
        return self._numbers.integer(getattr(row, column))

    def _faults_text(self, made: FaultCounts, faults: Faults) -> str:
        """`12 malformed · 3 twice · clock +2 s`: the kinds it made, in short; "" for a sensor without faults."""
        if made == FaultCounts() and not faults.active:
            return ""
        kinds = (
            (made.malformed, self.tr("%Ln malformed", "", made.malformed)),
            (made.duplicates, self.tr("%Ln sent twice", "", made.duplicates)),
            (made.split_sends, self.tr("%Ln piece(s)", "", made.split_sends)),
            (made.bursts, self.tr("%Ln burst(s)", "", made.bursts)),
            (made.disconnects, self.tr("%Ln cut(s)", "", made.disconnects)),
        )
        parts = [text for count, text in kinds if count]
        if faults.clock_offset:
            sign = "+" if faults.clock_offset > 0 else ""
            parts.append(self.tr("clock {0} s").format(sign + self._numbers.significant(faults.clock_offset)))
        return " · ".join(parts) or self.tr("none yet")

    def _faults_tip(self, row: SensorRow) -> str | None:
        made = row.faults
        if made == FaultCounts() and not self.faults(row.capteur_id).active:
            return None
        integer = self._numbers.integer
        lines = (
            self.tr("Invalid JSON: {0}").format(integer(made.bad_json)),
            self.tr("Temperature missing: {0}").format(integer(made.missing_field)),
            self.tr("Below absolute zero: {0}").format(integer(made.out_of_range)),
            self.tr("Sent twice: {0}").format(integer(made.duplicates)),
            self.tr("Pieces sent one by one: {0}").format(integer(made.split_sends)),
            self.tr("Bursts: {0}").format(integer(made.bursts)),
            self.tr("Connections cut: {0}").format(integer(made.disconnects)),
        )
        return "\n".join(lines)


class FleetDelegate(QStyledItemDelegate):
    """Fills each cell from its row in one call, where the default delegate asks the model for seven
    roles one by one: that is what a refresh of the visible rows costs the GUI thread, so it is a
    seventh of it. Also edits rates: readings per second for a simulated sensor, minutes between
    reports for a weather one."""

    def __init__(self, table: SensorFleetTable):
        super().__init__(table)
        self._table = table
        self._swatches: dict[str, QIcon] = {}
        size = table.fontMetrics().height() - 4
        self._swatch_size = QSize(size, size)
        for state, colour in STATE_COLOURS.items():
            pixmap = QPixmap(self._swatch_size)
            pixmap.fill(colour)
            self._swatches[state] = QIcon(pixmap)

    def initStyleOption(self, option, index) -> None:
        text, number, state = self._table.source.cell(index.row(), index.column())
        option.index = index
        option.text = text
        option.features |= QStyleOptionViewItem.ViewItemFeature.HasDisplay
        option.displayAlignment = _RIGHT if number else _LEFT
        if state is not None:
            option.icon = self._swatches[state]
            option.decorationSize = self._swatch_size
            option.features |= QStyleOptionViewItem.ViewItemFeature.HasDecoration

    def createEditor(self, parent, option, index):
        if index.data(SensorFleetModel.CITY_ROLE):
            editor = QSpinBox(parent, minimum=1, maximum=1440)
            editor.setPrefix(self.tr("every "))
            editor.setSuffix(self.tr(" min"))
            editor.setSpecialValueText(self.tr("every minute"))
        else:
            editor = DecimalSpinBox(parent, minimum=MIN_RATE, maximum=MAX_RATE, decimals=2)
            editor.setSuffix(self.tr(" /s"))
        return editor

    def setEditorData(self, editor, index) -> None:
        rate = index.data(Qt.ItemDataRole.EditRole)
        editor.setValue(round(1 / rate / 60) if isinstance(editor, QSpinBox) else rate)

    def setModelData(self, editor, model, index) -> None:
        editor.interpretText()
        value = editor.value()
        model.setData(index, 1 / (value * 60) if isinstance(editor, QSpinBox) else value)


class SensorFleetTable(QTableView):
    """Sortable, several rows selectable; double-clicking a row (not its rate) asks to edit that sensor."""

    edit_requested = Signal(str)

    _SAMPLES = {
        "capteur_id": "capteur_100",
        "rate": "1,000.0 /s",
        "state": "backing off",
        "sent": "1,000,000",
        "acked": "1,000,000",
        "waiting": "100,000",
        "dropped": "100,000",
        "last": "-10.00",
        "faults": "100 malformed",
    }
    """A typical long value of each column but Measures, for its width."""
    _EXTRA = {"state": 1.5, "rate": 1.5}
    """Line heights added to a column's sample."""

    def __init__(self, model: SensorFleetModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.source = model
        self.setModel(model)
        self.setSortingEnabled(True)
        self.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setItemDelegate(FleetDelegate(self))
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # Widths measured once on typical values, not ResizeToContents: measuring 500 rows on every
        # refresh would cost the GUI thread. The Measures column takes what is left.
        for column, sample in self._SAMPLES.items():
            index = SensorFleetModel.COLUMNS.index(column)
            title = model.headerData(index, Qt.Orientation.Horizontal)
            # Room for the state's swatch, and for the arrows of the rate's editor.
            cell = self.fontMetrics().horizontalAdvance(sample) + self._EXTRA.get(column, 0) * self.fontMetrics().height()
            self.setColumnWidth(index, round(max(cell + 16, header.fontMetrics().horizontalAdvance(title) + 28)))
        header.setSectionResizeMode(SensorFleetModel.COLUMNS.index("model"), QHeaderView.ResizeMode.Stretch)
        self.doubleClicked.connect(self._double_clicked)

    def selected_ids(self) -> list[str]:
        rows = sorted(index.row() for index in self.selectionModel().selectedRows())
        return [self.source.row(r).capteur_id for r in rows]

    def _double_clicked(self, index) -> None:
        if SensorFleetModel.COLUMNS[index.column()] != "rate":
            self.edit_requested.emit(self.source.row(index.row()).capteur_id)
