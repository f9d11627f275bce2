"""The chart as a PNG or SVG file (File > Export chart image…)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF
from PySide6.QtGui import QPainter
from PySide6.QtSvg import QSvgGenerator

from widgets.chart.chart import LiveChart


def save_chart_image(chart: LiveChart, path: Path) -> None:
    """SVG when the name ends in .svg, PNG otherwise (named .png); raises OSError when the file cannot
    be written."""
    svg = path.suffix.lower() == ".svg"
    with chart.without_pointer():
        data = _svg(chart) if svg else _png(chart)
    (path if svg else path.with_suffix(".png")).write_bytes(data)


def _png(chart: LiveChart) -> bytes:
    image = chart.image()
    return _written(lambda buffer: image.save(buffer, "PNG"))


def _svg(chart: LiveChart) -> bytes:
    """What the plot shows, drawn by Qt's own SVG generator. pyqtgraph's SVG exporter rewrites the
    coordinates of what Qt writes, and fails on the paths Qt 6 writes. Drawn from the scene, the curves
    are lines, not the picture kept for the screen."""
    plot = chart.plot
    size = plot.viewport().size()
    # SVG 1.1 rather than Qt's default Tiny 1.2, which has no clip paths: the curves would cross the axes.
    generator = QSvgGenerator(QSvgGenerator.SvgVersion.Svg11)
    generator.setSize(size)
    generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
    generator.setTitle("Thermolab")
    # The axes are pictures, which Qt scales to the device's resolution: the screen's keeps them as shown.
    generator.setResolution(plot.logicalDpiX())

    def draw(buffer: QBuffer) -> None:
        generator.setOutputDevice(buffer)
        painter = QPainter(generator)
        painter.fillRect(generator.viewBoxF(), plot.backgroundBrush())
        plot.scene().render(painter, QRectF(generator.viewBoxF()), plot.mapToScene(plot.viewport().rect()).boundingRect())
        painter.end()

    return _written(draw)


def _written(write) -> bytes:
    """What `write(buffer)` puts in a buffer in memory: the file is written in one go, by Python, whose
    errors say why (no such folder, no permission)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    write(buffer)
    return bytes(data)
