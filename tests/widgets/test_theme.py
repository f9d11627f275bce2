"""View › Theme in both windows: System, Light or Dark, applied at once to both, remembered, and the
chart, its axes, legend, crosshair and cards readable in each."""

import time

import numpy as np
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from app.settings import settings
from app.theme import follow_theme, saved_theme
from tests.support import batches
from tests.widgets.pictures import pixels
from widgets.theme import DARK, LIGHT, is_dark


def choose(qtbot, window, choice: str) -> None:
    """Pick Light or Dark in the window's View › Theme; Qt tells the widgets at its next pass."""
    menu = window.theme_menu
    menu.aboutToShow.emit()
    next(action for action in menu.actions() if action.text().replace("&", "") == choice).trigger()
    qtbot.waitUntil(lambda: is_dark(window.palette()) == (choice == "Dark"))


def ticked(window) -> str:
    window.theme_menu.aboutToShow.emit()
    return next(action.text() for action in window.theme_menu.actions() if action.isChecked())


def lightness(rgb: np.ndarray) -> np.ndarray:
    return np.max(np.stack([(rgb >> shift) & 0xFF for shift in (16, 8, 0)]), axis=0)


def test_both_windows_offer_the_themes_and_follow_a_choice_made_in_either(qtbot, server_app, simulator):
    for window in (server_app.window, simulator.window):
        assert [action.text() for action in window.theme_menu.actions()] == ["System", "Light", "Dark"]
    choose(qtbot, server_app.window, "Dark")
    assert is_dark(server_app.window.palette()) and is_dark(simulator.window.palette())
    assert ticked(simulator.window) == "Dark" and saved_theme(settings()) == "dark"
    choose(qtbot, simulator.window, "Light")
    assert not is_dark(server_app.window.palette()) and not is_dark(simulator.window.palette())
    assert ticked(server_app.window) == "Light" and saved_theme(settings()) == "light"


def test_the_chart_is_readable_in_dark_and_in_light(qtbot, server_app):
    window, chart = server_app.window, server_app.window.chart
    window.resize(1200, 800)
    now = time.time()
    window.add_readings(batches({"capteur_1": ([now - 30, now], [20.0, 21.0])}))
    qtbot.waitUntil(lambda: not chart.redraw_pending and chart.legend.isVisible())
    for choice, scheme in (("Dark", DARK), ("Light", LIGHT)):
        choose(qtbot, window, choice)
        image = pixels(chart.plot.grab().toImage())
        view = chart.plot.mapFromScene(chart.plot.getViewBox().sceneBoundingRect()).boundingRect()
        plot = image[view.top() + 5 : view.bottom() - 5, view.left() + 5 : view.right() - 5]
        assert np.count_nonzero(plot == QColor(scheme.plot).rgb()) > 0.5 * plot.size
        axis = image[view.bottom() + 2 :, view.left() : view.right()]
        text = lightness(axis) > 170 if choice == "Dark" else lightness(axis) < 110
        assert np.count_nonzero(text) > 50, "the time axis's labels stand out from the plot"
        legend = chart.plot.mapFromScene(chart.legend.sceneBoundingRect()).boundingRect()
        name = image[legend.top() + 2 : legend.bottom() - 2, legend.left() + 30 : legend.right() - 2]
        assert np.count_nonzero(lightness(name) > 170 if choice == "Dark" else lightness(name) < 110) > 10
        assert chart._crosshair.vertical.pen.color() == QColor(scheme.crosshair)


def test_the_empty_chart_card_follows_the_theme(qtbot, server_app):
    hint = server_app.window.chart.empty_hint
    choose(qtbot, server_app.window, "Dark")
    card = pixels(hint.grab().toImage())
    assert np.median(lightness(card)) < 80
    choose(qtbot, server_app.window, "Light")
    assert np.median(lightness(pixels(hint.grab().toImage()))) > 200


def test_the_saved_theme_applies_at_start(qapp):
    store = settings()
    store.setValue("theme", "dark")
    follow_theme(store)
    assert is_dark(qapp.palette())
    store.setValue("theme", "system")
    follow_theme(store)
    assert is_dark(qapp.palette()) == (QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark)


def test_the_simulator_panels_big_figures_are_readable_in_dark(qtbot, simulator):
    window = simulator.window
    window.clock.show_time("12:34:56", 0.002)
    window.weather.temperature.setText("21.5 °C")
    window.weather.observed.setText("observed 12:00")
    choose(qtbot, window, "Dark")
    background = window.palette().color(QPalette.ColorRole.Window).value()
    figures = (("clock", window.clock.time), ("weather", window.weather.temperature), ("weather", window.weather.observed))
    for dock, label in figures:
        window.docks[dock].raise_()
        qtbot.waitUntil(label.isVisible)
        # As the window shows it: a label with a style sheet keeps the palette it was given, and
        # grabbed alone it fills its background with that one's.
        ink = lightness(pixels(window.grab(QRect(label.mapTo(window, QPoint(0, 0)), label.size())).toImage()))
        assert np.abs(ink.astype(int) - background).max() > 100, f"{label.text()} hardly stands out"
