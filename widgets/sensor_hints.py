"""What the sensors table says when nothing runs (the empty table's card is `widgets.empty_hint`)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from widgets.theme import restyle_card


class ReadyBanner(QFrame):
    """Above the table while sensors exist and none runs: one button starts them all."""

    start_clicked = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("readyBanner")
        restyle_card(self, ready=True)
        self.text = QLabel()
        self.text.setWordWrap(True)  # a narrow window, or a longer language, keeps the whole sentence
        self.button = QPushButton(self.tr("Start all"))
        self.button.setToolTip(self.tr("Start every sensor of the table (Ctrl+Shift+R)"))
        self.button.clicked.connect(self.start_clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.button)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            restyle_card(self, ready=True)
        super().changeEvent(event)

    def show_ready(self, sensors: int, target: str) -> None:
        self.text.setText(self.tr("%n sensor(s) ready: start them to send readings to {0}.", "", sensors).format(target))
        self.show()
