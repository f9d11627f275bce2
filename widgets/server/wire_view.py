"""The wire view: one connection's conversation, as the server read and answered it.

Each `recv()` chunk with its size and time, the messages the protocol cut out of the chunks (a message
that began in an earlier chunk says from which), and the lines sent back, in order and coloured by
kind. It keeps the last WIRE_EVENTS events; paused, it holds what arrives (as many) and shows it on
resuming. The server records nothing for it unless it is open (models/wire.py).
"""

from __future__ import annotations

from collections import deque
from datetime import datetime

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from models.wire import WIRE_EVENTS, WireEvent, WireKind
from widgets.core_text import translated
from widgets.locale_format import Numbers
from widgets.theme import is_dark

# Each kind's colour on a light background, then on a dark one: a contrast of at least 4.5 to 1 on both.
KIND_COLOURS = {
    WireKind.CHUNK: ("#1f5fa8", "#7fb4ef"),
    WireKind.READING: ("#1b7a2e", "#6fd08a"),
    WireKind.AUTHENTICATED: ("#1b7a2e", "#6fd08a"),
    WireKind.REJECTED: ("#b35900", "#ffb366"),
    WireKind.CLOSING: ("#c0262d", "#ff7b7b"),
    WireKind.REPLY: ("#7a3db8", "#c9a2f2"),
    WireKind.ERROR_REPLY: ("#c0262d", "#ff7b7b"),
    WireKind.CLOSED: ("#5f6368", "#a0a6ad"),
}


class WireModel(QAbstractTableModel):
    COLUMNS = ("time", "chunk", "bytes", "what", "content")

    def __init__(self, parent=None):
        super().__init__(parent)
        self._events: deque[WireEvent] = deque()
        self._numbers = Numbers.current()
        self._headers = [self.tr("Time"), self.tr("Chunk"), self.tr("Bytes"), self.tr("What"), self.tr("Content")]
        self._kinds = {
            WireKind.CHUNK: self.tr("chunk read"),
            WireKind.READING: self.tr("message: reading"),
            WireKind.AUTHENTICATED: self.tr("message: token accepted"),
            WireKind.REJECTED: self.tr("message: rejected"),
            WireKind.CLOSING: self.tr("message: connection ended"),
            WireKind.REPLY: self.tr("reply sent"),
            WireKind.ERROR_REPLY: self.tr("error sent"),
            WireKind.CLOSED: self.tr("connection closed"),
        }
        self._colours: dict[WireKind, QColor] = {}
        self.restyle()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._events)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        event = self._events[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cells(event)[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._colours[event.kind]
        if role == Qt.ItemDataRole.ToolTipRole and self.COLUMNS[index.column()] == "content":
            return self._content(event)
        if role == Qt.ItemDataRole.ToolTipRole and event.spans_chunks:
            return self.tr(
                "This message began in chunk {0} and ended in chunk {1}: TCP cut it, the server put it back together."
            ).format(event.first_chunk, event.chunk)
        if role == Qt.ItemDataRole.TextAlignmentRole and self.COLUMNS[index.column()] in ("chunk", "bytes"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def cells(self, event: WireEvent) -> list[str]:
        when = datetime.fromtimestamp(event.time)
        time_text = f"{when:%H:%M:%S}{self._numbers.decimal}{when.microsecond // 1000:03d}"
        return [time_text, self._chunk_text(event), self._numbers.integer(event.size), self._what(event), self._content(event)]

    def add(self, events: list[WireEvent]) -> None:
        self._numbers = Numbers.current()
        overflow = len(self._events) + len(events) - WIRE_EVENTS
        if overflow > 0:
            leaving = min(overflow, len(self._events))
            self.beginRemoveRows(QModelIndex(), 0, leaving - 1)
            for _ in range(leaving):
                self._events.popleft()
            self.endRemoveRows()
            events = events[overflow - leaving :]
        if events:
            first = len(self._events)
            self.beginInsertRows(QModelIndex(), first, first + len(events) - 1)
            self._events.extend(events)
            self.endInsertRows()

    def clear(self) -> None:
        self.beginResetModel()
        self._events.clear()
        self.endResetModel()

    def widest_what(self) -> list[str]:
        """What the column "What" may say, a message across many chunks included: to size it."""
        return [*self._kinds.values(), self.tr("{0} (across %n chunk(s))", "", 99).format(self._kinds[WireKind.CLOSING])]

    def events(self) -> list[WireEvent]:
        return list(self._events)

    def as_text(self) -> str:
        """Every row, its columns apart by tabs: what a spreadsheet or a report takes."""
        lines = ["\t".join(self._headers)]
        lines += ["\t".join(self.cells(event)) for event in self._events]
        return "\n".join(lines) + "\n"

    def restyle(self) -> None:
        """The kinds' colours for the theme as it is now."""
        dark = is_dark()
        self._colours = {kind: QColor(pair[1] if dark else pair[0]) for kind, pair in KIND_COLOURS.items()}
        if self._events:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._events) - 1, len(self.COLUMNS) - 1))

    def _chunk_text(self, event: WireEvent) -> str:
        if not event.chunk:
            return ""
        if event.spans_chunks:
            return f"#{event.first_chunk}–#{event.chunk}"
        return f"#{event.chunk}"

    def _what(self, event: WireEvent) -> str:
        what = self._kinds[event.kind]
        if event.kind is WireKind.CHUNK and not event.size:
            return self.tr("end of stream")
        if event.spans_chunks:
            return self.tr("{0} (across %n chunk(s))", "", event.chunk - event.first_chunk + 1).format(what)
        return what

    def _content(self, event: WireEvent) -> str:
        if event.kind is WireKind.CLOSED:
            return translated(event.text) if event.text else self.tr("by the peer")
        if event.reason:
            return f"{event.text}  ⟶  {translated(event.reason)}"
        return event.text


class WireView(QWidget):
    """A window of its own beside the server window; closing it stops the recording."""

    closed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("wireView")
        self.model = WireModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        metrics = self.table.fontMetrics()
        samples = ("00:00:00.000", "#0000–#0000", "000,000", max(self.model.widest_what(), key=metrics.horizontalAdvance))
        for column, sample in enumerate(samples):
            title = self.model.headerData(column, Qt.Orientation.Horizontal)
            self.table.setColumnWidth(
                column, max(metrics.horizontalAdvance(sample), header.fontMetrics().horizontalAdvance(title)) + 16
            )
        self.pause = QPushButton(self.tr("Pause"))
        self.pause.setCheckable(True)
        self.pause.setToolTip(self.tr("Freeze the view to read it; what arrives meanwhile is shown on resuming"))
        self.pause.toggled.connect(self._paused)
        clear = QPushButton(self.tr("Clear"))
        clear.setToolTip(self.tr("Forget the events shown; recording goes on"))
        clear.clicked.connect(self.model.clear)
        copy = QPushButton(self.tr("Copy as text"))
        copy.setToolTip(self.tr("Copy every event shown to the clipboard, one line each"))
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.model.as_text()))
        self.status = QLabel()
        self.status.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.pause)
        row.addWidget(clear)
        row.addWidget(copy)
        row.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table)
        self._held: deque[WireEvent] = deque(maxlen=WIRE_EVENTS)
        self._dropped = 0
        self.peer = ""

    def sizeHint(self) -> QSize:
        return QSize(900, 480)

    def watch(self, peer: str) -> None:
        """Show `peer`'s conversation from now on, and nothing of the one shown before."""
        self.peer = peer
        self.setWindowTitle(self.tr("Conversation with {0}").format(peer))
        self.model.clear()
        self._held.clear()
        self._dropped = 0
        self.pause.setChecked(False)
        self._show_status()

    def add_events(self, events: list[WireEvent], dropped: int | None = None) -> None:
        """`dropped`: events the server let go since watching began, because they came faster than the
        window drains them (None: as before)."""
        if dropped is not None and dropped != self._dropped:
            self._dropped = dropped
            self._show_status()
        if self.pause.isChecked():
            self._held.extend(events)
            self._show_status()
            return
        following = self.table.verticalScrollBar().value() == self.table.verticalScrollBar().maximum()
        self.model.add(events)
        if following:
            self.table.scrollToBottom()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == event.Type.PaletteChange:
            self.model.restyle()

    def closeEvent(self, event) -> None:
        self.closed.emit()
        super().closeEvent(event)

    def _paused(self, paused: bool) -> None:
        self.pause.setText(self.tr("Resume") if paused else self.tr("Pause"))
        if not paused and self._held:
            held = list(self._held)
            self._held.clear()
            self.add_events(held)
        self._show_status()

    def _show_status(self) -> None:
        numbers = Numbers.current()
        if self.pause.isChecked():
            text = self.tr("Paused: {0} events held (at most {1})").format(
                numbers.integer(len(self._held)), numbers.integer(WIRE_EVENTS)
            )
        else:
            text = self.tr("The last {0} events are kept. Nothing is recorded once this window is closed.").format(
                numbers.integer(WIRE_EVENTS)
            )
        if self._dropped:
            lost = self.tr("{0} event(s) were not shown: the connection went faster than this window reads.", "", self._dropped)
            lost = lost.format(numbers.integer(self._dropped))
            text = f"{text} {lost}"
        self.status.setText(text)
