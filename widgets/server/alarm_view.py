"""The alarms in the server window: the Alarms panel, the Alarms menu, the count in the status bar, the
rows of the sensors table, the thresholds on the chart and the notifications. It shows what it is
given and emits what the user asks for; app/server/alarm_desk.py reads and writes the alarm book."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow

from models.alarms import AlarmEvent, AlarmRule
from widgets.actions import bind, describe, make_action
from widgets.server.alarm_notifier import AlarmNotifier
from widgets.server.alarm_words import WARNING_SIGN, sensor_alarms
from widgets.server.alarms_panel import AlarmsPanel


class AlarmView(QObject):
    rules_requested = Signal(object)
    """Edit the rules of a sensor (its capteur_id), or of all sensors (None)."""
    acknowledge_requested = Signal(list)
    export_requested = Signal()
    notifications_changed = Signal(bool)

    def __init__(self, window: QMainWindow):
        """`window`: the server window, its docks, menus and status bar made."""
        super().__init__(window)
        self.window = window
        self.panel = AlarmsPanel()
        self.panel.acknowledge_requested.connect(self.acknowledge_requested)
        self.panel.export_requested.connect(self.export_requested)
        self.dock = QDockWidget(self.tr("Alarms"), window)
        self.dock.setObjectName("alarms")  # its key in the saved layout, the same in every language
        self.dock.setWidget(self.panel)
        # Below the tabs of the other side panels, not a fourth tab among them: in French their titles
        # no longer fitted, and the alarms are in sight from the start.
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock, Qt.Orientation.Vertical)
        window.docks["alarms"] = self.dock
        panel_action = self.dock.toggleViewAction()
        bind(panel_action, "alarms_panel")
        describe(panel_action, self.tr("Show or hide the Alarms panel"))
        window.add_view_entry(panel_action)
        window.sensor_table.rules_requested.connect(self.rules_requested.emit)
        self.notifier = AlarmNotifier(window)
        self.count = QLabel()
        self.count.setStyleSheet("font-weight: bold;")
        self.count.setToolTip(self.tr("Alarms raised and not cleared yet: the Alarms panel lists them"))
        window.statusBar().addWidget(self.count)
        self._make_menu()
        self.show_alarms([], [])

    def _make_menu(self) -> None:
        window = self.window
        default_rules = make_action(
            window,
            self.tr("Alarm rules for &all sensors…"),
            "alarm_rules",
            self.tr("Thresholds and silence that watch every sensor without rules of its own"),
            lambda: self.rules_requested.emit(None),
        )
        self.acknowledge_action = make_action(
            window,
            self.tr("A&cknowledge selected alarms"),
            "acknowledge_alarms",
            self.tr("Mark the alarms selected in the Alarms panel as seen"),
            self.panel.acknowledge_selected,
        )
        export = make_action(
            window,
            self.tr("&Export alarm events…"),
            None,
            self.tr("Write every alarm event, past and present, to a CSV file"),
            self.export_requested.emit,
        )
        self.notify_action = make_action(
            window,
            self.tr("&Notify when the window is in the background"),
            None,
            self.tr("A desktop notification for each alarm raised while another window is in front"),
        )
        self.notify_action.setCheckable(True)
        self.notify_action.setChecked(True)
        self.notify_action.toggled.connect(self._notifications_toggled)
        if self.notifier.tray is None:
            self.notify_action.setToolTip(self.tr("This desktop has no system tray to show notifications in"))
        menu = window.menuBar().addMenu(self.tr("&Alarms"))
        menu.setToolTipsVisible(True)
        menu.addActions([default_rules, self.acknowledge_action, export])
        menu.addSeparator()
        menu.addAction(self.notify_action)
        help_menu = window.menuBar().actions()[-2]
        window.menuBar().insertMenu(help_menu, menu)

    def show_alarms(self, active: list[AlarmEvent], events: list[AlarmEvent]) -> None:
        """The alarms raised now, and the latest events (active and past) for the panel."""
        self.window.sensor_model.set_alarms(sensor_alarms(active))
        self.panel.show_events(events)
        # Shown only while alarms are active: a narrow window keeps its room for the storage file's name.
        count = self.tr("%n active alarm(s)", "", len(active))
        self.count.setText(f"{WARNING_SIGN} {count}")
        self.window.show_in_status_bar(self.count, bool(active))

    def bring_forward(self) -> None:
        """An alarm was raised: the panel's tab comes in front of the panels it shares the place with.
        A panel the user closed stays closed; the status bar and the sensors table still tell."""
        if self.dock.toggleViewAction().isChecked():
            self.dock.raise_()

    def show_rules(self, rules: list[AlarmRule]) -> None:
        self.window.chart.set_alarm_rules(rules)

    def set_user(self, user: str) -> None:
        self.panel.set_user(user)

    def set_notifications(self, enabled: bool) -> None:
        self.notify_action.setChecked(enabled)

    def _notifications_toggled(self, enabled: bool) -> None:
        self.notifier.enabled = enabled
        self.notifications_changed.emit(enabled)
