"""In French, numbers and dates read as a French speaker writes them (22,5; 1 234; sam. 21) and typed
numbers are taken with either separator; what goes over the wire and into storage stays the same."""

import json
import re
import socket
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QDateTime, QLocale, QTime
from PySide6.QtWidgets import QApplication

from models.sensor_row import SensorRow
from models.sensor_target import SensorTarget
from models.value_models import make_model
from tests.support import TIMEOUT, LineClient, stored_rows
from tests.weather_stub import KEY, openweathermap_stub
from tests.widgets.chart.test_time_axis import shown_chart
from tests.widgets.simulator.test_manual_panel import send
from widgets.chart.crosshair import Crosshair
from widgets.server.export_dialog import ExportDialog
from widgets.simulator.add_sensors_dialog import SensorDialog
from widgets.simulator.sensor_fleet_table import SensorFleetModel

NNBSP = "\u202f"
"""The narrow no-break space French puts between thousands."""
FRENCH = QLocale(QLocale.Language.French, QLocale.Country.France)
ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


def speaking(locale: QLocale):
    before = QLocale()
    QLocale.setDefault(locale)
    yield
    QLocale.setDefault(before)


@pytest.fixture
def french():
    """The application's default locale in French for the test, as the language choice sets it."""
    yield from speaking(FRENCH)


@pytest.fixture
def american():
    yield from speaking(ENGLISH)


@pytest.fixture(params=[FRENCH, ENGLISH], ids=["French", "English"])
def language(request):
    yield from speaking(request.param)


def cell(model, capteur_id: str, column: str) -> str:
    row = next(row for row in range(model.rowCount()) if model.index(row, 0).data() == capteur_id)
    return model.index(row, model.COLUMNS.index(column)).data()


def test_the_server_window_shows_french_numbers_in_its_tables_and_status_bar(qtbot, french, server_app):
    window = server_app.window
    with LineClient(server_app.session.server.address) as sensor:
        sensor.send(*({"capteur_id": "serre", "temperature": 21.5} for _ in range(1233)))
        sensor.send({"capteur_id": "serre", "temperature": 22.5, "seq": 1})
        assert sensor.answer() == {"ack": 1}
        connections = window.connections.connections
        qtbot.waitUntil(lambda: connections.rowCount() == 1 and connections.index(0, 3).data() == f"1{NNBSP}234")
    qtbot.waitUntil(lambda: window.sensor_model.rowCount() == 1 and window.sensor_model.stats("serre").count == 1234)
    window.sensor_model.refresh()
    assert cell(window.sensor_model, "serre", "last") == "22,50"
    assert cell(window.sensor_model, "serre", "readings") == f"1{NNBSP}234"
    assert cell(window.sensor_model, "serre", "max") == "22,50"
    qtbot.waitUntil(lambda: window.stored.text() == f"Stored: 1{NNBSP}234 (1{NNBSP}234 since the start)")


def test_the_readings_sent_to_a_french_window_are_stored_as_sent(qtbot, french, server_app, tmp_path):
    with LineClient(server_app.session.server.address) as sensor:
        sensor.send({"capteur_id": "serre", "temperature": 22.5, "timestamp": 1_800_000_000.25, "seq": 1})
        assert sensor.answer() == {"ack": 1}
    assert stored_rows(tmp_path / "m.db") == [("serre", 22.5, 1_800_000_000.25)]


def test_the_crosshair_reads_out_the_date_and_the_temperature_in_french(french):
    moment = QDateTime(QDate(2026, 11, 21), QTime(14, 31, 5)).toSecsSinceEpoch()
    assert Crosshair.readout("capteur_1", moment, 22.5) == "21/11/2026 14:31:05  ·  capteur_1  ·  22,50 °C"


def test_the_crosshair_writes_the_whole_year_in_american_english(american):
    moment = QDateTime(QDate(2026, 11, 21), QTime(14, 31, 5)).toSecsSinceEpoch()
    assert Crosshair.readout("capteur_1", moment, -1234.5) == "11/21/2026 14:31:05  ·  capteur_1  ·  -1,234.50 °C"


def labels(chart) -> list[list[str]]:
    """The time axis' labels, level by level, as it last drew them."""
    return [[text for text in strings if text] for _, strings in chart.plot.getAxis("bottom")._labels]


def test_the_time_axis_names_days_and_months_in_french(qtbot, french):
    days, hours = labels(shown_chart(qtbot, 12 * 3600))
    assert days and all(re.fullmatch(r"(lun|mar|mer|jeu|ven|sam|dim)\. \d{1,2}", day) for day in days), days
    assert hours and all(re.fullmatch(r"\d\d:00", hour) for hour in hours), hours
    months, _ = labels(shown_chart(qtbot, 40 * 86400))
    assert months == ["déc."]


def test_the_temperature_axis_writes_a_decimal_comma_in_french(qtbot, french):
    chart = shown_chart(qtbot, 60)
    assert chart.plot.getAxis("left").tickStrings([-0.5, 22.5, 23.0], 1, 0.5) == ["-0,5", "22,5", "23,0"]


def test_the_simulator_table_shows_french_numbers(french):
    model = SensorFleetModel()
    model.describe("serre", make_model("walk", start=20, step=0.1, low=-5, high=40))
    model.set_rows([SensorRow("serre", 12.5, "sending", True, 1234, 1234, 1200, 34, 0, 0, -10.25, None)])
    assert [cell(model, "serre", column) for column in ("model", "rate", "sent", "acked", "last")] == [
        "walk · Start (°C) 20 · Step (°C) 0,1 · Lowest (°C) -5 · Highest (°C) 40",
        "12,5 /s",
        f"1{NNBSP}234",
        f"1{NNBSP}200",
        "-10,25",
    ]


@pytest.mark.parametrize("typed", ["22,5", "22.5"])
def test_a_manual_reading_takes_either_separator_in_either_language(qtbot, language, simulator, tmp_path, typed):
    assert send(qtbot, simulator, "capteur_1", typed) == "acknowledged: the server stored it"
    assert stored_rows(tmp_path / "mesures.db")[0][:2] == ("capteur_1", 22.5)


def test_a_manual_reading_typed_in_french_goes_over_the_wire_as_json_numbers_do(qtbot, french, simulator):
    with socket.create_server(("127.0.0.1", 0)) as listener:
        listener.settimeout(TIMEOUT)
        simulator.fleet.retarget(SensorTarget("127.0.0.1", listener.getsockname()[1]))
        panel = simulator.window.manual
        panel.sensor.setEditText("capteur_1")
        panel.temperature.setText("-22,5")
        panel.send_button.click()
        connection, _ = listener.accept()
        with connection:
            connection.settimeout(TIMEOUT)
            line = connection.makefile("rb").readline()
            connection.sendall(b'{"ack": 1}\n')
    assert line == b'{"capteur_id": "capteur_1", "temperature": -22.5, "seq": 1}\n'
    assert json.loads(line)["temperature"] == -22.5
    qtbot.waitUntil(lambda: panel.answer.text() == "acknowledged: the server stored it")


@pytest.mark.parametrize("typed", ["2,5", "2.5"])
def test_the_sensor_dialog_takes_either_separator_in_either_language(qtbot, language, typed):
    dialog = SensorDialog(set())
    qtbot.addWidget(dialog)
    for spin in (dialog.rate, dialog._spins["step"]):
        spin.lineEdit().selectAll()
        qtbot.keyClicks(spin.lineEdit(), typed)
        spin.interpretText()
        assert spin.value() == 2.5
    assert dialog.value_model().step == 2.5
    QApplication.processEvents()


def test_the_weather_and_the_clock_panels_write_french_numbers(qtbot, french, simulator, clock_server, monkeypatch):
    with openweathermap_stub() as stub:
        monkeypatch.setenv("OWM_BASE_URL", stub.base_url)
        weather = simulator.window.weather
        weather.api_key.setText(KEY)
        weather.city.setText("Orsay")
        weather.fetch_button.click()
        qtbot.waitUntil(lambda: weather.temperature.text() != "")
    assert weather.temperature.text() == "5,8 °C"
    assert weather.details.text() == "feels like 5,8 °C · humidity 89 % · clear sky"
    clock = simulator.window.clock
    clock.port.setValue(clock_server.address[1])
    clock.ask_button.click()
    qtbot.waitUntil(lambda: clock.round_trip.text() != "")
    assert re.fullmatch(r"round trip \d+,\d\d ms", clock.round_trip.text())


def test_the_export_dialog_takes_dates_the_french_way(qtbot, french):
    start = QDateTime(QDate(2026, 11, 21), QTime(14, 31, 5)).toSecsSinceEpoch()
    dialog = ExportDialog(["capteur_1"], (start, start + 59), Path("mesures.csv"))
    qtbot.addWidget(dialog)
    assert (dialog.since.text(), dialog.until.text()) == ("21/11/2026 14:31:05", "21/11/2026 14:32:05")
    dialog.range_group.button(ExportDialog.BETWEEN).setChecked(True)
    dialog.until.lineEdit().setText("01/12/2026 00:00:00")
    dialog.until.interpretText()
    assert dialog.selection().until == QDateTime(QDate(2026, 12, 1), QTime(0, 0)).toSecsSinceEpoch()
