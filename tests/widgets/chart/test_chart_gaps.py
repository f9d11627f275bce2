"""A sensor silent much longer than usual leaves a gap in its curve, on screen and in images."""

import numpy as np
import pytest
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from app.server.chart_image import save_chart_image
from tests.support import batches
from tests.widgets.chart.test_curve_set import fixed_view, on_screen, painted
from tests.widgets.pictures import pixels
from widgets.chart.chart import LiveChart

BEFORE, AFTER = np.arange(0.0, 100.0), np.arange(200.0, 300.0)
"""A reading a second, a silence of 100 s, then readings again."""


@pytest.fixture(params=[True, False], ids=["a slot's lowest and highest", "every point"])
def chart(qtbot, request) -> LiveChart:
    chart = LiveChart("", decimate=request.param)
    times = np.concatenate((BEFORE, AFTER))
    chart.add_points(batches({"capteur_1": (times, np.full(len(times), 20.0))}))
    fixed_view(chart, qtbot, (0, 300), (0, 40))
    return chart


def gap_columns(chart: LiveChart, scale: float = 1.0) -> slice:
    """The pixel columns of the silence, a few pixels inside it."""
    return slice(round((on_screen(chart, 100.0, 20).x() + 3) * scale), round((on_screen(chart, 200.0, 20).x() - 3) * scale))


def test_the_curve_breaks_where_the_sensor_was_silent(chart):
    columns = painted(chart, "capteur_1")[:, 1]
    gap = gap_columns(chart)
    assert np.any(columns < gap.start) and np.any(columns > gap.stop), "the readings on both sides are drawn"
    assert not np.any((columns >= gap.start) & (columns < gap.stop))


def coloured(image: QImage) -> np.ndarray:
    rgb = pixels(image)
    channels = np.stack([(rgb >> shift) & 0xFF for shift in (16, 8, 0)]).astype(int)
    return channels.max(axis=0) - channels.min(axis=0) > 40


def test_a_png_export_shows_the_gap(chart, tmp_path):
    save_chart_image(chart, tmp_path / "chart.png")
    image = QImage(str(tmp_path / "chart.png"))
    ink = coloured(image)
    gap = gap_columns(chart, image.width() / chart.plot.width())
    assert ink[:, : gap.start].any() and ink[:, gap.stop :].any()
    assert not ink[:, gap].any()


def test_an_svg_export_shows_the_gap(chart, tmp_path):
    save_chart_image(chart, tmp_path / "chart.svg")
    image = QImage(chart.plot.size(), QImage.Format.Format_RGB32)
    painter = QPainter(image)
    QSvgRenderer(str(tmp_path / "chart.svg")).render(painter)
    painter.end()
    ink = coloured(image)
    gap = gap_columns(chart)
    assert ink[:, : gap.start].any() and ink[:, gap.stop :].any()
    assert not ink[:, gap].any()


def test_the_crosshair_names_the_last_reading_before_a_gap(chart):
    capteur_id, time, value = chart._crosshair.nearest(101.0, 20.0)
    assert 99 <= time < 100 and value == 20.0
