"""The exercise's clock client: ask a clock server the time, once or every few seconds, and show the round trip."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from widgets.core_text import translated
from widgets.locale_format import Numbers
from widgets.theme import big_figure

CLOCK_PORT = 51793
"""The exercise's port (network.services.clock.CLOCK_PORT)."""
FRESH, STALE = QPalette.ColorRole.WindowText, QPalette.ColorRole.PlaceholderText
"""The time's colour once answered, and greyed when not refreshed: roles of the palette, light or dark."""


class ClockPanel(QWidget):
    time_requested = Signal(str, int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.host = QLineEdit("127.0.0.1")
        self.host.setToolTip(self.tr("The clock server's address"))
        self.port = QSpinBox(minimum=1, maximum=65535, value=CLOCK_PORT)
        self.port.setToolTip(self.tr("The clock server's port (51793 in the exercise)"))
        self.ask_button = QPushButton(self.tr("Get time"))
        self.ask_button.setToolTip(self.tr("Ask the clock server the time now"))
        self.ask_button.clicked.connect(self.ask)
        self.auto = QCheckBox(self.tr("Ask every"))
        self.auto.setToolTip(self.tr("Ask again and again, to watch the time and the round trip"))
        self.every = QSpinBox(minimum=1, maximum=3600, value=5)
        self.every.setSuffix(self.tr(" s"))
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.ask)
        self.auto.toggled.connect(self._auto_toggled)
        self.every.valueChanged.connect(lambda seconds: self.timer.setInterval(seconds * 1000))

        self.time = QLabel("--:--:--")
        big_figure(self.time, monospace=True)
        self.time.setForegroundRole(STALE)
        self.round_trip = QLabel()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        form = QFormLayout()
        address = QHBoxLayout()
        address.addWidget(self.host, 1)
        address.addWidget(self.port)
        form.addRow(self.tr("Server:"), address)
        buttons = QHBoxLayout()
        buttons.addWidget(self.ask_button)
        buttons.addStretch()
        buttons.addWidget(self.auto)
        buttons.addWidget(self.every)
        answer = QHBoxLayout()
        answer.addWidget(self.time)
        answer.addWidget(self.round_trip, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addLayout(answer)
        layout.addWidget(self.message)
        layout.addStretch()

    def ask(self) -> None:
        self.time_requested.emit(self.host.text().strip() or "127.0.0.1", self.port.value())

    def show_time(self, time: str, round_trip: float) -> None:
        """`round_trip` in seconds."""
        self.time.setText(time)
        self.time.setForegroundRole(FRESH)
        self.round_trip.setText(self.tr("round trip {0} ms").format(Numbers.current().fixed(round_trip * 1000, 2)))
        self.message.clear()

    def show_problem(self, sentence: str) -> None:
        self.time.setForegroundRole(STALE)
        self.round_trip.clear()
        self.message.setText(translated(sentence))
        self.message.setStyleSheet("color: #b3261e;")

    def settings(self) -> dict[str, object]:
        return {"host": self.host.text(), "port": self.port.value(), "auto": self.auto.isChecked(), "every": self.every.value()}

    def apply_settings(self, values: dict) -> None:
        self.host.setText(values["host"])
        self.port.setValue(values["port"])
        self.every.setValue(values["every"])
        self.auto.setChecked(values["auto"])

    def _auto_toggled(self, on: bool) -> None:
        if on:
            self.timer.start(self.every.value() * 1000)
            self.ask()
        else:
            self.timer.stop()
