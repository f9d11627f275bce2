"""Manual reading, the exercise's "saisit une température": a sensor id, a temperature and its unit, Send.

Each reading sent gets a line in the list below, and the server's answer (acknowledged, or its error
in words) appears on that line and beside the Send button as soon as it comes.
"""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.reading import UNITS
from widgets.core_text import translated
from widgets.locale_format import Numbers, parse_decimal

MAX_LINES = 200
OK_COLOUR, ERROR_COLOUR = QColor("#2e7d32"), QColor("#b3261e")


class ManualPanel(QWidget):
    send_requested = Signal(int, str, float, str)
    """A number naming this send (for `show_answer`), the capteur_id, the temperature, its unit."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._sent = 0
        self._lines: dict[int, tuple[QListWidgetItem, str]] = {}
        self.sensor = QComboBox(editable=True)
        self.sensor.setToolTip(self.tr("Pick a sensor of the table or type a new capteur_id"))
        self.sensor.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.sensor.setEditText("capteur_1")
        self.sensor.setMinimumContentsLength(14)
        self.temperature = QLineEdit()
        self.temperature.setPlaceholderText(Numbers.current().fixed(23.5, 1))
        self.temperature.setToolTip(self.tr("A number; the server refuses what is below absolute zero"))
        self.temperature.returnPressed.connect(self._send)
        self.unit = QComboBox()
        for unit, label in zip(UNITS, ("°C", "°F", "K"), strict=True):
            self.unit.addItem(label, unit)
        self.unit.setToolTip(self.tr("The server stores every reading in °C"))
        self.send_button = QPushButton(self.tr("Send"))
        self.send_button.setToolTip(self.tr("Send this reading now and show the server's answer (Enter)"))
        self.send_button.clicked.connect(self._send)
        self.answer = QLabel()
        self.answer.setWordWrap(True)
        self.answer.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.history = QListWidget()
        self.history.setToolTip(self.tr("Readings sent by hand and the server's answers, newest first"))
        self.history.setWordWrap(True)

        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("Sensor:")), 0, 0)
        grid.addWidget(self.sensor, 0, 1, 1, 3)
        grid.addWidget(QLabel(self.tr("Temperature:")), 1, 0)
        grid.addWidget(self.temperature, 1, 1)
        grid.addWidget(self.unit, 1, 2)
        grid.addWidget(self.send_button, 1, 3)
        grid.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.answer)
        layout.addWidget(self.history, 1)

    def set_sensor_ids(self, ids: list[str]) -> None:
        typed = self.sensor.currentText()
        self.sensor.clear()
        self.sensor.addItems(ids)
        self.sensor.setEditText(typed)

    def show_answer(self, number: int, accepted: bool, sentence: str) -> None:
        item, text = self._lines.pop(number, (None, ""))
        sentence = translated(sentence)
        self._say(sentence, accepted)
        if item is not None and self.history.row(item) >= 0:
            item.setText(f"{text}  →  {sentence}")
            item.setForeground(OK_COLOUR if accepted else ERROR_COLOUR)

    def settings(self) -> dict[str, object]:
        return {"sensor": self.sensor.currentText(), "unit": self.unit.currentData()}

    def apply_settings(self, values: dict) -> None:
        self.sensor.setEditText(values["sensor"])
        self.unit.setCurrentIndex(max(0, self.unit.findData(values["unit"])))

    def _send(self) -> None:
        capteur_id = self.sensor.currentText().strip()
        text = self.temperature.text().strip()
        try:
            value, ok = parse_decimal(text), True
        except ValueError:
            ok = False
        if not capteur_id:
            self._say(self.tr("Type a sensor id, such as capteur_1."), False)
            return
        if not ok:
            self._say(self.tr("Type the temperature as a number, such as 23.5."), False)
            return
        self._sent += 1
        line = f"{time.strftime('%H:%M:%S')}  {capteur_id}  {text} {self.unit.currentText()}"
        item = QListWidgetItem(self.tr("{0}  →  sending…").format(line))
        self.history.insertItem(0, item)
        while self.history.count() > MAX_LINES:
            self.history.takeItem(self.history.count() - 1)
        self._lines[self._sent] = (item, line)
        self.answer.setText(self.tr("Sending…"))
        self.answer.setStyleSheet("")
        self.send_requested.emit(self._sent, capteur_id, value, self.unit.currentData())

    def _say(self, sentence: str, good: bool) -> None:
        self.answer.setText(sentence)
        self.answer.setStyleSheet(f"color: {(OK_COLOUR if good else ERROR_COLOUR).name()};")
