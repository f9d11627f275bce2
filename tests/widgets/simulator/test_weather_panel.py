"""The weather panel against the OpenWeatherMap fixtures served on 127.0.0.1, and a city sensor that reports to a real server."""

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLineEdit

from app.cli import main
from app.secret_store import WEATHER_KEY, read_secret
from tests.support import stored_rows
from tests.weather_stub import KEY, openweathermap_stub


@pytest.fixture
def stub(monkeypatch):
    with openweathermap_stub() as stub:
        monkeypatch.setenv("OWM_BASE_URL", stub.base_url)
        yield stub


def fetch(qtbot, simulator, city, key=KEY):
    panel = simulator.window.weather
    panel.api_key.setText(key)
    panel.city.setText(city)
    panel.fetch_button.click()
    qtbot.waitUntil(lambda: panel.fetch_button.isEnabled())
    return panel


def test_a_city_shows_its_weather(qtbot, simulator, stub):
    panel = fetch(qtbot, simulator, "Orsay")
    assert panel.temperature.text() == "5.8 °C"
    assert panel.place.text() == "Orsay, FR"
    assert panel.details.text() == "feels like 5.8 °C · humidity 89 % · clear sky"
    observed = datetime(2021, 11, 6, 20, 49, 19, tzinfo=UTC).astimezone()
    assert panel.observed.text() == f"observed {observed:%Y-%m-%d %H:%M:%S} {observed.tzname()}"
    assert panel.message.text() == ""
    assert panel.add_button.isEnabled() and panel.add_button.text() == "Add Orsay as a sensor"


@pytest.mark.parametrize(
    "city, key, sentence",
    [
        (
            "Orsay",
            "wrong-key",
            "OpenWeatherMap refused the API key (401): check it; a new key can take a few hours to be accepted",
        ),
        (
            "Atlantis",
            KEY,
            "OpenWeatherMap knows no city named 'Atlantis': check the spelling, or add the country code (Le Mans,FR)",
        ),
        (
            "Orsay",
            "",
            "no OpenWeatherMap API key: enter yours in the settings or set OWM_API_KEY (a free key comes from https://home.openweathermap.org/api_keys)",
        ),
        ("Down", KEY, "OpenWeatherMap is out of order for now (503): try again later"),
        (
            "Cut Short",
            KEY,
            "the weather service's answer is not well-formed XML: try again later, or check OWM_BASE_URL if it persists",
        ),
    ],
)
def test_every_failure_is_one_sentence(qtbot, simulator, stub, city, key, sentence):
    panel = fetch(qtbot, simulator, city, key)
    assert panel.message.text() == sentence
    assert not panel.add_button.isEnabled()


def test_the_key_is_masked_kept_apart_from_the_settings_and_never_shown(qtbot, simulator, stub, private_data_dir):
    panel = fetch(qtbot, simulator, "Orsay", "wrong-key")
    assert panel.api_key.echoMode() == QLineEdit.EchoMode.Password
    assert "wrong-key" not in panel.message.text()
    simulator.window.close()
    saved = QSettings(str(private_data_dir / "settings.ini"), QSettings.Format.IniFormat)
    assert saved.value("weather/city") == "Orsay"
    assert "wrong-key" not in (private_data_dir / "settings.ini").read_text()
    assert read_secret(WEATHER_KEY) == "wrong-key"


def test_the_weather_command_uses_the_key_typed_in_the_window(qtbot, simulator, stub, capsys):
    fetch(qtbot, simulator, "Orsay")
    simulator.window.close()
    assert main(["weather", "Orsay"]) == 0
    assert stub.requests[-1].endswith(f"appid={KEY}")  # and no lang: the command line stays English
    assert capsys.readouterr().out.startswith("Orsay, FR\n")


def test_a_city_sensor_reports_the_real_temperature(qtbot, simulator, stub, tmp_path):
    panel = fetch(qtbot, simulator, "Saint-Étienne")
    panel.add_button.click()
    window = simulator.window
    qtbot.waitUntil(lambda: window.model.ids() == ["Saint-Étienne"], timeout=10_000)
    qtbot.waitUntil(lambda: window.model.row(0).acked == 1)
    row = window.model.row(0)
    assert (row.state, row.sent) == ("sending", 1)
    assert window.model.spec("Saint-Étienne")[1] == "Saint-Étienne"
    assert window.model.data(window.model.index(0, 2)) == "every 10 min"
    assert window.model.data(window.model.index(0, 1)) == "OpenWeatherMap: Saint-Étienne"
    [(capteur_id, temperature, _)] = stored_rows(tmp_path / "mesures.db")
    assert (capteur_id, temperature) == ("Saint-Étienne", row.last_value)
    assert panel.message.text() == "Saint-Étienne reports the temperature in Saint-Étienne every 10 min."


def test_a_second_sensor_for_the_same_city_gets_its_own_name(qtbot, simulator, stub):
    panel = fetch(qtbot, simulator, "Orsay")
    panel.add_button.click()
    panel.add_button.click()
    qtbot.waitUntil(lambda: simulator.window.model.ids() == ["Orsay", "Orsay_2"], timeout=10_000)
    qtbot.waitUntil(lambda: all(simulator.window.model.row(i).acked == 1 for i in range(2)))
