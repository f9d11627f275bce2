"""The Services panel: the exercise's clock and echo servers, started, watched and stopped from the window.

Each box shows what it is given and emits what the user asked for; app/server/services_session.py runs the
servers and feeds the boxes twice a second.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from models.server_state import ConnectionStats, ServerEvent
from widgets.core_text import translated
from widgets.server.connections_panel import ConnectionsPanel
from widgets.server.event_log import EventLog

# ConnectionsModel's columns about sensors: an echo client sends no readings.
READINGS_COLUMN, LAST_MESSAGE_COLUMN = 3, 4
CLIENT_ROWS_SHOWN = 3


class ServiceBox(QGroupBox):
    """A port, Start and Stop, the state, and a log line per request."""

    start_requested = Signal()
    stop_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.port = QSpinBox()
        self.port.setRange(0, 65535)
        # Port 0 is a real choice (the system picks a free port), so it gets words rather than a bare 0.
        self.port.setSpecialValueText(self.tr("any free port"))
        self.port.setToolTip(
            self.tr("The TCP port to listen on; at 0 ({0}) the system chooses one").format(self.port.specialValueText())
        )
        self.start = QPushButton(self.tr("Start"))
        self.start.setToolTip(self.tr("Listen on this port"))
        self.start.clicked.connect(self.start_requested)
        self.stop = QPushButton(self.tr("Stop"))
        self.stop.setToolTip(self.tr("Stop listening and disconnect every client"))
        self.stop.clicked.connect(self.stop_requested)
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.state.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.log = EventLog()
        self.log.layout().setContentsMargins(0, 0, 0, 0)
        self.log.text.setPlaceholderText(self.tr("A line per request appears here once the server runs."))
        port_row = QHBoxLayout()
        port_row.addWidget(self.port, 1)
        port_row.addWidget(self.start)
        port_row.addWidget(self.stop)
        self.form = QFormLayout()
        self.form.addRow(self.tr("Port:"), port_row)
        self.form.addRow(self.tr("State:"), self.state)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.log, 1)
        self._settings = [self.port]
        self.show_stopped()

    def show_listening(self, host: str, port: int) -> None:
        self.state.setText(self.tr("Listening on {0}:{1}").format(host, port))
        self.log.add_message(logging.INFO, self.state.text())
        self._set_running(True)

    def show_stopping(self) -> None:
        self.state.setText(self.tr("Stopping…"))
        self.log.add_message(logging.INFO, self.tr("Stopped listening"))
        self.start.setEnabled(False)
        self.stop.setEnabled(False)

    def show_stopped(self) -> None:
        self.state.setText(self.tr("Stopped"))
        self._set_running(False)

    def show_problem(self, message: str) -> None:
        """A server that could not start: the sentence says why and what to do."""
        message = translated(message)
        self.state.setText(message)
        self.log.add_message(logging.ERROR, message)
        self._set_running(False)

    def update_activity(self, clients: list[ConnectionStats], events: list[ServerEvent]) -> None:
        self.log.add_events(events)

    def _set_running(self, running: bool) -> None:
        # A running server keeps the port and mode it started with: they are editable only when stopped.
        for widget in self._settings:
            widget.setEnabled(not running)
        self.start.setEnabled(not running)
        self.stop.setEnabled(running)


class ClockBox(ServiceBox):
    """Exercise 2: the clock answers and closes at once, so its clients are counted, not listed."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Clock server"))
        self._served = 0
        self.served = QLabel()
        self.form.addRow(self.tr("Clients:"), self.served)
        self._show_served()

    def update_activity(self, clients: list[ConnectionStats], events: list[ServerEvent]) -> None:
        super().update_activity(clients, events)
        # The clock records exactly one event per client, whether the time went out or not.
        self._served += len(events)
        self._show_served()

    def _show_served(self) -> None:
        self.served.setText(self.tr("%Ln served", "", self._served))


class EchoBox(ServiceBox):
    """Exercises 3 and 4: the echo server, mono-task or multi-task, and the clients it serves now."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Echo server"))
        self.mono = QRadioButton(self.tr("Mono-task"))
        self.mono.setToolTip(self.tr("One client at a time: the next ones wait in the system's queue until it leaves"))
        self.multi = QRadioButton(self.tr("Multi-task"))
        self.multi.setToolTip(self.tr("echo_multi: one thread per client, so every client is answered at once"))
        self.mono.setChecked(True)
        modes = QButtonGroup(self)
        modes.addButton(self.mono)
        modes.addButton(self.multi)
        mode_row = QHBoxLayout()
        mode_row.addWidget(self.mono)
        mode_row.addWidget(self.multi)
        mode_row.addStretch()
        self.clients_count = QLabel()
        self.clients = ConnectionsPanel()
        self.clients.hideColumn(READINGS_COLUMN)
        self.clients.hideColumn(LAST_MESSAGE_COLUMN)
        self.clients.setToolTip(self.tr("The clients being served now, and the thread that speaks to each"))
        # Room for a few clients, which is what the exercise runs; the log below takes the rest.
        self.clients.setMaximumHeight(
            self.clients.horizontalHeader().sizeHint().height()
            + CLIENT_ROWS_SHOWN * self.clients.verticalHeader().defaultSectionSize()
            + 2 * self.clients.frameWidth()
        )
        self.form.insertRow(1, self.tr("Mode:"), mode_row)
        self.form.addRow(self.tr("Clients:"), self.clients_count)
        self.form.addRow(self.clients)
        self._settings += [self.mono, self.multi]
        self._show_clients([])

    def multi_task(self) -> bool:
        return self.multi.isChecked()

    def set_multi_task(self, multi: bool) -> None:
        (self.multi if multi else self.mono).setChecked(True)

    def update_activity(self, clients: list[ConnectionStats], events: list[ServerEvent]) -> None:
        super().update_activity(clients, events)
        self._show_clients(clients)

    def _show_clients(self, clients: list[ConnectionStats]) -> None:
        self.clients_count.setText(self.tr("%Ln connected", "", len(clients)))
        self.clients.connections.set_connections(clients)


class ServicesPanel(QWidget):
    compare_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.clock = ClockBox()
        self.echo = EchoBox()
        # The user gives the room to whichever log they are watching.
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.clock)
        splitter.addWidget(self.echo)
        splitter.setStretchFactor(1, 2)
        self.compare = QPushButton(self.tr("Compare servers…"))
        self.compare.setToolTip(
            self.tr("Mono-task against multi-task echo, one commit per reading against one per batch, side by side")
        )
        self.compare.clicked.connect(self.compare_requested)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)
        layout.addWidget(self.compare)

    def sizeHint(self) -> QSize:
        """As tall as the event log it shares a dock with, not the sum of its two logs."""
        return QSize(360, 320)
