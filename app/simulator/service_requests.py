"""The simulator's requests to the services: a reading sent by hand, the weather, the clock, the echo.

Each runs off the GUI thread: a reading, a weather fetch or a clock query in a `RequestRunner`, the echo
conversation in an `EchoSession`; the answers come back to the panel that asked.
"""

from __future__ import annotations

import time
from functools import partial

from PySide6.QtCore import QLocale, QObject

from app.simulator.echo_session import EchoSession
from app.simulator.fleet_session import FleetSession
from app.simulator.request_worker import RequestRunner
from models.reading import to_celsius
from network.mqtt.broker import Broker
from network.sensors.client import SendError, send_message
from network.sensors.mqtt_link import publish_once
from network.sensors.sensor_link import LinkError
from network.sensors.simulation import target_broker
from network.services.clock import ask_time
from network.services.service_client import ServiceError
from network.services.weather import WeatherError, current_weather
from widgets.core_text import translated
from widgets.simulator.simulator_window import SimulatorWindow

MANUAL_TIMEOUT = 5.0
ECHO_STOP_WAIT = 0.5


class ServiceRequests(QObject):
    def __init__(self, window: SimulatorWindow, fleet: FleetSession):
        """`fleet` gives the target a manual reading goes to, and the manual sensor its value goes to."""
        super().__init__()
        self.window = window
        self.fleet = fleet
        self.weather_requests = RequestRunner((WeatherError,), "weather request")
        self.clock_requests = RequestRunner((ServiceError,), "clock request")
        self.manual_requests = RequestRunner((SendError, LinkError), "manual reading")
        self.echo = EchoSession()
        self._connect_window()

    def close(self) -> None:
        """Leave the echo server."""
        self.echo.close()
        self.echo.wait(ECHO_STOP_WAIT)

    def _connect_window(self) -> None:
        window = self.window
        window.manual.send_requested.connect(self._send_manual)
        self.manual_requests.succeeded.connect(self._manual_answered)
        self.manual_requests.failed.connect(lambda tag, sentence: window.manual.show_answer(tag[0], False, sentence))

        window.weather.fetch_requested.connect(self._fetch_weather)
        self.weather_requests.succeeded.connect(lambda _, weather: window.weather.show_weather(weather))
        self.weather_requests.failed.connect(lambda _, sentence: window.weather.show_problem(sentence))

        window.clock.time_requested.connect(self._ask_time)
        self.clock_requests.succeeded.connect(lambda _, answer: window.clock.show_time(answer.time, answer.round_trip))
        self.clock_requests.failed.connect(lambda _, sentence: window.clock.show_problem(sentence))

        echo = window.echo
        echo.connect_requested.connect(self._open_echo)
        echo.disconnect_requested.connect(self.echo.close)
        echo.line_typed.connect(self.echo.send)
        self.echo.connected.connect(echo.show_connected)
        self.echo.echoed.connect(echo.show_echo)
        self.echo.waiting.connect(echo.show_waiting)
        self.echo.closed.connect(echo.show_closed)

    def _send_manual(self, number: int, capteur_id: str, value: float, unit: str) -> None:
        message = {"capteur_id": capteur_id, "temperature": value, "seq": number}
        if unit != "C":
            message["unit"] = unit
        tag = (number, capteur_id, value, unit)
        target = self.fleet.target
        if target.mqtt:
            self.manual_requests.call(tag, _publish, target_broker(target), capteur_id, number, to_celsius(value, unit))
        else:
            self.manual_requests.call(tag, send_message, target.host, target.port, message, MANUAL_TIMEOUT, target.token or None)

    def _manual_answered(self, tag: tuple, answer: dict) -> None:
        number, capteur_id, value, unit = tag
        if "ack" not in answer:
            self.window.manual.show_answer(
                number, False, self.tr("refused by the server: {0}").format(translated(str(answer.get("error"))))
            )
            return
        if self.fleet.target.mqtt:
            sentence = self.tr("acknowledged: the broker accepted it")
        else:
            sentence = self.tr("acknowledged: the server stored it")
        if self.fleet.set_manual_value(capteur_id, to_celsius(value, unit)):
            sentence += self.tr("; {0} reports this value from now on").format(capteur_id)
        self.window.manual.show_answer(number, True, sentence)

    def _fetch_weather(self, api_key: str, city: str) -> None:
        # The sky described in the window's language (the C locale has none); the command line's stays English.
        language = QLocale().name()[:2]
        fetch = partial(current_weather, lang=None if language == "C" else language)
        self.weather_requests.call(city, fetch, city, api_key or None)

    def _ask_time(self, host: str, port: int) -> None:
        # An automatic refresh faster than a slow server answers would pile up queries: one at a time.
        if not self.clock_requests.busy:
            self.clock_requests.call(None, ask_time, host, port)

    def _open_echo(self, host: str, port: int) -> None:
        self.window.echo.show_connecting(f"{host}:{port}")
        self.echo.open(host, port)


def _publish(broker: Broker, capteur_id: str, seq: int, celsius: float) -> dict:
    """A manual reading published to the broker, stamped now: the answer a server would give once the
    broker's PUBACK is in."""
    publish_once(broker, capteur_id, seq, time.time(), celsius, MANUAL_TIMEOUT)
    return {"ack": seq}
