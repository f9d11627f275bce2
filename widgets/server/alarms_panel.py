"""The Alarms panel: the alarms raised now, then the past ones, newest first; acknowledge, export as CSV."""

from __future__ import annotations

from PySide6.QtCore import QDate, QDateTime, QSize, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.alarms import AlarmEvent
from widgets.locale_format import date_time
from widgets.server.alarm_words import WARNING_SIGN, condition, measured
from widgets.sorted_table_model import SortedTableModel
from widgets.theme import colours

SHOWN_EVENTS = 500
"""The panel lists the alarms raised now and the latest past ones up to this many; the CSV export has all."""


class AlarmEventsModel(SortedTableModel):
    """Active alarms first, then the others, each group newest first, until the user sorts by a column."""

    COLUMNS = ("state", "sensor", "alarm", "value", "raised", "cleared", "acknowledged")

    def __init__(self, parent=None):
        super().__init__(
            [
                self.tr("State"),
                self.tr("Sensor"),
                self.tr("Alarm"),
                self.tr("Value"),
                self.tr("Raised"),
                self.tr("Cleared"),
                self.tr("Acknowledged"),
            ],
            parent=parent,
        )

    def row_id(self, event: AlarmEvent) -> str:
        return str(event.id)

    def sort_value(self, event: AlarmEvent, column: str):
        if column in ("raised", "cleared", "value"):
            return {"raised": event.raised_at, "cleared": event.cleared_at, "value": event.value}[column]
        return self._text(event, column)

    def set_events(self, events: list[AlarmEvent]) -> None:
        self.beginResetModel()
        self._rows = sorted(events, key=lambda event: (not event.active, -event.raised_at))
        self._reindex()
        self.endResetModel()
        self.resort()

    def event_at(self, row: int) -> AlarmEvent:
        return self._rows[row]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        event = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(event, self.COLUMNS[index.column()])
        if role == Qt.ItemDataRole.BackgroundRole and event.active:
            return QColor(colours().alarm)
        return None

    def _text(self, event: AlarmEvent, column: str) -> str:
        if column == "state":
            return f"{WARNING_SIGN} {self.tr('Active')}" if event.active else self.tr("Cleared")
        if column == "sensor":
            return event.sensor
        if column == "alarm":
            return condition(event.kind, event.threshold)
        if column == "value":
            return measured(event)
        if column == "raised":
            return when(event.raised_at)
        if column == "cleared":
            return "" if event.cleared_at is None else when(event.cleared_at)
        if event.acknowledged_at is None:
            return ""
        return self.tr("{0}, {1}").format(event.acknowledged_by, when(event.acknowledged_at))


def when(timestamp: float) -> str:
    """The time alone for today, `14:31:05`, else the date too: the panel is narrow, and most alarms recent."""
    moment = QDateTime.fromSecsSinceEpoch(int(timestamp))
    if moment.date() == QDate.currentDate():
        return moment.time().toString("HH:mm:ss")
    return date_time(timestamp)


class AlarmsPanel(QWidget):
    acknowledge_requested = Signal(list)
    """The numbers of the selected alarms not yet acknowledged."""
    export_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = AlarmEventsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        # No column chosen until the user clicks one: the panel's own order, active alarms first.
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.modelReset.connect(self._selection_changed)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.acknowledge = QPushButton(self.tr("Acknowledge"))
        self.acknowledge.clicked.connect(self.acknowledge_selected)
        self.export = QPushButton(self.tr("Export CSV…"))
        self.export.setToolTip(self.tr("Write every alarm event, past and present, to a CSV file"))
        self.export.clicked.connect(self.export_requested.emit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.acknowledge)
        buttons.addWidget(self.export)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.set_user("")
        self.show_events([])

    def sizeHint(self) -> QSize:
        """Room a dock gives this panel on a first start: a few alarms and the buttons."""
        return QSize(340, 260)

    def set_user(self, user: str) -> None:
        """Who an acknowledgement is in the name of: the session's user name."""
        self.acknowledge.setToolTip(self.tr("Mark the selected alarms as seen, in the name of {0}").format(user))

    def show_events(self, events: list[AlarmEvent]) -> None:
        active = sum(event.active for event in events)
        self.model.set_events(events)
        if not events:
            self.summary.setText(self.tr("No alarm so far. Right-click a sensor in the Sensors panel to give it alarm rules."))
        else:
            self.summary.setText(self.tr("%n alarm(s) active now.", "", active))

    def pending(self) -> list[int]:
        """The selected alarms not acknowledged yet, by number."""
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        events = (self.model.event_at(row) for row in sorted(rows))
        return [event.id for event in events if event.acknowledged_at is None and event.id is not None]

    def acknowledge_selected(self) -> None:
        if pending := self.pending():
            self.acknowledge_requested.emit(pending)

    def _selection_changed(self, *_) -> None:
        self.acknowledge.setEnabled(bool(self.pending()))
