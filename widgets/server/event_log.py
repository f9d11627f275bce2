"""The server's event log: bounded, filtered by level, selectable and copyable as plain text."""

from __future__ import annotations

import logging
import time
from collections import deque
from datetime import datetime

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from models.server_state import ServerEvent
from widgets.core_text import translated

MAX_LINES = 2_000


class EventLog(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._events: deque[ServerEvent] = deque(maxlen=MAX_LINES)
        names = {logging.INFO: self.tr("info"), logging.WARNING: self.tr("warning"), logging.ERROR: self.tr("error")}
        # Padded to one width, so the messages line up in any language.
        self._level_names = {level: name.ljust(max(map(len, names.values()))) for level, name in names.items()}
        self.level = QComboBox()
        self.level.addItem(self.tr("Everything"), logging.INFO)
        self.level.addItem(self.tr("Warnings and errors"), logging.WARNING)
        self.level.addItem(self.tr("Errors only"), logging.ERROR)
        self.level.setToolTip(self.tr("Which events to show"))
        self.level.currentIndexChanged.connect(self._refill)
        copy = QPushButton(self.tr("Copy all"))
        copy.setToolTip(self.tr("Copy the events shown to the clipboard"))
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.text.toPlainText()))
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setMaximumBlockCount(MAX_LINES)
        # Lines wrap: a narrow dock shows the whole message, not its first words.
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.text.setPlaceholderText(self.tr("Server events appear here: clients, rejected messages, errors."))
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Show:")))
        row.addWidget(self.level)
        row.addStretch()
        row.addWidget(copy)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(row)
        layout.addWidget(self.text)

    def sizeHint(self) -> QSize:
        """Room a dock gives this panel on a first start (later, the saved layout decides)."""
        return QSize(360, 320)

    def add_events(self, events: list[ServerEvent]) -> None:
        self._events.extend(events)
        shown = [self._line(e) for e in events if e.level >= self.level.currentData()]
        if shown:
            self.text.appendPlainText("\n".join(shown))

    def add_message(self, level: int, message: str) -> None:
        """An event of the window's own, such as a server that could not start."""
        self.add_events([ServerEvent(time.time(), level, message)])

    def _refill(self) -> None:
        minimum = self.level.currentData()
        self.text.setPlainText("\n".join(self._line(e) for e in self._events if e.level >= minimum))

    def _line(self, event: ServerEvent) -> str:
        when = datetime.fromtimestamp(event.time).strftime("%H:%M:%S")
        peer = f" {event.peer}" if event.peer else ""
        level = self._level_names.get(event.level, self._level_names[logging.INFO])
        return f"{when} {level}{peer}  {translated(event.message)}"
