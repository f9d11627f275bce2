"""The server window's alarms: the session hands those of its storage to the window, which shows them in
the sensors table, the Alarms panel, the status bar and the event log, and edits the rules."""

import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialogButtonBox, QMenu

from app.server.server_app import ServerApp
from models.alarms import AlarmKind, AlarmRule
from models.server_config import ServerConfig
from models.storage import open_alarm_book
from tests.support import LineClient
from widgets.server.alarm_rules_dialog import AlarmRulesDialog
from widgets.theme import colours


def test_the_session_emits_each_alarm_raised_and_cleared_and_the_event_log_tells_it(qtbot, tmp_path):
    book = open_alarm_book(tmp_path / "m.db")
    book.save_rule(AlarmRule(AlarmKind.HIGH, 8.0, "fridge", hysteresis=1.0))
    book.close()
    app = ServerApp(ServerConfig(port=0, storage_path=tmp_path / "m.db"))
    qtbot.addWidget(app.window)
    with qtbot.waitSignal(app.session.listening, timeout=10_000):
        app.start()
    seen = []
    app.session.alarms.connect(seen.extend)
    with LineClient(app.session.server.address) as sensor:
        sensor.send({"capteur_id": "fridge", "temperature": 9.5, "seq": 1})
        assert sensor.answer() == {"ack": 1}
        qtbot.waitUntil(lambda: len(seen) == 1, timeout=5_000)
        assert app.session.server.storage.alarms.active() == seen
        sensor.send({"capteur_id": "fridge", "temperature": 6.5, "seq": 2})
        assert sensor.answer() == {"ack": 2}
        qtbot.waitUntil(lambda: len(seen) == 2, timeout=5_000)
    assert [(event.id, event.sensor, event.state) for event in seen] == [(1, "fridge", "raised"), (1, "fridge", "cleared")]
    log = app.window.event_log.text.toPlainText()
    assert "alarm raised: fridge above 8 °C (9.5 °C)" in log
    assert "alarm cleared: fridge no longer above 8 °C" in log
    app.window.close()


def _dialog(window) -> AlarmRulesDialog | None:
    found = [dialog for dialog in window.findChildren(AlarmRulesDialog) if dialog.isVisible()]
    return found[0] if found else None


def _open_rules_from_the_table(qtbot, window, capteur_id: str) -> AlarmRulesDialog:
    """Right-click on the sensor's row, then "Alarm rules for …", as the user does."""
    table = window.sensor_table
    row = next(r for r in range(table.model().rowCount()) if table.model().index(r, 0).data() == capteur_id)
    table.customContextMenuRequested.emit(table.visualRect(table.model().index(row, 0)).center())
    menu = next(menu for menu in table.findChildren(QMenu) if menu.isVisible())
    assert menu.actions()[0].text() == f"Alarm rules for {capteur_id}…"
    menu.actions()[0].trigger()
    menu.close()
    qtbot.waitUntil(lambda: _dialog(window) is not None)
    return _dialog(window)


def _click_ok(qtbot, dialog) -> None:
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def _row_text(model, row: int, column: str) -> str:
    return model.index(row, model.COLUMNS.index(column)).data()


@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing")  # the context menu, offscreen
def test_the_window_shows_an_alarm_the_user_acknowledges_and_it_clears_past_the_hysteresis(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("LOGNAME", "alice")
    app = ServerApp(ServerConfig(port=0, storage_path=tmp_path / "m.db"))
    qtbot.addWidget(app.window)
    with qtbot.waitSignal(app.session.listening, timeout=10_000):
        app.start()
    window = app.window
    table, panel = window.sensor_model, window.alarms.panel
    with LineClient(app.session.server.address) as sensor:
        sensor.send({"capteur_id": "fridge", "temperature": 5.0, "seq": 1})
        assert sensor.answer() == {"ack": 1}
        qtbot.waitUntil(lambda: table.rowCount() == 1, timeout=5_000)

        dialog = _open_rules_from_the_table(qtbot, window, "fridge")
        dialog.enabled[AlarmKind.HIGH].setChecked(True)
        dialog.threshold[AlarmKind.HIGH].setValue(8.0)
        dialog.hysteresis[AlarmKind.HIGH].setValue(1.0)
        dialog.enabled[AlarmKind.LOW].setChecked(True)
        dialog.threshold[AlarmKind.LOW].setValue(10.0)
        _click_ok(qtbot, dialog)
        assert dialog.isVisible()
        assert dialog.problem.text() == "the low threshold (10 °C) must be below the high threshold (8 °C) for fridge"
        dialog.threshold[AlarmKind.LOW].setValue(2.0)
        _click_ok(qtbot, dialog)
        qtbot.waitUntil(lambda: _dialog(window) is None)
        assert [line.value for line in window.chart.thresholds.shown] == [8.0, 2.0]
        watch = app.session.storage.alarms
        qtbot.waitUntil(lambda: len(watch.rules()) == 2, timeout=5_000)

        sensor.send({"capteur_id": "fridge", "temperature": 9.5, "seq": 2})
        assert sensor.answer() == {"ack": 2}
        # The user has put the Alarms panel behind the Connections tab: an alarm raised brings it in front.
        window.tabifyDockWidget(window.docks["connections"], window.alarms.dock)
        window.docks["connections"].raise_()
        qtbot.waitUntil(lambda: panel.visibleRegion().isEmpty())
        qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=5_000)
        qtbot.waitUntil(lambda: not panel.visibleRegion().isEmpty())
        assert window.alarms.count.isVisibleTo(window)
        assert window.alarms.count.text() == "⚠ 1 active alarm"
        assert _row_text(table, 0, "alarm") == "⚠ above 8 °C"
        assert table.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) == QColor(colours().alarm)
        assert [_row_text(panel.model, 0, c) for c in ("state", "sensor", "alarm", "value")] == [
            "⚠ Active",
            "fridge",
            "above 8 °C",
            "9.5 °C",
        ]

        panel.table.selectRow(0)
        qtbot.mouseClick(panel.acknowledge, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: _row_text(panel.model, 0, "acknowledged").startswith("alice, "))
        assert not panel.acknowledge.isEnabled()
        book = open_alarm_book(tmp_path / "m.db")
        assert book.events()[0].acknowledged_by == "alice"
        book.close()

        # 7.5 °C is below 8 °C but not by the hysteresis of 1 °C: the alarm holds until 6.5 °C.
        sensor.send({"capteur_id": "fridge", "temperature": 7.5, "seq": 3})
        assert sensor.answer() == {"ack": 3}
        before_the_way_back = time.time()
        sensor.send({"capteur_id": "fridge", "temperature": 6.5, "seq": 4})
        assert sensor.answer() == {"ack": 4}
        qtbot.waitUntil(lambda: _row_text(panel.model, 0, "state") == "Cleared", timeout=5_000)
    assert panel.model.event_at(0).cleared_at > before_the_way_back
    assert not window.alarms.count.isVisibleTo(window)
    assert _row_text(table, 0, "alarm") == ""
    assert table.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is None
    assert _row_text(panel.model, 0, "acknowledged").startswith("alice, ")
    app.window.close()
