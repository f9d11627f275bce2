"""What the server window asks when another program holds its port: the way out, not only the fault."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from widgets.core_text import translated


class PortTakenBox(QMessageBox):
    """Window-modal, opened with `open()`: the server window keeps painting while it waits."""

    free_port_chosen = Signal()
    settings_chosen = Signal()

    def __init__(self, sentence: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Thermolab server"))
        self.setText(self.tr("The server is not listening: {0}.").format(translated(sentence)))
        self.setInformativeText(self.tr("Listen on a free port instead, or choose the port in Settings."))
        self.free_port = self.addButton(self.tr("Use a free port"), QMessageBox.ButtonRole.AcceptRole)
        self.settings = self.addButton(self.tr("Open Settings…"), QMessageBox.ButtonRole.ActionRole)
        self.addButton(QMessageBox.StandardButton.Close)
        self.setDefaultButton(self.free_port)
        self.free_port.clicked.connect(self.free_port_chosen)
        self.settings.clicked.connect(self.settings_chosen)
