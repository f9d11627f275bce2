"""The simulator's sensors: the sensor process driven by commands, its snapshots read, the list of sensors kept.

The sensors run one thread each in the sensor process (`SensorHost`, started with the first sensor). A timer
reads the snapshots it sends four times a second, so the table and the status bar move however many
readings are sent, and nothing is sent per reading.

The window's process decides which sensors exist (their ids are checked here before they are asked
for), so a name is never offered twice even before the next snapshot shows it.
"""

from __future__ import annotations

import json
import logging
from collections import deque
from dataclasses import replace

from PySide6.QtCore import QObject, QSettings, QTimer

from models.capteur import CapteurError, check_capteur_id
from models.faults import NO_FAULTS, Faults
from models.sensor_target import SensorTarget
from models.value_models import Manual, ModelError, ValueModel, make_model, model_spec, parse_model
from network.sensors.sensor_host import (
    Add,
    AddCity,
    Change,
    Pause,
    Problem,
    Remove,
    Retarget,
    SensorHost,
    SetManualValue,
    Snapshot,
    Start,
    Stop,
)
from widgets.simulator.simulator_window import SimulatorWindow

POLL_MS = 100
"""How often the sensor process's messages are read; it sends a snapshot every 250 ms."""
RATE_WINDOW = 2.0
"""Seconds over which the status bar's readings/s is averaged."""
SAVED_SENSORS = "simulator/sensors"

log = logging.getLogger("thermolab.simulator")


def demo_sensors() -> list[tuple[str, ValueModel, float]]:
    """Three sensors whose curves differ at a glance within a minute: a walk, a one-minute cycle, a ramp."""
    return [
        ("capteur_1", make_model("walk", start=21.0, step=0.15, low=15.0, high=28.0), 2.0),
        ("capteur_2", make_model("sine", mean=18.0, amplitude=4.0, period=60.0, noise=0.05), 2.0),
        ("capteur_3", make_model("ramp", start=12.0, end=26.0, duration=120.0), 2.0),
    ]


def _starts(command) -> bool:
    return isinstance(command, Start) or (isinstance(command, (Add, AddCity)) and command.start)


class FleetSession(QObject):
    def __init__(self, target: SensorTarget, window: SimulatorWindow, store: QSettings):
        super().__init__()
        self.window = window
        self.store = store
        self.target = target
        self.snapshot: Snapshot | None = None
        """What the sensor process said last about every sensor."""
        self.refreshes = 0
        """Table refreshes done: the benchmark counts them."""
        self.host: SensorHost | None = None
        """The sensor process, from the first sensor on."""
        self._saved: dict[str, dict] = {}
        """Every sensor, in the order added: what it is (its model or city, its rate), to add it again,
        stopped, at the next start."""
        self._sent = deque()
        self._held: str | None = None
        """Why the sensors may not send now, while `hold` is in force."""
        self._timer = QTimer(self, interval=POLL_MS, timeout=self._poll)
        self._connect_window()

    def start(self) -> None:
        self._timer.start()

    @property
    def sensor_ids(self) -> list[str]:
        return list(self._saved)

    def add_demo_sensors(self) -> None:
        for capteur_id, model, rate in demo_sensors():
            if capteur_id not in self._saved:
                self.add_sensors([capteur_id], model, rate, False)

    def add_sensors(self, ids: list[str], model: ValueModel, rate: float, start: bool, faults: Faults = NO_FAULTS) -> None:
        """Each gets its own copy of the model; a name taken or refused is said and nothing is added."""
        try:
            for capteur_id in ids:
                check_capteur_id(capteur_id)
                if capteur_id in self._saved:
                    raise CapteurError(self.tr("There is already a sensor named {0}: choose another name.").format(capteur_id))
        except CapteurError as error:
            self.window.show_problem(str(error))
            return
        for capteur_id in ids:
            self.window.model.describe(capteur_id, model)
            self._saved[capteur_id] = {"id": capteur_id, "model": model_spec(model), "rate": rate}
            self._set_faults(capteur_id, faults)
        self.window.names_taken = set(self._saved)
        self._command(Add(tuple(ids), model, rate, start, faults))

    def add_city(self, api_key: str, query: str, name: str, minutes: int) -> None:
        """A sensor reporting a city's temperature, named after the city (`_2`, `_3`... if the name is taken)."""
        capteur_id = next(
            c for n in range(1, len(self._saved) + 2) if (c := name if n == 1 else f"{name}_{n}") not in self._saved
        )
        self._add_city_sensor(capteur_id, query, name, minutes, api_key)
        note = self.tr("{0} reports the temperature in {1} every %n min.", "", minutes)
        self.window.weather.show_note(note.format(capteur_id, name))

    def set_manual_value(self, capteur_id: str, celsius: float) -> bool:
        """A manual sensor reports `celsius` from now on; False if `capteur_id` is no manual sensor."""
        if capteur_id not in self._saved or not isinstance(self.window.model.spec(capteur_id)[0], Manual):
            return False
        self._command(SetManualValue(capteur_id, celsius))
        return True

    def retarget(self, target: SensorTarget) -> None:
        """Running sensors reconnect to the new target; the same target again changes nothing."""
        held, self._held = self._held, None
        if target == self.target and held is None:
            return
        self.target = target
        if self.host is not None:
            self.host.send(Retarget(target))
        self.window.show_target(target)

    def hold(self, reason: str) -> None:
        """Until the next `retarget`, the sensors send nowhere: the running ones stop, and starting one
        shows `reason` instead (`python main.py` while the server of its window is not listening)."""
        self._held = reason
        if self.host is not None and self._saved:
            self.host.send(Stop(tuple(self._saved)))
        self.window.target_label.setText(self.tr("Target: none (the server is not listening)"))

    def close(self) -> None:
        """Stop every sensor thread (within a second) and remember the sensors."""
        self._timer.stop()
        if self.host is not None:
            self.host.close()
            self.host = None
        self.store.setValue(SAVED_SENSORS, json.dumps(list(self._saved.values())))

    def restore(self) -> None:
        """The sensors of the last session, stopped; a record this version cannot read is left out."""
        try:
            records = json.loads(self.store.value(SAVED_SENSORS, "", type=str) or "[]")
        except ValueError:
            log.warning("the saved sensors could not be read: the simulator starts without them")
            records = []
        for record in records:
            try:
                capteur_id = check_capteur_id(record["id"])
                if capteur_id in self._saved:
                    raise CapteurError(f"{capteur_id} is saved twice")
                if "city" in record:
                    api_key = self.window.weather.settings()["api_key"]
                    self._add_city_sensor(capteur_id, record["city"], record["name"], record["minutes"], api_key, False)
                else:
                    faults = Faults.from_dict(record.get("faults", {}))
                    self.add_sensors([capteur_id], parse_model(record["model"]), float(record["rate"]), False, faults)
            except (KeyError, TypeError, ValueError, ModelError, CapteurError) as error:
                log.warning("a saved sensor was left out (%s): %r", error, record)

    def _connect_window(self) -> None:
        window = self.window
        window.sensors_added.connect(self.add_sensors)
        window.sensor_changed.connect(self._change)
        window.demo_requested.connect(self.add_demo_sensors)
        window.model.rate_edited.connect(self._rate_edited)
        window.start_requested.connect(lambda ids: self._command(Start(self._existing(ids))))
        window.pause_requested.connect(lambda ids: self._command(Pause(self._existing(ids))))
        window.stop_requested.connect(lambda ids: self._command(Stop(self._existing(ids))))
        window.remove_requested.connect(self._remove)
        window.weather.sensor_requested.connect(self.add_city)

    def _command(self, command) -> None:
        if self._held is not None and _starts(command):
            self.window.show_problem(self._held)
            if isinstance(command, Start):
                return
            command = replace(command, start=False)  # added all the same, stopped
        if self.host is None:
            self.host = SensorHost(self.target)
        self.host.send(command)

    def _poll(self) -> None:
        if self.host is None:
            return
        for message in self.host.messages():
            if isinstance(message, Problem):
                self.window.show_problem(message.sentence)
            else:
                self._show(message)

    def _show(self, snapshot: Snapshot) -> None:
        self.snapshot = snapshot
        totals = snapshot.totals
        now = snapshot.taken_at
        self._sent.append((now, totals.sent))
        while now - self._sent[0][0] > RATE_WINDOW:
            self._sent.popleft()
        then, sent_then = self._sent[0]
        rate = (totals.sent - sent_then) / (now - then) if now > then else 0.0
        self.window.update_rows(snapshot.rows, totals.connected, rate, totals.sent, totals.acked, totals.dropped)
        self.refreshes += 1

    def _change(self, capteur_id: str, model: ValueModel, rate: float, faults: Faults) -> None:
        self.window.model.describe(capteur_id, model)
        self._saved[capteur_id].update(model=model_spec(model), rate=rate)
        self._set_faults(capteur_id, faults)
        self._command(Change(capteur_id, model, rate, faults))

    def _set_faults(self, capteur_id: str, faults: Faults) -> None:
        """Shown by the window and saved with the sensor; the sensor process is told by the caller's command."""
        self.window.model.set_faults(capteur_id, faults)
        saved = self._saved[capteur_id]
        saved.pop("faults", None)
        if faults.to_dict():
            saved["faults"] = faults.to_dict()

    def _rate_edited(self, capteur_id: str, rate: float) -> None:
        saved = self._saved[capteur_id]
        if "city" in saved:
            saved["minutes"] = round(1 / rate / 60)
        else:
            saved["rate"] = rate
        self._command(Change(capteur_id, None, rate))

    def _existing(self, ids: list[str]) -> tuple[str, ...]:
        """The ids of sensors not removed since: the table shows a removal only at the next snapshot."""
        return tuple(capteur_id for capteur_id in ids if capteur_id in self._saved)

    def _remove(self, ids: list[str]) -> None:
        ids = self._existing(ids)
        for capteur_id in ids:
            del self._saved[capteur_id]
        self.window.names_taken = set(self._saved)
        self._command(Remove(ids))

    def _add_city_sensor(self, capteur_id: str, query: str, name: str, minutes: int, api_key: str, start: bool = True) -> None:
        self._saved[capteur_id] = {"id": capteur_id, "city": query, "name": name, "minutes": minutes}
        self.window.names_taken = set(self._saved)
        self.window.model.describe(capteur_id, Manual(), name)
        self._command(AddCity(capteur_id, query, api_key, minutes * 60.0, start))
