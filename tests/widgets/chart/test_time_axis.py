"""The time axis slides its last picture while the chart follows: it must show what drawing it anew shows."""

import time

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from tests.widgets.pictures import differing_pixels
from widgets.chart.chart import LiveChart

START = 1_700_000_000.0
"""14 November 2023, 22:13:20 UTC: local midnight in Paris is in the first hour."""


@pytest.fixture
def zone(request, monkeypatch):
    """Local time in that zone for the test: away from UTC, pyqtgraph places ticks otherwise."""
    monkeypatch.setenv("TZ", request.param)
    time.tzset()
    yield request.param
    monkeypatch.undo()
    time.tzset()


def shown_chart(qtbot, span: float) -> LiveChart:
    chart = LiveChart("")
    qtbot.addWidget(chart)
    chart.resize(800, 400)
    chart.show()
    qtbot.waitExposed(chart)
    chart.set_following(False)
    chart.plot.setXRange(START, START + span, padding=0)
    # The axes take their width from a first paint, and the layout follows at the next pass of the event loop.
    chart.plot.grab()
    QApplication.processEvents()
    return chart


def axis_picture(chart: LiveChart):
    axis = chart.plot.getPlotItem().getAxis("bottom")
    return chart.plot.grab(chart.plot.mapFromScene(axis.sceneBoundingRect()).boundingRect()).toImage()


# The chart's windows with their margins (so ticks do not leave at one end as others enter at the
# other). Moved by a fraction of a pixel, text and thin tick marks fall on whole pixels a little
# differently than drawn there: up to about 80 pixels. A label is some 250.
@pytest.mark.parametrize(
    "span, pixels_a_frame, tolerance, zone",
    [
        (62.4, 1.0, 0, "UTC"),
        (624, 1.0, 0, "UTC"),
        (3744, 1.0, 0, "Europe/Paris"),
        (89856, 1.0, 0, "Europe/Paris"),
        (62.4, 1.3, 120, "UTC"),
        (3744, 1.3, 120, "Europe/Paris"),
    ],
    indirect=["zone"],
)
def test_a_sliding_time_axis_shows_what_drawing_it_anew_shows(qtbot, span, pixels_a_frame, tolerance, zone):
    chart = shown_chart(qtbot, span)
    axis = chart.plot.getPlotItem().getAxis("bottom")
    step = pixels_a_frame * chart.plot.getViewBox().viewPixelSize()[0]
    drawings = axis.drawings
    # Ticks enter at the right and leave at the left, labels reach the edges.
    for frame in range(1, 301):
        chart.plot.setXRange(START + frame * step, START + span + frame * step, padding=0)
        slid = axis_picture(chart)
        axis.picture = None
        assert differing_pixels(slid, axis_picture(chart)) <= tolerance, f"after {frame} frames"
    assert 2 <= axis.drawings - drawings - 300 <= 30, "drawn anew only where ticks or labels come and go"


def test_with_the_grid_shown_a_taller_plot_gets_longer_grid_lines(qtbot):
    chart = shown_chart(qtbot, 62.4)
    chart.set_grid(True)
    chart.plot.grab()
    chart.resize(800, 500)
    qtbot.waitUntil(lambda: chart.height() == 500)
    shown = chart.plot.grab().toImage()
    chart.plot.getPlotItem().getAxis("bottom").picture = None
    assert differing_pixels(shown, chart.plot.grab().toImage()) == 0


def test_a_new_font_draws_the_axis_anew(qtbot):
    chart = shown_chart(qtbot, 62.4)
    axis = chart.plot.getPlotItem().getAxis("bottom")
    before = QApplication.font()
    larger = QFont(before)
    larger.setPointSizeF(before.pointSizeF() * 1.5)
    try:
        QApplication.setFont(larger)
        QApplication.processEvents()
        chart.plot.setXRange(START + 1, START + 63.4, padding=0)
        shown = axis_picture(chart)
        axis.picture = None
        assert differing_pixels(shown, axis_picture(chart)) <= 120
    finally:
        QApplication.setFont(before)
