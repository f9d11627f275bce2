"""Where the simulated sensors send: the readings server's address, port and token."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QSpinBox, QWidget

from models.server_config import DEFAULT_PORT


class TargetDialog(QDialog):
    def __init__(self, host: str, port: int, token: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Target server"))
        self.host = QLineEdit(host)
        self.host.setToolTip(self.tr("The readings server's address: 127.0.0.1 for this computer"))
        self.port = QSpinBox(minimum=1, maximum=65535, value=port)
        self.port.setToolTip(self.tr("The readings server's port ({0} unless it was changed)").format(DEFAULT_PORT))
        self.token = QLineEdit(token)
        self.token.setEchoMode(QLineEdit.EchoMode.PasswordEchoOnEdit)
        self.token.setPlaceholderText(self.tr("none: the server requires no token"))
        self.token.setToolTip(self.tr("The token the server was started with, when it requires one"))
        form = QFormLayout(self)
        form.addRow(self.tr("Address:"), self.host)
        form.addRow(self.tr("Port:"), self.port)
        form.addRow(self.tr("Token:"), self.token)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Send there"))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setToolTip(self.tr("Running sensors reconnect to it at once"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def target(self) -> tuple[str, int, str]:
        return self.host.text().strip() or "127.0.0.1", self.port.value(), self.token.text()
