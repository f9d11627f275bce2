"""The chart as a PNG or SVG file (File > Export chart image…)."""

from __future__ import annotations

from pathlib import Path

from pyqtgraph.exporters import ImageExporter, SVGExporter

from widgets.chart import LiveChart


def save_chart_image(chart: LiveChart, path: Path) -> None:
    """SVG when the name ends in .svg, PNG otherwise; raises OSError when the file cannot be written."""
    scene_item = chart.plot.getPlotItem()
    if path.suffix.lower() == ".svg":
        SVGExporter(scene_item).export(str(path))
    else:
        exporter = ImageExporter(scene_item)
        exporter.parameters()["width"] = max(1200, int(chart.plot.width()))
        if not exporter.export(str(path.with_suffix(".png") if path.suffix.lower() != ".png" else path)):
            raise OSError(0, "the image could not be written")
