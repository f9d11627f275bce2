"""Readings appended to a text file, one CSV line each: the exercise's `donnees.txt`."""

from __future__ import annotations

import csv
from collections import OrderedDict
from typing import Sequence

from models.csv_format import csv_row
from models.reading import Reading
from models.storage.base import Storage, StorageError
from models.storage.sqlite import check_writable

# A text file has no index to find a resent reading in, so the keys of recent sensor-stamped readings
# are remembered in memory, within this bound; SQLite storage has no such limit.
RECENT_KEYS = 200_000


class TextFileStorage(Storage):
    """`capteur_id,temperature,timestamp` lines; the timestamp keeps microseconds so no two merge."""

    def _open(self) -> None:
        check_writable(self.path)
        try:
            self._file = open(self.path, "a", encoding="utf-8", newline="")
        except OSError as error:
            raise StorageError(f"cannot open {self.path} ({error.strerror}): choose another file") from None
        self._csv = csv.writer(self._file, lineterminator="\n")
        self._recent: OrderedDict[tuple[str, float], None] = OrderedDict()

    def _write(self, readings: Sequence[Reading], received_at: float) -> int:
        written = 0
        for reading in readings:
            if reading.sensor_timestamp and self._seen(reading):
                continue
            self._csv.writerow(csv_row(reading.capteur_id, reading.temperature, reading.timestamp, "microseconds"))
            written += 1
        return written

    def _seen(self, reading: Reading) -> bool:
        key = (reading.capteur_id, reading.timestamp)
        if key in self._recent:
            return True
        self._recent[key] = None
        if len(self._recent) > RECENT_KEYS:
            self._recent.popitem(last=False)
        return False

    def _commit(self) -> None:
        # Flushed to the operating system: a reading acked survives the server process being killed.
        self._file.flush()

    def _close(self) -> None:
        self._file.close()
