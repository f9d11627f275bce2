"""Who is connected right now, and which thread serves each: "one thread per connection", visible."""

from __future__ import annotations

import time
from datetime import datetime

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from models.server_state import ConnectionStats
from widgets.locale_format import Numbers
from widgets.server.sensor_table import relative_time

PEER_SAMPLE = "127.000.000.100:50000"
"""As wide as most peers' address and port: the columns that show them are sized for it."""
CELL_PADDING = 16


class ConnectionsModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[ConnectionStats] = []
        self._numbers = Numbers.current()
        self._headers = [
            self.tr("Peer"),
            self.tr("Thread"),
            self.tr("Connected since"),
            self.tr("Readings"),
            self.tr("Last message"),
        ]
        # Not the sensors table's figure: a sensor may have reconnected, or share its connection.
        self._tips = [
            None,
            None,
            None,
            self.tr("Readings received on this connection since it opened, whatever their sensor"),
            None,
        ]

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return self._tips[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        row = self._rows[index.row()]
        now = time.time()
        return [
            row.peer,
            row.thread_name,
            datetime.fromtimestamp(row.since).strftime("%H:%M:%S"),
            self._numbers.integer(row.readings),
            relative_time(now - row.last_message_at) if row.last_message_at else "–",
        ][index.column()]

    def peer_at(self, row: int) -> str:
        return self._rows[row].peer

    def set_connections(self, rows: list[ConnectionStats]) -> None:
        rows = sorted(rows, key=lambda r: r.since)
        self._numbers = Numbers.current()
        if [(r.peer, r.since) for r in rows] == [(r.peer, r.since) for r in self._rows]:
            # The same clients: new counts only, so the user's selection and scroll stay put.
            self._rows = rows
            if rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(self._headers) - 1))
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()


class ConnectionsPanel(QTableView):
    watch_requested = Signal(str)
    """The peer of the connection whose conversation the user asked to see (double click, or the menu)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.connections = ConnectionsModel(self)
        self.setModel(self.connections)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setToolTip(self.tr("Double-click a connection to watch its conversation byte by byte"))
        self.doubleClicked.connect(lambda index: self.watch_requested.emit(self.connections.peer_at(index.row())))
        watch = QAction(self.tr("Watch the conversation"), self)
        watch.triggered.connect(self.watch_selected)
        self.addAction(watch)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.verticalHeader().hide()
        self.setAlternatingRowColors(True)
        # Fixed widths the user can drag: sizing to contents would measure every cell on each refresh.
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setStretchLastSection(True)
        # Wide enough for each title in whatever language, and for an address and its port; measured once.
        metrics = self.horizontalHeader().fontMetrics()
        samples = {0: PEER_SAMPLE, 1: f"client {PEER_SAMPLE}"}
        for column in range(self.connections.columnCount()):
            title = self.connections.headerData(column, Qt.Orientation.Horizontal)
            widest = max(metrics.horizontalAdvance(title), self.fontMetrics().horizontalAdvance(samples.get(column, "")))
            self.setColumnWidth(column, widest + CELL_PADDING)

    def selected_peer(self) -> str | None:
        rows = self.selectionModel().selectedRows()
        return self.connections.peer_at(rows[0].row()) if rows else None

    def watch_selected(self) -> bool:
        """Ask to watch the selected connection; False when none is selected."""
        peer = self.selected_peer()
        if peer is not None:
            self.watch_requested.emit(peer)
        return peer is not None

    def sizeHint(self) -> QSize:
        """Room a dock gives this panel on a first start (later, the saved layout decides)."""
        return QSize(360, 240)
