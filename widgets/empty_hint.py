"""The card over an empty view that says what to do first: over the empty chart, over the empty sensors table."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from widgets.theme import restyle_card

COMMAND_PADDING = 12
"""Pixels beside the command for the line edit's frame and cursor."""


class EmptyHint(QFrame):
    """A title, a sentence, then a command ready to copy or the caller's buttons. It keeps inside
    `area` (all of `over` unless given: the chart gives its plotting area, clear of the axes)."""

    def __init__(self, over: QWidget, title: str, text: str, area: Callable[[], QRect] | None = None):
        super().__init__(over)
        self.setObjectName("emptyHint")
        self._area = area or over.rect
        title_label = self.title = QLabel(title)
        text_label = QLabel(text)
        # A narrow view, or a longer language, wraps the words rather than cutting them off.
        title_label.setWordWrap(True)
        text_label.setWordWrap(True)
        self.row = QHBoxLayout()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(title_label)
        layout.addWidget(text_label)
        layout.addLayout(self.row)
        self.command: QLineEdit | None = None
        restyle_card(self, title_label)
        over.installEventFilter(self)

    def add_button(self, label: str, tip: str) -> QPushButton:
        button = QPushButton(label)
        button.setToolTip(tip)
        self.row.addWidget(button)
        return button

    def set_command(self, command: str) -> None:
        if self.command is None:
            self.command = QLineEdit()
            self.command.setReadOnly(True)
            self.row.addWidget(self.command)
            self.add_button(self.tr("Copy"), self.tr("Copy the command to the clipboard")).clicked.connect(
                lambda: QGuiApplication.clipboard().setText(self.command.text())
            )
        self.command.setText(command)
        # The whole command, as it is meant to be copied; a view too narrow for it shows its start,
        # where `python main.py send` says what it is.
        margins = self.command.textMargins()
        self.command.setMinimumWidth(
            self.command.fontMetrics().horizontalAdvance(command) + margins.left() + margins.right() + COMMAND_PADDING
        )
        self.command.setCursorPosition(0)
        self.place()

    def restyle(self) -> None:
        restyle_card(self, self.title)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self.restyle()
        super().changeEvent(event)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.place()
        return False

    def place(self) -> None:
        """Centred in the upper part of the area, a few pixels clear of its edges."""
        area = self._area()
        width = min(self.minimumSizeHint().width(), area.width() - 8)
        self.resize(width, self.heightForWidth(width))
        self.move(area.x() + (area.width() - self.width()) // 2, area.y() + max((area.height() - self.height()) // 3, 4))
