"""A reading typed by hand goes out at once and its answer shows beside it, from a real ServeurTCP."""

from PySide6.QtWidgets import QMessageBox

from app.simulator.simulator_app import SimulatorApp
from models.sensor_target import SensorTarget
from models.value_models import make_model
from tests.sensor_support import free_port
from tests.support import running_server, stored_rows


def send(qtbot, simulator, capteur_id, text, unit="C"):
    panel = simulator.window.manual
    panel.sensor.setEditText(capteur_id)
    panel.temperature.setText(text)
    panel.unit.setCurrentIndex(panel.unit.findData(unit))
    panel.send_button.click()
    qtbot.waitUntil(lambda: panel.answer.text() != "Sending…")
    return panel.answer.text()


def test_a_reading_sent_by_hand_is_acknowledged_and_stored(qtbot, simulator, tmp_path):
    assert send(qtbot, simulator, "capteur_1", "23.5") == "acknowledged: the server stored it"
    assert stored_rows(tmp_path / "mesures.db")[0][:2] == ("capteur_1", 23.5)
    assert simulator.window.manual.history.item(0).text().endswith("capteur_1  23.5 °C  →  acknowledged: the server stored it")


def test_a_unit_is_converted_by_the_server(qtbot, simulator, tmp_path):
    assert send(qtbot, simulator, "serre", "71.6", "F") == "acknowledged: the server stored it"
    assert stored_rows(tmp_path / "mesures.db")[0][:2] == ("serre", 22.0)


def test_a_temperature_the_server_refuses_shows_its_error(qtbot, simulator, tmp_path):
    answer = send(qtbot, simulator, "capteur_1", "-300")
    assert answer == "refused by the server: temperature is below absolute zero (-273.15 °C)"
    assert stored_rows(tmp_path / "mesures.db") == []


def test_text_that_is_no_number_is_not_sent(qtbot, simulator):
    panel = simulator.window.manual
    panel.temperature.setText("warm")
    panel.send_button.click()
    assert panel.answer.text() == "Type the temperature as a number, such as 23.5."
    assert panel.history.count() == 0


def test_no_server_is_said_in_one_sentence(qtbot, simulator):
    port = free_port()
    simulator.fleet.retarget(SensorTarget("127.0.0.1", port))
    answer = send(qtbot, simulator, "capteur_1", "20")
    assert answer == f"no server listens on 127.0.0.1:{port}: start one with `python main.py server`"


def test_a_manual_sensor_goes_on_reporting_the_value_typed(qtbot, simulator):
    simulator.fleet.add_sensors(["thermostat"], make_model("manual"), 20.0, True)
    qtbot.waitUntil(lambda: simulator.window.model.ids() == ["thermostat"], timeout=10_000)
    assert (
        send(qtbot, simulator, "thermostat", "30.5")
        == "acknowledged: the server stored it; thermostat reports this value from now on"
    )
    qtbot.waitUntil(lambda: simulator.window.model.row(0).last_value == 30.5)


def test_a_server_that_requires_a_token_gets_it_first(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: None)
    with running_server(tmp_path / "locked.db", token="s3cret") as server:
        app = SimulatorApp("127.0.0.1", server.address[1], "s3cret")
        qtbot.addWidget(app.window)
        app.start()
        assert send(qtbot, app, "capteur_1", "19.5") == "acknowledged: the server stored it"
        app.window.close()
    assert stored_rows(tmp_path / "locked.db")[0][:2] == ("capteur_1", 19.5)
