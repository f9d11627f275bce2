"""File > Open database: a SQLite file from the file picker, or a PostgreSQL server by its URL.

The URL field remembers the last URL opened, without its password: a password one reuses belongs in
~/.pgpass or PGPASSWORD, where libpq finds it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QLabel, QLineEdit, QPushButton, QWidget

from models.storage import is_database_url

URL_ROOM = "postgresql://collector@db.lab.example/thermolab"
"""A URL of the usual length, which the URL fields show whole."""


def not_a_url() -> str:
    """What both URL fields say of a text that is no PostgreSQL URL."""
    return QCoreApplication.translate(
        "OpenDatabaseDialog", "A PostgreSQL URL starts with postgresql://, as in postgresql://user@host/dbname."
    )


class OpenDatabaseDialog(QDialog):
    chosen = Signal(object)
    """A Path, or a PostgreSQL URL (str)."""

    def __init__(self, last_url: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Open a database"))
        self.browse = QPushButton(self.tr("Choose a SQLite file…"))
        self.browse.clicked.connect(self._browse)
        self.url = QLineEdit(last_url)
        self.url.setPlaceholderText("postgresql://user@host/dbname")
        self.url.setMinimumWidth(self.url.fontMetrics().horizontalAdvance(URL_ROOM))
        self.url.setToolTip(
            self.tr("A PostgreSQL URL, or postgresql:///?service=NAME; the password from PGPASSWORD or ~/.pgpass")
        )
        self.problem = QLabel(wordWrap=True)
        self.problem.setStyleSheet("color: #c0392b")
        self.problem.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("File:"), self.browse)
        form.addRow(self.tr("Or PostgreSQL URL:"), self.url)
        form.addRow(self.problem)
        form.addRow(buttons)

    def accept(self) -> None:
        url = self.url.text().strip()
        if not is_database_url(url):
            self.problem.setText(not_a_url())
            self.problem.show()
            return
        super().accept()
        self.chosen.emit(url)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open a database"), "", self.tr("SQLite databases (*.db *.sqlite);;All files (*)")
        )
        if path:
            super().accept()
            self.chosen.emit(Path(path))
