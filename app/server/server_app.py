"""`python main.py server`: the window, its server session, and what the window asks for."""

from __future__ import annotations

import argparse
import logging
import sys
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from app.history_view import ask_csv_export, read_history
from app.language import offer_languages
from app.paths import default_database, default_text_file, storage_file
from app.qt_app import closing_on_signals, make_application, run_event_loop
from app.secret_store import SecretError
from app.server.alarm_desk import AlarmDesk
from app.server.chart_image import save_chart_image
from app.server.export_job import ExportJob
from app.server.server_session import ServerSession
from app.server.services_session import ServicesSession
from app.settings import load_server_config, save_server_config, settings
from app.theme import offer_themes
from app.viewer_app import ViewerApp
from models.server_config import ServerConfig
from models.storage import Location, StorageError, is_database_url
from models.storage.url import split_password
from widgets.chart.chart import TIME_WINDOWS
from widgets.core_text import translated
from widgets.port_taken import PortTakenBox
from widgets.server.server_window import ServerWindow
from widgets.server.settings_dialog import SettingsDialog

NOTE_MS = 30_000
"""How long a note stays in the status bar; the event log keeps it."""
LAST_DATABASE_URL = "server_window/database_url"
"""The URL File > Open database offers, kept without its password."""


@dataclass(frozen=True)
class _Attempt:
    """One start of the server, and what its outcome leads to."""

    config: ServerConfig
    save: bool = False
    """New settings: saved, and made the window's, only once the server listens on them."""
    previous: ServerConfig | None = None
    """The settings of the server stopped to try these: started again when these fail."""
    free_port_instead: bool = False
    """When the port is in use, listen on a free one for this session."""
    instead_of: int | None = None
    """The port in use that this start replaces with a free one, said once it listens."""


class ServerApp(QObject):
    """Wires one ServerWindow to one ServerSession; owns the files the window asks to read or write."""

    unavailable = Signal(str)
    """The server could not listen, and no other start is under way: nothing receives readings."""

    def __init__(self, config: ServerConfig, window: ServerWindow | None = None):
        super().__init__()
        self.store = settings()
        self.config = config
        self.window = window or ServerWindow()
        self.session = ServerSession(self)
        self._export: ExportJob | None = None
        self._attempt: _Attempt | None = None
        """The start under way, until the server listens or fails."""
        self._after_stop: _Attempt | None = None
        """The start to try once the running server has stopped."""
        self.viewers: list[ViewerApp] = []
        """Databases opened to be looked at, each in its own window until closed."""
        self.port_taken: PortTakenBox | None = None
        self.services = ServicesSession(self.store, self)
        self.window.add_dock("services", self.tr("Services"), self.services.panel)
        self.window.tabifyDockWidget(self.window.docks["events"], self.window.docks["services"])
        self.window.docks["events"].raise_()
        self.window.restore_layout(self.store.value("server_window/geometry"), self.store.value("server_window/state"))
        self.window.chart.set_time_window(_seconds(self.store.value("server_window/time_window", 60.0)))
        self.window.grid_action.setChecked(self.store.value("server_window/grid", False, bool))
        self.window.last_database_url = self.store.value(LAST_DATABASE_URL, "", type=str)
        self.window.reception_action.setChecked(self.store.value("server_window/by_reception", False, bool))
        self.session.by_reception = self.window.reception_action.isChecked()

        self.session.listening.connect(self._listening)
        self.session.failed.connect(self._failed)
        self.session.stopped.connect(self._stopped)
        self.session.readings.connect(self.window.add_readings)
        self.session.panels.connect(self.window.update_panels)
        self.alarms = AlarmDesk(
            self.window, lambda: (storage_file(self.config), self.config.text_file), self._alarm_watch, self.store
        )
        self.session.alarms.connect(self.alarms.changed)
        self.session.panels.connect(self.alarms.follow_rules)
        self.session.listening.connect(lambda *_: self.alarms.refresh())
        self.session.stopped.connect(self.alarms.refresh)
        self.session.wire.connect(self.window.wire_view.add_events)
        self.services.wire.connect(self.window.wire_view.add_events)
        self.window.watch_requested.connect(self._watch)
        self.services.panel.echo.clients.watch_requested.connect(self._watch_echo_client)
        self.window.watchable.append(self.services.panel.echo.clients)
        self.window.reception_action.toggled.connect(self._plot_by_reception)
        self.window.wire_view.closed.connect(self.session.unwatch)
        self.window.wire_view.closed.connect(self.services.unwatch)
        self.window.start_requested.connect(lambda: self._try(_Attempt(self.config)))
        self.window.stop_requested.connect(self.session.stop)
        self.window.settings_requested.connect(self._edit_settings)
        self.window.export_requested.connect(self._export_csv)
        self.window.image_export_requested.connect(self._save_image)
        self.window.open_database_requested.connect(self._open_database)
        self.window.compare_requested.connect(lambda: self.services.compare.open(self.window))
        self.window.chart.window_changed.connect(lambda _: self._load_history())
        self.window.closing.connect(self.shutdown)
        offer_languages(self.window.language_menu, self.store, self.window)
        self.window.confirmation.store = self.store
        offer_themes(self.window.theme_menu, self.store)
        self.window.chart.place_legend(self.store.value("server_window/legend", "inside", type=str))
        self.window.chart.legend_placement_changed.connect(
            lambda placement: self.store.setValue("server_window/legend", placement)
        )

    def start(self, free_port_instead: bool = False) -> None:
        """`free_port_instead`: when another program holds the saved port, listen on a free one for this
        session and say so, rather than stay stopped (`python main.py`)."""
        self.window.show()
        if not is_database_url(storage_file(self.config)):
            # A database server's history waits for the writer: it makes the table of a new database.
            self._load_history()
        self.alarms.refresh()
        self._try(_Attempt(self.config, free_port_instead=free_port_instead))

    def shutdown(self) -> None:
        """Stop the server, commit, end every thread, remember the layout."""
        if self._export is not None:
            self._export.cancel_and_wait()
        for viewer in list(self.viewers):
            viewer.window.close()
        self.session.shutdown()
        self.services.shutdown()
        geometry, state = self.window.layout_state()
        self.store.setValue("server_window/geometry", geometry)
        self.store.setValue("server_window/state", state)
        self.store.setValue("server_window/time_window", self.window.chart.time_window or "all")
        self.store.setValue("server_window/grid", self.window.grid_action.isChecked())
        self.store.sync()

    def _plot_by_reception(self, by_reception: bool) -> None:
        """Live readings placed anew from the next frame on, and the history read again to match."""
        self.session.by_reception = by_reception
        self.store.setValue("server_window/by_reception", by_reception)
        self._load_history()

    def _watch(self, peer: str) -> None:
        """The wire view shows one conversation: an echo client watched before is let go."""
        self.services.unwatch()
        self._show_watched(peer, self.session.watch(peer))

    def _watch_echo_client(self, peer: str) -> None:
        self.session.unwatch()
        self._show_watched(peer, self.services.watch_echo(peer))

    def _show_watched(self, peer: str, watched: bool) -> None:
        if watched:
            self.window.show_wire_view(peer)
        else:
            self.window.statusBar().showMessage(self.tr("{0} has closed its connection meanwhile.").format(peer), NOTE_MS)

    def _alarm_watch(self):
        """The running server's alarms, or None."""
        storage = self.session.storage
        return storage.alarms if storage is not None else None

    def _try(self, attempt: _Attempt) -> None:
        if self.session.running:
            return
        self._attempt = attempt
        self.session.start(attempt.config)

    def _listening(self, host: str, port: int) -> None:
        attempt, self._attempt = self._attempt, None
        if attempt.save:
            self._adopt(attempt.config)
        elif is_database_url(storage_file(self.config)):
            self._load_history()
        if host:
            print(f"listening on {host}:{port}", flush=True)
        self.window.show_listening(host, port, storage_file(self.config))
        if attempt.instead_of is not None:
            note = self.tr(
                "Port {0} is in use by another program: this session listens on port {1} instead (Settings to choose the port)."
            )
            self._note(note.format(attempt.instead_of, port))

    def _failed(self, message: str, port_in_use: bool) -> None:
        """Nothing is saved; the server that ran before runs again, else the window offers the way out."""
        attempt, self._attempt = self._attempt, None
        if port_in_use and attempt.free_port_instead:
            self._try(_Attempt(replace(attempt.config, port=0), instead_of=attempt.config.port))
        elif attempt.previous is not None:
            self._try(_Attempt(attempt.previous))
            self.window.show_problem(self.tr("{0}. Nothing was saved: the server goes on as before.").format(translated(message)))
        else:
            self.window.address.setText(self.tr("Not listening"))
            self.unavailable.emit(message)
            if port_in_use:
                self._offer_another_port(message, attempt.config)
            else:
                self.window.show_problem(message)

    def _stopped(self) -> None:
        self.window.show_stopped()
        if self._after_stop is not None:
            attempt, self._after_stop = self._after_stop, None
            self._try(attempt)

    def _apply(self, config: ServerConfig) -> None:
        """Try the new settings; they are saved and kept only once the server listens on them."""
        if not self.session.running:
            self._try(_Attempt(config, save=True))
            return
        server = self.session.server
        previous = replace(self.session.config, port=server.address[1]) if server is not None else self.session.config
        self._after_stop = _Attempt(config, save=True, previous=previous)
        self.session.stop()

    def _adopt(self, config: ServerConfig) -> None:
        storage_changed = storage_file(config) != storage_file(self.config)
        self.config = config
        try:
            save_server_config(self.store, config)
        except SecretError as error:
            self.window.show_problem(str(error))
        self.store.sync()
        if storage_changed:
            self._load_history()

    def _offer_another_port(self, message: str, config: ServerConfig) -> None:
        self.port_taken = PortTakenBox(message, self.window)
        self.port_taken.free_port_chosen.connect(lambda: self._try(_Attempt(replace(config, port=0), instead_of=config.port)))
        self.port_taken.settings_chosen.connect(self._edit_settings)
        self.port_taken.finished.connect(self.port_taken.deleteLater)
        self.port_taken.open()

    def _note(self, sentence: str) -> None:
        self.window.event_log.add_message(logging.WARNING, sentence)
        self.window.statusBar().showMessage(sentence, NOTE_MS)

    def _edit_settings(self) -> None:
        """Window-modal and opened with `open()`, so the server goes on drawing while the user edits."""
        dialog = SettingsDialog(self.config, default_database(), default_text_file(), self.window)
        dialog.accepted.connect(lambda: self._apply(dialog.config()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _open_database(self, location: Location) -> None:
        """A read-only viewer of `location`; live readings go on to the storage of the settings."""
        try:
            viewer = ViewerApp(location, storage_file(self.config), self.store)
        except StorageError as error:
            self.window.show_problem(str(error))
            return
        if is_database_url(location):
            self.window.last_database_url = split_password(str(location))[0]
            self.store.setValue(LAST_DATABASE_URL, self.window.last_database_url)
        self.viewers.append(viewer)
        viewer.closed.connect(lambda: self.viewers.remove(viewer))
        viewer.start()

    def _load_history(self) -> None:
        """Fill the chart and the table from storage for the chart's time window."""
        chart = self.window.chart
        path = storage_file(self.config)
        self.window.sensor_model.set_window(chart.time_window)
        if self.config.text_file or not (is_database_url(path) or Path(path).exists()):
            self.window.replace_history({}, chart.resolution_for(chart.time_window or TIME_WINDOWS[0]), [])
            return
        try:
            history, resolution, summaries = read_history(path, chart, self.session.by_reception)
        except StorageError as error:
            self.window.show_problem(str(error))
            return
        self.window.replace_history(history, resolution, summaries)

    def _export_csv(self) -> None:
        if self.config.text_file:
            self.window.show_problem(
                self.tr("The text file is already CSV lines: open it directly, or store into SQLite to export.")
            )
            return
        self._export = ask_csv_export(storage_file(self.config), self.window.chart, self.window, self.store)
        if self._export is not None:
            self._export.finished.connect(self._export_done)

    def _export_done(self, message: str) -> None:
        self._export = None
        self.window.statusBar().showMessage(translated(message), 10_000)

    def _save_image(self, path: Path) -> None:
        try:
            save_chart_image(self.window.chart, path)
        except OSError as error:
            self.window.show_problem(self.tr("Could not save {0} ({1}): choose another place.").format(path, error.strerror))


def _seconds(value) -> float | None:
    """The saved time window: a number of seconds, or "all"."""
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def run_window(args: argparse.Namespace) -> int:
    app = make_application(sys.argv[:1])
    config = load_server_config(settings()).updated(args)
    server_app = ServerApp(config)
    with closing_on_signals(server_app.window.close):
        server_app.start()
        return run_event_loop(app)
