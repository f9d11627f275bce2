"""The server window with an MQTT broker: set up in Settings, its link shown in the status bar and the
Connections panel, its readings on the chart, its password kept apart from settings.ini."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from app.secret_store import MQTT_PASSWORD, read_secret
from app.server.server_app import ServerApp
from app.settings import load_server_config, settings
from models.server_config import ServerConfig
from network.mqtt.broker import parse_broker
from tests.engines import free_port
from tests.mqtt_support import publish_all, publisher
from tests.widgets.server_steps import click_save, open_settings


@pytest.fixture
def warnings(monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *_: shown.append(text))
    return shown


def started(qtbot, config: ServerConfig) -> ServerApp:
    app = ServerApp(config)
    qtbot.addWidget(app.window)
    with qtbot.waitSignal(app.session.listening, timeout=10_000):
        app.start()
    return app


def publish(url: str, topic: str, payload: bytes) -> None:
    with publisher(parse_broker(url)) as client:
        publish_all(client, [(topic, payload)])


def test_readings_from_the_broker_reach_the_chart_and_the_link_is_shown(qtbot, mosquitto, tmp_path):
    app = started(qtbot, ServerConfig(port=0, storage_path=tmp_path / "m.db", mqtt_url=mosquitto.url))
    window = app.window
    qtbot.waitUntil(lambda: window.broker.text().startswith("MQTT: connected"), timeout=10_000)
    publish(mosquitto.url, "thermolab/greenhouse", b'{"temperature": 24.5}')
    qtbot.waitUntil(lambda: "greenhouse" in window.chart.sensors(), timeout=10_000)
    assert window.broker_link.isVisible()
    assert window.broker_link.text().startswith(f"Broker {mosquitto.url}: connected\nTopics: thermolab/#")
    assert window.clients.text() == "Clients: 0"
    rows = window.connections.connections
    assert rows.rowCount() == 1 and rows.index(0, 0).data() == mosquitto.url
    app.window.close()


def test_a_broker_that_is_down_is_shown_reconnecting_with_its_sentence_and_tcp_goes_on(qtbot, tmp_path):
    url = f"mqtt://127.0.0.1:{free_port()}"
    app = started(qtbot, ServerConfig(port=0, storage_path=tmp_path / "m.db", mqtt_url=url))
    window = app.window
    qtbot.waitUntil(lambda: "no broker answers" in window.broker_link.text(), timeout=10_000)
    assert window.broker.text() == "MQTT: reconnecting"
    assert f"no broker answers at {url}: is it running, and is the port right?" in window.broker.toolTip()
    assert window.address.text().startswith("Listening on 127.0.0.1:")
    app.window.close()


def test_mqtt_settings_are_saved_with_the_password_apart_and_used(qtbot, mosquitto, private_data_dir, warnings):
    app = started(qtbot, ServerConfig(port=0, storage_path=private_data_dir.parent / "m.db"))
    dialog = open_settings(qtbot, app.window)
    dialog.tcp.setChecked(False)
    dialog.mqtt.url.setText(f"mqtt://ann:hunter2@127.0.0.1:{mosquitto.port}")
    dialog.mqtt.group.setText("lab")
    dialog.mqtt.presets.activated.emit(dialog.mqtt.presets.findData("zigbee2mqtt"))
    with qtbot.waitSignal(app.session.listening, timeout=10_000):
        click_save(qtbot, dialog)
    window = app.window
    qtbot.waitUntil(lambda: window.broker.text().startswith("MQTT: connected"), timeout=10_000)
    assert window.address.text() == "Readings port off"
    assert "$share/lab/thermolab/#, $share/lab/zigbee2mqtt/+" in window.broker_link.text()
    publish(mosquitto.url, "zigbee2mqtt/kitchen", b'{"temperature": 19.5, "humidity": 51}')
    qtbot.waitUntil(lambda: "kitchen" in window.chart.sensors(), timeout=10_000)
    saved = (private_data_dir / "settings.ini").read_text()
    assert "hunter2" not in saved and f"mqtt_url=mqtt://ann@127.0.0.1:{mosquitto.port}" in saved
    assert read_secret(MQTT_PASSWORD) == "hunter2"
    config = load_server_config(settings())
    assert (config.tcp, config.mqtt_group, config.mqtt_password) == (False, "lab", "hunter2")
    assert config.mqtt_mappings == ("thermolab/# topic:2 thermolab", "zigbee2mqtt/+ topic:2 json:temperature C")
    shown = window.broker_link.text() + window.broker.toolTip() + window.event_log.text.toPlainText()
    assert "hunter2" not in shown and "ann:***@" in shown
    assert warnings == []
    app.window.close()


def test_a_wrong_mapping_is_refused_on_the_mqtt_page(qtbot, server_app):
    dialog = open_settings(qtbot, server_app.window)
    dialog.mqtt.mappings.setPlainText("thermolab\nzigbee2mqtt/+ topic:9 json:temperature")
    click_save(qtbot, dialog)
    assert dialog.isVisible() and dialog.tabs.currentWidget() is dialog.mqtt
    assert dialog.problem.text() == "mapping 2: topic:9: the filter zigbee2mqtt/+ has levels 1 to 2"
    dialog.reject()


def test_the_readings_port_off_needs_a_broker(qtbot, server_app):
    dialog = open_settings(qtbot, server_app.window)
    dialog.tcp.setChecked(False)
    click_save(qtbot, dialog)
    assert dialog.isVisible() and dialog.problem.text().startswith("With the readings port off, give a broker URL")
    dialog.reject()


@pytest.mark.parametrize(
    ("url", "sentence"),
    [
        ("http://ann:pa/ss@broker.lan", "http://ann:***@broker.lan is not a broker URL: write mqtt://HOST:PORT"),
        ("mqtt://broker.lan:70000", "mqtt://broker.lan:70000 has a port that is not a number from 1 to 65535"),
    ],
)
def test_a_wrong_broker_url_is_refused_on_the_mqtt_page(qtbot, server_app, url, sentence):
    dialog = open_settings(qtbot, server_app.window)
    dialog.mqtt.url.setText(url)
    click_save(qtbot, dialog)
    assert dialog.isVisible() and dialog.tabs.currentWidget() is dialog.mqtt
    assert dialog.problem.text().startswith(sentence) and "pa/ss" not in dialog.problem.text()
    dialog.reject()
