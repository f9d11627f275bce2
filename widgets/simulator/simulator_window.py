"""The sensor simulator window: the sensors table in the middle, the exercise's clients in docks around it.

It shows what it is given and emits what the user asks for; the application (app/simulator/)
runs the sensor threads and every network call.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QMessageBox, QSizePolicy, QVBoxLayout, QWidget

from models.sensor_row import SensorRow
from models.sensor_target import SensorTarget
from widgets.actions import bind, describe, make_action
from widgets.confirm import Confirmation
from widgets.core_text import translated
from widgets.dock_layout import first_size, tabs_below
from widgets.empty_hint import EmptyHint
from widgets.language_menu import LanguageMenu
from widgets.locale_format import Numbers
from widgets.sensor_hints import ReadyBanner
from widgets.simulator.add_sensors_dialog import SensorDialog
from widgets.simulator.clock_panel import ClockPanel
from widgets.simulator.echo_panel import EchoPanel
from widgets.simulator.manual_panel import ManualPanel
from widgets.simulator.sensor_fleet_table import SensorFleetModel, SensorFleetTable
from widgets.simulator.target_dialog import TargetDialog
from widgets.simulator.weather_panel import WeatherPanel
from widgets.theme import add_theme_menu

COMPACT_DOCKS_SHARE = 0.4
"""In a narrow window, the panels' share of the height below the sensors table."""


class SimulatorWindow(QMainWindow):
    sensors_added = Signal(list, object, float, bool)
    """The new ids, their value model, the rate, whether to start them at once."""
    sensor_changed = Signal(str, object, float, object)
    """The sensor's id, its value model, its rate, its faults (models/faults.py)."""
    demo_requested = Signal()
    start_requested = Signal(list)
    pause_requested = Signal(list)
    stop_requested = Signal(list)
    remove_requested = Signal(list)
    target_changed = Signal(SensorTarget)
    closing = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Thermolab sensor simulator"))
        self.setObjectName("simulatorWindow")
        first_size(self, 1400, 880)
        self._target = SensorTarget()
        self._ids: list[str] = []
        self.names_taken: set[str] = set()
        """Every sensor's id, those asked for included before the table shows them: the dialog never offers one."""
        self.model = SensorFleetModel(self)
        self.table = SensorFleetTable(self.model)
        self.banner = ReadyBanner()
        self.banner.hide()
        centre = QWidget()
        layout = QVBoxLayout(centre)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.table)
        self.setCentralWidget(centre)
        self.empty_hint = EmptyHint(
            self.table.viewport(),
            self.tr("No sensors yet"),
            self.tr("Each sensor is a thread that measures and sends JSON readings over TCP."),
        )

        self.manual, self.weather, self.clock, self.echo = ManualPanel(), WeatherPanel(), ClockPanel(), EchoPanel()
        right, bottom = Qt.DockWidgetArea.RightDockWidgetArea, Qt.DockWidgetArea.BottomDockWidgetArea
        self.docks = {
            "manual": self._dock("manual", self.tr("Manual reading"), self.manual, right),
            "weather": self._dock("weather", self.tr("Weather"), self.weather, right),
            "clock": self._dock("clock", self.tr("Clock"), self.clock, bottom),
            "echo": self._dock("echo", self.tr("Echo"), self.echo, bottom),
        }
        self.splitDockWidget(self.docks["clock"], self.docks["echo"], Qt.Orientation.Horizontal)
        self.resizeDocks([self.docks["manual"]], [430], Qt.Orientation.Horizontal)
        self.resizeDocks([self.docks["clock"]], [240], Qt.Orientation.Vertical)
        self.resizeDocks([self.docks["clock"], self.docks["echo"]], [420, 560], Qt.Orientation.Horizontal)
        self.confirmation = Confirmation(self)
        self._make_actions()
        self._make_status_bar()

        self.table.edit_requested.connect(self.ask_change)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._enable_actions())
        add = self.empty_hint.add_button(
            self.tr("Add sensors…"), self.tr("Choose how many, what they measure and how fast (Ctrl+N)")
        )
        add.clicked.connect(self.ask_new_sensors)
        demo = self.empty_hint.add_button(
            self.tr("Add the three demo sensors"), self.tr("capteur_1 to capteur_3: a random walk, a one-minute cycle, a ramp")
        )
        demo.clicked.connect(self.demo_requested)
        self.empty_hint.row.addStretch()
        self.banner.start_clicked.connect(lambda: self.start_requested.emit(self.model.ids()))
        self._enable_actions()

    def show_target(self, target: SensorTarget) -> None:
        self._target = target
        if target.mqtt:
            self.target_label.setText(self.tr("Target: MQTT broker {0}").format(target.broker_url))
        else:
            self.target_label.setText(self.tr("Target: {0}:{1}").format(target.host, target.port))

    def update_rows(self, rows: list[SensorRow], connected: int, rate: float, sent: int, acked: int, dropped: int) -> None:
        """The sensors as they are now, with the totals and the readings sent per second."""
        self.model.set_rows(rows)
        ids = self.model.ids()
        if ids != self._ids:
            self._ids = ids
            self.manual.set_sensor_ids(ids)
            self.empty_hint.setVisible(not ids)
            self.empty_hint.place()
        if ids and not any(row.running for row in rows):
            self.banner.show_ready(len(ids), str(self._target))
        else:
            self.banner.hide()
        self.connected_label.setText(self.tr("Connected: {0} of {1}").format(connected, len(rows)))
        numbers = Numbers.current()
        self.rate_label.setText(self.tr("%Ln readings/s", "", round(rate)))
        self.totals_label.setText(
            self.tr("Sent {0} · acked {1} · dropped {2}").format(*map(numbers.integer, (sent, acked, dropped)))
        )
        self._enable_actions()

    def show_problem(self, message: str) -> None:
        message = translated(message)
        self.statusBar().showMessage(message, 15_000)
        QMessageBox.warning(self, self.tr("Thermolab sensor simulator"), message)

    def ask_new_sensors(self) -> None:
        dialog = SensorDialog(self.names_taken, self)
        if dialog.exec():
            self.sensors_added.emit(dialog.ids(), dialog.value_model(), dialog.rate.value(), dialog.start_now.isChecked())

    def ask_change(self, capteur_id: str) -> None:
        row = self.model.row(self.model.ids().index(capteur_id))
        model, city = self.model.spec(capteur_id)
        if city is not None:
            self.statusBar().showMessage(
                self.tr("{0} reports the real weather: only its pace can change (double-click its rate).").format(capteur_id),
                10_000,
            )
            return
        dialog = SensorDialog(self.names_taken, self, (capteur_id, model, row.rate), self.model.faults(capteur_id))
        if dialog.exec():
            self.sensor_changed.emit(capteur_id, dialog.value_model(), dialog.rate.value(), dialog.faults())

    def ask_target(self) -> None:
        dialog = TargetDialog(self._target, self)
        if dialog.exec():
            self.target_changed.emit(dialog.target())

    def compact_layout(self) -> None:
        """For a narrow window: the table across the whole width, the four panels as tabs below it,
        the toolbar on two rows."""
        self.insertToolBarBreak(self.all_toolbar)
        tabs_below(self, list(self.docks.values()), COMPACT_DOCKS_SHARE)

    def layout_state(self) -> tuple[QByteArray, QByteArray, QByteArray]:
        return self.saveGeometry(), self.saveState(), self.table.horizontalHeader().saveState()

    def restore_layout(self, geometry, state, header) -> None:
        if geometry:
            self.restoreGeometry(geometry)
        if state:
            self.restoreState(state)
        if header:
            self.table.horizontalHeader().restoreState(header)

    def closeEvent(self, event) -> None:
        self.closing.emit()
        super().closeEvent(event)

    def _dock(self, key: str, title: str, widget: QWidget, area) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"{key}_dock")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        describe(dock.toggleViewAction(), self.tr("Show or hide the {0} panel").format(title))
        return dock

    def _action(self, text: str, command: str | None = None, tip: str = "", slot=None) -> QAction:
        return make_action(self, text, command, tip, slot)

    def _on_selection(self, signal: Signal):
        return lambda: signal.emit(self.table.selected_ids())

    def _on_all(self, signal: Signal):
        return lambda: signal.emit(self.model.ids())

    def _make_actions(self) -> None:
        a = self._action
        target = a(self.tr("&Target server…"), "settings", self.tr("Where the sensors send their readings"), self.ask_target)
        quit_action = a(self.tr("&Quit"), "quit", self.tr("Stop every sensor and close"), self.close)
        self.add_action = a(
            self.tr("&Add sensors…"), "add_sensors", self.tr("Add one sensor, or many at once"), self.ask_new_sensors
        )
        demo = a(
            self.tr("Add the &demo sensors"), None, self.tr("capteur_1 to capteur_3, ready to start"), self.demo_requested.emit
        )
        self.change_action = a(
            self.tr("&Change sensor…"),
            "change_sensor",
            self.tr("Change what the selected sensor measures and its rate"),
            lambda: self.ask_change(self.table.selected_ids()[0]),
        )
        self.start_action = a(
            self.tr("&Start"),
            "start_sensors",
            self.tr("Start or resume the selected sensors"),
            self._on_selection(self.start_requested),
        )
        self.pause_action = a(
            self.tr("&Pause"),
            "pause_sensors",
            self.tr("Pause the selected sensors; their connection stays open"),
            self._on_selection(self.pause_requested),
        )
        self.stop_action = a(
            self.tr("S&top"),
            "stop_sensors",
            self.tr("Stop the selected sensors' threads"),
            self._on_selection(self.stop_requested),
        )
        self.remove_action = a(
            self.tr("&Remove"),
            "remove_sensors",
            self.tr("Stop and remove the selected sensors"),
            self._on_selection(self.remove_requested),
        )
        self.start_all = a(
            self.tr("Start a&ll"), "start_all", self.tr("Start or resume every sensor"), self._on_all(self.start_requested)
        )
        self.pause_all = a(self.tr("Pause all"), "pause_all", self.tr("Pause every sensor"), self._on_all(self.pause_requested))
        self.stop_all = a(
            self.tr("Stop all"), "stop_all", self.tr("Stop every sensor's thread"), self._on_all(self.stop_requested)
        )
        self.remove_all = a(self.tr("Remove all"), "remove_all", self.tr("Stop and remove every sensor"), self._ask_remove_all)

        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(target)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)
        sensors = self.menuBar().addMenu(self.tr("&Sensors"))
        for action in (
            self.add_action,
            demo,
            self.change_action,
            None,
            self.start_action,
            self.pause_action,
            self.stop_action,
            self.remove_action,
            None,
            self.start_all,
            self.pause_all,
            self.stop_all,
            self.remove_all,
        ):
            sensors.addSeparator() if action is None else sensors.addAction(action)
        view = self.menuBar().addMenu(self.tr("&View"))
        for key, dock in self.docks.items():
            bind(dock.toggleViewAction(), f"{key}_panel")
            view.addAction(dock.toggleViewAction())
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(a(self.tr("How the simulator works"), "help", slot=self._show_help))

        toolbar = self.addToolBar(self.tr("Sensors"))
        toolbar.setObjectName("sensorsToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.addActions([self.add_action, self.change_action])
        toolbar.addSeparator()
        toolbar.addActions([self.start_action, self.pause_action, self.stop_action, self.remove_action])
        # A toolbar of its own, so a narrow window puts it on a second row rather than behind "»".
        self.all_toolbar = self.addToolBar(self.tr("All sensors"))
        self.all_toolbar.setObjectName("allSensorsToolbar")
        self.all_toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.all_toolbar.addActions([self.start_all, self.pause_all, self.stop_all])
        self.all_toolbar.addSeparator()
        self.all_toolbar.addAction(target)
        # Each button's own short name, so longer languages still fit beside the server.
        for action, name in (
            (self.add_action, self.tr("Add sensors", "toolbar")),
            (self.change_action, self.tr("Change sensor", "toolbar")),
            (self.start_action, self.tr("Start", "toolbar")),
            (self.pause_action, self.tr("Pause", "toolbar")),
            (self.stop_action, self.tr("Stop", "toolbar")),
            (self.remove_action, self.tr("Remove", "toolbar")),
            (self.start_all, self.tr("Start all", "toolbar")),
            (self.pause_all, self.tr("Pause all", "toolbar")),
            (self.stop_all, self.tr("Stop all", "toolbar")),
            (target, self.tr("Target server", "toolbar")),
        ):
            action.setIconText(name)
        view.addSeparator()
        for bar in (toolbar, self.all_toolbar):
            describe(bar.toggleViewAction(), self.tr("Show or hide the {0} toolbar").format(bar.windowTitle()))
            view.addAction(bar.toggleViewAction())
        view.addSeparator()
        self.language_menu = LanguageMenu(self)
        view.addMenu(self.language_menu)
        self.theme_menu = add_theme_menu(view)
        self.table.addActions([self.change_action, self.start_action, self.pause_action, self.stop_action, self.remove_action])
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def _make_status_bar(self) -> None:
        self.target_label, self.connected_label, self.rate_label, self.totals_label = (QLabel() for _ in range(4))
        self.target_label.setToolTip(
            self.tr("The readings server or the MQTT broker the sensors send to (File › Target server…)")
        )
        self.connected_label.setToolTip(self.tr("Sensors with an open connection that are sending"))
        self.rate_label.setToolTip(self.tr("Readings sent per second, all sensors together"))
        self.totals_label.setToolTip(self.tr("Since the simulator started: readings sent, acknowledged by the server, dropped"))
        # The target is also in the banner and File › Target server: in a narrow window it gives up its room
        # first, rather than growing counts widening the window past the screen.
        self.target_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.statusBar().addWidget(self.target_label, 1)
        for label in (self.connected_label, self.rate_label):
            self.statusBar().addWidget(label)
        self.statusBar().addPermanentWidget(self.totals_label)
        self.update_rows([], 0, 0.0, 0, 0, 0)

    def _enable_actions(self) -> None:
        selected = bool(self.table.selectionModel().selectedRows())
        for action in (self.start_action, self.pause_action, self.stop_action, self.remove_action):
            action.setEnabled(selected)
        self.change_action.setEnabled(len(self.table.selectionModel().selectedRows()) == 1)
        any_rows = bool(self.model.rowCount())
        for action in (self.start_all, self.pause_all, self.stop_all, self.remove_all):
            action.setEnabled(any_rows)

    def _ask_remove_all(self) -> None:
        ids = self.model.ids()
        question = self.tr("Remove all %n sensor(s)? Their settings are lost; the readings the server stored stay.", "", len(ids))
        if self.confirmation.ask("remove_all_sensors", question, self.tr("Remove all")):
            self.remove_requested.emit(ids)

    def _show_help(self) -> None:
        QMessageBox.information(
            self,
            self.tr("How the simulator works"),
            self.tr(
                "Each sensor is a thread that measures on a schedule and sends JSON readings over one TCP connection, "
                "asking the server for an acknowledgement (an ack) of each.\n\n"
                "Add sensors with Ctrl+N, select rows and start, pause or stop them; double-click a rate to change it "
                "while the sensor runs. Manual reading sends one temperature you type; Weather fetches a city's "
                "temperature from OpenWeatherMap and can report it as a sensor; Clock and Echo talk to the exercise's servers "
                "(python main.py clock-server, python main.py echo-server)."
            ),
        )
