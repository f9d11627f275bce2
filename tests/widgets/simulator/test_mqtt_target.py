"""The simulator window switched to an MQTT broker as a user does it (File › Target server…): its sensors
publish there, the choice is remembered, and a URL that cannot be used changes nothing."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QMessageBox

from app.secret_store import TARGET_BROKER_PASSWORD, read_secret
from app.simulator.simulator_app import SimulatorApp
from tests.mqtt_subscriber import Subscriber
from widgets.simulator.target_dialog import TargetDialog


def choose_broker(qtbot, monkeypatch, url: str, password: str = "") -> None:
    """The next target dialog is switched to the broker, filled in with `url`, and accepted."""

    def fill(dialog: TargetDialog) -> int:
        dialog.show()
        # On its circle: a radio button stretched across the dialog takes clicks on its circle and label only.
        qtbot.mouseClick(dialog.to_broker, Qt.MouseButton.LeftButton, pos=QPoint(6, dialog.to_broker.height() // 2))
        assert dialog.broker_box.isEnabled() and not dialog.server_box.isEnabled()
        dialog.broker_url.setText(url)
        dialog.broker_password.setText(password)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(TargetDialog, "exec", fill)


@pytest.fixture
def warnings(monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *_: shown.append(text))
    return shown


def test_switched_to_a_broker_the_sensors_publish_there_and_it_is_remembered(
    qtbot, simulator, monkeypatch, mosquitto, private_data_dir
):
    choose_broker(qtbot, monkeypatch, mosquitto.url)
    simulator.window.ask_target()
    assert simulator.window.target_label.text() == f"Target: MQTT broker {mosquitto.url}"
    with Subscriber(mosquitto.url) as subscriber:
        simulator.fleet.add_demo_sensors()
        qtbot.waitUntil(lambda: len(simulator.window.model.ids()) == 3, timeout=10_000)
        simulator.window.start_all.trigger()
        qtbot.waitUntil(
            lambda: {reading["capteur_id"] for _, reading in subscriber.readings} >= {"capteur_1", "capteur_2", "capteur_3"},
            timeout=10_000,
        )
        qtbot.waitUntil(lambda: simulator.fleet.snapshot.totals.acked >= 3, timeout=10_000)
    simulator.window.close()
    saved = QSettings(str(private_data_dir / "settings.ini"), QSettings.Format.IniFormat)
    assert saved.value("simulator/target_mqtt", type=bool) is True
    assert saved.value("simulator/target_broker", type=str) == mosquitto.url

    again = SimulatorApp("127.0.0.1", 50007)
    qtbot.addWidget(again.window)
    assert again.fleet.target.mqtt and again.fleet.target.broker_url == mosquitto.url
    assert again.window.target_label.text() == f"Target: MQTT broker {mosquitto.url}"
    again.window.close()


@pytest.mark.parametrize("password", ["hunter2", "hun/ter2", "hun#ter2"])
def test_a_password_typed_in_the_url_is_kept_with_the_secrets_and_never_shown(
    qtbot, simulator, monkeypatch, private_data_dir, password
):
    choose_broker(qtbot, monkeypatch, f"mqtt://ann:{password}@broker.lan:1884")
    simulator.window.ask_target()
    assert simulator.window.target_label.text() == "Target: MQTT broker mqtt://ann@broker.lan:1884"
    simulator.window.close()
    assert password not in (private_data_dir / "settings.ini").read_text()
    assert read_secret(TARGET_BROKER_PASSWORD) == password


def test_a_url_that_is_no_broker_is_one_sentence_and_changes_nothing(qtbot, simulator, monkeypatch, warnings):
    before = simulator.fleet.target
    choose_broker(qtbot, monkeypatch, "http://broker.lan")
    simulator.window.ask_target()
    assert warnings == ["http://broker.lan is not a broker URL: write mqtt://HOST:PORT, or mqtts://HOST:PORT for TLS"]
    assert simulator.fleet.target == before and not before.mqtt


def test_a_reading_typed_by_hand_is_published_to_the_broker_in_celsius(qtbot, simulator, mosquitto):
    simulator.fleet.retarget(replace(simulator.fleet.target, mqtt=True, broker_url=mosquitto.url))
    panel = simulator.window.manual
    with Subscriber(mosquitto.url) as subscriber:
        panel.sensor.setEditText("serre")
        panel.temperature.setText("71.6")
        panel.unit.setCurrentIndex(panel.unit.findData("F"))
        panel.send_button.click()
        qtbot.waitUntil(lambda: panel.answer.text() != "Sending…", timeout=10_000)
        assert subscriber.wait_for(1)
    assert panel.answer.text() == "acknowledged: the broker accepted it"
    topic, reading = subscriber.readings[0]
    assert (topic, reading["capteur_id"], round(reading["temperature"], 6)) == ("thermolab/serre", "serre", 22.0)
