"""What the chart paints, read back from the picture: curves, spikes among many points, single readings."""

import time

import numpy as np
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QImage

from tests.support import batches
from widgets.chart import LiveChart


def painted(chart: LiveChart, capteur_id: str) -> np.ndarray:
    """(row, column) of every pixel of the plot painted in that sensor's colour, the legend left out."""
    image = chart.plot.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    pixels = np.frombuffer(image.constBits(), np.uint32).reshape(image.height(), image.bytesPerLine() // 4)
    found = np.argwhere(pixels[:, : image.width()] == chart.colour(capteur_id).rgb())
    legend = chart.plot.mapFromScene(chart.legend.sceneBoundingRect()).boundingRect()
    return np.array([(row, column) for row, column in found if not legend.contains(column, row)]).reshape(-1, 2)


def on_screen(chart: LiveChart, x: float, y: float) -> QPointF:
    """Where a point of the data lands in the plot's picture."""
    return chart.plot.mapFromScene(chart.plot.getViewBox().mapViewToScene(QPointF(x, y)))


def fixed_view(chart: LiveChart, qtbot, x_range, y_range) -> None:
    qtbot.addWidget(chart)
    chart.resize(800, 400)
    chart.show()
    qtbot.waitExposed(chart)
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


def test_a_single_reading_shows_as_a_dot(qtbot):
    chart = LiveChart("", decimate=False)
    chart.add_points(batches({"once": ([50.0], [21.0])}))
    fixed_view(chart, qtbot, (0, 100), (0, 40))
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


def test_clicking_a_legend_entry_hides_and_shows_that_sensor(qtbot):
    chart = LiveChart("", decimate=False)
    chart.add_points(batches({"a": ([0.0, 100.0], [10.0, 10.0]), "b": ([0.0, 100.0], [30.0, 30.0])}))
    fixed_view(chart, qtbot, (0, 100), (0, 40))
    sample = next(sample for sample, label in chart.legend.items if label.text == "a")
    where = chart.plot.mapFromScene(sample.mapToScene(sample.boundingRect().center()))
    qtbot.mouseClick(chart.plot.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert not chart.is_sensor_visible("a")
    assert not len(painted(chart, "a")) and len(painted(chart, "b"))
    qtbot.mouseClick(chart.plot.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert chart.is_sensor_visible("a") and len(painted(chart, "a"))


def test_while_following_the_height_fits_the_visible_sensors_in_the_window(qtbot):
    chart = LiveChart("")
    qtbot.addWidget(chart)
    now = time.time()
    chart.add_points(batches({"gone": ([now - 3600], [90.0]), "cold": ([now - 20, now], [-5.0, -4.0]), "warm": ([now - 20, now], [20.0, 25.0])}))
    low, high = chart.plot.getViewBox().viewRange()[1]
    assert -6.0 < low <= -5.0 and 25.0 <= high < 26.0
    chart.set_sensor_visible("cold", False)
    low, high = chart.plot.getViewBox().viewRange()[1]
    assert 19.0 < low <= 20.0 and 25.0 <= high < 26.0
