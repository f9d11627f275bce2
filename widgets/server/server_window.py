"""The server window: the live chart in the middle, sensors, connections and events in docks around it.

It shows what it is given and emits what the user asks for; the application (app/server/server_app.py)
runs the server, reads storage and writes files.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QFrame,
    QLabel,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from models.server_config import DEFAULT_PORT
from models.server_state import BrokerLink, ServerPanels
from models.storage import Location, masked
from widgets.actions import describe, make_action
from widgets.chart.chart import LiveChart
from widgets.confirm import Confirmation
from widgets.core_text import translated
from widgets.dock_layout import first_size, tabs_below
from widgets.language_menu import LanguageMenu
from widgets.locale_format import Numbers
from widgets.server.alarm_view import AlarmView
from widgets.server.broker_link import BrokerLinkLabel, BrokerLinkText
from widgets.server.connections_panel import ConnectionsPanel
from widgets.server.event_log import EventLog
from widgets.server.open_database_dialog import OpenDatabaseDialog
from widgets.server.sensor_table import SensorTable, SensorTableModel
from widgets.server.wire_view import WireView
from widgets.theme import add_theme_menu

SIDE_DOCKS_WIDTH = 340
SENSORS_DOCK_HEIGHT = 200
"""First-start room for the docks: what they need to be read, the chart the rest."""
COMPACT_DOCKS_SHARE = 0.38
"""In a narrow window, the docks' share of the height below a chart as wide as the window."""

SEND_HINT = "python main.py send --id capteur_1 --temperature 23.5 --port {port}"
EXAMPLE_READING = '{"capteur_id": "capteur_1", "temperature": 23.5}'


class ServerWindow(QMainWindow):
    start_requested = Signal()
    stop_requested = Signal()
    settings_requested = Signal()
    export_requested = Signal()
    compare_requested = Signal()
    """Open the Compare dialog (mono- against multi-task echo, textbook against batched storage)."""
    open_database_requested = Signal(object)
    """A Path, or a PostgreSQL URL (str)."""
    image_export_requested = Signal(Path)
    watch_requested = Signal(str)
    """The peer of a connection whose conversation the user asked to see."""
    closing = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Thermolab server"))
        self.last_database_url = ""
        """What File > Open database offers in its URL field: the last URL opened, without a password."""
        self.setObjectName("serverWindow")
        first_size(self, 1280, 800)
        self.chart = LiveChart(SEND_HINT.format(port=DEFAULT_PORT))
        self.setCentralWidget(self.chart)
        self.sensor_model = SensorTableModel(self)
        self.sensor_table = SensorTable(self.sensor_model)
        self.sensor_table.selection_changed.connect(self.chart.highlight)
        self.sensor_model.visibility_changed.connect(self.chart.set_sensor_visible)
        self.chart.sensor_visibility_changed.connect(self.sensor_model.set_visible)
        self.chart.image_export_requested.connect(self.ask_image_path)
        self.connections = ConnectionsPanel()
        self.broker_link = BrokerLinkLabel()
        self.connections.watch_requested.connect(self.watch_requested)
        self.watchable: list[ConnectionsPanel] = [self.connections]
        """Panels whose selected connection Server › Watch the connection shows; the application adds
        the echo clients of the Services panel, which ask for watching themselves."""
        self.wire_view = WireView(self)
        self.event_log = EventLog()
        connections = QWidget()
        connections_layout = QVBoxLayout(connections)
        connections_layout.setContentsMargins(0, 0, 0, 0)
        connections_layout.setSpacing(0)
        connections_layout.addWidget(self.broker_link)
        connections_layout.addWidget(self.connections)
        self.docks = {
            "sensors": self._dock("sensors", self.tr("Sensors"), self.sensor_table, Qt.DockWidgetArea.BottomDockWidgetArea),
            "connections": self._dock("connections", self.tr("Connections"), connections, Qt.DockWidgetArea.RightDockWidgetArea),
            "events": self._dock("event_log", self.tr("Event log"), self.event_log, Qt.DockWidgetArea.RightDockWidgetArea),
        }
        self.tabifyDockWidget(self.docks["connections"], self.docks["events"])
        self.docks["connections"].raise_()
        self.resizeDocks([self.docks["connections"]], [SIDE_DOCKS_WIDTH], Qt.Orientation.Horizontal)
        self.resizeDocks([self.docks["sensors"]], [SENSORS_DOCK_HEIGHT], Qt.Orientation.Vertical)
        self.confirmation = Confirmation(self)
        self._make_actions()
        self._make_status_bar()
        self.alarms = AlarmView(self)
        self.show_stopped()

    def add_dock(self, key: str, title: str, widget: QWidget) -> None:
        """A panel the application adds (the services); it gets a View menu entry like the others.

        It scrolls when the dock is short, so a tall panel never squeezes the chart and the other docks;
        never sideways, where buttons cut at the edge would hide: the dock is as wide as the panel needs.
        """
        scroller = QScrollArea()
        scroller.setWidget(widget)
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroller.setMinimumWidth(widget.minimumSizeHint().width() + scroller.verticalScrollBar().sizeHint().width())
        self.docks[key] = self._dock(key, title, scroller, Qt.DockWidgetArea.RightDockWidgetArea)
        self.add_view_entry(self.docks[key].toggleViewAction())

    def add_view_entry(self, action: QAction) -> None:
        """A panel's entry in the View menu, among those of the other panels."""
        self.view_menu.insertAction(self._language_separator, action)

    def show_listening(self, host: str, port: int, storage: Location) -> None:
        """`host` "": the readings port is off, readings come from the MQTT broker only."""
        if host:
            self.address.setText(self.tr("Listening on {0}:{1}").format(host, port))
            self.chart.empty_hint.set_command(SEND_HINT.format(port=port))
        else:
            self.address.setText(self.tr("Readings port off"))
        self.storage.set_path(masked(storage))
        self.storage.setToolTip(self.tr("Readings are stored in {0}").format(masked(storage)))
        self.start_action.setEnabled(False)
        self.stop_action.setEnabled(True)

    def show_stopped(self) -> None:
        self.address.setText(self.tr("Stopped"))
        self.clients.setText(self.tr("Clients: 0"))
        self.rate.setText(self.tr("%Ln readings/s", "", 0))
        self.show_broker_link(None)
        self.start_action.setEnabled(True)
        self.stop_action.setEnabled(False)

    def show_problem(self, message: str) -> None:
        """A sentence that says what happened and what to do, in a dialog and in the log."""
        message = translated(message)
        self.event_log.add_message(40, message)
        QMessageBox.warning(self, self.tr("Thermolab server"), message)

    def add_readings(self, points: dict) -> None:
        self.chart.add_points(points)
        self.sensor_model.add_points(points, {c: self.chart.colour(c) for c in points})

    def replace_history(self, history: dict, resolution: float, summaries: list) -> None:
        """The chart's curves and the table's statistics, as storage holds them for the window."""
        self.chart.replace_history(history, resolution)
        self.sensor_model.replace(summaries, {c: self.chart.colour(c) for c in history})

    def show_broker_link(self, link: BrokerLink | None) -> None:
        self.broker_link.show_link(link)
        self.show_in_status_bar(self.broker, link is not None)
        if link is not None:
            self.broker.setText(self._broker_text.short(link))
            self.broker.setToolTip(self._broker_text.full(link))

    def update_panels(self, panels: ServerPanels) -> None:
        self.connections.connections.set_connections(panels.connections)
        self.show_broker_link(panels.broker)
        self.event_log.add_events(panels.events)
        self.sensor_model.set_rejected(panels.rejected, panels.reasons)
        self.sensor_model.refresh()
        totals = panels.totals
        self.clients.setText(self.tr("Clients: {0}").format(totals.connections))
        numbers = Numbers.current()
        self.rate.setText(self.tr("%Ln readings/s", "", round(totals.per_second)))
        if totals.in_storage is None:
            self.stored.setText(self.tr("Stored: {0}").format(numbers.integer(totals.stored)))
        else:
            in_storage, since_start = numbers.integer(totals.in_storage), numbers.integer(totals.stored)
            self.stored.setText(self.tr("Stored: {0} ({1} since the start)").format(in_storage, since_start))

    def show_wire_view(self, peer: str) -> None:
        self.wire_view.watch(peer)
        self.wire_view.show()

    def ask_image_path(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the chart"), "thermolab-chart.png", self.tr("PNG image (*.png);;SVG drawing (*.svg)")
        )
        if path:
            self.image_export_requested.emit(Path(path))

    def ask_database(self) -> None:
        dialog = OpenDatabaseDialog(self.last_database_url, self)
        dialog.chosen.connect(self.open_database_requested)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def compact_layout(self) -> None:
        """For a narrow window: the chart across the whole width, the panels as tabs below it."""
        tabs_below(self, list(self.docks.values()), COMPACT_DOCKS_SHARE)

    def layout_state(self) -> tuple[QByteArray, QByteArray]:
        return self.saveGeometry(), self.saveState()

    def restore_layout(self, geometry, state) -> None:
        if geometry:
            self.restoreGeometry(geometry)
        if state:
            self.restoreState(state)

    def closeEvent(self, event) -> None:
        self.closing.emit()
        super().closeEvent(event)

    def _dock(self, name: str, title: str, widget: QWidget, area) -> QDockWidget:
        """`name`: the dock's key in the saved layout, the same in every language."""
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        describe(dock.toggleViewAction(), self.tr("Show or hide the {0} panel").format(title))
        return dock

    def _action(self, text: str, command: str | None = None, tip: str = "", slot=None) -> QAction:
        return make_action(self, text, command, tip, slot)

    def _make_actions(self) -> None:
        self.start_action = self._action(
            self.tr("&Start server"), "start_server", self.tr("Listen for sensors"), self.start_requested.emit
        )
        self.stop_action = self._action(
            self.tr("S&top server"), "stop_server", self.tr("Stop listening; everything received is kept"), self._ask_stop
        )
        export_csv = self._action(
            self.tr("&Export CSV…"), "export_csv", self.tr("Write stored readings to a CSV file"), self.export_requested.emit
        )
        export_image = self._action(
            self.tr("Export chart &image…"), "export_image", self.tr("Save the chart as PNG or SVG"), self.ask_image_path
        )
        open_database = self._action(
            self.tr("&Open database…"),
            "open_database",
            self.tr("Look at a database's history in a read-only window; live readings go on where they went"),
            self.ask_database,
        )
        settings = self._action(
            self.tr("Se&ttings…"), "settings", self.tr("Address, storage, token and limits"), self.settings_requested.emit
        )
        quit_action = self._action(self.tr("&Quit"), "quit", self.tr("Stop the server and close"), self.close)
        compare = self._action(
            self.tr("&Compare servers…"),
            "compare",
            self.tr("Mono-task against multi-task echo, one commit per reading against one per batch, side by side"),
            self.compare_requested.emit,
        )
        follow = self._action(
            self.tr("&Follow new readings"), "follow", self.tr("Scroll with new readings"), lambda: self.chart.set_following(True)
        )
        self.grid_action = self._action(
            self.tr("&Grid lines"), "grid", self.tr("Grid lines on the chart (they slow down a busy chart)")
        )
        self.grid_action.setCheckable(True)
        self.grid_action.toggled.connect(self.chart.set_grid)
        self.reception_action = self._action(
            self.tr("Plot by &reception time"),
            "reception_time",
            self.tr(
                "Place each reading at the time the server received it rather than at its timestamp: a sensor's clock"
                " set wrong no longer shifts its curve"
            ),
        )
        self.reception_action.setCheckable(True)
        self.reception_action.toggled.connect(self._show_time_basis)

        file_menu = self.menuBar().addMenu(self.tr("&File"))
        for action in (export_csv, export_image, open_database, None, settings, None, quit_action):
            file_menu.addSeparator() if action is None else file_menu.addAction(action)
        server_menu = self.menuBar().addMenu(self.tr("&Server"))
        server_menu.addActions([self.start_action, self.stop_action])
        server_menu.addSeparator()
        server_menu.addAction(
            self._action(
                self.tr("&Watch the connection"),
                "watch_connection",
                self.tr("See the chunks read, the messages cut from them and the replies of the connection selected"),
                self._watch_selected,
            )
        )
        server_menu.addAction(compare)
        self.view_menu = self.menuBar().addMenu(self.tr("&View"))
        self.view_menu.addActions([follow, self.grid_action, self.reception_action])
        self.view_menu.addSeparator()
        for dock in self.docks.values():
            self.view_menu.addAction(dock.toggleViewAction())
        self._language_separator = self.view_menu.addSeparator()
        self.language_menu = LanguageMenu(self)
        self.view_menu.addMenu(self.language_menu)
        self.theme_menu = add_theme_menu(self.view_menu)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self._action(self.tr("How to send a reading"), "help", slot=self._show_help))

        toolbar = self.addToolBar(self.tr("Server"))
        toolbar.setObjectName("serverToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.addActions([self.start_action, self.stop_action, settings])
        toolbar.addSeparator()
        toolbar.addActions([export_csv, export_image])
        # Each button's own short name, so longer languages still fit beside the simulator.
        for action, name in (
            (self.start_action, self.tr("Start server", "toolbar")),
            (self.stop_action, self.tr("Stop server", "toolbar")),
            (settings, self.tr("Settings", "toolbar")),
            (export_csv, self.tr("Export CSV", "toolbar")),
            (export_image, self.tr("Export chart image", "toolbar")),
        ):
            action.setIconText(name)

    def _make_status_bar(self) -> None:
        self.address, self.clients, self.rate, self.stored, self.broker = (QLabel() for _ in range(5))
        self._broker_text = BrokerLinkText(self)
        self.storage = PathLabel()
        for label in (self.address, self.clients, self.rate, self.stored, self.broker):
            self.statusBar().addWidget(label)
        # Not a permanent widget: one that stretches leaves a note no room to be drawn in.
        self.statusBar().addWidget(self.storage, 1)
        self.stored.setText(self.tr("Stored: 0"))

    def show_in_status_bar(self, label: QWidget, visible: bool) -> None:
        """While a note is shown, a figure that comes waits for it to go, as the status bar makes the
        others wait: shown now, it would be drawn over the note."""
        if visible and self.statusBar().currentMessage():
            label.hide()
            # Hidden for the note, not by the window: the status bar shows it again when the note goes.
            label.setAttribute(Qt.WidgetAttribute.WA_WState_ExplicitShowHide, False)
        else:
            label.setVisible(visible)

    def _show_time_basis(self, by_reception: bool) -> None:
        label = self.tr("Local time of reception") if by_reception else self.tr("Local time")
        self.chart.plot.setLabel("bottom", label)

    def _watch_selected(self) -> None:
        """The connection selected in the panel the user is in, else in any panel shown that has one."""
        panels = sorted(self.watchable, key=lambda panel: not panel.hasFocus())
        if not any(panel.isVisible() and panel.watch_selected() for panel in panels):
            self.docks["connections"].show()
            self.docks["connections"].raise_()
            self.statusBar().showMessage(self.tr("Select a connection in the Connections panel first."), 10_000)

    def _ask_stop(self) -> None:
        question = self.tr("Stop the server? Sensors cannot send readings until it starts again; everything received is kept.")
        if self.confirmation.ask("stop_server", question, self.tr("Stop server")):
            self.stop_requested.emit()

    def _show_help(self) -> None:
        # The example goes in as an argument: its braces in the text itself would be taken for a placeholder.
        QMessageBox.information(
            self,
            self.tr("How to send a reading"),
            self.tr(
                "Sensors connect over TCP and send one JSON object per line, for example:\n\n{0}\n\nFrom a terminal:\n{1}"
            ).format(EXAMPLE_READING, self.chart.empty_hint.command.text()),
        )


class PathLabel(QLabel):
    """A path that gives up its room first in a narrow status bar, keeping its end, the file's name, in sight."""

    def __init__(self):
        super().__init__()
        self._path = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def set_path(self, path: str) -> None:
        self._path = path
        self._elide()

    def path(self) -> str:
        """The whole path, however much of it the label has room to show."""
        return self._path

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        self.setText(self.fontMetrics().elidedText(self._path, Qt.TextElideMode.ElideLeft, self.width()))
