"""The weather in a city, from OpenWeatherMap, and a sensor that reports it.

The API key is typed once and kept in the system keyring, or in a file only the user can read
(app.secret_store); it is always shown masked, and no message ever repeats it. The panel only asks:
the application fetches (off the GUI thread) and hands back a `network.services.weather.Weather` or one sentence.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from widgets.core_text import translated
from widgets.locale_format import Numbers, date_time
from widgets.theme import big_figure

ERROR_STYLE = "color: #b3261e;"


class WeatherPanel(QWidget):
    fetch_requested = Signal(str, str)
    """The API key and the city."""
    sensor_requested = Signal(str, str, str, int)
    """The API key, the city as asked (Le Mans,FR), its name as found (Le Mans), the minutes between two reports."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._asked = ""
        self._found: tuple[str, str] | None = None
        self.api_key = QLineEdit()
        self.api_key.setEchoMode(QLineEdit.EchoMode.Password)
        self.api_key.setPlaceholderText(self.tr("your OpenWeatherMap API key"))
        self.api_key.setToolTip(
            self.tr(
                "Kept in the system keyring or a file only you can read, never shown; a free key comes from openweathermap.org"
            )
        )
        self.city = QLineEdit()
        self.city.setPlaceholderText(self.tr("Orsay, or Le Mans,FR"))
        self.city.setToolTip(self.tr("A city name, optionally followed by a comma and its country code"))
        self.city.returnPressed.connect(self._fetch)
        self.fetch_button = QPushButton(self.tr("Fetch"))
        self.fetch_button.setToolTip(self.tr("Ask OpenWeatherMap for the current weather (Enter)"))
        self.fetch_button.clicked.connect(self._fetch)

        self.temperature = QLabel()
        big_figure(self.temperature)
        self.place = QLabel(self.tr("Type a city and press Fetch."))
        self.place.setStyleSheet("font-weight: 600;")
        self.details = QLabel()
        self.observed = QLabel()
        self.observed.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.minutes = QSpinBox(minimum=1, maximum=1440, value=10)
        self.minutes.setPrefix(self.tr("every "))
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setSpecialValueText(self.tr("every minute"))
        self.minutes.setToolTip(
            self.tr("OpenWeatherMap refreshes a city about every 10 minutes; asking more often only spends calls")
        )
        self.add_button = QPushButton(self.tr("Add as sensor"))
        self.add_button.setToolTip(self.tr("A sensor named after the city that reports its real temperature"))
        self.add_button.setEnabled(False)
        self.add_button.clicked.connect(self._add_sensor)

        form = QFormLayout()
        form.addRow(self.tr("API key:"), self.api_key)
        city_row = QHBoxLayout()
        city_row.addWidget(self.city, 1)
        city_row.addWidget(self.fetch_button)
        form.addRow(self.tr("City:"), city_row)
        result = QGroupBox(self.tr("Current weather"))
        grid = QGridLayout(result)
        grid.addWidget(self.temperature, 0, 0, 2, 1)
        grid.addWidget(self.place, 0, 1)
        grid.addWidget(self.details, 1, 1)
        grid.addWidget(self.observed, 2, 0, 1, 2)
        grid.setColumnStretch(1, 1)
        sensor_row = QHBoxLayout()
        sensor_row.addWidget(self.minutes)
        sensor_row.addWidget(self.add_button, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(result)
        layout.addWidget(self.message)
        layout.addLayout(sensor_row)
        layout.addStretch()

    def show_weather(self, weather) -> None:
        """`weather`: a network.services.weather.Weather."""
        self._found = (self._asked, weather.city)
        self.fetch_button.setEnabled(True)
        numbers = Numbers.current()
        self.temperature.setText(f"{numbers.fixed(weather.temperature, 1)} °C")
        self.place.setText(f"{weather.city}, {weather.country}" if weather.country else weather.city)
        self.details.setText(
            self.tr("feels like {0} °C · humidity {1} % · {2}").format(
                numbers.fixed(weather.feels_like, 1), weather.humidity, weather.description
            )
        )
        observed = weather.observed_at.astimezone()
        self.observed.setText(self.tr("observed {0}").format(f"{date_time(observed.timestamp())} {observed.tzname()}"))
        self.message.clear()
        self.add_button.setEnabled(True)
        self.add_button.setText(self.tr("Add {0} as a sensor").format(weather.city))

    def show_problem(self, sentence: str) -> None:
        self.fetch_button.setEnabled(True)
        self.message.setText(translated(sentence))
        self.message.setStyleSheet(ERROR_STYLE)

    def show_note(self, sentence: str) -> None:
        self.message.setText(sentence)
        self.message.setStyleSheet("")

    def settings(self) -> dict[str, object]:
        return {"api_key": self.api_key.text(), "city": self.city.text(), "minutes": self.minutes.value()}

    def apply_settings(self, values: dict) -> None:
        self.api_key.setText(values["api_key"])
        self.city.setText(values["city"])
        self.minutes.setValue(values["minutes"])

    def _fetch(self) -> None:
        if not self.fetch_button.isEnabled():
            return
        self.fetch_button.setEnabled(False)
        self.show_note(self.tr("Asking OpenWeatherMap…"))
        self._asked = self.city.text().strip()
        self.fetch_requested.emit(self.api_key.text().strip(), self._asked)

    def _add_sensor(self) -> None:
        self.sensor_requested.emit(self.api_key.text().strip(), *self._found, self.minutes.value())
