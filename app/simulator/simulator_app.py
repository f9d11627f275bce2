"""`python main.py client`: the simulator window wired to its sensors and to the exercise's services.

The window only asks; `FleetSession` turns the asking into work in the sensor process, `ServiceRequests`
into requests off the GUI thread. Here the two are made, and the window's settings (layout, panels,
target) are restored at the start and remembered at the end.
"""

from __future__ import annotations

import argparse
import logging
import sys

from PySide6.QtCore import QObject

from app.language import offer_languages
from app.qt_app import closing_on_signals, make_application, run_event_loop
from app.secret_store import TARGET_TOKEN, SecretError
from app.settings import recall, remember, settings
from app.simulator.fleet_session import FleetSession
from app.simulator.service_requests import ServiceRequests
from app.theme import offer_themes
from models.server_config import DEFAULT_PORT
from widgets.simulator.simulator_window import SimulatorWindow

DEFAULT_HOST = "127.0.0.1"

log = logging.getLogger("thermolab.simulator")


class SimulatorApp(QObject):
    def __init__(self, host: str, port: int, token: str = "", window: SimulatorWindow | None = None):
        super().__init__()
        self.store = settings()
        self.window = window or SimulatorWindow()
        self._restore()
        self.window.show_target(host, port, token)
        self.fleet = FleetSession((host, port, token), self.window, self.store)
        self.requests = ServiceRequests(self.window, self.fleet)
        self._connect_window()
        self.fleet.restore()

    def start(self) -> None:
        self.window.show()
        self.fleet.start()

    def shutdown(self) -> None:
        """Stop every sensor thread (within a second), leave the echo server, remember the settings and layout."""
        self.fleet.close()
        self.requests.close()
        for key, value in zip(("geometry", "state", "header"), self.window.layout_state(), strict=True):
            self.store.setValue(f"simulator_window/{key}", value)
        for group, panel in self._panels().items():
            for key, value in panel.settings().items():
                try:
                    remember(self.store, f"{group}/{key}", value)
                except SecretError as error:
                    log.warning("%s", error)
        self.store.sync()

    def _panels(self) -> dict:
        return {
            "manual": self.window.manual,
            "weather": self.window.weather,
            "clock": self.window.clock,
            "echo": self.window.echo,
        }

    def _restore(self) -> None:
        window = self.window
        window.restore_layout(*(self.store.value(f"simulator_window/{key}") for key in ("geometry", "state", "header")))
        for group, panel in self._panels().items():
            defaults = panel.settings()
            panel.apply_settings({k: recall(self.store, f"{group}/{k}", v) for k, v in defaults.items()})

    def _connect_window(self) -> None:
        window = self.window
        window.target_changed.connect(self._target_chosen)
        window.closing.connect(self.shutdown)
        offer_languages(window.language_menu, self.store, window)
        window.confirmation.store = self.store
        offer_themes(window.theme_menu, self.store)

    def _target_chosen(self, host: str, port: int, token: str) -> None:
        try:
            for key, value in (("host", host), ("port", port), ("token", token)):
                remember(self.store, f"simulator/target_{key}", value)
        except SecretError as error:
            self.window.show_problem(str(error))
        self.fleet.retarget(host, port, token)


def run_client(args: argparse.Namespace) -> int:
    """The window aimed at --host/--port, else at the target saved, else at DEFAULT_HOST:DEFAULT_PORT."""
    app = make_application(sys.argv[:1])
    store = settings()
    host = args.host or store.value("simulator/target_host", DEFAULT_HOST, type=str)
    port = args.port if args.port is not None else store.value("simulator/target_port", DEFAULT_PORT, type=int)
    token = args.token or recall(store, TARGET_TOKEN, "")
    simulator = SimulatorApp(host, port, token)
    with closing_on_signals(simulator.window.close):
        simulator.start()
        print(f"simulator sending to {host}:{port}", flush=True)
        return run_event_loop(app)
