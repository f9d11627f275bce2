"""File > Export chart image…: a PNG or an SVG file that shows what the window shows."""

import time

import numpy as np
import pytest
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from app.chart_image import save_chart_image
from tests.support import batches
from tests.widgets.pictures import pixels
from widgets.chart import LiveChart


@pytest.fixture
def chart(qtbot) -> LiveChart:
    chart = LiveChart("")
    qtbot.addWidget(chart)
    chart.resize(800, 400)
    chart.show()
    qtbot.waitExposed(chart)
    now = time.time()
    chart.add_points(batches({"rising": ([now - 20, now], [20.0, 21.0])}))
    qtbot.waitUntil(lambda: not chart.redraw_pending)
    return chart


def ink_box(image: QImage, chart: LiveChart, coloured: bool) -> tuple[int, int, int, int]:
    """Top, bottom, left and right of the coloured pixels (the curve), or of the grey ones (axes and
    text), the legend left out. Coloured rather than in the sensor's exact colour: an SVG viewer
    smooths the edges of lines."""
    rgb = pixels(image)
    channels = np.stack([(rgb >> shift) & 0xFF for shift in (16, 8, 0)]).astype(int)
    saturation, darkness = channels.max(axis=0) - channels.min(axis=0), 255 - channels.min(axis=0)
    rows, columns = np.nonzero(saturation > 40 if coloured else (saturation <= 40) & (darkness > 60))
    legend = chart.plot.mapFromScene(chart.legend.sceneBoundingRect()).boundingRect()
    outside = ~((columns >= legend.left()) & (columns <= legend.right()) & (rows >= legend.top()) & (rows <= legend.bottom()))
    rows, columns = rows[outside], columns[outside]
    return rows.min(), rows.max(), columns.min(), columns.max()


def test_the_svg_draws_the_curve_and_the_axes_where_the_window_shows_them(chart, tmp_path):
    path = tmp_path / "chart.svg"
    save_chart_image(chart, path)
    shown = chart.plot.grab().toImage()
    drawn = QImage(shown.size(), QImage.Format.Format_RGB32)
    painter = QPainter(drawn)
    QSvgRenderer(str(path)).render(painter)
    painter.end()
    for coloured in (True, False):
        assert np.allclose(ink_box(drawn, chart, coloured), ink_box(shown, chart, coloured), atol=2)
    # The coarsest ticks always have their labels, but for one too near an edge to fit.
    axis = chart.plot.getPlotItem().getAxis("bottom")
    (start, end), margin = axis.range, 60 * (axis.range[1] - axis.range[0]) / axis.width()
    spacing, values = axis.tickValues(start, end, axis.width())[0]
    labels = axis.tickStrings([value for value in values if start + margin <= value <= end - margin], 1, spacing)
    text = path.read_text()
    assert labels and "Temperature" in text and all(f">{label}</text>" in text for label in labels)


def test_the_png_shows_the_curve(chart, tmp_path):
    path = tmp_path / "chart.png"
    save_chart_image(chart, path)
    image = QImage(str(path))
    assert image.width() >= 1200
    top, bottom, left, right = ink_box(image, chart, coloured=True)
    assert bottom - top > 100 and right - left > 100


@pytest.mark.parametrize("name", ["chart.svg", "chart.png"])
def test_a_missing_folder_is_an_error_the_window_can_explain(chart, tmp_path, name):
    with pytest.raises(OSError):
        save_chart_image(chart, tmp_path / "missing" / name)
