"""Two readings servers side by side, fed alike: one stores as a first version of the exercise would (one
commit per reading, `TextbookStorage`), the other as Thermolab does (one transaction for everything
queued, `SQLiteStorage`). Qt-free: the Compare dialog reads `stored()` a few times a second.

Each server gets its own file in a temporary folder, removed at `stop()`, and its own `sensors` simulated
sensors at `SENSOR_RATE` readings/s each, as many threads in this process: the offered load is the same,
so what differs is what each server keeps up with.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from models.storage import SQLiteStorage, Storage
from models.storage.textbook import TextbookStorage
from models.value_models import make_model
from network.collector.serveur_tcp import ServeurTCP
from network.sensors.capteur_tcp import CapteurTCP
from network.sensors.fleet import Fleet

MAX_SENSORS = 16
SENSOR_RATE = 1000.0
"""Readings/s per sensor: with a few sensors, more than one commit per reading keeps up with."""
PENDING = 1000
"""Readings a storage may hold queued: few, so that closing it commits them in well under a second even
one by one; the servers' connection threads wait instead, and the sensors' buffers fill."""


class WriterRace:
    def __init__(self, sensors: int):
        if not 1 <= sensors <= MAX_SENSORS:
            raise ValueError(f"sensors must be from 1 to {MAX_SENSORS}, got {sensors}")
        self._sensors = sensors
        self._folder = tempfile.TemporaryDirectory(prefix="thermolab-compare-")
        self._storages: list[Storage] = []
        self._servers: list[ServeurTCP] = []
        self._fleets: list[Fleet[CapteurTCP]] = []

    def start(self) -> None:
        """Both servers listening, then both fleets sending; StorageError or ServerError if one cannot start."""
        for kind in (TextbookStorage, SQLiteStorage):
            storage = kind(Path(self._folder.name) / f"{kind.__name__}.db", PENDING)
            storage.open()
            self._storages.append(storage)
            server = ServeurTCP(storage, port=0)
            server.start()
            self._servers.append(server)
        for server in self._servers:
            fleet = Fleet.create(self._sensors, "127.0.0.1", server.address[1], SENSOR_RATE, make_model("walk"))
            self._fleets.append(fleet)
        for fleet in self._fleets:
            fleet.start()

    def stored(self) -> tuple[int, int]:
        """Readings committed so far: the textbook server's, then Thermolab's."""
        textbook, batched = self._storages
        return textbook.stored, batched.stored

    def stop(self) -> None:
        """Sensors, storages and servers stopped, their threads joined, the files removed.

        The storages close before the servers: what the connections still hold is refused at once
        instead of being committed one reading at a time."""
        Fleet([sensor for fleet in self._fleets for sensor in fleet.sensors]).stop()
        for storage in self._storages:
            storage.close()
        for server in self._servers:
            server.stop()
        self._fleets, self._servers, self._storages = [], [], []
        self._folder.cleanup()
