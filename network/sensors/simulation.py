"""The simulator's sensors: what the user asked for, the threads that run it, and their counters.

It lives in the sensor process (network/sensors/sensor_host.py), whose main thread applies the window's commands
and takes `rows()` four times a second, while each sensor measures and sends in its own thread
(`CapteurTCP`, or `CityCapteur` for a city's real temperature) and is spoken to only through its
thread-safe methods. Nothing here waits, but `shutdown()`, which waits a second at most.

A sensor thread runs once. Starting a stopped sensor starts a new thread on the same settings (the
same value model, so a random walk goes on from where it was), and the counters of its earlier runs
are carried over: the table's totals never go back.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from models.capteur import CapteurError, Measurement, check_capteur_id
from models.faults import NO_FAULTS, FaultCounts, Faults
from models.sensor_row import SensorRow, Totals
from models.sensor_target import SensorTarget
from models.value_models import Manual, ValueModel
from network.mqtt.broker import Broker, BrokerError, parse_broker
from network.sensors.capteur_tcp import CapteurTCP
from network.sensors.city_sensor import CityCapteur
from network.sensors.fleet import Fleet, ensure_file_limit
from network.sensors.sensor_status import RunningSensor


class TrackedCapteur(CapteurTCP):
    """A `CapteurTCP` that keeps its last measurement, for the table's "last value"."""

    last: Measurement | None = None

    def mesurer(self, at: float | None = None) -> Measurement:
        self.last = measurement = super().mesurer(at)
        return measurement


Sensor = TrackedCapteur | CityCapteur
"""The two kinds the simulation makes: it drives both as a `RunningSensor` and reads each kind's own
settings (the model, the city) only to show or renew it."""


@dataclass
class _Carried:
    sent: int = 0
    acked: int = 0
    dropped: int = 0
    rejected: int = 0
    faults: FaultCounts = FaultCounts()


@dataclass
class _Entry:
    sensor: Sensor
    carried: _Carried
    started: bool = False


class Simulation:
    """CapteurError for a target whose broker URL cannot be used (the window checks it before)."""

    def __init__(self, target: SensorTarget):
        self.target = target
        self.broker = target_broker(target)
        self._entries: dict[str, _Entry] = {}
        self._ending: list[RunningSensor] = []
        """Removed sensors whose thread may not have ended yet: joined at shutdown."""
        self._removed = _Carried()
        """What removed sensors had sent, so the totals never go back."""

    def add(self, capteur_id: str, model: ValueModel, rate: float, faults: Faults = NO_FAULTS) -> None:
        """A stopped sensor; CapteurError when the id is taken or a setting refused."""
        self._check_free(capteur_id)
        sensor = self._capteur(capteur_id, rate, model, faults)
        self._entries[capteur_id] = _Entry(sensor, _Carried())

    def add_city(self, capteur_id: str, city: str, api_key: str, interval: float) -> None:
        """A sensor reporting the temperature in `city`; the weather service is OWM_BASE_URL's, else OpenWeatherMap."""
        self._check_free(capteur_id)
        sensor = self._city(capteur_id, city, api_key, interval)
        self._entries[capteur_id] = _Entry(sensor, _Carried())

    def start(self, ids: list[str]) -> None:
        """Start, resume or restart them; CapteurError when the system cannot open that many connections."""
        ensure_file_limit(sum(e.sensor.running for e in self._entries.values()) + len(self._ending) + len(ids))
        for capteur_id in ids:
            entry = self._entries[capteur_id]
            if entry.sensor.running and not entry.sensor.stop_requested:
                entry.sensor.resume()
                continue
            if entry.started:
                if entry.sensor.running:
                    self._ending.append(entry.sensor)
                self._renew(entry)
            entry.sensor.start()
            entry.started = True

    def pause(self, ids: list[str]) -> None:
        for capteur_id in ids:
            self._entries[capteur_id].sensor.pause()

    def stop(self, ids: list[str]) -> None:
        """Ask them to stop; each thread ends within a second, the table shows when."""
        for capteur_id in ids:
            self._entries[capteur_id].sensor.stop(wait=False)

    def remove(self, ids: list[str]) -> None:
        for capteur_id in ids:
            entry = self._entries.pop(capteur_id)
            entry.sensor.stop(wait=False)
            self._ending.append(entry.sensor)
            _carry(self._removed, entry.carried, entry.sensor.status())

    def set_rate(self, capteur_id: str, rate: float) -> None:
        """CapteurError with the allowed range when the sensor refuses it."""
        self._entries[capteur_id].sensor.set_rate(rate)

    def set_model(self, capteur_id: str, model: ValueModel) -> None:
        sensor = self._entries[capteur_id].sensor
        if isinstance(sensor, CityCapteur):
            raise CapteurError(f"{capteur_id} reports the real temperature in {sensor.city}: its values cannot be modelled")
        sensor.model = model

    def set_faults(self, capteur_id: str, faults: Faults) -> None:
        sensor = self._entries[capteur_id].sensor
        if isinstance(sensor, CityCapteur):
            raise CapteurError(f"{capteur_id} reports the real temperature in {sensor.city}: it makes no faults")
        sensor.set_faults(faults)

    def set_manual_value(self, capteur_id: str, celsius: float) -> None:
        """The value a sensor of the manual model reports from now on; other sensors are left alone."""
        entry = self._entries.get(capteur_id)
        if entry is not None and not isinstance(entry.sensor, CityCapteur) and isinstance(entry.sensor.model, Manual):
            entry.sensor.model.value = celsius

    def retarget(self, target: SensorTarget) -> None:
        """Send to another server or broker: running sensors restart on it at once, the others when started.
        CapteurError, and nothing changed, for a broker URL that cannot be used."""
        self.broker = target_broker(target)
        self.target = target
        for entry in self._entries.values():
            sensor = entry.sensor
            running, paused = sensor.running, sensor.paused
            if running:
                sensor.stop(wait=False)
                self._ending.append(sensor)
            self._renew(entry)
            if running:
                entry.sensor.start()
                if paused:
                    entry.sensor.pause()

    def rows(self) -> list[SensorRow]:
        self._ending = [sensor for sensor in self._ending if sensor.running]
        return [self._row(entry) for entry in self._entries.values()]

    def totals(self, rows: list[SensorRow]) -> Totals:
        """Sums over `rows` (the sensors now) and the sensors removed."""
        removed = self._removed
        return Totals(
            sensors=len(rows),
            connected=sum(row.state == "sending" for row in rows),
            sent=removed.sent + sum(row.sent for row in rows),
            acked=removed.acked + sum(row.acked for row in rows),
            dropped=removed.dropped + sum(row.dropped for row in rows),
        )

    def shutdown(self) -> None:
        """Stop every sensor thread; returns within about a second however many there are."""
        sensors: list[RunningSensor] = [entry.sensor for entry in self._entries.values()]
        Fleet(sensors + self._ending).stop()
        self._ending = []

    def _check_free(self, capteur_id: str) -> None:
        check_capteur_id(capteur_id)
        if capteur_id in self._entries:
            raise CapteurError(f"there is already a sensor named {capteur_id}: choose another name")

    def _renew(self, entry: _Entry) -> None:
        """A new thread-to-be on the same settings and the current target, the old counters carried."""
        old = entry.sensor
        _carry(entry.carried, _Carried(), old.status())
        if isinstance(old, CityCapteur):
            entry.sensor = self._city(old.capteur_id, old.city, old.api_key, 1 / old.rate)
        else:
            entry.sensor = self._capteur(old.capteur_id, old.rate, old.model, old.faults)
            entry.sensor.last = old.last

    def _capteur(self, capteur_id: str, rate: float, model: ValueModel, faults: Faults) -> TrackedCapteur:
        target = self.target
        return TrackedCapteur(
            capteur_id, target.host, target.port, rate, model, token=target.token or None, faults=faults, broker=self.broker
        )

    def _city(self, capteur_id: str, city: str, api_key: str, interval: float) -> CityCapteur:
        target = self.target
        return CityCapteur(
            capteur_id, city, target.host, target.port, api_key, interval=interval, token=target.token, broker=self.broker
        )

    def _row(self, entry: _Entry) -> SensorRow:
        sensor, carried = entry.sensor, entry.carried
        status = sensor.status()
        if isinstance(sensor, CityCapteur):
            last = sensor.model.value if status.measured else None
        else:
            last = sensor.last.temperature if sensor.last is not None else None
        return SensorRow(
            sensor.capteur_id,
            sensor.rate,
            status.state.value,
            sensor.running,
            status.measured,
            carried.sent + status.sent,
            carried.acked + status.acked,
            status.buffered,
            carried.dropped + status.dropped,
            carried.rejected + status.rejected,
            last,
            status.last_error,
            carried.faults + status.faults,
        )


def _carry(into: _Carried, earlier: _Carried, status) -> None:
    """Add a sensor's counters (its earlier runs and the status of its last) into `into`."""
    into.sent += earlier.sent + status.sent
    into.acked += earlier.acked + status.acked
    into.dropped += earlier.dropped + status.dropped
    into.rejected += earlier.rejected + status.rejected
    into.faults = into.faults + earlier.faults + status.faults


def target_broker(target: SensorTarget) -> Broker | None:
    """The broker the sensors publish to, None when they send to a readings server; CapteurError with
    the broker's sentence for a URL that cannot be used."""
    if not target.mqtt:
        return None
    try:
        broker = parse_broker(target.broker_url)
    except BrokerError as error:
        raise CapteurError(str(error)) from None
    return replace(broker, password=target.broker_password) if target.broker_password else broker
