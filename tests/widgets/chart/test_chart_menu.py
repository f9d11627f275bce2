"""The chart's legend and context menu: names in natural order, where the legend goes, copying,
resetting the zoom, showing every sensor again, and clearing what is drawn."""

import time

import numpy as np
import pytest
from PySide6.QtGui import QContextMenuEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QFileDialog

from app.server.server_app import ServerApp
from models.server_config import ServerConfig
from tests.support import LineClient, batches, stored_rows
from tests.widgets.chart.test_curve_set import fixed_view, painted
from tests.widgets.modal import ModalAnswerer
from tests.widgets.pictures import pixels
from widgets.chart.chart import LiveChart


def action(chart: LiveChart, text: str):
    """The context menu's entry of that text (the legend's submenu included), without its "&"."""
    menus = [chart.context_menu]
    while menus:
        for entry in menus.pop().actions():
            if entry.menu():
                menus.append(entry.menu())
            elif entry.text().replace("&", "") == text:
                return entry
    raise AssertionError(f"no {text!r} in the chart's menu")


def two_sensors(qtbot) -> LiveChart:
    chart = LiveChart("", decimate=False)
    chart.add_points(batches({"a": ([0.0, 100.0], [10.0, 10.0]), "b": ([0.0, 100.0], [30.0, 30.0])}))
    fixed_view(chart, qtbot, (0, 100), (0, 40))
    return chart


def test_the_legend_lists_sensors_in_natural_order(qtbot):
    chart = LiveChart("")
    qtbot.addWidget(chart)
    chart.add_points(batches({name: ([1.0], [20.0]) for name in ("capteur_10", "capteur_2", "capteur_1")}))
    chart.add_points(batches({"capteur_7": ([2.0], [20.0])}))
    qtbot.waitUntil(lambda: not chart.redraw_pending)
    assert [label.text for _, label in chart.legend.items] == ["capteur_1", "capteur_2", "capteur_7", "capteur_10"]


@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing")  # a popup, offscreen
def test_a_right_click_opens_the_chart_menu(qtbot):
    chart = two_sensors(qtbot)
    where = chart.plot.viewport().rect().center()
    at = chart.plot.viewport().mapToGlobal(where)
    QApplication.sendEvent(chart.plot.viewport(), QContextMenuEvent(QContextMenuEvent.Reason.Mouse, where, at))
    qtbot.waitUntil(chart.context_menu.isVisible)
    chart.context_menu.close()


def test_the_legend_moves_right_of_the_plot_or_hides(qtbot):
    chart = two_sensors(qtbot)
    view = chart.plot.getViewBox()
    inside_width = view.sceneBoundingRect().width()
    action(chart, "Right of the plot").trigger()
    qtbot.waitUntil(lambda: view.sceneBoundingRect().width() < inside_width - 20)
    legend = chart.legend.sceneBoundingRect()
    assert chart.legend.isVisible() and legend.left() >= view.sceneBoundingRect().right()
    assert legend.right() <= chart.plot.width()
    assert len(painted(chart, "a")) and len(painted(chart, "b"))
    action(chart, "Hidden").trigger()
    assert not chart.legend.isVisible()
    qtbot.waitUntil(lambda: view.sceneBoundingRect().width() >= inside_width)


def test_where_the_legend_goes_is_remembered(qtbot, tmp_path):
    for placement in ("right", "hidden"):
        app = ServerApp(ServerConfig(port=0, storage_path=tmp_path / "m.db"))
        qtbot.addWidget(app.window)
        assert app.window.chart.legend.placement == ("inside" if placement == "right" else "right")
        action(app.window.chart, {"right": "Right of the plot", "hidden": "Hidden"}[placement]).trigger()
        app.shutdown()
        app.window.close()


def test_copy_image_puts_the_chart_on_the_clipboard(qtbot):
    chart = two_sensors(qtbot)
    QGuiApplication.clipboard().clear()
    action(chart, "Copy image").trigger()
    image = QGuiApplication.clipboard().image()
    assert image.width() >= 1200
    found = pixels(image)
    assert np.any(found == chart.colour("a").rgb()) and np.any(found == chart.colour("b").rgb())


def test_export_image_asks_where_then_saves(qtbot, server_app, tmp_path, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_: (str(tmp_path / "chart.png"), ""))
    action(server_app.window.chart, "Export image…").trigger()
    qtbot.waitUntil((tmp_path / "chart.png").exists)


def test_reset_zoom_shows_the_time_window_again(qtbot):
    chart = LiveChart("")
    qtbot.addWidget(chart)
    now = time.time()
    chart.add_points(batches({"c": ([now - 30, now], [1.0, 2.0])}))
    chart.plot.getViewBox().sigRangeChangedManually.emit([True, True])
    chart.plot.setXRange(now - 5000, now - 4000, padding=0)
    action(chart, "Reset zoom").trigger()
    start, end = chart.visible_range()
    assert chart.following and start < now - 55 and now <= end < now + 5


def test_show_all_sensors_shows_the_hidden_ones_and_says_so(qtbot):
    chart = two_sensors(qtbot)
    for capteur_id in ("a", "b"):
        chart.set_sensor_visible(capteur_id, False)
    told = []
    chart.sensor_visibility_changed.connect(lambda capteur_id, shown: told.append((capteur_id, shown)))
    action(chart, "Show all sensors").trigger()
    assert chart.is_sensor_visible("a") and chart.is_sensor_visible("b")
    assert sorted(told) == [("a", True), ("b", True)]
    assert len(painted(chart, "a")) and len(painted(chart, "b"))


def test_clear_chart_hides_what_is_drawn_and_new_readings_draw_again(qtbot):
    chart = two_sensors(qtbot)
    action(chart, "Clear chart").trigger()
    qtbot.waitUntil(lambda: not chart.redraw_pending)
    assert not len(painted(chart, "a")) and not len(painted(chart, "b"))
    chart.add_points(batches({"a": ([40.0, 60.0], [20.0, 20.0])}))
    qtbot.waitUntil(lambda: not chart.redraw_pending)
    assert len(painted(chart, "a")) and not len(painted(chart, "b"))


def test_clear_chart_keeps_what_storage_holds(qtbot, server_app):
    with LineClient(server_app.session.server.address) as sensor:
        sensor.send(*({"capteur_id": "capteur_1", "temperature": 20 + i, "seq": i} for i in range(5)))
        assert [sensor.answer() for _ in range(5)][-1] == {"ack": 4}
    chart = server_app.window.chart
    qtbot.waitUntil(lambda: "capteur_1" in chart.sensors() and len(chart.series("capteur_1")) > 0)
    action(chart, "Clear chart").trigger()
    assert len(chart.series("capteur_1")) == 0
    assert len(stored_rows(server_app.config.storage_path)) == 5
    chart.set_time_window(600.0)
    qtbot.waitUntil(lambda: len(chart.series("capteur_1")) > 0)


def test_every_entry_of_the_chart_menu_works(qtbot, server_app):
    """The chart's menu is opened by hand (not a widget's list of actions): the test of every action
    does not see it."""
    server_app.window.add_readings(batches({"capteur_1": ([time.time() - 10, time.time()], [20.0, 21.0])}))
    entries, menus = [], [server_app.window.chart.context_menu]
    while menus:
        for entry in menus.pop(0).actions():
            if entry.menu():
                menus.append(entry.menu())
            elif not entry.isSeparator():
                entries.append(entry)
    assert len(entries) == 8
    with ModalAnswerer() as answers:
        for entry in entries:
            with qtbot.captureExceptions() as exceptions:
                entry.trigger()
            assert not exceptions, entry.text()
    assert answers.seen == ["Export the chart"] and answers.warnings == []
