"""The exercise's echo client in a panel: connect, type lines, read the echoes; quit leaves.

A mono-task echo server busy with another client accepts the connection but answers nobody else:
the panel says so when an echo is late and stays usable (type on, or disconnect).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QSpinBox, QVBoxLayout, QWidget

from widgets.core_text import translated

ECHO_PORT = 49631
"""The exercise's port (network.services.echo.ECHO_PORT)."""
MAX_LINES = 1000


class EchoPanel(QWidget):
    connect_requested = Signal(str, int)
    disconnect_requested = Signal()
    line_typed = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._open = False
        """Connecting or connected: the button leaves."""
        self._connected = False
        self.host = QLineEdit("127.0.0.1")
        self.host.setToolTip(self.tr("The echo server's address"))
        self.port = QSpinBox(minimum=1, maximum=65535, value=ECHO_PORT)
        self.port.setToolTip(self.tr("The echo server's port (49631 in the exercise)"))
        self.connect_button = QPushButton(self.tr("Connect"))
        self.connect_button.setToolTip(self.tr("Connect to the echo server, or leave it"))
        self.connect_button.clicked.connect(self._connect_clicked)
        self.line = QLineEdit()
        self.line.setPlaceholderText(self.tr("type a line and press Enter; quit leaves"))
        self.line.setEnabled(False)
        self.line.returnPressed.connect(self._send)
        self.transcript = QPlainTextEdit(readOnly=True)
        self.transcript.setMaximumBlockCount(MAX_LINES)
        self.transcript.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.transcript.setToolTip(self.tr("→ what you sent, ← what the server answered"))
        self.status = QLabel(self.tr("Not connected"))
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        address = QHBoxLayout()
        address.addWidget(QLabel(self.tr("Server:")))
        address.addWidget(self.host, 1)
        address.addWidget(self.port)
        address.addWidget(self.connect_button)
        layout = QVBoxLayout(self)
        layout.addLayout(address)
        layout.addWidget(self.transcript, 1)
        layout.addWidget(self.line)
        layout.addWidget(self.status)

    @property
    def connected(self) -> bool:
        return self._connected

    def show_connecting(self, where: str) -> None:
        self._open = True
        self.connect_button.setText(self.tr("Disconnect"))
        self._say(self.tr("Connecting to {0}…").format(where))

    def show_connected(self, where: str) -> None:
        self._connected = True
        self.line.setEnabled(True)
        self.line.setFocus()
        self._say(self.tr("Connected to {0}: type a line, or quit to leave.").format(where))

    def show_echo(self, text: str) -> None:
        self._append("←", text)
        self._say(self.tr("Connected: type a line, or quit to leave."))

    def show_waiting(self) -> None:
        self._say(
            self.tr(
                "No echo yet: a mono-task echo server answers one client at a time and is busy with another. "
                "Your lines will be answered when it is free; type on, or disconnect."
            ),
            problem=True,
        )

    def show_closed(self, why: str) -> None:
        self._open = self._connected = False
        self.line.setEnabled(False)
        self.connect_button.setText(self.tr("Connect"))
        self._say(translated(why) or self.tr("Disconnected."), problem=bool(why))
        self.transcript.appendPlainText(self.tr("— disconnected —"))

    def settings(self) -> dict[str, object]:
        return {"host": self.host.text(), "port": self.port.value()}

    def apply_settings(self, values: dict) -> None:
        self.host.setText(values["host"])
        self.port.setValue(values["port"])

    def _connect_clicked(self) -> None:
        if self._open:
            self.disconnect_requested.emit()
        else:
            self.connect_requested.emit(self.host.text().strip() or "127.0.0.1", self.port.value())

    def _send(self) -> None:
        text = self.line.text()
        self.line.clear()
        if text.strip() == "quit":
            self.disconnect_requested.emit()
        elif text:
            self._append("→", text)
            self.line_typed.emit(text)

    def _append(self, arrow: str, text: str) -> None:
        self.transcript.appendPlainText(f"{arrow} {text}")

    def _say(self, sentence: str, problem: bool = False) -> None:
        self.status.setText(sentence)
        self.status.setStyleSheet("color: #b3261e;" if problem else "")
