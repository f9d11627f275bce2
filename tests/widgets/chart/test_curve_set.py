"""What the chart paints, read back from the picture: curves, spikes among many points, single readings."""

import time

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from tests.support import batches
from tests.widgets.pictures import differing_pixels, pixels
from widgets.chart.chart import LiveChart


def painted(chart: LiveChart, capteur_id: str) -> np.ndarray:
    """(row, column) of every pixel of the plot painted in that sensor's colour, the legend left out."""
    found = np.argwhere(pixels(chart.plot.grab().toImage()) == chart.colour(capteur_id).rgb())
    legend = chart.plot.mapFromScene(chart.legend.sceneBoundingRect()).boundingRect()
    return np.array([(row, column) for row, column in found if not legend.contains(column, row)]).reshape(-1, 2)


def shown_height(chart: LiveChart, qtbot) -> list[float]:
    """The lowest and highest temperature in view once the chart has followed its new points."""
    qtbot.waitUntil(lambda: not chart.redraw_pending)
    return chart.plot.getViewBox().viewRange()[1]


def on_screen(chart: LiveChart, x: float, y: float) -> QPointF:
    """Where a point of the data lands in the plot's picture."""
    return chart.plot.mapFromScene(chart.plot.getViewBox().mapViewToScene(QPointF(x, y)))


def fixed_view(chart: LiveChart, qtbot, x_range, y_range) -> None:
    qtbot.addWidget(chart)
    chart.resize(800, 400)
    chart.show()
    qtbot.waitExposed(chart)
    qtbot.waitUntil(lambda: not chart.redraw_pending)
    chart.set_following(False)
    chart.plot.setXRange(*x_range, padding=0)
    chart.plot.setYRange(*y_range, padding=0)


def test_a_spike_among_200_000_points_is_drawn_at_its_height(qtbot):
    chart = LiveChart("", decimate=False)
    times, values = np.arange(200_000.0), np.full(200_000, 20.0)
    values[123_457] = 35.0
    chart.add_points(batches({"fast": (times, values)}))
    fixed_view(chart, qtbot, (0, 200_000), (0, 40))
    top = painted(chart, "fast")[:, 0].min()
    assert abs(top - on_screen(chart, 123_457, 35.0).y()) <= 2
    assert abs(painted(chart, "fast")[:, 0].max() - on_screen(chart, 0, 20.0).y()) <= 2


def test_the_background_shows_around_the_curves(qtbot):
    chart = LiveChart("", decimate=False)
    chart.add_points(batches({"a": ([0.0, 100.0], [10.0, 10.0])}))
    fixed_view(chart, qtbot, (0, 100), (0, 40))
    view = chart.plot.mapFromScene(chart.plot.getViewBox().sceneBoundingRect()).boundingRect().adjusted(2, 2, -2, -2)
    plot = pixels(chart.plot.grab().toImage())[view.top() : view.bottom(), view.left() : view.right()]
    assert np.count_nonzero(plot == QColor("white").rgb()) > 0.8 * plot.size, "the legend and one line cover little"


@pytest.mark.parametrize("decimate", [False, True], ids=["every point", "a slot's lowest and highest"])
def test_a_single_reading_shows_as_a_dot(qtbot, decimate):
    chart = LiveChart("", decimate=decimate)
    chart.add_points(batches({"once": ([50.0], [21.0])}))
    # The one-minute window, whose slot (0.2 s) is wider than a pixel column: one reading spans one.
    fixed_view(chart, qtbot, (0, 62.4), (0, 40))
    rows, columns = painted(chart, "once").T
    where = on_screen(chart, 50.0, 21.0)
    assert len(rows) >= 9
    assert abs(rows.mean() - where.y()) <= 1 and abs(columns.mean() - where.x()) <= 1


def test_only_the_curves_in_view_are_drawn_and_panning_shows_the_others(qtbot):
    chart = LiveChart("", decimate=False)
    chart.add_points(batches({"early": ([0.0, 10.0], [20.0, 20.0]), "late": ([90.0, 100.0], [20.0, 20.0])}))
    fixed_view(chart, qtbot, (0, 40), (0, 40))
    assert len(painted(chart, "early")) and not len(painted(chart, "late"))
    chart.plot.setXRange(60, 100, padding=0)
    assert len(painted(chart, "late")) and not len(painted(chart, "early"))


def test_a_chart_that_scrolled_shows_what_a_chart_opened_there_shows(qtbot):
    """Following moves the last picture by whole pixels and paints only the new columns."""
    rng = np.random.default_rng(7)
    start = 1_700_000_000.0
    times = start + np.arange(0.0, 90.0, 0.05)
    readings = {f"s{k}": (times, 18 + 2 * k + rng.normal(0, 1.5, len(times))) for k in range(5)}
    readings["slow"] = (times[::37], 19 + rng.normal(0, 1.0, len(times[::37])))

    def between(after: float, until: float) -> dict:
        chosen = {name: (t[(t > after) & (t <= until)], v[(t > after) & (t <= until)]) for name, (t, v) in readings.items()}
        return batches({name: points for name, points in chosen.items() if len(points[0])})

    def chart_at(left: float, until: float) -> LiveChart:
        chart = LiveChart("")
        chart.add_points(between(0, until))
        fixed_view(chart, qtbot, (left, left + 60), (15, 30))
        # The axes take their width from a first paint, and the layout follows at the next pass of the event loop.
        chart.plot.grab()
        QApplication.processEvents()
        return chart

    scrolled = chart_at(start, start + 30)
    step = scrolled.plot.getViewBox().viewPixelSize()[0]
    frames, full = scrolled.frames, scrolled.full_frames
    # Forward as when following, then back while readings still arrive.
    for frame, move in enumerate([*range(1, 61), *range(59, 19, -1)], start=1):
        left, until = start + move * step, start + 30 + frame * step
        scrolled.add_points(between(until - step, until))
        qtbot.waitUntil(lambda: not scrolled.redraw_pending)
        scrolled.plot.setXRange(left, left + 60, padding=0)
        picture = scrolled.plot.grab().toImage()
        if frame % 10 == 0:
            # Qt starts a clipped line where it enters the clip, which can move a pixel where curves cross.
            assert differing_pixels(picture, chart_at(left, until).plot.grab().toImage()) <= 20, f"after {frame} frames"
    assert scrolled.frames - frames >= 100
    assert scrolled.full_frames - full == 40, "following painted only the new columns, panning back all"


@pytest.mark.parametrize("part", [0, 1], ids=["its line", "its name"])
def test_clicking_a_legend_entry_hides_and_shows_that_sensor(qtbot, part):
    chart = LiveChart("", decimate=False)
    chart.add_points(batches({"a": ([0.0, 100.0], [10.0, 10.0]), "b": ([0.0, 100.0], [30.0, 30.0])}))
    fixed_view(chart, qtbot, (0, 100), (0, 40))
    clicked = next(entry for entry in chart.legend.items if entry[1].text == "a")[part]
    where = chart.plot.mapFromScene(clicked.mapToScene(clicked.boundingRect().center()))
    qtbot.mouseClick(chart.plot.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert not chart.is_sensor_visible("a")
    assert not len(painted(chart, "a")) and len(painted(chart, "b"))
    qtbot.mouseClick(chart.plot.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert chart.is_sensor_visible("a") and len(painted(chart, "a"))


def test_while_following_the_height_fits_the_visible_sensors_in_the_window(qtbot):
    chart = LiveChart("")
    qtbot.addWidget(chart)
    now = time.time()
    chart.add_points(
        batches(
            {"gone": ([now - 3600], [90.0]), "cold": ([now - 20, now], [-5.0, -4.0]), "warm": ([now - 20, now], [20.0, 25.0])}
        )
    )
    low, high = shown_height(chart, qtbot)
    assert -9.5 < low <= -5.0 and 25.0 <= high < 29.5, "a margin of at most 15% of 30 °C either side"
    chart.set_sensor_visible("cold", False)
    low, high = chart.plot.getViewBox().viewRange()[1]
    assert 19.0 < low <= 20.0 and 25.0 <= high < 26.0


def test_while_following_the_height_stays_put_until_a_reading_falls_outside(qtbot):
    chart = LiveChart("")
    qtbot.addWidget(chart)
    now = time.time()
    chart.add_points(batches({"a": ([now - 20, now - 10], [20.0, 30.0])}))
    height = shown_height(chart, qtbot)
    for step in range(1, 6):
        chart.add_points(batches({"a": ([now - 10 + step], [20.0 + step])}))
        assert shown_height(chart, qtbot) == height
    chart.add_points(batches({"a": ([now], [45.0])}))
    low, high = shown_height(chart, qtbot)
    assert low <= 20.0 and high >= 45.0
