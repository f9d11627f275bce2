"""What the sensors table says when it cannot speak for itself: nothing to show yet, or nothing running."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from widgets.theme import restyle_card


class EmptyHint(QFrame):
    """Over the empty table: add a sensor, or the three demo sensors."""

    add_clicked = Signal()
    demo_clicked = Signal()

    def __init__(self, over: QWidget):
        super().__init__(over)
        self.setObjectName("emptySensors")
        title = self.title = QLabel(self.tr("No sensors yet"))
        text = QLabel(self.tr("Each sensor is a thread that measures and sends JSON readings over TCP."))
        add = QPushButton(self.tr("Add sensors…"))
        add.setToolTip(self.tr("Choose how many, what they measure and how fast (Ctrl+N)"))
        add.clicked.connect(self.add_clicked)
        demo = QPushButton(self.tr("Add the three demo sensors"))
        demo.setToolTip(self.tr("capteur_1 to capteur_3: a random walk, a one-minute cycle, a ramp"))
        demo.clicked.connect(self.demo_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(demo)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(title)
        layout.addWidget(text)
        layout.addLayout(buttons)
        restyle_card(self, title)
        over.installEventFilter(self)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            restyle_card(self, self.title)
        super().changeEvent(event)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.place()
        return False

    def place(self) -> None:
        self.adjustSize()
        parent = self.parentWidget().rect()
        self.move((parent.width() - self.width()) // 2, (parent.height() - self.height()) // 3)


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
