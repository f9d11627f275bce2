"""The chart as a PNG or SVG file (File > Export chart image…)."""

from __future__ import annotations

from pathlib import Path

from pyqtgraph.exporters import ImageExporter
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF
from PySide6.QtGui import QPainter
from PySide6.QtSvg import QSvgGenerator

from widgets.chart import LiveChart


def save_chart_image(chart: LiveChart, path: Path) -> None:
    """SVG when the name ends in .svg, PNG otherwise; raises OSError when the file cannot be written."""
    if path.suffix.lower() == ".svg":
        path.write_bytes(_svg(chart))
        return
    exporter = ImageExporter(chart.plot.getPlotItem())
    exporter.parameters()["width"] = max(1200, int(chart.plot.width()))
    if not exporter.export(str(path.with_suffix(".png") if path.suffix.lower() != ".png" else path)):
        raise OSError(0, "the image could not be written")


def _svg(chart: LiveChart) -> bytes:
    """What the plot shows, drawn by Qt's own SVG generator. pyqtgraph's SVG exporter rewrites the
    coordinates of what Qt writes, and fails on the paths Qt 6 writes. Drawn from the scene, the curves
    are lines, not the picture kept for the screen."""
    plot = chart.plot
    size = plot.viewport().size()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(size)
    generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
    generator.setTitle("Thermolab")
    # The axes are pictures, which Qt scales to the device's resolution: the screen's keeps them as shown.
    generator.setResolution(plot.logicalDpiX())
    painter = QPainter(generator)
    painter.fillRect(generator.viewBoxF(), plot.backgroundBrush())
    plot.scene().render(painter, QRectF(generator.viewBoxF()), plot.mapToScene(plot.viewport().rect()).boundingRect())
    painter.end()
    return bytes(data)
