"""The server settings dialog: the message timeout shown, edited and saved like the other limits."""

from PySide6.QtCore import QSettings

from app.settings import load_server_config, save_server_config
from models.server_config import ServerConfig
from widgets.server.settings_dialog import POSTGRES, SettingsDialog


def test_the_message_timeout_is_shown_edited_and_saved(qtbot, tmp_path):
    dialog = SettingsDialog(ServerConfig(message_timeout=12.0), tmp_path / "mesures.db", tmp_path / "donnees.txt")
    qtbot.addWidget(dialog)
    assert dialog.message_timeout.value() == 12.0
    dialog.message_timeout.clear()
    qtbot.keyClicks(dialog.message_timeout, "5")
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    save_server_config(store, dialog.config())
    assert load_server_config(store).message_timeout == 5.0


def test_a_url_pasted_where_a_file_goes_is_taken_as_the_database_server(qtbot, tmp_path):
    dialog = SettingsDialog(ServerConfig(), tmp_path / "mesures.db", tmp_path / "donnees.txt")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.path.setText("postgresql://ann:s3cret@db.lab/thermo")
    dialog.accept()
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    assert dialog.config().storage_path == "postgresql://ann:s3cret@db.lab/thermo"
    assert dialog.config().text_file is False
    assert dialog.kind.currentData() == POSTGRES and dialog.path.text() == ""
