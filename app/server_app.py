"""`python main.py server`: the window, its server session, and what the window asks for."""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QObject

from app.chart_image import save_chart_image
from app.export_job import ExportJob
from app.language import offer_languages
from app.paths import default_database, storage_file
from app.qt_app import closing_on_signals, make_application, run_event_loop
from app.secret_store import SecretError
from app.server_session import ServerSession
from app.services_session import ServicesSession
from app.settings import load_server_config, save_server_config, settings
from app.theme import offer_themes
from models.history import load_history, sensor_summaries, time_span
from models.server_config import ServerConfig
from models.storage import StorageError
from widgets.chart import TIME_WINDOWS
from widgets.core_text import translated
from widgets.export_dialog import ExportDialog
from widgets.server_window import ServerWindow
from widgets.settings_dialog import SettingsDialog


class ServerApp(QObject):
    """Wires one ServerWindow to one ServerSession; owns the files the window asks to read or write."""

    def __init__(self, config: ServerConfig, window: ServerWindow | None = None):
        super().__init__()
        self.store = settings()
        self.config = config
        self.window = window or ServerWindow()
        self.session = ServerSession(self)
        self._export: ExportJob | None = None
        self._restart_with: ServerConfig | None = None
        self.services = ServicesSession(self.store, self)
        self.window.add_dock("services", self.tr("Services"), self.services.panel)
        self.window.tabifyDockWidget(self.window.docks["events"], self.window.docks["services"])
        self.window.docks["events"].raise_()
        self.window.restore_layout(self.store.value("server_window/geometry"), self.store.value("server_window/state"))
        self.window.chart.set_time_window(_seconds(self.store.value("server_window/time_window", 60.0)))
        self.window.grid_action.setChecked(self.store.value("server_window/grid", False, bool))

        self.session.listening.connect(self._listening)
        self.session.failed.connect(self.window.show_problem)
        self.session.stopped.connect(self._stopped)
        self.session.readings.connect(self.window.add_readings)
        self.session.panels.connect(self.window.update_panels)
        self.window.start_requested.connect(lambda: self.session.start(self.config))
        self.window.stop_requested.connect(self.session.stop)
        self.window.settings_requested.connect(self._edit_settings)
        self.window.export_requested.connect(self._export_csv)
        self.window.image_export_requested.connect(self._save_image)
        self.window.open_database_requested.connect(self._open_database)
        self.window.chart.window_changed.connect(lambda _: self._load_history())
        self.window.closing.connect(self.shutdown)
        offer_languages(self.window.language_menu, self.store, self.window)
        self.window.confirmation.store = self.store
        offer_themes(self.window.theme_menu, self.store)
        self.window.chart.place_legend(self.store.value("server_window/legend", "inside", type=str))
        self.window.chart.legend_placement_changed.connect(
            lambda placement: self.store.setValue("server_window/legend", placement)
        )

    def start(self) -> None:
        self.window.show()
        self._load_history()
        self.session.start(self.config)

    def shutdown(self) -> None:
        """Stop the server, commit, end every thread, remember the layout."""
        if self._export is not None:
            self._export.cancel_and_wait()
        self.session.shutdown()
        self.services.shutdown()
        geometry, state = self.window.layout_state()
        self.store.setValue("server_window/geometry", geometry)
        self.store.setValue("server_window/state", state)
        self.store.setValue("server_window/time_window", self.window.chart.time_window or "all")
        self.store.setValue("server_window/grid", self.window.grid_action.isChecked())
        self.store.sync()

    def _listening(self, host: str, port: int) -> None:
        print(f"listening on {host}:{port}", flush=True)
        self.window.show_listening(host, port, storage_file(self.config))

    def _stopped(self) -> None:
        self.window.show_stopped()
        if self._restart_with is not None:
            config, self._restart_with = self._restart_with, None
            self._apply(config)

    def _apply(self, config: ServerConfig) -> None:
        """Run the server on new settings: now if it is stopped, else as soon as it has stopped."""
        if self.session.running:
            self._restart_with = config
            self.session.stop()
            return
        storage_changed = (config.storage_path, config.text_file) != (self.config.storage_path, self.config.text_file)
        self.config = config
        if storage_changed:
            self._load_history()
        self.session.start(config)

    def _edit_settings(self) -> None:
        dialog = SettingsDialog(self.config, default_database(), self.window)
        if dialog.exec():
            try:
                save_server_config(self.store, dialog.config())
            except SecretError as error:
                self.window.show_problem(str(error))
            self._apply(dialog.config())

    def _open_database(self, path: Path) -> None:
        self._apply(replace(self.config, storage_path=path, text_file=False))

    def _load_history(self) -> None:
        """Fill the chart and the table from storage for the chart's time window."""
        chart = self.window.chart
        path = storage_file(self.config)
        self.window.sensor_model.set_window(chart.time_window)
        if self.config.text_file or not path.exists():
            self.window.replace_history({}, chart.resolution_for(chart.time_window or TIME_WINDOWS[0]), [])
            return
        try:
            span = chart.time_window
            if span is None:
                first_last = time_span(path)
                span = max(first_last[1] - first_last[0], TIME_WINDOWS[0]) if first_last else TIME_WINDOWS[0]
            now = time.time()
            since = None if chart.time_window is None else now - span
            resolution = chart.resolution_for(span)
            history = load_history(path, since, resolution)
            summaries = sensor_summaries(path, chart.time_window, now)
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
        database = storage_file(self.config)
        dialog = ExportDialog(
            self.window.chart.sensors(),
            self.window.chart.visible_range(),
            Path.home() / "thermolab.csv",
            self.window,
            database,
            self.store,
        )
        if dialog.exec():
            self._export = ExportJob(database, dialog.path(), dialog.selection(), self.window, dialog.style())
            self._export.finished.connect(self._export_done)
            self._export.start()

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
