"""What the Compare dialog runs: two echo servers (mono-task, multi-task) each facing N clients, and two
readings servers (textbook, batched) each facing N sensors, read four times a second.

Everything it starts listens on a free port of 127.0.0.1 and is stopped, its threads joined, when the
user clicks Stop, when the dialog closes and when the window does (`stop_all`). An echo round ends on its
own once every client has had its answers: its servers are stopped then, the bars stay.
"""

from __future__ import annotations

import time
from collections import deque

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

from app.server.writer_race import MAX_SENSORS, SENSOR_RATE, WriterRace
from models.storage import StorageError
from network.serveur import ServerError, Serveur
from network.services.echo import EchoServer, echo_multi
from network.services.echo_race import MAX_CLIENTS, EchoRace
from widgets.server.compare_dialog import CompareDialog

REFRESH_MS = 250
RATE_OVER = 1.0
"""Seconds over which a stored readings/s is measured: a commit per batch stores in steps."""
MAX_SAMPLES = 4 * 60 * 4
"""Four minutes of samples at four a second; the chart shows the last minute."""


class CompareSession(QObject):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.dialog: CompareDialog | None = None
        self._echo_servers: list[Serveur] = []
        self._races: list[EchoRace] = []
        self._writers: WriterRace | None = None
        self._writers_started = 0.0
        self._stored: deque[tuple[float, int, int]] = deque(maxlen=MAX_SAMPLES)
        self._rates: deque[tuple[float, float, float]] = deque(maxlen=MAX_SAMPLES)
        self._timer = QTimer(self, interval=REFRESH_MS, timeout=self._refresh)

    def open(self, parent: QWidget) -> CompareDialog:
        """The dialog, shown (made the first time); closing it stops everything it started."""
        if self.dialog is None:
            self.dialog = CompareDialog(MAX_CLIENTS, MAX_SENSORS, SENSOR_RATE, parent)
            self.dialog.echo_start_requested.connect(self.start_echo)
            self.dialog.echo_stop_requested.connect(self.stop_echo)
            self.dialog.writers_start_requested.connect(self.start_writers)
            self.dialog.writers_stop_requested.connect(self.stop_writers)
            self.dialog.finished.connect(self.stop_all)
        self.dialog.show()
        return self.dialog

    @property
    def running(self) -> bool:
        return bool(self._echo_servers) or self._writers is not None

    def start_echo(self, clients: int) -> None:
        self.stop_echo()
        servers = [EchoServer(port=0), echo_multi(port=0)]
        try:
            for server in servers:
                server.listen()
        except ServerError as error:
            for server in servers:
                server.stop()
            self.dialog.show_echo_problem(str(error))
            return
        for server in servers:
            server.start()
        self._echo_servers = servers
        self._races = [EchoRace("127.0.0.1", server.address[1], clients) for server in servers]
        for race in self._races:
            race.start()
        self.dialog.set_echo_running(True)
        self._timer.start()

    def stop_echo(self) -> None:
        for race in self._races:
            race.stop()
        for server in self._echo_servers:
            server.stop()
        self._echo_servers = []
        if self.dialog is not None:
            self.dialog.set_echo_running(False)

    def start_writers(self, sensors: int) -> None:
        self.stop_writers()
        writers = WriterRace(sensors)
        try:
            writers.start()
        except (StorageError, ServerError) as error:
            writers.stop()
            self.dialog.show_writers_problem(str(error))
            return
        self._writers, self._writers_started = writers, time.monotonic()
        self._stored.clear()
        self._rates.clear()
        self.dialog.set_writers_running(True)
        self._timer.start()

    def stop_writers(self) -> None:
        if self._writers is not None:
            self._writers.stop()
            self._writers = None
        if self.dialog is not None:
            self.dialog.set_writers_running(False)

    def stop_all(self) -> None:
        """Every client, sensor and server this session started, stopped and joined."""
        self._timer.stop()
        self.stop_echo()
        self.stop_writers()
        self._races = []

    def _refresh(self) -> None:
        if self._races:
            mono, multi = (race.round_trips() for race in self._races)
            self.dialog.show_round_trips(mono, multi)
            if self._echo_servers and all(race.finished for race in self._races):
                problems = [problem for race in self._races for problem in race.problems()]
                self.stop_echo()
                if problems:
                    self.dialog.show_echo_problem("; ".join(problems))
        if self._writers is not None:
            self._sample_writers()
        if not self.running:
            self._timer.stop()

    def _sample_writers(self) -> None:
        now = time.monotonic() - self._writers_started
        textbook, batched = self._writers.stored()
        self._stored.append((now, textbook, batched))
        then, textbook_then, batched_then = next(s for s in self._stored if s[0] >= now - RATE_OVER - 1e-9)
        if now - then < RATE_OVER / 2:
            return
        span = now - then
        self._rates.append((now, (textbook - textbook_then) / span, (batched - batched_then) / span))
        seconds, textbook_rates, batched_rates = (list(column) for column in zip(*self._rates, strict=True))
        self.dialog.show_rates(seconds, textbook_rates, batched_rates)
