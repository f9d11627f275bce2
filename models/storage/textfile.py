"""Readings appended to a text file, one CSV line each: the exercise's `donnees.txt`."""

from __future__ import annotations

import csv
import io
import os
from collections import OrderedDict
from collections.abc import Sequence

from models.alarms import AlarmBook
from models.csv_format import csv_row
from models.reading import Reading
from models.storage.base import Storage, StorageError, file_identity
from models.storage.kind import check_kind
from models.storage.sqlite import check_writable, open_file_alarm_book

# A text file has no index to find a resent reading in, so the keys of recent sensor-stamped readings
# are remembered in memory, within this bound; SQLite storage has no such limit.
RECENT_KEYS = 200_000
NO_RETENTION = "a text file keeps every reading: store into SQLite to keep only the last days"
"""Deleting a text file's first lines means writing the whole file again, and a program reading it
as it grows would lose its place: so a text file has no retention (docs/protocol.md, section 2)."""


class TextFileStorage(Storage):
    """`capteur_id,temperature,timestamp` lines; the timestamp keeps microseconds so no two merge.

    A transaction's lines are gathered in memory and written with one call at commit. When that
    write fails part way (a full disk), the file is cut back to its length before it, so no partial
    line is ever left for a reader, or for the next line to be glued to.
    """

    _file: int | None
    """The file's descriptor; None once closed, so that closing again does nothing."""

    def _open(self) -> None:
        if self.keep_days is not None:
            raise StorageError(NO_RETENTION)
        check_writable(self.path)
        check_kind(self.path, text_file=True)
        try:
            self._file = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o666)
        except OSError as error:
            raise StorageError(f"cannot open {self.path} ({error.strerror}): choose another file") from None
        self._identity = file_identity(self.path)
        self._lines = io.StringIO()
        self._csv = csv.writer(self._lines, lineterminator="\n")
        # A new file holds none of the readings remembered for the old one.
        self._recent: OrderedDict[tuple[str, float], None] = OrderedDict()
        self._new_keys: list[tuple[str, float]] = []
        self._length_before: int | None = None

    def _alarm_book(self) -> AlarmBook | None:
        # A text file has no room for them: they wait in a database beside it, made when a rule is first saved.
        return open_file_alarm_book(self.path, text_file=True, create=False)

    def _begin(self) -> None:
        self._lines.seek(0)
        self._lines.truncate()
        self._new_keys.clear()
        self._length_before = None

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
        self._new_keys.append(key)
        if len(self._recent) > RECENT_KEYS:
            self._recent.popitem(last=False)
        return False

    def _commit(self) -> None:
        # Handed to the operating system: a reading acked survives the server process being killed.
        file = self._descriptor()
        data = memoryview(self._lines.getvalue().encode("utf-8"))
        self._length_before = os.fstat(file).st_size
        while data:
            data = data[os.write(file, data) :]

    def _rollback(self) -> None:
        # The readings of a failed transaction are not stored: a resend of one is no repeat.
        for key in self._new_keys:
            self._recent.pop(key, None)
        if self._length_before is not None:
            os.ftruncate(self._descriptor(), self._length_before)

    def _descriptor(self) -> int:
        """The open file: base.py commits and rolls back only when no reopen is left to do."""
        assert self._file is not None, "the file is used only between _open() and _close()"
        return self._file

    def _close(self) -> None:
        if self._file is not None:
            os.close(self._file)
            self._file = None
