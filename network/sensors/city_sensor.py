"""`CityCapteur`: a sensor that reports a city's real temperature, taken from OpenWeatherMap.

It shares `CapteurTCP`'s thread controls (`SensorThread`) and offers the same `status()`, so a window
shows and drives both alike. Its pace is the weather service's, not a sensor's: one fetch every
`interval` seconds (10 minutes by default, about how often OpenWeatherMap refreshes a city), never
more than one a minute. Each new observation is sent once, one message per connection like the
exercise's client (or one QoS 1 PUBLISH to a broker), timestamped when the service measured it: a
reading sent twice is stored once (docs/protocol.md), so one that got no answer is simply sent again
at the next turn.
"""

from __future__ import annotations

import threading
import time

from models.capteur import CapteurError
from models.value_models import Manual
from network.mqtt.broker import Broker
from network.sensors.client import SendError, send_message, token_refused
from network.sensors.mqtt_link import publish_once
from network.sensors.sensor_link import LinkError
from network.sensors.sensor_status import SensorStatus, State
from network.sensors.sensor_thread import SensorThread
from network.services.weather import WeatherError, current_weather

DEFAULT_INTERVAL = 600.0
MIN_INTERVAL, MAX_INTERVAL = 60.0, 86_400.0
RETRY_AFTER = 60.0
FETCH_TIMEOUT = SEND_TIMEOUT = 5.0


class CityCapteur(SensorThread):
    """Reports the temperature in `city` to host:port every `interval` seconds until `stop()`.

    Every method may be called from any thread. A fetch or a send under way is not interrupted by
    `stop()`: the thread ends as soon as it returns (within FETCH_TIMEOUT) and sends nothing more;
    it is a daemon, so it never holds the program open.
    """

    model: Manual
    """Kept a `Manual`, set to each temperature observed: a city's values cannot be modelled."""

    def __init__(
        self,
        capteur_id: str,
        city: str,
        host: str,
        port: int,
        api_key: str,
        *,
        interval: float = DEFAULT_INTERVAL,
        base_url: str | None = None,
        token: str | None = None,
        broker: Broker | None = None,
    ):
        # The model holds the last temperature observed; `mesurer()` reads it like any sensor's.
        super().__init__(capteur_id, Manual())
        self.city, self.host, self.port = city, host, port
        self.api_key, self.base_url, self.token = api_key, base_url, token or None
        self.broker = broker
        """Set: each reading is published to this broker, and host, port and token are not used."""
        self._interval = check_interval(interval)
        self._woken = threading.Event()
        self.state = State.STOPPED
        self.measured = self.sent = self.acked = self.rejected = self.errors = 0
        self.last_error: str | None = None
        self._in_flight = 0
        self._last_attempt = -float("inf")
        self._failed = False
        self._reported_at: float | None = None
        self._seq = 0

    @property
    def rate(self) -> float:
        return 1.0 / self._interval

    def set_rate(self, rate: float) -> None:
        """One report every 1/rate seconds from now on; CapteurError outside once a minute to once a day."""
        self._interval = check_interval(1.0 / rate if rate > 0 else float("inf"))
        self._wake()

    def finish(self, grace: float | None = None) -> None:
        """Measure no more: the same as `stop()`, since each report is answered before the next is measured."""
        self.stop(wait=False)

    def status(self) -> SensorStatus:
        state = State.PAUSED if self._paused and self.running else self.state
        return SensorStatus(
            self.capteur_id,
            state,
            self.measured,
            self.sent,
            self.acked,
            0,
            0,
            self.rejected,
            self.errors,
            self._in_flight,
            self.last_error,
            False,
        )

    def _run(self) -> None:
        self.state = State.CONNECTING
        while not self.stop_requested:
            wait = min(RETRY_AFTER, self._interval) if self._failed else self._interval
            left = self._last_attempt + wait - time.monotonic()
            if self._paused or left > 0:
                self._woken.wait(None if self._paused else left)
                self._woken.clear()
                continue
            self._last_attempt = time.monotonic()
            self._failed = not self._report()
        self.state = State.STOPPED

    def _report(self) -> bool:
        """Fetch the weather and send it if it is new; False when either failed."""
        try:
            weather = current_weather(self.city, self.api_key, self.base_url, FETCH_TIMEOUT)
        except WeatherError as error:
            return self._fail(f"no weather for {self.city}: {error}")
        if self.stop_requested:
            return True
        self.model.value = weather.temperature
        reading = self.mesurer(weather.observed_at.timestamp())
        self.measured += 1
        if reading.timestamp == self._reported_at:
            return True  # the service has not measured again since the last report
        self._seq += 1
        message = {
            "capteur_id": self.capteur_id,
            "temperature": reading.temperature,
            "timestamp": reading.timestamp,
            "seq": self._seq,
        }
        self._in_flight, self.sent = 1, self.sent + 1
        try:
            if self.broker is None:
                refusal = self._send(message)
            else:
                publish_once(self.broker, self.capteur_id, self._seq, reading.timestamp, reading.temperature, SEND_TIMEOUT)
                refusal = None
        except (SendError, LinkError) as error:
            return self._fail(str(error))
        finally:
            self._in_flight = 0
        if refusal is not None:
            return self._fail(refusal)
        self.acked += 1
        self._reported_at = reading.timestamp
        self.state = State.SENDING
        return True

    def _send(self, message: dict) -> str | None:
        """Send `message` to the readings server; None once acknowledged, else why not."""
        answer = send_message(self.host, self.port, message, SEND_TIMEOUT, self.token)
        assert answer is not None, "a message with a seq is always answered"
        if answer.get("error") == "unauthorized":
            return token_refused(f"{self.host}:{self.port}", self.token)
        if "ack" not in answer:
            self.rejected += 1
            return f"the server refused a reading of {self.capteur_id}: {answer.get('error')}"
        return None

    def _wake(self) -> None:
        self._woken.set()

    def _fail(self, sentence: str) -> bool:
        self.errors += 1
        self.last_error = sentence
        self.state = State.BACKING_OFF
        return False


def check_interval(interval: float) -> float:
    if not MIN_INTERVAL <= interval <= MAX_INTERVAL:
        raise CapteurError(
            f"a city's temperature is fetched at most once a minute and at least once a day, got every {interval:g} s"
        )
    return float(interval)
