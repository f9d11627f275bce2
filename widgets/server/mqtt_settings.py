"""The MQTT page of the server's settings: the broker, its credentials, and where readings are.

The password is shown masked and saved in the secret store, as the token is; one typed into the URL
is moved there too (`ServerConfig.with_broker_password_apart`). The mappings are lines a user reads
and edits as text (models/mqtt_mapping.py); the ready-made ones are a click away.
"""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QPlainTextEdit, QWidget

from models.broker_url import read_url
from models.mqtt_mapping import DEFAULT_MAPPINGS, PRESETS, check_group, parse_mappings
from models.server_config import ServerConfig


class MqttSettings(QWidget):
    def __init__(self, config: ServerConfig, parent: QWidget | None = None):
        super().__init__(parent)
        self.url = QLineEdit(config.mqtt_url)
        self.url.setPlaceholderText(self.tr("none: no broker (mqtt://127.0.0.1:1883)"))
        self.url.setToolTip(self.tr("mqtt://[USER@]HOST[:PORT], or mqtts:// for TLS; empty to subscribe to no broker"))
        self.password = QLineEdit(config.mqtt_password)
        self.password.setEchoMode(QLineEdit.EchoMode.PasswordEchoOnEdit)
        self.password.setPlaceholderText(self.tr("none"))
        self.password.setToolTip(
            self.tr("Kept in the system's keyring (or a file only you can read), never in the settings file")
        )
        self.ca_file = QLineEdit(config.mqtt_ca_file)
        self.ca_file.setPlaceholderText(self.tr("the system's certificates"))
        self.ca_file.setToolTip(self.tr("For mqtts://: the CA certificate that signed the broker's"))
        self.client_id = QLineEdit(config.mqtt_client_id)
        self.client_id.setPlaceholderText(self.tr("automatic, the same at every start"))
        self.client_id.setToolTip(self.tr("The name of this collector's session on the broker: each collector needs its own"))
        self.group = QLineEdit(config.mqtt_group)
        self.group.setPlaceholderText(self.tr("none: this collector takes every message"))
        self.group.setToolTip(self.tr("Collectors of one group share the messages: the broker gives each to one of them"))
        self.mappings = QPlainTextEdit("\n".join(config.mqtt_mappings or map(str, DEFAULT_MAPPINGS)))
        self.mappings.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.mappings.setToolTip(
            self.tr(
                "One per line: FILTER SENSOR VALUE [UNIT]\n"
                "SENSOR: topic:N (the topic's level N) or json:FIELD\n"
                "VALUE: thermolab, number (the whole payload) or json:PATH\n"
                "UNIT: C, F, K or json:FIELD"
            )
        )
        # Wide enough for a ready-made line on one row: Tasmota's is the longest.
        lines = self.mappings.fontMetrics()
        self.mappings.setMinimumSize(lines.horizontalAdvance(str(PRESETS["tasmota"]) + "    "), lines.lineSpacing() * 6)
        self.presets = QComboBox()
        self.presets.addItem(self.tr("Add a ready-made mapping…"))
        for name in PRESETS:
            self.presets.addItem(name, name)
        self.presets.activated.connect(self._add_preset)

        form = QFormLayout(self)
        form.addRow(self.tr("Broker URL:"), self.url)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow(self.tr("CA file:"), self.ca_file)
        form.addRow(self.tr("Client id:"), self.client_id)
        form.addRow(self.tr("Group:"), self.group)
        form.addRow(self.tr("Topics:"), self.mappings)
        form.addRow("", self.presets)

    def values(self) -> dict:
        """The ServerConfig fields this page sets."""
        return {
            "mqtt_url": self.url.text().strip(),
            "mqtt_password": self.password.text(),
            "mqtt_ca_file": self.ca_file.text().strip(),
            "mqtt_client_id": self.client_id.text().strip(),
            "mqtt_group": self.group.text().strip(),
            "mqtt_mappings": tuple(line.strip() for line in self.mappings.toPlainText().splitlines() if line.strip()),
        }

    def check(self) -> None:
        """Raises BrokerUrlError for a wrong URL, MappingError naming the first wrong mapping line,
        or a wrong group."""
        if self.url.text().strip():
            read_url(self.url.text())
        parse_mappings(self.values()["mqtt_mappings"])
        check_group(self.group.text().strip())

    def _add_preset(self, index: int) -> None:
        name = self.presets.itemData(index)
        if name is not None:
            self.mappings.appendPlainText(str(PRESETS[name]))
        self.presets.setCurrentIndex(0)
