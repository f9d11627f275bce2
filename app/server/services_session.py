"""The exercise's clock and echo servers run from the Services panel.

Starting is synchronous: `Serveur.listen()` only binds, so a busy port is reported in the panel at
once, then `Serveur.start()` accepts in a thread of its own. Stopping must not freeze the window:
`request_stop()` returns at once, and `stop()`, which joins the server's threads, runs in a QThread.
A timer reads each server's monitor twice a second; no server code calls into Qt.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, QSettings, QThread, QTimer, Slot

from app.server.compare_session import CompareSession
from network.serveur import ServerError, Serveur
from network.services.clock import CLOCK_PORT, ClockServer
from network.services.echo import ECHO_PORT, EchoServer, echo_multi
from widgets.server.services_panel import ServiceBox, ServicesPanel

ACTIVITY_MS = 500


class _Stopping(QThread):
    """`Serveur.stop()` away from the GUI thread: it may wait seconds for a client thread to end."""

    def __init__(self, server: Serveur, parent: QObject):
        super().__init__(parent)
        self.setObjectName(f"stopping :{server.port}")
        self._server = server

    def run(self) -> None:
        self._server.stop()


@dataclass
class _Service:
    box: ServiceBox
    server: Serveur | None = None
    stopping: _Stopping | None = None
    events_seen: int = 0


class ServicesSession(QObject):
    """Owns the clock and echo servers of one ServicesPanel; `shutdown()` when the window closes."""

    def __init__(self, store: QSettings, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self.panel = ServicesPanel()
        self._clock = _Service(self.panel.clock)
        self._echo = _Service(self.panel.echo)
        self._activity = QTimer(self, interval=ACTIVITY_MS, timeout=self._read_monitors)
        self.compare = CompareSession(self)
        self.panel.compare_requested.connect(lambda: self.compare.open(self.panel.window()))
        self.restore_settings()
        self.panel.clock.start_requested.connect(self._start_clock)
        self.panel.echo.start_requested.connect(self._start_echo)
        self.panel.clock.stop_requested.connect(lambda: self._stop(self._clock))
        self.panel.echo.stop_requested.connect(lambda: self._stop(self._echo))

    def restore_settings(self) -> None:
        self.store.beginGroup("services")
        try:
            self.panel.clock.port.setValue(self.store.value("clock_port", CLOCK_PORT, type=int))
            self.panel.echo.port.setValue(self.store.value("echo_port", ECHO_PORT, type=int))
            self.panel.echo.set_multi_task(self.store.value("echo_multi", False, type=bool))
        finally:
            self.store.endGroup()

    def save_settings(self) -> None:
        self.store.beginGroup("services")
        self.store.setValue("clock_port", self.panel.clock.port.value())
        self.store.setValue("echo_port", self.panel.echo.port.value())
        self.store.setValue("echo_multi", self.panel.echo.multi_task())
        self.store.endGroup()
        self.store.sync()

    def shutdown(self) -> None:
        """Stop both servers, and what the Compare dialog started, and wait for every thread they started;
        remember the ports and the mode."""
        self.compare.stop_all()
        services = (self._clock, self._echo)
        # Both wind down at once: closing the window waits for the slower one, not for the sum.
        for service in services:
            self._stop(service)
        for service in services:
            if service.stopping is not None:
                self._finish(service)
        self.save_settings()

    def _start_clock(self) -> None:
        self._start(self._clock, ClockServer(port=self.panel.clock.port.value()))

    def _start_echo(self) -> None:
        port = self.panel.echo.port.value()
        self._start(self._echo, echo_multi(port=port) if self.panel.echo.multi_task() else EchoServer(port=port))

    def _start(self, service: _Service, server: Serveur) -> None:
        try:
            server.listen()
        except ServerError as error:
            service.box.show_problem(str(error))
            return
        server.start()
        service.server, service.events_seen = server, 0
        service.box.show_listening(*server.address)
        self._activity.start()

    def _stop(self, service: _Service) -> None:
        if service.server is None or service.stopping is not None:
            return
        service.server.request_stop()
        service.box.show_stopping()
        service.stopping = _Stopping(service.server, self)
        service.stopping.finished.connect(self._stopped)
        service.stopping.start()

    @Slot()
    def _stopped(self) -> None:
        # Queued from the stopping thread, possibly after shutdown() has already finished that service.
        for service in (self._clock, self._echo):
            if service.stopping is not None and service.stopping is self.sender():
                self._finish(service)

    def _finish(self, service: _Service) -> None:
        # After `finished`, emitted just before the thread ends, this waits an instant; from shutdown(), the whole stop.
        service.stopping.wait()
        # What the clients did while the server wound down (their disconnections) still goes to the panel.
        self._read_monitor(service)
        service.stopping.deleteLater()
        service.server = service.stopping = None
        service.box.show_stopped()
        if self._clock.server is None and self._echo.server is None:
            self._activity.stop()

    def _read_monitors(self) -> None:
        for service in (self._clock, self._echo):
            if service.server is not None:
                self._read_monitor(service)

    def _read_monitor(self, service: _Service) -> None:
        monitor = service.server.monitor
        service.events_seen, events = monitor.events(service.events_seen)
        service.box.update_activity(monitor.connections(), events)
