"""The server settings dialog: the message timeout shown, edited and saved like the other limits."""

from PySide6.QtCore import QSettings

from app.settings import load_server_config, save_server_config
from models.server_config import ServerConfig
from widgets.server.settings_dialog import SettingsDialog


def test_the_message_timeout_is_shown_edited_and_saved(qtbot, tmp_path):
    dialog = SettingsDialog(ServerConfig(message_timeout=12.0), tmp_path / "mesures.db", tmp_path / "donnees.txt")
    qtbot.addWidget(dialog)
    assert dialog.message_timeout.value() == 12.0
    dialog.message_timeout.clear()
    qtbot.keyClicks(dialog.message_timeout, "5")
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    save_server_config(store, dialog.config())
    assert load_server_config(store).message_timeout == 5.0


def test_keep_days_is_shown_saved_and_off_for_a_text_file(qtbot, tmp_path):
    dialog = SettingsDialog(ServerConfig(keep_days=30), tmp_path / "mesures.db", tmp_path / "donnees.txt")
    qtbot.addWidget(dialog)
    assert dialog.keep_days.value() == 30
    dialog.keep_days.clear()
    qtbot.keyClicks(dialog.keep_days, "7")
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    save_server_config(store, dialog.config())
    assert load_server_config(store).keep_days == 7
    dialog.kind.setCurrentIndex(dialog.kind.findData(True))
    assert not dialog.keep_days.isEnabled()
    assert dialog.config().keep_days == 0
    dialog.keep_days.setValue(0)
    assert dialog.keep_days.text() == "Keep everything"
