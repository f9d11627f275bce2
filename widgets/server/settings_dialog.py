"""Server settings: address, storage and its retention, token and limits, and the MQTT broker; applied when the
server restarts.

A storage file whose content is of the other kind (a database chosen as text file) is refused here,
with the sentence under the fields, so the user corrects it without losing what they typed. A
PostgreSQL URL is shown with its password masked; the mask left as it is keeps the password.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models.broker_url import BrokerUrlError
from models.mqtt_mapping import MappingError
from models.server_config import ServerConfig
from models.storage import StorageError, check_kind, is_database_url, masked
from models.storage.url import restore_password
from widgets.core_text import translated
from widgets.server.mqtt_settings import MqttSettings
from widgets.server.open_database_dialog import URL_ROOM, not_a_url

SQLITE, TEXT_FILE, POSTGRES = "sqlite", "text file", "postgresql"
"""The storage kinds the dialog offers, as its combo box's data."""


class SettingsDialog(QDialog):
    def __init__(self, config: ServerConfig, default_database: Path, default_text_file: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Server settings"))
        self._config = config
        self._defaults = {False: default_database, True: default_text_file}

        self.host = QLineEdit(config.host)
        self.host.setToolTip(self.tr("127.0.0.1 accepts this machine only; 0.0.0.0 accepts the whole network"))
        self.port = QSpinBox(minimum=0, maximum=65535, value=config.port)
        self.port.setToolTip(self.tr("TCP port the sensors connect to (0 picks a free one)"))
        on_server = is_database_url(config.storage_path)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("SQLite database"), SQLITE)
        self.kind.addItem(self.tr("Text file (donnees.txt)"), TEXT_FILE)
        self.kind.addItem(self.tr("PostgreSQL server"), POSTGRES)
        self.kind.setCurrentIndex(2 if on_server else 1 if config.text_file else 0)
        self.path = QLineEdit(str(config.storage_path) if config.storage_path and not on_server else "")
        self.path.setToolTip(self.tr("Leave empty for the default file in your data folder"))
        self.url = QLineEdit(masked(config.storage_path) if on_server else "")
        self.url.setPlaceholderText("postgresql://user@host/dbname")
        self.url.setMinimumWidth(self.url.fontMetrics().horizontalAdvance(URL_ROOM))
        self.url.setToolTip(
            self.tr(
                "A PostgreSQL URL, or postgresql:///?service=NAME. Keep the password in PGPASSWORD or ~/.pgpass;"
                " one typed here is kept in the system keyring."
            )
        )
        self.problem = QLabel(wordWrap=True)
        self.problem.setStyleSheet("color: #c0392b")
        self.problem.hide()
        self.keep_days = QSpinBox(minimum=0, maximum=36_500, value=config.keep_days)
        self.keep_days.setSuffix(self.tr(" days"))
        self.keep_days.setSpecialValueText(self.tr("Keep everything"))
        self.keep_days.setToolTip(
            self.tr("Readings older than this are deleted from the database, a little at a time; a text file keeps everything")
        )
        self.kind.currentIndexChanged.connect(self._show_default_file)
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        self.file_row = QWidget()
        path_row = QHBoxLayout(self.file_row)
        path_row.setContentsMargins(0, 0, 0, 0)
        path_row.addWidget(self.path)
        path_row.addWidget(browse)
        self.token = QLineEdit(config.token)
        self.token.setEchoMode(QLineEdit.EchoMode.PasswordEchoOnEdit)
        self.token.setPlaceholderText(self.tr("none: any sensor may send"))
        self.token.setToolTip(self.tr('When set, every connection must first send {"auth": "TOKEN"}'))
        self.max_connections = QSpinBox(minimum=1, maximum=100_000, value=config.max_connections)
        self.idle_timeout = QDoubleSpinBox(minimum=1, maximum=86_400, value=config.idle_timeout, suffix=" s", decimals=0)
        self.idle_timeout.setToolTip(self.tr("A connection that sends nothing for this long is closed"))
        self.message_timeout = QDoubleSpinBox(minimum=1, maximum=86_400, value=config.message_timeout, suffix=" s", decimals=0)
        self.message_timeout.setToolTip(
            self.tr("A connection whose message is not complete this long after its first byte is closed")
        )

        self.tcp = QCheckBox(self.tr("Receive readings on this port"), checked=config.tcp)
        self.tcp.setToolTip(self.tr("Off: readings come from the MQTT broker only"))
        port_row = QHBoxLayout()
        port_row.addWidget(self.port)
        port_row.addWidget(self.tcp, 1)

        form = QFormLayout()
        form.addRow(self.tr("Listen on address:"), self.host)
        form.addRow(self.tr("Port:"), port_row)
        form.addRow(self.tr("Storage:"), self.kind)
        form.addRow(self.tr("File:"), self.file_row)
        form.addRow(self.tr("Database URL:"), self.url)
        form.addRow(self.tr("Keep readings:"), self.keep_days)
        self._form = form
        self._show_default_file()
        form.addRow(self.tr("Token:"), self.token)
        form.addRow(self.tr("Connections at once:"), self.max_connections)
        form.addRow(self.tr("Idle timeout:"), self.idle_timeout)
        form.addRow(self.tr("Message timeout:"), self.message_timeout)
        general = QWidget()
        general.setLayout(form)
        self.mqtt = MqttSettings(config)
        self.tabs = QTabWidget()
        self.tabs.addTab(general, self.tr("General"))
        self.tabs.addTab(self.mqtt, self.tr("MQTT"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Save and restart the server"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def config(self) -> ServerConfig:
        return replace(
            self._config,
            host=self.host.text().strip() or "127.0.0.1",
            port=self.port.value(),
            storage_path=self._location(),
            text_file=self.kind.currentData() == TEXT_FILE,
            keep_days=0 if self.kind.currentData() == TEXT_FILE else self.keep_days.value(),
            token=self.token.text(),
            max_connections=self.max_connections.value(),
            idle_timeout=self.idle_timeout.value(),
            message_timeout=self.message_timeout.value(),
            tcp=self.tcp.isChecked(),
            **self.mqtt.values(),
        ).with_broker_password_apart()

    def _location(self) -> Path | str | None:
        if self.kind.currentData() == POSTGRES:
            return restore_password(self.url.text().strip(), str(self._config.storage_path or ""))
        path = self.path.text().strip()
        return Path(path) if path else None

    def storage_file(self) -> Path:
        """The file readings will go to: the one typed, or the default of the kind chosen."""
        path = self.path.text().strip()
        return Path(path) if path else self._defaults[self.kind.currentData() == TEXT_FILE]

    def accept(self) -> None:
        if self.kind.currentData() != POSTGRES and is_database_url(pasted := self.path.text().strip()):
            # A URL pasted where a file goes: the database server was meant, and a file by that name
            # would put the URL, password and all, into the sentences that name the file.
            self.kind.setCurrentIndex(self.kind.findData(POSTGRES))
            self.url.setText(pasted)
            self.path.clear()
        if self.kind.currentData() == POSTGRES:
            if not is_database_url(self._location()):
                self._refuse(not_a_url(), page=0)
                return
        else:
            try:
                check_kind(self.storage_file(), self.kind.currentData() == TEXT_FILE)
            except StorageError as error:
                self._refuse(translated(str(error)), page=0)
                return
        try:
            self.mqtt.check()
        except (BrokerUrlError, MappingError) as error:
            self._refuse(translated(str(error)), page=1)
            return
        if not self.tcp.isChecked() and not self.mqtt.url.text().strip():
            self._refuse(self.tr("With the readings port off, give a broker URL: readings would come from nowhere."), page=1)
            return
        super().accept()

    def _refuse(self, sentence: str, page: int) -> None:
        """The sentence under the pages, and the page to correct in front."""
        self.tabs.setCurrentIndex(page)
        self.problem.setText(sentence)
        self.problem.show()

    def _show_default_file(self) -> None:
        kind = self.kind.currentData()
        self._form.setRowVisible(self.file_row, kind != POSTGRES)
        self._form.setRowVisible(self.url, kind == POSTGRES)
        if kind != POSTGRES:
            self.path.setPlaceholderText(str(self._defaults[kind == TEXT_FILE]))
        self.keep_days.setEnabled(kind != TEXT_FILE)
        self.problem.hide()

    def _browse(self) -> None:
        text_file = self.kind.currentData() == TEXT_FILE
        start = self.path.text() or str(self._defaults[text_file].parent)
        pattern = (
            self.tr("Text files (*.txt);;All files (*)")
            if text_file
            else self.tr("SQLite databases (*.db *.sqlite);;All files (*)")
        )
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Store readings in"), start, pattern, options=QFileDialog.Option.DontConfirmOverwrite
        )
        if path:
            self.path.setText(path)
