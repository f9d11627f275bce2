"""Alarm thresholds on the chart: a dashed line at each high or low threshold of the sensors looked at.

The lines are made again only when the rules, or the sensors looked at, change; a frame moves them with
the view as it moves the axes, and they take no part in the height that following shows, which the
readings alone decide.
"""

from __future__ import annotations

from typing import NamedTuple

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

MAX_LINES = 20
"""Beyond this many distinct thresholds the lines would hide the curves: the first ones are drawn."""


class Threshold(NamedTuple):
    value: float
    """°C."""
    colour: str
    """The sensor's colour when the line is one sensor's, the axes' colour when it is shared."""
    label: str


class ThresholdLines:
    def __init__(self, plot: pg.PlotItem):
        self._plot = plot
        self._lines: list[pg.InfiniteLine] = []
        self.shown: list[Threshold] = []

    def show(self, thresholds: list[Threshold]) -> None:
        """Draw these lines instead of those drawn; nothing happens when they are the same."""
        thresholds = thresholds[:MAX_LINES]
        if thresholds == self.shown:
            return
        for line in self._lines:
            self._plot.removeItem(line)
        self._lines = [self._line(threshold) for threshold in thresholds]
        self.shown = thresholds

    def _line(self, threshold: Threshold) -> pg.InfiniteLine:
        pen = pg.mkPen(QColor(threshold.colour), width=1, style=Qt.PenStyle.DashLine)
        line = pg.InfiniteLine(
            threshold.value,
            angle=0,
            pen=pen,
            movable=False,
            label=threshold.label,
            # At the right end, above the line: the legend sits at the top left, the newest readings at the right.
            labelOpts={"position": 0.98, "anchors": [(1, 1), (1, 1)], "color": threshold.colour},
        )
        line.setToolTip(threshold.label)
        self._plot.addItem(line, ignoreBounds=True)
        return line
