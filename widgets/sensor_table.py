"""The sensors table: one row per capteur_id with its latest value and statistics."""

from __future__ import annotations

import time

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from models.sensor_stats import SensorStats
from models.series import SensorBatch


def relative_time(seconds: float) -> str:
    """"just now", "12 s ago", "3 min ago", "2 h ago", "4 d ago"."""
    tr = lambda text: QCoreApplication.translate("relative_time", text)  # noqa: E731
    if seconds < 2:
        return tr("just now")
    for size, unit in ((86400, tr("d")), (3600, tr("h")), (60, tr("min"))):
        if seconds >= size:
            return tr("{0} {1} ago").format(int(seconds // size), unit)
    return tr("{0} s ago").format(int(seconds))


class SensorTableModel(QAbstractTableModel):
    """Sorts itself, in Python, once per refresh. A QSortFilterProxyModel re-sorted on every refresh
    through Qt, calling back into Python some 2,000 times, each call waiting for the GIL behind the
    server's connection threads: the window's worst moments under load."""

    visibility_changed = Signal(str, bool)
    """The user ticked or unticked a sensor: show or hide its curve."""
    COLUMNS = ("capteur_id", "last", "seen", "readings", "min", "max", "mean", "rate", "rejected")

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[SensorStats] = []
        self._index: dict[str, int] = {}
        self._colours: dict[str, QColor] = {}
        self._rates: dict[str, float] = {}
        self._hidden: set[str] = set()
        self._sort_column, self._sort_order = 0, Qt.SortOrder.AscendingOrder
        self._headers = [
            self.tr("Sensor"), self.tr("Last °C"), self.tr("Last seen"), self.tr("Readings"),
            self.tr("Min °C"), self.tr("Max °C"), self.tr("Mean °C"), self.tr("Readings/s"), self.tr("Rejected"),
        ]

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.ToolTipRole and self.COLUMNS[section] == "capteur_id":
            return self.tr("Untick a sensor to hide its curve on the chart")
        return None

    def flags(self, index):
        flags = super().flags(index)
        if self.COLUMNS[index.column()] == "capteur_id":
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        stats = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DecorationRole and column == "capteur_id":
            return self._colours.get(stats.capteur_id)
        if role == Qt.ItemDataRole.CheckStateRole and column == "capteur_id":
            return Qt.CheckState.Unchecked if stats.capteur_id in self._hidden else Qt.CheckState.Checked
        if role == Qt.ItemDataRole.TextAlignmentRole and column != "capteur_id":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(column, self._value(stats, column))
        return None

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        """What a click on a header asks for; the order is kept as values change."""
        self._sort_column, self._sort_order = column, order
        self._resort()

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or self.COLUMNS[index.column()] != "capteur_id":
            return False
        capteur_id = self._rows[index.row()].capteur_id
        visible = Qt.CheckState(value) == Qt.CheckState.Checked
        self.set_visible(capteur_id, visible)
        self.visibility_changed.emit(capteur_id, visible)
        return True

    def set_visible(self, capteur_id: str, visible: bool) -> None:
        """Tick or untick a sensor (the chart's legend hid or showed it)."""
        if visible:
            self._hidden.discard(capteur_id)
        else:
            self._hidden.add(capteur_id)
        row = self._index.get(capteur_id)
        if row is not None:
            self.dataChanged.emit(self.index(row, 0), self.index(row, 0), [Qt.ItemDataRole.CheckStateRole])

    def stats(self, capteur_id: str) -> SensorStats:
        return self._rows[self._index[capteur_id]]

    def sensor_at(self, row: int) -> str:
        return self._rows[row].capteur_id

    def add_points(self, points: dict[str, SensorBatch], colours: dict[str, QColor]) -> None:
        known = len(self._rows)
        for capteur_id, batch in points.items():
            self._row_for(capteur_id, colours[capteur_id]).add(batch)
        if len(self._rows) > known:
            self._resort()

    def set_rejected(self, counts: dict[str, int]) -> None:
        for capteur_id, count in counts.items():
            if capteur_id in self._index:
                self.stats(capteur_id).rejected = count

    def refresh(self) -> None:
        """Rates and "last seen" move with the clock: recompute them and repaint every row."""
        now = time.monotonic()
        self._rates = {stats.capteur_id: stats.sample_rate(now) for stats in self._rows}
        self._resort()
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.COLUMNS) - 1))

    def replace(self, rows: list[SensorStats], colours: dict[str, QColor]) -> None:
        """Start again from these statistics (storage's, after a restart or a change of window)."""
        self.beginResetModel()
        self._rows = list(rows)
        self._index = {stats.capteur_id: row for row, stats in enumerate(self._rows)}
        self._colours.update(colours)
        self.endResetModel()
        self._resort()

    def _row_for(self, capteur_id: str, colour: QColor) -> SensorStats:
        row = self._index.get(capteur_id)
        if row is None:
            row = len(self._rows)
            self.beginInsertRows(QModelIndex(), row, row)
            self._rows.append(SensorStats(capteur_id))
            self._index[capteur_id] = row
            self._colours[capteur_id] = colour
            self.endInsertRows()
        return self._rows[row]

    def _resort(self) -> None:
        """Rows in the chosen order; the selection follows its sensors."""
        column = self.COLUMNS[self._sort_column]

        def key(stats: SensorStats):
            value = self._value(stats, column)
            return (value is not None, value if value is not None else 0, stats.capteur_id)

        rows = sorted(self._rows, key=key, reverse=self._sort_order == Qt.SortOrder.DescendingOrder)
        if all(new is old for new, old in zip(rows, self._rows)):
            return
        self.layoutAboutToBeChanged.emit()
        kept = self.persistentIndexList()
        sensors = [self._rows[index.row()].capteur_id for index in kept]
        self._rows = rows
        self._index = {stats.capteur_id: row for row, stats in enumerate(rows)}
        self.changePersistentIndexList(kept, [self.index(self._index[c], i.column()) for c, i in zip(sensors, kept)])
        self.layoutChanged.emit()

    def _value(self, stats: SensorStats, column: str):
        return {
            "capteur_id": stats.capteur_id,
            "last": stats.last_value,
            "seen": time.time() - stats.last_seen if stats.last_seen is not None else None,
            "readings": stats.count,
            "min": stats.minimum if stats.count else None,
            "max": stats.maximum if stats.count else None,
            "mean": stats.mean,
            "rate": self._rates.get(stats.capteur_id, 0.0),
            "rejected": stats.rejected,
        }[column]

    def _text(self, column: str, value) -> str:
        if value is None:
            return "–"
        if column == "seen":
            return relative_time(max(value, 0.0))
        if column in ("readings", "rejected"):
            return f"{value:,}"
        if column == "rate":
            return f"{value:,.1f}"
        return value if isinstance(value, str) else f"{value:.2f}"


class SensorTable(QTableView):
    """Sortable; selecting rows emits the chosen sensors so the chart can highlight them."""

    selection_changed = Signal(set)

    def __init__(self, model: SensorTableModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.source = model
        self.setModel(model)
        self.setSortingEnabled(True)
        self.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        # Fixed widths the user can drag: sizing to contents would measure every cell on each refresh.
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setDefaultSectionSize(78)
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.horizontalHeader().setMinimumSectionSize(60)
        self.selectionModel().selectionChanged.connect(self._selected)

    def sizeHint(self) -> QSize:
        """Room a dock gives this panel on a first start (later, the saved layout decides)."""
        return QSize(600, 200)

    def selected_sensors(self) -> set[str]:
        return {self.source.sensor_at(index.row()) for index in self.selectionModel().selectedRows()}

    def _selected(self, *_) -> None:
        self.selection_changed.emit(self.selected_sensors())
