"""What a newcomer sees first: the chart the largest thing in the server window, both windows on the
screen side by side, and nothing cut off: names, columns, the empty chart's card, the crosshair's readout."""

import logging
import time

import pytest
from PySide6.QtCore import QEvent, QRect
from PySide6.QtWidgets import QApplication, QToolBar

from app.lab_app import side_by_side
from models.server_state import ConnectionStats, ServerEvent, ServerPanels, Totals
from tests.support import batches
from tests.widgets.test_french import speaking
from widgets.server.connections_panel import ConnectionsPanel
from widgets.server.event_log import EventLog
from widgets.server.server_window import ServerWindow
from widgets.simulator.simulator_window import SimulatorWindow

SCREENS = [QRect(0, 0, 1366, 768), QRect(0, 0, 1920, 1080)]
NAMES = [f"capteur_salle_{n}" for n in range(1, 11)]


def shown(qtbot, window, width: int, height: int):
    qtbot.addWidget(window)
    window.resize(width, height)
    window.show()
    qtbot.waitExposed(window)
    return window


def area(widget) -> int:
    return widget.width() * widget.height() if widget.isVisible() else 0


def readings(now: float) -> dict:
    return batches({name: ([now - 2, now - 1, now], [20.0 + i, 20.5 + i, 21.0 + i]) for i, name in enumerate(NAMES)})


@pytest.mark.parametrize("window_class", [ServerWindow, SimulatorWindow])
def test_a_window_opened_alone_fits_a_1366x768_screen_status_bar_included(qtbot, window_class):
    """`make test` gives Qt a 1366×768 screen, the smallest one Thermolab is made for."""
    window = window_class()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    room = window.screen().availableGeometry()
    assert (room.width(), room.height()) == (1366, 768)
    bar = window.statusBar()
    assert room.contains(QRect(bar.mapToGlobal(bar.rect().topLeft()), bar.size()))


def test_the_chart_is_the_largest_part_of_the_server_window_at_its_default_size(qtbot):
    window = ServerWindow()
    shown(qtbot, window, window.width(), window.height())
    chart = window.chart
    assert chart.width() >= 0.65 * window.width()
    assert all(area(chart) > area(dock) for dock in window.docks.values())


@pytest.mark.parametrize("screen", SCREENS, ids=["1366x768", "1920x1080"])
def test_the_two_windows_share_the_screen_the_server_the_wider(screen):
    server, simulator = side_by_side(screen)
    assert screen.contains(server) and screen.contains(simulator)
    assert not server.intersects(simulator)
    assert server.width() > simulator.width()
    assert server.width() + simulator.width() >= 0.98 * screen.width()


@pytest.mark.parametrize("screen", SCREENS, ids=["1366x768", "1920x1080"])
def test_in_french_the_simulator_fits_its_place_with_every_button_in_sight(qtbot, qapp, screen):
    with speaking(qapp, "fr"):
        window = SimulatorWindow()
        window.compact_layout()
        place = side_by_side(screen)[1]
        shown(qtbot, window, place.width(), place.height())
        window.update_rows([], 10_000, 40.0, 123_456, 123_450, 6)
        qtbot.waitUntil(lambda: window.width() == place.width())
        assert window.minimumSizeHint().width() <= place.width()
        for toolbar in window.findChildren(QToolBar):
            assert toolbar.sizeHint().width() <= toolbar.width(), toolbar.windowTitle()


def test_a_narrow_server_window_gives_the_chart_its_whole_width(qtbot):
    window = ServerWindow()
    window.compact_layout()
    shown(qtbot, window, 700, 728)
    qtbot.waitUntil(lambda: window.chart.width() >= window.width() - 4)
    assert all(area(window.chart) > area(dock) for dock in window.docks.values())


def test_the_sensor_names_show_whole_in_a_narrow_table(qtbot):
    window = shown(qtbot, ServerWindow(), 700, 728)
    window.add_readings(readings(time.time()))
    table = window.sensor_table
    qtbot.waitUntil(lambda: table.source.rowCount() == len(NAMES))
    longest = max(NAMES, key=table.fontMetrics().horizontalAdvance)
    # The tick box and the colour swatch come before the name.
    assert table.columnWidth(0) >= table.fontMetrics().horizontalAdvance(longest) + 2 * table.iconSize().width()
    assert table.columnWidth(0) >= table.sizeHintForColumn(0)


def test_the_empty_charts_card_leaves_the_axes_clear_and_shows_its_whole_command(qtbot):
    window = shown(qtbot, ServerWindow(), 790, 728)
    card, plot = window.chart.empty_hint, window.chart.plot
    card.set_command("python main.py send --id capteur_1 --temperature 23.5 --port 50007")
    plotting_area = plot.mapFromScene(plot.getViewBox().sceneBoundingRect()).boundingRect()
    assert plotting_area.contains(card.geometry())
    command = card.command
    assert command.width() > command.fontMetrics().horizontalAdvance(command.text())


def pointing_at_the_middle(chart) -> None:
    view = chart.plot.getViewBox()
    chart._crosshair._moved((view.sceneBoundingRect().center(),))


def test_the_crosshair_goes_when_the_mouse_leaves_the_plot(qtbot):
    window = shown(qtbot, ServerWindow(), 1280, 800)
    chart = window.chart
    window.add_readings(readings(time.time()))
    qtbot.waitUntil(lambda: not chart.redraw_pending)
    pointing_at_the_middle(chart)
    crosshair = chart._crosshair
    assert crosshair.vertical.isVisible() and crosshair.label.text()
    QApplication.sendEvent(chart.plot, QEvent(QEvent.Type.Leave))
    assert not crosshair.vertical.isVisible() and not crosshair.horizontal.isVisible()
    assert crosshair.label.text() == ""


def test_the_crosshairs_readout_leaves_the_docks_where_they_are(qtbot):
    window = shown(qtbot, ServerWindow(), 790, 728)
    window.add_readings(readings(time.time()))
    qtbot.waitUntil(lambda: not window.chart.redraw_pending)
    before = {key: dock.size() for key, dock in window.docks.items()}, window.chart.size()
    pointing_at_the_middle(window.chart)
    assert window.chart._crosshair.label.text()
    QApplication.processEvents()
    assert ({key: dock.size() for key, dock in window.docks.items()}, window.chart.size()) == before


def test_the_connections_columns_show_a_whole_address_and_thread(qtbot):
    panel = shown(qtbot, ConnectionsPanel(), 700, 240)
    peer = "192.168.100.200:54321"
    panel.connections.set_connections([ConnectionStats(peer, f"client {peer}", time.time())])
    metrics = panel.fontMetrics()
    assert panel.columnWidth(0) > metrics.horizontalAdvance(peer)
    assert panel.columnWidth(1) > metrics.horizontalAdvance(f"client {peer}")
    header = panel.horizontalHeader()
    for column in range(panel.connections.columnCount()):
        assert header.sectionSize(column) > header.fontMetrics().horizontalAdvance(panel.connections.headerData(column, 1))


def test_a_long_event_wraps_in_a_narrow_log_rather_than_being_cut(qtbot):
    log = shown(qtbot, EventLog(), 360, 320)
    message = "client disconnected (the connection was reset by the peer while a reading was on its way)"
    log.add_events([ServerEvent(time.time(), logging.INFO, message, "127.0.0.1:54321")])
    qtbot.waitUntil(lambda: message.split()[-1] in log.text.toPlainText())
    assert log.text.horizontalScrollBar().maximum() == 0


def test_a_narrow_server_window_shows_its_figures_whole_and_the_storage_files_name(qtbot, tmp_path):
    window = ServerWindow()
    window.compact_layout()
    shown(qtbot, window, 700, 728)
    storage = tmp_path / "a folder with a rather long name" / "mesures.db"
    window.show_listening("127.0.0.1", 50007, storage)
    window.update_panels(ServerPanels(Totals(12, 12_345, 0, 2_345, 0, in_storage=12_345, per_second=40.0), [], [], {}))
    QApplication.processEvents()
    for label in (window.address, window.clients, window.rate, window.stored):
        assert label.width() >= label.sizeHint().width(), label.text()
    assert window.storage.text().endswith("mesures.db")
    assert window.storage.width() >= window.storage.fontMetrics().horizontalAdvance(window.storage.text())
