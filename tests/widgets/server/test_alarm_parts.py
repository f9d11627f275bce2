"""The parts of the window's alarms a user reaches from the menus: the default rules, the CSV export, the
notification setting; and the chart's threshold lines, made when the rules change and not per frame."""

import csv

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialogButtonBox

from app.server.server_app import ServerApp
from app.settings import settings
from models.alarms import AlarmEvent, AlarmKind, AlarmRule
from models.series import SensorBatch
from models.server_config import ServerConfig
from models.storage import open_alarm_book
from widgets.chart.chart import LiveChart
from widgets.server.alarm_rules_dialog import AlarmRulesDialog
from widgets.server.alarms_panel import AlarmsPanel


def _window_app(qtbot, tmp_path) -> ServerApp:
    """The window, its server not started: rules and events are read and written in the settings' file."""
    app = ServerApp(ServerConfig(port=0, storage_path=tmp_path / "m.db"))
    qtbot.addWidget(app.window)
    app.window.show()
    app.alarms.refresh()
    return app


def _open_dialog(qtbot, window) -> AlarmRulesDialog:
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(AlarmRulesDialog)))
    return next(d for d in window.findChildren(AlarmRulesDialog) if d.isVisible())


def _ok(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def test_the_default_rules_come_from_the_alarms_menu_and_a_refused_one_says_why(qtbot, tmp_path):
    app = _window_app(qtbot, tmp_path)
    app.window.findChild(QAction, "alarm_rules").trigger()
    dialog = _open_dialog(qtbot, app.window)
    assert dialog.windowTitle() == "Alarm rules for all sensors"
    dialog.enabled[AlarmKind.SILENT].setChecked(True)
    dialog.threshold[AlarmKind.SILENT].setValue(0.0)
    _ok(qtbot, dialog)
    assert dialog.problem.text() == "a silence must last more than 0 s, got 0"
    dialog.threshold[AlarmKind.SILENT].setValue(120.0)
    dialog.enabled[AlarmKind.HIGH].setChecked(True)
    dialog.threshold[AlarmKind.HIGH].setValue(30.0)
    _ok(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    book = open_alarm_book(tmp_path / "m.db")
    assert sorted((r.kind, r.threshold, r.sensor, r.hysteresis) for r in book.rules()) == [
        (AlarmKind.HIGH, 30.0, None, 0.5),
        (AlarmKind.SILENT, 120.0, None, 0.0),
    ]
    book.close()
    # Opened again, the dialog shows what was saved; unticking a kind removes its rule.
    app.window.findChild(QAction, "alarm_rules").trigger()
    dialog = _open_dialog(qtbot, app.window)
    assert dialog.enabled[AlarmKind.HIGH].isChecked() and dialog.threshold[AlarmKind.HIGH].value() == 30.0
    dialog.enabled[AlarmKind.SILENT].setChecked(False)
    _ok(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    book = open_alarm_book(tmp_path / "m.db")
    assert [rule.kind for rule in book.rules()] == [AlarmKind.HIGH]
    book.close()


def test_the_alarm_events_export_as_the_core_writes_them(qtbot, tmp_path):
    book = open_alarm_book(tmp_path / "m.db")
    rule = book.save_rule(AlarmRule(AlarmKind.HIGH, 8.0, "fridge"))
    book.record(AlarmEvent("fridge", rule.id, AlarmKind.HIGH, 8.0, 9.5, 1_700_000_000.0))
    book.close()
    app = _window_app(qtbot, tmp_path)
    assert app.window.alarms.panel.model.rowCount() == 1
    (tmp_path / "alarms.csv").write_text("an older file\n")
    app.alarms.export_to(tmp_path / "alarms.csv")
    with open(tmp_path / "alarms.csv", newline="") as exported:
        rows = list(csv.reader(exported))
    assert rows[0][:6] == ["id", "capteur_id", "kind", "threshold", "value", "raised_at"]
    assert rows[1][1:6] == ["fridge", "high", "8.0", "9.5", "2023-11-14T22:13:20.000Z"]
    assert app.window.statusBar().currentMessage() == f"1 alarm event written to {tmp_path / 'alarms.csv'}"
    assert not (tmp_path / "alarms.csv.part").exists()


def test_notifications_turned_off_stay_off_at_the_next_start(qtbot, tmp_path):
    app = _window_app(qtbot, tmp_path)
    assert app.window.alarms.notify_action.isChecked()
    app.window.alarms.notify_action.setChecked(False)
    assert not app.window.alarms.notifier.enabled
    app.window.close()
    settings().sync()
    again = _window_app(qtbot, tmp_path)
    assert not again.window.alarms.notify_action.isChecked()
    assert not again.window.alarms.notifier.enabled


@pytest.fixture
def chart(qtbot):
    chart = LiveChart()
    qtbot.addWidget(chart)
    chart.show()
    for capteur_id in ("fridge", "oven"):
        chart.add_points({capteur_id: SensorBatch.of(np.array([1.0]), np.array([5.0]))})
    return chart


def test_threshold_lines_follow_the_rules_and_the_selection_not_the_frames(qtbot, chart):
    rules = [
        AlarmRule(AlarmKind.HIGH, 30.0, hysteresis=0.5, id=1),
        AlarmRule(AlarmKind.HIGH, 8.0, "fridge", id=2),
        AlarmRule(AlarmKind.SILENT, 60.0, id=3),
    ]
    chart.set_alarm_rules(rules)
    assert [(line.value, line.label) for line in chart.thresholds.shown] == [
        (30.0, "high 30 °C · oven"),
        (8.0, "high 8 °C · fridge"),
    ]
    drawn = list(chart.thresholds._lines)
    for second in range(2, 12):
        chart.add_points({"fridge": SensorBatch.of(np.array([float(second)]), np.array([6.0]))})
        qtbot.waitUntil(lambda: not chart.redraw_pending)
    assert chart.thresholds._lines == drawn
    chart.highlight({"fridge"})
    assert [line.label for line in chart.thresholds.shown] == ["high 8 °C · fridge"]
    chart.highlight(set())
    chart.set_sensor_visible("fridge", False)
    assert [line.label for line in chart.thresholds.shown] == ["high 30 °C · oven"]


def test_the_panel_lists_active_alarms_first_then_the_newest_and_acknowledges_only_pending_ones(qtbot):
    panel = AlarmsPanel()
    qtbot.addWidget(panel)
    panel.show_events(
        [
            AlarmEvent("a", 1, AlarmKind.HIGH, 8.0, 9.0, 100.0, 200.0, id=9),
            AlarmEvent("b", 1, AlarmKind.HIGH, 8.0, 9.0, 50.0, None, "bob", 60.0, id=10),
            AlarmEvent("c", 1, AlarmKind.LOW, 2.0, 1.0, 150.0, 160.0, id=11),
        ]
    )
    assert [panel.model.event_at(row).sensor for row in range(3)] == ["b", "c", "a"]
    assert panel.summary.text() == "1 alarm active now."
    panel.table.selectAll()
    with qtbot.waitSignal(panel.acknowledge_requested) as asked:
        qtbot.mouseClick(panel.acknowledge, Qt.MouseButton.LeftButton)
    assert asked.args == [[11, 9]]
