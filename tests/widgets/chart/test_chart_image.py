"""File > Export chart image…: a PNG or an SVG file that shows what the window shows."""

import time
from xml.etree import ElementTree

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from app.server.chart_image import save_chart_image
from tests.support import batches
from tests.widgets.pictures import pixels
from widgets.chart.chart import LiveChart


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


def ink_box(image: QImage, chart: LiveChart, coloured: bool, scale: float = 1.0) -> tuple[int, int, int, int]:
    """Top, bottom, left and right of the coloured pixels (the curve), or of the grey ones (axes and
    text), the legend left out, in the window's pixels for an image `scale` times as large. Coloured
    rather than in the sensor's exact colour: an SVG viewer smooths the edges of lines."""
    rgb = pixels(image)
    channels = np.stack([(rgb >> shift) & 0xFF for shift in (16, 8, 0)]).astype(int)
    saturation, darkness = channels.max(axis=0) - channels.min(axis=0), 255 - channels.min(axis=0)
    rows, columns = np.nonzero(saturation > 40 if coloured else (saturation <= 40) & (darkness > 60))
    legend = QRectF(chart.plot.mapFromScene(chart.legend.sceneBoundingRect()).boundingRect())
    legend = QRectF(legend.topLeft() * scale, legend.size() * scale)
    outside = ~((columns >= legend.left()) & (columns <= legend.right()) & (rows >= legend.top()) & (rows <= legend.bottom()))
    rows, columns = rows[outside], columns[outside]
    return tuple(round(edge / scale) for edge in (rows.min(), rows.max(), columns.min(), columns.max()))


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


def test_the_png_shows_the_curve_where_the_window_shows_it(chart, tmp_path):
    path = tmp_path / "chart.png"
    save_chart_image(chart, path)
    image = QImage(str(path))
    scale = image.width() / chart.plot.width()
    assert image.width() >= 1200
    assert np.allclose(ink_box(image, chart, True, scale), ink_box(chart.plot.grab().toImage(), chart, True), atol=3)


def test_in_the_svg_the_curves_stop_at_the_axes(chart, tmp_path):
    chart.add_points(batches({"rising": ([time.time() - 3600], [20.0])}))
    path = tmp_path / "chart.svg"
    save_chart_image(chart, path)
    root = ElementTree.parse(path).getroot()
    parents = {child: parent for parent in root.iter() for child in parent}
    colour = chart.colour("rising").name()
    curves = [element for element in root.iter() if element.tag.endswith("polyline") and _stroke(element, parents) == colour]
    assert curves and all(_clipped(curve, parents) for curve in curves)


def test_the_crosshair_is_left_out_of_an_image(qtbot, chart, tmp_path):
    view = chart.plot.getViewBox()
    qtbot.mouseMove(chart.plot.viewport(), chart.plot.mapFromScene(view.sceneBoundingRect().center()))
    crosshair = [item for item in chart.plot.getPlotItem().items if isinstance(item, pg.InfiniteLine)]
    assert len(crosshair) == 2
    qtbot.waitUntil(lambda: all(line.isVisible() for line in crosshair))
    save_chart_image(chart, tmp_path / "chart.svg")
    assert "stroke-dasharray" not in (tmp_path / "chart.svg").read_text()
    assert all(line.isVisible() for line in crosshair), "still there in the window"


def _stroke(element, parents) -> str | None:
    while element is not None and element.get("stroke") in (None, "none"):
        element = parents.get(element)
    return element.get("stroke") if element is not None else None


def _clipped(element, parents) -> bool:
    while element is not None:
        if element.get("clip-path"):
            return True
        element = parents.get(element)
    return False


@pytest.mark.parametrize("name", ["chart.svg", "chart.png"])
def test_a_missing_folder_is_an_error_the_window_can_explain(chart, tmp_path, name):
    with pytest.raises(OSError) as error:
        save_chart_image(chart, tmp_path / "missing" / name)
    # The window's message quotes the reason.
    assert error.value.strerror == "No such file or directory"
