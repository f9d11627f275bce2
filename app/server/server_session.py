"""The server of the window: `ServeurTCP` and the MQTT collector hosted in a QThread, and timers that
read what they saw.

`ServerWorker.run()` is the QThread's work: open the storage, listen, run the accept loop; it says
`listening`, or `failed` when the storage or the port cannot be had. `ServerSession.stop()` asks it to
stop with `request_stop()`, which any thread may call and which returns at once; the worker thread then
drains the connections and commits, and says `stopped`. Besides that call, the worker speaks through
signals, and the session reads the running server's `ServerMonitor`, made to be read from other threads.

Readings never cross as one signal each: the session drains the server's `ReadingTap` on a timer
(25 times a second) and emits one batch per frame, grouped by sensor; twice a second it reads the
monitor's totals, open connections, new events and rejections into one `ServerPanels`, and drains the
storage's alarm feed (models/alarms/watch.py) into one `alarms` signal. While a wire view is open, the
same frame timer drains the watched connection's `WireTap` (models/wire.py).
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from app.paths import storage_file
from models.mqtt_mapping import MappingError
from models.series import group_received
from models.server_config import ServerConfig
from models.server_state import ServerMonitor
from models.storage import Storage, StorageError, open_storage
from models.wire import WireTap
from network.collector.mqtt_collector import MqttCollector
from network.collector.serveur_tcp import ServeurTCP
from network.mqtt.broker import BrokerError
from network.serveur import PortInUse, ServerError

FRAME_MS = 40
PANELS_MS = 500
STOP_WAIT_MS = 15_000


class ServerWorker(QObject):
    listening = Signal(str, int)
    """The readings port's address, or ("", 0) when the settings turn it off (MQTT only)."""
    failed = Signal(str, bool)
    """The sentence, and whether the port is in use by another program."""
    stopped = Signal()

    def __init__(self, config: ServerConfig):
        super().__init__()
        self.config = config
        self.server: ServeurTCP | None = None
        self.collector: MqttCollector | None = None
        self.monitor: ServerMonitor | None = None
        """The server's, or the MQTT collector's when there is no readings port."""
        self.storage: Storage | None = None
        """Open while the server runs: its alarms are read from the window."""
        self._lock = threading.Lock()
        self._cancelled = threading.Event()

    @Slot()
    def run(self) -> None:
        config = self.config
        try:
            storage = open_storage(storage_file(config), config.text_file, keep_days=config.retention)
        except StorageError as error:
            self.failed.emit(str(error), False)
            return
        server = ServeurTCP.from_config(storage, config) if config.tcp else None
        try:
            collector = (
                MqttCollector.from_config(storage, config, server.monitor if server else None) if config.mqtt_url else None
            )
            if server is not None:
                server.listen()
        except (ServerError, BrokerError, MappingError) as error:
            storage.close()
            self.failed.emit(str(error), isinstance(error, PortInUse))
            return
        with self._lock:
            self.server, self.collector, self.storage = server, collector, storage
            self.monitor = server.monitor if server else collector.monitor if collector else None
        if not self._cancelled.is_set():
            if collector is not None:
                collector.start()
            self.listening.emit(*(server.address if server else ("", 0)))
            if server is not None:
                server.serve_forever()
            else:
                self._cancelled.wait()
        if server is not None:
            server.stop()
        if collector is not None:
            collector.stop()
        storage.close()
        self.stopped.emit()

    def request_stop(self) -> None:
        """From any thread; returns at once."""
        with self._lock:
            self._cancelled.set()
            server = self.server
        if server is not None:
            server.request_stop()


class ServerSession(QObject):
    listening = Signal(str, int)
    failed = Signal(str, bool)
    """The sentence, and whether the port is in use by another program; nothing runs any more."""
    stopped = Signal()
    readings = Signal(dict)
    """{capteur_id: SensorBatch}, once per frame when anything arrived."""
    panels = Signal(object)
    """A `ServerPanels`, twice a second."""
    wire = Signal(list, int)
    """The watched connection's new `WireEvent`s, once per frame when there are any, and how many its
    tap has dropped so far (it keeps the last WIRE_EVENTS between two frames)."""
    alarms = Signal(list)
    """The `AlarmEvent`s raised or cleared since the last emission, in order; at most twice a second, and
    never empty. The rules and the alarms raised now: `session.storage.alarms` (docs/architecture.md, "Alarms")."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.config: ServerConfig | None = None
        self._thread: QThread | None = None
        self._worker: ServerWorker | None = None
        self._tap = None
        self.by_reception = False
        """Place live readings on the time axis by their reception, not by their timestamp."""
        self._wire: WireTap | None = None
        self._alarm_feed = None
        self._events_seen = 0
        self._frame = QTimer(self, interval=FRAME_MS, timeout=self._drain)
        self._panels = QTimer(self, interval=PANELS_MS, timeout=self._refresh_panels)

    @property
    def running(self) -> bool:
        return self._thread is not None

    @property
    def server(self) -> ServeurTCP | None:
        return self._worker.server if self._worker else None

    @property
    def monitor(self) -> ServerMonitor | None:
        return self._worker.monitor if self._worker else None

    @property
    def storage(self) -> Storage | None:
        return self._worker.storage if self._worker else None

    def start(self, config: ServerConfig) -> None:
        if self.running:
            return
        self.config = config
        self._worker = ServerWorker(config)
        self._thread = QThread(self)
        self._thread.setObjectName("server")
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.listening.connect(self._listening)
        self._worker.failed.connect(self._failed)
        self._worker.stopped.connect(self._stopped)
        self._thread.start()

    def stop(self) -> None:
        """Ask the server to stop; `stopped` follows once everything received is committed."""
        if self._worker is not None:
            self._worker.request_stop()

    def shutdown(self) -> None:
        """Stop and wait: for closing the window, when nothing may be left running."""
        if self._thread is None:
            return
        self.stop()
        self._thread.quit()
        self._thread.wait(STOP_WAIT_MS)
        self._finish()

    def watch(self, peer: str) -> bool:
        """Record the conversation of the connection from `peer` (and no other); False when it has closed."""
        server = self.server
        self._wire = server.monitor.watch(peer) if server is not None else None
        return self._wire is not None

    def unwatch(self) -> None:
        server = self.server
        if server is not None:
            server.monitor.unwatch()
        self._wire = None

    def _listening(self, host: str, port: int) -> None:
        monitor = self._worker.monitor
        self._tap = monitor.tap()
        self._alarm_feed = self._worker.storage.alarms.feed()
        self._events_seen = 0
        self._frame.start()
        self._panels.start()
        self.listening.emit(host, port)

    def _failed(self, message: str, port_in_use: bool) -> None:
        if self._thread is None:
            return
        self._thread.quit()
        self._thread.wait()
        self._finish()
        self.failed.emit(message, port_in_use)

    def _stopped(self) -> None:
        if self._thread is None:
            return
        self._drain()
        self._refresh_panels()
        self._thread.quit()
        self._thread.wait()
        self._finish()
        self.stopped.emit()

    def _finish(self) -> None:
        self._frame.stop()
        self._panels.stop()
        if self._worker is not None:
            self._worker.deleteLater()
        if self._thread is not None:
            self._thread.deleteLater()
        self._worker = self._thread = self._tap = self._wire = self._alarm_feed = None

    def _drain(self) -> None:
        if self._tap is None:
            return
        batch = self._tap.drain()
        if batch:
            self.readings.emit(group_received(batch, self.by_reception))
        if self._wire is not None and (said := self._wire.drain()):
            self.wire.emit(said, self._wire.dropped)

    def _refresh_panels(self) -> None:
        monitor = self.monitor
        if monitor is None:
            return
        self._events_seen, panels = monitor.panels(self._events_seen)
        self.panels.emit(panels)
        if self._alarm_feed is not None and (changes := self._alarm_feed.drain()):
            self.alarms.emit(changes)
