"""The tokens typed in the windows: kept apart from settings.ini, used, and a failure to keep one said
in one sentence without losing the token for this run."""

import logging
import stat

import pytest
from PySide6.QtWidgets import QMessageBox

from app.secret_store import TARGET_TOKEN, read_secret, secret_file
from app.server.server_app import ServerApp
from app.settings import load_server_config, settings
from models.sensor_target import SensorTarget
from models.server_config import ServerConfig
from tests.support import LineClient
from widgets.server.settings_dialog import SettingsDialog


@pytest.fixture
def warnings(monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *_: shown.append(text))
    return shown


def set_token_in_settings(qtbot, server_app, monkeypatch, token: str) -> None:
    def fill(dialog: SettingsDialog) -> None:
        dialog.token.setText(token)
        dialog.accept()

    monkeypatch.setattr(SettingsDialog, "open", fill)
    with qtbot.waitSignal(server_app.session.listening, timeout=10_000):
        server_app.window.settings_requested.emit()


def assert_token_required(server_app) -> None:
    with LineClient(server_app.session.server.address) as sensor:
        sensor.send({"capteur_id": "c", "temperature": 1.0, "seq": 1})
        assert sensor.answer() == {"error": "unauthorized"}


def test_the_server_token_is_kept_apart_from_the_settings(qtbot, server_app, monkeypatch, private_data_dir, warnings):
    set_token_in_settings(qtbot, server_app, monkeypatch, "s3cret")
    assert_token_required(server_app)
    assert "s3cret" not in (private_data_dir / "settings.ini").read_text()
    assert stat.S_IMODE(secret_file().stat().st_mode) == 0o600
    assert load_server_config(settings()).token == "s3cret"
    assert warnings == []


def test_a_server_token_that_cannot_be_kept_is_said_and_required_all_the_same(qtbot, server_app, monkeypatch, warnings):
    secret_file().mkdir(parents=True)
    set_token_in_settings(qtbot, server_app, monkeypatch, "s3cret")
    assert warnings == [f"the server's token could not be saved in {secret_file()} (Is a directory): check that folder"]
    assert_token_required(server_app)


def test_the_target_token_is_kept_apart_from_the_settings(simulator, private_data_dir):
    simulator.window.target_changed.emit(SensorTarget("127.0.0.1", 50999, "s3cret"))
    simulator.window.close()
    assert "s3cret" not in (private_data_dir / "settings.ini").read_text()
    assert read_secret(TARGET_TOKEN) == "s3cret"


def test_a_target_token_that_cannot_be_kept_is_said_and_used_all_the_same(simulator, monkeypatch, warnings):
    secret_file().mkdir(parents=True)
    simulator.window.target_changed.emit(SensorTarget("127.0.0.1", 50999, "s3cret"))
    assert warnings == [f"the target server's token could not be saved in {secret_file()} (Is a directory): check that folder"]
    assert simulator.fleet.target == SensorTarget("127.0.0.1", 50999, "s3cret")


def test_a_weather_key_that_cannot_be_kept_is_logged_and_the_rest_saved(simulator, private_data_dir, caplog):
    secret_file().mkdir(parents=True)
    simulator.window.weather.api_key.setText("owm-key")
    simulator.window.weather.city.setText("Orsay")
    with caplog.at_level(logging.WARNING):
        simulator.window.close()
    assert f"the OpenWeatherMap API key could not be saved in {secret_file()}" in caplog.text
    assert "owm-key" not in caplog.text
    text = (private_data_dir / "settings.ini").read_text()
    assert "city=Orsay" in text and "owm-key" not in text


def test_no_token_right_or_wrong_reaches_the_event_log(qtbot, tmp_path):
    app = ServerApp(ServerConfig(port=0, storage_path=tmp_path / "m.db", token="s3cret"))
    qtbot.addWidget(app.window)
    with qtbot.waitSignal(app.session.listening, timeout=10_000):
        app.start()
    with LineClient(app.session.server.address) as intruder:
        intruder.send({"auth": "guess-123"})
        assert intruder.answer() == {"error": "unauthorized"}
    with LineClient(app.session.server.address) as sensor:
        sensor.send({"auth": "s3cret"}, {"capteur_id": "c", "temperature": 1.0, "seq": 1})
        assert (sensor.answer(), sensor.answer()) == ({"ok": "auth"}, {"ack": 1})
    log = app.window.event_log.text
    qtbot.waitUntil(lambda: log.toPlainText().count("client disconnected") == 2)
    assert "s3cret" not in log.toPlainText() and "guess-123" not in log.toPlainText()
    app.window.close()
