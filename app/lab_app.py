"""`python main.py` with no command: the server window and the simulator together, the simulator aimed at
the server, three demo sensors ready to start, so readings flow within seconds of a first start."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace

from PySide6.QtCore import QObject, QRect

from app.qt_app import closing_on_signals, make_application, run_event_loop
from app.server.server_app import ServerApp
from app.settings import load_server_config, settings
from app.simulator.simulator_app import SimulatorApp
from models.server_config import ServerConfig
from widgets.core_text import translated
from widgets.dock_layout import FRAME_ALLOWANCE

ALL_ADDRESSES = {"0.0.0.0", "::", ""}
WIDE_SCREEN = 1600
"""From this width on, the server window beside the simulator still has room for its docks around the chart."""
SERVER_SHARE = {True: 0.58, False: 0.52}
"""The server window's share of a wide (True) or small screen: its chart is what the user watches."""


def reachable(host: str) -> str:
    """The address a local client connects to for a server listening on `host`."""
    return "127.0.0.1" if host in ALL_ADDRESSES else host


class LabApp(QObject):
    """The two applications; the simulator follows the server to the port it really listens on, and
    sends nowhere while that server is not listening: never to another program on its port."""

    def __init__(self, config: ServerConfig):
        super().__init__()
        store = settings()
        self._first_start = not (store.contains("server_window/geometry") or store.contains("simulator_window/geometry"))
        self.server = ServerApp(config)
        self.simulator = SimulatorApp(reachable(config.host), config.port, config.token)
        if not self.simulator.fleet.sensor_ids:
            self.simulator.fleet.add_demo_sensors()
        self.simulator.fleet.hold(self.tr("The server window is not listening yet: start the sensors once it is."))
        self.server.session.listening.connect(self._listening)
        self.server.unavailable.connect(self._unavailable)
        # The simulator of this window sends to this server only: quitting the server quits both.
        self.server.window.closing.connect(self.simulator.window.close)

    def start(self) -> None:
        self.server.start(free_port_instead=True)
        self.simulator.start()
        if self._first_start:
            self._side_by_side()

    def close(self) -> None:
        self.simulator.window.close()
        self.server.window.close()

    def _side_by_side(self) -> None:
        """On a first start, neither window hides the other: the server on the left, the simulator on the right."""
        screen = self.server.window.screen().availableGeometry()
        places = list(zip((self.server.window, self.simulator.window), side_by_side(screen), strict=True))
        # Narrowed before the narrow layouts, as a table's stretched column keeps the width a wider
        # window gave it; and after them, as the docks laid out around the table made the window wider.
        self._place(places)
        if screen.width() < WIDE_SCREEN:
            self.server.window.compact_layout()
        self.simulator.window.compact_layout()
        self._place(places)

    @staticmethod
    def _place(places: list) -> None:
        for window, place in places:
            # The minimum width of the layout as it now is, not as a posted relayout will make it: a
            # resize holds to the old minimum, the side docks' before the narrow layout put them below.
            window.layout().activate()
            window.resize(place.size())
            window.move(place.topLeft())

    def _listening(self, host: str, port: int) -> None:
        # Port 0 in the settings, or a restart on new settings: the sensors go where the server is now.
        fleet = self.simulator.fleet
        fleet.retarget(replace(fleet.target, host=reachable(host), port=port, token=self.server.session.config.token))

    def _unavailable(self, message: str) -> None:
        sentence = self.tr("The server window is not listening ({0}): start the sensors once it is.")
        self.simulator.fleet.hold(sentence.format(translated(message)))


def side_by_side(screen: QRect) -> tuple[QRect, QRect]:
    """Where the server and the simulator windows go on `screen`: side by side, the server the wider."""
    server_width = round(screen.width() * SERVER_SHARE[screen.width() >= WIDE_SCREEN])
    height = screen.height() - FRAME_ALLOWANCE
    gap = FRAME_ALLOWANCE // 4
    server = QRect(screen.x(), screen.y(), server_width - gap, height)
    simulator = QRect(screen.x() + server_width, screen.y(), screen.width() - server_width - gap, height)
    return server, simulator


def run_lab(args: argparse.Namespace) -> int:
    """`args`: the `server` command's arguments (address, storage, token, limits), as for its window."""
    app = make_application(sys.argv[:1])
    lab = LabApp(load_server_config(settings()).updated(args))
    with closing_on_signals(lab.close):
        lab.start()
        return run_event_loop(app)
