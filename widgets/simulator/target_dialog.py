"""Where the simulated sensors send: a readings server (address, port, token) or an MQTT broker.

Both stay filled in, whichever is chosen, so switching back and forth loses nothing; the broker's URL
is checked by the simulator (app/simulator/simulator_app.py), which knows what a broker URL is.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from models.sensor_target import SensorTarget
from models.server_config import DEFAULT_PORT


class TargetDialog(QDialog):
    def __init__(self, target: SensorTarget, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Target server"))
        self.to_server = QRadioButton(self.tr("A Thermolab readings server (TCP)"))
        self.to_server.setToolTip(self.tr("Each sensor keeps one connection to the server and sends JSON lines"))
        self.to_broker = QRadioButton(self.tr("An MQTT broker"))
        self.to_broker.setToolTip(
            self.tr("Each reading is published to thermolab/<capteur_id> with QoS 1; the server subscribes to the broker")
        )
        choice = QButtonGroup(self)
        choice.addButton(self.to_server)
        choice.addButton(self.to_broker)
        (self.to_broker if target.mqtt else self.to_server).setChecked(True)

        self.host = QLineEdit(target.host)
        self.host.setToolTip(self.tr("The readings server's address: 127.0.0.1 for this computer"))
        self.port = QSpinBox(minimum=1, maximum=65535, value=target.port)
        self.port.setToolTip(self.tr("The readings server's port ({0} unless it was changed)").format(DEFAULT_PORT))
        self.token = _secret(
            target.token,
            self.tr("none: the server requires no token"),
            self.tr("The token the server was started with, when it requires one"),
        )
        # Untitled: the radio button above each box names it.
        self.server_box = _box((self.tr("Address:"), self.host), (self.tr("Port:"), self.port), (self.tr("Token:"), self.token))

        self.broker_url = QLineEdit(target.broker_url)
        self.broker_url.setToolTip(
            self.tr("mqtt://HOST:PORT, or mqtts://HOST:PORT for TLS; write USER@ before the host if the broker asks for a user")
        )
        # Room for a whole URL, such as mqtts://broker.example.org:8883.
        self.broker_url.setMinimumWidth(self.broker_url.fontMetrics().horizontalAdvance("m" * 28))
        self.broker_password = _secret(
            target.broker_password,
            self.tr("none, or from THERMOLAB_MQTT_PASSWORD"),
            self.tr("The password of the user named in the URL; kept with the other secrets"),
        )
        self.broker_box = _box((self.tr("Broker URL:"), self.broker_url), (self.tr("Password:"), self.broker_password))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Send there"))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setToolTip(self.tr("Running sensors reconnect to it at once"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.to_server, self.server_box, self.to_broker, self.broker_box, buttons):
            layout.addWidget(widget)
        self.to_broker.toggled.connect(self._show_choice)
        self._show_choice()

    def target(self) -> SensorTarget:
        return SensorTarget(
            host=self.host.text().strip() or "127.0.0.1",
            port=self.port.value(),
            token=self.token.text(),
            mqtt=self.to_broker.isChecked(),
            broker_url=self.broker_url.text().strip(),
            broker_password=self.broker_password.text(),
        )

    def _show_choice(self) -> None:
        self.server_box.setEnabled(self.to_server.isChecked())
        self.broker_box.setEnabled(self.to_broker.isChecked())


def _secret(text: str, placeholder: str, tip: str) -> QLineEdit:
    """A field whose text shows only while it is typed."""
    field = QLineEdit(text)
    field.setEchoMode(QLineEdit.EchoMode.PasswordEchoOnEdit)
    field.setPlaceholderText(placeholder)
    field.setToolTip(tip)
    return field


def _box(*rows: tuple[str, QWidget]) -> QGroupBox:
    box = QGroupBox()
    form = QFormLayout(box)
    for label, field in rows:
        form.addRow(label, field)
    return box
