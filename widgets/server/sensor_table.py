"""The sensors table: one row per capteur_id with its latest value and statistics.

Readings, Min, Max and Mean cover the chart's time window and slide with it (models/sensor_stats.py);
the header says which window, so that a figure that changes with it is no surprise.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView, QWidget

from models.sensor_stats import SensorStats
from models.series import SensorBatch
from widgets.chart.chart import TIME_WINDOWS
from widgets.core_text import translated
from widgets.locale_format import Numbers
from widgets.sorted_table_model import SortedTableModel, natural_key
from widgets.theme import colours

SWATCH_SIZE = 16
"""Pixels; the view scales the swatch to its icon size."""


def relative_time(seconds: float) -> str:
    """ "just now", "12 s ago", "3 min ago", "2 h ago", "4 d ago"."""
    if seconds < 2:
        return QCoreApplication.translate("relative_time", "just now")
    units = (
        (86400, QCoreApplication.translate("relative_time", "d")),
        (3600, QCoreApplication.translate("relative_time", "h")),
        (60, QCoreApplication.translate("relative_time", "min")),
    )
    for size, unit in units:
        if seconds >= size:
            return QCoreApplication.translate("relative_time", "{0} {1} ago").format(int(seconds // size), unit)
    return QCoreApplication.translate("relative_time", "{0} s ago").format(int(seconds))


class SensorTableModel(SortedTableModel):
    """One row per sensor; its tick box shows or hides the sensor's curve."""

    visibility_changed = Signal(str, bool)
    """The user ticked or unticked a sensor: show or hide its curve."""
    alarms_changed = Signal()
    COLUMNS = ("capteur_id", "last", "alarm", "seen", "readings", "min", "max", "mean", "rate", "delay", "jitter", "rejected")

    def __init__(self, parent=None, clock=time.time):
        super().__init__(
            [
                self.tr("Sensor"),
                self.tr("Last °C"),
                self.tr("Alarm"),
                self.tr("Last seen"),
                "",
                self.tr("Min °C"),
                self.tr("Max °C"),
                self.tr("Mean °C"),
                self.tr("Readings/s"),
                self.tr("Delay"),
                self.tr("Jitter"),
                self.tr("Rejected"),
            ],
            [
                self.tr("Untick a sensor to hide its curve on the chart"),
                None,
                self.tr("The alarms raised now for this sensor; right-click a sensor for its alarm rules"),
                self.tr(
                    "How long ago the newest reading was taken, by its timestamp (by its reception when the chart "
                    "plots by reception): a sensor whose clock is behind seems older by as much"
                ),
                "",
                "",
                "",
                "",
                self.tr("Readings received per second over the last few seconds"),
                self.tr(
                    "Reception time minus the reading's timestamp, over about the last 16 readings: network delay"
                    " plus the gap between the sensor's clock and the server's. Blank when the sensor sends no timestamp"
                ),
                self.tr("How much the delay varies: the mean difference between the delays of successive readings"),
                self.tr(
                    "Messages from this sensor that the server refused since it started (one naming no sensor counts as "
                    "the sensor of the reading before it on its connection); hover a count for the reasons"
                ),
            ],
            parent,
        )
        self._clock = clock
        """Unix seconds: the end of the window the figures cover, and "last seen"."""
        self._window: float | None = None
        self.set_window(TIME_WINDOWS[0])
        self._swatches: dict[str, QIcon] = {}
        """Each sensor's colour as an icon, made once. Given a QColor, the view made a new icon on every
        repaint, and each one's pixmap stayed in Qt's pixmap cache: 10 KB more memory per refresh."""
        self._rates: dict[str, float] = {}
        self._reasons: dict[str, dict[str, int]] = {}
        self._alarms: dict[str, str] = {}
        """What each sensor in alarm is in alarm for, as the Alarm column says it."""
        self._hidden: set[str] = set()
        self._sort_column = 0
        self._numbers = Numbers.current()

    def row_id(self, stats: SensorStats) -> str:
        return stats.capteur_id

    def sort_value(self, stats: SensorStats, column: str):
        return natural_key(stats.capteur_id) if column == "capteur_id" else self._value(stats, column)

    def flags(self, index):
        flags = super().flags(index)
        if self.COLUMNS[index.column()] == "capteur_id":
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        stats = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DecorationRole and column == "capteur_id":
            return self._swatches.get(stats.capteur_id)
        if role == Qt.ItemDataRole.CheckStateRole and column == "capteur_id":
            return Qt.CheckState.Unchecked if stats.capteur_id in self._hidden else Qt.CheckState.Checked
        if role == Qt.ItemDataRole.TextAlignmentRole and column not in ("capteur_id", "alarm"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(column, self._value(stats, column))
        if role == Qt.ItemDataRole.ToolTipRole and column == "rejected":
            return self._reasons_tip(stats.capteur_id)
        if role == Qt.ItemDataRole.BackgroundRole and stats.capteur_id in self._alarms:
            return QColor(colours().alarm)  # read at each paint: it follows a change of theme
        return None

    def set_alarms(self, alarms: dict[str, str]) -> None:
        """The sensors in alarm now, each with what for (`⚠ above 30 °C`): their rows stand out in the
        theme's alarm colour, and the Alarm column says it in words, for whoever cannot tell colours apart."""
        self._alarms = dict(alarms)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.COLUMNS) - 1))
        self.alarms_changed.emit()

    def in_alarm(self, capteur_id: str) -> bool:
        return capteur_id in self._alarms

    def _reasons_tip(self, capteur_id: str) -> str | None:
        """One line per reason, the most frequent first: `temperature is missing: 12`."""
        reasons = self._reasons.get(capteur_id)
        if not reasons:
            return None
        ranked = sorted(reasons.items(), key=lambda item: -item[1])
        return "\n".join(self.tr("{0}: {1}").format(translated(reason), self._numbers.integer(count)) for reason, count in ranked)

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or self.COLUMNS[index.column()] != "capteur_id":
            return False
        capteur_id = self._rows[index.row()].capteur_id
        visible = Qt.CheckState(value) == Qt.CheckState.Checked
        self.set_visible(capteur_id, visible)
        self.visibility_changed.emit(capteur_id, visible)
        return True

    def set_window(self, seconds: float | None) -> None:
        """The chart's time window, which Readings, Min, Max and Mean cover from now on (None: all).

        The rows keep their figures until `replace()` gives storage's for this window.
        """
        self._window = seconds
        span = self._span_text(seconds)
        columns = [self.COLUMNS.index(column) for column in ("readings", "min", "max", "mean")]
        self._headers[columns[0]] = self.tr("Readings ({0})").format(span)
        tips = (
            self.tr(
                "Readings of this sensor timed in the chart's window ({0}), as received: a reading sent again is "
                "counted again here and stored once, and the count read back from storage replaces this one "
                "when the window changes"
            ),
            self.tr("Lowest reading in the chart's window ({0})"),
            self.tr("Highest reading in the chart's window ({0})"),
            self.tr("Mean of the readings in the chart's window ({0})"),
        )
        for column, tip in zip(columns, tips, strict=True):
            self._tips[column] = tip.format(span)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, columns[0], columns[-1])

    def _span_text(self, seconds: float | None) -> str:
        """`seconds`: one of the chart's TIME_WINDOWS."""
        return {
            60.0: self.tr("last 1 min"),
            600.0: self.tr("last 10 min"),
            3600.0: self.tr("last 1 h"),
            86400.0: self.tr("last 24 h"),
            None: self.tr("all stored"),
        }[seconds]

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
            self.resort()

    def set_rejected(self, counts: dict[str, int], reasons: dict[str, dict[str, int]] | None = None) -> None:
        """Messages refused per sensor, and for each the reasons (the wire's words) with their counts."""
        self._reasons = reasons or {}
        for capteur_id, count in counts.items():
            if capteur_id in self._index:
                self.stats(capteur_id).rejected = count

    def refresh(self) -> None:
        """Rates, "last seen" and the window move with the clock: recompute them and repaint every row,
        in the language's number signs as they are now."""
        now, wall = time.monotonic(), self._clock()
        for stats in self._rows:
            stats.expire(wall)
        self._numbers = Numbers.current()
        self._rates = {stats.capteur_id: stats.sample_rate(now) for stats in self._rows}
        self.resort()
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.COLUMNS) - 1))

    def replace(self, rows: list[SensorStats], colours: dict[str, QColor]) -> None:
        """Start again from these statistics (storage's, after a restart or a change of window)."""
        before = {stats.capteur_id: stats for stats in self._rows}
        for stats in rows:
            if stats.capteur_id in before:
                stats.keep_delays(before[stats.capteur_id])
        self.beginResetModel()
        self._rows = list(rows)
        self._reindex()
        for capteur_id, colour in colours.items():
            self._swatches[capteur_id] = _swatch(colour)
        self.endResetModel()
        self.resort()

    def _row_for(self, capteur_id: str, colour: QColor) -> SensorStats:
        row = self._index.get(capteur_id)
        if row is None:
            row = len(self._rows)
            self.beginInsertRows(QModelIndex(), row, row)
            self._rows.append(SensorStats(capteur_id, self._window))
            self._index[capteur_id] = row
            self._swatches[capteur_id] = _swatch(colour)
            self.endInsertRows()
        return self._rows[row]

    def _value(self, stats: SensorStats, column: str):
        return {
            "capteur_id": stats.capteur_id,
            "last": stats.last_value,
            "alarm": self._alarms.get(stats.capteur_id, ""),
            "seen": self._clock() - stats.last_seen if stats.last_seen is not None else None,
            "readings": stats.count,
            "min": stats.minimum if stats.count else None,
            "max": stats.maximum if stats.count else None,
            "mean": stats.mean,
            "rate": self._rates.get(stats.capteur_id, 0.0),
            "delay": stats.delay,
            "jitter": stats.jitter,
            "rejected": stats.rejected,
        }[column]

    def _text(self, column: str, value) -> str:
        if column in ("delay", "jitter"):
            return "" if value is None else self._duration(value)
        if value is None:
            return "–"
        if column == "seen":
            return relative_time(max(value, 0.0))
        if column in ("readings", "rejected"):
            return self._numbers.integer(value)
        if column == "rate":
            return self._numbers.fixed(value, 1)
        return value if isinstance(value, str) else self._numbers.fixed(value, 2)

    def _duration(self, seconds: float) -> str:
        """Milliseconds below a second, the usual network delay; seconds above, a clock set wrong."""
        if abs(seconds) < 1:
            return self.tr("{0} ms").format(self._numbers.fixed(seconds * 1000, 1))
        return self.tr("{0} s").format(self._numbers.fixed(seconds, 2))


def _swatch(colour: QColor) -> QIcon:
    pixmap = QPixmap(SWATCH_SIZE, SWATCH_SIZE)
    pixmap.fill(colour)
    return QIcon(pixmap)


class SensorTable(QTableView):
    """Sortable; selecting rows emits the chosen sensors so the chart can highlight them; its context
    menu opens a sensor's alarm rules."""

    selection_changed = Signal(set)
    rules_requested = Signal(str)
    """"Alarm rules…" on a sensor's row: the window opens the dialog for it."""

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
        self.horizontalHeader().setStretchLastSection(True)
        self.horizontalHeader().setMinimumSectionSize(60)
        self._fit_titles(Qt.Orientation.Horizontal, 1, model.columnCount() - 1)
        model.headerDataChanged.connect(self._fit_titles)
        # The names, with their tick box and colour, measured as sensors come: the other columns do not squeeze them.
        model.rowsInserted.connect(self._fit_names)
        model.modelReset.connect(self._fit_names)
        model.alarms_changed.connect(self._fit_alarms)
        self.selectionModel().selectionChanged.connect(self._selected)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)

    def sizeHint(self) -> QSize:
        """Room a dock gives this panel on a first start (later, the saved layout decides)."""
        return QSize(600, 200)

    def _fit_titles(self, _orientation, first: int, last: int) -> None:
        """Wide enough for each title, in whatever language: measured when a title changes, as the
        cells are not."""
        metrics = self.horizontalHeader().fontMetrics()
        for column in range(max(first, 1), last + 1):
            title = self.source.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
            self.setColumnWidth(column, max(self.horizontalHeader().defaultSectionSize(), metrics.horizontalAdvance(title) + 16))

    def _fit_names(self, *_) -> None:
        self.setColumnWidth(0, max(self.columnWidth(0), self.sizeHintForColumn(0)))

    def _fit_alarms(self) -> None:
        """The Alarm column as wide as what it says, measured when an alarm is raised or cleared."""
        column = self.source.COLUMNS.index("alarm")
        self.setColumnWidth(column, max(self.columnWidth(column), self.sizeHintForColumn(column)))

    def selected_sensors(self) -> set[str]:
        return {self.source.sensor_at(index.row()) for index in self.selectionModel().selectedRows()}

    def _selected(self, *_) -> None:
        self.selection_changed.emit(self.selected_sensors())

    def _menu(self, at) -> None:
        index = self.indexAt(at)
        if not index.isValid():
            return
        capteur_id = self.source.sensor_at(index.row())
        menu = QMenu(self)
        menu.addAction(self.tr("Alarm rules for {0}…").format(capteur_id), lambda: self.rules_requested.emit(capteur_id))
        menu.popup(self.viewport().mapToGlobal(at))
