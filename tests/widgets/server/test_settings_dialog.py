"""The server settings dialog: the message timeout and the retention shown, edited and saved."""

from PySide6.QtCore import QSettings

from app.settings import load_server_config, save_server_config
from models.server_config import ServerConfig
from widgets.server.settings_dialog import POSTGRES, TEXT_FILE, SettingsDialog


def typed_and_saved(qtbot, tmp_path, config: ServerConfig, field: str, typed: str) -> tuple[SettingsDialog, ServerConfig]:
    """The dialog opened on `config` with `typed` typed into `field` instead, and the settings it saved."""
    dialog = SettingsDialog(config, tmp_path / "mesures.db", tmp_path / "donnees.txt")
    qtbot.addWidget(dialog)
    assert getattr(dialog, field).value() == getattr(config, field)
    getattr(dialog, field).clear()
    qtbot.keyClicks(getattr(dialog, field), typed)
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    save_server_config(store, dialog.config())
    return dialog, load_server_config(store)


def test_the_message_timeout_is_shown_edited_and_saved(qtbot, tmp_path):
    _, saved = typed_and_saved(qtbot, tmp_path, ServerConfig(message_timeout=12.0), "message_timeout", "5")
    assert saved.message_timeout == 5.0


def test_keep_days_is_shown_saved_and_off_for_a_text_file(qtbot, tmp_path):
    dialog, saved = typed_and_saved(qtbot, tmp_path, ServerConfig(keep_days=30), "keep_days", "7")
    assert saved.keep_days == 7
    dialog.kind.setCurrentIndex(dialog.kind.findData(TEXT_FILE))
    assert not dialog.keep_days.isEnabled()
    assert dialog.config().keep_days == 0
    dialog.keep_days.setValue(0)
    assert dialog.keep_days.text() == "Keep everything"


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
